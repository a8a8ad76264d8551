// @ts-check
// The question a batch asks once about the exact duplicates it brought: each one “与「…」内容相同”,
// and two answers, 跳过 (remove the copies just added) or 都保留 (keep both). Closing the dialog
// (Escape) keeps both: nothing the person added is thrown away unasked.

/** @typedef {import('../corpus.js').Duplicate} Duplicate */

/** How many duplicates the dialog names one by one (the rest are counted). */
const LISTED = 50;

export class DuplicatesDialog {
  #dialog;
  #t;

  /** @param {HTMLDialogElement} dialog @param {(key: string, vars?: import('../i18n.js').Vars) => string} t */
  constructor(dialog, t) {
    this.#dialog = dialog;
    this.#t = t;
  }

  /**
   * Asks; resolves to true when the person chose to skip the duplicates.
   * @param {Duplicate[]} duplicates
   * @returns {Promise<boolean>}
   */
  ask(duplicates) {
    const t = this.#t;
    const dialog = this.#dialog;
    const form = document.createElement('form');
    form.method = 'dialog';
    const heading = document.createElement('h2');
    heading.id = 'duplicates-title';
    heading.textContent = t('duplicates.title', { n: duplicates.length });
    const list = document.createElement('ul');
    list.className = 'duplicates-list';
    for (const { doc, original } of duplicates.slice(0, LISTED)) {
      const li = document.createElement('li');
      li.textContent = t('duplicates.same', { name: doc.name, title: original.title || original.name });
      list.append(li);
    }
    if (duplicates.length > LISTED) {
      const more = document.createElement('li');
      more.textContent = t('duplicates.more', { n: duplicates.length - LISTED });
      list.append(more);
    }
    const actions = document.createElement('div');
    actions.className = 'dialog-actions';
    const keep = document.createElement('button');
    keep.value = 'keep';
    keep.textContent = t('duplicates.keep');
    const skip = document.createElement('button');
    skip.value = 'skip';
    skip.className = 'primary';
    skip.textContent = t('duplicates.skip', { n: duplicates.length });
    actions.append(keep, skip);
    form.append(heading, list, actions);
    dialog.replaceChildren(form);
    dialog.returnValue = '';
    return new Promise((resolve) => {
      dialog.addEventListener('close', () => resolve(dialog.returnValue === 'skip'), { once: true });
      dialog.showModal();
    });
  }
}
