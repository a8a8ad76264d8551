// www/views/documents/filter.js and groups.js: the panel's search, filters, order and group tree.
import assert from 'node:assert/strict';
import test from 'node:test';
import {
  dateSpan,
  filterDocuments,
  inGroup,
  isUnfiltered,
  NO_FILTER,
  sortDocuments,
} from '../../www/views/documents/filter.js';
import { allGroups, groupTree } from '../../www/views/documents/groups.js';

const doc = (id, name, title, date, groups = [], chars = 100) =>
  /** @type {any} */ ({ id, name, title, date, groups, chars, path: null });
const docs = [
  doc(0, 'b10.txt', '上海新闻', '2023-05-01', ['2023/上海'], 300),
  doc(1, 'b2.txt', 'Beijing', '2023', ['2023'], 100),
  doc(2, 'a.txt', '无日期', null, [], 200),
  doc(3, 'c.txt', '二月', '2024-02', ['2024', '2023 年'], 50),
];

test('search by title or name, any case, every word', () => {
  assert.deepEqual(
    filterDocuments(docs, { ...NO_FILTER, query: 'beijing' }).map((d) => d.id),
    [1],
  );
  assert.deepEqual(
    filterDocuments(docs, { ...NO_FILTER, query: 'b .txt' }).map((d) => d.id),
    [0, 1],
  );
  assert.deepEqual(
    filterDocuments(docs, { ...NO_FILTER, query: '上海' }).map((d) => d.id),
    [0],
  );
  assert.equal(isUnfiltered(NO_FILTER), true);
  assert.equal(filterDocuments(docs, NO_FILTER), docs);
});

test('a group holds its subgroups, not its look-alikes', () => {
  assert.equal(inGroup(docs[0], '2023'), true);
  assert.equal(inGroup(docs[3], '2023'), false);
  assert.deepEqual(
    filterDocuments(docs, { ...NO_FILTER, group: '2023' }).map((d) => d.id),
    [0, 1],
  );
});

test('a date range: a month or a year overlaps it, an undated document never is in it', () => {
  assert.deepEqual(dateSpan('2024-02'), ['2024-02-01', '2024-02-29']);
  assert.deepEqual(dateSpan('2023-02'), ['2023-02-01', '2023-02-28']);
  assert.deepEqual(dateSpan('2023'), ['2023-01-01', '2023-12-31']);
  const range = (from, to) => filterDocuments(docs, { ...NO_FILTER, from, to }).map((d) => d.id);
  assert.deepEqual(range('2023-06-01', ''), [1, 3]);
  assert.deepEqual(range('', '2023-05-01'), [0, 1]);
  assert.deepEqual(range('2024-02-29', '2024-03-01'), [3]);
});

test('sorted by date (undated last either way), name (numbers as numbers), size, order added', () => {
  const ids = (key, dir) => sortDocuments(docs, { key, dir }).map((d) => d.id);
  assert.deepEqual(ids('date', 'asc'), [1, 0, 3, 2]);
  assert.deepEqual(ids('date', 'desc'), [3, 0, 1, 2]);
  assert.deepEqual(ids('name', 'asc'), [2, 1, 0, 3]);
  assert.deepEqual(ids('size', 'desc'), [0, 2, 1, 3]);
  assert.deepEqual(ids('added', 'desc'), [3, 2, 1, 0]);
});

test('the group tree: parents made, counted once, in tree order', () => {
  assert.deepEqual(groupTree(docs), [
    { group: '2023', label: '2023', depth: 0, count: 2 },
    { group: '2023/上海', label: '上海', depth: 1, count: 1 },
    { group: '2023 年', label: '2023 年', depth: 0, count: 1 },
    { group: '2024', label: '2024', depth: 0, count: 1 },
  ]);
  assert.deepEqual(allGroups(docs), ['2023', '2023/上海', '2023 年', '2024']);
});

test("the compare view's sets: documents, groups with their subgroups, years", async () => {
  const { compareSets, findSet } = await import('../../www/views/compare-sets.js');
  const sets = compareSets(docs);
  assert.deepEqual(
    sets.map((s) => [s.key, s.ids]),
    [
      ['0', [0]],
      ['1', [1]],
      ['2', [2]],
      ['3', [3]],
      ['group:2023', [0, 1]],
      ['group:2023/上海', [0]],
      ['group:2023 年', [3]],
      ['group:2024', [3]],
      ['year:2023', [0, 1]],
      ['year:2024', [3]],
    ],
  );
  assert.equal(findSet(sets, 'group:2023')?.label, '#2023 (2)');
  assert.equal(findSet(sets, 'nope'), null);
});

test("the compare view's date range and the panel's filter as sets", async () => {
  const { rangeSet, shownSet } = await import('../../www/views/compare-sets.js');
  const label = (/** @type {number} */ n) => `(${n})`;
  const all = rangeSet(docs, '', '', label);
  assert.deepEqual([all.key, all.kind], ['range', 'range']);
  assert.deepEqual(
    all.ids,
    docs.filter((d) => d.date).map((d) => d.id),
    'no dates: every dated document',
  );
  const dated = docs.filter((d) => d.date);
  const first = /** @type {string} */ (dated[0].date).slice(0, 10);
  const within = rangeSet(docs, first, first, label);
  assert.ok(within.ids.includes(dated[0].id));
  assert.ok(within.ids.length < all.ids.length, `${first}: ${within.ids}`);
  assert.equal(within.label, `(${within.ids.length})`);
  assert.deepEqual(rangeSet(docs, '2100-01-01', '', label).ids, []);
  const shown = shownSet(docs.slice(1), [0, 2, 3, 99], label);
  assert.deepEqual([shown.key, shown.ids, shown.label], ['shown', [2, 3], '(2)']);
});

test("one set made alone is the one compareSets lists; Compare's kept choice found again", async () => {
  const { chosenComparison, chosenSet, compareSets, shortName } = await import('../../www/views/compare-sets.js');
  const labels = {
    range: (/** @type {number} */ n) => `range(${n})`,
    shown: (/** @type {number} */ n) => `shown(${n})`,
  };
  const extras = { from: '', to: '', shown: [1, 3] };
  for (const set of compareSets(docs)) assert.deepEqual(chosenSet(set.key, docs, extras, labels), set, set.key);
  assert.deepEqual(chosenSet('shown', docs, extras, labels)?.ids, [1, 3]);
  assert.equal(chosenSet('range', docs, extras, labels)?.label, `range(${docs.filter((d) => d.date).length})`);
  for (const gone of ['99', 'group:没有', 'year:1999', 'odd:1', 'x'])
    assert.equal(chosenSet(gone, docs, extras, labels), null);

  const choice = { target: 'group:2023', reference: '3', from: '', to: '' };
  const found = chosenComparison(choice, docs, [], labels);
  assert.deepEqual([found.target?.ids, found.reference?.ids, found.stale], [[0, 1], [3], false]);
  // Not chosen: the first document against the rest, as Compare shows it.
  const none = chosenComparison({ ...choice, target: null, reference: null }, docs, [], labels);
  assert.deepEqual([none.target?.key, none.reference, none.stale], ['0', null, false]);
  // Its documents removed: the default, and said so.
  const removed = chosenComparison(choice, docs.slice(0, 2), [], labels);
  assert.deepEqual([removed.target?.key, removed.reference, removed.stale], ['group:2023', null, true]);
  const noTarget = chosenComparison(choice, docs.slice(2), [], labels);
  assert.deepEqual([noTarget.target?.key, noTarget.reference?.key, noTarget.stale], ['2', '3', true]);
  // The settings name a document by where it comes from: its id is new after a reload.
  const { keptKey, liveKey } = await import('../../www/views/compare-sets.js');
  const documentKey = (/** @type {number} */ id) => (id === 2 ? 'seed:b.txt' : id === 3 ? 'doc:7' : null);
  assert.deepEqual(
    ['2', '3', 'group:2023', 'range', null].map((key) => keptKey(key, documentKey)),
    ['seed:b.txt', 'doc:7', 'group:2023', 'range', null],
  );
  assert.deepEqual(
    ['seed:b.txt', 'doc:7', 'group:2023', 'shown', null].map((key) => liveKey(key, docs, documentKey)),
    ['2', '3', 'group:2023', 'shown', null],
  );
  assert.equal(liveKey('doc:8', docs, documentKey), 'doc:8', 'gone: a key no set has');
  assert.equal(chosenSet('doc:8', docs, extras, labels), null);
  assert.equal(shortName('一二三四五六七八九十一二三四'), '一二三四五六七八九十一二三四');
  assert.equal(shortName('一二三四五六七八九十一二三四五'), '一二三四五六七八九十一二三…');
});
