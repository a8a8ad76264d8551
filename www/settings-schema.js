// @ts-check
// What each setting may hold, and validation of settings that come from outside the page's own
// controls: a workspace file, the store (written by any earlier version), a view's patch. Field
// by field against DEFAULT_SETTINGS: unknown keys are dropped, a value of the wrong type or out
// of range is replaced (by the default, or by the current value for a patch), and the caller is
// told which fields, so that a person can be told in words. The result is built afresh from
// the schema's own keys, so `__proto__`, `constructor` or `prototype` in the input are never
// copied (and never followed).
import { DEFAULT_SETTINGS } from './defaults.js';

/** @typedef {import('./defaults.js').Settings} Settings */
/**
 * @typedef {{check: (value: unknown) => boolean, min?: number, max?: number, values?: readonly unknown[]}} Rule
 * @typedef {{[key: string]: Rule | Group}} Group
 */

/** @type {Rule} */
const flag = { check: (value) => typeof value === 'boolean' };

/** A whole number from `min` to `max`. @returns {Rule} */
const count = (/** @type {number} */ min, /** @type {number} */ max) => ({
  check: (value) =>
    Number.isInteger(value) && /** @type {number} */ (value) >= min && /** @type {number} */ (value) <= max,
  min,
  max,
});

/** One of `values`. @returns {Rule} */
const oneOf = (/** @type {readonly unknown[]} */ ...values) => ({ check: (value) => values.includes(value), values });

/** @type {Rule} */
const optionalScore = { check: (value) => value === null || (typeof value === 'number' && Number.isFinite(value)) };

// jieba's tags are a few lowercase letters (n, nr, vn, eng ...); null allows every tag.
/** @type {Rule} */
const tags = {
  check: (value) =>
    value === null ||
    (Array.isArray(value) &&
      value.length <= 100 &&
      value.every((tag) => typeof tag === 'string' && /^[a-z]{1,5}$/.test(tag))),
};

// Merges (合并词): a name and its forms, words as the user words are (no spaces, 1-20 chars).
const isWord = (/** @type {unknown} */ w) => typeof w === 'string' && /^[^\s]{1,20}$/u.test(w);
export const MAX_MERGES = 2000;
export const MAX_FORMS = 100;
/** @type {Rule} */
const mergeList = {
  check: (value) =>
    Array.isArray(value) &&
    value.length <= MAX_MERGES &&
    value.every(
      (merge) =>
        isPlainObject(merge) &&
        Object.keys(merge).every((key) => key === 'name' || key === 'forms') &&
        isWord(merge.name) &&
        Array.isArray(merge.forms) &&
        merge.forms.length <= MAX_FORMS &&
        merge.forms.every(isWord),
    ),
};

/** A colour as `<input type="color">` gives it. */
const COLOR = /^#[0-9a-f]{6}$/;
/** @type {Rule} */
const background = { check: (value) => value === 'transparent' || (typeof value === 'string' && COLOR.test(value)) };
// A font family as the page names it: letters, digits, spaces and a few marks (no quotes, no
// semicolons: it goes into a CSS font list and an SVG attribute); '' is the default stack.
/** @type {Rule} */
const family = {
  check: (value) => typeof value === 'string' && value.length <= 60 && /^[\p{L}\p{N} ._-]*$/u.test(value),
};
/** @type {Rule} */
const pins = {
  check: (value) =>
    Array.isArray(value) &&
    value.length <= 500 &&
    value.every(
      (pin) =>
        Array.isArray(pin) &&
        pin.length === 2 &&
        typeof pin[0] === 'string' &&
        pin[0].length >= 1 &&
        pin[0].length <= 50 &&
        typeof pin[1] === 'string' &&
        COLOR.test(pin[1]),
    ),
};
// A Compare set's key as kept (www/views/compare-sets.js keptKey): a document by where it comes
// from (a seed's file name, a stored document's key, one of this session only), a group, a
// year, the date range, what the document panel shows; null for the default (the first
// document, the rest).
/** @type {Rule} */
const setKey = {
  check: (value) =>
    value === null ||
    (typeof value === 'string' &&
      /^(?:seed:[^\n]{1,300}|doc:\d{1,15}|session:\d{1,10}|group:[^\n]{1,200}|year:\d{4}|range|shown)$/u.test(value)),
};
/** @type {Rule} */
const isoDate = { check: (value) => value === '' || (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) };
const SHAPES = [
  'rectangle',
  'ellipse',
  'circle',
  'heart',
  'star',
  'diamond',
  'triangle',
  'hexagon',
  'speechBubble',
  'cloud',
];

/**
 * The ranges are what the page's own controls can set (views/settings.js, views/network/);
 * `topTerms` and `phrases` have no control: their ranges are generous.
 * @type {Group}
 */
export const SETTINGS_SCHEMA = {
  filter: {
    stopWords: flag,
    userStopWords: flag,
    punctuation: flag,
    numbers: flag,
    singleChars: flag,
    minLength: count(1, 20),
    minFrequency: count(1, 1000),
    pos: tags,
  },
  topTerms: count(1, 1000),
  keywordWeight: oneOf('freq', 'tfidf', 'tfidfCorpus', 'textrank'),
  network: {
    unit: oneOf('sentence', 'window'),
    window: count(2, 20),
    measure: oneOf('count', 'jaccard', 'dice', 'npmi', 'llr'),
    nodes: count(10, 150),
    maxEdges: count(10, 400),
    minScore: optionalScore,
    minCount: count(1, 1000),
  },
  phrases: {
    minCount: count(1, 1000),
    limit: count(1, 1000),
  },
  merges: mergeList,
  separatePos: flag,
  termScript: oneOf('auto', 'simplified', 'traditional'),
  countOnce: flag,
  cloud: {
    count: oneOf(50, 100, 150, 200),
    orientation: oneOf('horizontal', 'mixed', 'vertical'),
    shape: oneOf(...SHAPES),
    palette: oneOf('classic', 'redGold', 'mono', 'colorBlind'),
    colorBy: oneOf('rank', 'pos', 'community', 'group', 'keyness'),
    background,
    font: family,
    weight: oneOf(300, 400, 500, 700, 900),
    seed: count(0, 0xffffffff),
    threshold: count(1, 255),
    pins,
  },
  compare: { target: setKey, reference: setKey, from: isoDate, to: isoDate },
};

/** Every field's path ('filter.minLength', ...), and the groups' ('filter', ...). */
export const SETTINGS_FIELDS = paths(SETTINGS_SCHEMA, '');

/**
 * `input` checked against the schema; what it leaves out comes from `base`.
 * `reset`: the paths of fields (or whole groups) whose value was not valid and was replaced by
 * `base`'s ('' for the whole of `input`); `ignored`: the paths of keys the settings do not have.
 * @param {unknown} input
 * @param {Settings} [base] the defaults, or the current settings when `input` is a patch
 * @returns {{settings: Settings, reset: string[], ignored: string[]}}
 */
export function validateSettings(input, base = /** @type {Settings} */ (DEFAULT_SETTINGS)) {
  /** @type {{reset: string[], ignored: string[]}} */
  const found = { reset: [], ignored: [] };
  const settings = /** @type {Settings} */ (group(SETTINGS_SCHEMA, input, base, '', found));
  return { settings, ...found };
}

/** A fresh copy of the defaults (DEFAULT_SETTINGS is frozen). */
export const defaultSettings = () => validateSettings(undefined).settings;

/**
 * @param {Group} schema
 * @param {unknown} input
 * @param {any} base
 * @param {string} path
 * @param {{reset: string[], ignored: string[]}} found
 * @returns {Record<string, unknown>}
 */
function group(schema, input, base, path, found) {
  let own = null;
  if (isPlainObject(input)) own = /** @type {Record<string, unknown>} */ (input);
  else if (input !== undefined) found.reset.push(path);
  if (own) {
    for (const key of Object.keys(own)) if (!Object.hasOwn(schema, key)) found.ignored.push(join(path, key));
  }
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const [key, rule] of Object.entries(schema)) {
    const value = own && Object.hasOwn(own, key) ? own[key] : undefined;
    const where = join(path, key);
    if (!isRule(rule)) {
      out[key] = group(/** @type {Group} */ (rule), value, base[key], where, found);
    } else if (value !== undefined && rule.check(value)) {
      out[key] = copy(value);
    } else {
      if (value !== undefined) found.reset.push(where);
      out[key] = copy(base[key]);
    }
  }
  return out;
}

/** @param {Rule | Group} node @returns {node is Rule} */
function isRule(node) {
  return typeof (/** @type {Rule} */ (node).check) === 'function';
}

/** An object made by JSON, structured clone or a literal; not an array, a Date, a class instance. */
function isPlainObject(/** @type {unknown} */ value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** Values are booleans, numbers, strings, null, or arrays of strings, of string pairs or of merges (checked plain data). */
function copy(/** @type {unknown} */ value) {
  if (!Array.isArray(value)) return value;
  return value.map((item) =>
    Array.isArray(item) ? [...item] : isPlainObject(item) ? { name: item.name, forms: [...item.forms] } : item,
  );
}

function join(/** @type {string} */ path, /** @type {string} */ key) {
  return path ? `${path}.${key}` : key;
}

/** @param {Group} schema @param {string} path @returns {string[]} */
function paths(schema, path) {
  return Object.entries(schema).flatMap(([key, rule]) =>
    isRule(rule) ? [join(path, key)] : [join(path, key), ...paths(/** @type {Group} */ (rule), join(path, key))],
  );
}
