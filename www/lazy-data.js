// @ts-check
// The engine's data that is fetched only when it is needed (docs/API.md, docs/ARCHITECTURE.md
// "Data loading"): the script tables (wenxi.wxs, OpenCC's) when a traditional document first
// appears, the part-of-speech model (wenxi.wxp, posseg's HMM) and jieba's IDF table
// (wenxi.wxi) after the first live analysis — the IDF table before it when the settings weigh
// terms by jieba's TF-IDF (`ensure`). Each is fetched once (the worker's `loadData`), then the
// documents are listed and analysed again. A failed fetch is a notice and the page goes on
// without it: traditional documents are counted as they are, words outside the dictionary stay
// tagged x, jieba's TF-IDF stays unknown. None counts towards the first cloud's download; the
// service worker precaches them for offline use.
//
// <body data-script-data>, <body data-posseg> and <body data-idf> say where each stands
// ('loading', 'ready', 'failed'); while one is loading (and until the analysis after it is done)
// the controller keeps <body data-state="loading">.

/** @typedef {import('./shapes.js').DocumentInfo} DocumentInfo */
/** @typedef {'script' | 'posseg' | 'idf'} DataKind */
/** @typedef {'idle' | 'loading' | 'ready' | 'failed'} DataStatus */

/**
 * What to fetch now: the script tables if a document waits for them (or terms are to be shown
 * in 繁體), the model and the IDF table once the first live analysis is done. Only what is idle
 * (never fetched, or lost with a crashed worker).
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
  if (status.idf === 'idle') kinds.push('idf');
  return kinds;
}

const DATASET = /** @type {const} */ ({ script: 'scriptData', posseg: 'posseg', idf: 'idf' });
const KINDS = /** @type {DataKind[]} */ (['script', 'posseg', 'idf']);

/**
 * A failed fetch as the notice that says what the page does without that file: the worker's
 * `data_unavailable` {file, reason} as `data_unavailable_script` / `_posseg` / `_idf`; any other
 * error as it is.
 * @param {DataKind} kind @param {unknown} err
 */
export function withoutIt(kind, err) {
  const coded = /** @type {{code?: unknown, params?: object, message?: string}} */ (err);
  if (coded?.code !== 'data_unavailable') return /** @type {Error} */ (err);
  return Object.assign(new Error(coded.message ?? 'data_unavailable'), {
    code: `data_unavailable_${kind}`,
    params: { ...coded.params },
  });
}

export class LazyData {
  /** @type {Record<DataKind, DataStatus>} */
  status = { script: 'idle', posseg: 'idle', idf: 'idle' };
  /** @type {Partial<Record<DataKind, Promise<void>>>} the fetches under way */
  #pending = {};

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
    for (const kind of dataToFetch(documents, this.status, traditionalTerms)) {
      this.#pending[kind] = this.#fetch(kind);
    }
  }

  /**
   * Before an analysis that needs `kind` (jieba's TF-IDF needs the IDF table): fetches it if it
   * is idle and waits for it (or for the fetch under way). The caller analyses next, so none
   * follows here. A failure is the same notice as after check(), and the caller goes on.
   * @param {DataKind} kind
   */
  async ensure(kind) {
    if (this.status[kind] === 'idle') this.#pending[kind] = this.#fetch(kind, false);
    await this.#pending[kind];
  }

  /** The worker was restarted: what it had loaded is gone. */
  reset() {
    for (const kind of KINDS) {
      if (this.status[kind] !== 'failed') this.#set(kind, 'idle');
    }
  }

  /** Whether a fetch (or the analysis after it) is still running. */
  get busy() {
    return KINDS.some((kind) => this.status[kind] === 'loading');
  }

  /** @param {DataKind} kind @param {boolean} [analyseAfter] */
  async #fetch(kind, analyseAfter = true) {
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
      // Not fetched again in this visit: the notice says what the page does without this file
      // (its own code, `data_unavailable_<kind>`, with the worker's {file, reason}).
      this.#set(kind, 'failed');
      this.notify(withoutIt(kind, err), 'error');
    }
    // Analysed again either way: the page is 'ready' once that is on screen.
    if (analyseAfter) await this.loaded(kind);
  }

  /** @param {DataKind} kind @param {DataStatus} status */
  #set(kind, status) {
    this.status[kind] = status;
    if (typeof document !== 'undefined') document.body.dataset[DATASET[kind]] = status;
  }
}
