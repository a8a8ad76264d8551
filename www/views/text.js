// @ts-check
// Pure text helpers the views share (no DOM): how wide a label is drawn, how people type lists
// of words, and the find-as-you-type filter of the tables.

// Wide (CJK, Hangul, full-width) characters: one em; everything else about 0.6 em.
const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u;

/**
 * Approximate rendered width of `text` in em, for laying out labels and columns before the
 * browser has measured anything.
 * @param {string} text
 * @returns {number}
 */
export function emWidth(text) {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 1 : 0.6;
  return width;
}

// Separators people type between words: spaces, commas (both widths), 、 and semicolons.
const WORD_SEPARATORS = /[\s,，、;；]+/;

/**
 * The words of what a person typed, e.g. "劳模精神，工匠精神 大国工匠" → three words.
 * @param {string} typed
 * @returns {string[]}
 */
export const splitWords = (typed) => typed.split(WORD_SEPARATORS).filter(Boolean);

/**
 * The rows whose `text(row)` contains `query` (trimmed, case-insensitive); all rows for an
 * empty query.
 * @template T
 * @param {T[]} rows
 * @param {string} query
 * @param {(row: T) => string} text
 * @returns {T[]}
 */
export function matching(rows, query, text) {
  const needle = query.trim().toLowerCase();
  return needle ? rows.filter((row) => text(row).toLowerCase().includes(needle)) : rows;
}
