// www/stored-index.js: when a stored document comes from its index and when it is rebuilt from
// its original bytes (and indexed again), with a Map for IndexedDB and a fake engine.
import assert from 'node:assert/strict';
import test from 'node:test';
import { StoredIndex } from '../../www/stored-index.js';

/** A Map behind the IndexStore interface; `failing` makes every write reject (a full quota). */
function mapStore({ failing = false } = {}) {
  const map = new Map();
  return {
    map,
    get: async (key) => map.get(key),
    getAll: async () => [...map.values()],
    put: async (entry) => {
      if (failing) throw Object.assign(new Error('full'), { name: 'QuotaExceededError' });
      map.set(entry.key, entry);
    },
    delete: async (key) => void map.delete(key),
  };
}

/** An engine whose prepared bytes are [key byte, payload…]; 0xff is damaged. */
function fakeAnalyzer(key = 1) {
  let next = 0;
  const calls = [];
  return {
    calls,
    loaded: [],
    key,
    prepareFile(name, bytes) {
      calls.push(`prepare ${name}`);
      this.last = { name, bytes: bytes.length };
      return new Uint8Array([this.key, ...bytes]);
    },
    addPrepared(prepared) {
      calls.push('addPrepared');
      return { id: next++, ...this.last, tokens: prepared.length };
    },
    checkPrepared(prepared) {
      if (prepared[0] === 0xff) throw Object.assign(new Error('damaged'), { code: 'bad_data_file' });
      const fits = prepared[0] === this.key;
      return { fits, needs: !fits && prepared[0] === 2 && !this.loaded.includes('posseg') ? ['posseg'] : [] };
    },
    segmentationKey: () => String(key),
  };
}

const BYTES = new Uint8Array([10, 20, 30]);

/** An entry's bytes as numbers; what store() writes is a Blob. */
async function storedBytes(entry) {
  assert.ok(entry.bytes instanceof Blob, 'the index was not written as a Blob');
  return [...new Uint8Array(await entry.bytes.arrayBuffer())];
}

test('an added file is indexed once the page says where it stored it, and not before', async () => {
  const store = mapStore();
  const index = new StoredIndex(store, async () => {});
  const analyzer = fakeAnalyzer();
  const info = index.add(analyzer, 'a.txt', BYTES, {}, () => {});
  assert.equal(store.map.size, 0);
  assert.equal(await index.store(info.id, 7), true);
  assert.deepEqual(await storedBytes(store.map.get(7)), [1, 10, 20, 30]);
  assert.equal(store.map.get(7).name, 'a.txt');
  assert.equal(await index.store(info.id, 8), false, 'the bytes were let go');
  // Stored nowhere lasting: dropped.
  const other = index.add(analyzer, 'b.txt', BYTES, {}, () => {});
  assert.equal(await index.store(other.id, null), false);
  assert.equal(store.map.size, 1);
});

test('a full quota costs the index only', async () => {
  const index = new StoredIndex(mapStore({ failing: true }), async () => {});
  const info = index.add(fakeAnalyzer(), 'a.txt', BYTES, {}, () => {});
  assert.equal(await index.store(info.id, 1), false);
});

test('a fitting index is added as it is; a stale, damaged or foreign one is rebuilt and stored again', async () => {
  const store = mapStore();
  const loads = [];
  const analyzer = fakeAnalyzer();
  const index = new StoredIndex(store, async (kind) => {
    loads.push(kind);
    analyzer.loaded.push(kind);
    analyzer.key = 2;
  });
  const entry = (key, bytes, name = 'a.txt', size = BYTES.length) => store.map.set(key, { key, name, size, bytes });
  entry(1, new Uint8Array([1, 10, 20, 30]));
  await index.restore(analyzer, 1, 'a.txt', BYTES, {}, () => {});
  assert.deepEqual(index.counts, { fromIndex: 1, rebuilt: 0 });
  assert.deepEqual(analyzer.calls, ['addPrepared']);

  analyzer.calls.length = 0;
  entry(2, new Uint8Array([0xff, 1]));
  entry(3, new Uint8Array([9, 1]));
  entry(4, new Uint8Array([1, 10, 20, 30]), 'another.txt');
  for (const key of [2, 3, 4, 5]) await index.restore(analyzer, key, 'a.txt', BYTES, {}, () => {});
  assert.deepEqual(index.counts, { fromIndex: 1, rebuilt: 4 });
  for (const key of [2, 3, 4, 5])
    assert.deepEqual(await storedBytes(store.map.get(key)), [1, 10, 20, 30], `key ${key}`);

  // Segmented with posseg's model, not loaded yet: loaded first, then it fits.
  entry(6, new Uint8Array([2, 10]));
  await index.restore(analyzer, 6, 'a.txt', BYTES, {}, () => {});
  assert.deepEqual(loads, ['posseg']);
  assert.deepEqual(index.counts, { fromIndex: 2, rebuilt: 4 });
});

test('a removed document takes its index with it', async () => {
  const store = mapStore();
  const index = new StoredIndex(store, async () => {});
  const info = index.add(fakeAnalyzer(), 'a.txt', BYTES, {}, () => {});
  await index.store(info.id, 3);
  await index.forget(info.id);
  assert.equal(store.map.size, 0);
});

test('entries read early are taken once, then read from the store', async () => {
  const store = mapStore();
  const index = new StoredIndex(store, async () => {});
  const analyzer = fakeAnalyzer();
  store.map.set(1, { key: 1, name: 'a.txt', size: BYTES.length, bytes: new Uint8Array([1, 10]) });
  index.prefetch();
  // Damaged in the store after it was read: the early copy is the one restored.
  store.map.set(1, { key: 1, name: 'a.txt', size: BYTES.length, bytes: new Uint8Array([0xff]) });
  await index.restore(analyzer, 1, 'a.txt', BYTES, {}, () => {});
  assert.deepEqual(index.counts, { fromIndex: 1, rebuilt: 0 });
  index.settle();
  store.map.set(1, { key: 1, name: 'a.txt', size: BYTES.length, bytes: new Uint8Array([0xff]) });
  await index.restore(analyzer, 1, 'a.txt', BYTES, {}, () => {});
  assert.deepEqual(index.counts, { fromIndex: 1, rebuilt: 1 });
});

test('an original stored as a Blob is read only when its index does not fit', async () => {
  const store = mapStore();
  const index = new StoredIndex(store, async () => {});
  const analyzer = fakeAnalyzer();
  let reads = 0;
  const original = new (class extends Blob {
    arrayBuffer() {
      reads++;
      return super.arrayBuffer();
    }
  })([BYTES]);
  store.map.set(1, { key: 1, name: 'a.txt', size: BYTES.length, bytes: new Uint8Array([1, 10]) });
  await index.restore(analyzer, 1, 'a.txt', original, {}, () => {});
  assert.deepEqual(index.counts, { fromIndex: 1, rebuilt: 0 });
  assert.equal(reads, 0, 'a fitting index read the original');

  // Stale: rebuilt from the Blob's bytes and indexed again.
  store.map.set(2, { key: 2, name: 'a.txt', size: BYTES.length, bytes: new Uint8Array([9, 10]) });
  await index.restore(analyzer, 2, 'a.txt', original, {}, () => {});
  assert.equal(reads, 1);
  assert.deepEqual(index.counts, { fromIndex: 1, rebuilt: 1 });
  assert.deepEqual(await storedBytes(store.map.get(2)), [1, 10, 20, 30]);

  // A Blob of another size than the index was made from: rebuilt, whatever the index says.
  store.map.set(3, { key: 3, name: 'a.txt', size: BYTES.length, bytes: new Uint8Array([1, 10]) });
  await index.restore(analyzer, 3, 'a.txt', new Blob([BYTES, BYTES]), {}, () => {});
  assert.deepEqual(index.counts, { fromIndex: 1, rebuilt: 2 });
});

test('an index written as a Blob is read back, early or late; one that cannot be read is rebuilt', async () => {
  const store = mapStore();
  const index = new StoredIndex(store, async () => {});
  const analyzer = fakeAnalyzer();
  const info = index.add(analyzer, 'a.txt', BYTES, {}, () => {});
  await index.store(info.id, 1);
  const unreadable = new (class extends Blob {
    arrayBuffer() {
      return Promise.reject(new DOMException('gone', 'NotReadableError'));
    }
  })([new Uint8Array([1, 10])]);
  store.map.set(2, { key: 2, name: 'a.txt', size: BYTES.length, bytes: unreadable });
  index.prefetch();
  await index.restore(analyzer, 1, 'a.txt', BYTES, {}, () => {});
  await index.restore(analyzer, 2, 'a.txt', BYTES, {}, () => {});
  assert.deepEqual(index.counts, { fromIndex: 1, rebuilt: 1 });
  index.settle();
  await index.restore(analyzer, 1, 'a.txt', BYTES, {}, () => {});
  assert.deepEqual(index.counts, { fromIndex: 2, rebuilt: 1 });
});
