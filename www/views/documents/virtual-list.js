// @ts-check
// A list of thousands of rows that stays quick: only the rows in view (and a few around them)
// are in the DOM, each at its place in a box as tall as the whole list; scrolling moves the
// window (once per frame) and reuses the rows by key, so a row keeps its focus while it stays.
// Rows have one height, which the CSS sets and the list measures. A short list (up to
// `fullUpTo` rows) has all its rows in the DOM, flowing as a plain list's do, so that it reads
// and searches as one, and is drawn without measuring anything.

/**
 * @template T
 * @typedef {{rowHeight?: number, overscan?: number, fullUpTo?: number, key: (item: T) => string,
 *   renderRow: (li: HTMLLIElement, item: T, index: number) => void, rowClass: string}} VirtualListOptions
 */

/** @template T */
export class VirtualList {
  /** @type {T[]} */
  items = [];
  /** @type {Map<string, HTMLLIElement>} rows in the DOM by key */
  #rows = new Map();
  /** The item each row was last drawn with: a scroll redraws only the rows that came into view. */
  #drawn = new WeakMap();
  #frame = 0;
  #rowHeight = 0;
  #options;

  /**
   * @param {HTMLElement} scroller the scrolling box
   * @param {HTMLUListElement} list inside it
   * @param {VirtualListOptions<T>} options
   */
  constructor(scroller, list, options) {
    this.scroller = scroller;
    this.list = list;
    this.#options = { overscan: 6, fullUpTo: 150, ...options };
    list.style.position = 'relative';
    scroller.addEventListener('scroll', () => this.#schedule(), { passive: true });
    window.addEventListener('resize', () => {
      this.#rowHeight = 0;
      this.#schedule();
    });
  }

  /** Shows `items` (the rows in view are drawn again). @param {T[]} items */
  setItems(items) {
    this.items = items;
    this.render(true);
  }

  /** The height of one row, as the CSS makes it (measured on a row, once). */
  get rowHeight() {
    if (!this.#rowHeight) {
      const sample = this.#rows.values().next().value;
      this.#rowHeight = sample?.offsetHeight || this.#options.rowHeight || 80;
    }
    return this.#rowHeight;
  }

  #schedule() {
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.render();
    });
  }

  /** The range of rows to have in the DOM. */
  #window() {
    const n = this.items.length;
    if (this.#isShort()) return [0, n];
    const height = this.rowHeight;
    const overscan = /** @type {number} */ (this.#options.overscan);
    // The list may start below the top of the scroller (a heading above it in the same box).
    const top = this.scroller.scrollTop - this.list.offsetTop;
    const first = Math.max(0, Math.floor(top / height) - overscan);
    const visible = Math.ceil((this.scroller.clientHeight || height * 10) / height);
    return [first, Math.min(n, first + visible + 2 * overscan)];
  }

  /** Draws the rows in view (every row when the list is short); `all`: also the rows that stayed
   *  (what they show may have changed), else only the rows new in view. */
  render(all = false) {
    const { key, renderRow, rowClass } = this.#options;
    const first = this.#rows.size === 0;
    const [from, to] = this.#window();
    /** @type {Map<string, HTMLLIElement>} */
    const next = new Map();
    /** @type {HTMLLIElement[]} */
    const spare = [];
    const wanted = new Set(this.items.slice(from, to).map(key));
    for (const [k, li] of this.#rows) if (!wanted.has(k)) spare.push(li);
    for (let i = from; i < to; i++) {
      const item = this.items[i];
      const k = key(item);
      let li = this.#rows.get(k) ?? spare.pop();
      if (!li) {
        li = document.createElement('li');
        li.className = rowClass;
      }
      if (all || this.#drawn.get(li) !== item) {
        renderRow(li, item, i);
        this.#drawn.set(li, item);
      }
      const size = String(this.items.length);
      if (li.getAttribute('aria-setsize') !== size) li.setAttribute('aria-setsize', size);
      li.setAttribute('aria-posinset', String(i + 1));
      next.set(k, li);
    }
    for (const li of spare) li.remove();
    this.#rows = next;
    // Rows in DOM order, so that Tab moves through them in list order.
    let previous = null;
    for (const li of next.values()) {
      if (li.parentNode !== this.list || li.previousElementSibling !== previous) {
        if (previous) previous.after(li);
        else this.list.prepend(li);
      }
      previous = li;
    }
    if (first && next.size) this.#rowHeight = 0; // measure on a real row
    if (this.#isShort()) {
      // Every row is in the DOM: they flow, and nothing is measured (a row's height read now
      // would lay the page out while it is being built: ~60 ms of a warm start-up).
      for (const li of next.values()) if (li.hasAttribute('style')) li.removeAttribute('style');
      this.list.style.removeProperty('height');
      return;
    }
    const height = this.rowHeight;
    let index = from;
    for (const li of next.values()) {
      li.style.position = 'absolute';
      // A transform moves a row without a layout of the list.
      li.style.transform = `translateY(${index++ * height}px)`;
      li.style.top = '0';
      li.style.left = '0';
      li.style.right = '0';
    }
    const total = `${this.items.length * height}px`;
    if (this.list.style.height !== total) this.list.style.height = total;
  }

  #isShort() {
    return this.items.length <= /** @type {number} */ (this.#options.fullUpTo);
  }

  /** The row of `item` if it is in the DOM. @param {string} k */
  row(k) {
    return this.#rows.get(k) ?? null;
  }

  /** Scrolls so that row `index` is in view. */
  scrollToIndex(/** @type {number} */ index) {
    // A short list's rows flow: the row itself says where it is.
    const row = this.#isShort() ? this.#rows.get(this.#options.key(this.items[index])) : null;
    const height = row ? row.offsetHeight : this.rowHeight;
    const top = this.list.offsetTop + (row ? row.offsetTop : index * height);
    const box = this.scroller;
    if (top < box.scrollTop) box.scrollTop = top;
    else if (top + height > box.scrollTop + box.clientHeight) box.scrollTop = top + height - box.clientHeight;
    this.render(true);
  }
}
