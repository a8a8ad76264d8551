// @ts-check
// The document panel's search, filters and order (pure): by title or file name, by group (a
// group holds its subgroups: "2023" holds "2023/上海"), by a date range (a document dated to a
// month or a year is in the range when that month or year overlaps it; an undated one never
// is), sorted by the order added, date, name or size. Sorting is done once per order and list,
// filtering on every keystroke: the sorted list is filtered, so typing never re-sorts 5,000.

/** @typedef {import('../../shapes.js').DocumentInfo} DocumentInfo */
/** @typedef {{query: string, group: string, from: string, to: string}} DocumentFilter */
/** @typedef {'added' | 'date' | 'name' | 'size'} SortKey */
/** @typedef {{key: SortKey, dir: 'asc' | 'desc'}} DocumentOrder */

/** The event the panel's root sends (it bubbles) when what it shows changes: `detail.ids`, the
 *  documents its search and filters show, for the views that offer them as a set (Compare). */
export const SHOWN_EVENT = 'wenxi-documents-shown';

/** @type {DocumentFilter} */
export const NO_FILTER = Object.freeze({ query: '', group: '', from: '', to: '' });

/** Whether `filter` lets every document through. */
export const isUnfiltered = (/** @type {DocumentFilter} */ f) => !f.query.trim() && !f.group && !f.from && !f.to;

/** Whether `doc` is in `group` or in one of its subgroups. */
export function inGroup(/** @type {DocumentInfo} */ doc, /** @type {string} */ group) {
  return doc.groups.some((g) => g === group || g.startsWith(`${group}/`));
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The first and the last day a date means: "2024" -> 2024-01-01 .. 2024-12-31. @returns {[string, string]} */
export function dateSpan(/** @type {string} */ date) {
  const [year, month, day] = date.split('-');
  if (day) return [date, date];
  if (month) {
    const y = Number(year);
    const m = Number(month);
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    const last = m === 2 && !leap ? 28 : DAYS_IN_MONTH[m - 1];
    return [`${date}-01`, `${date}-${String(last).padStart(2, '0')}`];
  }
  return [`${year}-01-01`, `${year}-12-31`];
}

/** What the search looks in: the title and the file name (and the path), in lower case. */
const haystacks = new WeakMap();
function haystack(/** @type {DocumentInfo} */ doc) {
  let text = haystacks.get(doc);
  if (text === undefined) {
    text = `${doc.title}\n${doc.name}\n${doc.path ?? ''}`.toLowerCase();
    haystacks.set(doc, text);
  }
  return text;
}

/**
 * A test for one document; made once per filter, so that its parts are read once.
 * @param {DocumentFilter} filter
 * @returns {(doc: DocumentInfo) => boolean}
 */
export function matcher({ query, group, from, to }) {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return (doc) => {
    if (words.length && !words.every((w) => haystack(doc).includes(w))) return false;
    if (group && !inGroup(doc, group)) return false;
    if (from || to) {
      if (!doc.date) return false;
      const [start, end] = dateSpan(doc.date);
      if (from && end < from) return false;
      if (to && start > to) return false;
    }
    return true;
  };
}

/** The documents `filter` lets through, in the order given. */
export function filterDocuments(/** @type {DocumentInfo[]} */ docs, /** @type {DocumentFilter} */ filter) {
  return isUnfiltered(filter) ? docs : docs.filter(matcher(filter));
}

/**
 * `docs` in `order` (a new array; ties keep the order added). Undated documents come last
 * whichever way dates run.
 * @param {DocumentInfo[]} docs
 * @param {DocumentOrder} order
 * @param {string} [locale]
 */
export function sortDocuments(docs, { key, dir }, locale = 'zh') {
  const sign = dir === 'desc' ? -1 : 1;
  const indexed = docs.map((doc, index) => ({ doc, index }));
  /** @type {(a: DocumentInfo, b: DocumentInfo) => number} */
  let compare;
  if (key === 'date') {
    compare = (a, b) => {
      if (!a.date || !b.date) return a.date ? -1 : b.date ? 1 : 0;
      return sign * (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
    };
  } else if (key === 'name') {
    const collator = new Intl.Collator(locale, { numeric: true });
    const names = new Map(docs.map((d) => [d, d.name]));
    compare = (a, b) =>
      sign * collator.compare(/** @type {string} */ (names.get(a)), /** @type {string} */ (names.get(b)));
  } else if (key === 'size') {
    compare = (a, b) => sign * (a.chars - b.chars);
  } else {
    compare = (a, b) => sign * (a.id - b.id);
  }
  indexed.sort((a, b) => compare(a.doc, b.doc) || a.index - b.index);
  return indexed.map((x) => x.doc);
}
