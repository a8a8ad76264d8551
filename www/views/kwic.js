// 语境 view: a keyword-in-context concordance. Every occurrence of a term in the selected
// documents, one per line, its left context right-aligned against the keyword column so the
// eye can run down the words just before and just after it.
import { isStale } from '../analyzer.js';
import { csvBlob, downloadBlob, fileName } from '../export.js';
import { onLangChange, registerStrings } from '../i18n.js';
import { el, formatNumber, isShown, option } from './shared.js';
import './kwic.css';

registerStrings({
  zh: {
    'kwic.search': '查找词语',
    'kwic.searchPlaceholder': '输入词语，按回车查找',
    'kwic.searchButton': '查找',
    'kwic.width': '语境宽度',
    'kwic.widthChars': '{n} 字',
    'kwic.sort': '排序',
    'kwic.sort.position': '按出现顺序',
    'kwic.sort.left': '按左侧',
    'kwic.sort.right': '按右侧',
    'kwic.export': '导出 CSV',
    'kwic.document': '文档',
    'kwic.left': '左侧语境',
    'kwic.keyword': '关键词',
    'kwic.right': '右侧语境',
    'kwic.offset': '位置（字）',
    'kwic.caption': '「{term}」的语境',
    'kwic.total': '「{term}」共 {total} 处，分布在 {docs} 篇文档中',
    'kwic.limited': '（显示前 {lines} 处）',
    'kwic.loading': '正在查找「{term}」…',
    'kwic.hint': '点击任意视图中的词语，或在上方输入一个词并按回车，即可查看它在原文中的每一处语境。',
    'kwic.none': '在所选文档中没有找到「{term}」。',
    'kwic.noDocuments': '没有勾选任何文档：请在文档列表中勾选要查找的文档。',
    'kwic.lineTitle': '{doc} · 第 {offset} 字',
  },
  en: {
    'kwic.search': 'Find a term',
    'kwic.searchPlaceholder': 'Type a term and press Enter',
    'kwic.searchButton': 'Search',
    'kwic.width': 'Context width',
    'kwic.widthChars': '{n} chars',
    'kwic.sort': 'Order',
    'kwic.sort.position': 'As in the text',
    'kwic.sort.left': 'By left context',
    'kwic.sort.right': 'By right context',
    'kwic.export': 'Export CSV',
    'kwic.document': 'Document',
    'kwic.left': 'Left context',
    'kwic.keyword': 'Keyword',
    'kwic.right': 'Right context',
    'kwic.offset': 'Offset (chars)',
    'kwic.caption': 'Contexts of “{term}”',
    'kwic.total': '“{term}”: {total} occurrences in {docs} documents',
    'kwic.limited': ' (showing the first {lines})',
    'kwic.loading': 'Looking for “{term}”…',
    'kwic.hint': 'Click a word in any view, or type one above and press Enter, to see every place it occurs.',
    'kwic.none': '“{term}” does not occur in the selected documents.',
    'kwic.noDocuments': 'No document is ticked: tick the documents to search in the document list.',
    'kwic.lineTitle': '{doc} · character {offset}',
  },
});

const WIDTHS = [10, 20, 30, 50];
const SORTS = ['position', 'left', 'right'];
const LIMIT = 2000;

export class KwicView {
  #ctx;
  #state = null;
  #term = '';
  #result = null; // the Kwic shown, or null
  #error = '';
  #dirty = false; // the selection or segmentation changed while hidden: re-run on show()
  #generation = 0; // latest request; older answers are dropped
  #loading = false;

  constructor(container, ctx) {
    this.container = container;
    this.#ctx = ctx;

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
  showTerm(term) {
    this.#search(term);
  }

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
    } catch (err) {
      if (generation !== this.#generation) return;
      if (!isStale(err)) {
        this.#error = err?.message ?? String(err);
        this.#ctx.notify(this.#error, 'error');
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
    const widest = Math.max(3.5, ...lines.map((line) => visualWidth(line.keyword)));
    this.colKeyword.style.width = `calc(${widest.toFixed(1)}em + 1.5rem)`;
    // Narrow contexts get a narrow table rather than a gulf between document and words.
    const chars = Number(this.widthSelect.value) * 2 + widest;
    this.tableWrap.style.width = `min(100%, calc(${chars.toFixed(1)}em + 15rem))`;
    this.body.replaceChildren(...lines.map((line) => this.#row(line)));
  }

  #row(line) {
    const tr = el('tr');
    const title = this.#docTitle(line.docId, line.docName);
    const doc = el('td', 'kwic-doc', title);
    doc.title = this.#ctx.t('kwic.lineTitle', { doc: title, offset: formatNumber(line.offset) });
    // The inner flex box lets a too-long left context overflow (and be clipped) on its far
    // side, so the characters next to the keyword always stay in view.
    const left = el('td', 'kwic-left');
    left.append(el('span', 'kwic-clip', null));
    left.firstChild.append(el('span', 'kwic-text', line.left));
    left.title = line.left;
    const keyword = el('td', 'kwic-keyword', line.keyword);
    const right = el('td', 'kwic-right');
    right.append(el('span', 'kwic-clip', null));
    right.firstChild.append(el('span', 'kwic-text', line.right));
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

/** Approximate rendered width in em: wide (CJK, full-width) characters 1, others 0.6. */
function visualWidth(text) {
  let width = 0;
  for (const ch of text)
    width +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(
        ch,
      )
        ? 1
        : 0.6;
  return width;
}
