// @ts-check
// A pool worker (www/pool.js): its own engine (the same .wasm and dictionary as the analysis
// worker, www/worker.js), which only prepares documents — decodes, cleans and segments a file
// apart from any corpus — and hands each back as bytes (the engine's encoding of a prepared
// document) for the analysis worker to add. It holds no documents: what it prepared is gone
// from it once sent.
// Protocol: {id, action, args} -> {id, result} | {id, error: WireError}; after a trap also
// {fatal: {name, message}}, and the worker closes (the pool gives its file to the analysis worker).
//   start   [module | null]            the engine from a WebAssembly.Module another pool worker
//                                      compiled (its code shared, already warm: a fresh engine's
//                                      first dictionary build took 3-4× the CPU of a warm one's),
//                                      or compiled here; -> the module, for the next worker
//   setup   [{userWords, data}]        segment as the analysis worker does: its user words, and
//                                      the lazily fetched data it holds ('script', 'posseg');
//                                      -> the engine's segmentation key then
//   prepare [name, bytes, origin]      -> {prepared: Uint8Array, bytes: Uint8Array}
//                                      (the file's own bytes back when `keep`, moved, not copied)
import init, { Analyzer } from './pkg/wenxi.js';
import { codedError, serveRequests } from './protocol.js';

// Explicit URLs, as in worker.js: Vite emits them as assets of this bundle (the very files the
// analysis worker loads, so the browser fetches each once and the service worker precaches it).
const wasmUrl = new URL('./pkg/wenxi_bg.wasm', import.meta.url);
const wxdUrl = new URL('./pkg/wenxi.wxd', import.meta.url);
const DATA_URLS = {
  script: new URL('./pkg/wenxi.wxs', import.meta.url),
  posseg: new URL('./pkg/wenxi.wxp', import.meta.url),
};

/** @param {URL} url @param {string} file */
async function fetchBytes(url, file) {
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  } catch (err) {
    const reason = /** @type {Error} */ (err)?.message ?? String(err);
    throw codedError('data_unavailable', { file, reason }, `cannot load ${file}: ${reason}`);
  }
}

/** The .wasm compiled here (streaming when the server says application/wasm, else from bytes). */
async function compile() {
  try {
    return await WebAssembly.compileStreaming(fetch(wasmUrl));
  } catch {
    return WebAssembly.compile(await (await fetch(wasmUrl)).arrayBuffer());
  }
}

/** @type {Promise<{analyzer: Analyzer, module: WebAssembly.Module}> | null} */
let engine = null;
/** The engine, made once: from `module` when given, else compiled here. @param {WebAssembly.Module | null} module */
function start(module) {
  engine ??= (async () => {
    const compiled = module ?? (await compile());
    const [, wxd] = await Promise.all([init({ module_or_path: compiled }), fetchBytes(wxdUrl, 'wenxi.wxd')]);
    return { analyzer: new Analyzer(wxd), module: compiled };
  })();
  return engine;
}
/** The lazily fetched data loaded so far. @type {Set<string>} */
const loaded = new Set();

/** @type {Record<string, (analyzer: Analyzer, ...args: any[]) => Promise<unknown> | unknown>} */
const ACTIONS = {
  async setup(analyzer, /** @type {{userWords: string[], data: ('script' | 'posseg')[]}} */ { userWords, data }) {
    analyzer.setUserWords(userWords);
    for (const kind of data.filter((kind) => !loaded.has(kind))) {
      const bytes = await fetchBytes(DATA_URLS[kind], kind === 'script' ? 'wenxi.wxs' : 'wenxi.wxp');
      if (kind === 'script') analyzer.setScriptData(bytes);
      else analyzer.setPossegModel(bytes);
      loaded.add(kind);
    }
    return analyzer.segmentationKey();
  },
  prepare(analyzer, name, /** @type {Uint8Array} */ bytes, origin) {
    return { prepared: analyzer.prepareFile(name, bytes, origin), bytes };
  },
};

// One request at a time, in arrival order: a prepare sent right after a setup waits for it.
serveRequests(async ({ action, args }) => {
  if (action === 'start') return { result: (await start(args[0] ?? null)).module, transfer: [] };
  const { analyzer } = await start(null);
  if (!Object.hasOwn(ACTIONS, action)) {
    throw codedError('unknown_action', { action: String(action) }, `unknown action "${action}"`);
  }
  const result = /** @type {any} */ (await ACTIONS[action](analyzer, ...args));
  const transfer = result?.prepared ? [result.prepared.buffer, result.bytes.buffer] : [];
  return { result, transfer };
});
