// csvCell (www/export.js): what a spreadsheet reads back, and formulas it must never run.
import assert from 'node:assert/strict';
import test from 'node:test';
import { csvCell } from '../../www/export.js';

test('plain text and numbers are written as they are', () => {
  assert.equal(csvCell('劳模'), '劳模');
  assert.equal(csvCell(42), '42');
  assert.equal(csvCell(-1.5), '-1.5');
  assert.equal(csvCell(null), '');
});

test('quotes, commas and line breaks are quoted', () => {
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell('a\nb'), '"a\nb"');
});

test('a cell that a spreadsheet would run as a formula gets a leading apostrophe', () => {
  for (const formula of ['=1+1', '+1', '-x', '@SUM(A1)', '\tx']) assert.equal(csvCell(formula), `'${formula}`);
  assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
});
