// Small pieces several views share: DOM building (never innerHTML with data), number
// formatting in the current language, visibility, and the sortable table.
import { csvBlob } from '../export.js';
import { lang, registerStrings } from '../i18n.js';
import en from '../locales/en.json';
import zh from '../locales/zh.json';

// The views' strings live in www/locales/ (every view imports this module). Until i18n.js
// reads the locale files itself, they are handed to it here.
registerStrings({ zh, en });

/**
 * What the controller gives every view (docs/PAGE.md).
 * @typedef {object} ViewContext
 * @property {(key: string, vars?: Record<string, unknown>) => string} t
 * @property {() => string} lang
 * @property {(term: string) => void} showContexts
 * @property {(patch: Record<string, unknown>) => unknown} setSettings
 * @property {(action: string, ...args: any[]) => Promise<any>} request
 * @property {(words: string[]) => Promise<unknown>} addUserWords
 * @property {(message: string, kind?: string) => void} notify
 */
/**
 * The controller's state, read-only for views.
 * @typedef {object} ViewState
 * @property {{id: number, name: string, title?: string}[]} documents
 * @property {Set<number>} included
 * @property {Record<string, any>} settings
 * @property {string[]} userWords
 * @property {string[]} stopWords
 */

/** Formats numbers in the current language; `digits` fixed decimals (0 = integer). */
export function formatNumber(value, digits = 0) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '–';
  return new Intl.NumberFormat(lang() === 'en' ? 'en-US' : 'zh-CN', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** Small DOM helper: an element with a class and optional text (always textContent). */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

/** True when `node` is laid out (its tab is the visible one). */
export const isShown = (node) => node.isConnected && node.getClientRects().length > 0;

/** `el` with its children, for building small DOM trees without innerHTML. */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key in el && typeof value !== 'string') el[key] = value;
    else el.setAttribute(key, value);
  }
  el.append(...children);
  return el;
}

/** An <option>. */
export function option(value, text) {
  const node = el('option', null, text);
  node.value = value;
  return node;
}

/**
 * A table sorted on the client by clicking its column headers (buttons, so the keyboard works;
 * aria-sort tells screen readers the order). Columns:
 *   { key, label() , value(row) for sorting and CSV, numeric, digits, render(row, td)?, className }
 * Ties keep the rows' original order, so sorting is stable and predictable.
 */
export class SortableTable {
  constructor({ columns, caption, t, initial = null }) {
    this.columns = columns;
    this.t = t;
    this.caption = caption;
    this.rows = [];
    this.sort = initial; // {key, dir: 'asc' | 'desc'} or null for the given order
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
        button.append(el('span', 'sort-label', label), el('span', 'sort-arrow'));
        button.lastChild.setAttribute('aria-hidden', 'true');
        button.addEventListener('click', () => this.toggle(column));
        th.append(button);
        return th;
      }),
    );
    this.#markSort();
  }

  /** Numbers start high-to-low (what one wants first), text starts A-Z; a second click flips. */
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
    for (const th of this.headRow.children) {
      const active = this.sort?.key === th.dataset.key;
      if (active) th.setAttribute('aria-sort', this.sort.dir === 'asc' ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
      const arrow = th.querySelector('.sort-arrow');
      if (arrow) arrow.textContent = active ? (this.sort.dir === 'asc' ? '▲' : '▼') : '';
    }
  }

  setRows(rows) {
    this.rows = rows;
    this.render();
  }

  /** The rows in display order. */
  sorted() {
    const indexed = this.rows.map((row, index) => ({ row, index }));
    const column = this.sort && this.columns.find((c) => c.key === this.sort.key);
    if (column) {
      const sign = this.sort.dir === 'asc' ? 1 : -1;
      const collator = new Intl.Collator(lang() === 'en' ? 'en' : 'zh-CN');
      indexed.sort((a, b) => {
        const x = column.value(a.row);
        const y = column.value(b.row);
        const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
        return order * sign || a.index - b.index;
      });
    }
    return indexed.map(({ row }) => row);
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
