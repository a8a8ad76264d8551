// @ts-check
// How a word cloud looks, as pure functions: its font, colours, type sizes, which words stand
// upright, and its height for a given width. Used by the layout runner and the drawing.
import { hash, seededRandom } from './random.js';

/** @typedef {{text: string, weight: number, count: number}} CloudWord */

/** System CJK fonts only (nothing may be fetched); the same stack for layout and drawing. */
export const CLOUD_FONT =
  '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif';

// Categorical colours, each at least 4.5:1 against white so small words stay readable.
export const PALETTE = [
  '#1f5fa8',
  '#b3261e',
  '#2b7a3d',
  '#7b3fa0',
  '#a14f00',
  '#00707a',
  '#8a5a2b',
  '#b0185a',
  '#4a5a8c',
];

/** A word's colour: picked by its text, so it keeps it from one cloud to the next. @param {{text: string}} word */
export const defaultColor = (word) => PALETTE[hash(word.text) % PALETTE.length];

/**
 * Font sizes (px) by weight: a square-root scale from `min` to `max` (the middle if all weigh the same).
 * @param {{weight: number}[]} words
 * @param {number} min
 * @param {number} max
 * @returns {number[]}
 */
export function fontSizes(words, min, max) {
  const weights = words.map((w) => Math.max(0, w.weight));
  const lo = Math.min(...weights);
  const hi = Math.max(...weights);
  return weights.map((w) => (hi > lo ? min + (max - min) * Math.sqrt((w - lo) / (hi - lo)) : (min + max) / 2));
}

/**
 * The seed of a cloud: its words, in order.
 * @param {{text: string}[]} words
 */
export const cloudSeed = (words) => hash(words.map((w) => w.text).join('\u0001'));

/**
 * Each word's angle: mostly horizontal, some smaller words upright (90°); the five biggest
 * always stay horizontal, to be read.
 * @param {number} count
 * @param {number} seed
 * @returns {number[]}
 */
export function rotations(count, seed) {
  const pick = seededRandom(seed ^ 0x9e3779b9);
  return Array.from({ length: count }, (_, i) => (i >= 5 && pick() < 0.18 ? 90 : 0));
}

/**
 * The height of a cloud for a container `width` wide: wide, but never a strip.
 * @param {number} width
 */
export const cloudHeight = (width) => Math.round(Math.min(640, Math.max(320, width * 0.6)));
