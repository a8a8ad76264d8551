// @ts-check
// The status line under the header (what the page is doing, or the last analysis's counts) and
// the progress bar of a long addition (reading, then segmenting a file).

export class StatusLine {
  #line;
  #progress;

  /** @param {HTMLElement} line the status line @param {HTMLElement} progress the progress bar's box */
  constructor(line, progress) {
    this.#line = line;
    this.#progress = progress;
  }

  /** @param {string} text @param {'info' | 'error'} [kind] */
  show(text, kind = 'info') {
    this.#line.textContent = text;
    this.#line.dataset.kind = kind;
  }

  /**
   * Shows the bar at `fraction` (0..1) with `label`; `null` hides it.
   * @param {number | null} fraction
   * @param {string} [label]
   */
  progress(fraction, label = '') {
    this.#progress.hidden = fraction == null;
    if (fraction == null) return;
    /** @type {HTMLElement} */ (this.#progress.querySelector('.bar')).style.width = `${Math.round(fraction * 100)}%`;
    /** @type {HTMLElement} */ (this.#progress.querySelector('.label')).textContent = label;
  }
}
