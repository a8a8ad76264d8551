// @ts-check
// The controller's part for issue 10's page: the data fetched when first needed (lazy-data.js),
// how terms are shown (简体 / 繁體), merges (合并词) made in the merge dialog and edited in the
// settings, and the ctx members views use for them (docs/PAGE.md). main.js calls prepare()
// before the views draw an analysis, fetchData() after, and withOptions() for every request.
import { LazyData } from './lazy-data.js';
import { addMerge } from './merges.js';
import { analysisTerms, TermDisplay, withTermOptions } from './terms.js';
import { MergeDialog } from './ui/merge-dialog.js';
import { PosFilter } from './ui/pos-filter.js';

/** @typedef {import('./shapes.js').State} State */
/** @typedef {import('./types/Merge').Merge} Merge */

/**
 * @param {{call: (action: string, args?: unknown[]) => Promise<any>, state: State,
 *   setSettings: (patch: object) => Promise<void>, notify: import('./shapes.js').Notify,
 *   loaded: () => Promise<void>,
 *   t: (key: string, vars?: import('./i18n.js').Vars) => string, dialog: HTMLDialogElement}} options
 */
export function setUpTerms({ call, state, setSettings, notify, t, dialog, loaded }) {
  // `loaded`: list the documents again and analyse (they were re-segmented).
  const lazyData = new LazyData({ load: (kind) => call('loadData', [kind]), loaded, notify });
  const display = new TermDisplay({
    scripts: () => call('scripts'),
    traditionalForms: (terms) => call('traditionalForms', [terms]),
  });
  /** @param {Merge[]} merges */
  const setMerges = (merges) => setSettings({ merges });
  const mergeDialog = new MergeDialog(dialog, {
    display: (term) => display.display(term),
    async onMerge(name, typed) {
      // Forms typed in traditional (勞模) mean what traditional documents are counted as (劳模).
      /** @type {string[]} */
      const forms = await call('countedForms', [typed]).catch(() => typed);
      const merges = addMerge(state.settings.merges, name, forms);
      if (merges === state.settings.merges) {
        notify(t('merge.nothing'), 'info');
        return;
      }
      const merged = /** @type {Merge} */ (merges.find((m) => m.name === name.trim()));
      void setMerges(merges);
      notify(t('merge.done', { name: merged.name, forms: merged.forms.join(' + ') }), 'ok');
    },
  });
  return {
    display,
    lazyData,
    /** After a live analysis: fetches what is needed now; whether something is on its way. */
    fetchData() {
      lazyData.check(state.documents, state.settings.termScript === 'traditional');
      return lazyData.busy;
    },
    /** Before an analysis: jieba's IDF table when the settings weigh terms by its TF-IDF (the
     *  cloud's size, the keywords chosen), fetched first; without them it comes after. */
    async beforeAnalysis() {
      if (state.settings.keywordWeight === 'tfidf') await lazyData.ensure('idf');
    },
    /** A request's args with the merges and separatePos in force. @param {string} action @param {unknown[]} args */
    withOptions: (action, args) => withTermOptions(action, args, state.settings),
    /** The script in force and the forms of what `analysis` shows; a failure leaves terms as they are. */
    async prepare(/** @type {import('./shapes.js').Analysis} */ analysis) {
      try {
        await display.prepare(state.settings.termScript, analysisTerms(analysis));
      } catch {
        display.script = 'simplified';
      }
    },
    /** The ctx members (docs/PAGE.md). */
    ctx: {
      displayTerm: (/** @type {string} */ term) => display.display(term),
      displayTerms: (/** @type {string[]} */ terms) => display.add(terms).catch(() => {}),
      mergeTerms: (/** @type {string[]} */ terms) => mergeDialog.open(terms),
      openMerge: (/** @type {string} */ term) => mergeDialog.open([term]),
      setMerges,
      posFilter: () => new PosFilter({ t, setSettings }),
    },
  };
}
