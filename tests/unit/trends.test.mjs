// www/views/trends/chart.js and csv.js: the chart's axis and points, the dispersion ticks, and
// what the CSV files hold.
import assert from 'node:assert/strict';
import test from 'node:test';
import { dispersionLayout, niceMax, ticks, trendLayout } from '../../www/views/trends/chart.js';
import { dispersionTable, trendTable } from '../../www/views/trends/csv.js';
import { splitTerms } from '../../www/views/trends/terms.js';

const t = (/** @type {string} */ key, /** @type {any} */ vars = {}) => (vars.term ? `${key}:${vars.term}` : key);

const trends = /** @type {any} */ ({
  by: 'year',
  terms: ['劳模', '工会'],
  bins: [
    { key: '2023', label: '2023', documents: [0, 1], words: 1000 },
    { key: '2024', label: '2024', documents: [2], words: 500 },
  ],
  series: [
    { term: '劳模', counts: [3, 4], perTenThousand: [30, 80] },
    { term: '工会', counts: [1, 0], perTenThousand: [10, 0] },
  ],
  unbinned: [],
});

test('the value axis ends at a nice number at or above the largest value', () => {
  assert.equal(niceMax(80), 100);
  assert.equal(niceMax(23), 25);
  assert.equal(niceMax(0.3), 0.5);
  assert.equal(niceMax(0), 1);
  assert.equal(niceMax(200), 200);
  assert.deepEqual(ticks(100), [0, 25, 50, 75, 100]);
});

test('a point per bin and series, the first bin at the left, the largest value near the top', () => {
  const margin = { top: 10, right: 10, bottom: 30, left: 40 };
  const layout = trendLayout(trends, { width: 450, height: 240, margin });
  assert.equal(layout.top, 100);
  const [a, b] = layout.series[0].points;
  assert.deepEqual([a.x, b.x], [40, 440]);
  assert.equal(a.y, 10 + 200 - 60);
  assert.equal(b.y, 10 + 200 - 160);
  assert.equal(layout.series[1].points[1].y, 210);
  assert.deepEqual(layout.yTicks.at(-1), { value: 100, y: 10 });
  // One bin sits in the middle.
  const one = trendLayout(
    { ...trends, bins: [trends.bins[0]], series: [{ term: 'x', counts: [1], perTenThousand: [5] }] },
    { width: 450, height: 240, margin },
  );
  assert.equal(one.series[0].points[0].x, 240);
});

test('dispersion ticks are where the term occurs along each document', () => {
  const dispersion = /** @type {any} */ ({
    term: '劳模',
    total: 3,
    documents: [
      { id: 0, name: 'a.txt', title: 'A', chars: 100, offsets: [0, 50] },
      { id: 1, name: 'b.txt', title: 'B', chars: 10, offsets: [] },
    ],
  });
  const rows = dispersionLayout(dispersion, { width: 308, rowHeight: 20, labelWidth: 100 });
  assert.deepEqual(
    rows.map((r) => [r.y, r.ticks]),
    [
      [0, [100, 200]],
      [20, []],
    ],
  );
  const table = dispersionTable(dispersion, t);
  assert.deepEqual(table.rows, [
    ['劳模', 0, 'a.txt', 100, 0],
    ['劳模', 0, 'a.txt', 100, 50],
  ]);
});

test('the trend CSV: a row per bin, a count and a rate per term', () => {
  const table = trendTable(trends, t);
  assert.deepEqual(table.header, [
    'trends.csv.bin',
    'trends.csv.label',
    'trends.csv.documents',
    'trends.csv.words',
    'trends.csv.count:劳模',
    'trends.csv.per10k:劳模',
    'trends.csv.count:工会',
    'trends.csv.per10k:工会',
  ]);
  assert.deepEqual(table.rows, [
    ['2023', '2023', 2, 1000, 3, 30, 1, 10],
    ['2024', '2024', 1, 500, 4, 80, 0, 0],
  ]);
});

test('typed terms: split on commas, spaces and 、, each once', () => {
  assert.deepEqual(splitTerms(' 劳模，工会、劳模 , 精神  职工;'), ['劳模', '工会', '精神', '职工']);
  assert.deepEqual(splitTerms('  '), []);
});
