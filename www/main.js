// The page controller: owns the state, talks to the analysis worker, and tells every view
// to update. Views (www/views/) own their containers and reach back only through `ctx`
// (docs/PAGE.md).
import { AnalyzerClient, isStale, StaleResultError } from './analyzer.js';
import { DEFAULT_SETTINGS } from './defaults.js';
import { lang, numberFormat, onLangChange, registerStrings, setLang, t, translateDom } from './i18n.js';
import { CloudView } from './views/cloud/index.js';
import { CompareView } from './views/compare.js';
import { DocumentsView } from './views/documents.js';
import { KeywordsView } from './views/keywords.js';
import { KwicView } from './views/kwic.js';
import { NetworkView } from './views/network/index.js';
import { PhrasesView } from './views/phrases.js';
import { SettingsView } from './views/settings.js';
import { isPristine, markWorkspace, pristineAtStart, snapshot } from './startup.js';
import { setUpPanels } from './ui/panels.js';
import { openStore } from './store.js';
import { exportWorkspace, readWorkspace } from './workspace.js';
import './offline.js';

registerStrings({
  zh: {
    tagline: '离线中文文本分析 · 所有分析都在您的浏览器中完成，文本不会上传',
    addFiles: '添加文件',
    pasteText: '粘贴文本',
    dropHere: '松开鼠标以添加文件（支持 UTF-8、GBK、Big5、UTF-16 文本）',
    pasteTitle: '粘贴文本',
    pasteName: '名称',
    pastePlaceholder: '在此粘贴或输入中文文本…',
    pasteDefaultName: '粘贴的文本 {n}',
    cancel: '取消',
    add: '添加',
    'tab.cloud': '词云',
    'tab.keywords': '关键词',
    'tab.network': '共现网络',
    'tab.phrases': '短语',
    'tab.kwic': '语境',
    'tab.compare': '对比',
    loading: '正在加载分析引擎和示例文章…',
    snapshotStatus: '{docs} 篇示例文章 · 预先计算的结果，正在加载分析引擎…',
    analyzing: '正在分析…',
    status: '{docs} 篇文档（已选 {included} 篇）· {tokens} 个词次 · 词汇量 {vocabulary} · 用时 {ms} 毫秒',
    nothingSelected: '没有选中的文档：请在左侧勾选要分析的文档。',
    reading: '正在读取「{name}」…',
    segmenting: '正在分词「{name}」… {percent}%',
    added: '已添加「{name}」（{encoding}，{chars} 字）',
    addedMany: '已添加 {ok} 个文件，{failed} 个未添加。',
    tooLarge:
      '「{name}」太大（{size} MB），上限为 {limit} MB（更大的文件会耗尽浏览器标签页的内存）。 / "{name}" is too large ({size} MB); the limit is {limit} MB (a larger file would exhaust the memory of a browser tab).',
    readFailed: '无法读取「{name}」：{reason} / Cannot read "{name}": {reason}',
    noTerms: '「{name}」在当前的筛选条件下没有可分析的词语（只有标点、数字或停用词），不会出现在词云和关键词中。',
    userWordsApplied: '已应用 {n} 个自定义词，重新分词 {docs} 篇文档。',
    stopWordsApplied: '已应用 {n} 个停用词。',
    crashRestored: '文档已从浏览器存储中恢复。 / The documents were restored from browser storage.',
    crashLost:
      '{n} 篇未能保存的文档无法恢复，请重新添加。 / {n} documents that could not be stored are lost; please add them again.',
    seedsFailed: '示例文章未能加载：{message}。您仍可添加自己的文件。',
    startFailed: '启动失败：{message}',
    storageUnavailable:
      '浏览器存储不可用，本次添加的内容不会保存（{reason}）。分析照常进行。 / Browser storage is unavailable; what you add now will not be kept ({reason}). Analysis works as usual.',
    storageFailed:
      '「{name}」未能保存到浏览器存储（{reason}），仅在本次会话中可用。 / "{name}" could not be stored ({reason}); it is kept for this session only.',
    storageFull:
      '浏览器存储已满：「{name}」仅在本次会话中可用，重新载入页面后需要重新添加。 / Browser storage is full: "{name}" is kept for this session only; add it again after a reload.',
    restoreFailed: '恢复「{name}」失败：{reason}',
    workspace: '工作区',
    exportWorkspace: '导出工作区',
    importWorkspace: '导入工作区',
    importConfirm: '导入会替换当前的文档、自定义词、停用词和设置。继续吗？',
    importFailed: '无法导入「{name}」：{reason} / Cannot import "{name}": {reason}',
    exported: '已导出工作区（{docs} 篇文档）。',
    imported: '已导入工作区（{docs} 篇文档）。',
  },
  en: {
    tagline: 'Offline Chinese text analysis · everything runs in your browser; your texts are never uploaded',
    addFiles: 'Add files',
    pasteText: 'Paste text',
    dropHere: 'Drop to add files (UTF-8, GBK, Big5, UTF-16 text)',
    pasteTitle: 'Paste text',
    pasteName: 'Name',
    pastePlaceholder: 'Paste or type Chinese text here…',
    pasteDefaultName: 'Pasted text {n}',
    cancel: 'Cancel',
    add: 'Add',
    'tab.cloud': 'Word cloud',
    'tab.keywords': 'Keywords',
    'tab.network': 'Network',
    'tab.phrases': 'Phrases',
    'tab.kwic': 'Contexts',
    'tab.compare': 'Compare',
    loading: 'Loading the analysis engine and the sample articles…',
    snapshotStatus: '{docs} sample articles · precomputed results; loading the analysis engine…',
    analyzing: 'Analysing…',
    status: '{docs} documents ({included} selected) · {tokens} tokens · {vocabulary} distinct terms · {ms} ms',
    nothingSelected: 'No document selected: tick the documents to analyse on the left.',
    reading: 'Reading "{name}"…',
    segmenting: 'Segmenting "{name}"… {percent}%',
    added: 'Added "{name}" ({encoding}, {chars} characters)',
    addedMany: 'Added {ok} files; {failed} not added.',
    tooLarge:
      '「{name}」太大（{size} MB），上限为 {limit} MB（更大的文件会耗尽浏览器标签页的内存）。 / "{name}" is too large ({size} MB); the limit is {limit} MB (a larger file would exhaust the memory of a browser tab).',
    readFailed: '无法读取「{name}」：{reason} / Cannot read "{name}": {reason}',
    noTerms:
      '"{name}" has no words to analyse with the current filters (only punctuation, numbers or stop words); it adds nothing to the cloud or the keywords.',
    userWordsApplied: 'Applied {n} user words; re-segmented {docs} documents.',
    stopWordsApplied: 'Applied {n} stop words.',
    crashRestored: '文档已从浏览器存储中恢复。 / The documents were restored from browser storage.',
    crashLost:
      '{n} 篇未能保存的文档无法恢复，请重新添加。 / {n} documents that could not be stored are lost; please add them again.',
    seedsFailed: 'The sample articles could not be loaded: {message}. You can still add your own files.',
    startFailed: 'Start-up failed: {message}',
    storageUnavailable:
      '浏览器存储不可用，本次添加的内容不会保存（{reason}）。分析照常进行。 / Browser storage is unavailable; what you add now will not be kept ({reason}). Analysis works as usual.',
    storageFailed:
      '「{name}」未能保存到浏览器存储（{reason}），仅在本次会话中可用。 / "{name}" could not be stored ({reason}); it is kept for this session only.',
    storageFull:
      '浏览器存储已满：「{name}」仅在本次会话中可用，重新载入页面后需要重新添加。 / Browser storage is full: "{name}" is kept for this session only; add it again after a reload.',
    restoreFailed: 'Could not restore "{name}": {reason}',
    workspace: 'Workspace',
    exportWorkspace: 'Export workspace',
    importWorkspace: 'Import workspace',
    importConfirm: 'Importing replaces the current documents, user words, stop words and settings. Continue?',
    importFailed: '无法导入「{name}」：{reason} / Cannot import "{name}": {reason}',
    exported: 'Exported the workspace ({docs} documents).',
    imported: 'Imported the workspace ({docs} documents).',
  },
});

/** The Analyzer refuses files over this size (src/corpus.rs MAX_DOCUMENT_BYTES); checked here
 *  too so that a huge file is not read into memory only to be refused. */
const MAX_DOCUMENT_BYTES = 100_000_000;

const state = {
  documents: [],
  included: new Set(),
  settings: structuredClone(DEFAULT_SETTINGS),
  userWords: [],
  stopWords: [],
  analysis: null,
};

// Where each loaded document comes from, so that it can be stored, removed and restored:
// 'seed:FILE' for the bundled articles, 'doc:KEY' for documents kept in the store.
const origins = new Map(); // analyzer document id -> origin
const removedBeforeKept = new Set(); // ids removed before keep() had stored them
let store = null;
let removedSeeds = [];

/** Persist a piece of state; storage failures are reported once and the session goes on. */
let storageWarned = false;
async function persist(name, value) {
  markPristine();
  try {
    await store.set(name, value);
  } catch (err) {
    if (!storageWarned) documentsView.notice(t('storageUnavailable', { reason: err?.message ?? err }), 'error');
    storageWarned = true;
  }
}

/** Keeps the synchronous "is the workspace pristine" marker (startup.js) in step with what is
 *  persisted; called whenever that changes. */
function markPristine() {
  markWorkspace(workspaceIsPristine());
}

/** No stored documents, no removed seeds, nothing excluded, default settings, no words. */
function workspaceIsPristine() {
  return isPristine({
    settings: state.settings,
    userWords: state.userWords,
    stopWords: state.stopWords,
    storedDocuments: [...origins.values()].filter((origin) => origin.startsWith('doc:')).length,
    removedSeeds,
    excluded: state.documents.filter((d) => !state.included.has(d.id)).length,
  });
}

// ---- start-up: the snapshot, and what waits for the engine ---------------------------------

// Resolves once start-up has made the analyzer hold the stored workspace (or has failed to).
// Until then the page may show the build-time snapshot; anything a person does meanwhile (click a
// word, change a setting) waits for this, and then happens on the live state.
let engineIsReady = false;
let engineStarted;
const engineReady = new Promise((resolve) => (engineStarted = resolve)).then(() => {
  engineIsReady = true;
});
let snapshotShown = false;
// Set when start-up found a workspace other than the snapshot's (a stale marker): requests made
// while the snapshot was on screen carry its document ids, which then mean nothing.
let snapshotStale = false;

/** Waits for start-up; rejects as stale a request whose arguments came from a snapshot that
 *  turned out not to be this workspace's (the views ask again on the live analysis). */
async function afterStart() {
  const fromSnapshot = snapshotShown && !engineIsReady;
  await engineReady;
  if (fromSnapshot && snapshotStale) throw new StaleResultError();
}

/** Shows the seeds' build-time analysis (www/pkg/snapshot.json) as if it were live: the
 *  documents list and every view. Not counted as an analysis (data-analysis stays). */
function showSnapshot() {
  const started = performance.now();
  snapshotShown = true;
  state.documents = snapshot.documents.map((doc) => ({ ...doc }));
  state.included = new Set(snapshot.options.documents);
  state.analysis = snapshot.analysis;
  documentsView.render(state);
  settingsView.render(state);
  const timing = {};
  for (const [name, view] of Object.entries(views)) {
    const viewStarted = performance.now();
    safely(() => view.update(snapshot.analysis, state));
    timing[name] = Math.round(performance.now() - viewStarted);
  }
  metrics.snapshotViews = timing;
  setStatus(t('snapshotStatus', { docs: state.documents.length }));
  document.body.dataset.state = 'snapshot';
  metrics.snapshotShown = performance.now() - metrics.start;
  metrics.snapshotRender = Math.round(performance.now() - started);
}

function persistSelection() {
  const excluded = state.documents.filter((d) => !state.included.has(d.id)).map((d) => origins.get(d.id));
  persist('excluded', excluded);
}

const analyzer = new AnalyzerClient({ onCrash: recover });
const statusEl = document.querySelector('#status');
const progressEl = document.querySelector('#progress');
const metrics = (window.wenxiMetrics = { start: performance.now(), analyses: [] });

function setStatus(text, kind = 'info') {
  statusEl.textContent = text;
  statusEl.dataset.kind = kind;
}

function setProgress(fraction, label) {
  progressEl.hidden = fraction == null;
  if (fraction == null) return;
  progressEl.querySelector('.bar').style.width = `${Math.round(fraction * 100)}%`;
  progressEl.querySelector('.label').textContent = label;
}

/** Deep-merge plain objects; arrays and null replace. */
function merge(target, patch) {
  for (const [key, value] of Object.entries(patch)) {
    if (value && typeof value === 'object' && !Array.isArray(value) && target[key] && typeof target[key] === 'object') {
      merge(target[key], value);
    } else {
      target[key] = value;
    }
  }
  return target;
}

// ---- analysis -------------------------------------------------------------------------------

let analysisTimer = 0;
let lastScheduled = -Infinity;
/** Re-analyse soon; rapid changes (sliders, typing) collapse into one request. The first change
 *  after a quiet spell goes at once (a click should not wait out the window); only changes that
 *  follow it within `delay` ms wait, and collapse into one. */
function scheduleAnalysis(delay = 16) {
  clearTimeout(analysisTimer);
  const now = performance.now();
  const quiet = now - lastScheduled > delay;
  lastScheduled = now;
  analysisTimer = setTimeout(runAnalysis, quiet ? 0 : delay);
}

async function runAnalysis() {
  await engineReady;
  const started = performance.now();
  setStatus(t('analyzing'));
  const options = { ...state.settings, documents: [...state.included] };
  let analysis;
  try {
    analysis = await analyzer.analyze(options);
  } catch (err) {
    // A crash is reported (and recovered from) by recover().
    if (!isStale(err) && err.name !== 'AnalyzerCrashed') report(err);
    return;
  }
  state.analysis = analysis;
  // Where an update's time goes (the worker, then each view), for the browser benchmark.
  const timing = { worker: Math.round(performance.now() - started), views: {} };
  for (const [name, view] of Object.entries(views)) {
    const viewStarted = performance.now();
    safely(() => view.update(analysis, state));
    timing.views[name] = Math.round(performance.now() - viewStarted);
  }
  metrics.lastUpdate = timing;
  const ms = Math.round(performance.now() - started);
  metrics.analyses.push(ms);
  metrics.firstAnalysisDone ??= performance.now() - metrics.start;
  const nf = numberFormat();
  setStatus(
    state.included.size === 0
      ? t('nothingSelected')
      : t('status', {
          docs: state.documents.length,
          included: state.included.size,
          tokens: nf.format(analysis.tokens),
          vocabulary: nf.format(analysis.vocabulary),
          ms,
        }),
  );
  document.body.dataset.state = 'ready';
  document.body.dataset.analysis = String(Number(document.body.dataset.analysis) + 1);
}

/** A view that throws must not take the others (or the page) down. */
function safely(fn) {
  try {
    fn();
  } catch (err) {
    console.error(err);
    report(err);
  }
}

function report(err) {
  const message = err?.message ?? String(err);
  setStatus(message, 'error');
  documentsView.notice(message, 'error');
}

/** After the worker crashed and restarted: bring back what the store has, and say so. Documents
 *  that could not be stored (storage refused or full) cannot come back; the message says that. */
async function recover(err) {
  const lost = [...origins.values()].filter((origin) => origin.startsWith('session:')).length;
  documentsView.notice(`${err.message} ${lost ? t('crashLost', { n: lost }) : t('crashRestored')}`, 'error');
  try {
    await serially(() => loadFromStore());
    await runAnalysis();
  } catch (restoreErr) {
    report(restoreErr);
  }
}

// ---- documents ------------------------------------------------------------------------------

async function refreshDocuments() {
  state.documents = await analyzer.documents();
  const ids = new Set(state.documents.map((d) => d.id));
  for (const id of state.included) if (!ids.has(id)) state.included.delete(id);
  documentsView.render(state);
}

// Adding files, pasting, importing a workspace and restoring after a crash change the list of
// documents: they run one after another, in the order asked for, and only after start-up has
// restored the stored documents (a file dropped while the page loads comes after the seeds, and
// is stored). Two drops in quick succession are added batch after batch, not interleaved.
let documentJobs = Promise.resolve();
function serially(job) {
  const run = documentJobs.then(job);
  documentJobs = run.catch(() => {});
  return run;
}

/** Whether document `id` has any word that the current filters keep (counted alone). */
async function hasTerms(id) {
  try {
    const counted = await analyzer.call('keyness', [
      [id],
      { documents: [id], filter: state.settings.filter, limit: 1 },
    ]);
    return counted.targetTokens > 0;
  } catch {
    return true; // no reason to worry the person
  }
}

/** Add files one by one; each gets its own outcome, and a bad one never stops the batch. */
function addFiles(files) {
  return serially(() => addFilesNow(files));
}

async function addFilesNow(files) {
  let ok = 0;
  let failed = 0;
  for (const file of files) {
    if (file.size > MAX_DOCUMENT_BYTES) {
      const mb = (n) => (n >= 1e7 ? (n / 1e6).toFixed(0) : (n / 1e6).toFixed(1));
      documentsView.notice(
        t('tooLarge', { name: file.name, size: mb(file.size), limit: mb(MAX_DOCUMENT_BYTES) }),
        'error',
      );
      failed++;
      continue;
    }
    setProgress(0, t('reading', { name: file.name }));
    let bytes;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (err) {
      documentsView.notice(t('readFailed', { name: file.name, reason: err?.message ?? err }), 'error');
      failed++;
      continue;
    }
    try {
      const info = await analyzer.call('addDocument', [file.name, bytes], {
        transfer: [bytes.buffer],
        onProgress: (f) => setProgress(f, t('segmenting', { name: file.name, percent: Math.round(f * 100) })),
      });
      state.included.add(info.id);
      documentsView.notice(
        t('added', { name: info.name, encoding: info.encoding, chars: numberFormat().format(info.chars) }),
        'ok',
      );
      ok++;
      if (!(await hasTerms(info.id))) documentsView.notice(t('noTerms', { name: info.name }), 'info');
      // The bytes went to the worker; read the file again for the store.
      await keep(info, async () => ({
        name: file.name,
        kind: 'bytes',
        bytes: new Uint8Array(await file.arrayBuffer()),
      }));
    } catch (err) {
      documentsView.notice(err.message, 'error');
      failed++;
    }
  }
  setProgress(null);
  if (files.length > 1) documentsView.notice(t('addedMany', { ok, failed }), failed ? 'info' : 'ok');
  if (ok) {
    await refreshDocuments();
    scheduleAnalysis(0);
  }
}

function addText(name, text) {
  return serially(() => addTextNow(name, text));
}

async function addTextNow(name, text) {
  try {
    const info = await analyzer.addText(name, text, (f) =>
      setProgress(f, t('segmenting', { name, percent: Math.round(f * 100) })),
    );
    setProgress(null);
    state.included.add(info.id);
    documentsView.notice(
      t('added', { name: info.name, encoding: info.encoding, chars: numberFormat().format(info.chars) }),
      'ok',
    );
    if (!(await hasTerms(info.id))) documentsView.notice(t('noTerms', { name: info.name }), 'info');
    await keep(info, () => ({ name, kind: 'text', text }));
    await refreshDocuments();
    scheduleAnalysis(0);
  } catch (err) {
    setProgress(null);
    documentsView.notice(err.message, 'error');
  }
}

/** Store an added document whole (`record()` makes what is stored); if the store refuses, or
 *  the file cannot be read again, it stays for this session only. */
async function keep(info, record) {
  try {
    const key = await store.putDocument(await record());
    // Removed while it was being stored (the list can show it as soon as it is in the analyzer):
    // take it out again, or it would come back after a reload.
    if (removedBeforeKept.delete(info.id)) {
      await store.deleteDocument(key);
      return;
    }
    origins.set(info.id, `doc:${key}`);
    markPristine();
  } catch (err) {
    origins.set(info.id, `session:${info.id}`);
    documentsView.notice(
      err?.name === 'QuotaExceededError'
        ? t('storageFull', { name: info.name })
        : t('storageFailed', { name: info.name, reason: err?.message ?? err }),
      'error',
    );
  }
}

const documentsActions = {
  async setIncluded(ids) {
    if (
      !(await afterStart().then(
        () => true,
        () => false,
      ))
    )
      return;
    state.included = new Set(ids);
    documentsView.render(state);
    persistSelection();
    scheduleAnalysis(0);
  },
  async remove(id) {
    if (
      !(await afterStart().then(
        () => true,
        () => false,
      ))
    )
      return;
    await analyzer.removeDocument(id);
    state.included.delete(id);
    const origin = origins.get(id) ?? '';
    if (!origins.has(id)) removedBeforeKept.add(id);
    origins.delete(id);
    markPristine();
    if (origin.startsWith('doc:')) {
      await store.deleteDocument(Number(origin.slice(4))).catch((err) => report(err));
    } else if (origin.startsWith('seed:')) {
      removedSeeds = [...new Set([...removedSeeds, origin.slice(5)])];
      persist('removedSeeds', removedSeeds);
    }
    await refreshDocuments();
    scheduleAnalysis(0);
  },
};

// ---- user words and stop words --------------------------------------------------------------

async function setUserWords(words) {
  await engineReady;
  try {
    const docs = await analyzer.setUserWords(words);
    state.userWords = await analyzer.call('userWords');
    persist('userWords', state.userWords);
    settingsView.render(state);
    documentsView.notice(t('userWordsApplied', { n: state.userWords.length, docs }), 'ok');
    scheduleAnalysis(0);
  } catch (err) {
    documentsView.notice(err.message, 'error');
    settingsView.render(state);
  }
}

async function setStopWords(words) {
  await engineReady;
  try {
    await analyzer.setStopWords(words);
    state.stopWords = await analyzer.call('stopWords');
    persist('stopWords', state.stopWords);
    settingsView.render(state);
    documentsView.notice(t('stopWordsApplied', { n: state.stopWords.length }), 'ok');
    scheduleAnalysis(0);
  } catch (err) {
    report(err);
  }
}

// ---- views and tabs -------------------------------------------------------------------------

const ctx = {
  t,
  lang,
  showContexts(term) {
    selectTab('kwic');
    views.kwic.showTerm(term);
  },
  async setSettings(patch) {
    // Before start-up the stored settings are not known yet: apply the change on top of them.
    await engineReady;
    merge(state.settings, patch);
    settingsView?.render(state);
    persist('settings', state.settings);
    scheduleAnalysis();
  },
  async request(action, ...args) {
    await afterStart();
    return analyzer.call(action, args);
  },
  async addUserWords(words) {
    await engineReady;
    return setUserWords([...state.userWords, ...words.filter((w) => !state.userWords.includes(w))]);
  },
  notify(message, kind = 'info') {
    documentsView.notice(message, kind);
  },
  builtinStopWords: () => analyzer.call('builtinStopWords'),
};

// A handle for the console and the browser tests: the same calls the views make.
window.wenxi = { request: (action, ...args) => analyzer.call(action, args) };

const documentsView = new DocumentsView(document.querySelector('#documents'), ctx, {
  ...documentsActions,
  addFiles: () => document.querySelector('#file-input').click(),
});
const settingsView = new SettingsView(document.querySelector('#settings'), ctx, { setUserWords, setStopWords });

const views = {
  cloud: new CloudView(document.querySelector('#view-cloud'), ctx),
  keywords: new KeywordsView(document.querySelector('#view-keywords'), ctx),
  network: new NetworkView(document.querySelector('#view-network'), ctx),
  phrases: new PhrasesView(document.querySelector('#view-phrases'), ctx),
  kwic: new KwicView(document.querySelector('#view-kwic'), ctx),
  compare: new CompareView(document.querySelector('#view-compare'), ctx),
};
// On a narrow screen the documents and the settings open as panels over the views; a notice
// added while the documents are closed marks their button.
setUpPanels({ news: '.notices ul' });

function selectTab(name) {
  for (const button of document.querySelectorAll('#tabs [data-tab]')) {
    const active = button.dataset.tab === name;
    button.setAttribute('aria-selected', String(active));
    button.tabIndex = active ? 0 : -1;
  }
  for (const [key, view] of Object.entries(views)) {
    const section = document.querySelector(`#view-${key}`);
    const visible = key === name;
    if (section.hidden === !visible) continue;
    section.hidden = !visible;
    if (visible) safely(() => view.show?.());
  }
}

const tabs = document.querySelector('#tabs');
tabs.addEventListener('click', (event) => {
  const button = event.target.closest('[data-tab]');
  if (button) selectTab(button.dataset.tab);
});
// Arrow keys move between tabs, as in every tab list.
tabs.addEventListener('keydown', (event) => {
  if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
  const buttons = [...tabs.querySelectorAll('[data-tab]')];
  const at = buttons.indexOf(document.activeElement);
  const next = buttons[(at + (event.key === 'ArrowRight' ? 1 : buttons.length - 1)) % buttons.length];
  next.focus();
  selectTab(next.dataset.tab);
});

// ---- adding files: button, drop anywhere, paste ---------------------------------------------

const fileInput = document.querySelector('#file-input');
document.querySelector('#add-files').addEventListener('click', () => fileInput.click());
fileInput.addEventListener('change', () => {
  const files = [...fileInput.files];
  fileInput.value = '';
  addFiles(files);
});

const overlay = document.querySelector('#drop-overlay');
let dragDepth = 0;
const carriesFiles = (event) => [...(event.dataTransfer?.types ?? [])].includes('Files');
window.addEventListener('dragenter', (event) => {
  if (!carriesFiles(event)) return;
  event.preventDefault();
  dragDepth++;
  overlay.hidden = false;
});
window.addEventListener('dragover', (event) => {
  if (carriesFiles(event)) event.preventDefault();
});
window.addEventListener('dragleave', () => {
  dragDepth = Math.max(0, dragDepth - 1);
  if (dragDepth === 0) overlay.hidden = true;
});
window.addEventListener('drop', (event) => {
  event.preventDefault();
  dragDepth = 0;
  overlay.hidden = true;
  const files = [...(event.dataTransfer?.files ?? [])];
  if (files.length) addFiles(files);
});

const pasteDialog = document.querySelector('#paste-dialog');
let pastes = 0;
document.querySelector('#paste-text').addEventListener('click', () => {
  pasteDialog.querySelector('[name=name]').value = t('pasteDefaultName', { n: ++pastes });
  pasteDialog.querySelector('[name=text]').value = '';
  pasteDialog.showModal();
});
pasteDialog.addEventListener('close', () => {
  if (pasteDialog.returnValue !== 'add') return;
  const name = pasteDialog.querySelector('[name=name]').value.trim() || t('pasteDefaultName', { n: pastes });
  addText(name, pasteDialog.querySelector('[name=text]').value);
});

// ---- language -------------------------------------------------------------------------------

const langButton = document.querySelector('#lang-switch');
langButton.addEventListener('click', () => setLang(lang() === 'zh' ? 'en' : 'zh'));
onLangChange(() => {
  translateDom();
  langButton.textContent = lang() === 'zh' ? 'EN' : '中文';
  documentsView.render(state);
  settingsView.render(state);
  if (state.analysis) scheduleAnalysis(0);
});

// ---- start ----------------------------------------------------------------------------------

async function start() {
  translateDom();
  langButton.textContent = lang() === 'zh' ? 'EN' : '中文';
  document.documentElement.lang = lang() === 'en' ? 'en' : 'zh-CN';
  selectTab('cloud');
  setStatus(t('loading'));
  // IndexedDB opens while the snapshot is drawn.
  const opening = openStore();
  if (pristineAtStart()) safely(showSnapshot);
  try {
    await serially(async () => {
      const opened = await opening;
      store = opened.store;
      if (opened.error) {
        storageWarned = true;
        documentsView.notice(t('storageUnavailable', { reason: opened.error?.message ?? opened.error }), 'error');
      }
      // The analyzer holds nothing yet (state.documents may be the snapshot's).
      await loadFromStore([]);
      const sameDocuments = (a, b) =>
        a.map((d) => `${d.id}:${d.name}`).join('/') === b.map((d) => `${d.id}:${d.name}`).join('/');
      snapshotStale = snapshotShown && !(workspaceIsPristine() && sameDocuments(state.documents, snapshot.documents));
    });
  } catch (err) {
    engineStarted();
    setStatus(t('startFailed', { message: err?.message ?? err }), 'error');
    document.body.dataset.state = 'error';
    documentsView.render(state);
    settingsView.render(state);
    console.error(err);
    return;
  }
  engineStarted();
  await runAnalysis();
}

/** Make the analyzer hold what the store says: the seeds (but removed ones), then the stored
 *  documents in the order they were added, segmented once with the stored user words. `held`:
 *  the documents the analyzer holds now, removed first. */
async function loadFromStore(held = state.documents) {
  for (const doc of held) await analyzer.removeDocument(doc.id);
  origins.clear();
  const saved = await restoreState();
  await analyzer.setUserWords(state.userWords);
  await analyzer.setStopWords(state.stopWords);
  // Without the seeds (a broken server, a damaged cache) a person can still add files.
  try {
    const seeds = await analyzer.loadSeeds(new URL('seeds/', document.baseURI).href, removedSeeds);
    for (const doc of seeds) origins.set(doc.id, `seed:${doc.name}`);
  } catch (err) {
    documentsView.notice(t('seedsFailed', { message: err?.message ?? err }), 'error');
  }
  for (const record of saved) {
    try {
      const info =
        record.kind === 'text'
          ? await analyzer.addText(record.name, record.text)
          : await analyzer.addDocument(record.name, record.bytes);
      origins.set(info.id, `doc:${record.key}`);
    } catch (err) {
      documentsView.notice(t('restoreFailed', { name: record.name, reason: err?.message ?? err }), 'error');
    }
  }
  await refreshDocuments();
  const excluded = new Set((await store.get('excluded').catch(() => null)) ?? []);
  state.included = new Set(state.documents.filter((d) => !excluded.has(origins.get(d.id))).map((d) => d.id));
  documentsView.render(state);
  settingsView.render(state);
  markPristine();
}

/** Settings, words and removed seeds from the store; resolves to the stored documents. */
async function restoreState() {
  const read = (name) => store.get(name).catch(() => undefined);
  const [settings, userWords, stopWords, removed, documents] = await Promise.all([
    read('settings'),
    read('userWords'),
    read('stopWords'),
    read('removedSeeds'),
    store.documents().catch(() => []),
  ]);
  state.settings = merge(structuredClone(DEFAULT_SETTINGS), settings ?? {});
  state.userWords = Array.isArray(userWords) ? userWords : [];
  state.stopWords = Array.isArray(stopWords) ? stopWords : [];
  removedSeeds = Array.isArray(removed) ? removed : [];
  return documents;
}

// ---- workspace: carry an analysis to another machine ---------------------------------------

const workspaceMenu = document.querySelector('.menu');
// The menu closes once an item is chosen.
workspaceMenu.addEventListener('click', (event) => {
  if (event.target.closest('button')) workspaceMenu.open = false;
});

document.querySelector('#export-workspace').addEventListener('click', async () => {
  try {
    const docs = await exportWorkspace(store, {
      removedSeeds,
      userWords: state.userWords,
      stopWords: state.stopWords,
      settings: state.settings,
    });
    documentsView.notice(t('exported', { docs }), 'ok');
  } catch (err) {
    report(err);
  }
});

const workspaceInput = document.querySelector('#workspace-input');
document.querySelector('#import-workspace').addEventListener('click', () => workspaceInput.click());
workspaceInput.addEventListener('change', async () => {
  const file = workspaceInput.files[0];
  workspaceInput.value = '';
  if (!file || !window.confirm(t('importConfirm'))) return;
  try {
    await serially(async () => {
      const workspace = await readWorkspace(file);
      // One transaction: if the storage is full half-way, what was stored stays as it was.
      const { documents, removedSeeds: removed, userWords, stopWords, settings } = workspace;
      await store.replace(documents, { removedSeeds: removed, userWords, stopWords, settings });
      await loadFromStore();
      documentsView.notice(t('imported', { docs: documents.length }), 'ok');
    });
    await runAnalysis();
  } catch (err) {
    documentsView.notice(t('importFailed', { name: file.name, reason: err?.message ?? err }), 'error');
  }
});

start();
