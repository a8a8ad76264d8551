// www/views/documents/patch.js: the metadata patch a filled-in editor means.
import assert from 'node:assert/strict';
import test from 'node:test';
import { bulkPatch, formOf, isEmptyPatch, singlePatch, splitGroups } from '../../www/views/documents/patch.js';

const doc = /** @type {any} */ ({
  title: '标题',
  date: '2024-05-01',
  source: null,
  author: '张三',
  groups: ['2023/上海'],
  countFurniture: false,
});

test('groups are typed as a list, in either width of comma', () => {
  assert.deepEqual(splitGroups(' 2023/上海，要闻, 、 ;评论\n'), ['2023/上海', '要闻', '评论']);
});

test('one document: only what changed; an emptied field clears it; an emptied title is left alone', () => {
  assert.ok(isEmptyPatch(singlePatch(formOf(doc), doc)));
  const form = {
    ...formOf(doc),
    title: ' ',
    date: '',
    source: ' 新华社 ',
    groups: '2023/上海, 要闻',
    countFurniture: true,
  };
  assert.deepEqual(singlePatch(form, doc), {
    date: null,
    source: '新华社',
    groups: ['2023/上海', '要闻'],
    countFurniture: true,
  });
});

test('many documents: the ticked fields, and the groups set, added or removed', () => {
  const off = { on: false, value: 'x' };
  const base = { date: off, source: off, author: off, groups: off, groupsMode: /** @type {const} */ ('add') };
  assert.ok(isEmptyPatch(bulkPatch(base)));
  assert.deepEqual(bulkPatch({ ...base, date: { on: true, value: '2024' }, author: { on: true, value: '' } }), {
    date: '2024',
    author: null,
  });
  const groups = { on: true, value: '要闻，评论' };
  assert.deepEqual(bulkPatch({ ...base, groups }), { addGroups: ['要闻', '评论'] });
  assert.deepEqual(bulkPatch({ ...base, groups, groupsMode: 'remove' }), { removeGroups: ['要闻', '评论'] });
  assert.deepEqual(bulkPatch({ ...base, groups: { on: true, value: '' }, groupsMode: 'set' }), { groups: [] });
  // Adding nothing changes nothing.
  assert.ok(isEmptyPatch(bulkPatch({ ...base, groups: { on: true, value: ' ' } })));
});
