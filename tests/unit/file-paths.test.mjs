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
  assert.equal(isHidden('新闻/v1.2/thumbs.dbx'), false);
  assert.equal(isHidden('新闻/Desktop.INI'), true);
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
  // A text run that starts another sorts first, whatever follows it; a digit run against text
  // as their first characters are; zeros only after equal numbers.
  const tricky = ['ab-', 'ab1', 'abc', 'a b', '-a', '1', '_a', '000', '0', '01', '1a', 'a01', 'a1', 'a001b', 'a1b'];
  assert.deepEqual([...tricky].sort(naturalCompare), [
    '-a',
    '0',
    '000',
    '1',
    '1a',
    '01',
    '_a',
    'a1',
    'a1b',
    'a01',
    'a001b',
    'a b',
    'ab1',
    'ab-',
    'abc',
  ]);
});

/** The orders as first written, run by run (www/file-paths.js compares keys built once). */
function runByRun(/** @type {string} */ a, /** @type {string} */ b) {
  const [ra, rb] = [a.match(/\d+|\D+/g) ?? [], b.match(/\d+|\D+/g) ?? []];
  for (let i = 0; i < Math.min(ra.length, rb.length); i++) {
    const [x, y] = [ra[i], rb[i]];
    if (x === y) continue;
    if (/^\d/.test(x) && /^\d/.test(y)) {
      const [nx, ny] = [x.replace(/^0+/, ''), y.replace(/^0+/, '')];
      if (nx.length !== ny.length) return nx.length - ny.length;
      if (nx !== ny) return nx < ny ? -1 : 1;
      return x.length - y.length;
    }
    return x < y ? -1 : 1;
  }
  return ra.length - rb.length;
}
function folderByFolder(/** @type {string} */ a, /** @type {string} */ b) {
  const [pa, pb] = [a.split('/'), b.split('/')];
  const [fa, fb] = [pa.length - 1, pb.length - 1];
  for (let i = 0; i < Math.min(fa, fb); i++) {
    const order = runByRun(pa[i], pb[i]);
    if (order !== 0) return order;
  }
  return fa !== fb ? fa - fb : runByRun(pa[fa], pb[fb]);
}

test('the keys order names and paths exactly as comparing them run by run does', () => {
  const alphabet = ['a', 'b', '-', '_', '.', ' ', '0', '0', '1', '2', '9', '第', '篇', '/'];
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const word = () =>
    Array.from({ length: 1 + Math.floor(random() * 7) }, () => alphabet[Math.floor(random() * 14)]).join('');
  for (let i = 0; i < 5000; i++) {
    const [a, b] = [word(), word()];
    assert.equal(Math.sign(byPath(a, b)), Math.sign(folderByFolder(a, b)), `byPath(${a}, ${b})`);
    const [x, y] = [a.replaceAll('/', ''), b.replaceAll('/', '')];
    assert.equal(Math.sign(naturalCompare(x, y)), Math.sign(runByRun(x, y)), `naturalCompare(${x}, ${y})`);
  }
});
