// @ts-check
// Compare (对比): what sets one set of documents apart from the other included documents, or from
// another set — a document, a group, a year, a date range, what the document panel's search and
// filters show — by keyness: log-likelihood (G²) with the log ratio as effect size, as a table
// and as a cloud, and the words the target uses markedly less. The choice is kept in the
// settings (settings.compare), where the cloud's colour by keyness finds it too.
import { isStale } from '../analyzer.js';
import { csvBlob, downloadBlob, fileName } from '../export.js';
import { CompareChoice } from './compare-choice.js';
import { shortName } from './compare-sets.js';
import { numberFormat, onLangChange } from '../i18n.js';
import { cloudBox, observeWidth, renderCloud } from './cloud/render.js';
import { cloudHeight } from './cloud/style.js';
import './compare.css';
import { CRITICAL_LLR } from './cloud/colour.js';
import { localeOf, significance } from './format.js';
import { h } from './shared.js';

/** @typedef {import('./shared.js').ViewContext} ViewContext */
/** @typedef {import('./shared.js').ViewState} ViewState */
/** @typedef {import('./results').Keyness} Keyness */
/** @typedef {ViewState['documents'][number]} DocumentInfo */

const CLOUD_WORDS = 80; // the cloud shows the strongest; the table lists all of them
const LIMIT = 100;
const UNDER = 20; // the most under-used words, listed below

export class CompareView {
  /** @type {ViewContext} */
  #ctx;
  /** @type {ViewState | null} */
  #state = null;
  /** @type {Keyness | null} the last Keyness, for the document it was asked for */
  #result = null;
  /** @type {any} */
  #error = null;
  #empty = false; // the target or the reference holds no included document
  #generation = 0;
  #dirty = true;
  /** @type {string | null} */
  #renderedKey = null;
  #resize;
  /** @type {{title: string, against: string | null}} the sets' names in the cloud's tooltips */
  #tipNames = { title: '', against: null };
  /** @type {HTMLTableCellElement[]} the under-used table's frequency headings */
  #underHeads = [];
  /** the frequency columns' headings (#label makes them, the render names the sets) */
  targetHead = document.createElement('th');
  referenceHead = document.createElement('th');

  /** @param {HTMLElement} container @param {ViewContext} ctx */
  constructor(container, ctx) {
    this.container = container;
    this.#ctx = ctx;
    container.classList.add('compare-view');

    this.choice = new CompareChoice(
      container.ownerDocument,
      ctx.t,
      (change) => {
        if (!this.#state) return;
        if (change !== 'shown') ctx.setSettings({ compare: this.choice.choice });
        // A new date range or panel filter asks again only where it is compared.
        const inUse =
          change === 'target' || change === 'reference' || [this.choice.target, this.choice.reference].includes(change);
        if (!inUse) return;
        if (this.#visible) this.#fetch();
        else this.#dirty = true;
      },
      ctx.documentKey,
    );
    this.csvButton = h('button', { type: 'button', dataset: { action: 'export-csv' } });
    this.csvButton.addEventListener('click', () => this.#exportCsv());

    this.message = h('p', { class: 'compare-message', hidden: true });
    this.staleNote = h('p', { class: 'compare-stale', role: 'status', hidden: true });
    this.heading = h('h3', { class: 'compare-heading' });
    this.summary = h('p', { class: 'compare-summary' });
    const cloud = cloudBox('compare-cloud');
    this.svg = cloud.svg;
    this.cloudBox = cloud.box;
    this.tableHead = h('thead');
    this.tableBody = h('tbody');
    this.table = h('table', { class: 'data compare-table compare-over' }, this.tableHead, this.tableBody);
    this.underHeading = h('h4', { class: 'compare-under-heading' });
    this.underHead = h('thead');
    this.underBody = h('tbody');
    this.underTable = h('table', { class: 'data compare-table compare-under' }, this.underHead, this.underBody);
    this.body = h(
      'div',
      { class: 'compare-body', hidden: true },
      this.heading,
      this.summary,
      h(
        'div',
        { class: 'compare-grid' },
        this.cloudBox,
        h('div', { class: 'compare-table-scroll' }, this.table, this.underHeading, this.underTable),
      ),
    );

    container.append(
      h(
        'div',
        { class: 'compare-toolbar' },
        ...this.choice.elements,
        h('span', { class: 'compare-spacer' }),
        this.csvButton,
      ),
      this.staleNote,
      this.message,
      this.body,
    );

    this.#resize = observeWidth(this.cloudBox, () => this.#drawCloud());
    this.#label();
    onLangChange(() => {
      this.#label();
      this.choice.relabel();
      this.#renderedKey = null;
      this.#render();
    });
  }

  /** @param {unknown} analysis @param {ViewState} state */
  update(analysis, state) {
    this.#state = state;
    // Every analysis may follow new documents, user words, stop words or filters: the choices
    // are listed and the keyness asked again when seen (listing the sets of 5,000 documents on
    // every analysis, unseen, took a tenth of a second of the page's thread).
    this.#dirty = true;
    if (this.#visible) this.#refresh();
  }

  show() {
    if (this.#dirty) this.#refresh();
    else this.#drawCloud();
  }

  #refresh() {
    if (this.#state) this.choice.update(this.#state.documents, this.#included(), this.#state.settings?.compare);
    this.#fetch();
  }

  get #visible() {
    return this.container.getClientRects().length > 0 && !this.container.hidden;
  }

  #included() {
    const included = this.#state?.included ?? new Set();
    return (this.#state?.documents ?? []).filter((d) => included.has(d.id));
  }

  #label() {
    const t = this.#ctx.t;
    this.csvButton.textContent = t('compare.exportCsv');
    this.svg.setAttribute('aria-label', t('compare.cloudAria'));
    const th = (text, cls) => h('th', { scope: 'col', ...(cls ? { class: cls } : {}) }, text);
    const heads = () => {
      const [target, reference] = [th(t('compare.freqOf', { name: '' }), 'num'), th(t('compare.referenceFreq'), 'num')];
      const row = h(
        'tr',
        {},
        th('#', 'num'),
        th(t('compare.term')),
        target,
        reference,
        th(t('compare.llr'), 'num'),
        th(t('compare.logRatio'), 'num'),
        th(t('compare.significance')),
      );
      return { row, target, reference };
    };
    const over = heads();
    const under = heads();
    this.tableHead.replaceChildren(over.row);
    this.underHead.replaceChildren(under.row);
    this.targetHead = over.target;
    this.referenceHead = over.reference;
    this.#underHeads = [under.target, under.reference];
  }

  async #fetch() {
    this.#dirty = false;
    const included = this.#included();
    const generation = ++this.#generation;
    if (included.length < 2 || this.choice.target == null) {
      this.#result = null;
      this.#error = null;
      this.container.removeAttribute('aria-busy'); // what was on its way is dropped
      this.#render();
      return;
    }
    const target = this.choice.find(this.choice.target)?.ids ?? [];
    const reference = this.choice.reference === null ? null : (this.choice.find(this.choice.reference)?.ids ?? null);
    if (target.length === 0 || reference?.length === 0) {
      // A date range or a filter that holds no included document: nothing to ask.
      this.#result = null;
      this.#error = null;
      this.#empty = true;
      this.container.removeAttribute('aria-busy');
      this.#render();
      return;
    }
    this.#empty = false;
    const settings = this.#state?.settings;
    // Keep the previous result on screen while the next one is computed; say so only at first.
    if (!this.#result) this.#showMessage(this.#ctx.t('compare.loading'));
    this.container.setAttribute('aria-busy', 'true');
    try {
      const result = await this.#ctx.request('keyness', target, {
        documents: included.map((d) => d.id),
        reference,
        filter: settings?.filter,
        limit: LIMIT,
        under: UNDER,
      });
      await this.#ctx.displayTerms(result.terms.map((/** @type {{term: string}} */ x) => x.term)); // 简体 / 繁體
      if (generation !== this.#generation) return; // a newer request is on its way
      this.#result = result;
      this.#error = null;
    } catch (err) {
      // Stale: asked while the start-up snapshot was on screen, of another workspace; the live
      // analysis's update() asks again.
      if (generation !== this.#generation || isStale(err)) return;
      this.#result = null;
      this.#error = err;
    }
    this.container.removeAttribute('aria-busy');
    this.#renderedKey = null;
    this.#render();
  }

  /** @param {string} text */
  #showMessage(text) {
    this.message.textContent = text;
    this.message.hidden = false;
  }

  /** The over-used terms of the last result (llr > 0), strongest first. */
  #keyTerms() {
    return (this.#result?.terms ?? []).filter((term) => term.llr > 0);
  }

  /** The words the target uses significantly less (G² ≤ −3.84), the most under-used first. */
  #underTerms() {
    return (this.#result?.terms ?? []).filter((term) => term.llr <= -CRITICAL_LLR);
  }

  #render() {
    const t = this.#ctx.t;
    const included = this.#included();
    this.staleNote.textContent = t('compare.staleChoice');
    this.staleNote.hidden = !this.choice.stale || included.length < 2;
    this.csvButton.disabled = !this.#result;
    if (included.length < 2) {
      this.#showMessage(t('compare.needTwo'));
      this.body.hidden = true;
      return;
    }
    if (this.#empty) {
      this.#showMessage(t('compare.emptySet'));
      this.body.hidden = true;
      return;
    }
    if (this.#error) {
      this.#showMessage(t('compare.failed', { message: this.#ctx.errorText(this.#error) }));
      this.body.hidden = true;
      return;
    }
    const result = this.#result;
    if (!result) return;
    this.message.hidden = true;
    this.body.hidden = false;

    const nf = numberFormat();
    const target = this.choice.find(this.choice.target);
    const against = this.choice.find(this.choice.reference);
    const inTarget = new Set(result.target); // a set may hold thousands
    const others = included.filter((d) => !inTarget.has(d.id)).length;
    const counts = {
      title: target?.label ?? '',
      target: nf.format(result.targetTokens),
      reference: nf.format(result.referenceTokens),
    };
    this.heading.textContent = t('compare.heading', { title: counts.title });
    // The frequency columns name the two sets, so a table copied or read alone still says
    // what was compared with what.
    this.targetHead.textContent = t('compare.freqOf', { name: shortName(counts.title) });
    this.referenceHead.textContent = against
      ? t('compare.freqOf', { name: shortName(against.label) })
      : t('compare.referenceFreq');
    this.#underHeads[0].textContent = this.targetHead.textContent;
    this.#underHeads[1].textContent = this.referenceHead.textContent;
    this.#tipNames = { title: shortName(counts.title), against: against ? shortName(against.label) : null };
    this.summary.textContent = against
      ? t('compare.summaryAgainst', { ...counts, against: against.label })
      : t('compare.summary', { ...counts, others });

    const terms = this.#keyTerms();
    const fixed = (/** @type {number} */ digits) =>
      new Intl.NumberFormat(localeOf(this.#ctx.lang()), {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
    const f1 = fixed(1);
    const f2 = fixed(2);
    const row = (/** @type {Keyness['terms'][number]} */ term, /** @type {number} */ i) =>
      h(
        'tr',
        {},
        h('td', { class: 'num rank' }, String(i + 1)),
        h('td', { class: 'term' }, this.#ctx.displayTerm(term.term)),
        h('td', { class: 'num' }, nf.format(term.targetFreq)),
        h('td', { class: 'num' }, nf.format(term.referenceFreq)),
        h('td', { class: 'num' }, f1.format(term.llr)),
        h('td', { class: 'num' }, f2.format(term.logRatio)),
        h('td', { class: 'stars' }, significance(Math.abs(term.llr))),
      );
    this.tableBody.replaceChildren(
      ...(terms.length ? terms.map(row) : [h('tr', {}, h('td', { colspan: '7' }, t('compare.none')))]),
    );
    const under = this.#underTerms();
    this.underHeading.textContent = t('compare.underHeading', { title: counts.title });
    this.underHeading.hidden = this.underTable.hidden = under.length === 0;
    this.underBody.replaceChildren(...under.map(row));
    this.#drawCloud();
  }

  #drawCloud() {
    const result = this.#result;
    if (!result || this.body.hidden) return;
    const terms = this.#keyTerms().slice(0, CLOUD_WORDS);
    this.cloudBox.hidden = terms.length === 0;
    if (!terms.length) {
      this.#renderedKey = null;
      return;
    }
    const width = this.cloudBox.clientWidth;
    if (width === 0) {
      this.#dirty = true; // hidden: draw when shown
      return;
    }
    const height = Math.min(cloudHeight(width), 420);
    const key = `${result.target.join()}|${width}x${height}|${terms.map((x) => `${x.term}:${x.llr}`).join(',')}`;
    if (key === this.#renderedKey) return;
    this.#renderedKey = key;
    this.#resize.rendered(width);
    const t = this.#ctx.t;
    const nf = numberFormat();
    renderCloud(
      this.svg,
      terms.map((x) => ({
        text: this.#ctx.displayTerm(x.term),
        weight: x.llr,
        count: x.targetFreq,
        reference: x.referenceFreq,
      })),
      {
        width,
        height,
        onWordClick: (word) => this.#ctx.showContexts(word.text),
        label: (w) => {
          const numbers = { target: nf.format(w.count), reference: nf.format(w.reference), llr: w.weight.toFixed(1) };
          const { title, against } = this.#tipNames;
          return against
            ? t('compare.tipAgainst', { ...numbers, title, against })
            : t('compare.tip', { ...numbers, title });
        },
      },
    );
  }

  #exportCsv() {
    const result = this.#result;
    if (!result) return;
    const label = this.choice.find(this.choice.target)?.label;
    const rows = result.terms.map((x) => [
      this.#ctx.displayTerm(x.term),
      x.targetFreq,
      x.referenceFreq,
      Number(x.llr.toFixed(4)),
      Number(x.logRatio.toFixed(4)),
    ]);
    const title = label ? [...label].slice(0, 24).join('') : 'document';
    downloadBlob(
      fileName(`keyness-${title}`, 'csv'),
      csvBlob(['term', 'target_freq', 'reference_freq', 'llr', 'log_ratio'], rows),
    );
  }
}
