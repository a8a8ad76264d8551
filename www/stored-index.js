// @ts-check
// The stored index (issue 12): the worker keeps each stored document's prepared form (the
// engine's bytes: text, tokens, vocabulary; src/corpus/stored.rs) in an IndexedDB database of its
// own, `wenxi-index`, under the key the page's store gave the document (www/store.js). A
// returning visit adds it as it is instead of segmenting the original again.
//
// It is only ever an addition to the original bytes, which stay the truth: the page writes the
// original first and only then asks for the index to be written (so a full quota loses an index,
// never an original); an index that is missing, stale (segmented under another key) or damaged
// is rebuilt from the original, silently, and stored again. Every failure of this database is
// swallowed: without it, documents are segmented as before.

import { oneStore } from './idb-store.js';

const DB_NAME = 'wenxi-index';
const STORE = 'prepared';

/**
 * One stored index: the page's document key, what it was made from (checked on restore, so
 * that a record can never stand for another document), the engine's segmentation key, the bytes.
 * The bytes are written as a Blob: IndexedDB then stores a handle whose contents the browser
 * copies, instead of serialising (and, in Chromium, compressing) tens of MB on the worker's
 * thread during a drop; entries written before 2026-12-04 hold a Uint8Array, read as they are.
 * @typedef {{key: number, name: string, size: number, segmentationKey: string, bytes: Uint8Array | Blob}} IndexEntry
 */
/**
 * What the index needs of the wasm Analyzer.
 * @typedef {{
 *   prepareFile(name: string, bytes: Uint8Array, origin: unknown, progress?: (f: number) => void): Uint8Array,
 *   addPrepared(prepared: Uint8Array): import('./shapes.js').DocumentInfo,
 *   checkPrepared(prepared: Uint8Array): {fits: boolean, needs: ('posseg' | 'script')[]},
 *   segmentationKey(): string,
 * }} PreparingAnalyzer
 */
/**
 * Where entries are kept (IndexedDB here; a Map in the unit test).
 * @typedef {{get(key: number): Promise<IndexEntry | undefined>, getAll(): Promise<IndexEntry[]>,
 *   put(entry: IndexEntry): Promise<void>, delete(key: number): Promise<void>}} IndexStore
 */

/** Files larger than this are added as before and not indexed: preparing one holds its bytes
 *  next to the document in wasm memory, which never shrinks (a 100 MB file would take ~200 MB more). */
export const MAX_INDEXED_BYTES = 48 << 20;

/** The IndexedDB store, opened on first use; null where IndexedDB is refused. @returns {IndexStore} */
export function idbIndexStore() {
  const run = oneStore(DB_NAME, STORE, 'key');
  return {
    get: (key) => run('readonly', (s) => s.get(key)),
    getAll: () => run('readonly', (s) => s.getAll()),
    put: (entry) => run('readwrite', (s) => s.put(entry)).then(() => {}),
    delete: (key) => run('readwrite', (s) => s.delete(key)).then(() => {}),
  };
}

/** `entry` with its bytes as a Uint8Array (a Blob read; one that cannot be read, as if damaged).
 *  @param {IndexEntry} entry @returns {Promise<IndexEntry>} */
async function read(entry) {
  if (!(entry.bytes instanceof Blob)) return entry;
  const bytes = await entry.bytes.arrayBuffer().then(
    (buffer) => new Uint8Array(buffer),
    () => new Uint8Array(0),
  );
  return { ...entry, bytes };
}

export class StoredIndex {
  /** Prepared bytes of documents added in this session, until the page has stored the original
   *  (then they are written) or could not (then dropped): by analyzer document id. */
  #held = new Map();
  /** The page's key of each document restored or indexed, by analyzer document id. */
  #keys = new Map();
  #store;
  #load;
  /** Every entry, read while the engine starts (prefetch), by key; each taken once.
   *  @type {Promise<Map<number, IndexEntry>> | null} */
  #early = null;
  /** What restores did, for the page's User Timing and the tests. */
  counts = { fromIndex: 0, rebuilt: 0 };

  /**
   * @param {IndexStore} store
   * @param {(kind: 'posseg' | 'script') => Promise<unknown>} load loads lazy data into the analyzer
   */
  constructor(store, load) {
    this.#store = store;
    this.#load = load;
  }

  /** Reads every entry now (a returning visit: while the .wasm compiles and the dictionary is
   *  built, rather than one by one after); what is not restored is let go by settle(). */
  prefetch() {
    this.#early = this.#store.getAll().then(
      async (entries) => {
        const all = await Promise.all(entries.map(read));
        return new Map(all.map((entry) => [entry.key, entry]));
      },
      () => new Map(),
    );
  }

  /** Whether a stored document read early was segmented with posseg's model, which `analyzer`
   *  has not loaded (a returning visit then loads it before adding the seeds). */
  async needsPosseg(/** @type {PreparingAnalyzer} */ analyzer) {
    const early = await this.#early;
    for (const entry of early?.values() ?? []) {
      try {
        if (entry.bytes instanceof Uint8Array && analyzer.checkPrepared(entry.bytes).needs.includes('posseg')) {
          return true;
        }
      } catch {
        // Damaged: rebuilt from its original when restored.
      }
    }
    return false;
  }

  /** Start-up is over: entries read early and not restored are let go. */
  settle() {
    this.#early = null;
  }

  /** The entry of `key`: read early, else now. @returns {Promise<IndexEntry | undefined>} */
  async #entry(/** @type {number} */ key) {
    const early = await this.#early;
    const entry = early?.get(key);
    if (entry) {
      early?.delete(key);
      return entry;
    }
    return this.#store
      .get(key)
      .then((entry) => entry && read(entry))
      .catch(() => undefined);
  }

  /**
   * Adds a file as `addFile` does, keeping its prepared bytes until `store(id, key)`.
   * @param {PreparingAnalyzer} analyzer
   * @param {string} name @param {Uint8Array} bytes @param {unknown} origin
   * @param {(f: number) => void} progress
   */
  add(analyzer, name, bytes, origin, progress) {
    const prepared = analyzer.prepareFile(name, bytes, origin, progress);
    return this.addPrepared(analyzer, prepared);
  }

  /**
   * Adds a document prepared elsewhere (a pool worker, www/pool.js), keeping its bytes until
   * `store(id, key)` as add() does.
   * @param {PreparingAnalyzer} analyzer @param {Uint8Array} prepared
   */
  addPrepared(analyzer, prepared) {
    const info = analyzer.addPrepared(prepared);
    this.#held.set(info.id, {
      name: info.name,
      size: info.bytes,
      bytes: prepared,
      segmentationKey: analyzer.segmentationKey(),
    });
    return info;
  }

  /**
   * The page stored document `id` under `key` (null: it could not, the document is for this
   * session only): write its index, then let go of the bytes. Never rejects.
   * @param {number} id @param {number | null} key
   */
  async store(id, key) {
    const held = this.#held.get(id);
    this.#held.delete(id);
    if (!held || key == null) return false;
    this.#keys.set(id, key);
    return this.#store.put({ key, ...held, bytes: new Blob([held.bytes]) }).then(
      () => true,
      () => false,
    );
  }

  /**
   * Restores the stored document `key` (its original `stored` bytes): from its index when that
   * fits, else from the bytes, indexing it again. Resolves to the document's summary. A Blob
   * (a large file, www/store.js) is read only when the index does not fit.
   * @param {PreparingAnalyzer} analyzer
   * @param {number} key @param {string} name @param {Uint8Array | Blob} stored
   * @param {unknown} origin @param {(f: number) => void} progress
   */
  async restore(analyzer, key, name, stored, origin, progress) {
    const entry = await this.#entry(key);
    const size = stored instanceof Blob ? stored.size : stored.length;
    if (entry && entry.name === name && entry.size === size && entry.bytes instanceof Uint8Array) {
      const info = await this.#fromIndex(analyzer, entry.bytes);
      if (info) {
        this.counts.fromIndex++;
        this.#keys.set(info.id, key);
        return info;
      }
    }
    this.counts.rebuilt++;
    const bytes = stored instanceof Blob ? new Uint8Array(await stored.arrayBuffer()) : stored;
    if (bytes.length > MAX_INDEXED_BYTES) {
      return /** @type {any} */ (analyzer).addFile(name, bytes, origin, progress);
    }
    const info = this.add(analyzer, name, bytes, origin, progress);
    await this.store(info.id, key);
    return info;
  }

  /** The document of `prepared` if it fits (after loading the data it needs), else null. */
  async #fromIndex(/** @type {PreparingAnalyzer} */ analyzer, /** @type {Uint8Array} */ prepared) {
    try {
      let check = analyzer.checkPrepared(prepared);
      if (!check.fits && check.needs.length) {
        for (const kind of check.needs) await this.#load(kind);
        check = analyzer.checkPrepared(prepared);
      }
      return check.fits ? analyzer.addPrepared(prepared) : null;
    } catch {
      // Damaged (bad_data_file) or the data would not load: rebuilt from the original.
      return null;
    }
  }

  /** Document `id` was removed: its index goes with it. Never rejects. */
  async forget(/** @type {number} */ id) {
    this.#held.delete(id);
    const key = this.#keys.get(id);
    this.#keys.delete(id);
    if (key != null) await this.#store.delete(key).catch(() => {});
  }
}
