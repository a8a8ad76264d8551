// @ts-check
// The analysis worker: owns the one wasm Analyzer so that the page never blocks.
// Protocol (www/protocol.js): {id, action, args} -> {id, result} | {id, error: {name, message,
// code, params}}, plus {id, progress} (0..1) while addDocument / addText segments a long text,
// {started} as soon as this script runs, and {fatal} when the wasm trapped.
import init, { Analyzer } from './pkg/wenxi.js';
import { codedError, toPayload } from './protocol.js';
import { seedFiles } from './seeds.js';

/** @typedef {import('./protocol.js').Request} Request */

// Start-up marks (User Timing): Chromium's tracing shows them on the worker's thread, next to
// the page's (benches/startup-trace.mjs, docs/performance/STARTUP.md). Only until the first
// analysis has been answered, so that a long session buffers nothing.
let marking = true;
const mark = (/** @type {string} */ name) => marking && performance.mark(`wenxi:worker:${name}`);
mark('start');
// The page waits for this before it keeps its own thread busy drawing (www/main.js).
postMessage({ started: true });

// Explicit URLs (rather than init()'s default) are what make Vite emit the .wasm and the
// dictionary as (content-hashed) assets of the worker bundle in the production build.
const wasmUrl = new URL('./pkg/wenxi_bg.wasm', import.meta.url);
const wxdUrl = new URL('./pkg/wenxi.wxd', import.meta.url);

// The .wasm compiles while it streams in (init() uses instantiateStreaming for a URL) and the
// dictionary (wenxi.wxd: jieba's words, tags and IDF table, ~1.4 MB brotli) downloads at the
// same time. jieba's dictionary is built once, in the Analyzer constructor; every request
// reuses it.
// The seeds download while the engine starts, from where the page will ask for them (seeds/
// next to index.html, one folder up from this script in dist/ and in dev); loadSeeds() then
// only waits for them. Any failure here just means loadSeeds() fetches them itself.
// (A variable, not a literal: Vite would take `new URL('../seeds/', import.meta.url)` for an asset.)
const SEEDS_FOLDER = '../seeds/';
const prefetched = (() => {
  try {
    const baseUrl = new URL(SEEDS_FOLDER, import.meta.url).href;
    return { baseUrl, seeds: seedFiles(baseUrl).catch(() => null) };
  } catch {
    return { baseUrl: null, seeds: Promise.resolve(null) };
  }
})();

let wasmMemory;
const ready = Promise.all([
  init({ module_or_path: wasmUrl }).then((wasm) => (mark('wasm-ready'), wasm)),
  fetchBytes(wxdUrl).then((wxd) => (mark('wxd-fetched'), wxd)),
]).then(([wasm, wxd]) => {
  wasmMemory = wasm.memory;
  const analyzer = new Analyzer(wxd);
  mark('analyzer-built');
  return analyzer;
});

/** @param {URL} url */
async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) {
    throw codedError(
      'dictionary_http',
      { status: response.status },
      `cannot load the dictionary ${url} (HTTP ${response.status})`,
    );
  }
  return new Uint8Array(await response.arrayBuffer());
}

// Analyzer methods the page may call, by name (docs/API.md).
const METHODS = new Set([
  'addDocument',
  'addText',
  'removeDocument',
  'documents',
  'setUserWords',
  'userWords',
  'setStopWords',
  'stopWords',
  'builtinStopWords',
  'analyze',
  'kwic',
  'keyness',
  'segment',
  'panicForTest', // exists only in test builds of the wasm (feature test-hooks)
]);

// Actions that only the worker knows.
/** @type {Record<string, (analyzer: Analyzer, id: number, ...args: any[]) => unknown>} */
const ACTIONS = {
  ready: (analyzer) => analyzer.documents().length,

  // Bytes of wasm memory: it never shrinks, so this is also the peak (benches/browser.mjs).
  memoryBytes: () => wasmMemory.buffer.byteLength,

  // Adds the bundled articles (seeds.js: fetched from `baseUrl`, or inline in the single-file
  // build) in order, except the ones named in `skip` (seeds the person removed in an earlier visit).
  async loadSeeds(analyzer, _id, /** @type {string} */ baseUrl, /** @type {string[]} */ skip = []) {
    const early = baseUrl === prefetched.baseUrl ? await prefetched.seeds : null;
    prefetched.baseUrl = null; // used once: a later call (a workspace import) fetches afresh
    const seeds = early ? early.filter(({ name }) => !skip.includes(name)) : await seedFiles(baseUrl, skip);
    for (const { name, bytes } of seeds) analyzer.addDocument(name, bytes);
    return analyzer.documents();
  },

  addDocument(analyzer, id, name, bytes) {
    return analyzer.addDocument(name, bytes, progressOf(id));
  },

  addText(analyzer, id, name, text) {
    return analyzer.addText(name, text, progressOf(id));
  },
};

const progressOf = (/** @type {number} */ id) => (/** @type {number} */ fraction) =>
  postMessage({ id, progress: fraction });

/** @param {Request} request */
async function handle({ id, action, args = [] }) {
  try {
    const analyzer = await ready;
    mark(`${action}:start`);
    let result;
    if (Object.hasOwn(ACTIONS, action)) {
      result = await ACTIONS[action](analyzer, id, ...args);
    } else if (METHODS.has(action)) {
      result = /** @type {any} */ (analyzer)[action](...args);
    } else {
      throw codedError('unknown_action', { action: String(action) }, `unknown action "${action}"`);
    }
    mark(`${action}:end`);
    if (action === 'analyze') marking = false;
    postMessage({ id, result });
  } catch (err) {
    postMessage({ id, error: toPayload(err) });
    // A trap (a panic, running out of memory) leaves the wasm instance unusable: say so and
    // stop, so that the page starts a fresh worker instead of talking to a broken one.
    if (err instanceof WebAssembly.RuntimeError) {
      postMessage({ fatal: { name: err.name, message: err.message } });
      self.close();
    }
  }
}

// One request at a time, in arrival order: async actions (loadSeeds) must not interleave with
// later requests that depend on their documents.
let queue = Promise.resolve();
self.addEventListener('message', (event) => {
  queue = queue.then(() => handle(event.data));
});
