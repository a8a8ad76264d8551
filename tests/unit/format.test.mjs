// www/views/format.js and sort.js: numbers and table order as the views show them.
import assert from 'node:assert/strict';
import test from 'node:test';
import { formatNumber, localeOf, significance } from '../../www/views/format.js';
import { sortRows } from '../../www/views/sort.js';

test('numbers in the interface language, with fixed decimals; a dash for what is not a number', () => {
  assert.equal(formatNumber(14051), '14,051');
  assert.equal(formatNumber(0.123456, 4, 'en'), '0.1235');
  assert.equal(formatNumber(2, 3, 'zh'), '2.000');
  for (const bad of [NaN, Infinity, null, undefined, '3']) assert.equal(formatNumber(bad), '–');
  assert.equal(localeOf('en'), 'en-US');
  assert.equal(localeOf('zh'), 'zh-CN');
  assert.equal(localeOf('anything'), 'zh-CN');
});

test('significance stars for G² with one degree of freedom', () => {
  assert.equal(significance(3.83), '');
  assert.equal(significance(3.84), '*');
  assert.equal(significance(6.63), '**');
  assert.equal(significance(10.83), '***');
  assert.equal(significance(1000), '***');
});

test('rows sort by number or by text; ties keep their order; the input stays as it was', () => {
  const rows = [
    { term: '劳模', freq: 3 },
    { term: '工会', freq: 9 },
    { term: '北京', freq: 3 },
    { term: 'AI', freq: 1 },
  ];
  const copy = [...rows];
  assert.deepEqual(
    sortRows(rows, (r) => r.freq, 'desc').map((r) => r.term),
    ['工会', '劳模', '北京', 'AI'],
  );
  assert.deepEqual(
    sortRows(rows, (r) => r.freq, 'asc').map((r) => r.term),
    ['AI', '劳模', '北京', '工会'],
  );
  // Chinese by pinyin (bei, gong, lao), as the zh-CN collation puts it: Han before Latin.
  assert.deepEqual(
    sortRows(rows, (r) => r.term, 'asc', 'zh').map((r) => r.term),
    ['北京', '工会', '劳模', 'AI'],
  );
  assert.deepEqual(
    sortRows(rows, (r) => r.term, 'desc', 'zh').map((r) => r.term),
    ['AI', '劳模', '工会', '北京'],
  );
  assert.deepEqual(rows, copy);
});

test('values not known yet (null: jieba TF-IDF before its IDF table) sort last both ways', () => {
  const rows = [
    { term: 'a', tfidf: null },
    { term: 'b', tfidf: 0.2 },
    { term: 'c', tfidf: undefined },
    { term: 'd', tfidf: 0.5 },
  ];
  assert.deepEqual(
    sortRows(rows, (r) => r.tfidf, 'desc').map((r) => r.term),
    ['d', 'b', 'a', 'c'],
  );
  assert.deepEqual(
    sortRows(rows, (r) => r.tfidf, 'asc').map((r) => r.term),
    ['b', 'd', 'a', 'c'],
  );
});
