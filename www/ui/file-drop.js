// @ts-check
// Adding files: the 添加文件 button (a hidden file input behind it), and files dropped anywhere
// on the page (an overlay says where they go while they are dragged over it).

export class FileDrop {
  #input;
  #depth = 0;

  /**
   * @param {{input: HTMLInputElement, button: HTMLElement, overlay: HTMLElement}} elements
   * @param {(files: File[]) => void} onFiles called with the files chosen or dropped, in order
   */
  constructor({ input, button, overlay }, onFiles) {
    this.#input = input;
    button.addEventListener('click', () => this.choose());
    input.addEventListener('change', () => {
      const files = [...(input.files ?? [])];
      input.value = ''; // the same file chosen again is a new choice
      onFiles(files);
    });

    const carriesFiles = (/** @type {DragEvent} */ event) => [...(event.dataTransfer?.types ?? [])].includes('Files');
    window.addEventListener('dragenter', (event) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      this.#depth++;
      overlay.hidden = false;
    });
    window.addEventListener('dragover', (event) => {
      if (carriesFiles(event)) event.preventDefault();
    });
    // Entering a child element leaves its parent: only the last leave means the page was left.
    window.addEventListener('dragleave', () => {
      this.#depth = Math.max(0, this.#depth - 1);
      if (this.#depth === 0) overlay.hidden = true;
    });
    window.addEventListener('drop', (event) => {
      event.preventDefault();
      this.#depth = 0;
      overlay.hidden = true;
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length) onFiles(files);
    });
  }

  /** Opens the browser's file chooser. */
  choose() {
    this.#input.click();
  }
}
