// www/batch.js: a batch's tally, and when it is told in one summary line.
import assert from 'node:assert/strict';
import test from 'node:test';
import { BatchReport, duplicatesAmong, SUMMARY_AFTER } from '../../www/batch.js';

const t = (/** @type {string} */ key, /** @type {any} */ vars = {}) => `${key}${JSON.stringify(vars)}`;

test('a single file needs no tally; a batch of many is summarised', () => {
  assert.equal(new BatchReport(1).needsTally, false);
  assert.equal(new BatchReport(1, 2).needsTally, true);
  assert.equal(new BatchReport(2).needsTally, true);
  assert.equal(new BatchReport(SUMMARY_AFTER).summarised, false);
  assert.equal(new BatchReport(500).summarised, true);
});

test('the tally counts added, refused, hidden and duplicates skipped', () => {
  const report = new BatchReport(500, 3);
  for (let i = 0; i < 497; i++) report.add();
  report.refuse('a.png', new Error('png'));
  report.refuse('b.pdf', new Error('pdf'));
  report.skipDuplicates(4);
  assert.equal(report.added, 493);
  assert.equal(report.kind, 'info');
  assert.equal(
    report.tally(t),
    'notice.addedMany{"ok":493,"failed":2}notice.batchHidden{"n":3}notice.batchDuplicates{"n":4}',
  );
  assert.deepEqual(
    report.refusals.map((r) => r.name),
    ['a.png', 'b.pdf'],
  );
});

test('a batch with nothing refused is ok', () => {
  const report = new BatchReport(3);
  report.add();
  report.add();
  report.add();
  assert.equal(report.kind, 'ok');
  assert.equal(report.tally(t), 'notice.addedMany{"ok":3,"failed":0}');
});

test('the duplicates of a batch: each added copy with its original, as the list now has them', () => {
  const documents = [{ id: 1 }, { id: 2, duplicateOf: 1 }, { id: 3, duplicateOf: null }, { id: 4, duplicateOf: 9 }];
  const found = duplicatesAmong([{ id: 2 }, { id: 3 }, { id: 4 }, { id: 5 }], documents);
  assert.deepEqual(found, [{ doc: documents[1], original: documents[0] }]);
});
