// @ts-check
// The engine's data that is fetched only when it is needed (docs/API.md, docs/ARCHITECTURE.md
// "Data loading"): the script tables (wenxi.wxs, OpenCC's) when a traditional document first
// appears, and the part-of-speech model (wenxi.wxp, posseg's HMM) after the first live
// analysis. Each is fetched once (the worker's `loadData`), then the documents are listed and
// analysed again. A failed fetch is a notice and the page goes on without it: traditional
// documents are counted as they are, words outside the dictionary stay tagged x. Neither counts
// towards the first cloud's download; the service worker precaches both for offline use.
//
// <body data-script-data> and <body data-posseg> say where each stands ('loading', 'ready',
// 'failed'); while one is loading (and until the analysis after it is done) the controller
// keeps <body data-state="loading">.

/** @typedef {import('./shapes.js').DocumentInfo} DocumentInfo */
/** @typedef {'script' | 'posseg'} DataKind */
/** @typedef {'idle' | 'loading' | 'ready' | 'failed'} DataStatus */

/**
 * What to fetch now: the script tables if a document waits for them (or terms are to be shown
 * in 繁體), the model once the first live analysis is done. Only what is idle (never fetched,
 * or lost with a crashed worker).
 * @param {DocumentInfo[]} documents
 * @param {Record<DataKind, DataStatus>} status
 * @param {boolean} [traditionalTerms] terms are to be shown in traditional
 * @returns {DataKind[]}
 */
export function dataToFetch(documents, status, traditionalTerms = false) {
  /** @type {DataKind[]} */
  const kinds = [];
  const waiting = documents.some((d) => d.script === 'traditional' && !d.converted);
  if (status.script === 'idle' && (waiting || traditionalTerms)) {
    kinds.push('script');
  }
  if (status.posseg === 'idle') kinds.push('posseg');
  return kinds;
}

const DATASET = /** @type {const} */ ({ script: 'scriptData', posseg: 'posseg' });

export class LazyData {
  /** @type {Record<DataKind, DataStatus>} */
  status = { script: 'idle', posseg: 'idle' };

  /**
   * @param {{load: (kind: DataKind) => Promise<number>, loaded: (kind: DataKind) => Promise<void>,
   *   notify: import('./shapes.js').Notify}} options
   *   `load`: the worker's loadData; `loaded`: list the documents again and analyse
   */
  constructor({ load, loaded, notify }) {
    this.load = load;
    this.loaded = loaded;
    this.notify = notify;
  }

  /**
   * After every live analysis: fetches what the documents (and the terms' script) now need.
   * @param {DocumentInfo[]} documents @param {boolean} [traditionalTerms]
   */
  check(documents, traditionalTerms = false) {
    for (const kind of dataToFetch(documents, this.status, traditionalTerms)) void this.#fetch(kind);
  }

  /** The worker was restarted: what it had loaded is gone. */
  reset() {
    for (const kind of /** @type {DataKind[]} */ (['script', 'posseg'])) {
      if (this.status[kind] !== 'failed') this.#set(kind, 'idle');
    }
  }

  /** Whether a fetch (or the analysis after it) is still running. */
  get busy() {
    return this.status.script === 'loading' || this.status.posseg === 'loading';
  }

  /** @param {DataKind} kind */
  async #fetch(kind) {
    this.#set(kind, 'loading');
    try {
      await this.load(kind);
      this.#set(kind, 'ready');
    } catch (err) {
      // A crashed worker is restarted: fetched again for the new one (check() after recovery).
      if (/** @type {{code?: unknown}} */ (err)?.code === 'engine_crashed') {
        this.#set(kind, 'idle');
        return;
      }
      // Not fetched again in this visit: the notice says what the page does without it.
      this.#set(kind, 'failed');
      this.notify(/** @type {Error} */ (err), 'error');
    }
    // Analysed again either way: the page is 'ready' once that is on screen.
    await this.loaded(kind);
  }

  /** @param {DataKind} kind @param {DataStatus} status */
  #set(kind, status) {
    this.status[kind] = status;
    if (typeof document !== 'undefined') document.body.dataset[DATASET[kind]] = status;
  }
}
