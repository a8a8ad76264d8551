// @ts-check
// The document list: what is loaded, what is in the analysis, and what happened to each file
// a person added. Names and titles come from users' files: only ever set as textContent.
import { lang, numberFormat } from '../i18n.js';
import './documents.css';

/** @typedef {import('../shapes.js').State} State */
/** @typedef {import('../shapes.js').ViewContext} ViewContext */
/** @typedef {import('../errors.js').Bilingual} Bilingual */
/** @typedef {{setIncluded: (ids: number[]) => void, remove: (id: number) => void, addFiles: () => void}} DocumentsActions */

export class DocumentsView {
  /** @type {State | null} */
  state = null;

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
      <ul class="doc-list"></ul>
      <p class="hint"></p>
      <div class="notices" hidden>
        <div class="panel-head"><h3></h3><button type="button" class="link clear"></button></div>
        <ul aria-live="polite"></ul>
      </div>`;
    this.list = /** @type {HTMLUListElement} */ (container.querySelector('.doc-list'));
    this.noticesBox = /** @type {HTMLElement} */ (container.querySelector('.notices'));
    this.noticeList = /** @type {HTMLUListElement} */ (this.noticesBox.querySelector('ul'));
    this.#relabel();

    this.#find('[data-bulk=all]').addEventListener('click', () =>
      actions.setIncluded((this.state?.documents ?? []).map((d) => d.id)),
    );
    this.#find('[data-bulk=none]').addEventListener('click', () => actions.setIncluded([]));
    this.#find('.notices .clear').addEventListener('click', () => {
      this.noticeList.replaceChildren();
      this.noticesBox.hidden = true;
    });
    this.list.addEventListener('change', (event) => {
      const box = /** @type {Element} */ (event.target).closest('input[type=checkbox]');
      if (!box) return;
      const boxes = /** @type {NodeListOf<HTMLInputElement>} */ (
        this.list.querySelectorAll('input[type=checkbox]:checked')
      );
      actions.setIncluded([...boxes].map((b) => Number(b.value)));
    });
    this.list.addEventListener('click', (event) => {
      const button = /** @type {HTMLElement | null} */ (
        /** @type {Element} */ (event.target).closest('button[data-action]')
      );
      if (!button) return;
      const id = Number(/** @type {HTMLElement} */ (button.closest('li')).dataset.id);
      if (button.dataset.action === 'only') actions.setIncluded([id]);
      if (button.dataset.action === 'remove') actions.remove(id);
    });
  }

  /** @param {string} selector @returns {HTMLElement} */
  #find(selector) {
    return /** @type {HTMLElement} */ (this.container.querySelector(selector));
  }

  /** The labels alone: also drawn before the first state arrives (or if start-up fails). */
  #relabel() {
    const { t } = this.ctx;
    const count = this.state ? ` (${this.state.documents.length})` : '';
    this.#find('#documents-title').textContent = `${t('docs.title')}${count}`;
    this.#find('[data-bulk=all]').textContent = t('docs.all');
    this.#find('[data-bulk=none]').textContent = t('docs.none');
    this.#find('.hint').textContent = t('docs.hint');
    this.#find('.notices h3').textContent = t('docs.notices');
    this.#find('.notices .clear').textContent = t('docs.clearNotices');
    for (const li of this.noticeList.children) markOtherLanguage(li);
  }

  /** @param {State} state */
  render(state) {
    this.state = state;
    const { t } = this.ctx;
    const nf = numberFormat();
    this.#relabel();
    if (state.documents.length === 0) {
      const empty = document.createElement('li');
      empty.className = 'empty';
      empty.textContent = t('docs.empty');
      this.list.replaceChildren(empty);
      return;
    }
    // The list is rebuilt, so keep the keyboard where it was: on the same control of the same
    // document, or (when that document was removed) of its neighbour.
    const focus = this.#focusedControl();
    this.list.replaceChildren(
      ...state.documents.map((doc) => {
        const li = document.createElement('li');
        li.dataset.id = String(doc.id);
        li.className = state.included.has(doc.id) ? 'doc included' : 'doc';
        const label = document.createElement('label');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.value = String(doc.id);
        box.checked = state.included.has(doc.id);
        box.title = t('docs.include');
        const text = document.createElement('span');
        text.className = 'doc-text';
        const title = document.createElement('span');
        title.className = 'doc-title';
        title.textContent = doc.title || doc.name;
        title.title = doc.name;
        const meta = document.createElement('span');
        meta.className = 'doc-meta';
        const encoding = document.createElement('span');
        encoding.className = 'doc-encoding';
        encoding.textContent = doc.encoding;
        meta.append(encoding, ` · ${t('docs.size', { chars: nf.format(doc.chars), tokens: nf.format(doc.tokens) })}`);
        const name = document.createElement('span');
        name.className = 'doc-name';
        name.textContent = doc.name;
        text.append(title, name, meta);
        label.append(box, text);
        const only = button('only', t('docs.only'), t('docs.onlyTitle'));
        const remove = button('remove', '×', t('docs.removeTitle', { name: doc.name }));
        remove.setAttribute('aria-label', t('docs.removeTitle', { name: doc.name }));
        li.append(label, only, remove);
        return li;
      }),
    );
    if (focus) this.#restoreFocus(focus);
  }

  /** {id, index, control} of the focused control in the list, if any. */
  #focusedControl() {
    const active = /** @type {HTMLElement | null} */ (document.activeElement);
    const li = /** @type {HTMLElement | null | undefined} */ (active?.closest?.('li.doc'));
    if (!active || !li || !this.list.contains(li)) return null;
    const control = active.matches('input[type=checkbox]') ? 'input[type=checkbox]' : `button.${active.dataset.action}`;
    return { id: Number(li.dataset.id), index: [...this.list.children].indexOf(li), control };
  }

  /** @param {{id: number, index: number, control: string}} focused */
  #restoreFocus({ id, index, control }) {
    const items = /** @type {HTMLElement[]} */ ([...this.list.querySelectorAll('li.doc')]);
    const same = items.find((li) => Number(li.dataset.id) === id);
    const li = same ?? items[Math.min(index, items.length - 1)];
    const target = /** @type {HTMLElement | null} */ (li?.querySelector(control));
    (target ?? this.#find('[data-bulk=all]')).focus();
  }

  /**
   * One line in the outcome list (newest first). A message in both languages (an error, a
   * warning: www/errors.js) shows the current language's half first and the other on its own,
   * quieter line, so that each message reads at a glance; the text stays the whole message
   * ("中文 / English"). A string is one language's sentence.
   * @param {string | Bilingual} message
   * @param {import('../shapes.js').NoticeKind} [kind]
   */
  notice(message, kind = 'info') {
    const li = document.createElement('li');
    li.className = `notice ${kind}`;
    const both = typeof message === 'string' ? null : message;
    if (both) {
      const zh = span('zh', both.zh);
      const en = span('en', both.en);
      zh.lang = 'zh-CN';
      en.lang = 'en';
      li.append(zh, span('sep', ' / '), en);
      li.classList.add('bilingual');
      markOtherLanguage(li);
    } else {
      li.textContent = /** @type {string} */ (message);
    }
    this.noticeList.prepend(li);
    this.noticesBox.hidden = false;
  }
}

/** @param {string} className @param {string} text */
function span(className, text) {
  const s = document.createElement('span');
  s.className = className;
  s.textContent = text;
  return s;
}

/** Quietens the half of a bilingual notice that is not in the current language. @param {Element} li */
function markOtherLanguage(li) {
  const zh = li.querySelector(':scope > .zh');
  const en = li.querySelector(':scope > .en');
  if (!zh || !en) return;
  const english = lang() === 'en';
  zh.classList.toggle('other', english);
  en.classList.toggle('other', !english);
}

/** @param {string} action @param {string} text @param {string} title */
function button(action, text, title) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = `link ${action}`;
  b.dataset.action = action;
  b.textContent = text;
  b.title = title;
  return b;
}
