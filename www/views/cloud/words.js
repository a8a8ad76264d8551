// @ts-check
// Which words a cloud shows: the top terms of an analysis by the weight a person picked.

/** @typedef {import('./style.js').CloudWord} CloudWord */
/** @typedef {{term: string, freq: number, [weight: string]: any}} Term */

/** The weights a cloud can be sized by (fields of the analysis's terms). */
export const WEIGHTS = ['freq', 'tfidf', 'tfidfCorpus', 'textrank'];

/**
 * The weight in the settings, or frequency if it is not one the cloud knows.
 * @param {unknown} setting
 * @returns {string}
 */
export const weightField = (setting) => (typeof setting === 'string' && WEIGHTS.includes(setting) ? setting : 'freq');

/**
 * The `count` terms with the highest `field` (ties by frequency), as cloud words. The analysis
 * orders by the same weight; they are sorted again so that a mismatch cannot break the cloud.
 * `text` is what is drawn (the term in the script the person chose, `display`); `term` is the
 * term itself, for contexts, stop words, merges and pins.
 * @param {Term[]} terms
 * @param {string} field
 * @param {number} count
 * @param {(term: string) => string} [display]
 * @returns {CloudWord[]}
 */
export function topWords(terms, field, count, display = (term) => term) {
  // jieba's TF-IDF is unknown until its IDF table is in (or if it cannot be fetched): sized by
  // the corpus's TF-IDF meanwhile, as the analysis orders them (src/analyzer.rs).
  if (field === 'tfidf' && terms.length > 0 && terms.every((t) => t.tfidf == null)) field = 'tfidfCorpus';
  return [...terms]
    .sort((a, b) => (b[field] ?? 0) - (a[field] ?? 0) || b.freq - a.freq)
    .filter((t) => (t[field] ?? 0) > 0)
    .slice(0, count)
    .map((t) => ({ text: display(t.term), term: t.term, weight: t[field], count: t.freq }));
}
