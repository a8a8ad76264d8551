// @ts-check
// The document panel: what is loaded, what is in the analysis, each document's metadata, and
// what happened to each file a person added. It holds thousands of documents: the list is
// virtual (www/views/documents/virtual-list.js), searched by title or name, sorted by the order
// added, date, name or size, filtered by group and date range; "select what the filter shows"
// includes exactly those; the editor changes one document's metadata, or those of the selected
// documents the filter shows, at once. Names and titles come from users' files: only ever set
// as textContent.
import { numberFormat } from '../../i18n.js';
import { MetadataEditor } from './editor.js';
import { filterDocuments, NO_FILTER, SHOWN_EVENT, sortDocuments } from './filter.js';
import { groupTree } from './groups.js';
import { Notices } from './notices.js';
import { renderRow } from './row.js';
import { VirtualList } from './virtual-list.js';
import '../documents.css';

/** @typedef {import('../../shapes.js').State} State */
/** @typedef {import('../../shapes.js').DocumentInfo} DocumentInfo */
/** @typedef {import('../../shapes.js').ViewContext} ViewContext */
/** @typedef {import('../../errors.js').Bilingual} Bilingual */
/** @typedef {import('./filter.js').DocumentFilter} DocumentFilter */
/** @typedef {import('./filter.js').DocumentOrder} DocumentOrder */
/**
 * @typedef {{setIncluded: (ids: number[]) => void, remove: (id: number) => void, addFiles: () => void,
 *   addFolder: () => void, edit: (ids: number[], patch: import('../../types/MetadataPatch').MetadataPatch) => Promise<unknown>,
 *   open: (id: number) => void}} DocumentsActions
 */

export class DocumentsView {
  /** @type {State | null} */
  state = null;
  /** @type {DocumentFilter} */
  filter = { ...NO_FILTER };
  /** @type {DocumentOrder} */
  order = { key: 'added', dir: 'asc' };
  /** What the filter shows, in order. @type {DocumentInfo[]} */
  shown = [];
  /** The sorted list, kept until the documents or the order change. */
  #sorted = { docs: /** @type {DocumentInfo[] | null} */ (null), order: '', list: /** @type {DocumentInfo[]} */ ([]) };
  /** @type {DocumentInfo[] | null} the documents the group list was made from */
  #groupsOf = null;
  /** @type {Map<number, DocumentInfo>} */
  #byId = new Map();
  /** Numbers in the language, made once a render (a formatter per row cost a scroll its frames). */
  #nf = numberFormat();

  /** @param {HTMLElement} container @param {ViewContext} ctx @param {DocumentsActions} actions */
  constructor(container, ctx, actions) {
    this.ctx = ctx;
    this.actions = actions;
    this.container = container;
    container.innerHTML = `
      <div class="panel-head">
        <h2 id="documents-title"></h2>
        <span class="doc-bulk">
          <button type="button" class="link" data-bulk="all"></button>
          <button type="button" class="link" data-bulk="none"></button>
        </span>
      </div>
      <div class="doc-tools">
        <input type="search" class="doc-search" />
        <span class="doc-order">
          <select class="doc-sort">
            <option value="added"></option><option value="date"></option><option value="name"></option><option value="size"></option>
          </select>
          <button type="button" class="doc-dir"></button>
        </span>
        <select class="doc-group"></select>
        <span class="doc-dates"><input type="date" class="doc-from" /><span aria-hidden="true">–</span><input type="date" class="doc-to" /></span>
      </div>
      <div class="doc-shown"><span class="doc-count" aria-live="polite"></span>
        <button type="button" class="link" data-bulk="shown"></button>
        <button type="button" class="link" data-bulk="edit"></button>
      </div>
      <div class="doc-scroll"><ul class="doc-list"></ul></div>
      <p class="hint"><span class="hint-text"></span> <button type="button" class="link add-folder"></button></p>
      <div class="notices" hidden>
        <div class="panel-head"><h3></h3><button type="button" class="link clear"></button></div>
        <ul aria-live="polite"></ul>
      </div>`;
    this.list = /** @type {HTMLUListElement} */ (container.querySelector('.doc-list'));
    this.notices = new Notices(this.#find('.notices'));
    this.editor = new MetadataEditor(container, ctx, (ids, patch) => actions.edit(ids, patch));
    this.virtual = new VirtualList(this.#find('.doc-scroll'), this.list, {
      rowClass: 'doc',
      key: (doc) => String(doc.id),
      renderRow: (li, doc) => this.#renderRow(li, doc),
    });
    this.#relabel();
    this.#wire();
  }

  #wire() {
    const { actions } = this;
    const docs = () => this.state?.documents ?? [];
    this.#find('[data-bulk=all]').addEventListener('click', () => actions.setIncluded(docs().map((d) => d.id)));
    this.#find('[data-bulk=none]').addEventListener('click', () => actions.setIncluded([]));
    this.#find('[data-bulk=shown]').addEventListener('click', () => actions.setIncluded(this.shown.map((d) => d.id)));
    this.#find('[data-bulk=edit]').addEventListener('click', () => {
      const targets = this.#editTargets();
      if (targets.length) this.editor.open(targets);
    });
    this.#find('.add-folder').addEventListener('click', () => actions.addFolder());
    const search = /** @type {HTMLInputElement} */ (this.#find('.doc-search'));
    search.addEventListener('input', () => this.#setFilter({ query: search.value }));
    const group = /** @type {HTMLSelectElement} */ (this.#find('.doc-group'));
    group.addEventListener('change', () => this.#setFilter({ group: group.value }));
    const from = /** @type {HTMLInputElement} */ (this.#find('.doc-from'));
    const to = /** @type {HTMLInputElement} */ (this.#find('.doc-to'));
    from.addEventListener('change', () => this.#setFilter({ from: from.value }));
    to.addEventListener('change', () => this.#setFilter({ to: to.value }));
    const sort = /** @type {HTMLSelectElement} */ (this.#find('.doc-sort'));
    sort.addEventListener('change', () => {
      this.order = { key: /** @type {DocumentOrder['key']} */ (sort.value), dir: this.order.dir };
      this.#refilter();
    });
    this.#find('.doc-dir').addEventListener('click', () => {
      this.order = { ...this.order, dir: this.order.dir === 'asc' ? 'desc' : 'asc' };
      this.#relabel();
      this.#refilter();
    });
    this.list.addEventListener('change', (event) => {
      const box = /** @type {HTMLInputElement | null} */ (/** @type {Element} */ (event.target).closest('input'));
      if (!box || !this.state) return;
      // Rows out of view are not in the DOM: change the one box, keep the rest of the selection.
      const included = new Set(this.state.included);
      if (box.checked) included.add(Number(box.value));
      else included.delete(Number(box.value));
      actions.setIncluded([...included]);
    });
    this.list.addEventListener('click', (event) => {
      const button = /** @type {HTMLElement | null} */ (
        /** @type {Element} */ (event.target).closest('button[data-action]')
      );
      if (!button) return;
      const id = Number(/** @type {HTMLElement} */ (button.closest('li')).dataset.id);
      const doc = this.#byId.get(id);
      if (button.dataset.action === 'only') actions.setIncluded([id]);
      if (button.dataset.action === 'remove') actions.remove(id);
      if (button.dataset.action === 'edit' && doc) this.editor.open([doc]);
      if (button.dataset.action === 'open') actions.open(id);
    });
  }

  /** The documents a bulk edit changes: the selected ones that the filter shows. */
  #editTargets() {
    const included = this.state?.included ?? new Set();
    return this.shown.filter((d) => included.has(d.id));
  }

  /** @param {string} selector @returns {HTMLElement} */
  #find(selector) {
    return /** @type {HTMLElement} */ (this.container.querySelector(selector));
  }

  /** @param {Partial<DocumentFilter>} change */
  #setFilter(change) {
    this.filter = { ...this.filter, ...change };
    this.#refilter();
  }

  /** The labels alone: also drawn before the first state arrives (or if start-up fails). */
  #relabel() {
    const { t } = this.ctx;
    const count = this.state ? ` (${this.state.documents.length})` : '';
    this.#find('#documents-title').textContent = `${t('docs.title')}${count}`;
    this.#find('[data-bulk=all]').textContent = t('docs.all');
    this.#find('[data-bulk=none]').textContent = t('docs.none');
    this.#find('[data-bulk=shown]').textContent = t('docs.selectShown');
    const search = /** @type {HTMLInputElement} */ (this.#find('.doc-search'));
    search.placeholder = t('docs.search');
    search.setAttribute('aria-label', t('docs.search'));
    const sort = /** @type {HTMLSelectElement} */ (this.#find('.doc-sort'));
    sort.setAttribute('aria-label', t('docs.sort'));
    for (const option of sort.options) option.textContent = t(`docs.sort.${option.value}`);
    const dir = this.#find('.doc-dir');
    dir.textContent = this.order.dir === 'asc' ? '↑' : '↓';
    dir.title = t(this.order.dir === 'asc' ? 'docs.ascending' : 'docs.descending');
    dir.setAttribute('aria-label', dir.title);
    this.#find('.doc-group').setAttribute('aria-label', t('docs.group'));
    this.#find('.doc-from').setAttribute('aria-label', t('docs.from'));
    this.#find('.doc-to').setAttribute('aria-label', t('docs.to'));
    this.#find('.hint-text').textContent = t('docs.hint');
    this.#find('.add-folder').textContent = t('docs.addFolder');
    this.#find('.notices h3').textContent = t('docs.notices');
    this.#find('.notices .clear').textContent = t('docs.clearNotices');
    this.notices.relabel();
    this.#groupsOf = null; // the "all groups" option is in the language
  }

  /** @param {State} state */
  render(state) {
    this.state = state;
    this.#byId = new Map(state.documents.map((d) => [d.id, d]));
    this.#relabel();
    this.#groups(state.documents);
    this.#refilter();
  }

  /** The group list (a tree, indented), rebuilt when the documents change. */
  #groups(/** @type {DocumentInfo[]} */ docs) {
    if (this.#groupsOf === docs) return;
    this.#groupsOf = docs;
    const { t } = this.ctx;
    const nf = numberFormat();
    const select = /** @type {HTMLSelectElement} */ (this.#find('.doc-group'));
    const all = new Option(t('docs.allGroups'), '');
    const nodes = groupTree(docs);
    const options = nodes.map(({ group, label, depth, count }) => {
      const option = new Option(`${'\u00a0\u00a0'.repeat(depth)}${label} (${nf.format(count)})`, group);
      option.title = group;
      return option;
    });
    // A group filtered by that is gone (its documents removed or regrouped) shows everything.
    if (this.filter.group && !nodes.some((n) => n.group === this.filter.group)) this.filter.group = '';
    select.replaceChildren(all, ...options);
    select.value = this.filter.group;
    select.hidden = nodes.length === 0;
  }

  /** The list again after a change of documents, filter or order (sorted once per order). */
  #refilter() {
    const state = this.state;
    if (!state) return;
    const { t } = this.ctx;
    const orderKey = `${this.order.key}:${this.order.dir}:${this.ctx.lang()}`;
    if (this.#sorted.docs !== state.documents || this.#sorted.order !== orderKey) {
      this.#sorted = {
        docs: state.documents,
        order: orderKey,
        list: sortDocuments(state.documents, this.order, this.ctx.lang()),
      };
    }
    const before = this.shown;
    this.shown = filterDocuments(this.#sorted.list, this.filter);
    if (this.shown !== before) {
      const ids = this.shown.map((d) => d.id);
      this.container.dispatchEvent(new CustomEvent(SHOWN_EVENT, { bubbles: true, detail: { ids } }));
    }
    const nf = numberFormat();
    this.#nf = nf;
    const total = state.documents.length;
    this.#find('.doc-count').textContent =
      this.shown.length === total
        ? t('docs.countAll', { n: nf.format(total) })
        : t('docs.countShown', { shown: nf.format(this.shown.length), n: nf.format(total) });
    const targets = this.#editTargets().length;
    const edit = /** @type {HTMLButtonElement} */ (this.#find('[data-bulk=edit]'));
    edit.textContent = t('docs.editSelected', { n: nf.format(targets) });
    edit.disabled = targets === 0;
    this.#find('.doc-tools').hidden = total < 2;
    if (total === 0) {
      const empty = document.createElement('li');
      empty.className = 'empty';
      empty.textContent = t('docs.empty');
      this.virtual.setItems([]);
      this.list.replaceChildren(empty);
      this.list.style.height = '';
      return;
    }
    this.list.querySelector(':scope > li.empty')?.remove();
    const focus = this.#focusedControl();
    this.virtual.setItems(this.shown);
    if (focus) this.#restoreFocus(focus);
  }

  /** The focused control of a row ({id, index, selector}), if any: the list is drawn again. */
  #focusedControl() {
    const active = /** @type {HTMLElement | null} */ (document.activeElement);
    const li = /** @type {HTMLElement | null | undefined} */ (active?.closest?.('li.doc'));
    if (!active || !li || !this.list.contains(li)) return null;
    const selector = active.matches('input') ? 'input' : `button.${active.dataset.action}`;
    const id = Number(li.dataset.id);
    return { id, index: this.virtual.items.findIndex((d) => d.id === id), selector };
  }

  /** Keeps the keyboard where it was: on the same control of the same document, or (when that
   *  document is gone) of the one now in its place. @param {{id: number, index: number, selector: string}} focus */
  #restoreFocus({ id, index, selector }) {
    if (this.list.contains(document.activeElement)) return;
    const items = this.virtual.items;
    const at = items.findIndex((d) => d.id === id);
    const target = at >= 0 ? at : Math.min(index, items.length - 1);
    if (target < 0) return /** @type {HTMLElement} */ (this.#find('[data-bulk=all]')).focus();
    this.virtual.scrollToIndex(target);
    const row = this.virtual.row(String(items[target].id));
    /** @type {HTMLElement | null | undefined} */ (row?.querySelector(selector))?.focus();
  }

  /** @param {HTMLLIElement} li @param {DocumentInfo} doc */
  #renderRow(li, doc) {
    const original = doc.duplicateOf == null ? undefined : this.#byId.get(doc.duplicateOf);
    renderRow(li, doc, {
      t: this.ctx.t,
      nf: this.#nf,
      included: this.state?.included.has(doc.id) ?? false,
      duplicateTitle: original ? original.title || original.name : null,
    });
  }

  /**
   * One line in the outcome list (newest first); `details` are listed collapsed under it.
   * @param {string | Bilingual} message
   * @param {import('../../shapes.js').NoticeKind} [kind]
   * @param {string[]} [details]
   */
  notice(message, kind = 'info', details = []) {
    this.notices.add(message, kind, details, this.ctx.t('docs.details', { n: details.length }));
  }
}
