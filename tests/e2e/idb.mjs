// In-page reads of the page's IndexedDB databases for the browser tests. They never create a
// database: an open that would (the page has not made it yet) is aborted. A database a test
// made first would have no object stores, and the page's own open of it (version 1) would then
// find none and store nothing.

/**
 * Every record of `store` in database `db`, or null when the database or the store is not there
 * yet. Blobs and byte arrays in a record's fields come back as `{blob: size}` and `{bytes: length}`.
 * @param {import('playwright-core').Page} page @param {string} db @param {string} store
 * @returns {Promise<Record<string, any>[] | null>}
 */
export function records(page, db, store) {
  return page.evaluate(
    ({ db, store }) =>
      new Promise((resolve, reject) => {
        const describe = (value) =>
          value instanceof Blob ? { blob: value.size } : value instanceof Uint8Array ? { bytes: value.length } : value;
        const open = indexedDB.open(db);
        open.onupgradeneeded = () => open.transaction.abort();
        open.onerror = () => resolve(null);
        open.onsuccess = () => {
          const database = open.result;
          if (!database.objectStoreNames.contains(store)) {
            database.close();
            return resolve(null);
          }
          const all = database.transaction(store).objectStore(store).getAll();
          all.onsuccess = () => {
            database.close();
            resolve(
              all.result.map((record) =>
                Object.fromEntries(Object.entries(record).map(([key, value]) => [key, describe(value)])),
              ),
            );
          };
          all.onerror = () => {
            database.close();
            reject(all.error);
          };
        };
      }),
    { db, store },
  );
}

/** Waits until `store` of `db` holds a record (polled; the page writes it in its own time). */
export async function untilStored(page, db, store, { timeout = 30_000 } = {}) {
  const end = Date.now() + timeout;
  while (!(await records(page, db, store))?.length) {
    if (Date.now() > end) throw new Error(`nothing was stored in ${db}/${store} within ${timeout} ms`);
    await page.waitForTimeout(100);
  }
}
