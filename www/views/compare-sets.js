// @ts-check
// The sets the Compare view can compare (pure): each included document (its id, as before),
// each group (with its subgroups) and each year that holds included documents; and the ids a
// set's key stands for. The reference is "the rest" (null) or another of these sets.
import { inGroup } from './documents/filter.js';
import { groupTree } from './documents/groups.js';

/** @typedef {import('../shapes.js').DocumentInfo} DocumentInfo */
/** @typedef {{key: string, kind: 'document' | 'group' | 'year', label: string, ids: number[]}} CompareSet */

/**
 * @param {DocumentInfo[]} included the documents in the analysis, in order
 * @returns {CompareSet[]}
 */
export function compareSets(included) {
  /** @type {CompareSet[]} */
  const sets = included.map((d) => ({ key: String(d.id), kind: 'document', label: d.title || d.name, ids: [d.id] }));
  for (const { group } of groupTree(included)) {
    const ids = included.filter((d) => inGroup(d, group)).map((d) => d.id);
    sets.push({ key: `group:${group}`, kind: 'group', label: `#${group} (${ids.length})`, ids });
  }
  /** @type {Map<string, number[]>} */
  const years = new Map();
  for (const d of included) {
    const year = d.date?.slice(0, 4);
    if (!year) continue;
    const ids = years.get(year); // pushed, not copied: 5,000 documents of one year took seconds
    if (ids) ids.push(d.id);
    else years.set(year, [d.id]);
  }
  for (const [year, ids] of [...years].sort(([a], [b]) => (a < b ? -1 : 1))) {
    sets.push({ key: `year:${year}`, kind: 'year', label: `${year} (${ids.length})`, ids });
  }
  return sets;
}

/** The set of `key` among `sets`, if it is there. */
export const findSet = (/** @type {CompareSet[]} */ sets, /** @type {string | null} */ key) =>
  sets.find((s) => s.key === key) ?? null;
