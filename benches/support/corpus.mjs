// What the browser benchmarks share: texts made of the seeds, and the stored index's state read
// in the page.
import { readFileSync, readdirSync } from 'node:fs';

const SEEDS = new URL('../../seeds/', import.meta.url);

/** The seeds' texts, in their files' order. */
function seedTexts() {
  return readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(new URL(f, SEEDS), 'utf8'));
}

/** The seeds as one text of about `bytes` bytes, whole seeds only (numbered copies, so lines differ). */
export function seedCorpus(bytes) {
  const seeds = seedTexts();
  const parts = [];
  let size = 0;
  for (let copy = 0; ; copy++) {
    for (const seed of seeds) {
      const part = `第${copy}份\n${seed}\n`;
      const length = Buffer.byteLength(part);
      if (size + length > bytes) return Buffer.from(parts.join(''));
      parts.push(part);
      size += length;
    }
  }
}

/** The seeds as one text of exactly `bytes` bytes, numbered copies headed by `name` (cut at a
 * byte count: it may end inside a character). */
export function seedText(name, bytes) {
  const seeds = seedTexts();
  const parts = [];
  let size = 0;
  for (let copy = 0; size < bytes; copy++) {
    const part = `${name} 第${copy}份\n${seeds[copy % seeds.length]}\n`;
    parts.push(part);
    size += Buffer.byteLength(part);
  }
  return Buffer.from(parts.join('')).subarray(0, bytes);
}

/** Whether the stored index holds an entry (run in the page: a promise Playwright waits for). */
export function storedIndexEntries() {
  return new Promise((resolve) => {
    const open = indexedDB.open('wenxi-index');
    // Not made by the worker yet: not made here either (it would have no store, and the
    // worker's own open of version 1 would then find none).
    open.onupgradeneeded = () => open.transaction.abort();
    open.onerror = () => resolve(false);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('prepared')) return resolve(false);
      const count = db.transaction('prepared').objectStore('prepared').count();
      count.onsuccess = () => resolve(count.result > 0);
      count.onerror = () => resolve(false);
    };
  });
}
