// @ts-check
// The word cloud's layout runner: d3-cloud (spiral placement against a bitmap of the words
// placed so far) with a cache of the words' bitmaps, and the retries that shrink the type until
// the top words fit. This is the one module a different layout engine replaces: it takes
// words and a box and returns where each word goes; it draws nothing.
import cloud from 'd3-cloud';
import { seededRandom } from './random.js';
import { CLOUD_FONT, cloudSeed, fontSizes, rotations as pickRotations } from './style.js';

/** @typedef {import('./style.js').CloudWord} CloudWord */
/**
 * A placed word: `index` into the words given, centre `x`, `y` relative to the box's centre
 * (before centring on `bounds`), type `size` (px) and `rotate` (degrees).
 * @typedef {{index: number, text: string, x: number, y: number, size: number, rotate: number}} Placed
 */
/**
 * @typedef {object} CloudLayout
 * @property {Placed[]} placed
 * @property {[{x: number, y: number}, {x: number, y: number}] | null} bounds the placed words' box
 * @property {CloudWord[]} dropped words that did not fit even at the smallest scale
 * @property {number} fontMax the largest type size of the final attempt
 */

const MUST_PLACE = 30; // the top words that shrinking guarantees a place
const MAX_ATTEMPTS = 12;

/**
 * What d3-cloud measured of a word at a size and angle: its bitmap and box. Drawing words on a
 * 2048² canvas and reading the pixels back is most of a layout's time, and a settings change or
 * a retry at a smaller scale asks for most of the same words at the same sizes again. (d3-cloud
 * is pinned exactly in package.json: these fields are its internals.)
 */
const spriteCache = new Map();
const SPRITE_CACHE_LIMIT = 4000;
const SPRITE_FIELDS = ['sprite', 'width', 'height', 'x0', 'x1', 'y0', 'y1'];
/** @param {string} text @param {number} size @param {number} rotate */
const spriteKey = (text, size, rotate) => `${size}|${rotate}|${text}`;

/** One canvas for every layout (d3-cloud would allocate a new 2048² one per run). */
/** @type {HTMLCanvasElement | null} */
let layoutCanvas = null;
const canvasForLayout = () => (layoutCanvas ??= document.createElement('canvas'));

/**
 * One d3-cloud run; synchronous because timeInterval is left at Infinity.
 * @param {CloudWord[]} words
 * @param {number[]} sizes
 * @param {number[]} rotations
 * @param {number} width
 * @param {number} height
 * @param {number} seed
 * @returns {{placed: Placed[], bounds: CloudLayout['bounds']}}
 */
function runLayout(words, sizes, rotations, width, height, seed) {
  /** @type {{placed: Placed[], bounds: CloudLayout['bounds']}} */
  let result = { placed: [], bounds: null };
  const input = words.map((w, i) => {
    // d3-cloud truncates sizes to whole pixels; so does the cache key.
    const d = { text: w.text, size: sizes[i], rotate: rotations[i], index: i };
    const known = spriteCache.get(spriteKey(w.text, Math.trunc(sizes[i]), rotations[i]));
    if (known) Object.assign(d, known, { hasText: true });
    return d;
  });
  /** @param {Record<string, any>} d */
  const remember = (d) => {
    // The first bitmap of a word at a size stays: d3-cloud draws sprites in batches, and the
    // same word drawn elsewhere in a batch can come out a pixel different, which would give
    // the same words another layout after a round trip through other settings.
    const key = spriteKey(d.text, d.size, d.rotate);
    if (spriteCache.has(key)) return;
    if (spriteCache.size >= SPRITE_CACHE_LIMIT) spriteCache.clear();
    /** @type {Record<string, unknown>} */
    const entry = {};
    for (const field of SPRITE_FIELDS) entry[field] = d[field];
    spriteCache.set(key, entry);
  };
  cloud()
    .canvas(canvasForLayout)
    .size([width, height])
    .words(input)
    .padding(2)
    .font(CLOUD_FONT)
    .fontSize((/** @type {Placed} */ d) => d.size)
    .rotate((/** @type {Placed} */ d) => d.rotate)
    .spiral('archimedean')
    .random(seededRandom(seed))
    // Placed words still have their bitmap here (d3-cloud deletes it before 'end').
    .on('word', (/** @type {Record<string, any>} */ d) => d.sprite && remember(d))
    .on('end', (/** @type {Placed[]} */ placed, /** @type {CloudLayout['bounds']} */ bounds) => {
      result = { placed, bounds };
    })
    .start();
  return result;
}

/**
 * Lays out `words` (most important first) in a width × height box. d3-cloud silently drops
 * words that do not fit, so when any of the top words is missing the whole cloud is shrunk and
 * laid out again. The same words in the same box always give the same layout (seeded).
 * @param {CloudWord[]} words
 * @param {number} width
 * @param {number} height
 * @returns {CloudLayout}
 */
export function layoutCloud(words, width, height) {
  if (!words.length) return { placed: [], bounds: null, dropped: [], fontMax: 0 };
  // Bigger containers get bigger type, up to 72 px for the first word.
  let max = Math.max(24, Math.min(72, Math.round(Math.min(width / 9, height / 5))));
  let min = max >= 48 ? 12 : 10;
  const seed = cloudSeed(words);
  const rotations = pickRotations(words.length, seed);

  // Start near a size that can fit: CJK glyphs are about square, and a cloud fills ~60% of its box.
  /** @param {number[]} sizes */
  const area = (sizes) => sizes.reduce((sum, s, i) => sum + s * s * Math.max(1, [...words[i].text].length) * 1.15, 0);
  const room = width * height * 0.6;
  const need = area(fontSizes(words, min, max));
  if (need > room) {
    // Only the large end shrinks: smaller small words would save little room and not be read.
    const k = Math.max(0.35, Math.sqrt(room / need));
    max = Math.max(min + 8, max * k);
  }

  // A long word can never be wider than the box, whatever the scale says; nor stand upright
  // taller than it (then it lies down).
  const chars = words.map((w) => Math.max(1, [...w.text].length));
  /** @param {number[]} sizes */
  const fit = (sizes) => sizes.map((s, i) => Math.min(s, (width * 0.92) / (chars[i] * 1.05)));
  /** @param {number[]} sizes */
  const turn = (sizes) =>
    rotations.map((r, i) => (r && sizes[i] <= sizes[0] * 0.5 && chars[i] * sizes[i] * 1.05 < height * 0.8 ? r : 0));

  const must = Math.min(MUST_PLACE, words.length);
  let best = {
    placed: /** @type {Placed[]} */ ([]),
    bounds: /** @type {CloudLayout['bounds']} */ (null),
    at: new Set(),
  };
  let fontMax = max;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const sizes = fit(fontSizes(words, min, max));
    const { placed, bounds } = runLayout(words, sizes, turn(sizes), width, height, seed);
    const at = new Set(placed.map((d) => d.index));
    let topPlaced = 0;
    while (topPlaced < must && at.has(topPlaced)) topPlaced++;
    best = { placed, bounds, at };
    fontMax = max;
    // Done when all the top words and nearly all the others are in.
    if (topPlaced === must && placed.length >= Math.ceil(words.length * 0.9)) break;
    max = Math.max(8, max * 0.85);
    min = Math.min(max, Math.max(6, min * 0.92));
  }
  const dropped = words.filter((_, i) => !best.at.has(i));
  return { placed: best.placed, bounds: best.bounds, dropped, fontMax };
}
