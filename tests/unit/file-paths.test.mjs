// www/file-paths.js: hidden files, the path the core reads groups from, file origins, folder order.
import assert from 'node:assert/strict';
import test from 'node:test';
import { byPath, entryPath, fileOrigin, folderOf, isHidden, naturalCompare, sortByPath } from '../../www/file-paths.js';

test('hidden files and folders, and the files systems write, are hidden at any depth', () => {
  assert.equal(isHidden('新闻/.DS_Store'), true);
  assert.equal(isHidden('新闻/.git/config.txt'), true);
  assert.equal(isHidden('新闻/Thumbs.db'), true);
  assert.equal(isHidden('__MACOSX/新闻/a.txt'), true);
  assert.equal(isHidden('新闻/2023/a.txt'), false);
  assert.equal(isHidden('新闻/a.b.txt'), false);
});

test('an entry path loses its leading slash; the folder part is the group', () => {
  assert.equal(entryPath('/新闻/2023/上海/a.txt'), '新闻/2023/上海/a.txt');
  assert.equal(folderOf('新闻/2023/上海/a.txt'), '新闻/2023/上海');
  assert.equal(folderOf('a.txt'), '');
});

test('a file origin carries the path, the time and the offset of that local day', () => {
  assert.deepEqual(
    fileOrigin({ lastModified: 1_700_000_000_000 }, '新闻/a.txt', () => 480),
    { path: '新闻/a.txt', modified: 1_700_000_000_000, utcOffsetMinutes: 480 },
  );
  // No time (0 or not a number) is no date of last resort, and no offset.
  assert.deepEqual(
    fileOrigin({ lastModified: 0 }, null, () => 480),
    { path: null, modified: null, utcOffsetMinutes: 0 },
  );
  assert.deepEqual(fileOrigin({ lastModified: NaN }, null), { path: null, modified: null, utcOffsetMinutes: 0 });
});

test("folder order: numbers as numbers, a folder's own files before its subfolders'", () => {
  const paths = ['d/sub/a.txt', 'd/10.txt', 'd/2.txt', 'd/a/z.txt', 'd/b.txt'];
  assert.deepEqual([...paths].sort(byPath), ['d/2.txt', 'd/10.txt', 'd/b.txt', 'd/a/z.txt', 'd/sub/a.txt']);
});

test('sortByPath sorts items as byPath sorts their paths, and leaves the items alone', () => {
  const items = ['x/第10篇.txt', 'x/2/a.txt', 'x/第2篇.txt', 'x/1.txt', 'y.txt', 'x/02.txt'].map((path) => ({ path }));
  const sorted = sortByPath(items, (item) => item.path);
  assert.deepEqual(
    sorted.map((item) => item.path),
    items.map((item) => item.path).sort(byPath),
  );
  assert.deepEqual(
    sorted.map((item) => item.path),
    ['y.txt', 'x/1.txt', 'x/02.txt', 'x/第2篇.txt', 'x/第10篇.txt', 'x/2/a.txt'],
  );
  assert.ok(sorted.every((item) => items.includes(item)));
  assert.equal(items[0].path, 'x/第10篇.txt');
});

test('natural order: digits as numbers, the rest by code point', () => {
  const names = ['第10篇', '第2篇', '第02篇', 'a', '第1篇', 'a1', '10', '9'];
  assert.deepEqual([...names].sort(naturalCompare), ['9', '10', 'a', 'a1', '第1篇', '第2篇', '第02篇', '第10篇']);
  assert.equal(naturalCompare('x', 'x'), 0);
});
