// @ts-check
// The word cloud (词云): the top terms of the analysis, sized by the keyword weight a person
// picks, with a table of the numbers and PNG/SVG exports. Which words: words.js; where they
// go: layout.js (the layout runner); drawing them: render.js.
import { downloadBlob, fileName, pngBlob, svgBlob } from '../../export.js';
import { numberFormat, onLangChange } from '../../i18n.js';
import { h } from '../shared.js';
import './cloud.css';
import { cloudBox, observeWidth, renderCloud } from './render.js';
import { cloudHeight } from './style.js';
import { topWords, weightField, WEIGHTS } from './words.js';

/** @typedef {import('../shared.js').ViewContext} ViewContext */
/** @typedef {import('../shared.js').ViewState} ViewState */
/** @typedef {import('./style.js').CloudWord} CloudWord */

const COUNTS = [50, 100, 150];

export class CloudView {
  /** @type {ViewContext} */
  #ctx;
  /** @type {{terms?: any[]} | null} */
  #analysis = null;
  /** @type {ViewState | null} */
  #state = null;
  #count = 100;
  /** @type {string | null} what was drawn last (weight, size, words) */
  #renderedKey = null;
  #dirty = false;
  /** @type {import('./layout.js').CloudLayout | null} */
  #layout = null;
  #resize;
  #lastWidth = 0;

  /** @param {HTMLElement} container @param {ViewContext} ctx */
  constructor(container, ctx) {
    this.container = container;
    this.#ctx = ctx;
    container.classList.add('cloud-view');

    this.weightLabel = h('span');
    this.weightSelect = h('select', { name: 'weight' });
    for (const w of WEIGHTS) this.weightSelect.append(h('option', { value: w }));
    this.weightSelect.addEventListener('change', () => {
      ctx.setSettings({ keywordWeight: this.weightSelect.value });
    });

    this.countLabel = h('span');
    this.countSelect = h('select', { name: 'count' });
    for (const n of COUNTS) this.countSelect.append(h('option', { value: String(n) }, String(n)));
    this.countSelect.value = String(this.#count);
    this.countSelect.addEventListener('change', () => {
      this.#count = Number(this.countSelect.value);
      this.#render();
    });

    this.pngButton = h('button', { type: 'button', dataset: { action: 'export-png' } });
    this.svgButton = h('button', { type: 'button', dataset: { action: 'export-svg' } });
    this.pngButton.addEventListener('click', () => this.#export('png'));
    this.svgButton.addEventListener('click', () => this.#export('svg'));

    const toolbar = h(
      'div',
      { class: 'cloud-toolbar' },
      h('label', {}, this.weightLabel, this.weightSelect),
      h('label', {}, this.countLabel, this.countSelect),
      h('span', { class: 'cloud-spacer' }),
      this.pngButton,
      this.svgButton,
    );

    this.note = h('p', { class: 'cloud-note', hidden: true });
    const { box, svg } = cloudBox();
    this.box = box;
    this.svg = svg;

    this.numbersSummary = h('summary');
    this.numbersHead = h('thead');
    this.numbersBody = h('tbody');
    this.numbers = h(
      'details',
      { class: 'cloud-numbers' },
      this.numbersSummary,
      h('div', { class: 'cloud-table-scroll' }, h('table', { class: 'data' }, this.numbersHead, this.numbersBody)),
    );

    container.append(toolbar, this.note, this.box, this.numbers);
    this.#resize = observeWidth(this.box, () => this.#render());
    this.#label();
    onLangChange(() => {
      this.#label();
      this.#renderedKey = null; // tooltips and the table are in the old language
      this.#render();
    });
  }

  /** @param {{terms?: any[]}} analysis @param {ViewState} state */
  update(analysis, state) {
    this.#analysis = analysis;
    this.#state = state;
    const weight = state?.settings?.keywordWeight;
    if (WEIGHTS.includes(weight)) this.weightSelect.value = weight;
    this.#render();
  }

  show() {
    if (this.#dirty || this.box.clientWidth !== this.#lastWidth) this.#render();
  }

  // The section, not the box: the box itself is hidden while there are no words.
  get #visible() {
    return this.container.clientWidth > 0;
  }

  #weightField() {
    return weightField(this.#state?.settings?.keywordWeight);
  }

  #label() {
    const t = this.#ctx.t;
    this.weightLabel.textContent = t('cloud.weight');
    for (const option of this.weightSelect.options) option.textContent = t(`cloud.weight.${option.value}`);
    this.countLabel.textContent = t('cloud.count');
    this.pngButton.textContent = t('cloud.exportPng');
    this.svgButton.textContent = t('cloud.exportSvg');
    this.svg.setAttribute('aria-label', t('cloud.aria'));
    this.numbersSummary.textContent = t('cloud.numbers');
  }

  /** @param {number} value @param {string} field */
  #formatWeight(value, field) {
    if (field === 'freq') return numberFormat().format(value);
    return new Intl.NumberFormat(this.#ctx.lang() === 'en' ? 'en-US' : 'zh-CN', {
      maximumSignificantDigits: 4,
    }).format(value);
  }

  #render() {
    // Hidden: remember to draw when shown (update() must stay cheap then).
    if (!this.#visible) {
      this.#dirty = true;
      return;
    }
    this.#dirty = false;
    const t = this.#ctx.t;
    const field = this.#weightField();
    const words = topWords(this.#analysis?.terms ?? [], field, this.#count);
    this.box.hidden = words.length === 0;
    const width = this.box.clientWidth;
    const height = cloudHeight(width);
    const key = `${field}|${width}x${height}|${words.map((w) => `${w.text}:${w.weight}`).join(',')}`;
    if (key === this.#renderedKey) return;
    this.#renderedKey = key;
    this.#lastWidth = width;
    this.#resize.rendered(width);

    const empty = words.length === 0;
    this.pngButton.disabled = empty;
    this.svgButton.disabled = empty;
    if (empty) {
      this.svg.replaceChildren();
      this.#layout = null;
      this.note.textContent = t('cloud.empty');
      this.note.hidden = false;
      this.#fillTable(words, field, new Set());
      return;
    }

    const weightName = t(`cloud.weight.${field}`);
    this.#layout = renderCloud(this.svg, words, {
      width,
      height,
      onWordClick: (word) => this.#ctx.showContexts(word.text),
      label: (w) =>
        field === 'freq'
          ? t('cloud.tipFreq', { count: numberFormat().format(w.count) })
          : `${t('cloud.tipFreq', { count: numberFormat().format(w.count) })} · ${weightName} ${this.#formatWeight(w.weight, field)}`,
    });
    const dropped = new Set(this.#layout.dropped.map((w) => w.text));
    this.note.hidden = dropped.size === 0;
    this.note.textContent = dropped.size ? t('cloud.dropped', { dropped: dropped.size }) : '';
    this.#fillTable(words, field, dropped);
  }

  /** @param {CloudWord[]} words @param {string} field @param {Set<string>} dropped */
  #fillTable(words, field, dropped) {
    const t = this.#ctx.t;
    const th = (/** @type {string} */ text, /** @type {string} */ cls = '') =>
      h('th', { scope: 'col', ...(cls ? { class: cls } : {}) }, text);
    this.numbersHead.replaceChildren(
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
    this.numbersBody.replaceChildren(
      ...words.map((w, i) =>
        h(
          'tr',
          dropped.has(w.text) ? { class: 'cloud-dropped' } : {},
          h('td', { class: 'num' }, String(i + 1)),
          h('td', { class: 'term' }, w.text),
          h('td', { class: 'num' }, numberFormat().format(w.count)),
          ...(field === 'freq' ? [] : [h('td', { class: 'num' }, this.#formatWeight(w.weight, field))]),
          h('td', {}, dropped.has(w.text) ? t('cloud.no') : t('cloud.yes')),
        ),
      ),
    );
  }

  /** @param {'png' | 'svg'} kind */
  async #export(kind) {
    if (!this.#layout) return;
    try {
      const field = this.#weightField();
      const name = fileName(`wordcloud-${field}`, kind);
      downloadBlob(name, kind === 'png' ? await pngBlob(this.svg, 2) : svgBlob(this.svg));
    } catch (/** @type {any} */ err) {
      this.#ctx.notify(this.#ctx.t('cloud.exportFailed', { message: this.#ctx.errorText(err) }), 'error');
    }
  }
}
