// @ts-check
// Work the analysis worker does once the page has asked nothing for a while (www/worker.js):
// building jieba after the first analysis, so that neither the page's start-up requests nor a
// first drop wait behind it. Pure but for the timer (tests/unit/idle-work.test.mjs).

export class IdleWork {
  #ms;
  /** @type {(() => void) | null} */
  #work = null;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  #timer;

  /** @param {number} ms how long nothing must be asked */
  constructor(ms) {
    this.#ms = ms;
  }

  /** `work` to do once nothing was asked for a while (it replaces what was waiting). */
  add(/** @type {() => void} */ work) {
    this.#work = work;
    this.#arm();
  }

  /** A request begins: nothing runs while it is served. */
  busy() {
    clearTimeout(this.#timer);
  }

  /** A request was served: what waits runs once nothing more is asked for a while. */
  idle() {
    if (this.#work) this.#arm();
  }

  #arm() {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      const work = this.#work;
      this.#work = null;
      work?.();
    }, this.#ms);
  }
}
