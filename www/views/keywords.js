// @ts-check
// 关键词 view: every term of the analysis in a sortable table (frequency, TF-IDF with the bundled
// and the corpus IDF, TextRank), for the whole selection or for one document at a time.
import { isStale } from '../analyzer.js';
import { downloadBlob, fileName } from '../export.js';
import { onLangChange } from '../i18n.js';
import './keywords.css';
import { SortableTable, el, formatNumber, isShown, option } from './shared.js';
import { matching } from './text.js';

/** @typedef {import('./shared.js').ViewContext} ViewContext */
/** @typedef {import('./shared.js').ViewState} ViewState */
/** @typedef {import('./results').Analysis} Analysis */

const WEIGHTS = ['freq', 'tfidf', 'tfidfCorpus', 'textrank'];
const PER_DOCUMENT_TERMS = 200;

export class KeywordsView {
  /** @type {ViewContext} */
  #ctx;
  /** @type {ViewState | null} */
  #state = null;
  /** @type {Analysis | null} the controller's analysis of the whole selection */
  #analysis = null;
  /** @type {{id: number, analysis: Analysis} | null} when one document is chosen */
  #docResult = null;
  #scope = ''; // '' = the whole selection, else a document id (as a string, like <option value>)
  #dirty = false; // new data arrived while hidden
  #docStale = false; // the chosen document's result predates the latest settings
  #generation = 0; // latest per-document request; older answers are dropped
  #loading = false; // a per-document request is on its way

  /** @param {HTMLElement} container @param {ViewContext} ctx */
  constructor(container, ctx) {
    this.container = container;
    this.#ctx = ctx;
    const t = ctx.t;
    container.classList.add('keywords-view');

    this.root = el('div', 'kw-root');
    this.root.dataset.state = 'empty';

    const toolbar = el('div', 'view-toolbar');
    this.scopeLabel = el('label', 'field');
    this.scopeText = el('span');
    this.scopeSelect = el('select', 'kw-scope');
    this.scopeSelect.addEventListener('change', () => this.#chooseScope(this.scopeSelect.value));
    this.scopeLabel.append(this.scopeText, this.scopeSelect);

    this.weightLabel = el('label', 'field');
    this.weightText = el('span');
    this.weightSelect = el('select', 'kw-weight');
    this.weightSelect.addEventListener('change', () => ctx.setSettings({ keywordWeight: this.weightSelect.value }));
    this.weightLabel.append(this.weightText, this.weightSelect);

    this.filterInput = el('input', 'kw-filter');
    this.filterInput.type = 'search';
    this.filterInput.addEventListener('input', () => this.#render());

    this.exportButton = el('button', 'kw-export toolbar-end');
    this.exportButton.type = 'button';
    this.exportButton.addEventListener('click', () => this.#export());
    toolbar.append(this.scopeLabel, this.weightLabel, this.filterInput, this.exportButton);

    this.summary = el('p', 'view-summary kw-summary');
    this.summary.setAttribute('aria-live', 'polite');
    this.message = el('p', 'view-empty kw-empty');
    this.message.hidden = true;

    this.table = new SortableTable({
      t,
      caption: 'kw.caption',
      columns: [
        {
          key: 'rank',
          label: () => t('kw.rank'),
          value: (r) => r.rank,
          numeric: true,
          firstDir: 'asc',
          className: 'rank',
        },
        {
          key: 'term',
          label: () => t('kw.term'),
          value: (r) => r.term,
          className: 'term',
          render: (r, td) => {
            const button = el('button', 'term-button', r.term);
            button.type = 'button';
            button.title = t('kw.termTitle', { term: r.term });
            button.addEventListener('click', () => ctx.showContexts(r.term));
            td.append(button);
          },
        },
        { key: 'pos', label: () => t('kw.pos'), value: (r) => r.pos ?? '', className: 'pos' },
        { key: 'freq', label: () => t('kw.freq'), value: (r) => r.freq, numeric: true, className: 'freq' },
        { key: 'docFreq', label: () => t('kw.docFreq'), value: (r) => r.docFreq, numeric: true, className: 'docfreq' },
        {
          key: 'tfidf',
          label: () => t('kw.tfidf'),
          value: (r) => r.tfidf,
          numeric: true,
          digits: 4,
          className: 'tfidf',
        },
        {
          key: 'tfidfCorpus',
          label: () => t('kw.tfidfCorpus'),
          value: (r) => r.tfidfCorpus,
          numeric: true,
          digits: 4,
          className: 'tfidf-corpus',
        },
        {
          key: 'textrank',
          label: () => t('kw.textrank'),
          value: (r) => r.textrank,
          numeric: true,
          digits: 4,
          className: 'textrank',
        },
      ],
    });

    this.root.append(toolbar, this.summary, this.message, this.table.element);
    container.append(this.root);
    this.#relabel();
    onLangChange(() => {
      this.#relabel();
      if (isShown(this.container)) this.#render();
      else this.#dirty = true;
    });
  }

  /** @param {Analysis} analysis @param {ViewState} state */
  update(analysis, state) {
    this.#analysis = analysis;
    this.#state = state;
    this.#fillScope();
    this.weightSelect.value = state.settings?.keywordWeight ?? 'freq';
    // Settings, user words or documents may have changed: the chosen document is re-analysed.
    if (this.#scope) this.#docStale = true;
    if (isShown(this.container)) this.#refresh();
    else this.#dirty = true;
  }

  show() {
    if (this.#dirty || this.#docStale) this.#refresh();
  }

  #refresh() {
    this.#dirty = false;
    if (this.#scope && this.#docStale) this.#requestDocument();
    this.#render();
  }

  #relabel() {
    const t = this.#ctx.t;
    this.scopeText.textContent = t('kw.scope');
    this.weightText.textContent = t('kw.weight');
    this.filterInput.placeholder = t('kw.filter');
    this.filterInput.setAttribute('aria-label', t('kw.filter'));
    this.exportButton.textContent = t('kw.export');
    const weight = this.weightSelect.value || this.#state?.settings?.keywordWeight || 'freq';
    this.weightSelect.replaceChildren(...WEIGHTS.map((w) => option(w, t(`kw.weight.${w}`))));
    this.weightSelect.value = weight;
    this.#fillScope();
    this.table.relabel();
  }

  /** The scope <select>: the whole selection, then every document by title. */
  #fillScope() {
    const documents = this.#state?.documents ?? [];
    this.scopeSelect.replaceChildren(
      option('', this.#ctx.t('kw.scopeAll')),
      ...documents.map((doc) => option(String(doc.id), doc.title || doc.name)),
    );
    if (this.#scope && !documents.some((doc) => String(doc.id) === this.#scope)) {
      // The chosen document was removed: back to the whole selection.
      this.#scope = '';
      this.#docResult = null;
    }
    this.scopeSelect.value = this.#scope;
  }

  /** @param {string} value */
  #chooseScope(value) {
    this.#scope = value;
    this.#docResult = null;
    if (value) this.#requestDocument();
    else {
      this.#generation++; // drop any per-document answer still on its way
      this.#loading = false;
    }
    this.#render();
  }

  async #requestDocument() {
    const id = Number(this.#scope);
    const generation = ++this.#generation;
    this.#docStale = false;
    this.#loading = true;
    try {
      const options = { ...this.#state?.settings, documents: [id], topTerms: PER_DOCUMENT_TERMS };
      const analysis = await this.#ctx.request('analyze', options);
      if (generation !== this.#generation) return;
      this.#docResult = { id, analysis };
    } catch (/** @type {any} */ err) {
      if (generation !== this.#generation || isStale(err)) return;
      this.#ctx.notify(err, 'error');
      this.#docResult = null;
      this.#scope = '';
      this.scopeSelect.value = '';
    }
    this.#loading = false;
    this.#render();
  }

  /** The analysis on display: the chosen document's, or the controller's. */
  #current() {
    if (this.#scope) return this.#docResult?.analysis ?? null;
    return this.#analysis;
  }

  #render() {
    const t = this.#ctx.t;
    if (this.#scope && !this.#docResult) {
      // Waiting for the chosen document: keep other rows out of sight rather than mislabel them.
      this.table.setRows([]);
      this.message.hidden = true;
      this.root.dataset.state = 'loading';
      this.summary.textContent = t('kw.loading');
      return;
    }
    const analysis = this.#current();
    const terms = (analysis?.terms ?? []).map((term, i) => ({ ...term, rank: i + 1 }));
    const query = this.filterInput.value.trim().toLowerCase();
    const rows = matching(terms, query, (r) => r.term);
    this.table.setRows(rows);
    this.root.dataset.state = this.#loading ? 'loading' : analysis ? 'ready' : 'empty';
    this.root.dataset.scope = this.#scope || 'all';

    if (!analysis) {
      this.summary.textContent = '';
    } else if (this.#loading) {
      this.summary.textContent = t('kw.loading');
    } else {
      /** @type {Record<string, string>} */
      const vars = {
        shown: formatNumber(rows.length),
        terms: formatNumber(terms.length),
        documents: formatNumber(analysis.documents),
        tokens: formatNumber(analysis.tokens),
        vocabulary: formatNumber(analysis.vocabulary),
      };
      if (this.#scope) {
        const doc = this.#state?.documents.find((d) => String(d.id) === this.#scope);
        vars.title = doc ? doc.title || doc.name : this.#scope;
        this.summary.textContent = t('kw.summaryDoc', vars);
      } else {
        this.summary.textContent = t('kw.summary', vars);
      }
    }
    const empty = terms.length === 0 ? t('kw.empty') : rows.length === 0 ? t('kw.noMatch', { query }) : '';
    this.message.textContent = empty;
    this.message.hidden = !empty;
    this.exportButton.disabled = rows.length === 0;
  }

  #export() {
    let base = 'keywords';
    if (this.#scope) {
      const doc = this.#state?.documents.find((d) => String(d.id) === this.#scope);
      base += `-${(doc?.title || doc?.name || this.#scope).slice(0, 24)}`;
    }
    downloadBlob(fileName(base, 'csv'), this.table.csv());
  }
}
