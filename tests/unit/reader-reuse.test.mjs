// www/views/reader/lines.js and www/views/reuse/marks.js: a document's lines with its furniture,
// and its text cut into runs inside and outside the shared passages (offsets in code points).
import assert from 'node:assert/strict';
import test from 'node:test';
import { readerLines, setAside } from '../../www/views/reader/lines.js';
import { markRuns, passageRanges } from '../../www/views/reuse/marks.js';

test('the reader marks lines set aside by their index', () => {
  const furniture = /** @type {any} */ ([
    { line: 0, kind: 'navigation', rule: '首页*' },
    { line: 2, kind: 'copyright', rule: 'Copyright*' },
  ]);
  const lines = readerLines('首页 新闻\n正文。\nCopyright © 2024', furniture);
  assert.deepEqual(
    lines.map((l) => [l.text, l.furniture?.kind ?? null]),
    [
      ['首页 新闻', 'navigation'],
      ['正文。', null],
      ['Copyright © 2024', 'copyright'],
    ],
  );
  assert.deepEqual(setAside(lines), { lines: 2, chars: 21 });
});

test('runs cut at code points, in text order, whatever the order of the ranges', () => {
  // 𠀀 is outside the BMP: two UTF-16 units, one character.
  const text = '甲𠀀乙丙丁戊';
  assert.deepEqual(
    markRuns(text, [
      { start: 4, end: 6, passage: 1 },
      { start: 1, end: 3, passage: 0 },
    ]),
    [
      { text: '甲', passage: null },
      { text: '𠀀乙', passage: 0 },
      { text: '丙', passage: null },
      { text: '丁戊', passage: 1 },
    ],
  );
  assert.deepEqual(markRuns('abc', []), [{ text: 'abc', passage: null }]);
  // A range past the end is cut to it; an overlapping one keeps only what is new.
  assert.deepEqual(
    markRuns('abcd', [
      { start: 0, end: 2, passage: 0 },
      { start: 1, end: 9, passage: 1 },
    ]),
    [
      { text: 'ab', passage: 0 },
      { text: 'cd', passage: 1 },
    ],
  );
});

test("a pair's passages as ranges on each side", () => {
  const ranges = passageRanges([{ aStart: 1, aEnd: 5, bStart: 10, bEnd: 14, chars: 4 }]);
  assert.deepEqual(ranges, { a: [{ start: 1, end: 5, passage: 0 }], b: [{ start: 10, end: 14, passage: 0 }] });
});
