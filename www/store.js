// @ts-check
// IndexedDB persistence: the documents a person added (original bytes, so they decode the same
// way again), the seeds they removed, user words, stop words and settings. Every write is one
// transaction, so a document is stored whole or not at all, and two tabs never interleave
// half-writes. When storage is refused (private mode) or full, the caller is told and the
// session goes on in memory.

const DB_NAME = 'wenxi';
const DB_VERSION = 1;

/**
 * A document as it is stored: the original bytes of a file, or a pasted text. A file's bytes
 * are a Uint8Array (a small file's copy, and every file stored before 2026-12-04) or a Blob (a
 * large file's bytes, read only when needed; never the File itself, which Chromium would keep by
 * reference to the file on disk).
 * A file keeps where it came from (`origin`: its path in a dropped folder, its time), so that its
 * metadata come back the same; `edit` is what the person changed in them (www/edits.js).
 * @typedef {{origin?: import('./types/FileOrigin').FileOrigin | null, edit?: import('./edits.js').Edit | null}} DocumentExtras
 * @typedef {({name: string, kind: 'bytes', bytes: Uint8Array | Blob} | {name: string, kind: 'text', text: string}) & DocumentExtras} NewDocument
 * @typedef {NewDocument & {key: number, addedAt: number, bytes?: Uint8Array | Blob, text?: string}} StoredDocument
 */
/**
 * What is stored of a file: `kept`, its bytes, when they are at most `copyBytes`; else a Blob of
 * them (read from `file` again when not kept: the analysis worker took them). Never the File:
 * Chromium's IndexedDB keeps one picked from disk by reference, lost with the file on disk.
 * @param {Uint8Array | null} kept @param {Blob} file @param {number} copyBytes
 * @returns {Promise<Uint8Array | Blob>}
 */
export async function storedForm(kept, file, copyBytes) {
  return kept && kept.length <= copyBytes
    ? kept
    : new Blob([/** @type {BlobPart} */ (kept ?? (await file.arrayBuffer()))]);
}

/**
 * What openStore() gives: IndexedDB, or the same interface in memory.
 * @typedef {{
 *   persistent: boolean,
 *   documents(): Promise<StoredDocument[]>,
 *   putDocument(doc: NewDocument): Promise<number>,
 *   deleteDocument(key: number): Promise<void>,
 *   updateDocuments(changes: {key: number, edit: import('./edits.js').Edit | null}[]): Promise<void>,
 *   get(name: string): Promise<unknown>,
 *   set(name: string, value: unknown): Promise<void>,
 *   clear(): Promise<void>,
 *   replace(documents: NewDocument[], values: Record<string, unknown>): Promise<void>,
 * }} Store
 */

/** The same interface kept in memory, for when IndexedDB is unavailable: the session (and a
 *  workspace export) still works; nothing survives a reload. */
/** @implements {Store} */
class MemoryStore {
  persistent = false;
  /** @type {Map<number, StoredDocument>} */
  #documents = new Map();
  /** @type {Map<string, unknown>} */
  #state = new Map();
  #next = 1;
  async documents() {
    return [...this.#documents.values()];
  }
  /** @param {NewDocument} doc */
  async putDocument(doc) {
    const key = this.#next++;
    this.#documents.set(key, { ...doc, key, addedAt: Date.now() });
    return key;
  }
  /** @param {number} key */
  async deleteDocument(key) {
    this.#documents.delete(key);
  }
  /** @param {{key: number, edit: import('./edits.js').Edit | null}[]} changes */
  async updateDocuments(changes) {
    for (const { key, edit } of changes) {
      const doc = this.#documents.get(key);
      if (doc) this.#documents.set(key, { ...doc, edit });
    }
  }
  /** @param {string} name */
  async get(name) {
    return this.#state.get(name);
  }
  /** @param {string} name @param {unknown} value */
  async set(name, value) {
    this.#state.set(name, value);
  }
  async clear() {
    this.#documents.clear();
    this.#state.clear();
  }
  /** @param {NewDocument[]} documents @param {Record<string, unknown>} values */
  async replace(documents, values) {
    this.#documents.clear();
    this.#state.clear();
    for (const doc of documents) await this.putDocument(doc);
    for (const [name, value] of Object.entries(values)) this.#state.set(name, value);
  }
}

/**
 * @template T
 * @param {IDBRequest<T>} req
 * @returns {Promise<T>}
 */
function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** @param {IDBTransaction} tx @returns {Promise<void>} */
function done(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
    tx.onerror = () => reject(tx.error);
  });
}

/** @implements {Store} */
class IdbStore {
  persistent = true;
  /** @param {IDBDatabase} db */
  constructor(db) {
    this.db = db;
  }

  /**
   * Stored documents in the order they were added.
   * @returns {Promise<StoredDocument[]>}
   */
  async documents() {
    const tx = this.db.transaction('documents', 'readonly');
    return request(tx.objectStore('documents').getAll());
  }

  /**
   * Store a document; resolves to its key.
   * @param {NewDocument} doc
   */
  async putDocument(doc) {
    const tx = this.db.transaction('documents', 'readwrite');
    const key = await request(tx.objectStore('documents').add({ ...doc, addedAt: Date.now() }));
    await done(tx);
    return /** @type {number} */ (key);
  }

  /** @param {number} key */
  async deleteDocument(key) {
    const tx = this.db.transaction('documents', 'readwrite');
    tx.objectStore('documents').delete(key);
    await done(tx);
  }

  /**
   * Sets the metadata edit of stored documents, in one transaction (a bulk edit of 5,000).
   * @param {{key: number, edit: import('./edits.js').Edit | null}[]} changes
   */
  async updateDocuments(changes) {
    const tx = this.db.transaction('documents', 'readwrite');
    const documents = tx.objectStore('documents');
    for (const { key, edit } of changes) {
      const read = documents.get(key);
      read.onsuccess = () => {
        if (read.result) documents.put({ ...read.result, edit });
      };
    }
    await done(tx);
  }

  /** @param {string} name */
  async get(name) {
    const tx = this.db.transaction('state', 'readonly');
    return request(tx.objectStore('state').get(name));
  }

  /** @param {string} name @param {unknown} value */
  async set(name, value) {
    const tx = this.db.transaction('state', 'readwrite');
    tx.objectStore('state').put(value, name);
    await done(tx);
  }

  /** Forget everything. */
  async clear() {
    const tx = this.db.transaction(['documents', 'state'], 'readwrite');
    tx.objectStore('documents').clear();
    tx.objectStore('state').clear();
    await done(tx);
  }

  /**
   * Replace everything with `documents` and the named `values` (importing a workspace), in one
   * transaction: when the storage is full half-way, the old contents stay as they were.
   * @param {NewDocument[]} documents
   * @param {Record<string, unknown>} values
   */
  async replace(documents, values) {
    const tx = this.db.transaction(['documents', 'state'], 'readwrite');
    try {
      tx.objectStore('documents').clear();
      tx.objectStore('state').clear();
      const added = Date.now();
      for (const doc of documents) tx.objectStore('documents').add({ ...doc, addedAt: added });
      for (const [name, value] of Object.entries(values)) tx.objectStore('state').put(value, name);
    } catch (err) {
      // A request that throws (quota, a value that cannot be stored) leaves the transaction
      // running; abort it, or the clear() above would be committed on its own.
      tx.abort();
      throw err;
    }
    await done(tx);
  }
}

/**
 * Opens the database; resolves to {store, error} where error says why it is memory-only.
 * @returns {Promise<{store: Store, error: unknown}>}
 */
export async function openStore() {
  try {
    if (!('indexedDB' in globalThis)) throw new Error('IndexedDB is not available');
    const open = indexedDB.open(DB_NAME, DB_VERSION);
    open.onupgradeneeded = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('documents'))
        db.createObjectStore('documents', { keyPath: 'key', autoIncrement: true });
      if (!db.objectStoreNames.contains('state')) db.createObjectStore('state');
    };
    // Another tab holding an older version must not block this one forever.
    open.onblocked = () => console.warn('wenxi: database upgrade is waiting for another tab');
    const db = await request(open);
    // A newer version in another tab: close so it can upgrade; this tab keeps working in memory.
    db.onversionchange = () => db.close();
    return { store: new IdbStore(db), error: null };
  } catch (err) {
    return { store: new MemoryStore(), error: err };
  }
}

export { MemoryStore };
