import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CHOICE_LIMIT, chooseAmong, listKey } from '../../www/views/doc-choice.js';

const docs = Array.from({ length: 5000 }, (_, i) => ({
  id: i,
  name: `稿件${i}.txt`,
  title: i % 2 ? `Title ${i}` : '',
}));

test('at most the limit, in order, and the total that matches', () => {
  const { shown, total } = chooseAmong(docs, '');
  assert.equal(shown.length, CHOICE_LIMIT);
  assert.equal(total, 5000);
  assert.deepEqual(
    shown.slice(0, 3).map((d) => d.id),
    [0, 1, 2],
  );
});

test('the filter matches titles (any case) and names', () => {
  assert.deepEqual(
    chooseAmong(docs, 'title 499').shown.map((d) => d.id),
    [499, 4991, 4993, 4995, 4997, 4999],
  );
  const byName = chooseAmong(docs, '稿件4998');
  assert.deepEqual(
    byName.shown.map((d) => d.id),
    [4998],
  );
  assert.equal(chooseAmong(docs, '没有这个').total, 0);
});

test('the chosen document stays in the list when the cap or the filter leaves it out', () => {
  const capped = chooseAmong(docs, '', 4321);
  assert.equal(capped.shown.length, CHOICE_LIMIT + 1);
  assert.equal(capped.shown.at(-1)?.id, 4321);
  const filtered = chooseAmong(docs, '稿件4998', 7);
  assert.deepEqual(
    filtered.shown.map((d) => d.id),
    [7, 4998],
  );
  assert.equal(filtered.total, 1);
  assert.equal(chooseAmong(docs, '', 3).shown.length, CHOICE_LIMIT, 'shown once when within the cap');
});

test('the key changes with ids, titles, inclusion and the extra part only', () => {
  const few = docs.slice(0, 3);
  const key = listKey(few, new Set([0, 1]), 'zh');
  assert.equal(
    listKey(
      few.map((d) => ({ ...d })),
      new Set([1, 0]),
      'zh',
    ),
    key,
  );
  assert.notEqual(listKey(few, new Set([0]), 'zh'), key);
  assert.notEqual(listKey(few, new Set([0, 1]), 'en'), key);
  assert.notEqual(listKey([{ ...few[0], title: 'x' }, few[1], few[2]], new Set([0, 1]), 'zh'), key);
  assert.notEqual(listKey(few.slice(1), new Set([0, 1]), 'zh'), key);
});

test('how many that match are not shown', () => {
  assert.equal(chooseAmong(docs, '').hidden, 5000 - CHOICE_LIMIT);
  assert.equal(chooseAmong(docs, '', 4321).hidden, 5000 - CHOICE_LIMIT - 1);
  assert.equal(chooseAmong(docs, '稿件4998', 7).hidden, 0);
  assert.equal(chooseAmong(docs.slice(0, 10), '').hidden, 0);
});
