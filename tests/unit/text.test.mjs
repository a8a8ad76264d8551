// www/views/text.js: label widths, typed word lists and the tables' find-as-you-type.
import assert from 'node:assert/strict';
import test from 'node:test';
import { emWidth, matching, splitWords } from '../../www/views/text.js';

test('CJK, Hangul and full-width characters are one em wide, the rest about 0.6', () => {
  assert.equal(emWidth('劳模精神'), 4);
  assert.equal(emWidth('한국'), 2);
  assert.equal(emWidth('ＡＢ'), 2);
  assert.equal(+emWidth('AI 2024').toFixed(2), 4.2);
  assert.equal(emWidth('𠀀'), 1);
  assert.equal(emWidth(''), 0);
});

test('typed words split at spaces, commas of both widths, 、 and semicolons', () => {
  assert.deepEqual(splitWords(' 劳模精神，工匠精神 大国工匠、a;b；c,d\n'), [
    '劳模精神',
    '工匠精神',
    '大国工匠',
    'a',
    'b',
    'c',
    'd',
  ]);
  assert.deepEqual(splitWords('  '), []);
});

test('find-as-you-type: trimmed, case-insensitive, everything for an empty query', () => {
  const rows = [{ t: '工会' }, { t: 'WTO' }, { t: '工会干部' }];
  assert.deepEqual(
    matching(rows, ' 工会 ', (r) => r.t),
    [rows[0], rows[2]],
  );
  assert.deepEqual(
    matching(rows, 'wt', (r) => r.t),
    [rows[1]],
  );
  assert.equal(
    matching(rows, '', (r) => r.t),
    rows,
  );
});
