// @ts-check
// The numbers under the cloud: every word asked for, its rank, frequency and weight, and whether
// it is in the cloud (a word that did not fit says so here too). The rows are made when the
// table is open: closed, it keeps only what to show (a cloud's 100 words are ~500 elements the
// page's thread would make and style at every cloud drawn, start-up's included).
import { numberFormat } from '../../i18n.js';
import { h } from '../shared.js';

/** @typedef {import('./style.js').CloudWord} CloudWord */

export class CloudNumbers {
  /** @type {string | null} what the rows show */
  #filled = null;
  /** @type {[CloudWord[], string, Set<string>] | null} the rows to make once the table opens */
  #waiting = null;

  /** @param {import('../shared.js').ViewContext} ctx */
  constructor(ctx) {
    this.ctx = ctx;
    this.summary = h('summary');
    this.head = h('thead');
    this.body = h('tbody');
    this.element = h(
      'details',
      { class: 'cloud-numbers' },
      this.summary,
      h('div', { class: 'cloud-table-scroll' }, h('table', { class: 'data' }, this.head, this.body)),
    );
    this.element.addEventListener('toggle', () => {
      if (!this.element.open || !this.#waiting) return;
      const [words, field, unplaced] = this.#waiting;
      this.fill(words, field, unplaced);
    });
  }

  label() {
    this.summary.textContent = this.ctx.t('cloud.numbers');
  }

  /** @type {{lang: string, counts: Intl.NumberFormat, weights: Intl.NumberFormat} | null} */
  #formats = null;

  /** The formatters of the current language, made once (making one is not free). */
  #format() {
    const lang = this.ctx.lang();
    if (this.#formats?.lang !== lang) {
      this.#formats = {
        lang,
        counts: numberFormat(),
        weights: new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'zh-CN', { maximumSignificantDigits: 4 }),
      };
    }
    return this.#formats;
  }

  /** @param {number} value @param {string} field */
  formatWeight(value, field) {
    const formats = this.#format();
    return (field === 'freq' ? formats.counts : formats.weights).format(value);
  }

  /** @param {CloudWord[]} words @param {string} field @param {Set<string>} unplaced */
  fill(words, field, unplaced) {
    if (!this.element.open) {
      this.#waiting = [words, field, unplaced];
      return;
    }
    this.#waiting = null;
    // The same rows as last time (another look, the same words): nothing to do.
    const key = JSON.stringify([this.ctx.lang(), field, words.map((w) => [w.text, w.weight]), [...unplaced]]);
    if (key === this.#filled) return;
    this.#filled = key;
    const t = this.ctx.t;
    const th = (/** @type {string} */ text, /** @type {string} */ cls = '') =>
      h('th', { scope: 'col', ...(cls ? { class: cls } : {}) }, text);
    this.head.replaceChildren(
      h(
        'tr',
        {},
        th(t('cloud.rank'), 'num'),
        th(t('cloud.term')),
        th(t('cloud.freq'), 'num'),
        // By frequency the weight is the frequency: one column is enough.
        ...(field === 'freq' ? [] : [th(t(`cloud.weight.${field}`), 'num')]),
        th(t('cloud.inCloud')),
      ),
    );
    this.body.replaceChildren(
      ...words.map((w, i) =>
        h(
          'tr',
          unplaced.has(w.text) ? { class: 'cloud-dropped' } : {},
          h('td', { class: 'num' }, String(i + 1)),
          h('td', { class: 'term' }, w.text),
          h('td', { class: 'num' }, this.#format().counts.format(w.count)),
          ...(field === 'freq' ? [] : [h('td', { class: 'num' }, this.formatWeight(w.weight, field))]),
          h('td', {}, unplaced.has(w.text) ? t('cloud.no') : t('cloud.yes')),
        ),
      ),
    );
  }
}
