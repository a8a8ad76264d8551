// @ts-check
// What a drop or a folder picker hands over, as a list of files with their paths in the folder:
// folders are walked through the File System Entry API (every batch of readEntries: Chromium
// gives at most 100 entries a call), hidden files and folders are skipped (and counted), a file
// the browser cannot read is kept with its error, so that it is refused on its own line.
// No DOM of its own: entries and files are what the browser gives (tests give look-alikes).
import { entryPath, isHidden, sortByPath } from './file-paths.js';
import { codedError } from './protocol.js';

/**
 * One file of a batch: a File and its path in the dropped folder (null for a file on its own),
 * or a file that could not be read.
 * @typedef {{file: File, path: string | null}} PickedFile
 * @typedef {{name: string, path: string | null, error: Error}} UnreadableFile
 * @typedef {PickedFile | UnreadableFile} BatchFile
 * @typedef {{files: BatchFile[], hidden: number}} Batch
 */
/**
 * The parts of the entry API used here (FileSystemEntry and its two kinds).
 * @typedef {{isFile: boolean, isDirectory: boolean, name: string, fullPath: string,
 *   file?: (ok: (file: File) => void, fail: (err: unknown) => void) => void,
 *   createReader?: () => {readEntries: (ok: (entries: Entry[]) => void, fail: (err: unknown) => void) => void}}} Entry
 */

/**
 * The items of a drop, taken at once: the entry API's items are gone once the drop event has
 * returned, so call this in the handler and walk the result later.
 * @param {DataTransfer | null} transfer
 * @returns {{entries: Entry[], files: File[]}} entries when the browser gives them, else the files
 */
export function droppedItems(transfer) {
  if (!transfer) return { entries: [], files: [] };
  const items = [...(transfer.items ?? [])].filter((item) => item.kind === 'file');
  /** @type {Entry[]} */
  const entries = [];
  for (const item of items) {
    const entry = /** @type {Entry | null} */ (item.webkitGetAsEntry?.() ?? null);
    if (entry) entries.push(entry);
  }
  if (entries.length === items.length && entries.length > 0) return { entries, files: [] };
  return { entries: [], files: [...(transfer.files ?? [])] };
}

/**
 * What a drop hands on: a folder walk (a promise) when it carries entries, its files when it
 * carries only files, null when it carries nothing. Called in the drop's own handler: the
 * items are gone once it returns.
 * @param {DataTransfer | null} transfer
 * @returns {Batch | Promise<Batch> | null}
 */
export function droppedBatch(transfer) {
  const { entries, files } = droppedItems(transfer);
  if (entries.length) return walkEntries(entries);
  if (files.length) return { files: files.map((file) => ({ file, path: null })), hidden: 0 };
  return null;
}

/**
 * Every file under the dropped entries, in folder order; a file dropped on its own has no path.
 * @param {Entry[]} entries
 * @param {(found: number) => void} [onFound] called as files are found (for a long walk)
 * @returns {Promise<Batch>}
 */
export async function walkEntries(entries, onFound = () => {}) {
  /** @type {BatchFile[]} */
  const files = [];
  let hidden = 0;
  // What the person dropped is read whatever its name; inside a folder, hidden files and
  // folders are skipped (their ancestors were looked at on the way down).
  /** @param {Entry} entry @param {number} depth 0: dropped itself */
  const visit = async (entry, depth) => {
    if (depth > 0 && isHidden(entry.name)) {
      hidden += entry.isDirectory ? await countFiles(entry) : 1;
      return;
    }
    if (entry.isDirectory) {
      for (const child of await readAll(entry)) await visit(child, depth + 1);
    } else if (entry.isFile) {
      const where = depth > 0 ? entryPath(entry.fullPath || entry.name) : null;
      try {
        files.push({ file: await fileOf(entry), path: where });
      } catch (err) {
        files.push({ name: entry.name, path: where, error: readFailed(entry.name, err) });
      }
      onFound(files.length);
    }
  };
  for (const entry of entries) await visit(entry, 0);
  return { files: sortBatch(files), hidden };
}

/**
 * The files of a folder picker (<input webkitdirectory>) or of a plain file input: a picked
 * folder's files have a webkitRelativePath ("新闻/2023/a.txt"), which starts with its own name.
 * @param {File[]} picked
 * @returns {Batch}
 */
export function pickedFiles(picked) {
  /** @type {BatchFile[]} */
  const files = [];
  let hidden = 0;
  for (const file of picked) {
    const path = file.webkitRelativePath || null;
    // The folder picked is read whatever its name; hidden files and folders inside it are not.
    if (path && isHidden(path.slice(path.indexOf('/') + 1))) hidden++;
    else files.push({ file, path });
  }
  return { files: path(files[0]) ? sortBatch(files) : files, hidden };
}

/** Files in folder order when they come from a folder (the order chosen is kept otherwise). */
function sortBatch(/** @type {BatchFile[]} */ files) {
  const key = (/** @type {BatchFile} */ f) => f.path ?? ('file' in f ? f.file.name : f.name);
  return files.some((f) => f.path) ? sortByPath(files, key) : files;
}

const path = (/** @type {BatchFile | undefined} */ f) => f?.path ?? null;

/** Every entry of a folder: readEntries gives them a batch at a time until it gives none. */
async function readAll(/** @type {Entry} */ folder) {
  const reader = /** @type {NonNullable<Entry['createReader']>} */ (folder.createReader)();
  /** @type {Entry[]} */
  const all = [];
  for (;;) {
    const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject)).catch(() => []);
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

/** How many files a hidden folder holds (said, not read). */
async function countFiles(/** @type {Entry} */ folder) {
  let n = 0;
  for (const child of await readAll(folder)) n += child.isDirectory ? await countFiles(child) : 1;
  return n;
}

/** @param {Entry} entry @returns {Promise<File>} */
function fileOf(entry) {
  return new Promise((resolve, reject) => /** @type {NonNullable<Entry['file']>} */ (entry.file)(resolve, reject));
}

function readFailed(/** @type {string} */ name, /** @type {unknown} */ err) {
  const reason = /** @type {Error} */ (err)?.message || String(err);
  return codedError('read_failed', { name, reason }, `cannot read "${name}": ${reason}`);
}
