// @ts-check
// The page controller: owns the state, talks to the analysis worker, tells every view to update
// and wires the widgets (www/ui/) to what they ask for. Views (www/views/) own their containers
// and reach back only through `ctx` (docs/PAGE.md). What is kept between visits is
// www/persistence.js; the list of documents, www/corpus.js; the start-up snapshot, www/startup.js.
import { AnalysisLoop } from './analysis-loop.js';
import { AnalyzerClient } from './analyzer.js';
import { Corpus } from './corpus.js';
import { analysisOptions, DEFAULT_SETTINGS } from './defaults.js';
import { bilingual, describeError, errorBilingual, errorText } from './errors.js';
import { lang, onLangChange, t, translateDom } from './i18n.js';
import { Persistence, pristineAtStart } from './persistence.js';
import { claimEarlyWorker } from './early-worker.js';
import { defaultSettings, validateSettings } from './settings-schema.js';
import { EarlyAnalysis, snapshot, Startup } from './startup.js';
import { DuplicatesDialog } from './ui/duplicates-dialog.js';
import { setUpTerms } from './term-controls.js';
import { FileDrop } from './ui/file-drop.js';
import { LangSwitch } from './ui/lang-switch.js';
import { PasteDialog } from './ui/paste-dialog.js';
import { StatusLine } from './ui/status.js';
import { Tabs } from './ui/tabs.js';
import { setUpPanels } from './ui/panels.js';
import { WorkspaceMenu } from './ui/workspace-menu.js';
import { startOffline } from './offline.js';
// The views.
import { makeViews } from './views/all.js';
import { DocumentsView } from './views/documents/index.js';
import { SettingsView } from './views/settings.js';

/** @typedef {import('./shapes.js').State} State */
/** @typedef {import('./shapes.js').Notify} Notify */
/** @typedef {import('./shapes.js').ViewContext} ViewContext */

/** @type {State} */
const state = {
  documents: [],
  included: new Set(),
  settings: defaultSettings(),
  userWords: [],
  stopWords: [],
  analysis: null,
};

/** How long the snapshot waits, at most, for the worker to start (see start()). */
const WORKER_START_WAIT_MS = 200;

const $ = (/** @type {string} */ selector) => /** @type {HTMLElement} */ (document.querySelector(selector));
/** Timings for the browser benchmark (benches/browser.mjs) and the tests. @type {Record<string, any>} */
const metrics = { start: performance.now(), analyses: [] };
/** Start-up marks (User Timing) for Chromium's tracing (benches/startup-trace.mjs); only until
 *  the first live analysis is on screen. */
const mark = (/** @type {string} */ name) => metrics.firstAnalysisDone ?? performance.mark(`wenxi:page:${name}`);
mark('start');
/** @type {any} */ (window).wenxiMetrics = metrics;
const status = new StatusLine($('#status'), $('#progress'));
const startup = new Startup();
// The worker www/boot.js started before this script was fetched (none if the page was loaded
// without it). Read once: the worker and start() must agree on whether the start is pristine.
const earlyWorker = claimEarlyWorker();
const pristineStart = earlyWorker?.pristine ?? pristineAtStart();
const analyzer = new AnalyzerClient({ onCrash: recover, earlySeeds: pristineStart, early: earlyWorker });
const early = new EarlyAnalysis((options) => analyzer.call('analyze', [options]));

/** @type {Notify} */
const notify = (message, kind = 'info', details = []) =>
  documentsView.notice(
    message instanceof Error ? (errorBilingual(message) ?? message.message) : message,
    kind,
    details,
  );

// The worker writes a stored document's index once its original is stored (www/stored-index.js).
const persistence = new Persistence({
  state: () => state,
  notify,
  index: (id, key) => analyzer.call('storeIndex', [id, key]),
});
const corpus = new Corpus({
  analyzer,
  persistence,
  state,
  notify,
  progress: (fraction, label) => status.progress(fraction, label),
  render: () => {
    documentsView.render(state);
    settingsView.render(state);
  },
  changed: () => scheduleAnalysis(0),
  askDuplicates: (duplicates) => duplicatesDialog.ask(duplicates),
});
const duplicatesDialog = new DuplicatesDialog(/** @type {HTMLDialogElement} */ ($('#duplicates-dialog')), t);

// Issue 10's page (www/term-controls.js): wenxi.wxs / wenxi.wxp fetched when first needed (the
// documents then change: converted, tags), terms in 简体 / 繁體, merges.
const terms = setUpTerms({
  call: (action, args) => analyzer.call(action, args),
  state,
  setSettings: (patch) => ctx.setSettings(patch),
  loaded: () => corpus.serially(() => corpus.refresh()).then(runAnalysis),
  notify,
  t,
  dialog: /** @type {HTMLDialogElement} */ ($('#merge-dialog')),
});

// ---- analysis -------------------------------------------------------------------------------

const loop = new AnalysisLoop({
  state,
  analyzer,
  startup,
  early,
  persistence,
  terms,
  status,
  views: () => views,
  cloudSettled: () => views.cloud.settled(),
  metrics,
  mark,
  safely,
  report,
});
/** @param {number} [delay] */
const scheduleAnalysis = (delay) => loop.schedule(delay);
const runAnalysis = () => loop.run();

/** A view that throws must not take the others (or the page) down. */
function safely(/** @type {() => void} */ fn) {
  try {
    fn();
  } catch (err) {
    console.error(err);
    report(err);
  }
}

function report(/** @type {unknown} */ err) {
  status.show(describeError(err), 'error');
  notify(err instanceof Error ? err : String(err), 'error');
}

/** After the worker crashed and restarted: bring back what the store has, and say so. Documents
 *  that could not be stored (storage refused or full) cannot come back; the notice says that. */
async function recover(/** @type {Error} */ err) {
  loop.workerRestarted();
  const lost = persistence.sessionOnly();
  notify(
    lost ? bilingual('crash.lost', { error: err, n: lost }) : bilingual('crash.restored', { error: err }),
    'error',
  );
  terms.lazyData.reset();
  try {
    await corpus.serially(() => corpus.load());
    await runAnalysis();
  } catch (restoreErr) {
    report(restoreErr);
  }
}

// ---- what views and widgets ask for ---------------------------------------------------------

async function setIncluded(/** @type {number[]} */ ids) {
  if (!(await startup.proceed())) return;
  state.included = new Set(ids);
  documentsView.render(state);
  persistence.persistSelection();
  scheduleAnalysis(0);
}

async function removeDocument(/** @type {number} */ id) {
  if (await startup.proceed()) await corpus.remove(id);
}

/** @param {'userWords' | 'stopWords'} kind @param {string[]} words */
async function setWords(kind, words) {
  await startup.ready;
  try {
    const userWords = kind === 'userWords';
    const docs = await (userWords ? analyzer.setUserWords(words) : analyzer.setStopWords(words));
    state[kind] = await analyzer.call(kind);
    persistence.persist(kind, state[kind]);
    settingsView.render(state);
    const n = state[kind].length;
    notify(
      userWords ? t('notice.userWordsApplied', { n, docs: Number(docs) }) : t('notice.stopWordsApplied', { n }),
      'ok',
    );
    scheduleAnalysis(0);
  } catch (err) {
    notify(/** @type {Error} */ (err), 'error');
    settingsView.render(state);
  }
}

/** @type {ViewContext} */
const ctx = {
  t,
  lang,
  showContexts(term) {
    tabs.select('kwic');
    views.kwic.showTerm(term);
  },
  showTrend(term) {
    tabs.select('trends');
    views.trends.ready().then((view) => view.addTerms([term]));
  },
  async setSettings(patch) {
    // Before start-up the stored settings are not known yet: apply the change on top of them.
    await startup.ready;
    state.settings = validateSettings(patch, state.settings).settings;
    // The cloud's look and Compare's choice are the page's own: nothing to analyse.
    const analysed = Object.keys(patch).some((key) => key !== 'cloud' && key !== 'compare');
    if (analysed) settingsView?.render(state);
    persistence.persist('settings', state.settings);
    if (analysed) scheduleAnalysis();
  },
  async request(action, ...args) {
    await startup.afterStart();
    return analyzer.call(action, terms.withOptions(action, args));
  },
  async addUserWords(words) {
    await startup.ready;
    return setWords('userWords', [...state.userWords, ...words.filter((w) => !state.userWords.includes(w))]);
  },
  async addStopWords(words) {
    await startup.ready;
    return setWords('stopWords', [...state.stopWords, ...words.filter((w) => !state.stopWords.includes(w))]);
  },
  viewData: {
    get: (name) => persistence.viewData(name),
    set: (name, value) => persistence.keepViewData(name, value),
  },
  notify,
  errorText: (err) => errorText(err, lang()),
  builtinStopWords: () => analyzer.call('builtinStopWords'),
  documentKey(id) {
    const origin = persistence.origin(id); // ids are new after a reload; where it comes from is not
    return origin ? `${origin.kind}:${origin.key}` : null;
  },
  ...terms.ctx,
};

// A handle for the console and the browser tests: the same calls the views make.
/** @type {any} */ (window).wenxi = {
  request: (/** @type {string} */ action, /** @type {unknown[]} */ ...args) => analyzer.call(action, args),
};

const fileDrop = new FileDrop(
  {
    input: /** @type {HTMLInputElement} */ ($('#file-input')),
    folderInput: /** @type {HTMLInputElement} */ ($('#folder-input')),
    button: $('#add-files'),
    overlay: $('#drop-overlay'),
  },
  (batch) => corpus.addBatch(batch),
);
const documentsView = new DocumentsView($('#documents'), ctx, {
  setIncluded,
  remove: removeDocument,
  addFiles: () => fileDrop.choose(),
  addFolder: () => fileDrop.chooseFolder(),
  edit: (ids, patch) => corpus.editDocuments(ids, patch),
  open: (id) => {
    panels.close({ restoreFocus: false }); // on a narrow screen the text is under the panel
    tabs.select('reader');
    views.reader.ready().then((view) => view.open(id));
  },
});
const settingsView = new SettingsView($('#settings'), ctx, {
  setUserWords: (words) => setWords('userWords', words),
  setStopWords: (words) => setWords('stopWords', words),
});
// The suggested stop words (settings) are drawn from each analysis like a view.
const views = {
  ...makeViews(ctx, { edit: (ids, patch) => corpus.editDocuments(ids, patch) }),
  stopSuggestions: settingsView.suggestions,
};
// On a narrow screen the documents and the settings open as panels over the views; a notice
// added while the documents are closed marks their button.
const panels = setUpPanels({ news: '.notices ul' });

const tabs = new Tabs($('#tabs'), (name) => safely(() => /** @type {any} */ (views)[name]?.show?.()));
new PasteDialog(/** @type {HTMLDialogElement} */ ($('#paste-dialog')), $('#paste-text'), {
  defaultName: (n) => t('paste.defaultName', { n }),
  onAdd: (name, text) => corpus.addText(name, text),
});
new WorkspaceMenu(/** @type {HTMLDetailsElement} */ ($('.menu')), {
  confirmImport: () => window.confirm(t('workspace.importConfirm')),
  onExport: () => corpus.exportWorkspace().then((docs) => notify(t('workspace.exported', { docs }), 'ok'), report),
  onImport: (file) =>
    corpus.importWorkspace(file).then(runAnalysis, (err) => {
      notify(bilingual('workspace.importFailed', { name: file.name, reason: err }), 'error');
    }),
});
new LangSwitch(/** @type {HTMLButtonElement} */ ($('#lang-switch')));
onLangChange(() => {
  translateDom();
  documentsView.render(state);
  settingsView.render(state);
  if (state.analysis) scheduleAnalysis(0);
});

// ---- start ----------------------------------------------------------------------------------

/** Shows the seeds' build-time analysis (www/pkg/snapshot.json) as if it were live: the
 *  documents list and every view. Not counted as an analysis (data-analysis stays). */
function showSnapshot() {
  const started = performance.now();
  startup.snapshotShown = true;
  state.documents = snapshot.documents.map((doc) => ({ ...doc }));
  state.included = new Set(snapshot.documents.map((doc) => doc.id));
  state.analysis = snapshot.analysis;
  documentsView.render(state);
  settingsView.render(state);
  metrics.snapshotViews = loop.updateViews(snapshot.analysis);
  status.show(t('status.snapshot', { docs: state.documents.length }));
  document.body.dataset.state = 'snapshot';
  metrics.snapshotShown = performance.now() - metrics.start;
  metrics.snapshotRender = Math.round(performance.now() - started);
  mark('snapshot-shown');
}

async function start() {
  translateDom();
  document.documentElement.lang = lang() === 'en' ? 'en' : 'zh-CN';
  tabs.select('cloud');
  status.show(t('status.loading'));
  // IndexedDB opens while the snapshot is drawn.
  const opening = persistence.open();
  if (pristineStart) {
    // The engine loads the seeds and analyses them as the snapshot did, without waiting for
    // IndexedDB or for this thread, which draws the snapshot meanwhile; the store decides
    // afterwards whether that was this workspace (docs/performance/STARTUP.md).
    corpus.loadSeedsEarly();
    const ids = snapshot.documents.map((doc) => doc.id);
    early.analyze(analysisOptions(DEFAULT_SETTINGS, ids));
  }
  try {
    // Queued before this function first waits: a file chosen or dropped from now on is added
    // after the stored workspace is loaded, never before it (it would be stored, then loaded
    // from the store a second time).
    await corpus.serially(async () => {
      if (pristineStart) {
        // Chromium starts a worker only once this thread is free, and drawing the snapshot
        // keeps it busy for a while (the cloud's layout): let the worker start first, but
        // never wait long for it.
        await Promise.race([analyzer.started, new Promise((resolve) => setTimeout(resolve, WORKER_START_WAIT_MS))]);
        mark('worker-started');
        safely(showSnapshot);
      }
      await opening;
      mark('store-open');
      // The analyzer holds nothing yet (state.documents may be the snapshot's).
      await corpus.load([]);
      mark('loaded');
      startup.done(state.documents, persistence.isPristine());
    });
  } catch (err) {
    startup.done(state.documents, null);
    status.show(t('status.startFailed', { message: describeError(err) }), 'error');
    document.body.dataset.state = 'error';
    documentsView.render(state);
    settingsView.render(state);
    console.error(err);
    startOffline();
    return;
  }
  await runAnalysis();
  startOffline();
}

start();
// Files dropped while the page's code loaded are added after the stored workspace, in the order
// they came, as a drop now would be; from here on FileDrop alone takes drops.
fileDrop.takeEarlyDrops();
