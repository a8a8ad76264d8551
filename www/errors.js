// @ts-check
// Errors (and the page's other bilingual messages) rendered from their code: the template
// `error.<code>` of www/locales/, in each language, with the error's params filled in. The core's
// errors carry `code` and `params` (docs/API.md); so do the ones the page and the worker make
// (www/protocol.js). An error without a code (a browser's own, say) shows its `message`.
//
// The page shows an error in both languages, "中文 / English", the current language marked as
// the one to read (views/documents.js); `errorText()` gives one language, for a line in a view.
import { listFormat, translate } from './i18n.js';

/** @typedef {import('./i18n.js').Lang} Lang */
/** @typedef {{zh: string, en: string}} Bilingual */
/** @typedef {Error & {code?: unknown, params?: unknown}} MaybeCoded */
/**
 * What a bilingual message's variable may be: a value, an error (rendered in the message's
 * language), a message of its own ({key, params}), or a list of these (joined as the language
 * joins lists).
 * @typedef {string | number | MaybeCoded | Message | Array<string | number | Message>} Param
 * @typedef {{key: string, params?: Record<string, Param>}} Message
 */

/** The code of `err`, if it has one. */
export function codeOf(/** @type {unknown} */ err) {
  const code = /** @type {{code?: unknown}} */ (err)?.code;
  return typeof code === 'string' && code !== '' ? code : null;
}

/** The text of `err` in `lang`: its code's template, or its message. */
export function errorText(/** @type {unknown} */ err, /** @type {Lang} */ lang) {
  const code = codeOf(err);
  if (code == null) return messageOf(err);
  const params = /** @type {{params?: unknown}} */ (err).params;
  return render({ key: `error.${code}`, params: plainParams(params) }, lang);
}

/** `err` in both languages; null for an error without a code (it has only its message). */
export function errorBilingual(/** @type {unknown} */ err) {
  if (codeOf(err) == null) return null;
  return { zh: errorText(err, 'zh'), en: errorText(err, 'en') };
}

/** Message `key` in both languages, its params rendered in each. */
export function bilingual(/** @type {string} */ key, /** @type {Record<string, Param>} */ params = {}) {
  /** @type {Bilingual} */
  const both = { zh: render({ key, params }, 'zh'), en: render({ key, params }, 'en') };
  return both;
}

/** The one-line form of a bilingual message, as the status line shows it: "中文 / English". */
export const joined = (/** @type {Bilingual} */ { zh, en }) => `${zh} / ${en}`;

/** What a person reads for `err` on one line: both languages if it has a code, else its message. */
export function describeError(/** @type {unknown} */ err) {
  const both = errorBilingual(err);
  return both ? joined(both) : messageOf(err);
}

/**
 * A message in `lang`. A `kind` param of an error template names a file kind (`fileKind.<kind>`),
 * which is translated too.
 * @param {Message} message
 * @param {Lang} lang
 * @returns {string}
 */
export function render({ key, params = {} }, lang) {
  /** @type {Record<string, string | number>} */
  const vars = {};
  for (const [name, value] of Object.entries(params)) {
    vars[name] =
      name === 'kind' && key === 'error.not_text' && typeof value === 'string'
        ? translate(lang, `fileKind.${value}`)
        : paramText(value, lang);
  }
  return translate(lang, key, vars);
}

/** @param {Param} value @param {Lang} lang @returns {string | number} */
function paramText(value, lang) {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (Array.isArray(value))
    return listFormat(
      lang,
      value.map((item) => String(paramText(item, lang))),
    );
  if (value instanceof Error) return errorText(value, lang);
  if (value && typeof value === 'object' && typeof value.key === 'string') return render(value, lang);
  return String(value);
}

/** Params as they crossed from the worker: a plain object of strings and numbers. */
function plainParams(/** @type {unknown} */ params) {
  /** @type {Record<string, string | number>} */
  const out = {};
  if (!params || typeof params !== 'object') return out;
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'string' || typeof value === 'number') out[name] = value;
    else if (value != null) out[name] = String(value);
  }
  return out;
}

function messageOf(/** @type {unknown} */ err) {
  const message = /** @type {{message?: unknown}} */ (err)?.message;
  return typeof message === 'string' ? message : String(err);
}
