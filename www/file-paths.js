// @ts-check
// Paths of the files in a dropped or picked folder (pure): which are hidden and skipped, the path
// the core reads a folder group and a file-name date from, and where a file came from (its
// FileOrigin: path, modification time, the UTC offset of that local day).

/** @typedef {import('./types/FileOrigin').FileOrigin} FileOrigin */

/** Whether a file at `path` ("新闻/.git/x.txt") is hidden: a part of it starts with "." or is a
 *  system's own file or folder (Windows hides thumbs.db and desktop.ini by attribute, which a
 *  browser cannot see; macOS writes __MACOSX into zips and shared folders). One regular
 *  expression: it runs on each of 5,000 paths in the task that hands a folder over. */
export const isHidden = (/** @type {string} */ path) => HIDDEN.test(path);
const HIDDEN = /(?:^|\/)(?:\.|(?:thumbs\.db|desktop\.ini|__macosx)(?:\/|$))/i;

/** A FileSystemEntry's fullPath ("/新闻/2023/a.txt") as the core takes it: "新闻/2023/a.txt". */
export const entryPath = (/** @type {string} */ fullPath) => fullPath.replace(/^\/+/, '');

/** The folder part of `path` ("新闻/2023/a.txt" -> "新闻/2023"), '' when there is none. */
export function folderOf(/** @type {string} */ path) {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/**
 * Where a file came from, for addFile(): its path in the folder (null for a file dropped or
 * chosen alone), its modification time and the UTC offset of the local day it shows.
 * @param {{lastModified: number}} file
 * @param {string | null} path
 * @param {(ms: number) => number} [offsetMinutes] minutes east of UTC at that time (the local zone)
 * @returns {FileOrigin}
 */
export function fileOrigin(file, path, offsetMinutes = (ms) => -new Date(ms).getTimezoneOffset()) {
  const modified = Number.isFinite(file.lastModified) && file.lastModified > 0 ? file.lastModified : null;
  return { path, modified, utcOffsetMinutes: modified == null ? 0 : offsetMinutes(modified) };
}

/** Two names in natural order: runs of digits as numbers ("2" before "10"), the rest by code
 *  point. Not a collator: sorting 5,000 paths with Intl.Collator('zh') took seconds. */
export function naturalCompare(/** @type {string} */ a, /** @type {string} */ b) {
  return compareKeys(naturalKey(a), naturalKey(b));
}

/** Folder order, the same on every system (readEntries gives no order): folder by folder, numbers
 *  as numbers ("2.txt" before "10.txt"), a folder's own files before its subfolders'. */
export function byPath(/** @type {string} */ a, /** @type {string} */ b) {
  return compareKeys(pathKey(a), pathKey(b));
}

/**
 * `items` in byPath() order of `pathOf(item)`, each path turned into its key once: 5,000 paths
 * sorted with a comparator that cut them into runs took 250–480 ms of the page's thread the one
 * time it runs (code not optimised yet), strings compared by code unit take a few.
 * @template T
 * @param {T[]} items
 * @param {(item: T) => string} pathOf
 * @returns {T[]}
 */
export function sortByPath(items, pathOf) {
  return items
    .map((item) => ({ item, key: pathKey(pathOf(item)) }))
    .sort((a, b) => compareKeys(a.key, b.key))
    .map(({ item }) => item);
}

const compareKeys = (/** @type {string} */ a, /** @type {string} */ b) => (a < b ? -1 : a > b ? 1 : 0);

// Keys: strings that sort by code unit as the orders above say. A name's runs of digits and of
// the rest are compared run by run, so each run is written so that the first code unit that
// differs decides as the runs would: a text run ends with RUN_END (a text that is the start of
// another sorts first); a digit run becomes "0", its length without leading zeros, the digits,
// and how many zeros led (a text run never starts with a digit, so "0" against its first code
// unit decides as the digits' own first would); a name ends with NAME_END (fewer runs first).
// In a path, each folder's name follows FOLDER and the file's FILE (a folder's own files first).
const NAME_END = '\u0000';
const RUN_END = '\u0001';
const FILE = '\u0001';
const FOLDER = '\u0002';

/** A name's key for naturalCompare(). */
function naturalKey(/** @type {string} */ name) {
  let key = '';
  const runs = /\d+|\D+/g;
  for (let match = runs.exec(name); match; match = runs.exec(name)) {
    const run = match[0];
    const first = run.charCodeAt(0);
    if (first < ZERO || first > NINE) key += run + RUN_END;
    else {
      let zeros = 0;
      while (zeros < run.length && run.charCodeAt(zeros) === ZERO) zeros++;
      key += '0' + String.fromCharCode(run.length - zeros + 1) + run.slice(zeros) + String.fromCharCode(zeros + 1);
    }
  }
  return key + NAME_END;
}
const [ZERO, NINE] = [48, 57];

/** A path's key for byPath(). */
function pathKey(/** @type {string} */ path) {
  const parts = path.split('/');
  return parts.map((part, i) => (i === parts.length - 1 ? FILE : FOLDER) + naturalKey(part)).join('');
}
