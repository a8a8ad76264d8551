// @ts-check
// What a person changed in a document's metadata, kept so that it survives a reload and travels
// in the workspace file (pure). The core derives metadata from the text, the path and the file
// time again when a stored document is re-added; the edits are replayed over that with
// updateDocuments(). An edit holds the fields the person touched, with the values the core gave
// them (so "add a group" is kept as the groups that resulted). Edits and file origins read from
// the store or from a workspace file are untrusted: readEdit() / readFileOrigin() keep only
// well-formed fields.

/** @typedef {import('./types/MetadataPatch').MetadataPatch} MetadataPatch */
/** @typedef {import('./types/FileOrigin').FileOrigin} FileOrigin */
/** @typedef {import('./shapes.js').DocumentInfo} DocumentInfo */
/**
 * @typedef {{title?: string, date?: string | null, source?: string | null, author?: string | null,
 *   groups?: string[], countFurniture?: boolean}} Edit
 */

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const MAX_TEXT = 500;
const MAX_GROUPS = 200;
const MAX_PATH = 4096;

/**
 * The edit of a document after `patch` was applied to it: `previous` with the fields `patch`
 * touched set to what the document (`info`, as updateDocuments() returned it) now holds.
 * @param {Edit | undefined} previous
 * @param {MetadataPatch} patch
 * @param {DocumentInfo} info
 * @returns {Edit}
 */
export function editAfter(previous, patch, info) {
  /** @type {Edit} */
  const edit = { ...previous };
  if (patch.title != null) edit.title = info.title;
  if (patch.date !== undefined) edit.date = info.date;
  if (patch.source !== undefined) edit.source = info.source;
  if (patch.author !== undefined) edit.author = info.author;
  if (patch.groups != null || patch.addGroups?.length || patch.removeGroups?.length) edit.groups = [...info.groups];
  if (patch.countFurniture != null) edit.countFurniture = info.countFurniture;
  return edit;
}

/** The patch that replays `edit` (every field it has replaces the document's). @returns {MetadataPatch} */
export const patchOf = (/** @type {Edit} */ edit) => ({ ...edit });

/** Whether `edit` changes nothing. */
export const isEmptyEdit = (/** @type {Edit | null | undefined} */ edit) => !edit || Object.keys(edit).length === 0;

/**
 * An edit from outside (the store, a workspace file): only the fields it may have, each of the
 * right form; null when none is left.
 * @param {unknown} value
 * @returns {Edit | null}
 */
export function readEdit(value) {
  if (!isObject(value)) return null;
  // Own fields only: what a prototype holds was never in the file.
  const input = /** @type {Record<string, unknown>} */ (
    Object.fromEntries(Object.entries(/** @type {object} */ (value)))
  );
  /** @type {Edit} */
  const edit = {};
  if (isText(input.title) && input.title.trim() !== '') edit.title = input.title;
  if (input.date === null || (typeof input.date === 'string' && DATE.test(input.date))) edit.date = input.date;
  for (const key of /** @type {const} */ (['source', 'author'])) {
    const field = input[key];
    if (field === null || isText(field)) edit[key] = field;
  }
  if (Array.isArray(input.groups) && input.groups.length <= MAX_GROUPS && input.groups.every(isGroup)) {
    edit.groups = [...input.groups];
  }
  if (typeof input.countFurniture === 'boolean') edit.countFurniture = input.countFurniture;
  return isEmptyEdit(edit) ? null : edit;
}

/**
 * A file's origin from outside: a path (or null), a modification time and an offset in range;
 * null when it is not one.
 * @param {unknown} value
 * @returns {FileOrigin | null}
 */
export function readFileOrigin(value) {
  if (!isObject(value)) return null;
  const { path, modified, utcOffsetMinutes } = /** @type {Record<string, unknown>} */ (value);
  const okPath = path === null || path === undefined || (typeof path === 'string' && path.length <= MAX_PATH);
  const okTime = modified === null || modified === undefined || (Number.isFinite(modified) && Number(modified) >= 0);
  const okOffset =
    utcOffsetMinutes === undefined ||
    (Number.isInteger(utcOffsetMinutes) && Math.abs(Number(utcOffsetMinutes)) <= 1440);
  if (!okPath || !okTime || !okOffset) return null;
  return {
    path: /** @type {string | null} */ (path ?? null),
    modified: /** @type {number | null} */ (modified ?? null),
    utcOffsetMinutes: /** @type {number} */ (utcOffsetMinutes ?? 0),
  };
}

/** The seeds' edits as stored ([name, edit] pairs), each checked. */
export function readSeedEdits(/** @type {unknown} */ value) {
  /** @type {Map<string, Edit>} */
  const edits = new Map();
  if (!Array.isArray(value)) return edits;
  for (const pair of value) {
    if (!Array.isArray(pair) || typeof pair[0] !== 'string') continue;
    const edit = readEdit(pair[1]);
    if (edit) edits.set(pair[0], edit);
  }
  return edits;
}

/** @param {unknown} value @returns {value is string} */
const isText = (value) => typeof value === 'string' && value.length <= MAX_TEXT;
/** A group the core accepts: some text that is not only slashes and spaces. */
const isGroup = (/** @type {unknown} */ value) => isText(value) && /[^/\\\s]/.test(value);
const isObject = (/** @type {unknown} */ value) => value !== null && typeof value === 'object' && !Array.isArray(value);
