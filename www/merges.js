// @ts-check
// Merges (合并词) as the person edits them: groups of forms counted as one term under a name
// they chose (劳模 = 劳动模范 + 劳模). Pure functions over the list in the settings; the engine
// applies them when counting (options `merges`), without segmenting again.
//
// A form belongs to one group at most: merging terms of which one is already in a group folds
// that group in. The name is one of the forms whenever it is a word of the texts (the dialog
// lists it with them), so renaming a group never loses the word that used to be its name.

/** @typedef {import('./types/Merge').Merge} Merge */

/** Trimmed, without empty or repeated forms, in the order given. @param {string[]} forms */
const tidy = (forms) => [...new Set(forms.map((f) => f.trim()).filter(Boolean))];

/** Every form of a merge, its name first. @param {Merge} merge */
export const formsOf = (merge) => tidy([merge.name, ...merge.forms]);

/**
 * The list with `forms` counted as one term `name`; groups sharing a form with it (or whose
 * name is one of them) are folded into it, at the place of the first of them.
 * @param {Merge[]} merges
 * @param {string} name
 * @param {string[]} forms
 * @returns {Merge[]}
 */
export function addMerge(merges, name, forms) {
  const trimmed = name.trim();
  const asked = tidy(forms);
  if (!trimmed || tidy([trimmed, ...asked]).length < 2) return merges;
  const touches = (/** @type {Merge} */ m) => formsOf(m).some((f) => f === trimmed || asked.includes(f));
  const merged = { name: trimmed, forms: tidy([...asked, ...merges.filter(touches).flatMap((m) => m.forms)]) };
  const at = merges.findIndex(touches);
  if (at < 0) return [...merges, merged];
  return merges.flatMap((m, i) => (i === at ? [merged] : touches(m) ? [] : [m]));
}

/**
 * The group `name` under `newName` (its forms unchanged); a no-op when `newName` is empty or
 * is a form of another group.
 * @param {Merge[]} merges @param {string} name @param {string} newName
 */
export function renameMerge(merges, name, newName) {
  const trimmed = newName.trim();
  if (!trimmed || trimmed === name) return merges;
  if (merges.some((m) => m.name !== name && formsOf(m).includes(trimmed))) return merges;
  return merges.map((m) => (m.name === name ? { name: trimmed, forms: m.forms } : m));
}

/**
 * `form` taken out of the group `name` (counted alone again); a group left with fewer than two
 * forms is no group and goes. The name itself is not taken out (rename the group first).
 * @param {Merge[]} merges @param {string} name @param {string} form
 */
export function splitForm(merges, name, form) {
  if (form === name) return merges;
  return merges
    .map((m) => (m.name === name ? { name: m.name, forms: m.forms.filter((f) => f !== form) } : m))
    .filter((m) => m.name !== name || formsOf(m).length >= 2);
}

/** The list without the group `name`: its forms are counted apart again. @param {Merge[]} merges @param {string} name */
export function deleteMerge(merges, name) {
  return merges.filter((m) => m.name !== name);
}

/** The group that counts `term` (as its name or a form), if any. @param {Merge[]} merges @param {string} term */
export function mergeOf(merges, term) {
  return merges.find((m) => formsOf(m).includes(term)) ?? null;
}
