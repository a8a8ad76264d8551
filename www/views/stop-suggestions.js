// @ts-check
// 建议停用词 (in the settings, under the stop words): terms frequent and spread evenly over every
// selected document, key to none (进行, 表示, 认为 …; the engine's suggestStopWords with the
// options in force), each stopped with one click, or all at once. Asked again after every
// analysis while open (the corpus, the selection or the filters may have changed).
import { isStale } from '../analyzer.js';
import { analysisOptions } from '../defaults.js';
import { el, h } from './shared.js';

/** @typedef {import('../shapes.js').State} State */
/** @typedef {import('../shapes.js').ViewContext} ViewContext */
/** @typedef {import('../types/SuggestedStopWord').SuggestedStopWord} SuggestedStopWord */

/** docs/API.md: at least 10 times, DP ≤ 0.2, the 50 most frequent. */
export const SUGGEST_OPTIONS = Object.freeze({ minFrequency: 10, maxDp: 0.2, limit: 50 });

export class StopSuggestions {
  /** @type {State | null} */
  #state = null;
  /** @type {SuggestedStopWord[] | null} */
  #words = null;
  #dirty = true;
  #generation = 0;

  /**
   * @param {HTMLElement} container
   * @param {ViewContext} ctx
   * @param {(words: string[]) => void} stop adds `words` to the user's stop words
   */
  constructor(container, ctx, stop) {
    this.ctx = ctx;
    this.summary = el('summary');
    this.hint = el('p', 'hint');
    this.all = h('button', { type: 'button', class: 'suggest-all' });
    this.list = el('ul', 'suggest-list');
    this.details = h('details', { class: 'suggested' }, this.summary, this.hint, this.all, this.list);
    container.append(this.details);
    this.details.addEventListener('toggle', () => {
      if (this.details.open && this.#dirty) void this.#ask();
    });
    this.all.addEventListener('click', () => stop((this.#words ?? []).map((w) => w.term)));
    this.list.addEventListener('click', (event) => {
      const button = /** @type {HTMLElement} */ (event.target).closest('button');
      if (button?.dataset.term) stop([button.dataset.term]);
    });
    this.#render();
  }

  /** After every analysis. @param {unknown} _analysis @param {State} state */
  update(_analysis, state) {
    this.#state = state;
    this.#dirty = true;
    if (this.details.open) void this.#ask();
    else this.#render();
  }

  async #ask() {
    const state = this.#state;
    if (!state) return;
    this.#dirty = false;
    const generation = ++this.#generation;
    try {
      const options = analysisOptions(state.settings, state.included);
      const words = await this.ctx.request('suggestStopWords', options, SUGGEST_OPTIONS);
      await this.ctx.displayTerms(words.map((/** @type {SuggestedStopWord} */ w) => w.term));
      if (generation !== this.#generation) return;
      this.#words = words;
    } catch (err) {
      if (generation !== this.#generation || isStale(err)) return;
      this.#words = null;
      this.ctx.notify(/** @type {Error} */ (err), 'error');
    }
    this.#render();
  }

  #render() {
    const { t, displayTerm } = this.ctx;
    const words = this.#words ?? [];
    this.summary.textContent = t('settings.suggested', { n: words.length });
    this.details.dataset.state = this.#dirty ? 'stale' : 'ready';
    this.hint.textContent = t(words.length ? 'settings.suggestedHint' : 'settings.suggestedNone');
    this.all.textContent = t('settings.suggestedAll', { n: words.length });
    this.all.hidden = words.length < 2;
    this.list.replaceChildren(
      ...words.map((w) => {
        const button = h(
          'button',
          { type: 'button', class: 'suggest-stop', title: t('settings.suggestedStop', { term: displayTerm(w.term) }) },
          displayTerm(w.term),
        );
        button.dataset.term = w.term;
        const info = t('settings.suggestedInfo', { freq: w.freq, docs: w.docFreq, dp: w.dp.toFixed(2) });
        return h('li', {}, button, ' ', el('span', 'suggest-info', info));
      }),
    );
  }
}
