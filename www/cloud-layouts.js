// @ts-check
// The word cloud's last layouts, kept across visits (localStorage, read synchronously: a
// returning visit's first cloud is drawn without waiting for the layout worker). A layout is
// a pure function of its words, its options (size, shape, orientation, seed, font) and the
// browser that measured the glyphs, so the same key gives the layout the engine would lay out
// again (www/views/cloud/layout.js asks here first). Clouds of a picture's mask are not kept
// (the key would hold the picture). The layouts hold the documents' words: they go when a
// document is removed or the workspace replaced (www/persistence.js).

const STORAGE_KEY = 'wenxi-cloud-layouts';
/** The most recent layouts kept, and at most this many characters of them together. */
const MAX_LAYOUTS = 6;
const MAX_CHARS = 1_500_000;

/** @typedef {import('./types/CloudLayout').CloudLayout} CloudLayout */
/** @typedef {import('./types/CloudOptions').CloudOptions} CloudOptions */
/** @typedef {import('./types/CloudWord').CloudWord} EngineWord */
/** @typedef {{key: string, layout: CloudLayout}} Entry */
/** @typedef {{getItem(key: string): string | null, setItem(key: string, value: string): void,
 *   removeItem(key: string): void}} KeyValueStorage */

/** localStorage, or null where it is refused (a sandboxed frame, storage off). */
function browserStorage() {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export class LayoutMemo {
  #storage;
  #browser;
  /** @type {Entry[] | null} read on first use */
  #entries = null;

  /** @param {KeyValueStorage | null} storage @param {string} browser what measured the glyphs */
  constructor(storage, browser) {
    this.#storage = storage;
    this.#browser = browser;
  }

  /** The key of a layout of `words` with `options`; null when it is not kept (a picture mask).
   *  @param {EngineWord[]} words @param {CloudOptions} options */
  key(words, options) {
    if (options.mask) return null;
    return JSON.stringify([this.#browser, options, words.map((w) => [w.text, w.weight])]);
  }

  /** @returns {Entry[]} */
  #read() {
    if (this.#entries) return this.#entries;
    this.#entries = [];
    try {
      const parsed = JSON.parse(this.#storage?.getItem(STORAGE_KEY) ?? '[]');
      if (Array.isArray(parsed)) this.#entries = parsed.filter(isEntry);
    } catch {
      // Damaged: as if empty (and overwritten by the next layout).
    }
    return this.#entries;
  }

  /** The layout kept under `key` for these `words`, if any. @param {string | null} key
   *  @param {EngineWord[]} words */
  get(key, words) {
    if (key === null) return null;
    const entry = this.#read().find((e) => e.key === key);
    // Every placed word must be one of these (a damaged entry is not drawn).
    if (!entry || !entry.layout.words.every((w) => Number.isInteger(w.index) && w.index < words.length)) return null;
    return entry.layout;
  }

  /** Keeps `layout` under `key`, the most recent first. Never throws (a full storage keeps fewer).
   *  @param {string | null} key @param {CloudLayout} layout */
  put(key, layout) {
    if (key === null) return;
    const entries = [{ key, layout }, ...this.#read().filter((e) => e.key !== key)].slice(0, MAX_LAYOUTS);
    this.#entries = entries;
    for (let n = entries.length; n > 0; n--) {
      const text = JSON.stringify(entries.slice(0, n));
      if (text.length > MAX_CHARS) continue;
      try {
        this.#storage?.setItem(STORAGE_KEY, text);
        return;
      } catch {
        // Full: try with fewer.
      }
    }
  }

  /** Forgets every layout (they hold the documents' words). */
  clear() {
    this.#entries = [];
    try {
      this.#storage?.removeItem(STORAGE_KEY);
    } catch {
      // Storage refused: nothing was kept.
    }
  }
}

/** @param {unknown} value @returns {value is Entry} */
function isEntry(value) {
  const e = /** @type {{key?: unknown, layout?: Partial<CloudLayout>} | null} */ (value);
  const layout = e?.layout;
  return (
    typeof e?.key === 'string' &&
    typeof layout === 'object' &&
    layout !== null &&
    Array.isArray(layout.words) &&
    Array.isArray(layout.unplaced) &&
    typeof layout.width === 'number' &&
    typeof layout.height === 'number'
  );
}

/** The page's layouts (the browser's name and version: another one measures glyphs otherwise). */
export const cloudLayouts = new LayoutMemo(browserStorage(), globalThis.navigator?.userAgent ?? '');
