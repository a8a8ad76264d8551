// The document list: what is loaded, what is in the analysis, and what happened to each file
// a person added. Names and titles come from users' files: only ever set as textContent.
import { lang, numberFormat, registerStrings } from '../i18n.js';
import './documents.css';

registerStrings({
  zh: {
    'docs.title': '文档',
    'docs.all': '全选',
    'docs.none': '全不选',
    'docs.include': '纳入分析',
    'docs.only': '仅此篇',
    'docs.onlyTitle': '只分析这一篇',
    'docs.remove': '移除',
    'docs.removeTitle': '从语料中移除「{name}」',
    'docs.size': '{chars} 字 · {tokens} 词',
    'docs.empty': '还没有文档。把文本文件拖到页面上，或点击“添加文件”。',
    'docs.notices': '添加记录',
    'docs.clearNotices': '清除',
    'docs.hint': '可拖入多个文件；支持 UTF-8、GBK/GB18030、Big5、UTF-16 编码。',
  },
  en: {
    'docs.title': 'Documents',
    'docs.all': 'All',
    'docs.none': 'None',
    'docs.include': 'Include in the analysis',
    'docs.only': 'Only',
    'docs.onlyTitle': 'Analyse only this document',
    'docs.remove': 'Remove',
    'docs.removeTitle': 'Remove "{name}" from the corpus',
    'docs.size': '{chars} chars · {tokens} tokens',
    'docs.empty': 'No documents yet. Drop text files on the page, or click "Add files".',
    'docs.notices': 'What happened',
    'docs.clearNotices': 'Clear',
    'docs.hint': 'Drop several files at once; UTF-8, GBK/GB18030, Big5 and UTF-16 are read.',
  },
});

export class DocumentsView {
  /** `actions`: setIncluded(ids), remove(id), addFiles(). */
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
    this.list = container.querySelector('.doc-list');
    this.noticesBox = container.querySelector('.notices');
    this.noticeList = this.noticesBox.querySelector('ul');
    this.state = null;
    this.#relabel();

    container
      .querySelector('[data-bulk=all]')
      .addEventListener('click', () => actions.setIncluded((this.state?.documents ?? []).map((d) => d.id)));
    container.querySelector('[data-bulk=none]').addEventListener('click', () => actions.setIncluded([]));
    this.noticesBox.querySelector('.clear').addEventListener('click', () => {
      this.noticeList.replaceChildren();
      this.noticesBox.hidden = true;
    });
    this.list.addEventListener('change', (event) => {
      const box = event.target.closest('input[type=checkbox]');
      if (!box) return;
      const ids = [...this.list.querySelectorAll('input[type=checkbox]:checked')].map((b) => Number(b.value));
      actions.setIncluded(ids);
    });
    this.list.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-action]');
      if (!button) return;
      const id = Number(button.closest('li').dataset.id);
      if (button.dataset.action === 'only') actions.setIncluded([id]);
      if (button.dataset.action === 'remove') actions.remove(id);
    });
  }

  /** The labels alone: also drawn before the first state arrives (or if start-up fails). */
  #relabel() {
    const { t } = this.ctx;
    const count = this.state ? ` (${this.state.documents.length})` : '';
    this.container.querySelector('#documents-title').textContent = `${t('docs.title')}${count}`;
    this.container.querySelector('[data-bulk=all]').textContent = t('docs.all');
    this.container.querySelector('[data-bulk=none]').textContent = t('docs.none');
    this.container.querySelector('.hint').textContent = t('docs.hint');
    this.noticesBox.querySelector('h3').textContent = t('docs.notices');
    this.noticesBox.querySelector('.clear').textContent = t('docs.clearNotices');
    for (const li of this.noticeList.children) markOtherLanguage(li);
  }

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
    const active = document.activeElement;
    const li = active?.closest?.('li.doc');
    if (!li || !this.list.contains(li)) return null;
    const control = active.matches('input[type=checkbox]') ? 'input[type=checkbox]' : `button.${active.dataset.action}`;
    return { id: Number(li.dataset.id), index: [...this.list.children].indexOf(li), control };
  }

  #restoreFocus({ id, index, control }) {
    const items = [...this.list.querySelectorAll('li.doc')];
    const same = items.find((li) => Number(li.dataset.id) === id);
    const li = same ?? items[Math.min(index, items.length - 1)];
    (li?.querySelector(control) ?? this.container.querySelector('[data-bulk=all]')).focus();
  }

  /**
   * One line in the outcome list (newest first). The analyzer's refusals are bilingual
   * ("中文。 / English."): the half not in the current language goes on its own, quieter line,
   * so that each message reads at a glance; the text stays the whole message.
   */
  notice(message, kind = 'info') {
    const li = document.createElement('li');
    li.className = `notice ${kind}`;
    const halves = /^(.*?[。！？）)])( \/ )(.+)$/su.exec(message);
    if (halves) {
      const zh = span('zh', halves[1]);
      const sep = span('sep', halves[2]);
      const en = span('en', halves[3]);
      zh.lang = 'zh-CN';
      en.lang = 'en';
      li.append(zh, sep, en);
      li.classList.add('bilingual');
      markOtherLanguage(li);
    } else {
      li.textContent = message;
    }
    this.noticeList.prepend(li);
    this.noticesBox.hidden = false;
  }
}

function span(className, text) {
  const s = document.createElement('span');
  s.className = className;
  s.textContent = text;
  return s;
}

/** Quietens the half of a bilingual notice that is not in the current language. */
function markOtherLanguage(li) {
  const zh = li.querySelector(':scope > .zh');
  const en = li.querySelector(':scope > .en');
  if (!zh || !en) return;
  const english = lang() === 'en';
  zh.classList.toggle('other', english);
  en.classList.toggle('other', !english);
}

function button(action, text, title) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = `link ${action}`;
  b.dataset.action = action;
  b.textContent = text;
  b.title = title;
  return b;
}
