// @ts-check
// Adding files: the 添加文件 button (a hidden file input behind it), the 添加文件夹 link (a hidden
// <input webkitdirectory>), and files or folders dropped anywhere on the page (an overlay says
// where they go while they are dragged over it). A dropped folder is walked through the File
// System Entry API (www/folder-walk.js); what is handed on is a batch: the files with their paths
// in the folder, and how many hidden files were skipped.
import { claimEarlyDrops } from '../early-drops.js';
import { droppedBatch, pickedFiles } from '../folder-walk.js';

/** @typedef {import('../folder-walk.js').Batch} Batch */

export class FileDrop {
  #input;
  #folderInput;
  #depth = 0;

  /**
   * @param {{input: HTMLInputElement, folderInput: HTMLInputElement, button: HTMLElement, overlay: HTMLElement}} elements
   * @param {(batch: Batch | Promise<Batch>) => void} onBatch called with the files chosen or dropped, in order
   */
  constructor({ input, folderInput, button, overlay }, onBatch) {
    this.#input = input;
    this.#folderInput = folderInput;
    button.addEventListener('click', () => this.choose());
    for (const picker of [input, folderInput]) {
      picker.addEventListener('change', () => {
        const start = performance.now();
        const files = [...(picker.files ?? [])];
        picker.value = ''; // the same file chosen again is a new choice
        if (files.length) onBatch(pickedFiles(files));
        // The page's own share of the task that hands the files over (the browser's is larger:
        // tests/e2e/panel-load.mjs).
        performance.measure('wenxi:files-chosen', { start });
      });
    }

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
      // The entries must be taken now: the drop's items are gone once this handler returns.
      const batch = droppedBatch(event.dataTransfer);
      if (batch) onBatch(batch);
    });
    this.#onBatch = onBatch;
  }

  #onBatch;

  /** What was dropped before the page's code had loaded (www/early-drops.js), handed on in
   *  order: the controller calls it once start-up has begun, as for a drop while it loads. */
  takeEarlyDrops() {
    for (const batch of claimEarlyDrops()) this.#onBatch(batch);
  }

  /** Opens the browser's file chooser. */
  choose() {
    this.#input.click();
  }

  /** Opens the browser's folder chooser. */
  chooseFolder() {
    this.#folderInput.click();
  }
}
