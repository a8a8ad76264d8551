// @ts-check
// The analysis loop of the page: asks the worker for an analysis of what is selected with the
// current settings, hands it to every view (each timed; one that throws does not stop the
// others), and says on the status line what was analysed. Changes that come quickly (sliders,
// typing) collapse into one request. The page controller (www/main.js) owns it.
import { isCrash, isStale } from './analyzer.js';
import { analysisOptions } from './defaults.js';
import { numberFormat, t } from './i18n.js';

/** @typedef {import('./shapes.js').State} State */
/** @typedef {import('./shapes.js').Analysis} Analysis */
/** @typedef {{update(analysis: Analysis, state: State): void}} View */

export class AnalysisLoop {
  #deps;
  #timer = 0;
  #lastScheduled = -Infinity;
  /** The count-once switch the worker holds (it starts off, and again after a crash). */
  #countOnce = false;

  /**
   * @param {{
   *   state: State,
   *   analyzer: import('./analyzer.js').AnalyzerClient,
   *   startup: import('./startup.js').Startup,
   *   early: import('./startup.js').EarlyAnalysis,
   *   persistence: import('./persistence.js').Persistence,
   *   terms: {prepare(analysis: Analysis): Promise<void>, fetchData(): boolean,
   *     beforeAnalysis(): Promise<void>},
   *   status: import('./ui/status.js').StatusLine,
   *   views: () => Record<string, View>,
   *   cloudSettled: () => Promise<unknown>,
   *   metrics: Record<string, any>,
   *   mark: (name: string) => void,
   *   safely: (fn: () => void) => void,
   *   report: (err: unknown) => void,
   * }} deps
   */
  constructor(deps) {
    this.#deps = deps;
  }

  /** Re-analyse soon; rapid changes collapse into one request. The first change after a quiet
   *  spell goes at once (a click should not wait out the window); only changes that follow it
   *  within `delay` ms wait, and collapse into one. */
  schedule(delay = 16) {
    clearTimeout(this.#timer);
    const now = performance.now();
    const quiet = now - this.#lastScheduled > delay;
    this.#lastScheduled = now;
    this.#timer = setTimeout(() => this.run(), quiet ? 0 : delay);
  }

  /** A new worker (after a crash) holds the switches' defaults again. */
  workerRestarted() {
    this.#countOnce = false;
  }

  async run() {
    const { state, analyzer, startup, early, persistence, terms, status, metrics, mark } = this.#deps;
    await startup.ready;
    const started = performance.now();
    status.show(t('status.analyzing'));
    let analysis;
    try {
      if (state.settings.countOnce !== this.#countOnce) {
        await analyzer.call('setCountOnce', [state.settings.countOnce]);
        this.#countOnce = state.settings.countOnce;
      }
      await terms.beforeAnalysis();
      const options = analysisOptions(state.settings, state.included);
      analysis = (await early.take(options, persistence.isPristine())) ?? (await analyzer.analyze(options));
      mark('analysis-received');
    } catch (err) {
      // A crash is reported (and recovered from) by the controller's recover().
      if (!isStale(err) && !isCrash(err)) this.#deps.report(err);
      return;
    }
    await terms.prepare(analysis);
    mark('terms-prepared');
    state.analysis = analysis;
    // Where an update's time goes (the worker, then each view), for the browser benchmark.
    const timing = { worker: Math.round(performance.now() - started), views: this.updateViews(analysis) };
    mark('views-called');
    // The cloud lays out in its own worker: the analysis counts as shown once it is drawn.
    await this.#deps.cloudSettled();
    metrics.lastUpdate = timing;
    const ms = Math.round(performance.now() - started);
    metrics.analyses.push(ms);
    mark('views-updated');
    metrics.firstAnalysisDone ??= performance.now() - metrics.start;
    const nf = numberFormat();
    const counts = { docs: state.documents.length, included: state.included.size, ms };
    const sizes = { tokens: nf.format(analysis.tokens), vocabulary: nf.format(analysis.vocabulary) };
    status.show(state.included.size === 0 ? t('status.nothingSelected') : t('status.summary', { ...counts, ...sizes }));
    // Until the data fetched after it (www/lazy-data.js) is in and analysed, still 'loading'.
    document.body.dataset.state = terms.fetchData() ? 'loading' : 'ready';
    document.body.dataset.analysis = String(Number(document.body.dataset.analysis) + 1);
  }

  /** Every view's update(), each timed (ms by view); one that throws does not stop the others.
   *  @param {Analysis} analysis */
  updateViews(analysis) {
    /** @type {Record<string, number>} */
    const timing = {};
    for (const [name, view] of Object.entries(this.#deps.views())) {
      const viewStarted = performance.now();
      this.#deps.safely(() => view.update(analysis, this.#deps.state));
      timing[name] = Math.round(performance.now() - viewStarted);
    }
    return timing;
  }
}
