// www/edits.js: what a person changed in the metadata, kept, replayed, and read back from outside.
import assert from 'node:assert/strict';
import test from 'node:test';
import { editAfter, isEmptyEdit, patchOf, readEdit, readFileOrigin } from '../../www/edits.js';

const info = /** @type {any} */ ({
  title: 'T',
  date: '2024-05',
  dateSource: 'user',
  source: '新华社',
  author: null,
  groups: ['2023', '2023/上海'],
  countFurniture: true,
});

test('an edit keeps the fields touched, with what the document holds after the patch', () => {
  assert.deepEqual(editAfter(undefined, { date: '2024-05' }, info), { date: '2024-05' });
  // Adding a group is kept as the groups that resulted.
  assert.deepEqual(editAfter({ date: '2024-05' }, { addGroups: ['2023/上海'] }, info), {
    date: '2024-05',
    groups: ['2023', '2023/上海'],
  });
  assert.deepEqual(editAfter(undefined, { source: '新华社', author: null, countFurniture: true }, info), {
    source: '新华社',
    author: null,
    countFurniture: true,
  });
  assert.deepEqual(patchOf({ date: null }), { date: null });
  assert.equal(isEmptyEdit({}), true);
  assert.equal(isEmptyEdit(null), true);
  assert.equal(isEmptyEdit({ date: null }), false);
});

test('an edit from outside keeps only well-formed fields', () => {
  assert.deepEqual(
    readEdit({ date: '2024-13-45x', source: 5, author: null, groups: ['a', '/'], countFurniture: 'yes', extra: 1 }),
    { author: null },
  );
  assert.deepEqual(readEdit({ date: '2024-05-01', groups: ['2023/上海'], title: ' x ' }), {
    date: '2024-05-01',
    groups: ['2023/上海'],
    title: ' x ',
  });
  assert.equal(readEdit([]), null);
  assert.equal(readEdit({ __proto__: { date: '2024' } }), null);
  assert.equal(readEdit({ title: 'x'.repeat(501) }), null);
});

test('a file origin from outside', () => {
  assert.deepEqual(readFileOrigin({ path: 'a/b.txt', modified: 5, utcOffsetMinutes: -300 }), {
    path: 'a/b.txt',
    modified: 5,
    utcOffsetMinutes: -300,
  });
  assert.deepEqual(readFileOrigin({}), { path: null, modified: null, utcOffsetMinutes: 0 });
  assert.equal(readFileOrigin({ path: 3 }), null);
  assert.equal(readFileOrigin({ modified: -1 }), null);
  assert.equal(readFileOrigin({ utcOffsetMinutes: 2000 }), null);
  assert.equal(readFileOrigin('x'), null);
});
