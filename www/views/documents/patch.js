// @ts-check
// The metadata patch a filled-in editor means (pure): for one document, the fields the person
// changed (an emptied field clears it); for many, the fields whose box was ticked, and the
// groups set, added or removed. Groups are typed as a list ("2023/上海，要闻").

/** @typedef {import('../../types/MetadataPatch').MetadataPatch} MetadataPatch */
/** @typedef {import('../../shapes.js').DocumentInfo} DocumentInfo */
/**
 * What one document's editor holds.
 * @typedef {{title: string, date: string, source: string, author: string, groups: string, countFurniture: boolean}} SingleForm
 * A field of the bulk editor: whether it is to be changed, and to what.
 * @typedef {{on: boolean, value: string}} BulkField
 * @typedef {{date: BulkField, source: BulkField, author: BulkField, groups: BulkField,
 *   groupsMode: 'set' | 'add' | 'remove'}} BulkForm
 */

/** A typed list of groups: split on commas (either width), 、, semicolons and new lines. */
export function splitGroups(/** @type {string} */ text) {
  return text
    .split(/[,，、;；\n]/)
    .map((g) => g.trim())
    .filter(Boolean);
}

/** The groups as the editor shows them. */
export const joinGroups = (/** @type {string[]} */ groups) => groups.join(', ');

/** An emptied text field is no value. */
const valueOf = (/** @type {string} */ text) => (text.trim() === '' ? null : text.trim());

/** The editor's fields for `doc`. @returns {SingleForm} */
export function formOf(/** @type {DocumentInfo} */ doc) {
  return {
    title: doc.title,
    date: doc.date ?? '',
    source: doc.source ?? '',
    author: doc.author ?? '',
    groups: joinGroups(doc.groups),
    countFurniture: doc.countFurniture,
  };
}

/**
 * The fields of `form` that differ from `doc` (an empty title is left alone: a document keeps one).
 * @param {SingleForm} form
 * @param {DocumentInfo} doc
 * @returns {MetadataPatch}
 */
export function singlePatch(form, doc) {
  /** @type {MetadataPatch} */
  const patch = {};
  const title = form.title.trim();
  if (title && title !== doc.title) patch.title = title;
  const date = valueOf(form.date);
  if (date !== doc.date) patch.date = date;
  const source = valueOf(form.source);
  if (source !== doc.source) patch.source = source;
  const author = valueOf(form.author);
  if (author !== doc.author) patch.author = author;
  const groups = splitGroups(form.groups);
  if (joinGroups(groups) !== joinGroups(doc.groups)) patch.groups = groups;
  if (form.countFurniture !== doc.countFurniture) patch.countFurniture = form.countFurniture;
  return patch;
}

/**
 * The patch of the bulk editor: the ticked fields (an empty one clears it), the groups set,
 * added or removed.
 * @param {BulkForm} form
 * @returns {MetadataPatch}
 */
export function bulkPatch(form) {
  /** @type {MetadataPatch} */
  const patch = {};
  if (form.date.on) patch.date = valueOf(form.date.value);
  if (form.source.on) patch.source = valueOf(form.source.value);
  if (form.author.on) patch.author = valueOf(form.author.value);
  if (form.groups.on) {
    const groups = splitGroups(form.groups.value);
    if (form.groupsMode === 'set') patch.groups = groups;
    else if (groups.length && form.groupsMode === 'add') patch.addGroups = groups;
    else if (groups.length) patch.removeGroups = groups;
  }
  return patch;
}

/** Whether a patch changes nothing. */
export const isEmptyPatch = (/** @type {MetadataPatch} */ patch) => Object.keys(patch).length === 0;
