// @ts-check
// The analysis memo (issue 12): a returning visit to a large workspace shows the analysis the
// engine computed last time instead of computing it again, when nothing it is computed from has
// changed. The worker keeps the last slow analysis (one record) in an IndexedDB database of its
// own, `wenxi-analysis`, under a key made of the .wasm's build, the engine's digest of everything
// an analysis reads besides its options (`analysisDigest`: documents, vocabulary, segmentation,
// stop words; src/corpus/digest.rs) and the options themselves. The same key, the same analysis.
//
// Like the stored index it is only ever an addition: a missing, damaged or foreign record is an
// analysis computed as before, and every failure of this database is swallowed. It holds words of
// the person's documents, so it goes when a document is removed.

import { oneStore } from './idb-store.js';

const DB_NAME = 'wenxi-analysis';
const STORE = 'last';
const RECORD = 'last';

/** Analyses that took at least this long are remembered; shorter ones are not worth a write. */
export const MEMO_MIN_MS = 50;

/**
 * One remembered analysis: its key, whether jieba's IDF table was loaded (a returning visit loads
 * it before its first analysis then, so that the keys can match), the analysis.
 * @typedef {{id: string, key: string, idf: boolean, analysis: unknown}} MemoRecord
 */
/**
 * Where the record is kept (IndexedDB here; a Map in the unit test).
 * @typedef {{get(id: string): Promise<MemoRecord | undefined>, put(record: MemoRecord): Promise<void>,
 *   delete(id: string): Promise<void>}} MemoStore
 */

/** The IndexedDB store, opened on first use. @returns {MemoStore} */
export function idbMemoStore() {
  const run = oneStore(DB_NAME, STORE, 'id');
  return {
    get: (id) => run('readonly', (s) => s.get(id)),
    put: (record) => run('readwrite', (s) => s.put(record)).then(() => {}),
    delete: (id) => run('readwrite', (s) => s.delete(id)).then(() => {}),
  };
}

/**
 * What the memo needs of the wasm Analyzer.
 * @typedef {{analysisDigest(): string, hasIdf(): boolean}} DigestingAnalyzer
 */

export class AnalysisMemo {
  #store;
  #build;
  /** The record read at start (a returning visit), then the last one remembered.
   *  @type {Promise<MemoRecord | null>} */
  #last = Promise.resolve(null);
  /** What the memo did, for the worker's User Timing and the tests. */
  counts = { recalled: 0, remembered: 0 };

  /** @param {MemoStore} store @param {string} build the .wasm's build (a key never outlives it) */
  constructor(store, build) {
    this.#store = store;
    this.#build = build;
  }

  /** Reads the remembered analysis now (while the engine starts). */
  prefetch() {
    this.#last = this.#store.get(RECORD).then(
      (record) => (isRecord(record) ? record : null),
      () => null,
    );
  }

  /** @param {DigestingAnalyzer} analyzer @param {unknown} options */
  key(analyzer, options) {
    return `${this.#build}|${analyzer.analysisDigest()}|${JSON.stringify(options)}`;
  }

  /** Whether the remembered analysis was made with jieba's IDF table loaded and this analyzer
   *  lacks it: load it first, and the keys may match. */
  async wantsIdf(/** @type {DigestingAnalyzer} */ analyzer) {
    const last = await this.#last;
    return Boolean(last?.idf) && !analyzer.hasIdf();
  }

  /** @type {Promise<unknown> | null} */
  #idfLoad = null;

  /**
   * Loads jieba's IDF table with `load` when {@link wantsIdf} says so: once, however often asked
   * (the worker asks while it waits for the page's first requests, and before an analysis).
   * Never rejects. @param {DigestingAnalyzer} analyzer @param {() => unknown} load
   */
  loadIdfFor(analyzer, load) {
    this.#idfLoad ??= this.wantsIdf(analyzer)
      .then((wanted) => (wanted ? load() : undefined))
      .catch(() => undefined);
    return this.#idfLoad;
  }

  /**
   * The remembered analysis for these options, if it is for this very state.
   * @param {DigestingAnalyzer} analyzer @param {unknown} options
   */
  async recall(analyzer, options) {
    const last = await this.#last;
    if (!last || last.key !== this.key(analyzer, options)) return null;
    this.counts.recalled++;
    return last.analysis;
  }

  /**
   * Remembers `analysis` (computed for `options` in `ms`) if it took long enough: only then is
   * its key (the engine's digest) computed. Never rejects.
   * @param {DigestingAnalyzer} analyzer @param {unknown} options @param {unknown} analysis @param {number} ms
   */
  async remember(analyzer, options, analysis, ms) {
    if (ms < MEMO_MIN_MS) return false;
    const key = this.key(analyzer, options);
    /** @type {MemoRecord} */
    const record = { id: RECORD, key, idf: analyzer.hasIdf(), analysis };
    this.#last = Promise.resolve(record);
    try {
      await this.#store.put(record);
      this.counts.remembered++;
      return true;
    } catch {
      return false;
    }
  }

  /** A document went: so does what was remembered of it. Never rejects. */
  async forget() {
    this.#last = Promise.resolve(null);
    await this.#store.delete(RECORD).catch(() => {});
  }
}

/** @param {unknown} record @returns {record is MemoRecord} */
function isRecord(record) {
  const r = /** @type {Partial<MemoRecord> | null} */ (record);
  return (
    typeof r === 'object' &&
    r !== null &&
    r.id === RECORD &&
    typeof r.key === 'string' &&
    typeof r.idf === 'boolean' &&
    isAnalysis(r.analysis)
  );
}

/** Looks like the engine's Analysis (docs/API.md): what the page's views read first. */
function isAnalysis(/** @type {unknown} */ value) {
  const a = /** @type {{terms?: unknown, phrases?: unknown, network?: unknown} | null} */ (value);
  return (
    typeof a === 'object' &&
    a !== null &&
    Array.isArray(a.terms) &&
    Array.isArray(a.phrases) &&
    typeof a.network === 'object' &&
    a.network !== null
  );
}
