// @ts-check
// Where the trend chart and the dispersion plot put things (pure): a "nice" top for the value
// axis and its ticks, a point for every bin of every series, and for the dispersion plot a tick
// for every occurrence along its document's line. Nothing is drawn here.

/** @typedef {import('../../types/Trends').Trends} Trends */
/** @typedef {import('../../types/Dispersion').Dispersion} Dispersion */
/** @typedef {{top: number, right: number, bottom: number, left: number}} Margin */
/** @typedef {{x: number, y: number, bin: number, value: number, count: number}} Point */

/** The smallest of 1, 2, 2.5, 5 × 10^k at or above `max` (and 1 for nothing). */
export function niceMax(/** @type {number} */ max) {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= max - 1e-9) return step * power;
  return 10 * power;
}

/** Five ticks from 0 to `top`. */
export const ticks = (/** @type {number} */ top) => [0, 1, 2, 3, 4].map((i) => (top * i) / 4);

/**
 * The points of every series, in a box of `width` × `height` inside `margin`.
 * @param {Trends} trends
 * @param {{width: number, height: number, margin: Margin}} box
 */
export function trendLayout(trends, { width, height, margin }) {
  const n = trends.bins.length;
  const inner = {
    w: Math.max(1, width - margin.left - margin.right),
    h: Math.max(1, height - margin.top - margin.bottom),
  };
  const top = niceMax(Math.max(0, ...trends.series.flatMap((s) => s.perTenThousand)));
  const x = (/** @type {number} */ i) => margin.left + (n <= 1 ? inner.w / 2 : (inner.w * i) / (n - 1));
  const y = (/** @type {number} */ v) => margin.top + inner.h - (inner.h * v) / top;
  const series = trends.series.map((s) => ({
    term: s.term,
    points: s.perTenThousand.map((value, bin) => ({ x: x(bin), y: y(value), bin, value, count: s.counts[bin] })),
  }));
  return {
    top,
    series,
    yTicks: ticks(top).map((value) => ({ value, y: y(value) })),
    x,
    labelEvery: Math.max(1, Math.ceil(n / 12)),
  };
}

/**
 * The dispersion plot: one line per document, a tick at each occurrence (offset / length).
 * @param {Dispersion} dispersion
 * @param {{width: number, rowHeight: number, labelWidth: number}} box
 */
export function dispersionLayout(dispersion, { width, rowHeight, labelWidth }) {
  const inner = Math.max(1, width - labelWidth - 8);
  return dispersion.documents.map((doc, row) => ({
    doc,
    y: row * rowHeight,
    ticks: doc.offsets.map((offset) => labelWidth + (inner * offset) / Math.max(1, doc.chars)),
  }));
}
