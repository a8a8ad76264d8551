// @ts-check
// Interface strings: Chinese (the default) and English, every one of them in www/locales/zh.json
// and en.json (same keys, sorted; tests/unit/i18n.test.mjs checks both and that every key the
// page names exists). `t()` is strict: a key that is in neither table is logged as an error, which
// fails every browser test. Templates fill `{name}` from their variables and know one ICU form,
// `{n, plural, one {# file} other {# files}}`, chosen with Intl.PluralRules.
import en from './locales/en.json' with { type: 'json' };
import zh from './locales/zh.json' with { type: 'json' };

/** @typedef {'zh' | 'en'} Lang */
/** @typedef {Record<string, string | number>} Vars */

/** @type {Record<Lang, Record<string, string>>} */
const strings = { zh: { ...zh }, en: { ...en } };
/** @type {Lang} */
let current = storedLang() === 'en' ? 'en' : 'zh';
/** @type {Set<(lang: Lang) => void>} */
const listeners = new Set();

// localStorage may be missing or throw (storage disabled, Node): Chinese then, and the page goes on.
function storedLang() {
  try {
    return globalThis.localStorage?.getItem('wenxi.lang') ?? null;
  } catch {
    return null;
  }
}

/** Whether `key` has a string (in either language). */
export const hasString = (key) => Object.hasOwn(strings.zh, key) || Object.hasOwn(strings.en, key);

/**
 * The string for `key` in `lang` (the other language's if only that has it), filled from `vars`.
 * A key in neither table is a bug: it is logged with console.error and the key is shown.
 * @param {Lang} lang
 * @param {string} key
 * @param {Vars} [vars]
 */
export function translate(lang, key, vars = {}) {
  const other = lang === 'en' ? 'zh' : 'en';
  const template = Object.hasOwn(strings[lang], key)
    ? strings[lang][key]
    : Object.hasOwn(strings[other], key)
      ? strings[other][key]
      : null;
  if (template == null) {
    console.error(`i18n: no string for "${key}"`);
    return key;
  }
  return fill(template, vars, lang);
}

/** The string for `key` in the current language. */
export const t = (/** @type {string} */ key, /** @type {Vars} */ vars = {}) => translate(current, key, vars);

/**
 * `template` with `{name}` replaced by `vars.name` (left as it is when `vars` has no such name)
 * and `{name, plural, one {…} other {…}}` by the case Intl.PluralRules picks for the number, in
 * which `#` stands for the value.
 * @param {string} template
 * @param {Vars} vars
 * @param {Lang} lang
 * @returns {string}
 */
export function fill(template, vars, lang) {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) break;
    out += template.slice(i, open);
    const close = matching(template, open);
    const inner = template.slice(open + 1, close);
    const plural = /^\s*(\w+)\s*,\s*plural\s*,(.*)$/s.exec(inner);
    if (plural) {
      out += pluralCase(plural[1], plural[2], vars, lang);
    } else if (Object.hasOwn(vars, inner)) {
      out += String(vars[inner]);
    } else {
      out += `{${inner}}`;
    }
    i = close + 1;
  }
  return out + template.slice(i);
}

/** The index of the `}` that closes the `{` at `open` (or the end, for a broken template). */
function matching(text, open) {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return text.length;
}

/** The chosen case of a plural, filled: `cases` is ` one {…} other {…}`. */
function pluralCase(name, cases, vars, lang) {
  const value = vars[name];
  /** @type {Record<string, string>} */
  const options = {};
  let i = 0;
  for (;;) {
    const head = /^\s*(=?\w+)\s*\{/.exec(cases.slice(i));
    if (!head) break;
    const open = i + head[0].length - 1;
    const close = matching(cases, open);
    options[head[1]] = cases.slice(open + 1, close);
    i = close + 1;
  }
  const count = Number(value);
  const category = new Intl.PluralRules(lang === 'en' ? 'en' : 'zh').select(count);
  const chosen = options[`=${count}`] ?? options[category] ?? options.other ?? '';
  return fill(chosen.replaceAll('#', String(value)), vars, lang);
}

/** The current language. */
export const lang = () => current;

/** @param {string} next */
export function setLang(next) {
  current = next === 'en' ? 'en' : 'zh';
  try {
    localStorage.setItem('wenxi.lang', current);
  } catch {
    // Storage may be refused (private mode); the switch still works for this visit.
  }
  document.documentElement.lang = current === 'en' ? 'en' : 'zh-CN';
  for (const listener of listeners) listener(current);
}

/** Call `listener(lang)` after every language switch. */
export const onLangChange = (/** @type {(lang: Lang) => void} */ listener) => listeners.add(listener);

/**
 * Fill every element with a data-i18n key (its textContent) or data-i18n-title / -placeholder / -aria-label.
 * @param {ParentNode} [root]
 */
export function translateDom(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) {
    el.textContent = t(/** @type {HTMLElement} */ (el).dataset.i18n ?? '');
  }
  for (const attr of ['title', 'placeholder', 'aria-label']) {
    const data = `i18n${attr.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase())}`;
    for (const el of root.querySelectorAll(`[data-i18n-${attr}]`)) {
      el.setAttribute(attr, t(/** @type {HTMLElement} */ (el).dataset[data] ?? ''));
    }
  }
}

/** @type {Map<string, Intl.NumberFormat>} */
const numberFormats = new Map();
/** Numbers as the current language writes them (grouping: 14,051). */
export const numberFormat = () => {
  const locale = current === 'en' ? 'en-US' : 'zh-CN';
  // Made once per language: a new Intl.NumberFormat costs ~1 ms, and the views ask for one often.
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format;
};

/**
 * A list as `lang` writes one: 甲、乙和丙 / a, b, and c.
 * @param {Lang} lang
 * @param {string[]} items
 */
export const listFormat = (lang, items) =>
  new Intl.ListFormat(lang === 'en' ? 'en' : 'zh', { type: 'conjunction' }).format(items);
