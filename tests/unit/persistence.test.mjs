// www/persistence.js over the in-memory store: origins are kept as {kind, key}, the `excluded`
// list older versions stored as strings still works, storage failures are said once, and a
// document removed while it was being stored does not come back.
import assert from 'node:assert/strict';
import test from 'node:test';
import { defaultSettings } from '../../www/settings-schema.js';
import { isPristine, Persistence } from '../../www/persistence.js';
import { MemoryStore } from '../../www/store.js';

const info = (id, name = `d${id}.txt`) => ({
  id,
  name,
  title: name,
  encoding: 'UTF-8',
  bytes: 1,
  chars: 1,
  tokens: 1,
  sentences: 1,
});

/** A Persistence over `store` (a MemoryStore unless given), with the notices it makes. */
async function persistence({ store = new MemoryStore(), error = null, documents = [] } = {}) {
  const state = {
    documents,
    included: new Set(documents.map((d) => d.id)),
    settings: defaultSettings(),
    userWords: [],
    stopWords: [],
  };
  const notices = [];
  const p = new Persistence({
    state: () => state,
    notify: (message) => notices.push(message),
    open: async () => ({ store, error }),
  });
  await p.open();
  return { p, store, state, notices };
}

test('the excluded list an older version stored (strings) deselects the same documents', async () => {
  const store = new MemoryStore();
  await store.set('excluded', ['seed:002_x.txt', 'doc:7', 'session:3']);
  const { p } = await persistence({ store });
  const stored = await p.read();
  assert.deepEqual(stored.excluded, [
    { kind: 'seed', key: '002_x.txt' },
    { kind: 'doc', key: 7 },
  ]);
  p.seedLoaded(1, '001_y.txt');
  p.seedLoaded(2, '002_x.txt');
  p.storedLoaded(3, 7);
  p.storedLoaded(4, 8);
  assert.deepEqual(
    [1, 2, 3, 4].map((id) => p.isExcluded(stored.excluded, id)),
    [false, true, true, false],
  );
});

test('the selection is stored as origins; session documents are left out of it', async () => {
  const documents = [info(1), info(2), info(3)];
  const { p, store, state } = await persistence({ documents });
  p.seedLoaded(1, 'a.txt');
  p.storedLoaded(2, 5);
  p.setOrigin(3, { kind: 'session', key: 3 });
  state.included = new Set();
  await p.persistSelection();
  assert.deepEqual(await store.get('excluded'), [
    { kind: 'seed', key: 'a.txt' },
    { kind: 'doc', key: 5 },
  ]);
  assert.deepEqual((await p.read()).excluded, await store.get('excluded'));
});

test('keep() stores a document; forget() deletes it, or remembers a removed seed', async () => {
  const { p, store } = await persistence();
  await p.keep(info(1), () => ({ name: 'a.txt', kind: 'text', text: '甲' }));
  assert.deepEqual(p.origin(1), { kind: 'doc', key: 1 });
  assert.equal((await store.documents()).length, 1);
  await p.forget(1);
  assert.equal((await store.documents()).length, 0);
  assert.equal(p.origin(1), undefined);

  p.seedLoaded(2, 'seed.txt');
  await p.forget(2);
  assert.deepEqual(p.removedSeeds, ['seed.txt']);
  assert.deepEqual(await store.get('removedSeeds'), ['seed.txt']);
  assert.deepEqual((await p.read()).removedSeeds, ['seed.txt']);
});

test('a document removed before it was stored is deleted again as soon as it is', async () => {
  const { p, store } = await persistence();
  let release;
  const gate = new Promise((resolve) => (release = resolve));
  const keeping = p.keep(info(1), async () => {
    await gate;
    return { name: 'a.txt', kind: 'text', text: '甲' };
  });
  await p.forget(1); // removed while keep() waits for the bytes
  release();
  await keeping;
  assert.deepEqual(await store.documents(), []);
  assert.equal(p.origin(1), undefined);
});

test('a full store keeps the document for this session, and says so', async () => {
  const store = new MemoryStore();
  store.putDocument = async () => {
    throw Object.assign(new Error('Quota exceeded.'), { name: 'QuotaExceededError' });
  };
  const { p, notices } = await persistence({ store });
  await p.keep(info(4, '熊猫.txt'), () => ({ name: '熊猫.txt', kind: 'text', text: '熊猫' }));
  assert.deepEqual(p.origin(4), { kind: 'session', key: 4 });
  assert.equal(p.sessionOnly(), 1);
  assert.equal(notices.length, 1);
  assert.match(notices[0].zh, /^浏览器存储已满：「熊猫\.txt」/);
  assert.match(notices[0].en, /^Browser storage is full: "熊猫\.txt"/);
});

test('a refused store is said once, however many writes fail', async () => {
  const store = new MemoryStore();
  store.set = async () => {
    throw new Error('nope');
  };
  const { p, notices } = await persistence({ store, error: new Error('IndexedDB is not available') });
  await p.persist('settings', {});
  await p.persist('userWords', []);
  assert.equal(notices.length, 1);
  assert.equal(notices[0].zh, '浏览器存储不可用，本次添加的内容不会保存（IndexedDB is not available）。分析照常进行。');
});

test('read() checks what the store holds: settings through the schema, user words as the engine takes them', async () => {
  const store = new MemoryStore();
  await store.set('settings', JSON.parse('{"__proto__": {"x": 1}, "filter": {"minLength": "abc"}}'));
  await store.set('userWords', ['劳模精神', '两个 词', 5]);
  await store.set('stopWords', 'not a list');
  const { p } = await persistence({ store });
  const stored = await p.read();
  assert.equal({}.x, undefined);
  assert.deepEqual(stored.settings, defaultSettings());
  assert.deepEqual(stored.resetSettings, ['filter.minLength']);
  assert.deepEqual(stored.ignoredSettings, ['__proto__']);
  assert.deepEqual([stored.userWords, stored.refusedUserWords, stored.stopWords], [['劳模精神'], ['两个 词'], []]);
});

test('pristine: nothing stored, removed, left out or changed', () => {
  const workspace = {
    settings: defaultSettings(),
    userWords: [],
    stopWords: [],
    storedDocuments: 0,
    removedSeeds: [],
    excluded: 0,
  };
  assert.equal(isPristine(workspace), true);
  assert.equal(isPristine({ ...workspace, excluded: 1 }), false);
  assert.equal(isPristine({ ...workspace, removedSeeds: ['a'] }), false);
  assert.equal(isPristine({ ...workspace, userWords: ['a'] }), false);
  assert.equal(isPristine({ ...workspace, settings: { ...defaultSettings(), topTerms: 10 } }), false);
});

test('what a view keeps (ctx.viewData) is stored under its own name, forgotten as null, and a clear removes it', async () => {
  const { p, store, notices } = await persistence();
  assert.equal(await p.viewData('cloud-mask'), undefined);
  const picture = { name: 'heart.png', type: 'image/png', bytes: new Uint8Array([137, 80, 78, 71]) };
  await p.keepViewData('cloud-mask', picture);
  assert.deepEqual(await p.viewData('cloud-mask'), picture);
  assert.deepEqual(await store.get('view:cloud-mask'), picture); // apart from the settings
  await p.keepViewData('cloud-mask', null);
  assert.equal(await p.viewData('cloud-mask'), null);
  await p.keepViewData('cloud-mask', picture);
  await store.clear();
  assert.equal(await p.viewData('cloud-mask'), undefined);
  // A store that refuses the write: said once, the session goes on.
  store.set = async () => {
    throw new Error('nope');
  };
  await p.keepViewData('cloud-mask', picture);
  assert.equal(notices.length, 1);
});
