// @ts-check
// 文本复用 (Reuse): the pairs of selected documents that share passages of at least N characters
// (the core's reuse(): winnowing, in the worker), with the shared characters and the share of
// each document, sortable; a click on a pair shows the two side by side with the shared
// passages marked, and a click on a passage brings the same passage into view in the other.
// The switch 重复段落只计一次 (a setting: every view then counts a reused passage once) lives here.
import { el, formatNumber, isShown, SortableTable } from '../shared.js';
import { markRuns, passageRanges } from './marks.js';
import './reuse.css';

/** @typedef {import('../shared.js').ViewContext} ViewContext */
/** @typedef {import('../shared.js').ViewState} ViewState */
/** @typedef {import('../../types/ReusePair').ReusePair} ReusePair */
/** @typedef {import('../../shapes.js').DocumentInfo} DocumentInfo */
/** @typedef {ReusePair & {aTitle: string, bTitle: string}} PairRow */

const MIN_CHARS = 50;

export class ReuseView {
  /** @type {ViewState | null} */
  state = null;
  /** What the pairs were found for (selection and minimum), so that an update asks again only on change. */
  #asked = '';
  #request = 0;
  /** @type {PairRow | null} */
  #pair = null;

  /** @param {HTMLElement} container @param {ViewContext} ctx */
  constructor(container, ctx) {
    this.ctx = ctx;
    this.container = container;
    container.innerHTML = `
      <div class="reuse-root">
        <div class="reuse-controls">
          <label><span class="reuse-min-label"></span> <input type="number" class="reuse-min" min="8" max="10000" step="1" /></label>
          <label class="check"><input type="checkbox" class="reuse-once" /> <span class="reuse-once-label"></span></label>
        </div>
        <p class="reuse-summary" aria-live="polite"></p>
        <div class="reuse-table"></div>
        <div class="reuse-pair" hidden>
          <h3 class="reuse-pair-title"></h3>
          <div class="reuse-sides">
            <div class="reuse-side" data-side="a"><h4></h4><div class="reuse-text" lang="zh-CN"></div></div>
            <div class="reuse-side" data-side="b"><h4></h4><div class="reuse-text" lang="zh-CN"></div></div>
          </div>
        </div>
      </div>`;
    const q = (/** @type {string} */ s) => /** @type {HTMLElement} */ (container.querySelector(s));
    this.min = /** @type {HTMLInputElement} */ (q('.reuse-min'));
    this.min.value = String(MIN_CHARS);
    this.once = /** @type {HTMLInputElement} */ (q('.reuse-once'));
    this.summary = q('.reuse-summary');
    this.pairBox = q('.reuse-pair');
    const t = ctx.t;
    /** @type {import('../shared.js').Column[]} */
    const columns = [
      { key: 'a', label: () => t('reuse.col.a'), value: (r) => r.aTitle, className: 'doc' },
      { key: 'b', label: () => t('reuse.col.b'), value: (r) => r.bTitle, className: 'doc' },
      { key: 'passages', label: () => t('reuse.col.passages'), value: (r) => r.passages, numeric: true },
      { key: 'shared', label: () => t('reuse.col.shared'), value: (r) => r.sharedChars, numeric: true },
      { key: 'aShare', label: () => t('reuse.col.aShare'), value: (r) => r.aShare * 100, numeric: true, digits: 1 },
      { key: 'bShare', label: () => t('reuse.col.bShare'), value: (r) => r.bShare * 100, numeric: true, digits: 1 },
      { key: 'longest', label: () => t('reuse.col.longest'), value: (r) => r.longest, numeric: true },
    ];
    this.table = new SortableTable({ columns, t, caption: 'reuse.caption' });
    q('.reuse-table').append(this.table.element);
    this.table.body.addEventListener('click', (event) => {
      const tr = /** @type {Element} */ (event.target).closest('tr');
      if (!tr) return;
      const row = this.table.sorted()[[...this.table.body.children].indexOf(tr)];
      if (row) this.#openPair(row);
    });
    this.min.addEventListener('change', () => this.#refresh());
    this.once.addEventListener('change', () => ctx.setSettings({ countOnce: this.once.checked }));
    // A click on a passage on one side brings it into view on the other.
    q('.reuse-sides').addEventListener('click', (event) => {
      const mark = /** @type {HTMLElement | null} */ (
        /** @type {Element} */ (event.target).closest('mark[data-passage]')
      );
      if (!mark) return;
      const side = /** @type {HTMLElement} */ (mark.closest('.reuse-side')).dataset.side;
      const other = q(
        `.reuse-side[data-side="${side === 'a' ? 'b' : 'a'}"] mark[data-passage="${mark.dataset.passage}"]`,
      );
      for (const m of container.querySelectorAll('mark.current')) m.classList.remove('current');
      mark.classList.add('current');
      other?.classList.add('current');
      other?.scrollIntoView({ block: 'center' });
    });
  }

  #minChars() {
    const n = Math.round(Number(this.min.value));
    return Number.isFinite(n) ? Math.min(10000, Math.max(8, n)) : MIN_CHARS;
  }

  /** @param {import('../../shapes.js').Analysis} _analysis @param {ViewState} state */
  update(_analysis, state) {
    this.state = state;
    this.#labels();
    if (isShown(this.container)) this.#refresh();
  }

  show() {
    this.#refresh();
  }

  #labels() {
    const { t } = this.ctx;
    const q = (/** @type {string} */ s) => /** @type {HTMLElement} */ (this.container.querySelector(s));
    q('.reuse-min-label').textContent = t('reuse.minChars');
    q('.reuse-once-label').textContent = t('reuse.countOnce');
    this.once.title = t('reuse.countOnceTitle');
    this.once.checked = this.state?.settings.countOnce ?? false;
    this.table.relabel();
  }

  /** Asks for the pairs of the selection again, if it (or the minimum) changed. */
  async #refresh() {
    const state = this.state;
    if (!state) return;
    const documents = state.documents.filter((d) => state.included.has(d.id)).map((d) => d.id);
    const minChars = this.#minChars();
    const key = `${minChars}:${documents.join(',')}:${state.documents.map((d) => `${d.id}${d.countFurniture}`).join()}`;
    if (key === this.#asked) return;
    this.#asked = key;
    const request = ++this.#request;
    this.summary.textContent = this.ctx.t('reuse.finding');
    let reuse;
    try {
      reuse = await this.ctx.request('reuse', { documents, minChars, limit: 1000 });
    } catch (err) {
      this.summary.textContent = this.ctx.errorText(err);
      this.#asked = '';
      return;
    }
    if (request !== this.#request) return;
    const byId = new Map(state.documents.map((d) => [d.id, d]));
    const title = (/** @type {number} */ id) => byId.get(id)?.title || byId.get(id)?.name || String(id);
    /** @type {PairRow[]} */
    const rows = reuse.pairs.map((/** @type {ReusePair} */ p) => ({ ...p, aTitle: title(p.a), bTitle: title(p.b) }));
    this.summary.textContent = this.ctx.t('reuse.summary', {
      docs: formatNumber(reuse.documents),
      pairs: formatNumber(reuse.totalPairs),
      min: minChars,
    });
    this.table.setRows(rows);
    // The most shared pair is open at first (on the seeds: 000 and 001); the one open stays.
    const same = this.#pair && rows.find((r) => r.a === this.#pair?.a && r.b === this.#pair?.b);
    if (same || rows[0]) this.#openPair(same || rows[0]);
    else this.pairBox.hidden = true;
  }

  /** Shows the two documents of `pair` side by side, the shared passages marked. @param {PairRow} pair */
  async #openPair(pair) {
    this.#pair = pair;
    const { t } = this.ctx;
    const request = ++this.#request;
    let texts;
    let found;
    try {
      [texts, found] = await Promise.all([
        Promise.all([this.ctx.request('documentText', pair.a), this.ctx.request('documentText', pair.b)]),
        this.ctx.request('reusePassages', pair.a, pair.b, { minChars: this.#minChars() }),
      ]);
    } catch (err) {
      this.summary.textContent = this.ctx.errorText(err);
      return;
    }
    if (request !== this.#request) return;
    const ranges = passageRanges(found.passages);
    const q = (/** @type {string} */ s) => /** @type {HTMLElement} */ (this.container.querySelector(s));
    q('.reuse-pair-title').textContent = t('reuse.pairTitle', {
      n: found.passages.length,
      chars: formatNumber(pair.sharedChars),
    });
    for (const [side, id, title, text] of /** @type {const} */ ([
      ['a', pair.a, pair.aTitle, texts[0]],
      ['b', pair.b, pair.bTitle, texts[1]],
    ])) {
      q(`.reuse-side[data-side="${side}"] h4`).textContent = title;
      const box = q(`.reuse-side[data-side="${side}"] .reuse-text`);
      box.dataset.id = String(id);
      box.replaceChildren(
        ...markRuns(text, ranges[side]).map((run) => {
          if (run.passage === null) return document.createTextNode(run.text);
          const mark = el('mark', null, run.text);
          mark.dataset.passage = String(run.passage);
          mark.title = t('reuse.passageTitle', { n: run.passage + 1, chars: found.passages[run.passage].chars });
          return mark;
        }),
      );
      box.scrollTop = 0;
    }
    for (const tr of this.table.body.children) tr.classList.remove('open');
    const index = this.table.sorted().indexOf(pair);
    this.table.body.children[index]?.classList.add('open');
    this.pairBox.hidden = false;
  }
}
