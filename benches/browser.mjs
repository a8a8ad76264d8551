// Browser benchmark (issue 5): the built page (dist/) in headless Debian Chromium, next to
// jieba-wasm 2.4.0 (a devDependency used only here) in the same browser run. Prints a Markdown
// table of min / median / max over several runs, and the ratios:
//   start-up     navigation -> first word cloud of the seeds: cold (new profile: empty HTTP cache,
//                no service worker) and warm (reload: service worker + HTTP cache); for
//                jieba-wasm, navigation -> its worker has init()ed and cut a first sentence;
//                and navigation -> the first live analysis on screen (a pristine workspace's
//                first cloud is the build-time snapshot, drawn before the engine is ready)
//   throughput   1 / 10 / 100 MB: decode + clean + segment + index inside the page's own worker
//                (addDocument, timed from the page: the bytes are transferred, not copied),
//                against jieba-wasm's cut() on the same text in a worker (decode included; cut
//                on ~1 MB pieces, since it returns one JS string per token)
//   analysis     keywords + phrases + a 150-node network on the 10 MB corpus (analyze)
//   update       a filter switch clicked -> every view updated, on the seeds
//   user word    a user word applied (re-segments the seeds) -> every view updated
//   returning    a returning visit with 20 MB of stored documents (added through the file picker,
//                then a reload, service worker warm) -> its live analysis on screen, as a ratio
//                to the pristine warm reload of the same run
//   memory       wasm memory after the seeds, and after each large add (it never shrinks:
//                the peak)
//   download     brotli (quality 11) of every file the cold start requested, and of
//                jieba-wasm's .wasm + JS glue
// Run with `cargo xtask bench [--runs N]` (builds first, adds native numbers from criterion),
// or after `cargo xtask build`: node benches/browser.mjs [--runs N] [--native file.json]
// Numbers, not pass/fail: these machines are noisy; compare ratios measured in the same run.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { startServer } from '../tests/e2e/harness.mjs';
import { chromium } from 'playwright-core';
import { seedCorpus as corpus, storedIndexEntries } from './support/corpus.mjs';
import { untilServiceWorkerControls, waitInPage } from './support/wait.mjs';

const option = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const RUNS = Number(option('--runs', process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 5));
const NATIVE = option('--native', null);
// Only the start-up rows (and jieba-wasm's start), for quick comparisons while working on them.
const STARTUP_ONLY = process.argv.includes('--startup-only');
const ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-gpu',
];
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = fileURLToPath(new URL('../', import.meta.url));
// --dist DIR: another build to measure (e.g. main's dist/, for a before/after in one sitting).
const DIST = option('--dist', join(ROOT, 'dist'));
const JIEBA_WASM = join(ROOT, 'node_modules', 'jieba-wasm', 'pkg', 'web');
// Files over 100,000,000 bytes are refused (MAX_DOCUMENT_BYTES), so "100 MB" stays just under.
const SIZES = [
  { label: '1 MB', bytes: 1_000_000 },
  { label: '10 MB', bytes: 10_000_000 },
  { label: '100 MB', bytes: 99_900_000 },
];

// ---- helpers --------------------------------------------------------------------------------

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0], median: s[Math.floor((s.length - 1) / 2)], max: s[s.length - 1], n: s.length };
};
const brotli = (bytes) =>
  brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_LGWIN]: 22,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  }).length;

// ---- the served folder: dist/ plus the benchmark's own files ----------------------------------

const served = mkdtempSync(join(tmpdir(), 'wenxi-bench-'));
cpSync(DIST, served, { recursive: true });
mkdirSync(join(served, 'bench', 'jieba'), { recursive: true });
for (const file of ['jieba_rs_wasm.js', 'jieba_rs_wasm_bg.wasm'])
  cpSync(join(JIEBA_WASM, file), join(served, 'bench', 'jieba', file));
// A page with no script of its own, to host workers (the server's CSP allows same-origin ones).
writeFileSync(join(served, 'bench', 'blank.html'), '<!doctype html><meta charset="utf-8"><title>bench</title>\n');
// jieba-wasm's start-up is timed from navigation, as the page's is: this page starts its worker.
writeFileSync(
  join(served, 'bench', 'jieba.html'),
  '<!doctype html><meta charset="utf-8"><title>jieba-wasm</title><script type="module" src="jieba-page.js"></script>\n',
);
writeFileSync(
  join(served, 'bench', 'jieba-page.js'),
  `const worker = new Worker('jieba-worker.js', { type: 'module' });
worker.onmessage = (e) => { if (e.data.ready) window.__jiebaReady = performance.now(); };
window.__jiebaWorker = worker;
`,
);
writeFileSync(
  join(served, 'bench', 'jieba-worker.js'),
  `import init, { cut } from './jieba/jieba_rs_wasm.js';
await init({ module_or_path: new URL('./jieba/jieba_rs_wasm_bg.wasm', import.meta.url) });
cut('大力弘扬劳模精神、劳动精神、工匠精神。', true);
postMessage({ ready: true });
// Decode + cut: the text in ~1 MB pieces at line ends (one JS string per token comes back).
self.onmessage = async ({ data: { url } }) => {
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  const start = performance.now();
  const text = new TextDecoder().decode(bytes);
  let tokens = 0;
  for (let at = 0; at < text.length; ) {
    let end = text.indexOf('\\n', at + 350_000);
    end = end < 0 ? text.length : end + 1;
    tokens += cut(text.slice(at, end), true).length;
    at = end;
  }
  postMessage({ ms: performance.now() - start, tokens });
};
`,
);
for (const { bytes } of SIZES) writeFileSync(join(served, 'bench', `corpus-${bytes}.txt`), corpus(bytes));
// The stored documents of a returning visit (issue 12).
const RETURNING_BYTES = 20_000_000;
const returningFile = join(served, 'bench', 'stored-20mb.txt');
writeFileSync(returningFile, corpus(RETURNING_BYTES));
const workerFile = readdirSync(join(served, 'assets')).find((f) => /^worker-.*\.js$/.test(f));
if (!workerFile) throw new Error('dist/assets/ has no worker-*.js: run `cargo xtask build` first');

// ---- in the page -------------------------------------------------------------------------------

// Records when the cloud first shows words, relative to navigation start, and what drew it
// (<body data-state>: 'snapshot' for the build-time analysis of a pristine workspace, www/startup.js);
// and when the first live analysis is on screen (every view updated from the engine: data-analysis
// turns 1).
// Observed from the document itself, not from DOMContentLoaded: module scripts run before
// that event, and the snapshot's cloud is drawn by the page script itself.
const FIRST_CLOUD = () => {
  const observer = new MutationObserver(() => {
    if (!document.body) return;
    if (document.querySelectorAll('#view-cloud svg text').length > 20 && !window.__firstCloud) {
      window.__firstCloud = performance.now();
      window.__firstCloudFrom = document.body.dataset.state;
    }
    if (Number(document.body.dataset.analysis) >= 1 && !window.__liveAnalysis)
      window.__liveAnalysis = performance.now();
    if (window.__firstCloud && window.__liveAnalysis) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-analysis'] });
};

/** Resolves to {cloud, from, live}: ms from navigation to the first cloud, what drew it, and ms
 *  to the first live analysis on screen. */
async function firstCloud(page) {
  // Not page.waitForFunction: its injected script would run on the page's thread meanwhile
  // (benches/support/wait.mjs).
  return waitInPage(
    page,
    `() => window.__firstCloud && window.__liveAnalysis &&
      { cloud: window.__firstCloud, from: window.__firstCloudFrom, live: window.__liveAnalysis }`,
  );
}

/** How the returning visit's stored document came back ('index' or 'rebuilt'), and the worker's
 *  time restoring it and analysing (its User Timing marks, until the first analysis). */
async function restoredFrom(page) {
  for (const worker of page.workers()) {
    const seen = await worker.evaluate(() => {
      const counts = performance.getEntriesByName('wenxi:worker:restored').at(-1)?.detail;
      if (!counts) return null;
      const at = (name) => performance.getEntriesByName(`wenxi:worker:${name}`).at(-1)?.startTime ?? NaN;
      return {
        from: counts.fromIndex ? 'index' : 'rebuilt',
        restore: at('restoreFile:end') - at('restoreFile:start'),
        analyze: at('analyze:end') - at('analyze:start'),
      };
    });
    if (seen) return `${seen.from} (restore ${Math.round(seen.restore)} ms, analyze ${Math.round(seen.analyze)} ms)`;
  }
  return '?';
}

async function timed(page, action) {
  const before = await page.evaluate(() => Number(document.body.dataset.analysis));
  const start = Date.now();
  await action();
  await page.waitForFunction((n) => Number(document.body.dataset.analysis) > n, before, {
    timeout: 60_000,
    polling: 'raf',
  });
  return Date.now() - start;
}

/** In the blank page: the page's own worker, a fresh one; adds the corpus, analyzes, reports. */
async function wenxiInWorker(page, workerUrl, corpusUrl, seedsUrl) {
  return page.evaluate(
    async ({ workerUrl, corpusUrl, seedsUrl }) => {
      const bytes = corpusUrl ? new Uint8Array(await (await fetch(corpusUrl)).arrayBuffer()) : null;
      const worker = new Worker(workerUrl, { type: 'module' });
      let next = 1;
      const call = (action, args = [], transfer = []) =>
        new Promise((resolve, reject) => {
          const id = next++;
          const listen = ({ data }) => {
            if (data.id !== id || 'progress' in data) return;
            worker.removeEventListener('message', listen);
            if (data.error) reject(new Error(data.error.message));
            else resolve(data.result);
          };
          worker.addEventListener('message', listen);
          worker.postMessage({ id, action, args }, transfer);
        });
      try {
        await call('ready');
        if (seedsUrl) {
          await call('loadSeeds', [seedsUrl]);
          return { memory: await call('memoryBytes') };
        }
        const start = performance.now();
        const info = await call('addDocument', ['corpus.txt', bytes], [bytes.buffer]);
        const add = performance.now() - start;
        const analysisStart = performance.now();
        const analysis = await call('analyze', [{ network: { nodes: 150 } }]);
        const analyze = performance.now() - analysisStart;
        return {
          add,
          analyze,
          tokens: info.tokens,
          nodes: analysis.network.nodes.length,
          memory: await call('memoryBytes'),
        };
      } finally {
        worker.terminate();
      }
    },
    { workerUrl, corpusUrl, seedsUrl },
  );
}

async function jiebaCut(page, corpusUrl) {
  await page.waitForFunction(() => window.__jiebaReady, null, { timeout: 60_000 });
  return page.evaluate(
    (url) =>
      new Promise((resolve) => {
        window.__jiebaWorker.onmessage = ({ data }) => data.ms !== undefined && resolve(data);
        window.__jiebaWorker.postMessage({ url });
      }),
    corpusUrl,
  );
}

// ---- the runs -------------------------------------------------------------------------------

const server = await startServer({ dir: served });
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
const chromiumVersion = browser.version();
const results = {
  cold: [],
  warm: [],
  coldLive: [],
  warmLive: [],
  firstCloudFrom: [],
  jiebaStart: [],
  update: [],
  userWord: [],
  returning: [],
  returningFrom: [],
  seedsMemory: [],
  requested: new Set(),
};
for (const { label } of SIZES)
  results[label] = { add: [], analyze: [], memory: [], jieba: [], tokens: 0, jiebaTokens: 0 };
const log = (line) => process.stderr.write(`${line}\n`);
try {
  for (let run = 0; run < RUNS; run++) {
    log(`run ${run + 1}/${RUNS}: start-up, updates`);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(FIRST_CLOUD);
    context.on('request', (request) => results.requested.add(new URL(request.url()).pathname));
    const page = await context.newPage();
    await page.goto(server.url);
    const cold = await firstCloud(page);
    results.cold.push(cold.cloud);
    results.coldLive.push(cold.live);
    await page.waitForFunction(() => document.body.dataset.state === 'ready');
    // Warm means served by the service worker: the page registers it once the live analysis is
    // on screen, and the reload waits until it has installed and controls the page.
    await untilServiceWorkerControls(page);
    await page.reload();
    const warm = await firstCloud(page);
    results.warm.push(warm.cloud);
    results.warmLive.push(warm.live);
    results.firstCloudFrom.push(`${cold.from}/${warm.from}`);
    await page.waitForFunction(() => document.body.dataset.state === 'ready');
    results.update.push(await timed(page, () => page.click('#settings [name=singleChars]')));
    results.update.push(await timed(page, () => page.click('#settings [name=singleChars]')));
    await page.click('#settings details.user-words summary');
    await page.fill('#settings [name=userWords]', '劳模精神');
    results.userWord.push(await timed(page, () => page.click('#settings [name=applyUserWords]')));
    await page.fill('#settings [name=userWords]', '');
    await timed(page, () => page.click('#settings [name=applyUserWords]'));
    // A returning visit: 20 MB stored (the workspace's marker turns 'changed' once IndexedDB
    // holds the bytes), then a reload.
    log(`run ${run + 1}/${RUNS}: a returning visit with 20 MB stored`);
    await timed(page, () => page.setInputFiles('#file-input', returningFile));
    await page.waitForFunction(() => localStorage.getItem('wenxi-workspace') === 'changed', null, {
      timeout: 120_000,
    });
    // The worker writes the stored index (www/stored-index.js) once the original is stored.
    await page.waitForFunction(storedIndexEntries, null, { timeout: 120_000, polling: 100 });
    await page.reload();
    results.returning.push((await firstCloud(page)).live);
    results.returningFrom.push(await restoredFrom(page));
    await context.close();

    // jieba-wasm: cold start in a new profile, then its cut on each corpus.
    const jieba = await browser.newContext();
    const jiebaPage = await jieba.newPage();
    await jiebaPage.goto(new URL('bench/jieba.html', server.url).href);
    // Waited for as the page's start-up is (firstCloud).
    results.jiebaStart.push(await waitInPage(jiebaPage, '() => window.__jiebaReady'));
    if (STARTUP_ONLY) {
      await jieba.close();
      continue;
    }
    for (const { label, bytes } of SIZES) {
      log(`run ${run + 1}/${RUNS}: jieba-wasm cut, ${label}`);
      const r = await jiebaCut(jiebaPage, new URL(`bench/corpus-${bytes}.txt`, server.url).href);
      results[label].jieba.push(r.ms);
      results[label].jiebaTokens = r.tokens;
    }
    await jieba.close();

    // Wenxi: a fresh worker per corpus in a blank page (memory is per worker).
    const blank = await browser.newContext();
    const blankPage = await blank.newPage();
    await blankPage.goto(new URL('bench/blank.html', server.url).href);
    const workerUrl = new URL(`assets/${workerFile}`, server.url).href;
    const seeds = await wenxiInWorker(blankPage, workerUrl, null, new URL('seeds/', server.url).href);
    results.seedsMemory.push(seeds.memory);
    for (const { label, bytes } of SIZES) {
      log(`run ${run + 1}/${RUNS}: Wenxi add + analyze, ${label}`);
      const r = await wenxiInWorker(blankPage, workerUrl, new URL(`bench/corpus-${bytes}.txt`, server.url).href, null);
      Object.assign(results[label], { tokens: r.tokens });
      results[label].add.push(r.add);
      results[label].analyze.push(r.analyze);
      results[label].memory.push(r.memory);
    }
    await blank.close();
  }
} finally {
  await browser.close();
  await server.close();
}

// ---- the table ------------------------------------------------------------------------------

const fileOf = (path) => {
  const file = join(served, decodeURIComponent(path === '/' ? '/index.html' : path));
  try {
    return statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
};
const transferred = [...results.requested]
  .filter((p) => !p.startsWith('/bench/'))
  .map(fileOf)
  .filter(Boolean);
const wenxiBrotli = transferred.reduce((sum, f) => sum + brotli(readFileSync(f)), 0);
const jiebaBrotli = ['jieba_rs_wasm_bg.wasm', 'jieba_rs_wasm.js'].reduce(
  (sum, f) => sum + brotli(readFileSync(join(JIEBA_WASM, f))),
  0,
);
rmSync(served, { recursive: true, force: true });

const native = NATIVE ? JSON.parse(readFileSync(NATIVE, 'utf8')) : [];
const nativeMBs = (fn) => {
  const row = native.find((r) => r.group === '10MB' && r.function.startsWith(fn));
  return row ? row.bytes / (row.medianNs / 1e9) / 1e6 : null;
};
const nativeWenxi = nativeMBs('wenxi decode');
const nativeJieba = nativeMBs('jieba-rs cut');

const fmt = {
  ms: (x) => `${x.toFixed(0)} ms`,
  mbs: (x) => `${x.toFixed(1)} MB/s`,
  mib: (x) => `${(x / 1048576).toFixed(0)} MiB`,
  x: (x) => `${x.toFixed(2)}×`,
};
const rows = [];
const row = (what, s, unit, target = '') => s.n && rows.push([what, unit(s.min), unit(s.median), unit(s.max), target]);
const rate = (bytes, times) => {
  const s = stats(times.map((ms) => bytes / 1e6 / (ms / 1000)));
  return s;
};

row('start-up cold: navigation → first cloud', stats(results.cold), fmt.ms, '≤ 400 ms');
row('start-up warm (service worker): reload → first cloud', stats(results.warm), fmt.ms, '≤ 250 ms');
row('start-up cold: navigation → live analysis on screen (engine)', stats(results.coldLive), fmt.ms);
row('start-up warm: reload → live analysis on screen (engine)', stats(results.warmLive), fmt.ms);
row('jieba-wasm: navigation → init + first cut (cold)', stats(results.jiebaStart), fmt.ms);
row('returning visit, 20 MB stored: reload → live analysis on screen', stats(results.returning), fmt.ms);
for (const { label, bytes } of SIZES) {
  const r = results[label];
  row(
    `Wenxi ${label}: decode + clean + segment + index (worker)`,
    rate(bytes, r.add),
    fmt.mbs,
    label === '10 MB' ? '≥ 30 MB/s' : '',
  );
  row(`jieba-wasm ${label}: decode + cut`, rate(bytes, r.jieba), fmt.mbs);
}
row('analysis on 10 MB: keywords + phrases + 150-node network', stats(results['10 MB'].analyze), fmt.ms, '≤ 500 ms');
row('settings change on the seeds → every view updated', stats(results.update), fmt.ms, '≤ 100 ms');
row('user word on the seeds (re-segments) → every view updated', stats(results.userWord), fmt.ms, '≤ 300 ms');
row('wasm memory after the seeds', stats(results.seedsMemory), fmt.mib);
for (const { label } of SIZES) row(`wasm memory after ${label} (peak)`, stats(results[label].memory), fmt.mib);

const median = (xs) => stats(xs).median;
const mbs10 = 10 / (median(results['10 MB'].add) / 1000);
const jieba10 = 10 / (median(results['10 MB'].jieba) / 1000);
const lines = [];
lines.push(
  `Wenxi vs jieba-wasm 2.4.0, headless Chromium ${chromiumVersion}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM; ${RUNS} runs (min / median / max; for MB/s the min is the slowest run)`,
);
lines.push('');
lines.push('| measured | min | median | max | target |');
lines.push('|---|---:|---:|---:|---|');
for (const r of rows) lines.push(`| ${r.join(' | ')} |`);
lines.push('');
lines.push(
  `First cloud drawn from (cold/warm, per run; 'snapshot' = the build-time analysis): ${results.firstCloudFrom.join(', ')}`,
  `Returning visit's stored document came from (per run): ${results.returningFrom.join(', ')}`,
);
lines.push('');
lines.push('| ratios and totals (medians, same run) | value | target |');
lines.push('|---|---:|---|');
lines.push(
  `| download, brotli: everything the cold start requested | ${(wenxiBrotli / 1e6).toFixed(2)} MB | ≤ 2.0 MB |`,
);
lines.push(
  `| download, brotli: jieba-wasm's .wasm + JS (segmentation only) | ${(jiebaBrotli / 1e6).toFixed(2)} MB | |`,
);
// Start-up against jieba-wasm's init + first cut, per run (the same browser, one after the
// other), then the median of those ratios.
const perRun = (xs) => stats(xs.map((x, i) => x / results.jiebaStart[i]));
lines.push(
  `| cold navigation → live analysis on screen ÷ jieba-wasm's init + cut (median of per-run ratios; min–max) | ${fmt.x(perRun(results.coldLive).median)} (${fmt.x(perRun(results.coldLive).min)}–${fmt.x(perRun(results.coldLive).max)}) | ≤ 0.8× |`,
);
lines.push(
  `| warm reload → live analysis on screen ÷ jieba-wasm's init + cut (cold) | ${fmt.x(perRun(results.warmLive).median)} (${fmt.x(perRun(results.warmLive).min)}–${fmt.x(perRun(results.warmLive).max)}) | ≤ 0.5× |`,
);
{
  const returning = stats(results.returning.map((x, i) => x / results.warmLive[i]));
  lines.push(
    `| returning visit with 20 MB stored ÷ pristine warm reload, → live analysis (per-run ratios; min–max) | ${fmt.x(returning.median)} (${fmt.x(returning.min)}–${fmt.x(returning.max)}) | ≤ 2× |`,
  );
}
if (!STARTUP_ONLY) {
  lines.push(`| Wenxi 10 MB indexing ÷ jieba-wasm cut | ${fmt.x(mbs10 / jieba10)} | ≥ 6× |`);
  const last = SIZES[SIZES.length - 1];
  lines.push(
    `| wasm memory after ${last.label} ÷ its text (peak; MiB ÷ MB, as the issue counts) | ${fmt.x(median(results[last.label].memory) / 2 ** 20 / (last.bytes / 1e6))} | ≤ 3× |`,
  );
}
if (nativeJieba) {
  lines.push(`| native jieba-rs cut, 10 MB (criterion) | ${fmt.mbs(nativeJieba)} | |`);
  lines.push(`| native Wenxi decode + clean + segment + index, 10 MB (criterion) | ${fmt.mbs(nativeWenxi)} | |`);
  lines.push(`| Wenxi in the browser ÷ native jieba-rs cut | ${fmt.x(mbs10 / nativeJieba)} | ≥ 0.8× |`);
  lines.push(`| Wenxi in the browser ÷ native Wenxi | ${fmt.x(mbs10 / nativeWenxi)} | |`);
}
const scale = SIZES.map(
  ({ label, bytes }) => `${label}: ${(median(results[label].add) / (bytes / 1e6)).toFixed(1)} ms/MB`,
);
lines.push(`| time per MB at 1 / 10 / 100 MB (linear = equal) | ${scale.join(', ')} | linear |`);
lines.push(
  `| tokens at 10 MB: Wenxi (without spaces) / jieba-wasm (with line breaks) | ${results['10 MB'].tokens} / ${results['10 MB'].jiebaTokens} | |`,
);
console.log(`\n${lines.join('\n')}`);
