// @ts-check
// The numbers under the cloud: every word asked for, its rank, frequency and weight, and whether
// it is in the cloud (a word that did not fit says so here too).
import { numberFormat } from '../../i18n.js';
import { h } from '../shared.js';

/** @typedef {import('./style.js').CloudWord} CloudWord */

export class CloudNumbers {
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
  }

  label() {
    this.summary.textContent = this.ctx.t('cloud.numbers');
  }

  /** @param {number} value @param {string} field */
  formatWeight(value, field) {
    if (field === 'freq') return numberFormat().format(value);
    return new Intl.NumberFormat(this.ctx.lang() === 'en' ? 'en-US' : 'zh-CN', {
      maximumSignificantDigits: 4,
    }).format(value);
  }

  /** @param {CloudWord[]} words @param {string} field @param {Set<string>} unplaced */
  fill(words, field, unplaced) {
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
          h('td', { class: 'num' }, numberFormat().format(w.count)),
          ...(field === 'freq' ? [] : [h('td', { class: 'num' }, this.formatWeight(w.weight, field))]),
          h('td', {}, unplaced.has(w.text) ? t('cloud.no') : t('cloud.yes')),
        ),
      ),
    );
  }
}
