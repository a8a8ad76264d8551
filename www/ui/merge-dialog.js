// @ts-check
// The 合并词 dialog: the terms to count as one (ticked; more can be typed in) and the name they
// are counted under (the first, most frequent one unless the person types another). Opened by
// ctx.mergeTerms(terms) / ctx.openMerge(term) from the keywords table, KWIC and the cloud's menu.

export class MergeDialog {
  /** @type {string[]} */
  #terms = [];

  /**
   * @param {HTMLDialogElement} dialog its form has a fieldset `.merge-forms`, inputs `more` and `name`, buttons valued `merge` / `cancel`
   * @param {{display: (term: string) => string, onMerge: (name: string, forms: string[]) => void | Promise<void>}} options
   *   `display`: a term as it is shown (简体 / 繁體)
   */
  constructor(dialog, { display, onMerge }) {
    this.dialog = dialog;
    this.display = display;
    this.list = /** @type {HTMLFieldSetElement} */ (dialog.querySelector('.merge-forms'));
    this.more = /** @type {HTMLInputElement} */ (dialog.querySelector('[name=more]'));
    this.name = /** @type {HTMLInputElement} */ (dialog.querySelector('[name=name]'));
    dialog.addEventListener('close', () => {
      if (dialog.returnValue !== 'merge') return;
      const ticked = [...this.list.querySelectorAll('input:checked')].map(
        (box) => /** @type {HTMLInputElement} */ (box).value,
      );
      const forms = [...ticked, ...this.more.value.split(/\s+/).filter(Boolean)];
      onMerge(this.name.value.trim() || forms[0] || '', forms);
    });
  }

  /** @param {string[]} terms the terms to merge, the name-to-be first */
  open(terms) {
    this.#terms = [...new Set(terms)];
    this.list.querySelectorAll('label').forEach((label) => label.remove());
    for (const term of this.#terms) {
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = true;
      box.value = term;
      label.append(box, ' ', this.display(term));
      this.list.append(label);
    }
    this.list.hidden = this.#terms.length === 0;
    this.more.value = '';
    this.name.value = this.#terms[0] ?? '';
    this.dialog.returnValue = '';
    this.dialog.showModal();
    (this.#terms.length > 1 ? this.name : this.more).focus();
  }
}
