// @ts-check
// What happened to each file a person added (newest first), under the document list. A message
// in both languages (an error, a warning: www/errors.js) shows the current language's half first
// and the other on its own, quieter line; its text stays the whole message ("中文 / English").
// A notice may carry details (the files a large batch refused), listed collapsed under it.
import { lang } from '../../i18n.js';

/** @typedef {import('../../errors.js').Bilingual} Bilingual */
/** @typedef {import('../../shapes.js').NoticeKind} NoticeKind */

export class Notices {
  /** @param {HTMLElement} box with a heading, a .clear button and a <ul> */
  constructor(box) {
    this.box = box;
    this.list = /** @type {HTMLUListElement} */ (box.querySelector('ul'));
    /** @type {HTMLElement} */ (box.querySelector('.clear')).addEventListener('click', () => {
      this.list.replaceChildren();
      box.hidden = true;
    });
  }

  /** The language changed: the quieter half follows it. */
  relabel() {
    for (const li of this.list.children) markOtherLanguage(li);
  }

  /**
   * @param {string | Bilingual} message
   * @param {NoticeKind} kind
   * @param {string[]} details
   * @param {string} detailsLabel the summary of the collapsed list
   */
  add(message, kind, details, detailsLabel) {
    const li = document.createElement('li');
    li.className = `notice ${kind}`;
    if (typeof message === 'string') {
      li.append(message);
    } else {
      const zh = span('zh', message.zh);
      const en = span('en', message.en);
      zh.lang = 'zh-CN';
      en.lang = 'en';
      li.append(zh, span('sep', ' / '), en);
      li.classList.add('bilingual');
      markOtherLanguage(li);
    }
    if (details.length) {
      const more = document.createElement('details');
      const summary = document.createElement('summary');
      summary.textContent = detailsLabel;
      // Not a list of <li>: a notice is one item of the outcome list, whatever it holds.
      const list = document.createElement('div');
      list.className = 'notice-details';
      for (const line of details) {
        const item = document.createElement('div');
        item.textContent = line;
        list.append(item);
      }
      more.append(summary, list);
      li.append(more);
    }
    this.list.prepend(li);
    this.box.hidden = false;
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
