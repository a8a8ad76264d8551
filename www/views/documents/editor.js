// @ts-check
// The metadata editor, a dialog: for one document its title, date, source, author, groups and
// whether its lines set aside count; for many, the fields ticked (date, source, author) and the
// groups set, added or removed. What the core refuses (a date that is not one) is said in the
// dialog, and nothing changes.
import { bulkPatch, formOf, isEmptyPatch, singlePatch } from './patch.js';

/** @typedef {import('../../shapes.js').DocumentInfo} DocumentInfo */
/** @typedef {import('../../shapes.js').ViewContext} ViewContext */
/** @typedef {import('../../types/MetadataPatch').MetadataPatch} MetadataPatch */

const TEXT_FIELDS = /** @type {const} */ (['date', 'source', 'author', 'groups']);

export class MetadataEditor {
  /** @type {DocumentInfo[]} */
  #docs = [];

  /**
   * @param {HTMLElement} host where the dialog lives
   * @param {ViewContext} ctx
   * @param {(ids: number[], patch: MetadataPatch) => Promise<unknown>} save
   */
  constructor(host, ctx, save) {
    this.ctx = ctx;
    const dialog = document.createElement('dialog');
    dialog.className = 'doc-editor';
    dialog.setAttribute('aria-labelledby', 'doc-editor-title');
    dialog.innerHTML = `
      <form method="dialog">
        <h2 id="doc-editor-title"></h2>
        <label class="single"><span data-key="docs.field.title"></span><input name="title" type="text" /></label>
        ${TEXT_FIELDS.map(
          (field) => `
        <div class="field" data-field="${field}">
          <label class="bulk-on"><input type="checkbox" name="${field}-on" /></label>
          <label><span data-key="docs.field.${field}"></span><input name="${field}" type="text" /></label>
        </div>`,
        ).join('')}
        <label class="bulk"><span data-key="docs.field.groupsMode"></span><select name="groupsMode">
          <option value="set" data-key="docs.groupsMode.set"></option>
          <option value="add" data-key="docs.groupsMode.add"></option>
          <option value="remove" data-key="docs.groupsMode.remove"></option>
        </select></label>
        <label class="single check"><input type="checkbox" name="countFurniture" /><span data-key="docs.field.countFurniture"></span></label>
        <p class="editor-hint" data-key="docs.editorHint"></p>
        <p class="editor-error" role="alert" hidden></p>
        <div class="dialog-actions">
          <button value="cancel" formnovalidate data-key="cancel"></button>
          <button value="save" class="primary" data-key="docs.save"></button>
        </div>
      </form>`;
    host.append(dialog);
    this.dialog = dialog;
    this.form = /** @type {HTMLFormElement} */ (dialog.querySelector('form'));
    this.error = /** @type {HTMLElement} */ (dialog.querySelector('.editor-error'));
    // The box of a bulk field is ticked as soon as its value is typed.
    this.form.addEventListener('input', (event) => {
      const input = /** @type {HTMLInputElement} */ (event.target);
      const box = this.#input(`${input.name}-on`);
      if (box && input.type === 'text') box.checked = true;
    });
    this.form.addEventListener('submit', async (event) => {
      const submitter = /** @type {HTMLButtonElement | null} */ (/** @type {SubmitEvent} */ (event).submitter);
      if (submitter?.value !== 'save') return;
      event.preventDefault();
      const patch = this.#patch();
      if (isEmptyPatch(patch)) return dialog.close();
      try {
        await save(
          this.#docs.map((d) => d.id),
          patch,
        );
        dialog.close();
      } catch (err) {
        this.error.textContent = ctx.errorText(err);
        this.error.hidden = false;
      }
    });
  }

  /** @param {string} name @returns {HTMLInputElement} */
  #input(name) {
    return /** @type {HTMLInputElement} */ (this.form.elements.namedItem(name));
  }

  /** Opens the editor for `docs` (one: its fields; many: the bulk fields, empty). @param {DocumentInfo[]} docs */
  open(docs) {
    const { t } = this.ctx;
    this.#docs = docs;
    const bulk = docs.length > 1;
    this.dialog.classList.toggle('is-bulk', bulk);
    for (const el of this.dialog.querySelectorAll('[data-key]')) {
      el.textContent = t(/** @type {string} */ (/** @type {HTMLElement} */ (el).dataset.key));
    }
    /** @type {HTMLElement} */ (this.dialog.querySelector('h2')).textContent = bulk
      ? t('docs.editMany', { n: docs.length })
      : t('docs.editOne', { name: docs[0].name });
    const values = bulk ? null : formOf(docs[0]);
    this.#input('title').value = values?.title ?? '';
    for (const field of TEXT_FIELDS) {
      this.#input(field).value = values?.[field] ?? '';
      this.#input(`${field}-on`).checked = false;
    }
    this.#input('date').placeholder = t('docs.datePlaceholder');
    this.#input('groups').placeholder = t('docs.groupsPlaceholder');
    /** @type {HTMLSelectElement} */ (this.form.elements.namedItem('groupsMode')).value = 'add';
    this.#input('countFurniture').checked = values?.countFurniture ?? false;
    this.error.hidden = true;
    this.dialog.showModal();
  }

  /** The patch the form means. @returns {MetadataPatch} */
  #patch() {
    const text = (/** @type {string} */ name) => this.#input(name).value;
    if (this.#docs.length === 1) {
      return singlePatch(
        {
          title: text('title'),
          date: text('date'),
          source: text('source'),
          author: text('author'),
          groups: text('groups'),
          countFurniture: this.#input('countFurniture').checked,
        },
        this.#docs[0],
      );
    }
    const field = (/** @type {string} */ name) => ({ on: this.#input(`${name}-on`).checked, value: text(name) });
    const mode = /** @type {HTMLSelectElement} */ (this.form.elements.namedItem('groupsMode')).value;
    return bulkPatch({
      date: field('date'),
      source: field('source'),
      author: field('author'),
      groups: field('groups'),
      groupsMode: /** @type {'set' | 'add' | 'remove'} */ (mode),
    });
  }
}
