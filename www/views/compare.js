// @ts-check
// Compare (对比): what sets one document apart from the other included documents — keyness
// by log-likelihood (G²) with the log ratio as effect size, as a table and as a cloud.
import { isStale } from '../analyzer.js';
import { csvBlob, downloadBlob, fileName } from '../export.js';
import { compareSets, findSet } from './compare-sets.js';
import { numberFormat, onLangChange } from '../i18n.js';
import { cloudBox, observeWidth, renderCloud } from './cloud/render.js';
import { cloudHeight } from './cloud/style.js';
import './compare.css';
import { CHOICE_LIMIT, chooseAmong, listKey } from './doc-choice.js';
import { localeOf, significance } from './format.js';
import { formatNumber, h } from './shared.js';

/** @typedef {import('./shared.js').ViewContext} ViewContext */
/** @typedef {import('./shared.js').ViewState} ViewState */
/** @typedef {import('./results').Keyness} Keyness */
/** @typedef {ViewState['documents'][number]} DocumentInfo */

const CLOUD_WORDS = 80; // the cloud shows the strongest; the table lists all of them
const LIMIT = 100;

export class CompareView {
  /** @type {ViewContext} */
  #ctx;
  /** @type {ViewState | null} */
  #state = null;
  /** The key of the set compared (a document's id, "group:…", "year:…"), kept while it is there. @type {string | null} */
  #target = null;
  /** What it is compared with: null for the rest, else a set's key. @type {string | null} */
  #reference = null;
  /** @type {import('./compare-sets.js').CompareSet[]} */
  #sets = [];
  /** @type {Keyness | null} the last Keyness, for the document it was asked for */
  #result = null;
  /** @type {any} */
  #error = null;
  #generation = 0;
  #dirty = true;
  /** @type {string | null} */
  #renderedKey = null;
  /** What the two lists show, so that they are rebuilt only when that changes. */
  #listsKey = '';
  #resize;

  /** @param {HTMLElement} container @param {ViewContext} ctx */
  constructor(container, ctx) {
    this.container = container;
    this.#ctx = ctx;
    container.classList.add('compare-view');

    this.targetLabel = h('span');
    this.targetSelect = h('select', { name: 'target' });
    this.targetSelect.addEventListener('change', () => {
      this.#target = this.targetSelect.value;
      this.#fetch();
    });
    this.referenceLabel = h('span');
    this.referenceSelect = h('select', { name: 'reference' });
    this.referenceSelect.addEventListener('change', () => {
      this.#reference = this.referenceSelect.value || null;
      this.#fetch();
    });
    // Past CHOICE_LIMIT documents the lists hold those whose title holds what is typed here.
    this.documentFilter = h('input', { type: 'search', class: 'compare-doc-filter', hidden: true });
    this.documentFilter.addEventListener('input', () => this.#fillSelect());
    this.csvButton = h('button', { type: 'button', dataset: { action: 'export-csv' } });
    this.csvButton.addEventListener('click', () => this.#exportCsv());

    this.message = h('p', { class: 'compare-message', hidden: true });
    this.heading = h('h3', { class: 'compare-heading' });
    this.summary = h('p', { class: 'compare-summary' });
    const cloud = cloudBox('compare-cloud');
    this.svg = cloud.svg;
    this.cloudBox = cloud.box;
    this.tableHead = h('thead');
    this.tableBody = h('tbody');
    this.table = h('table', { class: 'data compare-table' }, this.tableHead, this.tableBody);
    this.body = h(
      'div',
      { class: 'compare-body', hidden: true },
      this.heading,
      this.summary,
      h('div', { class: 'compare-grid' }, this.cloudBox, h('div', { class: 'compare-table-scroll' }, this.table)),
    );

    container.append(
      h(
        'div',
        { class: 'compare-toolbar' },
        h('label', {}, this.targetLabel, this.targetSelect),
        h('label', {}, this.referenceLabel, this.referenceSelect),
        this.documentFilter,
        h('span', { class: 'compare-spacer' }),
        this.csvButton,
      ),
      this.message,
      this.body,
    );

    this.#resize = observeWidth(this.cloudBox, () => this.#drawCloud());
    this.#label();
    onLangChange(() => {
      this.#label();
      this.#listsKey = '';
      this.#fillSelect();
      this.#renderedKey = null;
      this.#render();
    });
  }

  /** @param {unknown} analysis @param {ViewState} state */
  update(analysis, state) {
    this.#state = state;
    this.#fillSelect();
    // Every analysis may follow new user words, stop words or filters: ask again when seen.
    this.#dirty = true;
    if (this.#visible) this.#fetch();
  }

  show() {
    if (this.#dirty) this.#fetch();
    else this.#drawCloud();
  }

  get #visible() {
    return this.container.getClientRects().length > 0 && !this.container.hidden;
  }

  #included() {
    const included = this.#state?.included ?? new Set();
    return (this.#state?.documents ?? []).filter((d) => included.has(d.id));
  }

  /** @param {DocumentInfo} doc */
  #title(doc) {
    return doc.title || doc.name;
  }

  #label() {
    const t = this.#ctx.t;
    this.targetLabel.textContent = t('compare.target');
    this.referenceLabel.textContent = t('compare.reference');
    this.csvButton.textContent = t('compare.exportCsv');
    this.documentFilter.placeholder = t('choice.filter');
    this.documentFilter.setAttribute('aria-label', t('choice.filter'));
    this.heading.textContent = t('compare.heading');
    this.svg.setAttribute('aria-label', t('compare.cloudAria'));
    const th = (text, cls) => h('th', { scope: 'col', ...(cls ? { class: cls } : {}) }, text);
    this.tableHead.replaceChildren(
      h(
        'tr',
        {},
        th('#', 'num'),
        th(t('compare.term')),
        th(t('compare.targetFreq'), 'num'),
        th(t('compare.referenceFreq'), 'num'),
        th(t('compare.llr'), 'num'),
        th(t('compare.logRatio'), 'num'),
        th(t('compare.significance')),
      ),
    );
  }

  /** Lists the documents (only included ones can be chosen, the first of them by default; past
   *  CHOICE_LIMIT, those the filter matches), then the groups and years of the included ones;
   *  the reference: the rest, or any of them. Rebuilt only when what they show has changed. */
  #fillSelect() {
    const docs = this.#state?.documents ?? [];
    const included = this.#included();
    const isIn = new Set(included.map((d) => d.id));
    this.#sets = compareSets(included);
    if (!findSet(this.#sets, this.#target)) this.#target = this.#sets[0]?.key ?? null;
    if (!findSet(this.#sets, this.#reference)) this.#reference = null;
    this.documentFilter.hidden = docs.length <= CHOICE_LIMIT;
    const query = this.documentFilter.hidden ? '' : this.documentFilter.value;
    const asId = (/** @type {string | null} */ key) => (key && /^\d+$/.test(key) ? Number(key) : null);
    const targets = chooseAmong(docs, query, asId(this.#target));
    const references = chooseAmong(included, query, asId(this.#reference));
    const sets = this.#sets.filter((s) => s.kind !== 'document');
    const key = [
      listKey(targets.shown, isIn, `${targets.hidden}`),
      listKey(references.shown, null, `${references.hidden}`),
      ...sets.map((s) => `${s.key}=${s.label}`),
    ].join('|');
    if (key !== this.#listsKey) {
      this.#listsKey = key;
      this.#rebuildLists(targets, references, isIn);
    }
    if (this.#target != null) this.targetSelect.value = this.#target;
    this.targetSelect.disabled = included.length < 2;
    this.referenceSelect.value = this.#reference ?? '';
    this.referenceSelect.disabled = included.length < 2;
  }

  /**
   * @param {{shown: DocumentInfo[], hidden: number}} targets
   * @param {{shown: DocumentInfo[], hidden: number}} references
   * @param {Set<number>} isIn the included documents' ids
   */
  #rebuildLists(targets, references, isIn) {
    const t = this.#ctx.t;
    const excluded = t('compare.excluded');
    const more = (/** @type {number} */ n) =>
      n > 0 ? [h('option', { value: '-', disabled: true }, t('choice.more', { n: formatNumber(n) }))] : [];
    const documents = targets.shown.map((d) =>
      h(
        'option',
        { value: String(d.id), disabled: !isIn.has(d.id), title: d.name },
        isIn.has(d.id) ? this.#title(d) : this.#title(d) + excluded,
      ),
    );
    /** @param {'group' | 'year'} kind */
    const group = (kind) => {
      const sets = this.#sets.filter((s) => s.kind === kind);
      return sets.length
        ? [
            h(
              'optgroup',
              { label: t(`compare.sets.${kind}`) },
              ...sets.map((s) => h('option', { value: s.key }, s.label)),
            ),
          ]
        : [];
    };
    this.targetSelect.replaceChildren(...documents, ...more(targets.hidden), ...group('group'), ...group('year'));
    this.referenceSelect.replaceChildren(
      h('option', { value: '' }, t('compare.rest')),
      h(
        'optgroup',
        { label: t('compare.sets.document') },
        ...references.shown.map((d) => h('option', { value: String(d.id) }, this.#title(d))),
        ...more(references.hidden),
      ),
      ...group('group'),
      ...group('year'),
    );
  }

  async #fetch() {
    this.#dirty = false;
    const included = this.#included();
    const generation = ++this.#generation;
    if (included.length < 2 || this.#target == null) {
      this.#result = null;
      this.#error = null;
      this.#render();
      return;
    }
    const target = findSet(this.#sets, this.#target)?.ids ?? [];
    const reference = this.#reference === null ? null : (findSet(this.#sets, this.#reference)?.ids ?? null);
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

  #render() {
    const t = this.#ctx.t;
    const included = this.#included();
    this.csvButton.disabled = !this.#result;
    if (included.length < 2) {
      this.#showMessage(t('compare.needTwo'));
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
    const target = findSet(this.#sets, this.#target);
    const against = findSet(this.#sets, this.#reference);
    const others = included.filter((d) => !result.target.includes(d.id)).length;
    const counts = {
      title: target?.label ?? '',
      target: nf.format(result.targetTokens),
      reference: nf.format(result.referenceTokens),
    };
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
    this.tableBody.replaceChildren(
      ...(terms.length
        ? terms.map((term, i) =>
            h(
              'tr',
              {},
              h('td', { class: 'num rank' }, String(i + 1)),
              h('td', { class: 'term' }, this.#ctx.displayTerm(term.term)),
              h('td', { class: 'num' }, nf.format(term.targetFreq)),
              h('td', { class: 'num' }, nf.format(term.referenceFreq)),
              h('td', { class: 'num' }, f1.format(term.llr)),
              h('td', { class: 'num' }, f2.format(term.logRatio)),
              h('td', { class: 'stars' }, significance(term.llr)),
            ),
          )
        : [h('tr', {}, h('td', { colspan: '7' }, t('compare.none')))]),
    );
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
        label: (w) =>
          t('compare.tip', { target: nf.format(w.count), reference: nf.format(w.reference), llr: w.weight.toFixed(1) }),
      },
    );
  }

  #exportCsv() {
    const result = this.#result;
    if (!result) return;
    const label = findSet(this.#sets, this.#target)?.label;
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
