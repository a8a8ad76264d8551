// @ts-check
// The side-by-side view's text with the shared passages marked (pure): a document's text cut
// into runs, each either plain or inside passage i. The core gives offsets in characters (code
// points), JS strings index UTF-16 units, so the cut walks code points.

/** @typedef {{start: number, end: number, passage: number}} Range */
/** @typedef {{text: string, passage: number | null}} Run */

/**
 * @param {string} text
 * @param {Range[]} ranges character offsets, any order; overlapping ones are taken as they come
 * @returns {Run[]}
 */
export function markRuns(text, ranges) {
  const chars = Array.from(text);
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  /** @type {Run[]} */
  const runs = [];
  let at = 0;
  for (const { start, end, passage } of sorted) {
    const from = Math.max(at, Math.min(start, chars.length));
    const to = Math.min(end, chars.length);
    if (to <= from) continue;
    if (from > at) runs.push({ text: chars.slice(at, from).join(''), passage: null });
    runs.push({ text: chars.slice(from, to).join(''), passage });
    at = to;
  }
  if (at < chars.length) runs.push({ text: chars.slice(at).join(''), passage: null });
  return runs;
}

/**
 * The passages of a pair as ranges in each of the two documents.
 * @param {import('../../types/ReusePassage').ReusePassage[]} passages
 */
export function passageRanges(passages) {
  return {
    a: passages.map((p, i) => ({ start: p.aStart, end: p.aEnd, passage: i })),
    b: passages.map((p, i) => ({ start: p.bStart, end: p.bEnd, passage: i })),
  };
}
