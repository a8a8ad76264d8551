// @ts-check
// The analysis worker: owns the one wasm Analyzer so that the page never blocks.
// Protocol (www/protocol.js): {id, action, args} -> {id, result} | {id, error: {name, message,
// code, params}}, plus {id, progress} (0..1) while addDocument / addText segments a long text,
// {started} as soon as this script runs, and {fatal} when the wasm trapped.
import init, { Analyzer } from './pkg/wenxi.js';
import { analysisOptions, DEFAULT_SETTINGS } from './defaults.js';
import { codedError, EARLY_SEEDS_NAME, serveRequests } from './protocol.js';
import { preparedSeeds, seedFiles } from './seeds.js';
import { AnalysisMemo, idbMemoStore } from './analysis-memo.js';
import { IdleWork } from './idle-work.js';
import { idbIndexStore, MAX_INDEXED_BYTES, StoredIndex } from './stored-index.js';

/** @typedef {import('./protocol.js').Request} Request */

// Start-up marks (User Timing): Chromium's tracing shows them on the worker's thread, next to
// the page's (benches/startup-trace.mjs, docs/performance/STARTUP.md). Only until the first
// analysis has been answered, so that a long session buffers nothing.
let marking = true;
const mark = (/** @type {string} */ name) => marking && performance.mark(`wenxi:worker:${name}`);
mark('start');
// The page waits for this (briefly) before it keeps its own thread busy drawing the snapshot:
// a worker's start needs the page's thread (www/main.js).
postMessage({ started: true });

// Explicit URLs (rather than init()'s default) are what make Vite emit the .wasm and the
// dictionary as (content-hashed) assets of the worker bundle in the production build.
const wasmUrl = new URL('./pkg/wenxi_bg.wasm', import.meta.url);
const wxdUrl = new URL('./pkg/wenxi.wxd', import.meta.url);
// Data fetched only when needed (docs/API.md), by loadData(): the script tables (wenxi.wxs)
// when a traditional document first appears, the part-of-speech model (wenxi.wxp) and jieba's
// IDF table (wenxi.wxi) after the first analysis (the IDF table before it when the settings
// weigh terms by jieba's TF-IDF). Hashed assets like the .wasm, precached by the service worker.
const DATA_URLS = {
  script: new URL('./pkg/wenxi.wxs', import.meta.url),
  posseg: new URL('./pkg/wenxi.wxp', import.meta.url),
  idf: new URL('./pkg/wenxi.wxi', import.meta.url),
};
const DATA_FILES = { script: 'wenxi.wxs', posseg: 'wenxi.wxp', idf: 'wenxi.wxi' };

// The .wasm compiles while it streams in (init() uses instantiateStreaming for a URL) and the
// dictionary (wenxi.wxd, ~1.2 MB brotli) downloads at the same time (jieba is built from it
// when first needed: IdleWork).
// The seeds download while the engine starts, from where the page will ask for them (seeds/
// next to index.html, one folder up from this script in dist/ and in dev); loadSeeds() then
// only waits for them. Any failure here just means loadSeeds() fetches them itself.
// (A variable, not a literal: Vite would take `new URL('../seeds/', import.meta.url)` for an asset.)
const SEEDS_FOLDER = '../seeds/';
const prefetched = (() => {
  try {
    const baseUrl = new URL(SEEDS_FOLDER, import.meta.url).href;
    // Added as the build segmented them, when they fit (addSeeds).
    return { baseUrl, seeds: seedFiles(baseUrl).catch(() => null), prepared: preparedSeeds(baseUrl) };
  } catch {
    return { baseUrl: null, seeds: Promise.resolve(null), prepared: Promise.resolve(null) };
  }
})();

let wasmMemory;
const ready = Promise.all([
  init({ module_or_path: wasmUrl }).then((wasm) => (mark('wasm-ready'), wasm)),
  fetchBytes(wxdUrl).then((wxd) => (mark('wxd-fetched'), wxd)),
]).then(async ([wasm, wxd]) => {
  wasmMemory = wasm.memory;
  const analyzer = new Analyzer(wxd);
  mark('analyzer-built');
  if (self.name === EARLY_SEEDS_NAME) await startEarly(analyzer);
  return analyzer;
});

// A start-up that looks pristine (the page names the worker EARLY_SEEDS_NAME, www/analyzer.js):
// the page will ask for every seed and their analysis with the default settings. The worker does
// both as soon as it can, by itself: messages the page posts before this worker runs reach it
// only when the page's thread is free, and that thread is busy drawing the snapshot. The
// requests, when they come, are answered from what was done (see claimEarly).
/** @type {{seeds: boolean, key: string, analysis: unknown} | null} */
let early = null;

async function startEarly(/** @type {Analyzer} */ analyzer) {
  const [seeds, prepared] = await Promise.all([prefetched.seeds, prefetched.prepared]);
  if (!seeds) return;
  try {
    addSeeds(analyzer, seeds, prepared);
    mark('early-seeds-added');
    const options = analysisOptions(
      DEFAULT_SETTINGS,
      analyzer.documents().map((/** @type {{id: number}} */ d) => d.id),
    );
    early = { seeds: true, key: JSON.stringify(options), analysis: analyzer.analyze(options) };
    mark('early-analysis');
  } catch {
    // Whatever was added goes again: the page's requests then run as usual.
    for (const { id } of analyzer.documents()) analyzer.removeDocument(id);
    early = null;
  }
}

/**
 * Adds `seeds` as the build segmented them (`prepared`, in the same order) when that is what
 * they are (the same names and sizes; addPrepared segments a seed again from its text when the
 * segmentation key differs, so the documents are the same either way). Otherwise, or when they
 * are missing or damaged, they are segmented here.
 * @param {Analyzer} analyzer
 * @param {{name: string, bytes: Uint8Array}[]} seeds
 * @param {Uint8Array[] | null} prepared
 */
function addSeeds(analyzer, seeds, prepared) {
  if (prepared?.length === seeds.length) {
    /** @type {import('./shapes.js').DocumentInfo[]} */
    const added = [];
    try {
      for (const form of prepared) added.push(analyzer.addPrepared(form));
      if (added.every((doc, i) => doc.name === seeds[i].name && doc.bytes === seeds[i].bytes.length)) return;
    } catch {
      // Damaged (bad_data_file): segmented below.
    }
    for (const { id } of added) analyzer.removeDocument(id);
  }
  for (const { name, bytes } of seeds) analyzer.addDocument(name, bytes);
}

// Requests that change nothing: they leave what startEarly() did waiting for its requests.
const READ_ONLY = new Set(['ready', 'memoryBytes', 'documents', 'userWords', 'stopWords', 'builtinStopWords']);

/**
 * The answer startEarly() prepared for this request, if it is the one it was for: the seeds
 * (loadSeeds of every seed from where they were prefetched), then their analysis (analyze with
 * the same options, nothing changed since). Any other request that changes something first
 * takes the early seeds out again, so that it finds the worker as the page left it.
 * @param {Analyzer} analyzer
 * @param {Request} request
 * @returns {{result: unknown} | null}
 */
function claimEarly(analyzer, { action, args = [] }) {
  if (!early || READ_ONLY.has(action)) return null;
  if (
    early.seeds &&
    action === 'loadSeeds' &&
    args[0] === prefetched.baseUrl &&
    !(/** @type {string[]} */ (args[1])?.length)
  ) {
    early.seeds = false;
    prefetched.baseUrl = null;
    return { result: analyzer.documents() };
  }
  if (!early.seeds && action === 'analyze' && JSON.stringify(args[0]) === early.key) {
    const { analysis } = early;
    early = null;
    return { result: analysis };
  }
  if (early.seeds) for (const { id } of analyzer.documents()) analyzer.removeDocument(id);
  early = null;
  return null;
}

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
  'documents',
  'updateDocuments',
  'documentText',
  'furniture',
  'setCountOnce',
  'trends',
  'dispersion',
  'reuse',
  'reusePassages',
  'setUserWords',
  'userWords',
  'setStopWords',
  'stopWords',
  'builtinStopWords',
  'kwic',
  'countedForms',
  'keyness',
  'colourData', // the cloud's colour by document group and by keyness
  'segment',
  'needsScriptData',
  'hasPossegModel',
  'scripts',
  'traditionalForms',
  'suggestStopWords',
  'addPrepared', // a document a pool worker prepared (www/pool.js)
  'panicForTest', // exists only in test builds of the wasm (feature test-hooks)
]);

/** The data loadData() has loaded ('script', 'posseg'). @type {Set<'script' | 'posseg'>} */
const loadedData = new Set();

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
    // A returning visit whose stored documents were segmented with posseg's model: the model
    // first (else every document would be segmented again when it comes, jieba built for it,
    // before the first stored one is added), then the seeds as the build segmented them with it.
    if (await storedIndex.needsPosseg(analyzer)) {
      await Promise.resolve(ACTIONS.loadData(analyzer, 0, 'posseg')).catch(() => 0);
    }
    // As the build segmented them when every seed is wanted (the ids are then the same as
    // adding them one by one; with some skipped they are segmented here).
    const tagged = analyzer.hasPossegModel();
    const prepared =
      early && !skip.length
        ? await (tagged ? preparedSeeds(baseUrl, 'prepared-posseg.wxpd') : prefetched.prepared)
        : null;
    prefetched.baseUrl = null; // used once: a later call (a workspace import) fetches afresh
    const seeds = early ? early.filter(({ name }) => !skip.includes(name)) : await seedFiles(baseUrl, skip);
    addSeeds(analyzer, seeds, prepared);
    return analyzer.documents();
  },

  // Fetches wenxi.wxs ('script'), wenxi.wxp ('posseg') or wenxi.wxi ('idf') and loads it;
  // resolves to how many documents were segmented again (none for the IDF table). A failed
  // fetch rejects with `data_unavailable`.
  async loadData(analyzer, _id, /** @type {'script' | 'posseg' | 'idf'} */ kind) {
    // Loaded already for a stored document (restoreFile): loading it again would segment
    // every document again. (The script tables again segment only the documents waiting.)
    if (kind === 'posseg' && analyzer.hasPossegModel()) return 0;
    // Loaded already for a remembered analysis (analyze).
    if (kind === 'idf' && analyzer.hasIdf()) return 0;
    const url = DATA_URLS[kind];
    const file = DATA_FILES[kind];
    let bytes;
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      bytes = new Uint8Array(await response.arrayBuffer());
    } catch (err) {
      const reason = /** @type {Error} */ (err)?.message ?? String(err);
      throw codedError('data_unavailable', { file, reason }, `cannot load ${file}: ${reason}`);
    }
    // The IDF table plays no part in segmentation: not one of the pool's loadedData.
    if (kind === 'idf') {
      analyzer.loadIdf(bytes);
      return 0;
    }
    const segmented = kind === 'script' ? analyzer.setScriptData(bytes) : analyzer.setPossegModel(bytes);
    loadedData.add(kind);
    return segmented;
  },

  // How this engine segments now, for the pool's workers to do the same (www/pool.js).
  poolSetup: (analyzer) => ({
    userWords: analyzer.userWords(),
    data: [...loadedData],
    key: analyzer.segmentationKey(),
  }),

  addDocument(analyzer, id, name, bytes) {
    return analyzer.addDocument(name, bytes, progressOf(id));
  },

  // Through its prepared form, which is kept until the page says where it stored the file
  // (storeIndex): the same document either way (src/corpus.rs add_prepared).
  addFile(analyzer, id, name, bytes, origin) {
    if (bytes.length > MAX_INDEXED_BYTES) return analyzer.addFile(name, bytes, origin, progressOf(id));
    return storedIndex.add(analyzer, name, bytes, origin, progressOf(id));
  },

  // A pool worker's document (www/pool.js): kept for the stored index like addFile's.
  addPrepared: (analyzer, _id, /** @type {Uint8Array} */ prepared) => storedIndex.addPrepared(analyzer, prepared),

  // The page stored document `docId`'s original under `key` (null: it could not): its prepared
  // form is written to the stored index (www/stored-index.js), then let go.
  storeIndex: (_analyzer, _id, /** @type {number} */ docId, /** @type {number | null} */ key) =>
    storedIndex.store(docId, key),

  // A stored document on a returning visit: from its stored index when that fits, else from
  // its original bytes (and indexed again).
  restoreFile(analyzer, id, /** @type {number} */ key, name, bytes, origin) {
    return storedIndex.restore(analyzer, key, name, bytes, origin, progressOf(id)).then((info) => {
      // One mark, the latest: what a test or a trace reads.
      performance.clearMarks('wenxi:worker:restored');
      performance.mark('wenxi:worker:restored', { detail: { ...storedIndex.counts } });
      return info;
    });
  },

  // How many restores came from the stored index and how many were rebuilt (tests, benches).
  indexCounts: () => ({ ...storedIndex.counts }),

  removeDocument(analyzer, _id, /** @type {number} */ docId) {
    storedIndex.forget(docId);
    memo.forget();
    return analyzer.removeDocument(docId);
  },

  // The analysis, or the one computed last time for this very state (www/analysis-memo.js): a
  // returning visit to a large workspace need not compute it again. One made with jieba's IDF
  // table has it loaded first (the page would load it after the first analysis anyway).
  async analyze(analyzer, _id, options) {
    await memo.loadIdfFor(analyzer, () => ACTIONS.loadData(analyzer, 0, 'idf'));
    const recalled = await memo.recall(analyzer, options);
    if (recalled) {
      performance.clearMarks('wenxi:worker:recalled');
      performance.mark('wenxi:worker:recalled', { detail: { ...memo.counts } });
      return recalled;
    }
    const started = performance.now();
    const analysis = analyzer.analyze(options);
    memo.remember(analyzer, options, analysis, performance.now() - started).then((stored) => {
      if (!stored) return;
      performance.clearMarks('wenxi:worker:remembered');
      performance.mark('wenxi:worker:remembered', { detail: { ...memo.counts } });
    });
    return analysis;
  },

  // What the memo did: analyses recalled and remembered (tests, benches).
  memoCounts: () => ({ ...memo.counts }),

  addText(analyzer, id, name, text) {
    return analyzer.addText(name, text, progressOf(id));
  },
};

// Lazy data loaded on its way to a stored document that was segmented with it, before the
// page would have asked: loadData then finds it loaded.
const storedIndex = new StoredIndex(idbIndexStore(), (kind) =>
  ready.then((analyzer) => ACTIONS.loadData(analyzer, 0, kind)),
);
// (Vite defines the build; outside a Vite bundle there is none, and nothing is recalled across builds.)
const memo = new AnalysisMemo(
  idbMemoStore(),
  typeof __WENXI_WASM_BUILD__ === 'string' ? __WENXI_WASM_BUILD__ : 'unbuilt',
);
// Not pristine: there may be stored documents, whose index is read while the engine starts, and
// their last analysis.
if (self.name !== EARLY_SEEDS_NAME) {
  storedIndex.prefetch();
  memo.prefetch();
  // The table a remembered analysis was made with, loaded while the page's first requests come.
  ready.then(
    (analyzer) => memo.loadIdfFor(analyzer, () => ACTIONS.loadData(analyzer, 0, 'idf')),
    () => {},
  );
}

const progressOf = (/** @type {number} */ id) => (/** @type {number} */ fraction) =>
  postMessage({ id, progress: fraction });

// jieba (and the dictionary's words) are built when a text is first cut; a first analysis of
// prepared documents needs neither. After it they are built once the page has asked nothing for
// a while: a first drop does not wait for them, nor the page's start-up requests behind them.
const idle = new IdleWork(400);

serveRequests(async ({ id, action, args }) => {
  const analyzer = await ready;
  idle.busy();
  mark(`${action}:start`);
  let result;
  const claimed = claimEarly(analyzer, { id, action, args });
  if (claimed) {
    result = claimed.result;
  } else if (Object.hasOwn(ACTIONS, action)) {
    result = await ACTIONS[action](analyzer, id, ...args);
  } else if (METHODS.has(action)) {
    result = /** @type {any} */ (analyzer)[action](...args);
  } else {
    throw codedError('unknown_action', { action: String(action) }, `unknown action "${action}"`);
  }
  mark(`${action}:end`);
  if (action === 'analyze' && marking) {
    marking = false;
    storedIndex.settle();
    idle.add(() => analyzer.buildSegmenter());
  }
  idle.idle();
  return { result };
});
