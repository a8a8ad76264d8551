// @ts-check
// Choosing one document among thousands (pure): a <select> lists at most CHOICE_LIMIT of them —
// those whose title or name holds what was typed in the filter next to it — because a list of
// 5,000 <option>s rebuilt on every analysis blocks the page; and a key, so that a list is rebuilt
// only when what it would show has changed.

/** @typedef {{id: number, name: string, title?: string | null}} ChoosableDocument */

export const CHOICE_LIMIT = 200;

/**
 * The documents whose title or name holds `query` (case-insensitive), in order, at most `limit`,
 * with `keep` (the chosen one) among them wherever it is; how many match in all, and how many of
 * those are not shown.
 * @template {ChoosableDocument} D
 * @param {D[]} documents @param {string} query @param {number | null} [keep] @param {number} [limit]
 * @returns {{shown: D[], total: number, hidden: number}}
 */
export function chooseAmong(documents, query, keep = null, limit = CHOICE_LIMIT) {
  const q = query.trim().toLowerCase();
  /** @type {D[]} */
  const shown = [];
  let total = 0;
  let matchedShown = 0;
  let kept = keep == null;
  for (const doc of documents) {
    const hit = !q || (doc.title || '').toLowerCase().includes(q) || doc.name.toLowerCase().includes(q);
    if (hit) total++;
    if (doc.id === keep && !kept && (!hit || shown.length >= limit)) {
      // The chosen document stays selectable even when the filter or the cap leaves it out.
      shown.push(doc);
      kept = true;
      if (hit) matchedShown++;
    } else if (hit && shown.length < limit) {
      shown.push(doc);
      matchedShown++;
      if (doc.id === keep) kept = true;
    }
  }
  return { shown, total, hidden: total - matchedShown };
}

/** A key that changes when a document list would show something else: ids, titles, and whether
 *  each is in `included` (when given), plus `extra` (the filter, the language…). */
export function listKey(
  /** @type {ChoosableDocument[]} */ documents,
  /** @type {Set<number> | null} */ included,
  /** @type {string} */ extra = '',
) {
  let key = extra;
  for (const d of documents) key += `\n${d.id}${included?.has(d.id) ? '+' : '-'}${d.title || d.name}`;
  return key;
}
