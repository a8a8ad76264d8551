// Interface strings in Chinese (the default) and English. Each view registers its own
// strings next to its code with registerStrings(); t() looks them up in the current language.

const strings = { zh: {}, en: {} };
let current = storedLang() === 'en' ? 'en' : 'zh';

// localStorage may be missing or throw (storage disabled): Chinese then, and the page goes on.
function storedLang() {
  try {
    return localStorage.getItem('wenxi.lang');
  } catch {
    return null;
  }
}
const listeners = new Set();

/** Add strings: registerStrings({ zh: { key: '…' }, en: { key: '…' } }). */
export function registerStrings(table) {
  for (const lang of ['zh', 'en']) Object.assign(strings[lang], table[lang] ?? {});
}

/** The string for `key` in the current language, with `{name}` placeholders filled from `vars`. */
export function t(key, vars = {}) {
  const template = strings[current][key] ?? strings.zh[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name) => (name in vars ? String(vars[name]) : `{${name}}`));
}

export const lang = () => current;

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
export const onLangChange = (listener) => listeners.add(listener);

/** Fill every element with data-i18n="key" (textContent) or data-i18n-title / -placeholder / -aria-label. */
export function translateDom(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const attr of ['title', 'placeholder', 'aria-label']) {
    const data = `i18n${attr.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase())}`;
    for (const el of root.querySelectorAll(`[data-i18n-${attr}]`)) el.setAttribute(attr, t(el.dataset[data]));
  }
}

export const numberFormat = () => new Intl.NumberFormat(current === 'en' ? 'en-US' : 'zh-CN');
