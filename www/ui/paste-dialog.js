// @ts-check
// The 粘贴文本 dialog: a name (粘贴的文本 1, 2, ... unless the person gives one) and the text.

export class PasteDialog {
  #pastes = 0;

  /**
   * @param {HTMLDialogElement} dialog its form has inputs `name` and `text`, buttons valued `add` / `cancel`
   * @param {HTMLElement} button opens it
   * @param {{defaultName: (n: number) => string, onAdd: (name: string, text: string) => void}} options
   */
  constructor(dialog, button, { defaultName, onAdd }) {
    const name = /** @type {HTMLInputElement} */ (dialog.querySelector('[name=name]'));
    const text = /** @type {HTMLTextAreaElement} */ (dialog.querySelector('[name=text]'));
    button.addEventListener('click', () => {
      name.value = defaultName(++this.#pastes);
      text.value = '';
      dialog.showModal();
    });
    dialog.addEventListener('close', () => {
      if (dialog.returnValue !== 'add') return;
      onAdd(name.value.trim() || defaultName(this.#pastes), text.value);
    });
  }
}
