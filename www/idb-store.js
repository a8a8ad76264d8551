// @ts-check
// A worker's own IndexedDB database of one object store, opened on first use: what the stored
// index (www/stored-index.js) and the analysis memo (www/analysis-memo.js) keep their records in.

/** @template T @param {IDBRequest<T>} req @returns {Promise<T>} */
export function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/**
 * Runs one request on the store `store` of database `name` (version 1, records keyed by
 * `keyPath`) in a transaction of its own, and resolves once that transaction has committed.
 * The database is opened on the first call; an upgrade elsewhere closes it.
 * @param {string} name @param {string} store @param {string} keyPath
 * @returns {<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>) => Promise<T>}
 */
export function oneStore(name, store, keyPath) {
  /** @type {Promise<IDBDatabase> | null} */
  let db = null;
  const open = () => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(store, { keyPath });
    return request(req).then((opened) => {
      opened.onversionchange = () => opened.close();
      return opened;
    });
  };
  return async (mode, run) => {
    db ??= open();
    const tx = (await db).transaction(store, mode);
    const result = await request(run(tx.objectStore(store)));
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onabort = () => reject(tx.error);
      tx.onerror = () => reject(tx.error);
    });
    return result;
  };
}
