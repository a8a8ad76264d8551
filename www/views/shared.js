// @ts-check
// Small pieces several views share: DOM building (never innerHTML with data), number
// formatting in the current language, visibility, and the sortable table.
import { csvBlob } from '../export.js';
import { lang } from '../i18n.js';
import { formatNumber as formatNumberIn } from './format.js';
import './shared.css';
import { sortRows } from './sort.js';

/** What the controller gives every view (docs/PAGE.md). @typedef {import('../shapes.js').ViewContext} ViewContext */
/** The controller's state, read-only for views. @typedef {import('../shapes.js').State} ViewState */

/**
 * `value` in the current language with `digits` fixed decimals (0 = integer); '–' if not a number.
 * @param {unknown} value
 * @param {number} [digits]
 */
export const formatNumber = (value, digits = 0) => formatNumberIn(value, digits, lang());

/**
 * Small DOM helper: an element with a class and optional text (always textContent).
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {string | null} [className]
 * @param {string | null} [text]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

/** True when `node` is laid out (its tab is the visible one). @param {Element} node */
export const isShown = (node) => node.isConnected && node.getClientRects().length > 0;

/**
 * `el` with its children, for building small DOM trees without innerHTML. Props: `dataset`,
 * properties given as non-strings (`hidden: true`, `disabled: false`), else attributes
 * (`class`, `type`, `aria-*` …).
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, any>} [props]
 * @param {(Node | string)[]} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key in node && typeof value !== 'string') /** @type {any} */ (node)[key] = value;
    else node.setAttribute(key, value);
  }
  node.append(...children);
  return node;
}

/** An <option>. @param {string} value @param {string} text */
export function option(value, text) {
  const node = el('option', null, text);
  node.value = value;
  return node;
}

/**
 * A column of a SortableTable: `value(row)` for sorting and CSV, `render(row, td)` to draw the
 * cell some other way than as text.
 * @typedef {object} Column
 * @property {string} key
 * @property {() => string} label
 * @property {(row: any) => any} value
 * @property {boolean} [numeric]
 * @property {number} [digits]
 * @property {string} [className]
 * @property {boolean} [sortable]
 * @property {boolean} [csv]
 * @property {'asc' | 'desc'} [firstDir]
 * @property {(row: any, td: HTMLTableCellElement) => void} [render]
 */
/** @typedef {{key: string, dir: 'asc' | 'desc'}} SortOrder */

/**
 * A table sorted on the client by clicking its column headers (buttons, so the keyboard works;
 * aria-sort tells screen readers the order). Ties keep the rows' original order, so sorting is
 * stable and predictable (sort.js).
 */
export class SortableTable {
  /**
   * @param {{columns: Column[], caption?: string, t: ViewContext['t'], initial?: SortOrder | null}} options
   */
  constructor({ columns, caption, t, initial = null }) {
    this.columns = columns;
    this.t = t;
    this.caption = caption;
    /** @type {any[]} */
    this.rows = [];
    /** @type {SortOrder | null} null: the order given */
    this.sort = initial;
    this.element = el('div', 'sorttable-wrap');
    this.table = el('table', 'sorttable');
    this.captionEl = el('caption', 'visually-hidden');
    this.headRow = el('tr');
    this.body = el('tbody');
    const thead = el('thead');
    thead.append(this.headRow);
    this.table.append(this.captionEl, thead, this.body);
    this.element.append(this.table);
    this.relabel();
  }

  /** Rebuilds the header (labels follow the language). */
  relabel() {
    this.captionEl.textContent = this.caption ? this.t(this.caption) : '';
    this.headRow.replaceChildren(
      ...this.columns.map((column) => {
        const th = el('th');
        th.scope = 'col';
        th.dataset.key = column.key;
        if (column.numeric) th.classList.add('num');
        if (column.className) th.classList.add(column.className);
        const label = column.label();
        if (column.sortable === false) {
          th.textContent = label;
          return th;
        }
        const button = el('button', 'sort-button');
        button.type = 'button';
        button.title = this.t('kw.sortBy', { column: label });
        const arrow = el('span', 'sort-arrow');
        arrow.setAttribute('aria-hidden', 'true');
        button.append(el('span', 'sort-label', label), arrow);
        button.addEventListener('click', () => this.toggle(column));
        th.append(button);
        return th;
      }),
    );
    this.#markSort();
  }

  /** Numbers start high-to-low (what one wants first), text starts A-Z; a second click flips. @param {Column} column */
  toggle(column) {
    if (this.sort?.key === column.key) {
      this.sort = { key: column.key, dir: this.sort.dir === 'asc' ? 'desc' : 'asc' };
    } else {
      this.sort = { key: column.key, dir: column.firstDir ?? (column.numeric ? 'desc' : 'asc') };
    }
    this.#markSort();
    this.render();
  }

  #markSort() {
    for (const th of /** @type {HTMLCollectionOf<HTMLElement>} */ (this.headRow.children)) {
      const dir = this.sort && this.sort.key === th.dataset.key ? this.sort.dir : null;
      if (dir) th.setAttribute('aria-sort', dir === 'asc' ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
      const arrow = th.querySelector('.sort-arrow');
      if (arrow) arrow.textContent = dir ? (dir === 'asc' ? '▲' : '▼') : '';
    }
  }

  /** @param {any[]} rows */
  setRows(rows) {
    this.rows = rows;
    this.render();
  }

  /** The rows in display order. */
  sorted() {
    const column = this.sort && this.columns.find((c) => c.key === this.sort?.key);
    return column && this.sort ? sortRows(this.rows, column.value, this.sort.dir, lang()) : this.rows;
  }

  render() {
    this.body.replaceChildren(
      ...this.sorted().map((row) => {
        const tr = el('tr');
        for (const column of this.columns) {
          const td = el('td');
          if (column.numeric) td.classList.add('num');
          if (column.className) td.classList.add(column.className);
          if (column.render) column.render(row, td);
          else
            td.textContent = column.numeric
              ? formatNumber(column.value(row), column.digits ?? 0)
              : String(column.value(row) ?? '');
          tr.append(td);
        }
        return tr;
      }),
    );
  }

  /** CSV of what is shown: header labels, then the rows in display order (numbers unrounded). */
  csv() {
    const columns = this.columns.filter((c) => c.csv !== false);
    return csvBlob(
      columns.map((c) => c.label()),
      this.sorted().map((row) => columns.map((c) => c.value(row))),
    );
  }
}
