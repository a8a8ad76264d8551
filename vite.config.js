import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const seedsDir = fileURLToPath(new URL('./seeds/', import.meta.url));
const preparedSeedsFile = fileURLToPath(new URL('./www/pkg/seeds.wxpd', import.meta.url));
const seedsModule = fileURLToPath(new URL('./www/seeds.js', import.meta.url));

// Two builds from the same sources:
//   `vite build`               dist/: the served page, with a Workbox service worker and a web
//                              app manifest (offline after the first visit, installable).
//   `vite build --mode single` dist-single/wenxi.html: one self-contained file that opens from
//                              file:// (`cargo xtask single`); no service worker, no manifest.
export default defineConfig(({ mode }) => (mode === 'single' ? singleConfig() : pageConfig()));

// The .wasm's own hash, a constant of the analysis worker's bundle: an analysis remembered
// across visits (www/analysis-memo.js) is only ever recalled by the engine build that made it.
function wasmBuild() {
  try {
    const wasm = readFileSync(fileURLToPath(new URL('./www/pkg/wenxi_bg.wasm', import.meta.url)));
    return createHash('sha256').update(wasm).digest('hex').slice(0, 16);
  } catch {
    return 'unbuilt';
  }
}

const shared = {
  // Relative URLs: dist/ works from any path on a static host.
  base: './',
  define: { __WENXI_WASM_BUILD__: JSON.stringify(wasmBuild()) },
  worker: {
    // The worker is an ES module (it imports the wasm-bindgen glue); the default is iife.
    format: 'es',
  },
  server: {
    host: '127.0.0.1',
  },
};

const sharedBuild = {
  emptyOutDir: true,
  target: 'es2022',
};

// ---- the served page ----------------------------------------------------------------------

// Headroom over the .wasm (~1.1 MB) and the dictionary (~2.9 MB raw): Workbox skips (with a warning) any file above its limit,
// and a page that is missing its engine offline is worse than a slow first install.
const MAX_PRECACHED_FILE = 32 * 1024 * 1024;

function pageConfig() {
  return {
    ...shared,
    // public/ holds the app icons, as PNGs (copied as they are; the SVG sources are in www/icons/
    // and scripts/render-icons.mjs renders them).
    publicDir: 'public',
    plugins: [copySeeds(), preloadEngine(), VitePWA(pwaOptions())],
    build: {
      ...sharedBuild,
      outDir: 'dist',
      // Never turn the .wasm or the engine's data (.wxd, and the lazily fetched .wxs / .wxp / .wxi) into
      // a data: URL: the CSP's connect-src 'self' would block it, and a separate file stays
      // cached across code updates.
      assetsInlineLimit: (file) => (/\.(wasm|wxd|wxs|wxp|wxi)$/.test(file) ? false : undefined),
    },
  };
}

// The worker fetches seeds/index.json and then each file it names (www/seeds.js), so the seeds
// are copied to dist/seeds/ under their own names (no hashing). In dev, Vite serves them from
// the project root.
function copySeeds() {
  return {
    name: 'wenxi:copy-seeds',
    apply: 'build',
    generateBundle() {
      for (const name of readdirSync(seedsDir)) {
        this.emitFile({ type: 'asset', fileName: `seeds/${name}`, source: readFileSync(seedsDir + name) });
      }
      // The seeds segmented at build time (scripts/snapshot.mjs), for a pristine start.
      this.emitFile({ type: 'asset', fileName: 'seeds/prepared.wxpd', source: readFileSync(preparedSeedsFile) });
      // The same with posseg's model (a returning visit whose stored documents were tagged so).
      this.emitFile({
        type: 'asset',
        fileName: 'seeds/prepared-posseg.wxpd',
        source: readFileSync(preparedSeedsFile.replace(/seeds\.wxpd$/, 'seeds-posseg.wxpd')),
      });
    },
  };
}

// The worker fetches the .wasm and the dictionary only once it runs, which is after the page's
// first script (www/boot.js) has been fetched and has started it. Preload hints let the browser fetch both while it
// is still reading the page: the worker's own requests then find them in the HTTP cache (or wait
// for them to arrive there). docs/performance/STARTUP.md has what it saves.
function preloadEngine() {
  return {
    name: 'wenxi:preload-engine',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        const engine = Object.keys(bundle ?? {}).filter((name) => /\.(wasm|wxd)$/.test(name));
        if (engine.length !== 2)
          throw new Error(`preload: expected the .wasm and the .wxd, found ${engine.join(', ')}`);
        // The page's code, which the first script (www/boot.js) imports only after it has
        // started the worker: fetched meanwhile.
        const page = Object.values(bundle ?? {}).filter(
          (file) => file.type === 'chunk' && file.facadeModuleId?.endsWith('/www/main.js'),
        );
        if (page.length !== 1) throw new Error(`preload: expected one chunk for www/main.js, found ${page.length}`);
        return [
          { tag: 'link', attrs: { rel: 'modulepreload', href: page[0].fileName, crossorigin: '' }, injectTo: 'head' },
          ...engine.sort().map((href) => ({
            tag: 'link',
            // crossorigin: fetch() requests are CORS-mode, and a preload is used only by a request
            // of the same mode.
            attrs: { rel: 'preload', href, as: 'fetch', crossorigin: '' },
            injectTo: 'head',
          })),
        ];
      },
    },
  };
}

function pwaOptions() {
  return {
    // A new version waits until the person agrees to reload (www/offline.js shows the banner),
    // so one page never runs half old, half new code.
    registerType: 'prompt',
    // www/offline.js registers it (virtual:pwa-register); nothing is injected into index.html
    // but the manifest link.
    injectRegister: false,
    strategies: 'generateSW',
    filename: 'sw.js',
    manifestFilename: 'manifest.webmanifest',
    // The icons are found by the glob below, with everything else.
    includeManifestIcons: false,
    manifest: {
      id: './',
      name: '文析 Wenxi',
      short_name: '文析',
      description: '离线中文文本分析：词云、关键词、共现网络、短语和语境，文本不会离开您的电脑。',
      lang: 'zh-CN',
      dir: 'ltr',
      display: 'standalone',
      start_url: './',
      scope: './',
      theme_color: '#b3261e',
      background_color: '#ffffff',
      categories: ['education', 'productivity', 'utilities'],
      icons: [
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: 'icons/icon-maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
        { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    workbox: {
      // Every file of dist/: HTML, JS (page, worker, Workbox window), CSS, the .wasm, the seeds
      // (index.json and the .txt files), the manifest and its icons (sw.js itself is left out).
      globPatterns: ['**/*'],
      // The plugin adds the manifest itself.
      globIgnores: ['sw.js', 'manifest.webmanifest'],
      maximumFileSizeToCacheInBytes: MAX_PRECACHED_FILE,
      // Cache names start with "wenxi-precache-"; each entry carries its revision, and on
      // activation a new version deletes the entries the old one had and it no longer lists.
      cacheId: 'wenxi',
      cleanupOutdatedCaches: true,
      // On the first visit the new worker takes the open page at once, so it works offline
      // without a reload. Later versions still wait for the banner (no skipWaiting).
      clientsClaim: true,
      navigateFallback: 'index.html',
      // One file: sw.js needs no importScripts() of a separate Workbox runtime.
      inlineWorkboxRuntime: true,
      sourcemap: false,
    },
  };
}

// ---- the single file ----------------------------------------------------------------------

function singleConfig() {
  return {
    ...shared,
    publicDir: false,
    plugins: [singleFile()],
    worker: {
      // A page opened from file:// may start a classic worker from a blob: URL, but Chromium
      // refuses a module worker from one (blob:null fails the module script's CORS check), so
      // here the worker is one classic script and the loader starts it as such.
      format: 'iife',
      // The worker bundle is built separately: it needs the inline seeds too.
      plugins: () => [inlineSeeds()],
    },
    experimental: {
      // Every URL a bundle computes for another file (the worker script in the page, the .wasm
      // in the worker) becomes a call into the loader that singleFile() writes into the page.
      renderBuiltUrl(fileName, { hostType }) {
        if (hostType !== 'js') return undefined;
        return { runtime: `globalThis.__wenxiFile(${JSON.stringify(fileName)})` };
      },
    },
    build: {
      ...sharedBuild,
      outDir: 'dist-single',
      // Nothing to preload: there is one script.
      modulePreload: false,
      cssCodeSplit: false,
      assetsInlineLimit: 0,
      // Any dynamic import must end up in the one page script too.
      rolldownOptions: { output: { codeSplitting: false } },
    },
  };
}

/** Replaces www/seeds.js with a module that holds the seeds inline, in index.json's order. */
function inlineSeeds() {
  const id = '\0wenxi:inline-seeds';
  return {
    name: 'wenxi:inline-seeds',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!source.endsWith('seeds.js')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === seedsModule ? id : null;
    },
    load(loaded) {
      if (loaded !== id) return null;
      const { files } = JSON.parse(readFileSync(seedsDir + 'index.json', 'utf8'));
      // The seeds are UTF-8; kept as text (smaller than base64) and encoded back to the very
      // same bytes. ignoreBOM keeps a BOM in the string, so a file with one round-trips too.
      const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
      const seeds = files.map((name) => ({ name, text: decoder.decode(readFileSync(seedsDir + name)) }));
      return `// The seeds, inline (single-file build; see vite.config.js).
const SEEDS = ${JSON.stringify(seeds)};
export async function seedFiles(_baseUrl, skip = []) {
  const encoder = new TextEncoder();
  return SEEDS.filter(({ name }) => !skip.includes(name)).map(({ name, text }) => ({ name, bytes: encoder.encode(text) }));
}
// Not inline: the seeds are segmented in the page (the file stays smaller).
export async function preparedSeeds() {
  return null;
}
`;
    },
  };
}

// The page's Content-Security-Policy in the single file. Nothing is fetched from anywhere: the
// scripts are allowed by their hashes, the worker and the .wasm come from blob: URLs that the
// page makes from its own inline data.
const singleCsp = (scriptHashes) =>
  [
    "default-src 'none'",
    `script-src ${scriptHashes.map((h) => `'${h}'`).join(' ')} 'wasm-unsafe-eval'`,
    'worker-src blob:',
    "style-src 'unsafe-inline'",
    'img-src data: blob:',
    'connect-src blob:',
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

/**
 * Turns Vite's output (index.html + one page script + one stylesheet + the worker script + the
 * .wasm + the dictionary) into dist-single/wenxi.html and nothing else:
 *   <style>    the CSS
 *   <script type="application/octet-stream" id="wenxi-wasm">  the .wasm, base64 (never run)
 *   <script type="application/octet-stream" id="wenxi-wxd">   the dictionary, base64 (never run)
 *   … and likewise #wenxi-wxs, #wenxi-wxp, #wenxi-wxi (the script tables, the part-of-speech
 *              model, jieba's IDF table)
 *   <script>   the loader: __wenxiFile(name) makes blob: URLs for the worker script (with a
 *              prelude that decodes the .wasm and the dictionary) and, inside the worker, for
 *              the .wasm and the dictionary; the worker is started as a classic script
 *   <script type="module">  the page script
 * The worker must come from a blob: URL and be a classic script: a page opened from file://
 * has an opaque origin; Chromium starts no worker from a file: URL there, nor a module worker
 * from a blob: URL (measured with Chromium 156: "module error", classic works).
 */
function singleFile() {
  return {
    name: 'wenxi:single-file',
    apply: 'build',
    enforce: 'post',
    // The stub stands in for vite-plugin-pwa's module: no service worker from file://.
    resolveId: (source) => (source === 'virtual:pwa-register' ? '\0wenxi:no-pwa' : null),
    load: (id) =>
      id === '\0wenxi:no-pwa'
        ? '// Single-file build: no service worker (vite.config.js).\nexport const registerSW = () => async () => {};\n'
        : null,
    // After Vite's own generateBundle, which fills in the preload list of boot.js's import()
    // of main.js (its __VITE_PRELOAD__ placeholder) in the page script.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const files = Object.values(bundle);
        const pick = (what, test) => {
          const found = files.filter(test);
          if (found.length !== 1) {
            const names = files.map((f) => f.fileName).join(', ');
            this.error(`single file: expected exactly one ${what}, found ${found.length} among ${names}`);
          }
          return found[0];
        };
        const html = pick('index.html', (f) => f.fileName === 'index.html');
        const page = pick('page script (entry chunk)', (f) => f.type === 'chunk' && f.isEntry);
        const css = pick('stylesheet', (f) => f.fileName.endsWith('.css'));
        // The analysis worker, the cloud's layout worker and the pool's worker (www/worker.js,
        // www/cloud-worker.js, www/pool-worker.js).
        const workers = files.filter((f) => f.type === 'asset' && /worker-[^/]*\.js$/.test(f.fileName));
        if (workers.length !== 3) this.error(`single file: expected the three worker scripts, found ${workers.length}`);
        const wasm = pick('.wasm', (f) => f.fileName.endsWith('.wasm'));
        const wxd = pick('dictionary (.wxd)', (f) => f.fileName.endsWith('.wxd'));
        // Fetched lazily by the worker (www/lazy-data.js); here from blob: URLs like the .wxd.
        const wxs = pick('script tables (.wxs)', (f) => f.fileName.endsWith('.wxs'));
        const wxp = pick('part-of-speech model (.wxp)', (f) => f.fileName.endsWith('.wxp'));
        const wxi = pick("jieba's IDF table (.wxi)", (f) => f.fileName.endsWith('.wxi'));
        const inlined = [wasm, wxd, wxs, wxp, wxi];
        const known = new Set([html, page, css, ...workers, ...inlined]);
        const others = files.filter((f) => !known.has(f));
        if (others.length > 0) {
          this.error(`single file: files it would not contain: ${others.map((f) => f.fileName).join(', ')}`);
        }

        const loader = loaderScript(
          workers.map((worker) => ({ name: worker.fileName, code: text(worker.source) })),
          inlined.map((f) => f.fileName),
        );
        const pageScript = scriptText(page.code, 'the page script');
        const hash = (code) => `sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}`;

        let out = text(html.source);
        const replace = (pattern, replacement, what) => {
          const before = out;
          out = out.replace(pattern, () => replacement);
          if (out === before) this.error(`single file: index.html has no ${what} (${pattern})`);
        };
        replace(/<script type="module"[^>]*\bsrc="[^"]*"[^>]*><\/script>\s*/, '', 'page script tag');
        replace(/<link rel="stylesheet"[^>]*>\s*/, '', 'stylesheet link');
        out = out.replace(
          /<!-- Same policy as the server header[^>]*-->/,
          () =>
            "<!-- This file's own policy: its inline scripts by hash; the worker and the .wasm from blob: URLs made from its own data. -->",
        );
        replace(
          /<meta http-equiv="Content-Security-Policy" content="[^"]*"/,
          `<meta http-equiv="Content-Security-Policy" content="${singleCsp([hash(loader), hash(pageScript)])}"`,
          'Content-Security-Policy meta',
        );
        const head =
          `<style>\n${text(css.source).replace(/<\/style/gi, '<\\/style')}</style>\n` +
          inlined
            .map(
              (f, i) =>
                `<script type="application/octet-stream" id="${DATA_IDS[i]}">${Buffer.from(f.source).toString('base64')}</script>\n`,
            )
            .join('') +
          `<script>${loader}</script>\n` +
          `<script type="module">${pageScript}</script>\n`;
        replace(/<\/head>/, `${head}</head>`, '</head>');

        for (const name of Object.keys(bundle)) delete bundle[name];
        this.emitFile({ type: 'asset', fileName: 'wenxi.html', source: out });
      },
    },
  };
}

// The inline data's element ids, in the loader's order: the .wasm, the dictionary, the script
// tables, the part-of-speech model, jieba's IDF table.
const DATA_IDS = ['wenxi-wasm', 'wenxi-wxd', 'wenxi-wxs', 'wenxi-wxp', 'wenxi-wxi'];

const text = (source) => (typeof source === 'string' ? source : Buffer.from(source).toString('utf8'));

/** JS for an inline <script>: `</script` may not appear in it (the HTML parser would end the
 *  script there), nor `<!--` (it changes how the parser looks for the end). */
function scriptText(code, what) {
  const safe = code.replace(/<\/script/gi, '<\\/script');
  if (/<!--|<script/i.test(safe)) {
    throw new Error(`single file: ${what} contains "<!--" or "<script", which cannot be inlined safely`);
  }
  return safe;
}

/**
 * The loader: a classic script that runs before the page script and defines
 * globalThis.__wenxiFile(name) -> URL, which the bundles call for the files they reference
 * (experimental.renderBuiltUrl above). In the page it returns a blob: URL of the worker script,
 * prefixed with a prelude that defines the same function in the worker, where it returns blob:
 * URLs of the .wasm and the dictionary, decoded from the base64 that the page read from
 * #wenxi-wasm, #wenxi-wxd, #wenxi-wxs, #wenxi-wxp and #wenxi-wxi (in the order of `dataFiles`).
 */
function loaderScript(workers, dataFiles) {
  const prelude = `(() => {
const base64s = globalThis.__wenxiDataBase64;
delete globalThis.__wenxiDataBase64;
const names = ${JSON.stringify(dataFiles)};
const types = ['application/wasm', 'application/octet-stream', 'application/octet-stream', 'application/octet-stream', 'application/octet-stream'];
const urls = new Map();
globalThis.__wenxiFile = (name) => {
  const i = names.indexOf(name);
  if (i < 0) throw new Error('single file: no inline file ' + name);
  if (!urls.has(name)) {
    const base64 = base64s[i];
    let bytes;
    if (Uint8Array.fromBase64) {
      bytes = Uint8Array.fromBase64(base64);
    } else {
      const binary = atob(base64);
      bytes = new Uint8Array(binary.length);
      for (let j = 0; j < binary.length; j++) bytes[j] = binary.charCodeAt(j);
    }
    urls.set(name, URL.createObjectURL(new Blob([bytes], { type: types[i] })));
  }
  return urls.get(name);
};
})();
`;
  // JSON with every "<" escaped: safe inside a <script>, whatever the worker code holds.
  const json = (value) => JSON.stringify(value).replace(/</g, '\\u003c');
  return `(() => {
  // Single-file build (vite.config.js): files the bundles ask for by name, as blob: URLs.
  const codes = new Map(${json(workers.map((w) => [w.name, w.code]))});
  const workerUrls = new Map();
  globalThis.__wenxiFile = (name) => {
    if (!codes.has(name)) throw new Error('single file: no inline file ' + name);
    if (!workerUrls.has(name)) {
      const inline = (id) => document.getElementById(id).textContent.trim();
      const source = [
        'globalThis.__wenxiDataBase64 = ', JSON.stringify(${json(DATA_IDS)}.map(inline)), ';\\n',
        ${json(prelude)},
        codes.get(name),
      ];
      workerUrls.set(name, URL.createObjectURL(new Blob(source, { type: 'text/javascript' })));
    }
    return workerUrls.get(name);
  };
  // www/analyzer.js, www/pool.js and the cloud's layout.js ask for module workers; from file:// only a classic one starts from a
  // blob: URL, and in this build the worker is a classic script (worker.format 'iife').
  const NativeWorker = globalThis.Worker;
  globalThis.Worker = class Worker extends NativeWorker {
    constructor(url, options) {
      const inline = [...workerUrls.values()].includes(String(url));
      super(url, inline ? { ...options, type: 'classic' } : options);
    }
  };
})();`;
}
