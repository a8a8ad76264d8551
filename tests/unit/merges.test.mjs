// www/merges.js: merges (合并词) created, folded, renamed, split and deleted.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addMerge, deleteMerge, formsOf, mergeOf, renameMerge, splitForm } from '../../www/merges.js';

test('a merge: its forms trimmed, without repeats; fewer than two forms is none', () => {
  assert.deepEqual(addMerge([], ' 劳模 ', ['劳模', '劳动模范 ', '劳动模范', '']), [
    { name: '劳模', forms: ['劳模', '劳动模范'] },
  ]);
  assert.deepEqual(addMerge([], '劳模', ['劳模']), []);
  assert.deepEqual(addMerge([], '', ['劳模', '劳动模范']), []);
  // A name of one's own (not a word of the texts) with one form is a group of two.
  assert.deepEqual(addMerge([], '模范', ['劳模']), [{ name: '模范', forms: ['劳模'] }]);
});

test('merging a form of another group folds that group in, where it was', () => {
  const merges = [
    { name: '工会', forms: ['工会', '工会组织'] },
    { name: '劳模', forms: ['劳模', '劳动模范'] },
    { name: '职工', forms: ['职工', '员工'] },
  ];
  assert.deepEqual(addMerge(merges, '劳模', ['劳模', '全国劳模']), [
    merges[0],
    { name: '劳模', forms: ['劳模', '全国劳模', '劳动模范'] },
    merges[2],
  ]);
  assert.deepEqual(addMerge(merges, '职工', ['员工', '工会组织']), [
    { name: '职工', forms: ['员工', '工会组织', '工会', '职工'] },
    merges[1],
  ]);
});

test('rename keeps the forms; a name that is another group form is refused', () => {
  const merges = [
    { name: '劳模', forms: ['劳模', '劳动模范'] },
    { name: '工会', forms: ['工会', '工会组织'] },
  ];
  assert.deepEqual(renameMerge(merges, '劳模', '模范人物')[0], { name: '模范人物', forms: ['劳模', '劳动模范'] });
  assert.equal(renameMerge(merges, '劳模', '工会组织'), merges);
  assert.equal(renameMerge(merges, '劳模', '  '), merges);
});

test('split takes one form out; a group left with one form goes; delete drops the group', () => {
  const merges = [{ name: '劳模', forms: ['劳模', '劳动模范', '全国劳模'] }];
  assert.deepEqual(splitForm(merges, '劳模', '全国劳模'), [{ name: '劳模', forms: ['劳模', '劳动模范'] }]);
  assert.deepEqual(splitForm(splitForm(merges, '劳模', '全国劳模'), '劳模', '劳动模范'), []);
  assert.equal(splitForm(merges, '劳模', '劳模'), merges, 'the name stays: rename first');
  assert.deepEqual(deleteMerge(merges, '劳模'), []);
});

test('which group counts a term, by name or form', () => {
  const merges = [{ name: '模范', forms: ['劳模', '劳动模范'] }];
  assert.equal(mergeOf(merges, '劳动模范'), merges[0]);
  assert.equal(mergeOf(merges, '模范'), merges[0]);
  assert.equal(mergeOf(merges, '工会'), null);
  assert.deepEqual(formsOf(merges[0]), ['模范', '劳模', '劳动模范']);
});
