// www/folder-walk.js: a dropped folder walked through look-alikes of the File System Entry API
// (readEntries in batches, as Chromium gives at most 100 a call), and a folder picker's files.
import assert from 'node:assert/strict';
import test from 'node:test';
import { droppedItems, pickedFiles, walkEntries } from '../../www/folder-walk.js';

/** A file entry at `fullPath`; `broken` fails to give its file. */
function fileEntry(fullPath, broken = false) {
  const name = fullPath.split('/').at(-1);
  return {
    isFile: true,
    isDirectory: false,
    name,
    fullPath,
    file: (ok, fail) => (broken ? fail(new Error('gone')) : ok({ name, size: 1, lastModified: 1 })),
  };
}

/** A folder entry whose reader hands out its children `batch` at a time. */
function folderEntry(fullPath, children, batch = 2) {
  return {
    isFile: false,
    isDirectory: true,
    name: fullPath.split('/').at(-1),
    fullPath,
    createReader() {
      let at = 0;
      return {
        readEntries(ok) {
          const part = children.slice(at, at + batch);
          at += batch;
          setTimeout(() => ok(part), 0);
        },
      };
    },
  };
}

test('a dropped folder: every batch read, nested paths, hidden skipped and counted, folder order', async () => {
  const tree = folderEntry('/新闻', [
    fileEntry('/新闻/10.txt'),
    fileEntry('/新闻/2.txt'),
    fileEntry('/新闻/.DS_Store'),
    folderEntry('/新闻/.git', [fileEntry('/新闻/.git/a'), fileEntry('/新闻/.git/b'), fileEntry('/新闻/.git/c')]),
    folderEntry('/新闻/2023', [folderEntry('/新闻/2023/上海', [fileEntry('/新闻/2023/上海/a.txt')])]),
    fileEntry('/新闻/坏.txt', true),
  ]);
  const found = [];
  const { files, hidden } = await walkEntries([tree], (n) => found.push(n));
  assert.equal(hidden, 4);
  assert.deepEqual(
    files.map((f) => f.path),
    ['新闻/2.txt', '新闻/10.txt', '新闻/坏.txt', '新闻/2023/上海/a.txt'],
  );
  const broken = files.find((f) => 'error' in f);
  assert.equal(/** @type {any} */ (broken).error.code, 'read_failed');
  assert.deepEqual(found, [1, 2, 3, 4]);
});

test('a file dropped on its own has no path, whatever its name', async () => {
  const { files, hidden } = await walkEntries([fileEntry('/.notes.txt'), fileEntry('/a.txt')]);
  assert.equal(hidden, 0);
  assert.deepEqual(
    files.map((f) => [f.path, 'file' in f ? f.file.name : null]),
    [
      [null, '.notes.txt'],
      [null, 'a.txt'],
    ],
  );
});

test('a folder picker: hidden files inside skipped, the picked folder read whatever its name', () => {
  const file = (path) => ({ name: path.split('/').at(-1), webkitRelativePath: path });
  const { files, hidden } = pickedFiles(
    /** @type {any} */ ([file('.稿件/b/x.txt'), file('.稿件/.git/y.txt'), file('.稿件/a.txt')]),
  );
  assert.equal(hidden, 1);
  assert.deepEqual(
    files.map((f) => f.path),
    ['.稿件/a.txt', '.稿件/b/x.txt'],
  );
  // Files chosen one by one keep the order chosen.
  const plain = pickedFiles(
    /** @type {any} */ ([
      { name: 'b', webkitRelativePath: '' },
      { name: 'a', webkitRelativePath: '' },
    ]),
  );
  assert.deepEqual(
    plain.files.map((f) => ('file' in f ? f.file.name : '')),
    ['b', 'a'],
  );
});

test('a drop without entries gives its files; one with entries gives them', () => {
  const files = [{ name: 'a.txt' }];
  assert.deepEqual(droppedItems(/** @type {any} */ ({ items: [], files })).files, files);
  const entry = fileEntry('/a.txt');
  const transfer = { items: [{ kind: 'file', webkitGetAsEntry: () => entry }], files };
  assert.deepEqual(droppedItems(/** @type {any} */ (transfer)), { entries: [entry], files: [] });
  assert.deepEqual(droppedItems(null), { entries: [], files: [] });
});
