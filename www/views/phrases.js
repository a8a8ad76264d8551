// @ts-check
// 短语 view: multi-word phrases the analysis discovered (words that keep turning up together),
// with their association and boundary statistics. Accepting a phrase adds it as a user word:
// the controller re-segments, so it becomes one term everywhere (and leaves this list).
import { downloadBlob, fileName } from '../export.js';
import { onLangChange } from '../i18n.js';
import { SortableTable, el, formatNumber, isShown } from './shared.js';
import './phrases.css';
import { matching, splitWords } from './text.js';

/** @typedef {import('./shared.js').ViewContext} ViewContext */
/** @typedef {import('./shared.js').ViewState} ViewState */
/** @typedef {import('./results').Analysis} Analysis */

export class PhrasesView {
  /** @type {ViewContext} */
  #ctx;
  /** @type {Analysis | null} */
  #analysis = null;
  /** @type {ViewState | null} */
  #state = null;
  #dirty = false;
  /** @type {Set<string>} phrases accepted whose re-segmentation has not come back yet */
  #pending = new Set();

  /** @param {HTMLElement} container @param {ViewContext} ctx */
  constructor(container, ctx) {
    this.container = container;
    this.#ctx = ctx;
    const t = ctx.t;
    container.classList.add('phrases-view');

    this.root = el('div', 'ph-root');

    const toolbar = el('div', 'view-toolbar');
    this.filterInput = el('input', 'ph-filter');
    this.filterInput.type = 'search';
    this.filterInput.addEventListener('input', () => this.#render());
    this.exportButton = el('button', 'ph-export toolbar-end');
    this.exportButton.type = 'button';
    this.exportButton.addEventListener('click', () => downloadBlob(fileName('phrases', 'csv'), this.table.csv()));
    toolbar.append(this.filterInput, this.exportButton);

    // Any word can be added by hand, not only the discovered phrases.
    this.addForm = el('form', 'view-toolbar ph-add');
    this.addLabel = el('label', 'field');
    this.addText = el('span');
    this.addInput = el('input', 'ph-add-input');
    this.addInput.type = 'text';
    this.addLabel.append(this.addText, this.addInput);
    this.addButton = el('button', 'ph-add-button');
    this.addButton.type = 'submit';
    this.addForm.append(this.addLabel, this.addButton);
    this.addForm.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#addTyped();
    });

    this.userWordsEl = el('div', 'ph-user-words');
    this.userWordsLabel = el('span', 'ph-user-words-label');
    this.userWordsList = el('ul', 'ph-chips');
    this.userWordsEl.append(this.userWordsLabel, this.userWordsList);

    this.summary = el('p', 'view-summary ph-summary');
    this.summary.setAttribute('aria-live', 'polite');
    this.message = el('p', 'view-empty ph-empty');
    this.message.hidden = true;
    this.help = el('p', 'ph-help');

    this.table = new SortableTable({
      t,
      caption: 'ph.caption',
      columns: [
        {
          key: 'phrase',
          label: () => t('ph.phrase'),
          value: (r) => r.phrase,
          className: 'phrase',
          render: (r, td) => {
            const button = el('button', 'term-button', r.phrase);
            button.type = 'button';
            button.title = t('ph.phraseTitle', { phrase: r.phrase });
            button.addEventListener('click', () => ctx.showContexts(r.phrase));
            td.append(button);
          },
        },
        { key: 'parts', label: () => t('ph.parts'), value: (r) => r.parts.join(' + '), className: 'parts' },
        { key: 'count', label: () => t('ph.count'), value: (r) => r.count, numeric: true, className: 'count' },
        { key: 'pmi', label: () => t('ph.pmi'), value: (r) => r.pmi, numeric: true, digits: 3, className: 'pmi' },
        { key: 'llr', label: () => t('ph.llr'), value: (r) => r.llr, numeric: true, digits: 2, className: 'llr' },
        {
          key: 'leftEntropy',
          label: () => t('ph.leftEntropy'),
          value: (r) => r.leftEntropy,
          numeric: true,
          digits: 3,
          className: 'left-entropy',
        },
        {
          key: 'rightEntropy',
          label: () => t('ph.rightEntropy'),
          value: (r) => r.rightEntropy,
          numeric: true,
          digits: 3,
          className: 'right-entropy',
        },
        {
          key: 'score',
          label: () => t('ph.score'),
          value: (r) => r.score,
          numeric: true,
          digits: 2,
          className: 'score',
        },
        {
          key: 'action',
          label: () => t('ph.action'),
          value: () => '',
          sortable: false,
          csv: false,
          className: 'action',
          render: (r, td) => td.append(this.#acceptButton(r.phrase)),
        },
      ],
    });

    this.root.append(
      this.addForm,
      this.userWordsEl,
      toolbar,
      this.summary,
      this.message,
      this.table.element,
      this.help,
    );
    container.append(this.root);
    this.#relabel();
    onLangChange(() => {
      this.#relabel();
      if (isShown(this.container)) this.#render();
      else this.#dirty = true;
    });
  }

  /** @param {Analysis} analysis @param {ViewState} state */
  update(analysis, state) {
    this.#analysis = analysis;
    this.#state = state;
    // A phrase that is now a user word has been re-segmented: it is no longer pending.
    for (const phrase of this.#pending) if (state.userWords?.includes(phrase)) this.#pending.delete(phrase);
    if (isShown(this.container)) this.#render();
    else this.#dirty = true;
  }

  show() {
    if (this.#dirty) this.#render();
  }

  #relabel() {
    const t = this.#ctx.t;
    this.filterInput.placeholder = t('ph.filter');
    this.filterInput.setAttribute('aria-label', t('ph.filter'));
    this.exportButton.textContent = t('ph.export');
    this.addText.textContent = t('ph.addLabel');
    this.addInput.placeholder = t('ph.addPlaceholder');
    this.addButton.textContent = t('ph.addButton');
    this.userWordsLabel.textContent = t('ph.userWords');
    this.help.textContent = t('ph.help');
    this.table.relabel();
  }

  /** @param {string} phrase */
  #acceptButton(phrase) {
    const t = this.#ctx.t;
    const button = el('button', 'row-action accept');
    button.type = 'button';
    const added = this.#state?.userWords?.includes(phrase);
    const pending = this.#pending.has(phrase);
    button.textContent = added ? t('ph.accepted') : pending ? t('ph.accepting') : t('ph.accept');
    button.disabled = added || pending;
    button.title = t('ph.acceptTitle', { phrase });
    button.addEventListener('click', () => this.#accept([phrase], button));
    return button;
  }

  /** @param {string[]} words @param {HTMLButtonElement | null} button */
  async #accept(words, button) {
    for (const word of words) this.#pending.add(word);
    if (button) {
      button.disabled = true;
      button.textContent = this.#ctx.t('ph.accepting');
    }
    let failed = false;
    try {
      await this.#ctx.addUserWords(words);
    } catch (/** @type {any} */ err) {
      failed = true;
      if (err) this.#ctx.notify(err, 'error');
    }
    // If the words did not make it into the user words (the controller reported why), the
    // phrase can be tried again.
    const userWords = this.#state?.userWords ?? [];
    const refused = words.filter((word) => failed || !userWords.includes(word));
    for (const word of refused) this.#pending.delete(word);
    if (button?.isConnected && refused.length) {
      button.disabled = false;
      button.textContent = this.#ctx.t('ph.accept');
    }
  }

  #addTyped() {
    const typed = splitWords(this.addInput.value);
    if (typed.length === 0) return;
    const existing = new Set(this.#state?.userWords ?? []);
    const fresh = [...new Set(typed)].filter((word) => !existing.has(word));
    const already = typed.filter((word) => existing.has(word));
    if (already.length) this.#ctx.notify(this.#ctx.t('ph.addAlready', { words: already.join('、') }), 'info');
    this.addInput.value = '';
    if (fresh.length) this.#accept(fresh, null);
  }

  #render() {
    this.#dirty = false;
    const t = this.#ctx.t;
    const phrases = this.#analysis?.phrases ?? [];
    const query = this.filterInput.value.trim().toLowerCase();
    const rows = matching(phrases, query, (p) => p.phrase);
    this.table.setRows(rows);

    const userWords = this.#state?.userWords ?? [];
    this.userWordsList.replaceChildren(
      ...(userWords.length
        ? userWords.map((word) => el('li', 'ph-chip', word))
        : [el('li', 'ph-chip-none', t('ph.noUserWords'))]),
    );

    this.summary.textContent = this.#analysis
      ? t('ph.summary', {
          shown: formatNumber(rows.length),
          total: formatNumber(phrases.length),
          minCount: formatNumber(this.#state?.settings?.phrases?.minCount ?? 3),
        })
      : '';
    const empty = !this.#analysis
      ? ''
      : phrases.length === 0
        ? t('ph.empty')
        : rows.length === 0
          ? t('ph.noMatch', { query })
          : '';
    this.message.textContent = empty;
    this.message.hidden = !empty;
    this.exportButton.disabled = rows.length === 0;
  }
}
