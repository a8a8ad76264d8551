// www/analysis-memo.js: when a remembered analysis stands for the one asked for, with a Map for
// IndexedDB and a fake engine whose digest is a field.
import assert from 'node:assert/strict';
import test from 'node:test';
import { AnalysisMemo, MEMO_MIN_MS } from '../../www/analysis-memo.js';

/** A Map behind the MemoStore interface; `failing` makes every call reject (IndexedDB refused). */
function mapStore({ failing = false } = {}) {
  const map = new Map();
  const fail = async () => {
    throw Object.assign(new Error('refused'), { name: 'InvalidStateError' });
  };
  return {
    map,
    get: failing ? fail : async (id) => map.get(id),
    put: failing ? fail : async (record) => void map.set(record.id, structuredClone(record)),
    delete: failing ? fail : async (id) => void map.delete(id),
  };
}

const engine = (digest = 'd1', idf = false) => ({
  digest,
  idf,
  analysisDigest() {
    return this.digest;
  },
  hasIdf() {
    return this.idf;
  },
});

const ANALYSIS = { terms: [{ term: '劳模', freq: 3 }], phrases: [], network: { nodes: [], edges: [] } };
const OPTIONS = { documents: [0, 1], topTerms: 200 };

/** A memo as a returning visit finds it: `record` written by an earlier visit, then read early. */
async function returning(store, build = 'b1') {
  const memo = new AnalysisMemo(store, build);
  memo.prefetch();
  return memo;
}

test('a slow analysis is remembered and recalled on the next visit for the same state and options', async () => {
  const store = mapStore();
  const first = new AnalysisMemo(store, 'b1');
  const analyzer = engine();
  assert.equal(await first.remember(analyzer, OPTIONS, ANALYSIS, MEMO_MIN_MS), true);
  assert.deepEqual(first.counts, { recalled: 0, remembered: 1 });

  const next = await returning(store);
  assert.deepEqual(await next.recall(engine(), OPTIONS), ANALYSIS);
  assert.deepEqual(next.counts, { recalled: 1, remembered: 0 });
  // Asked again in the same session (the page analyses again after loading data): still there.
  assert.deepEqual(await next.recall(engine(), OPTIONS), ANALYSIS);
});

test('anything else is computed: other options, another state, another build, a quick analysis', async () => {
  const store = mapStore();
  const memo = new AnalysisMemo(store, 'b1');
  await memo.remember(engine(), OPTIONS, ANALYSIS, 400);

  const next = await returning(store);
  assert.equal(await next.recall(engine(), { ...OPTIONS, topTerms: 100 }), null, 'other options');
  assert.equal(await next.recall(engine('d2'), OPTIONS), null, 'a document changed (another digest)');
  assert.equal(await (await returning(store, 'b2')).recall(engine(), OPTIONS), null, 'another .wasm');
  assert.equal(next.counts.recalled, 0);

  // Too quick to be worth a write: nothing stored, the earlier record stays as it was.
  const quick = new AnalysisMemo(store, 'b1');
  assert.equal(await quick.remember(engine('d3'), OPTIONS, ANALYSIS, MEMO_MIN_MS - 1), false);
  assert.equal(store.map.get('last').key, memo.key(engine(), OPTIONS));
});

test('a damaged or foreign record is an analysis computed as before', async () => {
  for (const record of [
    'garbage',
    { id: 'last', key: 'b1|d1|{}' },
    { id: 'last', key: 'k', idf: false, analysis: { terms: 'not a list', phrases: [], network: {} } },
    { id: 'last', key: 'k', idf: false, analysis: { terms: [], phrases: [] } },
  ]) {
    const store = mapStore();
    const memo = new AnalysisMemo(store, 'b1');
    store.map.set('last', typeof record === 'object' ? { ...record, key: memo.key(engine(), OPTIONS) } : record);
    const next = await returning(store);
    assert.equal(await next.recall(engine(), OPTIONS), null, JSON.stringify(record));
    assert.equal(await next.wantsIdf(engine()), false);
  }
});

test("an analysis made with jieba's IDF table asks for it first; the record goes with a document", async () => {
  const store = mapStore();
  const memo = new AnalysisMemo(store, 'b1');
  const withIdf = engine('d1', true);
  await memo.remember(withIdf, OPTIONS, ANALYSIS, 200);
  assert.equal(store.map.get('last').idf, true);

  const next = await returning(store);
  assert.equal(await next.wantsIdf(engine('d1', false)), true);
  assert.equal(await next.wantsIdf(engine('d1', true)), false, 'loaded already');

  await next.forget();
  assert.equal(store.map.size, 0);
  assert.equal(await next.recall(withIdf, OPTIONS), null);
});

test('a refused IndexedDB changes nothing but speed', async () => {
  const store = mapStore({ failing: true });
  const memo = await returning(store);
  assert.equal(await memo.recall(engine(), OPTIONS), null);
  assert.equal(await memo.remember(engine(), OPTIONS, ANALYSIS, 500), false);
  await memo.forget();
  assert.deepEqual(memo.counts, { recalled: 0, remembered: 0 });
});
