// @ts-check
// 原文 (the document view): one document's own text, with the lines set aside as page furniture
// (navigation, bylines, copyright …) greyed in place, their kind on hover; a switch counts this
// document's set-aside lines again, and two buttons do it for all documents (or none). The
// switch is a metadata edit (countFurniture), so it is kept as the other edits are.
import { el } from '../shared.js';
import { FIRST_LINES, readerLines, setAside } from './lines.js';
import './reader.css';

/** @typedef {import('../shared.js').ViewContext} ViewContext */
/** @typedef {import('../shared.js').ViewState} ViewState */
/** @typedef {import('../../shapes.js').DocumentInfo} DocumentInfo */
/** @typedef {{edit: (ids: number[] | null, patch: import('../../types/MetadataPatch').MetadataPatch) => Promise<unknown>}} ReaderActions */

export class ReaderView {
  /** @type {ViewState | null} */
  state = null;
  /** @type {number | null} */
  id = null;
  /** What is drawn: the document and its countFurniture, so that an update redraws only on change. */
  #drawn = '';
  /** @type {DocumentInfo[] | null} */
  #listed = null;
  #request = 0;

  /** @param {HTMLElement} container @param {ViewContext} ctx @param {ReaderActions} actions */
  constructor(container, ctx, actions) {
    this.ctx = ctx;
    this.container = container;
    container.innerHTML = `
      <div class="reader-root">
        <div class="reader-controls">
          <label><span class="reader-doc-label"></span> <select class="reader-doc"></select></label>
          <label class="check"><input type="checkbox" class="reader-count" /> <span class="reader-count-label"></span></label>
          <span class="reader-all"><button type="button" class="reader-all-on"></button><button type="button" class="reader-all-off"></button></span>
        </div>
        <p class="reader-meta"></p>
        <div class="reader-text" lang="zh-CN"></div>
        <button type="button" class="reader-more" hidden></button>
      </div>`;
    this.select = /** @type {HTMLSelectElement} */ (container.querySelector('.reader-doc'));
    this.count = /** @type {HTMLInputElement} */ (container.querySelector('.reader-count'));
    this.textBox = /** @type {HTMLElement} */ (container.querySelector('.reader-text'));
    this.more = /** @type {HTMLButtonElement} */ (container.querySelector('.reader-more'));
    this.select.addEventListener('change', () => this.open(Number(this.select.value)));
    this.count.addEventListener('change', () => {
      if (this.id !== null) this.#edit(actions.edit([this.id], { countFurniture: this.count.checked }));
    });
    const all = (/** @type {boolean} */ on) => () => this.#edit(actions.edit(null, { countFurniture: on }));
    /** @type {HTMLElement} */ (container.querySelector('.reader-all-on')).addEventListener('click', all(true));
    /** @type {HTMLElement} */ (container.querySelector('.reader-all-off')).addEventListener('click', all(false));
  }

  /** @param {Promise<unknown>} done */
  #edit(done) {
    done.catch((err) => this.ctx.notify(/** @type {Error} */ (err), 'error'));
  }

  /** @param {import('../../shapes.js').Analysis} _analysis @param {ViewState} state */
  update(_analysis, state) {
    this.state = state;
    if (this.container.hidden) return;
    this.#render();
  }

  show() {
    this.#render();
  }

  /** Shows document `id` (from the panel's 原文). */
  open(/** @type {number} */ id) {
    this.id = id;
    this.#render();
  }

  #render() {
    const state = this.state;
    if (!state) return;
    const { t } = this.ctx;
    /** @type {HTMLElement} */ (this.container.querySelector('.reader-doc-label')).textContent = t('reader.document');
    /** @type {HTMLElement} */ (this.container.querySelector('.reader-all-on')).textContent = t('reader.allOn');
    /** @type {HTMLElement} */ (this.container.querySelector('.reader-all-off')).textContent = t('reader.allOff');
    const docs = state.documents;
    if (this.id === null || !docs.some((d) => d.id === this.id)) this.id = docs[0]?.id ?? null;
    if (this.#listed !== docs) {
      this.#listed = docs;
      this.select.replaceChildren(...docs.map((d) => new Option(d.title || d.name, String(d.id))));
    }
    const doc = docs.find((d) => d.id === this.id);
    if (!doc) {
      this.textBox.replaceChildren(el('p', 'empty', t('docs.empty')));
      this.#drawn = '';
      return;
    }
    this.select.value = String(doc.id);
    this.count.checked = doc.countFurniture;
    this.count.disabled = doc.furnitureLines === 0;
    /** @type {HTMLElement} */ (this.container.querySelector('.reader-count-label')).textContent = t('reader.count', {
      n: doc.furnitureLines,
    });
    const key = `${doc.id}:${doc.countFurniture}:${this.ctx.lang()}`;
    if (key === this.#drawn) return;
    this.#drawn = key;
    this.#draw(doc);
  }

  /** @param {DocumentInfo} doc */
  async #draw(doc) {
    const request = ++this.#request;
    const [text, furniture] = await Promise.all([
      this.ctx.request('documentText', doc.id),
      this.ctx.request('furniture', doc.id),
    ]).catch((err) => {
      this.textBox.replaceChildren(el('p', 'error', this.ctx.errorText(err)));
      return [null, null];
    });
    if (request !== this.#request || text === null) return;
    const { t } = this.ctx;
    const lines = readerLines(text, furniture);
    const aside = setAside(lines);
    const meta = [doc.date ?? t('docs.noDate'), doc.source, doc.author, ...doc.groups.map((g) => `#${g}`)].filter(
      Boolean,
    );
    meta.push(t(doc.countFurniture ? 'reader.counted' : 'reader.setAside', { n: aside.lines, chars: aside.chars }));
    /** @type {HTMLElement} */ (this.container.querySelector('.reader-meta')).textContent = meta.join(' · ');
    this.textBox.classList.toggle('counted', doc.countFurniture);
    const draw = (/** @type {number} */ from, /** @type {number} */ to) =>
      lines.slice(from, to).map(({ text: line, furniture: f }) => {
        const p = el('p', f ? `line furniture kind-${f.kind}` : 'line', line || '\u00a0');
        if (f) {
          p.title = t('reader.kindTitle', { kind: t(`reader.kind.${f.kind}`), rule: f.rule });
          p.dataset.kind = f.kind;
        }
        return p;
      });
    this.textBox.replaceChildren(...draw(0, FIRST_LINES));
    this.more.hidden = lines.length <= FIRST_LINES;
    this.more.textContent = t('reader.more', { n: lines.length - FIRST_LINES });
    this.more.onclick = () => {
      this.textBox.append(...draw(FIRST_LINES, lines.length));
      this.more.hidden = true;
    };
  }
}
