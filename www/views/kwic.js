// @ts-check
// 语境 view: a keyword-in-context concordance. Every occurrence of a term in the selected
// documents, one per line, its left context right-aligned against the keyword column so the
// eye can run down the words just before and just after it.
import { isStale } from '../analyzer.js';
import { csvBlob, downloadBlob, fileName } from '../export.js';
import { onLangChange } from '../i18n.js';
import { el, formatNumber, isShown, option } from './shared.js';
import './kwic.css';
import { emWidth } from './text.js';

/** @typedef {import('./shared.js').ViewContext} ViewContext */
/** @typedef {import('./shared.js').ViewState} ViewState */
/** @typedef {import('./results').Kwic} Kwic */
/** @typedef {import('./results').KwicLine} KwicLine */

const WIDTHS = [10, 20, 30, 50];
const SORTS = ['position', 'left', 'right'];
const LIMIT = 2000;

export class KwicView {
  /** @type {ViewContext} */
  #ctx;
  /** @type {ViewState | null} */
  #state = null;
  #term = '';
  /** @type {Kwic | null} the Kwic shown */
  #result = null;
  #error = '';
  #dirty = false; // the selection or segmentation changed while hidden: re-run on show()
  #generation = 0; // latest request; older answers are dropped
  #loading = false;

  /** @param {HTMLElement} container @param {ViewContext} ctx */
  constructor(container, ctx) {
    this.container = container;
    this.#ctx = ctx;
    container.classList.add('kwic-view');

    this.root = el('div', 'kwic-root');
    this.root.dataset.state = 'empty';

    this.form = el('form', 'view-toolbar kwic-form');
    this.form.setAttribute('role', 'search');
    this.searchLabel = el('label', 'field');
    this.searchText = el('span');
    this.searchInput = el('input', 'kwic-search');
    this.searchInput.type = 'search';
    this.searchInput.autocomplete = 'off';
    this.searchLabel.append(this.searchText, this.searchInput);
    this.searchButton = el('button', 'kwic-search-button');
    this.searchButton.type = 'submit';

    this.widthLabel = el('label', 'field');
    this.widthText = el('span');
    this.widthSelect = el('select', 'kwic-width');
    this.widthLabel.append(this.widthText, this.widthSelect);

    this.sortLabel = el('label', 'field');
    this.sortText = el('span');
    this.sortSelect = el('select', 'kwic-sort');
    this.sortLabel.append(this.sortText, this.sortSelect);

    this.exportButton = el('button', 'kwic-export toolbar-end');
    this.exportButton.type = 'button';
    this.exportButton.addEventListener('click', () => this.#export());

    this.form.append(this.searchLabel, this.searchButton, this.widthLabel, this.sortLabel, this.exportButton);
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#search(this.searchInput.value);
    });
    this.widthSelect.addEventListener('change', () => this.#run());
    this.sortSelect.addEventListener('change', () => this.#run());

    this.summary = el('p', 'view-summary kwic-summary');
    this.summary.setAttribute('aria-live', 'polite');
    this.message = el('p', 'view-empty kwic-empty');

    this.table = el('table', 'kwic-table');
    this.caption = el('caption', 'visually-hidden');
    this.colKeyword = el('col', 'kwic-col-keyword');
    const colgroup = el('colgroup');
    colgroup.append(
      el('col', 'kwic-col-doc'),
      el('col', 'kwic-col-left'),
      this.colKeyword,
      el('col', 'kwic-col-right'),
    );
    this.headRow = el('tr');
    const thead = el('thead');
    thead.append(this.headRow);
    this.body = el('tbody');
    this.table.append(this.caption, colgroup, thead, this.body);
    this.tableWrap = el('div', 'kwic-wrap');
    this.tableWrap.append(this.table);

    this.root.append(this.form, this.summary, this.message, this.tableWrap);
    container.append(this.root);
    this.#relabel();
    this.widthSelect.value = '20';
    this.sortSelect.value = 'position';
    this.#render();
    onLangChange(() => {
      this.#relabel();
      this.#render();
    });
  }

  /** @param {unknown} _analysis @param {ViewState} state */
  update(_analysis, state) {
    this.#state = state;
    if (!this.#term) return;
    // The selection or the segmentation may have changed: the same term may now match differently.
    if (isShown(this.container)) this.#run();
    else this.#dirty = true;
  }

  show() {
    if (this.#dirty) this.#run();
  }

  /** Called by the controller (ctx.showContexts) after it has switched to this tab. */
  /** @param {string} term */
  showTerm(term) {
    this.#search(term);
  }

  /** @param {unknown} term */
  #search(term) {
    this.#term = String(term ?? '').trim();
    this.searchInput.value = this.#term;
    this.#run();
  }

  async #run() {
    this.#dirty = false;
    const generation = ++this.#generation;
    const term = this.#term;
    this.#error = '';
    if (!term || !this.#state || this.#state.included.size === 0) {
      this.#result = null;
      this.#loading = false;
      this.#render();
      return;
    }
    this.#loading = true;
    this.#render();
    let result = null;
    try {
      result = await this.#ctx.request('kwic', term, {
        documents: [...this.#state.included],
        width: Number(this.widthSelect.value),
        limit: LIMIT,
        sort: this.sortSelect.value,
      });
    } catch (/** @type {any} */ err) {
      if (generation !== this.#generation) return;
      if (!isStale(err)) {
        this.#error = this.#ctx.errorText(err);
        this.#ctx.notify(err, 'error');
      }
    }
    if (generation !== this.#generation) return;
    this.#result = result;
    this.#loading = false;
    this.#render();
  }

  #relabel() {
    const t = this.#ctx.t;
    this.searchText.textContent = t('kwic.search');
    this.searchInput.placeholder = t('kwic.searchPlaceholder');
    this.searchButton.textContent = t('kwic.searchButton');
    this.widthText.textContent = t('kwic.width');
    this.sortText.textContent = t('kwic.sort');
    this.exportButton.textContent = t('kwic.export');
    const width = this.widthSelect.value || '20';
    this.widthSelect.replaceChildren(...WIDTHS.map((n) => option(String(n), t('kwic.widthChars', { n }))));
    this.widthSelect.value = width;
    const sort = this.sortSelect.value || 'position';
    this.sortSelect.replaceChildren(...SORTS.map((s) => option(s, t(`kwic.sort.${s}`))));
    this.sortSelect.value = sort;
    this.headRow.replaceChildren(
      ...['document', 'left', 'keyword', 'right'].map((key) => {
        const th = el('th', `kwic-h-${key}`, t(`kwic.${key}`));
        th.scope = 'col';
        return th;
      }),
    );
  }

  /** @param {number} docId @param {string} fallback */
  #docTitle(docId, fallback) {
    const doc = this.#state?.documents.find((d) => d.id === docId);
    return doc ? doc.title || doc.name : fallback;
  }

  #render() {
    const t = this.#ctx.t;
    const result = this.#result;
    const term = this.#term;
    this.root.dataset.state = this.#loading ? 'loading' : result ? 'ready' : 'empty';
    this.caption.textContent = t('kwic.caption', { term: result?.term ?? term });

    let message = '';
    if (!term) message = t('kwic.hint');
    else if (this.#state && this.#state.included.size === 0) message = t('kwic.noDocuments');
    else if (this.#error) message = this.#error;
    else if (result && result.total === 0) message = t('kwic.none', { term: result.term });
    this.message.textContent = message;
    this.message.hidden = !message;

    if (this.#loading) {
      this.summary.textContent = t('kwic.loading', { term });
    } else if (result && result.total > 0) {
      const docs = new Set(result.lines.map((line) => line.docId)).size;
      let text = t('kwic.total', { term: result.term, total: formatNumber(result.total), docs: formatNumber(docs) });
      if (result.lines.length < result.total) text += t('kwic.limited', { lines: formatNumber(result.lines.length) });
      this.summary.textContent = text;
    } else {
      this.summary.textContent = '';
    }
    this.summary.hidden = !this.summary.textContent;

    const lines = this.#loading ? [] : (result?.lines ?? []);
    this.tableWrap.hidden = lines.length === 0;
    this.exportButton.disabled = lines.length === 0;
    // The keyword column is as wide as the widest match (CJK ≈ 1em, Latin ≈ 0.6em), so every
    // keyword sits in the same column and the contexts line up on both sides of it.
    // At least as wide as its header (关键词 / Keyword).
    const widest = Math.max(3.5, ...lines.map((line) => emWidth(line.keyword)));
    this.colKeyword.style.width = `calc(${widest.toFixed(1)}em + 1.5rem)`;
    // Narrow contexts get a narrow table rather than a gulf between document and words.
    const chars = Number(this.widthSelect.value) * 2 + widest;
    this.tableWrap.style.width = `min(100%, calc(${chars.toFixed(1)}em + 15rem))`;
    this.body.replaceChildren(...lines.map((line) => this.#row(line)));
  }

  /** @param {KwicLine} line */
  #row(line) {
    const tr = el('tr');
    const title = this.#docTitle(line.docId, line.docName);
    const doc = el('td', 'kwic-doc', title);
    doc.title = this.#ctx.t('kwic.lineTitle', { doc: title, offset: formatNumber(line.offset) });
    // The inner flex box lets a too-long left context overflow (and be clipped) on its far
    // side, so the characters next to the keyword always stay in view.
    const left = el('td', 'kwic-left');
    left.append(clipped(line.left));
    left.title = line.left;
    const keyword = el('td', 'kwic-keyword', line.keyword);
    const right = el('td', 'kwic-right');
    right.append(clipped(line.right));
    right.title = line.right;
    tr.append(doc, left, keyword, right);
    return tr;
  }

  #export() {
    const result = this.#result;
    if (!result) return;
    const t = this.#ctx.t;
    const blob = csvBlob(
      [t('kwic.document'), t('kwic.left'), t('kwic.keyword'), t('kwic.right'), t('kwic.offset')],
      result.lines.map((line) => [
        this.#docTitle(line.docId, line.docName),
        line.left,
        line.keyword,
        line.right,
        line.offset,
      ]),
    );
    downloadBlob(fileName(`kwic-${result.term.slice(0, 24)}`, 'csv'), blob);
  }
}

/** A context in its clipping box. @param {string} text */
function clipped(text) {
  const clip = el('span', 'kwic-clip', null);
  clip.append(el('span', 'kwic-text', text));
  return clip;
}
