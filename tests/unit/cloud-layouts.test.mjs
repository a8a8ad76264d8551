// www/cloud-layouts.js: a layout kept under its words, options and browser is found again (in a
// later visit too), nothing else is; damaged or full storage is as if empty; clear() forgets.
import assert from 'node:assert/strict';
import test from 'node:test';
import { LayoutMemo } from '../../www/cloud-layouts.js';

/** A Map behind localStorage's interface; `quota` (characters) makes bigger writes throw. */
function mapStorage(quota = Infinity) {
  const map = new Map();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => {
      if (v.length > quota) throw Object.assign(new Error('full'), { name: 'QuotaExceededError' });
      map.set(k, v);
    },
    removeItem: (k) => void map.delete(k),
  };
}

const WORDS = [
  { text: '劳模', weight: 10 },
  { text: '工匠', weight: 6 },
];
const OPTIONS = { width: 600, height: 400, shape: 'heart', orientation: 'mixed', seed: 1 };
const layout = (n = 2) => ({
  width: 600,
  height: 400,
  words: Array.from({ length: n }, (_, i) => ({ index: i, text: WORDS[i]?.text ?? 'x', size: 40 - i })),
  unplaced: [],
  scale: 1,
  attempts: 1,
  maskArea: 1000,
  inkArea: 500,
});

test('a layout is found again under the same words, options and browser, in a later visit too', () => {
  const storage = mapStorage();
  const memo = new LayoutMemo(storage, 'Chromium 156');
  const key = memo.key(WORDS, OPTIONS);
  assert.equal(memo.get(key, WORDS), null);
  memo.put(key, layout());
  assert.deepEqual(memo.get(key, WORDS), layout());

  const later = new LayoutMemo(storage, 'Chromium 156');
  assert.deepEqual(later.get(later.key(WORDS, OPTIONS), WORDS), layout());
  // Anything else is laid out: another seed, other weights, another browser.
  assert.equal(later.get(later.key(WORDS, { ...OPTIONS, seed: 2 }), WORDS), null);
  const heavier = [{ ...WORDS[0], weight: 11 }, WORDS[1]];
  assert.equal(later.get(later.key(heavier, OPTIONS), heavier), null);
  const other = new LayoutMemo(storage, 'Firefox 140');
  assert.equal(other.get(other.key(WORDS, OPTIONS), WORDS), null);
});

test("a picture's mask is not kept; the most recent layouts are, six of them", () => {
  const memo = new LayoutMemo(mapStorage(), 'b');
  assert.equal(memo.key(WORDS, { ...OPTIONS, mask: { width: 2, height: 2, pixels: new Uint8Array(4) } }), null);
  memo.put(null, layout());
  assert.equal(memo.get(null, WORDS), null);
  for (let seed = 0; seed < 8; seed++) memo.put(memo.key(WORDS, { ...OPTIONS, seed }), layout());
  const kept = [...Array(8).keys()].filter((seed) => memo.get(memo.key(WORDS, { ...OPTIONS, seed }), WORDS));
  assert.deepEqual(kept, [2, 3, 4, 5, 6, 7]);
});

test('damaged storage is as if empty; a full one keeps fewer; clear() forgets all', () => {
  for (const text of ['{not json', '{"a":1}', '[{"key":"k","layout":{"words":"x"}}]']) {
    const storage = mapStorage();
    storage.setItem('wenxi-cloud-layouts', text);
    const memo = new LayoutMemo(storage, 'b');
    assert.equal(memo.get('k', WORDS), null, text);
    memo.put(memo.key(WORDS, OPTIONS), layout());
    assert.ok(memo.get(memo.key(WORDS, OPTIONS), WORDS), 'written over');
  }
  // A layout whose words are not these (a damaged entry) is not drawn.
  const memo = new LayoutMemo(mapStorage(), 'b');
  memo.put('k', layout(3));
  assert.equal(memo.get('k', WORDS), null);

  const small = mapStorage(JSON.stringify([{ key: 'k', layout: layout() }]).length + 50);
  const tight = new LayoutMemo(small, 'b');
  tight.put('k', layout());
  tight.put('k2', layout());
  assert.equal(JSON.parse(small.map.get('wenxi-cloud-layouts')).length, 1, 'only what fits');

  tight.clear();
  assert.equal(small.map.size, 0);
  assert.equal(new LayoutMemo(small, 'b').get('k2', WORDS), null);
});

test('no storage at all (refused): nothing is kept, nothing throws', () => {
  const memo = new LayoutMemo(null, 'b');
  memo.put('k', layout());
  memo.clear();
  assert.equal(new LayoutMemo(null, 'b').get('k', WORDS), null);
});
