// @ts-check
// The sets the Compare view can compare (pure): each included document (its id, as before),
// each group (with its subgroups) and each year that holds included documents; and the ids a
// set's key stands for; a date range and the documents the panel's filter shows. The reference is
// "the rest" (null) or another of these sets.
import { filterDocuments, NO_FILTER } from './documents/filter.js';
import { groupTree } from './documents/groups.js';

/** @typedef {import('../shapes.js').DocumentInfo} DocumentInfo */
/** @typedef {'document' | 'group' | 'year' | 'range' | 'shown'} SetKind */
/** @typedef {{key: string, kind: SetKind, label: string, ids: number[]}} CompareSet */

/**
 * @param {DocumentInfo[]} included the documents in the analysis, in order
 * @returns {CompareSet[]}
 */
export function compareSets(included) {
  /** @type {CompareSet[]} */
  const sets = included.map((d) => ({ key: String(d.id), kind: 'document', label: d.title || d.name, ids: [d.id] }));
  // Each group's members in one pass (a group holds its subgroups), in the order of the tree.
  /** @type {Map<string, number[]>} */
  const members = new Map();
  for (const d of included) {
    for (const group of d.groups) {
      const parts = group.split('/');
      for (let depth = 1; depth <= parts.length; depth++) {
        const node = parts.slice(0, depth).join('/');
        const ids = members.get(node);
        if (!ids) members.set(node, [d.id]);
        else if (ids.at(-1) !== d.id) ids.push(d.id); // once, though in two of its subgroups
      }
    }
  }
  for (const { group } of groupTree(included)) {
    const ids = members.get(group) ?? [];
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

/**
 * The included documents dated within `from`–`to` (ISO dates, either may be empty), as the
 * panel's date filter has it: a document dated to a month or a year is in when it overlaps, an
 * undated one never is; with neither date, every dated document.
 * @param {DocumentInfo[]} included @param {string} from @param {string} to
 * @param {(n: number) => string} label the set's name, given how many it holds
 * @returns {CompareSet}
 */
export function rangeSet(included, from, to, label) {
  const ids = (from || to ? filterDocuments(included, { ...NO_FILTER, from, to }) : included.filter((d) => d.date)).map(
    (d) => d.id,
  );
  return { key: 'range', kind: 'range', label: label(ids.length), ids };
}

/**
 * The included documents among those the document panel's search and filters show.
 * @param {DocumentInfo[]} included @param {Iterable<number>} shown the ids the panel shows
 * @param {(n: number) => string} label the set's name, given how many it holds
 * @returns {CompareSet}
 */
export function shownSet(included, shown, label) {
  const inPanel = new Set(shown);
  const ids = included.filter((d) => inPanel.has(d.id)).map((d) => d.id);
  return { key: 'shown', kind: 'shown', label: label(ids.length), ids };
}
