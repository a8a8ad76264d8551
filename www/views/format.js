// @ts-check
// Numbers as the views show them, in the interface's language. Pure: the language is an argument.

/** The Intl locale of an interface language. @param {string} lang 'zh' or 'en' */
export const localeOf = (lang) => (lang === 'en' ? 'en-US' : 'zh-CN');

/**
 * `value` with `digits` fixed decimals (0 = integer) and the language's grouping; '–' for
 * anything that is not a finite number.
 * @param {unknown} value
 * @param {number} [digits]
 * @param {string} [lang]
 */
export function formatNumber(value, digits = 0, lang = 'zh') {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '–';
  return new Intl.NumberFormat(localeOf(lang), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/**
 * Stars for G² with one degree of freedom: p < 0.05, 0.01, 0.001.
 * @param {number} llr
 */
export const significance = (llr) => (llr >= 10.83 ? '***' : llr >= 6.63 ? '**' : llr >= 3.84 ? '*' : '');
