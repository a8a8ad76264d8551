// @ts-check
// How a word cloud looks, as pure functions: its palettes, each word's colour (by rank, part of
// speech or network community, with colours a person pinned), the font stack, and the cloud's
// height for a given width. The layout itself is the engine's (src/cloud/, layout.js).
import { hash } from './random.js';

/** `term`: the term when `text` shows it otherwise (简体 / 繁體). @typedef {{text: string, term?: string, weight: number, count: number}} CloudWord */

/** The fallback stack after a chosen family: system CJK fonts only (nothing is fetched). */
export const CJK_FALLBACK =
  '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif';

/** The cloud's font stack: the chosen family first (quoted), then the fallbacks. @param {string} family */
export const fontStack = (family) => (family ? `"${family.replace(/["\\]/g, '')}", ${CJK_FALLBACK}` : CJK_FALLBACK);

/** The page's default font stack (the compare view's cloud, and a cloud with no font chosen). */
export const CLOUD_FONT = CJK_FALLBACK;

/**
 * The palettes, darkest (most important) first. Every colour is at least 4.5:1 against white
 * but `redGold`'s golds, which are meant for a dark or red-paper background too.
 * `colorBlind`: Okabe-Ito (distinct under the common colour-vision deficiencies).
 */
export const PALETTES = Object.freeze({
  classic: ['#1f5fa8', '#b3261e', '#2b7a3d', '#7b3fa0', '#a14f00', '#00707a', '#8a5a2b', '#b0185a', '#4a5a8c'],
  redGold: ['#b3001b', '#d4a017', '#8c0a0a', '#c8102e', '#b8860b', '#e03c31', '#9e1b32', '#cfa248'],
  mono: ['#111111', '#333333', '#4d4d4d', '#666666', '#7a7a7a'],
  colorBlind: ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#000000'],
});
/** @typedef {keyof typeof PALETTES} PaletteName */
export const PALETTE_NAMES = /** @type {PaletteName[]} */ (Object.keys(PALETTES));

// The default palette, for callers that colour by text (the compare view).
export const PALETTE = PALETTES.classic;

/** A word's colour by its text: it keeps it from one cloud to the next. @param {{text: string}} word */
export const defaultColor = (word) => PALETTE[hash(word.text) % PALETTE.length];

/** What a word's colour may follow: `rank` always; the others when the data has them (`group` and
 *  `keyness`: colour.js, from the core's colourData). */
export const COLOR_BY = /** @type {const} */ (['rank', 'pos', 'community', 'group', 'keyness']);
/** @typedef {(typeof COLOR_BY)[number]} ColorBy */

/**
 * jieba's tags grouped as a reader sees them: names of people, places, organisations, other
 * nouns, verbs, adjectives, the rest.
 * @param {string | undefined} tag
 */
export function posGroup(tag) {
  if (!tag) return 6;
  if (tag === 'nr' || tag.startsWith('nr')) return 0;
  if (tag === 'ns') return 1;
  if (tag === 'nt') return 2;
  if (tag.startsWith('n')) return 3;
  if (tag.startsWith('v')) return 4;
  if (tag.startsWith('a')) return 5;
  return 6;
}

/**
 * Each word's colour. `rank`: the palette in bands of rank (the biggest words share the first
 * colour); `pos`: by `pos[i]`'s group; `community`: by `community[i]` (a word not in the
 * network takes the last colour). A pinned colour always wins (pins are by term).
 * @param {{text: string, term?: string}[]} words
 * @param {{palette: PaletteName, colorBy: ColorBy, pins?: Record<string, string>,
 *   pos?: (string | undefined)[], community?: (number | undefined)[]}} options
 * @returns {string[]}
 */
export function wordColors(words, { palette, colorBy, pins = {}, pos = [], community = [] }) {
  const colors = PALETTES[palette] ?? PALETTES.classic;
  const band = Math.max(1, Math.ceil(words.length / colors.length));
  return words.map((word, i) => {
    const term = word.term ?? word.text;
    if (Object.hasOwn(pins, term)) return pins[term];
    if (colorBy === 'pos') return colors[posGroup(pos[i]) % colors.length];
    if (colorBy === 'community') {
      const c = community[i];
      return c === undefined ? colors[colors.length - 1] : colors[c % colors.length];
    }
    // Rank: neighbours in size share a colour, so the palette reads as levels.
    return colors[Math.min(colors.length - 1, Math.floor(i / band))];
  });
}

/**
 * The height of a cloud for a container `width` wide: wide, but never a strip.
 * @param {number} width
 */
export const cloudHeight = (width) => Math.round(Math.min(640, Math.max(320, width * 0.6)));

/**
 * The pixel size of an export: `scale` × the cloud's size, or `width` px wide (proportions
 * kept) when a width is asked for; never over 16384 px a side (browsers refuse bigger canvases).
 * @param {{width: number, height: number}} box
 * @param {{scale?: number, width?: number | null}} ask
 */
export function exportSize(box, { scale = 2, width = null }) {
  const factor = width ? width / box.width : scale;
  const capped = Math.min(factor, 16384 / Math.max(box.width, box.height));
  return { width: Math.round(box.width * capped), height: Math.round(box.height * capped), factor: capped };
}
