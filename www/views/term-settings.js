// @ts-check
// The settings panel's part for terms (issue 10): how terms are shown (简体 / 繁體), whether a
// word with two parts of speech is two terms, and the merges (合并词) — each listed with its
// forms, renamed in place, a form split off (×), or the whole group deleted.
import { deleteMerge, renameMerge, splitForm } from '../merges.js';
import { el, h } from './shared.js';

/** @typedef {import('../shapes.js').State} State */
/** @typedef {import('../shapes.js').ViewContext} ViewContext */

const SCRIPTS = ['auto', 'simplified', 'traditional'];

export class TermSettings {
  /** @param {HTMLElement} container @param {ViewContext} ctx */
  constructor(container, ctx) {
    this.ctx = ctx;
    /** @type {State | null} */
    this.state = null;
    this.scriptLegend = el('legend');
    this.scriptBoxes = SCRIPTS.map((value) => {
      const input = h('input', { type: 'radio', name: 'termScript', value });
      return { value, input, text: el('span') };
    });
    const scripts = h(
      'fieldset',
      { class: 'term-script' },
      this.scriptLegend,
      ...this.scriptBoxes.map(({ input, text }) => h('label', {}, input, ' ', text)),
    );
    this.separatePos = h('input', { type: 'checkbox', name: 'separatePos' });
    this.separateText = el('span');
    this.mergesSummary = el('summary');
    this.mergesHint = el('p', 'hint');
    this.list = el('ul', 'merge-list');
    this.section = h(
      'details',
      { class: 'terms', open: true },
      (this.summary = el('summary')),
      scripts,
      h('label', {}, this.separatePos, ' ', this.separateText),
      h('details', { class: 'merges' }, this.mergesSummary, this.mergesHint, this.list),
    );
    container.append(this.section);

    this.section.addEventListener('change', (event) => {
      const input = /** @type {HTMLInputElement} */ (event.target);
      if (input.name === 'termScript') ctx.setSettings({ termScript: input.value });
      else if (input.name === 'separatePos') ctx.setSettings({ separatePos: input.checked });
      else if (input.name === 'mergeName') {
        const merges = this.state?.settings.merges ?? [];
        const renamed = renameMerge(merges, input.dataset.merge ?? '', input.value);
        if (renamed === merges) input.value = input.dataset.merge ?? '';
        else ctx.setMerges(renamed);
      }
    });
    this.list.addEventListener('click', (event) => {
      const button = /** @type {HTMLElement} */ (event.target).closest('button');
      if (!button) return;
      const merges = this.state?.settings.merges ?? [];
      const name = button.dataset.merge ?? '';
      if (button.dataset.action === 'split') ctx.setMerges(splitForm(merges, name, button.dataset.form ?? ''));
      else if (button.dataset.action === 'delete') ctx.setMerges(deleteMerge(merges, name));
    });
  }

  /** @param {State} state */
  render(state) {
    this.state = state;
    const { t } = this.ctx;
    const { termScript, separatePos, merges } = state.settings;
    this.summary.textContent = t('settings.terms');
    this.scriptLegend.textContent = t('settings.termScript');
    for (const { value, input, text } of this.scriptBoxes) {
      text.textContent = t(`settings.termScript.${value}`);
      input.checked = termScript === value;
    }
    this.separatePos.checked = separatePos;
    this.separateText.textContent = t('settings.separatePos');
    this.mergesSummary.textContent = t('settings.merges', { n: merges.length });
    this.mergesHint.textContent = t(merges.length ? 'settings.mergesHint' : 'settings.mergesEmpty');
    this.list.replaceChildren(...merges.map((merge) => this.#item(merge)));
  }

  /** @param {import('../types/Merge').Merge} merge */
  #item(merge) {
    const { t, displayTerm } = this.ctx;
    const name = h('input', {
      type: 'text',
      name: 'mergeName',
      value: merge.name,
      maxlength: '20',
      'aria-label': t('settings.mergeRename', { name: merge.name }),
    });
    name.dataset.merge = merge.name;
    const forms = merge.forms.map((form) => {
      if (form === merge.name) return el('span', 'merge-form', displayTerm(form));
      const split = h(
        'button',
        { type: 'button', class: 'merge-form', title: t('settings.mergeSplit', { form }) },
        displayTerm(form),
        ' ×',
      );
      Object.assign(split.dataset, { action: 'split', merge: merge.name, form });
      return split;
    });
    const remove = h('button', { type: 'button', class: 'merge-delete' }, t('settings.mergeDelete'));
    Object.assign(remove.dataset, { action: 'delete', merge: merge.name });
    return h('li', { class: 'merge' }, name, h('span', { class: 'merge-forms' }, '= ', ...forms), remove);
  }
}
