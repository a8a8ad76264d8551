// @ts-check
// A view whose code is loaded when its tab is first opened (or when it is first asked for), so
// that the first word cloud downloads no more than it needs (the 2.0 MB budget). Until then it
// keeps the last analysis it was given, and hands it to the view once made.

export class LazyView {
  /** @type {any} */
  #view = null;
  /** @type {Promise<any> | null} */
  #loading = null;
  /** @type {[unknown, unknown] | null} */
  #last = null;

  /**
   * @param {() => Promise<new (...args: any[]) => any>} load resolves to the view's class
   * @param {unknown[]} args what its constructor takes (container, ctx, …)
   */
  constructor(load, ...args) {
    this.load = load;
    this.args = args;
  }

  /** The view, made on first need. */
  ready() {
    this.#loading ??= this.load().then((View) => {
      this.#view = new View(...this.args);
      if (this.#last) this.#view.update(...this.#last);
      return this.#view;
    });
    return this.#loading;
  }

  /** @param {unknown} analysis @param {unknown} state */
  update(analysis, state) {
    this.#last = [analysis, state];
    this.#view?.update(analysis, state);
  }

  show() {
    return this.ready().then((view) => view.show?.());
  }
}
