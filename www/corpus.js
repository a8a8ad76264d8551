// @ts-check
// The documents in the analysis, and every change to that list: files chosen or dropped, pasted
// text, removal, and loading what the store holds (at start-up, after an import, after a crash).
// Each added file gets its own outcome, and a bad one never stops its batch.
// Adding, importing and restoring run one after another, in the order asked for, and only after
// start-up has restored the stored documents (a file dropped while the page loads comes after
// the seeds, and is stored); two drops in quick succession are added batch after batch.
import { errorText } from './errors.js';
import { lang, numberFormat, t } from './i18n.js';
import { tooLargeError } from './protocol.js';
import { exportWorkspace, problemMessages, readWorkspace } from './workspace.js';
import { BatchReport, duplicatesAmong } from './batch.js';
import { editAfter, patchOf } from './edits.js';
import { fileOrigin } from './file-paths.js';
import { readFile } from './pool.js';
import { storedForm } from './store.js';

/** @typedef {import('./analyzer.js').AnalyzerClient} AnalyzerClient */
/** @typedef {import('./persistence.js').Persistence} Persistence */
/** @typedef {import('./shapes.js').DocumentInfo} DocumentInfo */
/** @typedef {import('./shapes.js').State} State */
/** @typedef {import('./shapes.js').Notify} Notify */
/** @typedef {import('./folder-walk.js').Batch} Batch */
/** @typedef {import('./edits.js').Edit} Edit */
/** A document added that has the same text as one before it. @typedef {{doc: DocumentInfo, original: DocumentInfo}} Duplicate */

/** The Analyzer refuses files over this size (src/corpus.rs MAX_DOCUMENT_BYTES); checked here
 *  too so that a huge file is not read into memory only to be refused. */
export const MAX_DOCUMENT_BYTES = 100_000_000;

/** Files up to this size are kept in memory until stored, not read again. */
const KEEP_COPY_BYTES = 1_000_000;

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
  #askDuplicates;
  /** What the person changed in each document's metadata, by id. @type {Map<number, Edit>} */
  #edits = new Map();

  /**
   * @param {{analyzer: AnalyzerClient, persistence: Persistence, state: State, notify: Notify,
   *   progress: (fraction: number | null, label?: string) => void, render: () => void, changed: () => void,
   *   askDuplicates: (duplicates: Duplicate[]) => Promise<boolean>}} options
   *   `render`: the list (and the settings) changed; `changed`: the analysis must be run again;
   *   `askDuplicates`: whether to skip the duplicates a batch brought (asked once a batch)
   */
  constructor({ analyzer, persistence, state, notify, progress, render, changed, askDuplicates }) {
    this.#askDuplicates = askDuplicates;
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

  /** Add files one by one, in order (chosen or dropped, without folders). @param {File[]} files */
  addFiles(files) {
    return this.addBatch({ files: files.map((file) => ({ file, path: null })), hidden: 0 });
  }

  /** Add a batch (files with their paths in a dropped or picked folder), one by one, in order.
   *  @param {Batch | Promise<Batch>} batch a walk still under way waits its turn */
  addBatch(batch) {
    return this.serially(async () => this.#addBatch(await batch));
  }

  /** Add a pasted text. @param {string} name @param {string} text */
  addText(name, text) {
    return this.serially(() => this.#addText(name, text));
  }

  /**
   * Each file gets its own line (added, or refused with its reason), and a batch a tally; a
   * large batch is told in one summary line with the refused files listed under it. The
   * duplicates it brought are asked about once.
   * @param {Batch} batch
   */
  async #addBatch({ files, hidden }) {
    const report = new BatchReport(files.length, hidden);
    const quiet = report.summarised;
    /** @type {DocumentInfo[]} */
    const added = [];
    // A large drop is segmented by the pool (www/pool.js); its documents are added here, in order
    // (with each file's bytes, moved back, to be stored without reading the file again).
    const pooled = this.#analyzer.pool.prepare(files, MAX_DOCUMENT_BYTES);
    for (const [index, entry] of files.entries()) {
      const name = 'file' in entry ? entry.file.name : entry.name;
      const label = files.length > 1 ? t('progress.batch', { i: index + 1, n: files.length, name }) : null;
      try {
        if ('error' in entry) throw entry.error;
        const prepared = await pooled?.(index, (f) => this.#progress(f, label ?? undefined));
        added.push(await this.#addFile(entry.file, entry.path, label, quiet, prepared));
        report.add();
      } catch (err) {
        if (!quiet) this.#notify(/** @type {Error} */ (err), 'error');
        report.refuse(name, /** @type {Error} */ (err));
      }
    }
    this.#progress(null);
    if (added.length) await this.refresh();
    /** @type {Duplicate[]} */
    const duplicates = duplicatesAmong(added, this.#state.documents);
    if (duplicates.length && (await this.#askDuplicates(duplicates))) {
      for (const { doc } of duplicates) await this.#forget(doc.id);
      report.skipDuplicates(duplicates.length);
      await this.refresh();
    }
    if (report.needsTally) {
      const details = quiet ? report.refusals.map(({ name, error }) => `${name}: ${errorText(error, lang())}`) : [];
      this.#notify(report.tally(t), report.kind, details);
    }
    if (report.added) this.#changed();
  }

  /**
   * @param {File} file
   * @param {string | null} path in the dropped or picked folder
   * @param {string | null} label the batch's progress line for this file
   * @param {boolean} quiet no line of its own (a large batch)
   * @param {import('./pool.js').Prepared | null} [pooled] the document a pool worker prepared of it
   */
  async #addFile(file, path, label, quiet, pooled) {
    const { name } = file;
    if (file.size > MAX_DOCUMENT_BYTES) throw tooLargeError(name, file.size, MAX_DOCUMENT_BYTES);
    const origin = fileOrigin(file, path);
    // Stored as store.js storedForm says: a small file's bytes, a large one's as a Blob.
    let kept = pooled?.bytes ?? null;
    /** @type {DocumentInfo} */
    let info;
    if (pooled) {
      info = await this.#analyzer.addPrepared(pooled.prepared);
    } else {
      this.#progress(0, label ?? t('progress.reading', { name }));
      const bytes = await readFile(file);
      kept = bytes.length <= KEEP_COPY_BYTES ? bytes.slice() : null;
      info = await this.#analyzer.addFile(name, bytes, origin, {
        transfer: [bytes.buffer],
        onProgress: (f) => this.#progress(f, label ?? t('progress.segmenting', { name, percent: Math.round(f * 100) })),
      });
    }
    const record = async () => {
      const bytes = await storedForm(kept, file, KEEP_COPY_BYTES);
      return { name, kind: /** @type {const} */ ('bytes'), bytes, origin };
    };
    await this.#added(info, record, quiet);
    return info;
  }

  /** @param {string} name @param {string} text */
  async #addText(name, text) {
    try {
      const info = await this.#analyzer.addText(name, text, (f) =>
        this.#progress(f, t('progress.segmenting', { name, percent: Math.round(f * 100) })),
      );
      this.#progress(null);
      await this.#added(info, () => ({ name, kind: 'text', text }), false);
      if (info.duplicateOf != null) await this.#askAboutPasted(info);
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
   * @param {boolean} quiet no line of its own (in a large batch, the summary says it)
   */
  async #added(info, record, quiet) {
    this.#state.included.add(info.id);
    if (!quiet) {
      const chars = numberFormat().format(info.chars);
      this.#notify(t('notice.added', { name: info.name, encoding: info.encoding, chars }), 'ok');
      if (!(await this.#hasTerms(info.id))) this.#notify(t('notice.noTerms', { name: info.name }), 'info');
    }
    await this.#persistence.keep(info, record);
  }

  /** A pasted text with the same text as a document before it: asked about as a batch's are. */
  async #askAboutPasted(/** @type {DocumentInfo} */ info) {
    await this.refresh();
    const doc = this.#state.documents.find((d) => d.id === info.id);
    const original = this.#state.documents.find((d) => d.id === doc?.duplicateOf);
    if (doc && original && (await this.#askDuplicates([{ doc, original }]))) await this.#forget(doc.id);
  }

  /**
   * Changes the metadata of documents `ids` (null: all) and keeps what changed, so that it
   * survives a reload and travels in the workspace file. Rejects with the core's error (nothing
   * changed then).
   * @param {number[] | null} ids
   * @param {import('./types/MetadataPatch').MetadataPatch} patch
   */
  editDocuments(ids, patch) {
    return this.serially(async () => {
      const changed = await this.#analyzer.updateDocuments(ids, patch);
      /** @type {Map<number, Edit>} */
      const edits = new Map();
      for (const info of changed) {
        const edit = editAfter(this.#edits.get(info.id), patch, info);
        this.#edits.set(info.id, edit);
        edits.set(info.id, edit);
      }
      await this.#persistence.keepEdits(edits);
      await this.refresh();
      this.#changed();
      return changed;
    });
  }

  /** Replays a stored edit over what the core read again (a bad one is left out, and said). */
  async #replay(/** @type {DocumentInfo} */ info, /** @type {Edit | null | undefined} */ edit) {
    if (!edit) return;
    try {
      await this.#analyzer.updateDocuments([info.id], patchOf(edit));
      this.#edits.set(info.id, edit);
    } catch (err) {
      this.#notify(t('notice.restoreFailed', { name: info.name, reason: errorText(err, lang()) }), 'error');
    }
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
    await this.#forget(id);
    await this.refresh();
    this.#changed();
  }

  async #forget(/** @type {number} */ id) {
    await this.#analyzer.removeDocument(id);
    this.#state.included.delete(id);
    this.#edits.delete(id);
    await this.#persistence.forget(id).catch((err) => this.#notify(err, 'error'));
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
    this.#edits.clear();
    const stored = await persistence.read();
    state.settings = stored.settings;
    state.userWords = stored.userWords;
    state.stopWords = stored.stopWords;
    for (const message of problemMessages(stored, 'stored')) this.#notify(message, 'info');
    if (stored.resetSettings.length || stored.ignoredSettings.length) persistence.persist('settings', state.settings);
    if (stored.refusedUserWords.length) persistence.persist('userWords', state.userWords);
    // User words re-segment the seeds asked for early: the same documents as adding them after.
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
      for (const doc of seeds) {
        persistence.seedLoaded(doc.id, doc.name);
        await this.#replay(doc, stored.seedEdits.get(doc.name));
      }
    } catch (err) {
      this.#notify(t('notice.seedsFailed', { message: errorText(err, lang()) }), 'error');
    }
    for (const record of stored.documents) {
      try {
        // A restore never asks about duplicates: the person answered when they were added.
        // The bytes were read for this call alone: moved to the worker, not copied (a Blob is
        // a handle: the worker reads it only if the stored index does not fit).
        const moved = { transfer: record.bytes instanceof Uint8Array ? [record.bytes.buffer] : [] };
        const info =
          record.kind === 'text'
            ? await analyzer.addText(record.name, /** @type {string} */ (record.text))
            : await analyzer.call('restoreFile', [record.key, record.name, record.bytes, record.origin ?? {}], moved);
        persistence.storedLoaded(info.id, record.key);
        await this.#replay(info, record.edit);
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
          seedEdits: this.#persistence.seedEdits,
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
