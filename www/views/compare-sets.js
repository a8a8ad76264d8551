// @ts-check
// The sets the Compare view can compare (pure): each included document (its id, as before),
// each group (with its subgroups) and each year that holds included documents; and the ids a
// set's key stands for; a date range and the documents the panel's filter shows. The reference is
// "the rest" (null) or another of these sets. And the comparison a person chose, kept in the
// settings (settings.compare), found again among the documents of the moment (chosenComparison).
import { filterDocuments, NO_FILTER } from './documents/filter.js';
import { groupTree } from './documents/groups.js';

/** @typedef {import('../shapes.js').DocumentInfo} DocumentInfo */
/** @typedef {'document' | 'group' | 'year' | 'range' | 'shown'} SetKind */
/** @typedef {{key: string, kind: SetKind, label: string, ids: number[]}} CompareSet */
/** @typedef {import('../defaults.js').CompareSettings} CompareSettings */

/** A set's label as a column heading or in the cloud's legend: long date ranges and titles cut to fit. @param {string} label */
export function shortName(label) {
  const chars = [...label];
  return chars.length > 14 ? `${chars.slice(0, 13).join('')}…` : label;
}

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

/** A document's key that outlives a reload ('seed:NAME', 'doc:KEY'; ids are new after one). @typedef {(id: number) => string | null} DocumentKey */

/**
 * A set's key as the settings keep it: a document by where it comes from (its id is new after a
 * reload), any other set as it is. @param {string | null} key @param {DocumentKey} documentKey
 */
export function keptKey(key, documentKey) {
  return key != null && /^\d+$/.test(key) ? documentKey(Number(key)) : key;
}

/**
 * A kept key among the documents of the moment: a document's id, or the kept key itself when
 * no document comes from there any more (no set has that key: it reads as gone).
 * @param {string | null} key @param {DocumentInfo[]} documents @param {DocumentKey} documentKey
 */
export function liveKey(key, documents, documentKey) {
  if (key == null || /^(?:\d+|group:.*|year:.*|range|shown)$/su.test(key)) return key;
  const doc = documents.find((d) => documentKey(d.id) === key);
  return doc ? String(doc.id) : key;
}

/**
 * The set of `key` among the included documents, made alone (listing every set of 5,000
 * documents to find one is too slow for the cloud's colours): as compareSets, rangeSet and
 * shownSet make it; null when it holds no included document (its documents removed or left out).
 * @param {string} key
 * @param {DocumentInfo[]} included
 * @param {{from: string, to: string, shown: Iterable<number>}} extras the range's dates, the panel's documents
 * @param {{range: (n: number) => string, shown: (n: number) => string}} labels
 * @returns {CompareSet | null}
 */
export function chosenSet(key, included, extras, labels) {
  if (key === 'range') return rangeSet(included, extras.from, extras.to, labels.range);
  if (key === 'shown') return shownSet(included, extras.shown, labels.shown);
  const [kind, name] = key.includes(':')
    ? [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)]
    : ['', key];
  /** @type {(d: DocumentInfo) => boolean} */
  const member =
    kind === 'group'
      ? (d) => d.groups.some((g) => g === name || g.startsWith(`${name}/`))
      : kind === 'year'
        ? (d) => d.date?.slice(0, 4) === name
        : (d) => String(d.id) === key;
  if (kind !== 'group' && kind !== 'year' && !/^\d+$/.test(key)) return null;
  const docs = included.filter(member);
  if (docs.length === 0) return null;
  const ids = docs.map((d) => d.id);
  if (kind === 'group') return { key, kind: 'group', label: `#${name} (${ids.length})`, ids };
  if (kind === 'year') return { key, kind: 'year', label: `${name} (${ids.length})`, ids };
  return { key, kind: 'document', label: docs[0].title || docs[0].name, ids };
}

/**
 * The comparison a person chose in Compare (its keys live: liveKey), as it stands among the included documents: the
 * target (the first included document until one is chosen, as Compare shows it) and the
 * reference (null: the rest of the included documents). `stale`: what was chosen is no longer
 * there (its documents removed or left out), and Compare's default is used instead.
 * @param {CompareSettings} choice
 * @param {DocumentInfo[]} included
 * @param {Iterable<number>} shown the documents the panel's search and filters show
 * @param {{range: (n: number) => string, shown: (n: number) => string}} labels
 * @returns {{target: CompareSet | null, reference: CompareSet | null, stale: boolean}}
 */
export function chosenComparison(choice, included, shown, labels) {
  const extras = { from: choice.from, to: choice.to, shown };
  const find = (/** @type {string | null} */ key) => (key == null ? null : chosenSet(key, included, extras, labels));
  const first = included[0] ? chosenSet(String(included[0].id), included, extras, labels) : null;
  const target = find(choice.target);
  const reference = find(choice.reference);
  const stale = (choice.target != null && !target) || (choice.reference != null && !reference);
  return { target: target ?? first, reference, stale };
}
