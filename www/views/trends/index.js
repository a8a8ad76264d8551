// @ts-check
// 趋势 (Trends): the relative frequency (per 10,000 words) of one or several terms across the
// selected documents in date order (or name order), or binned by day, month, year or group;
// a click on a point lists the contexts of that term in that bin. Below, the dispersion plot
// (AntConc's Plot): where in each document a term occurs. Both export PNG, SVG and CSV. Terms
// are typed, or sent here from the keywords table (趋势). Drawn as SVG with its colours as
// attributes, so that an exported file looks the same.
import { csvBlob, downloadBlob, fileName, pngBlob, svgBlob } from '../../export.js';
import { PALETTE } from '../cloud/style.js';
import { el, formatNumber, isShown } from '../shared.js';
import { splitTerms } from './terms.js';
import { dispersionLayout, trendLayout } from './chart.js';
import { dispersionTable, trendTable } from './csv.js';
import './trends.css';

/** @typedef {import('../shared.js').ViewContext} ViewContext */
/** @typedef {import('../shared.js').ViewState} ViewState */
/** @typedef {import('../../types/Trends').Trends} Trends */
/** @typedef {import('../../types/Dispersion').Dispersion} Dispersion */

const SVG = 'http://www.w3.org/2000/svg';
// Room on the left for the first bin's label, which slants down to the left.
const MARGIN = { top: 16, right: 16, bottom: 64, left: 96 };
const ROW = 22;
const LABEL = 160;

/** @param {string} tag @param {Record<string, string | number>} attrs */
function svgEl(tag, attrs = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

export class TrendsView {
  /** @type {ViewState | null} */
  state = null;
  /** @type {string[]} */
  terms = [];
  /** @type {Trends | null} */
  trends = null;
  /** @type {Dispersion | null} */
  dispersion = null;
  #asked = '';
  #request = 0;

  /** @param {HTMLElement} container @param {ViewContext} ctx */
  constructor(container, ctx) {
    this.ctx = ctx;
    this.container = container;
    container.innerHTML = `
      <div class="trends-root">
        <form class="trends-terms">
          <input type="text" class="trends-input" />
          <button type="submit" class="trends-add"></button>
          <span class="trends-chips"></span>
        </form>
        <div class="trends-controls">
          <label><span class="trends-by-label"></span> <select class="trends-by">
            <option value="document"></option><option value="day"></option><option value="month"></option><option value="year"></option><option value="group"></option>
          </select></label>
          <select class="trends-order"><option value="date"></option><option value="name"></option></select>
          <span class="toolbar-end">
            <button type="button" data-export="trend-png">PNG</button><button type="button" data-export="trend-svg">SVG</button><button type="button" data-export="trend-csv">CSV</button>
          </span>
        </div>
        <p class="trends-summary" aria-live="polite"></p>
        <svg class="trends-chart" role="img"></svg>
        <section class="trends-kwic" hidden><h3></h3><ol></ol></section>
        <div class="trends-controls">
          <h3 class="trends-disp-title"></h3>
          <select class="trends-disp-term"></select>
          <span class="toolbar-end">
            <button type="button" data-export="disp-png">PNG</button><button type="button" data-export="disp-svg">SVG</button><button type="button" data-export="disp-csv">CSV</button>
          </span>
        </div>
        <svg class="trends-dispersion" role="img"></svg>
      </div>`;
    const q = (/** @type {string} */ s) => /** @type {HTMLElement} */ (container.querySelector(s));
    this.input = /** @type {HTMLInputElement} */ (q('.trends-input'));
    this.by = /** @type {HTMLSelectElement} */ (q('.trends-by'));
    this.order = /** @type {HTMLSelectElement} */ (q('.trends-order'));
    this.dispTerm = /** @type {HTMLSelectElement} */ (q('.trends-disp-term'));
    this.chart = /** @type {SVGSVGElement} */ (/** @type {unknown} */ (q('.trends-chart')));
    this.plot = /** @type {SVGSVGElement} */ (/** @type {unknown} */ (q('.trends-dispersion')));
    this.summary = q('.trends-summary');
    this.kwic = q('.trends-kwic');
    q('.trends-terms').addEventListener('submit', (event) => {
      event.preventDefault();
      this.addTerms(splitTerms(this.input.value));
      this.input.value = '';
    });
    q('.trends-chips').addEventListener('click', (event) => {
      const chip = /** @type {HTMLElement | null} */ (
        /** @type {Element} */ (event.target).closest('button[data-term]')
      );
      if (chip) this.#setTerms(this.terms.filter((term) => term !== chip.dataset.term));
    });
    for (const select of [this.by, this.order, this.dispTerm]) select.addEventListener('change', () => this.#refresh());
    container.addEventListener('click', (event) => {
      const button = /** @type {HTMLElement | null} */ (/** @type {Element} */ (event.target).closest('[data-export]'));
      if (button) this.#export(/** @type {string} */ (button.dataset.export)).catch((err) => ctx.notify(err, 'error'));
    });
    // A click on a point: the contexts of its term in its bin.
    this.chart.addEventListener('click', (event) => {
      const point = /** @type {SVGElement | null} */ (/** @type {Element} */ (event.target).closest('[data-bin]'));
      if (point) this.#contexts(Number(point.dataset.series), Number(point.dataset.bin));
    });
    this.chart.addEventListener('keydown', (event) => {
      const point = /** @type {SVGElement | null} */ (/** @type {Element} */ (event.target).closest('[data-bin]'));
      if (point && (event.key === 'Enter' || event.key === ' ')) {
        event.preventDefault();
        this.#contexts(Number(point.dataset.series), Number(point.dataset.bin));
      }
    });
  }

  /** Adds terms (typed, or from the keywords table) and shows them. @param {string[]} terms */
  addTerms(terms) {
    this.#setTerms([...this.terms, ...terms.filter((term) => !this.terms.includes(term))].slice(0, 50));
  }

  /** @param {string[]} terms */
  #setTerms(terms) {
    this.terms = terms;
    this.#refresh();
  }

  /** @param {import('../../shapes.js').Analysis} analysis @param {ViewState} state */
  update(analysis, state) {
    this.state = state;
    // Until a term is asked for, the most frequent word shows what the view does.
    if (this.terms.length === 0 && analysis.terms[0]) this.terms = [analysis.terms[0].term];
    this.#labels();
    if (isShown(this.container)) this.#refresh();
  }

  show() {
    this.#refresh();
  }

  #labels() {
    const { t } = this.ctx;
    const q = (/** @type {string} */ s) => /** @type {HTMLElement} */ (this.container.querySelector(s));
    this.input.placeholder = t('trends.placeholder');
    this.input.setAttribute('aria-label', t('trends.placeholder'));
    q('.trends-add').textContent = t('trends.add');
    q('.trends-by-label').textContent = t('trends.by');
    for (const option of this.by.options) option.textContent = t(`trends.by.${option.value}`);
    for (const option of this.order.options) option.textContent = t(`trends.order.${option.value}`);
    this.order.setAttribute('aria-label', t('trends.order'));
    q('.trends-disp-title').textContent = t('trends.dispersion');
    this.dispTerm.setAttribute('aria-label', t('trends.dispersionTerm'));
    this.chart.setAttribute('aria-label', t('trends.chartLabel'));
    this.plot.setAttribute('aria-label', t('trends.dispersion'));
    const chips = q('.trends-chips');
    chips.replaceChildren(
      ...this.terms.map((term, i) => {
        const chip = el('button', 'trends-chip', `${term} ×`);
        chip.type = 'button';
        chip.dataset.term = term;
        chip.title = t('trends.removeTerm', { term });
        chip.style.borderColor = PALETTE[i % PALETTE.length];
        return chip;
      }),
    );
    const current = this.dispTerm.value;
    this.dispTerm.replaceChildren(...this.terms.map((term) => new Option(term, term)));
    if (this.terms.includes(current)) this.dispTerm.value = current;
  }

  /** Asks for the trends and the dispersion again when what they depend on changed. */
  async #refresh() {
    const state = this.state;
    if (!state) return;
    this.#labels();
    const documents = state.documents.filter((d) => state.included.has(d.id)).map((d) => d.id);
    const options = { documents, by: this.by.value, order: this.order.value };
    const term = this.dispTerm.value;
    const key = JSON.stringify([
      options,
      this.terms,
      term,
      state.analysis?.tokens,
      state.settings.countOnce,
      state.documents,
    ]);
    if (key === this.#asked) return;
    this.#asked = key;
    this.order.hidden = this.by.value !== 'document';
    if (!this.terms.length) {
      this.summary.textContent = this.ctx.t('trends.noTerms');
      this.chart.replaceChildren();
      this.plot.replaceChildren();
      return;
    }
    const request = ++this.#request;
    try {
      const [trends, dispersion] = await Promise.all([
        this.ctx.request('trends', this.terms, options),
        this.ctx.request('dispersion', term || this.terms[0], { documents, order: this.order.value }),
      ]);
      if (request !== this.#request) return;
      this.trends = trends;
      this.dispersion = dispersion;
    } catch (err) {
      this.#asked = '';
      this.summary.textContent = this.ctx.errorText(err);
      return;
    }
    this.kwic.hidden = true;
    this.#drawTrends();
    this.#drawDispersion();
  }

  #drawTrends() {
    const trends = /** @type {Trends} */ (this.trends);
    const { t } = this.ctx;
    const width = Math.max(320, this.chart.parentElement?.clientWidth ?? 640);
    const height = 280;
    this.chart.setAttribute('viewBox', `0 0 ${width} ${height}`);
    this.chart.setAttribute('width', String(width));
    this.chart.setAttribute('height', String(height));
    this.summary.textContent = t('trends.summary', {
      bins: formatNumber(trends.bins.length),
      unbinned: formatNumber(trends.unbinned.length),
    });
    const layout = trendLayout(trends, { width, height, margin: MARGIN });
    const nodes = [];
    const bottom = height - MARGIN.bottom;
    for (const tick of layout.yTicks) {
      nodes.push(
        svgEl('line', { x1: MARGIN.left, x2: width - MARGIN.right, y1: tick.y, y2: tick.y, stroke: '#e3e7ec' }),
      );
      const label = svgEl('text', {
        x: MARGIN.left - 6,
        y: tick.y + 4,
        'text-anchor': 'end',
        'font-size': 11,
        fill: '#5f6b7a',
      });
      label.textContent = formatNumber(tick.value, tick.value % 1 ? 1 : 0);
      nodes.push(label);
    }
    trends.bins.forEach((bin, i) => {
      if (i % layout.labelEvery) return;
      const x = layout.x(i);
      const label = svgEl('text', {
        x,
        y: bottom + 14,
        'font-size': 11,
        fill: '#5f6b7a',
        'text-anchor': 'end',
        transform: `rotate(-30 ${x} ${bottom + 14})`,
      });
      label.textContent = bin.label.length > 9 ? `${bin.label.slice(0, 8)}…` : bin.label;
      const full = svgEl('title');
      full.textContent = bin.label;
      label.append(full);
      nodes.push(label);
    });
    layout.series.forEach((series, s) => {
      const color = PALETTE[s % PALETTE.length];
      const path = series.points.map((p, i) => `${i ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join('');
      nodes.push(svgEl('path', { d: path, fill: 'none', stroke: color, 'stroke-width': 2 }));
      for (const p of series.points) {
        const dot = svgEl('circle', {
          cx: p.x,
          cy: p.y,
          r: 4.5,
          fill: color,
          tabindex: 0,
          role: 'button',
          class: 'trend-point',
        });
        dot.dataset.series = String(s);
        dot.dataset.bin = String(p.bin);
        const title = svgEl('title');
        const bin = trends.bins[p.bin];
        title.textContent = t('trends.pointTitle', {
          term: series.term,
          bin: bin.label,
          value: formatNumber(p.value, 2),
          count: formatNumber(p.count),
        });
        dot.append(title);
        nodes.push(dot);
      }
    });
    this.chart.replaceChildren(...nodes);
  }

  #drawDispersion() {
    const dispersion = /** @type {Dispersion} */ (this.dispersion);
    const width = Math.max(320, this.plot.parentElement?.clientWidth ?? 640);
    const rows = dispersionLayout(dispersion, { width, rowHeight: ROW, labelWidth: LABEL });
    const height = Math.max(ROW, rows.length * ROW);
    this.plot.setAttribute('viewBox', `0 0 ${width} ${height}`);
    this.plot.setAttribute('width', String(width));
    this.plot.setAttribute('height', String(height));
    const nodes = [];
    for (const { doc, y, ticks } of rows) {
      const label = svgEl('text', { x: 0, y: y + 15, 'font-size': 11, fill: '#1f2933' });
      const name = doc.title || doc.name;
      label.textContent = `${name.length > 12 ? `${name.slice(0, 11)}…` : name} (${doc.offsets.length})`;
      const full = svgEl('title');
      full.textContent = `${name} · ${doc.name}`;
      label.append(full);
      nodes.push(label);
      nodes.push(
        svgEl('rect', {
          x: LABEL,
          y: y + 4,
          width: width - LABEL - 8,
          height: ROW - 8,
          fill: 'none',
          stroke: '#d9dee5',
        }),
      );
      for (const x of ticks)
        nodes.push(svgEl('line', { x1: x, x2: x, y1: y + 4, y2: y + ROW - 4, stroke: '#b3261e', 'stroke-width': 1 }));
    }
    this.plot.replaceChildren(...nodes);
  }

  /** The contexts of series `s`'s term in bin `b`. */
  async #contexts(/** @type {number} */ s, /** @type {number} */ b) {
    const trends = this.trends;
    if (!trends) return;
    const term = trends.series[s].term;
    const bin = trends.bins[b];
    const { t } = this.ctx;
    const kwic = await this.ctx.request('kwic', term, { documents: bin.documents, width: 20, limit: 200 });
    /** @type {HTMLElement} */ (this.kwic.querySelector('h3')).textContent = t('trends.contexts', {
      term,
      bin: bin.label,
      n: formatNumber(kwic.total),
    });
    const list = /** @type {HTMLElement} */ (this.kwic.querySelector('ol'));
    list.replaceChildren(
      ...kwic.lines.map((/** @type {import('../../types/KwicLine').KwicLine} */ line) => {
        const li = el('li', 'trends-line');
        li.append(el('span', 'left', line.left), el('mark', 'kw', line.keyword), el('span', 'right', line.right));
        li.title = line.docName;
        return li;
      }),
    );
    this.kwic.hidden = false;
    this.kwic.scrollIntoView({ block: 'nearest' });
  }

  /** @param {string} what */
  async #export(what) {
    const [chart, kind] = what.split('-');
    const svg = chart === 'trend' ? this.chart : this.plot;
    const base = chart === 'trend' ? 'trends' : 'dispersion';
    if (kind === 'png') return downloadBlob(fileName(base, 'png'), await pngBlob(svg));
    if (kind === 'svg') return downloadBlob(fileName(base, 'svg'), svgBlob(svg));
    const table =
      chart === 'trend' && this.trends
        ? trendTable(this.trends, this.ctx.t)
        : this.dispersion && dispersionTable(this.dispersion, this.ctx.t);
    if (table) downloadBlob(fileName(base, 'csv'), csvBlob(table.header, table.rows));
  }
}
