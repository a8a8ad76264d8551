// @ts-check
// The documents in the analysis, and every change to that list: files chosen or dropped, pasted
// text, removal, and loading what the store holds (at start-up, after an import, after a crash).
// Each added file gets its own outcome, and a bad one never stops its batch.
//
// Adding, importing and restoring run one after another, in the order asked for, and only after
// start-up has restored the stored documents (a file dropped while the page loads comes after
// the seeds, and is stored); two drops in quick succession are added batch after batch.
import { errorText } from './errors.js';
import { lang, numberFormat, t } from './i18n.js';
import { codedError } from './protocol.js';
import { exportWorkspace, problemMessages, readWorkspace } from './workspace.js';

/** @typedef {import('./analyzer.js').AnalyzerClient} AnalyzerClient */
/** @typedef {import('./persistence.js').Persistence} Persistence */
/** @typedef {import('./shapes.js').DocumentInfo} DocumentInfo */
/** @typedef {import('./shapes.js').State} State */
/** @typedef {import('./shapes.js').Notify} Notify */

/** The Analyzer refuses files over this size (src/corpus.rs MAX_DOCUMENT_BYTES); checked here
 *  too so that a huge file is not read into memory only to be refused. */
export const MAX_DOCUMENT_BYTES = 100_000_000;

/** Megabytes as the messages show them: "150", "2.5" (as the core writes them). */
const megabytes = (/** @type {number} */ bytes) => (bytes >= 1e7 ? (bytes / 1e6).toFixed(0) : (bytes / 1e6).toFixed(1));

/** Where the page's seeds are (seeds/ next to index.html; the worker prefetches them there). */
const seedsUrl = () => new URL('seeds/', document.baseURI).href;

export class Corpus {
  #jobs = Promise.resolve();
  /** The seeds asked for before the store answered (loadSeedsEarly), for the next load(). @type {Promise<DocumentInfo[]> | null} */
  #early = null;
  #analyzer;
  #persistence;
  #state;
  #notify;
  #progress;
  #render;
  #changed;

  /**
   * @param {{analyzer: AnalyzerClient, persistence: Persistence, state: State, notify: Notify,
   *   progress: (fraction: number | null, label?: string) => void, render: () => void, changed: () => void}} options
   *   `render`: the list (and the settings) changed; `changed`: the analysis must be run again
   */
  constructor({ analyzer, persistence, state, notify, progress, render, changed }) {
    this.#analyzer = analyzer;
    this.#persistence = persistence;
    this.#state = state;
    this.#notify = notify;
    this.#progress = progress;
    this.#render = render;
    this.#changed = changed;
  }

  /**
   * Runs `job` after every job asked for before it.
   * @template T
   * @param {() => Promise<T>} job
   * @returns {Promise<T>}
   */
  serially(job) {
    const run = this.#jobs.then(job);
    this.#jobs = run.then(
      () => {},
      () => {},
    );
    return run;
  }

  /** The list from the analyzer; a selected id that is gone is deselected. */
  async refresh() {
    const state = this.#state;
    state.documents = await this.#analyzer.documents();
    const ids = new Set(state.documents.map((d) => d.id));
    for (const id of state.included) if (!ids.has(id)) state.included.delete(id);
    this.#render();
  }

  /** Add files one by one, in order. @param {File[]} files */
  addFiles(files) {
    return this.serially(() => this.#addFiles(files));
  }

  /** Add a pasted text. @param {string} name @param {string} text */
  addText(name, text) {
    return this.serially(() => this.#addText(name, text));
  }

  /** @param {File[]} files */
  async #addFiles(files) {
    let ok = 0;
    let failed = 0;
    for (const file of files) {
      try {
        await this.#addFile(file);
        ok++;
      } catch (err) {
        this.#notify(/** @type {Error} */ (err), 'error');
        failed++;
      }
    }
    this.#progress(null);
    if (files.length > 1) this.#notify(t('notice.addedMany', { ok, failed }), failed ? 'info' : 'ok');
    if (ok) {
      await this.refresh();
      this.#changed();
    }
  }

  /** @param {File} file */
  async #addFile(file) {
    const { name } = file;
    if (file.size > MAX_DOCUMENT_BYTES) {
      const [size, limit] = [megabytes(file.size), megabytes(MAX_DOCUMENT_BYTES)];
      const params = { name, size, limit, bytes: file.size, limitBytes: MAX_DOCUMENT_BYTES };
      throw codedError('too_large', params, `"${name}" is too large (${size} MB)`);
    }
    this.#progress(0, t('progress.reading', { name }));
    let bytes;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (err) {
      const reason = /** @type {Error} */ (err)?.message ?? String(err);
      throw codedError('read_failed', { name, reason }, `cannot read "${name}": ${reason}`);
    }
    /** @type {DocumentInfo} */
    const info = await this.#analyzer.call('addDocument', [name, bytes], {
      transfer: [bytes.buffer],
      onProgress: (f) => this.#progress(f, t('progress.segmenting', { name, percent: Math.round(f * 100) })),
    });
    await this.#added(info, async () => ({ name, kind: 'bytes', bytes: new Uint8Array(await file.arrayBuffer()) }));
  }

  /** @param {string} name @param {string} text */
  async #addText(name, text) {
    try {
      const info = await this.#analyzer.addText(name, text, (f) =>
        this.#progress(f, t('progress.segmenting', { name, percent: Math.round(f * 100) })),
      );
      this.#progress(null);
      await this.#added(info, () => ({ name, kind: 'text', text }));
      await this.refresh();
      this.#changed();
    } catch (err) {
      this.#progress(null);
      this.#notify(/** @type {Error} */ (err), 'error');
    }
  }

  /**
   * A document is in the analyzer: select it, say so (and if it has no word to count), store it
   * (`record()` makes what is stored: the bytes went to the worker, so a file is read again).
   * @param {DocumentInfo} info
   * @param {() => import('./store.js').NewDocument | Promise<import('./store.js').NewDocument>} record
   */
  async #added(info, record) {
    this.#state.included.add(info.id);
    const chars = numberFormat().format(info.chars);
    this.#notify(t('notice.added', { name: info.name, encoding: info.encoding, chars }), 'ok');
    if (!(await this.#hasTerms(info.id))) this.#notify(t('notice.noTerms', { name: info.name }), 'info');
    await this.#persistence.keep(info, record);
  }

  /** Whether document `id` has any word that the current filters keep (counted alone). */
  async #hasTerms(/** @type {number} */ id) {
    try {
      const options = { documents: [id], filter: this.#state.settings.filter, limit: 1 };
      const counted = await this.#analyzer.keyness([id], options);
      return counted.targetTokens > 0;
    } catch {
      return true; // no reason to worry the person
    }
  }

  /** Remove document `id` from the analysis and, for good, from the workspace. */
  async remove(/** @type {number} */ id) {
    await this.#analyzer.removeDocument(id);
    this.#state.included.delete(id);
    await this.#persistence.forget(id).catch((err) => this.#notify(err, 'error'));
    await this.refresh();
    this.#changed();
  }

  /**
   * Asks the engine for every seed now, before the store has answered (at start-up, when the
   * workspace looks pristine), so that the engine's work does not wait for IndexedDB or for this
   * thread; the next load() takes them as its seeds, and drops the ones the store says were
   * removed. Resolves to the documents the engine then holds (a failure is load()'s to report).
   */
  loadSeedsEarly() {
    const early = this.#analyzer.loadSeeds(seedsUrl(), []);
    this.#early = early;
    return early.catch(() => /** @type {DocumentInfo[]} */ ([]));
  }

  /**
   * Make the analyzer hold what the store says: the user and stop words, the seeds (but removed
   * ones), then the stored documents in the order they were added, segmented once; then the
   * selection. `held`: the documents the analyzer holds now, removed first (the seeds asked for
   * early are not among them). Settings or user words that the store held but that are not
   * valid are said, and stored as corrected.
   * @param {DocumentInfo[]} [held]
   */
  async load(held = this.#state.documents) {
    const analyzer = this.#analyzer;
    const persistence = this.#persistence;
    const state = this.#state;
    const early = this.#early;
    this.#early = null;
    for (const doc of held) await analyzer.removeDocument(doc.id);
    persistence.clearOrigins();
    const stored = await persistence.read();
    state.settings = stored.settings;
    state.userWords = stored.userWords;
    state.stopWords = stored.stopWords;
    for (const message of problemMessages(stored, 'stored')) this.#notify(message, 'info');
    if (stored.resetSettings.length || stored.ignoredSettings.length) persistence.persist('settings', state.settings);
    if (stored.refusedUserWords.length) persistence.persist('userWords', state.userWords);
    // User words re-segment the seeds asked for early, if any: the same documents as adding
    // them after the words.
    await analyzer.setUserWords(state.userWords);
    await analyzer.setStopWords(state.stopWords);
    // Without the seeds (a broken server, a damaged cache) a person can still add files.
    try {
      const removed = persistence.removedSeeds;
      let seeds;
      if (early) {
        seeds = [];
        for (const doc of await early) {
          if (removed.includes(doc.name)) await analyzer.removeDocument(doc.id);
          else seeds.push(doc);
        }
      } else {
        seeds = await analyzer.loadSeeds(seedsUrl(), removed);
      }
      for (const doc of seeds) persistence.seedLoaded(doc.id, doc.name);
    } catch (err) {
      this.#notify(t('notice.seedsFailed', { message: errorText(err, lang()) }), 'error');
    }
    for (const record of stored.documents) {
      try {
        const info =
          record.kind === 'text'
            ? await analyzer.addText(record.name, /** @type {string} */ (record.text))
            : await analyzer.addDocument(record.name, /** @type {Uint8Array} */ (record.bytes));
        persistence.storedLoaded(info.id, record.key);
      } catch (err) {
        this.#notify(t('notice.restoreFailed', { name: record.name, reason: errorText(err, lang()) }), 'error');
      }
    }
    await this.refresh();
    const kept = state.documents.filter((d) => !persistence.isExcluded(stored.excluded, d.id));
    state.included = new Set(kept.map((d) => d.id));
    this.#render();
    persistence.mark();
  }

  /** Downloads the workspace; asked for early, it waits until start-up has loaded it. Resolves
   *  to the number of documents in it. */
  exportWorkspace() {
    const state = this.#state;
    return this.serially(() =>
      exportWorkspace(
        { documents: () => this.#persistence.documents() },
        {
          removedSeeds: this.#persistence.removedSeeds,
          userWords: state.userWords,
          stopWords: state.stopWords,
          settings: state.settings,
        },
      ),
    );
  }

  /** Replaces the workspace by the one in `file` (checked, then stored, then loaded). */
  importWorkspace(/** @type {File} */ file) {
    return this.serially(async () => {
      const workspace = await readWorkspace(file);
      // One transaction: if the storage is full half-way, what was stored stays as it was.
      await this.#persistence.replace(workspace);
      await this.load();
      this.#notify(t('workspace.imported', { docs: workspace.documents.length }), 'ok');
      for (const message of problemMessages(workspace.problems, 'imported')) this.#notify(message, 'info');
    });
  }
}
