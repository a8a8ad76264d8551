// @ts-check
// 关键词 view: every term of the analysis in a sortable table (frequency, TF-IDF with the bundled
// and the corpus IDF, TextRank), for the whole selection or for one document at a time.
import { isStale } from '../analyzer.js';
import { analysisOptions } from '../defaults.js';
import { downloadBlob, fileName } from '../export.js';
import { onLangChange } from '../i18n.js';
import './keywords.css';
import { CHOICE_LIMIT, chooseAmong, listKey } from './doc-choice.js';
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
  /** @type {Set<string>} terms ticked for 合并 */
  #selected = new Set();
  /** What the scope list shows, so that it is rebuilt only when that changes. */
  #scopeKey = '';

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
    // Past CHOICE_LIMIT documents the scope lists the ones whose title holds what is typed here.
    this.scopeFilter = el('input', 'kw-scope-filter');
    this.scopeFilter.type = 'search';
    this.scopeFilter.hidden = true;
    this.scopeFilter.addEventListener('input', () => this.#fillScope());

    this.weightLabel = el('label', 'field');
    this.weightText = el('span');
    this.weightSelect = el('select', 'kw-weight');
    this.weightSelect.addEventListener('change', () => ctx.setSettings({ keywordWeight: this.weightSelect.value }));
    this.weightLabel.append(this.weightText, this.weightSelect);

    this.filterInput = el('input', 'kw-filter');
    this.filterInput.type = 'search';
    this.filterInput.addEventListener('input', () => this.#render());

    // Ticked rows → one term (合并词, the merge dialog); the most frequent one named first.
    this.mergeButton = el('button', 'kw-merge');
    this.mergeButton.type = 'button';
    this.mergeButton.addEventListener('click', () => {
      const terms = (this.#current()?.terms ?? []).map((r) => r.term).filter((term) => this.#selected.has(term));
      ctx.mergeTerms(terms);
      this.#selected.clear();
      this.table.render();
      this.#markSelection();
    });

    this.exportButton = el('button', 'kw-export toolbar-end');
    this.exportButton.type = 'button';
    this.exportButton.addEventListener('click', () => this.#export());
    // 全部 · 人物 · 地点 · 机构 (filter.pos), as in the network and the cloud.
    this.posFilter = ctx.posFilter();
    toolbar.append(
      this.scopeLabel,
      this.scopeFilter,
      this.weightLabel,
      this.posFilter.element,
      this.filterInput,
      this.mergeButton,
      this.exportButton,
    );

    this.summary = el('p', 'view-summary kw-summary');
    this.summary.setAttribute('aria-live', 'polite');
    this.message = el('p', 'view-empty kw-empty');
    this.message.hidden = true;

    this.table = new SortableTable({
      t,
      caption: 'kw.caption',
      columns: [
        {
          key: 'pick',
          label: () => t('kw.pick'),
          value: (r) => (this.#selected.has(r.term) ? 1 : 0),
          sortable: false,
          csv: false,
          className: 'pick',
          render: (r, td) => {
            const box = el('input', 'kw-pick');
            box.type = 'checkbox';
            box.checked = this.#selected.has(r.term);
            box.setAttribute('aria-label', t('kw.pickTitle', { term: ctx.displayTerm(r.term) }));
            box.addEventListener('change', () => {
              if (box.checked) this.#selected.add(r.term);
              else this.#selected.delete(r.term);
              this.#markSelection();
            });
            td.append(box);
          },
        },
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
          // As the person reads terms (简体 / 繁體); exported so too.
          value: (r) => ctx.displayTerm(r.term),
          className: 'term',
          render: (r, td) => {
            const shown = ctx.displayTerm(r.term);
            const button = el('button', 'term-button', shown);
            button.type = 'button';
            button.title = t('kw.termTitle', { term: shown });
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
          // null until jieba's IDF table is in (fetched after the first analysis): a pending
          // cell, sorted last; empty in the CSV.
          value: (r) => r.tfidf,
          numeric: true,
          digits: 4,
          className: 'tfidf',
          render: (r, td) => {
            if (r.tfidf == null) {
              td.textContent = '…';
              td.title = t('kw.idfPending');
              td.classList.add('pending');
            } else {
              td.textContent = formatNumber(r.tfidf, 4);
            }
          },
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
    this.posFilter.update(state);
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
    this.scopeFilter.placeholder = t('choice.filter');
    this.scopeFilter.setAttribute('aria-label', t('choice.filter'));
    this.filterInput.placeholder = t('kw.filter');
    this.filterInput.setAttribute('aria-label', t('kw.filter'));
    this.exportButton.textContent = t('kw.export');
    this.#markSelection();
    const weight = this.weightSelect.value || this.#state?.settings?.keywordWeight || 'freq';
    this.weightSelect.replaceChildren(...WEIGHTS.map((w) => option(w, t(`kw.weight.${w}`))));
    this.weightSelect.value = weight;
    this.#fillScope();
    this.table.relabel();
  }

  /** The scope <select>: the whole selection, then the documents by title (at most
   *  CHOICE_LIMIT of them, those the filter beside it matches), rebuilt only when that changes. */
  #fillScope() {
    const documents = this.#state?.documents ?? [];
    if (this.#scope && !documents.some((doc) => String(doc.id) === this.#scope)) {
      // The chosen document was removed: back to the whole selection.
      this.#scope = '';
      this.#docResult = null;
    }
    const many = documents.length > CHOICE_LIMIT;
    this.scopeFilter.hidden = !many;
    const query = many ? this.scopeFilter.value : '';
    const { shown, hidden } = chooseAmong(documents, query, this.#scope ? Number(this.#scope) : null);
    const t = this.#ctx.t;
    const key = listKey(shown, null, `${t('kw.scopeAll')}|${hidden}`);
    if (key !== this.#scopeKey) {
      this.#scopeKey = key;
      const rest = hidden > 0 ? [option('-', t('choice.more', { n: formatNumber(hidden) }))] : [];
      for (const node of rest) /** @type {HTMLOptionElement} */ (node).disabled = true;
      this.scopeSelect.replaceChildren(
        option('', t('kw.scopeAll')),
        ...shown.map((doc) => option(String(doc.id), doc.title || doc.name)),
        ...rest,
      );
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
      const settings = /** @type {ViewState} */ (this.#state).settings;
      const options = { ...analysisOptions(settings, [id]), topTerms: PER_DOCUMENT_TERMS };
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
    const rows = matching(terms, query, (r) => `${r.term} ${this.#ctx.displayTerm(r.term)}`);
    // Ticks of terms no longer listed (merged away, filtered out) are dropped.
    const listed = new Set(terms.map((r) => r.term));
    for (const term of this.#selected) if (!listed.has(term)) this.#selected.delete(term);
    this.table.setRows(rows);
    this.#markSelection();
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

  /** 合并所选 (n): enabled from two ticked terms. */
  #markSelection() {
    const n = this.#selected.size;
    this.mergeButton.textContent = this.#ctx.t('kw.merge', { n });
    this.mergeButton.disabled = n < 2;
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
