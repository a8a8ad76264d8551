// @ts-check
// What the page keeps between visits, and the bookkeeping that goes with it: the store
// (www/store.js: IndexedDB, or memory when that is refused), where each loaded document comes
// from (its origin: a seed, a stored document, this session only), the seeds a person removed,
// and the synchronous "pristine" marker in localStorage that lets the next start show the
// build-time snapshot (www/startup.js) before IndexedDB has answered.
//
// Storage failures never stop the session: the person is told once, and the work goes on.
import { cloudLayouts } from './cloud-layouts.js';
import { bilingual } from './errors.js';
import { docOrigin, includesOrigin, isLasting, readOrigins, seedOrigin, sessionOrigin } from './origins.js';
import { validateSettings } from './settings-schema.js';
import { openStore } from './store.js';
import { checkUserWords } from './workspace.js';
import { isEmptyEdit, readSeedEdits } from './edits.js';
import { DEFAULT_SETTINGS } from './defaults.js';
import { markWorkspace } from './pristine-marker.js';

/** @typedef {import('./defaults.js').Settings} Settings */
/** @typedef {import('./errors.js').Bilingual} Bilingual */
/** @typedef {import('./origins.js').Origin} Origin */
/** @typedef {import('./shapes.js').DocumentInfo} DocumentInfo */
/** @typedef {import('./store.js').Store} Store */
/** @typedef {import('./store.js').NewDocument} NewDocument */
/** @typedef {import('./store.js').StoredDocument} StoredDocument */
/**
 * The controller's state, as far as persistence reads it.
 * @typedef {{documents: DocumentInfo[], included: Set<number>, settings: Settings, userWords: string[], stopWords: string[]}} PersistedState
 */
/**
 * What the store holds, checked: settings through the schema (with what had to be reset), user
 * words the engine accepts (with the ones it would refuse), the stored documents.
 * @typedef {{settings: Settings, resetSettings: string[], ignoredSettings: string[], userWords: string[],
 *   refusedUserWords: string[], stopWords: string[], removedSeeds: string[], documents: StoredDocument[],
 *   excluded: Origin[], seedEdits: Map<string, import('./edits.js').Edit>}} Stored
 */

// The marker lives in its own module, which the page's first script reads (www/boot.js).
export { pristineAtStart } from './pristine-marker.js';

/**
 * Whether a workspace is what a first visit has: nothing stored, no seed removed, nothing left
 * out, the default settings, no user or stop words.
 * @param {{settings: Settings, userWords: string[], stopWords: string[], storedDocuments: number,
 *   removedSeeds: string[], excluded: number, seedEdits?: number}} workspace
 */
export function isPristine({ settings, userWords, stopWords, storedDocuments, removedSeeds, excluded, seedEdits = 0 }) {
  return (
    storedDocuments === 0 &&
    seedEdits === 0 &&
    removedSeeds.length === 0 &&
    excluded === 0 &&
    userWords.length === 0 &&
    stopWords.length === 0 &&
    sameValue(settings, DEFAULT_SETTINGS)
  );
}

/** @param {unknown} a @param {unknown} b @returns {boolean} */
function sameValue(a, b) {
  if (a === b) return true;
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every(
    (key) => Object.hasOwn(b, key) && sameValue(/** @type {any} */ (a)[key], /** @type {any} */ (b)[key]),
  );
}

export class Persistence {
  /** Seeds the person removed (by file name), in the order removed. @type {string[]} */
  removedSeeds = [];
  /** What the person changed in the seeds' metadata, by seed file name. @type {Map<string, import('./edits.js').Edit>} */
  seedEdits = new Map();
  /** @type {Map<number, Origin>} analyzer document id -> where it comes from */
  #origins = new Map();
  /** Ids removed before keep() had stored them: deleted again as soon as they are. */
  #removedBeforeKept = new Set();
  #warned = false;
  /** @type {Promise<Store>} */
  #opened;
  /** @type {(store: Store) => void} */
  #resolveOpened = () => {};
  #state;
  #notify;
  #open;
  #index;

  /**
   * @param {{state: () => PersistedState, notify: (message: Bilingual, kind: 'error') => void,
   *   open?: typeof openStore, index?: (id: number, key: number | null) => Promise<unknown>}} options
   *   `open` replaces openStore (tests); `index` hears where an added document was stored (null:
   *   nowhere lasting), once its original is: the worker writes its stored index then
   *   (www/stored-index.js), so that a full quota can cost an index but never an original.
   */
  constructor({ state, notify, open = openStore, index = async () => {} }) {
    this.#state = state;
    this.#notify = notify;
    this.#opened = new Promise((resolve) => (this.#resolveOpened = resolve));
    this.#open = open;
    this.#index = index;
  }

  /** Tells the worker where document `id` is stored; its failure changes nothing. */
  #indexed(/** @type {number} */ id, /** @type {number | null} */ key) {
    this.#index(id, key).catch(() => {});
  }

  /** Opens the store; one that is refused is said (once), and memory stands in. */
  async open() {
    const { store, error } = await this.#open();
    if (error) this.#warn(error);
    this.#resolveOpened(store);
    return store;
  }

  /** The store, once open() has answered (an export asked for early waits for it). */
  opened() {
    return this.#opened;
  }

  #warn(/** @type {unknown} */ error) {
    if (this.#warned) return;
    this.#warned = true;
    this.#notify(bilingual('storage.unavailable', { reason: reasonOf(error) }), 'error');
  }

  /** Keeps the pristine marker in step with what is persisted; call whenever that changes. */
  mark() {
    markWorkspace(this.isPristine());
  }

  isPristine() {
    const { documents, included, settings, userWords, stopWords } = this.#state();
    return isPristine({
      settings,
      userWords,
      stopWords,
      storedDocuments: [...this.#origins.values()].filter((origin) => origin.kind === 'doc').length,
      removedSeeds: this.removedSeeds,
      excluded: documents.filter((d) => !included.has(d.id)).length,
      seedEdits: this.seedEdits.size,
    });
  }

  /**
   * Persist one piece of state; failures are reported once and the session goes on.
   * @param {'settings' | 'userWords' | 'stopWords' | 'removedSeeds' | 'excluded' | 'seedEdits'} name
   * @param {unknown} value
   */
  async persist(name, value) {
    this.mark();
    try {
      await (await this.opened()).set(name, value);
    } catch (err) {
      this.#warn(err);
    }
  }

  /**
   * What a view keeps across a reload (ctx.viewData, docs/PAGE.md), under `view:NAME` in the
   * store's state; undefined when absent or unreadable.
   * @param {string} name
   */
  async viewData(name) {
    try {
      return await (await this.opened()).get(`view:${name}`);
    } catch {
      return undefined;
    }
  }

  /** Keeps (null: forgets) what a view keeps; a failure is reported once. @param {string} name @param {unknown} value */
  async keepViewData(name, value) {
    try {
      await (await this.opened()).set(`view:${name}`, value);
    } catch (err) {
      this.#warn(err);
    }
  }

  /** Which documents are left out of the analysis, by origin (session ones cannot come back). */
  persistSelection() {
    const { documents, included } = this.#state();
    const excluded = documents
      .filter((d) => !included.has(d.id))
      .map((d) => this.#origins.get(d.id))
      .filter((origin) => origin !== undefined && isLasting(origin));
    return this.persist('excluded', excluded);
  }

  /** What the store holds, checked (see Stored); a value that cannot be read counts as absent. */
  async read() {
    const store = await this.opened();
    const get = (/** @type {string} */ name) => store.get(name).catch(() => undefined);
    const [settings, userWords, stopWords, removed, excluded, seedEdits, documents] = await Promise.all([
      get('settings'),
      get('userWords'),
      get('stopWords'),
      get('removedSeeds'),
      get('excluded'),
      get('seedEdits'),
      store.documents().catch(() => []),
    ]);
    const checked = validateSettings(settings);
    const words = checkUserWords(strings(userWords));
    this.removedSeeds = strings(removed);
    this.seedEdits = readSeedEdits(seedEdits);
    /** @type {Stored} */
    const stored = {
      settings: checked.settings,
      resetSettings: checked.reset,
      ignoredSettings: checked.ignored,
      userWords: words.words,
      refusedUserWords: words.refused,
      stopWords: strings(stopWords),
      removedSeeds: this.removedSeeds,
      documents,
      excluded: readOrigins(excluded),
      seedEdits: this.seedEdits,
    };
    return stored;
  }

  /**
   * Keeps what the person changed in documents' metadata (`edits` by id): in the stored
   * document, or for a seed in the seeds' list; a document of this session only keeps it in memory.
   * @param {Map<number, import('./edits.js').Edit>} edits
   */
  async keepEdits(edits) {
    /** @type {{key: number, edit: import('./edits.js').Edit | null}[]} */
    const changes = [];
    let seeds = false;
    for (const [id, edit] of edits) {
      const origin = this.#origins.get(id);
      if (origin?.kind === 'doc') changes.push({ key: origin.key, edit: isEmptyEdit(edit) ? null : edit });
      if (origin?.kind === 'seed') {
        seeds = true;
        if (isEmptyEdit(edit)) this.seedEdits.delete(origin.key);
        else this.seedEdits.set(origin.key, edit);
      }
    }
    if (seeds) await this.persist('seedEdits', [...this.seedEdits]);
    if (!changes.length) return;
    try {
      await (await this.opened()).updateDocuments(changes);
    } catch (err) {
      this.#warn(err);
    }
  }

  /** Forget every origin (the analyzer is about to be emptied and loaded again). */
  clearOrigins() {
    this.#origins.clear();
  }

  /** Where document `id` comes from. */
  origin(/** @type {number} */ id) {
    return this.#origins.get(id);
  }

  /** @param {number} id @param {Origin} origin */
  setOrigin(id, origin) {
    this.#origins.set(id, origin);
  }

  /** A seed loaded as document `id`. */
  seedLoaded(/** @type {number} */ id, /** @type {string} */ name) {
    this.#origins.set(id, seedOrigin(name));
  }

  /** A stored document (`key`) loaded as document `id`. */
  storedLoaded(/** @type {number} */ id, /** @type {number} */ key) {
    this.#origins.set(id, docOrigin(key));
  }

  /** Whether the documents `excluded` names include document `id`. */
  isExcluded(/** @type {Origin[]} */ excluded, /** @type {number} */ id) {
    const origin = this.#origins.get(id);
    return origin !== undefined && includesOrigin(excluded, origin);
  }

  /** How many loaded documents live only in this session (a crash loses them). */
  sessionOnly() {
    return [...this.#origins.values()].filter((origin) => origin.kind === 'session').length;
  }

  /**
   * Store an added document whole (`record()` makes what is stored: the file is read again);
   * if the store refuses, or the file cannot be read again, it stays for this session only.
   * @param {DocumentInfo} info
   * @param {() => NewDocument | Promise<NewDocument>} record
   */
  async keep(info, record) {
    try {
      const store = await this.opened();
      const key = await store.putDocument(await record());
      // Removed while it was being stored (the list shows it as soon as it is in the analyzer):
      // take it out again, or it would come back after a reload.
      if (this.#removedBeforeKept.delete(info.id)) {
        await store.deleteDocument(key);
        this.#indexed(info.id, null);
        return;
      }
      this.storedLoaded(info.id, key);
      this.mark();
      this.#indexed(info.id, store.persistent ? key : null);
    } catch (err) {
      this.#indexed(info.id, null);
      this.#origins.set(info.id, sessionOrigin(info.id));
      const full = /** @type {{name?: unknown}} */ (err)?.name === 'QuotaExceededError';
      this.#notify(
        full
          ? bilingual('storage.full', { name: info.name })
          : bilingual('storage.failed', { name: info.name, reason: reasonOf(err) }),
        'error',
      );
    }
  }

  /** Document `id` was removed: forget it for good (a stored one is deleted, a seed remembered). */
  async forget(/** @type {number} */ id) {
    // The cloud's kept layouts hold the documents' words (www/cloud-layouts.js).
    cloudLayouts.clear();
    const origin = this.#origins.get(id);
    if (!origin) this.#removedBeforeKept.add(id);
    this.#origins.delete(id);
    this.mark();
    if (origin?.kind === 'doc') {
      await (await this.opened()).deleteDocument(origin.key);
    } else if (origin?.kind === 'seed') {
      this.removedSeeds = [...new Set([...this.removedSeeds, origin.key])];
      await this.persist('removedSeeds', this.removedSeeds);
    }
  }

  /**
   * Replace everything stored by an imported workspace, in one transaction: if the storage is
   * full half-way, what was stored stays as it was.
   * @param {import('./workspace.js').Workspace} workspace
   */
  async replace({ documents, removedSeeds, userWords, stopWords, settings, seedEdits }) {
    cloudLayouts.clear();
    const store = await this.opened();
    await store.replace(documents, { removedSeeds, userWords, stopWords, settings, seedEdits: [...seedEdits] });
  }

  /** The stored documents, for an export (waits for the store to open). */
  async documents() {
    return (await this.opened()).documents();
  }
}

/** A browser error's own words (its message), for a notice that quotes it. */
const reasonOf = (/** @type {unknown} */ err) =>
  typeof (/** @type {{message?: unknown}} */ (err)?.message) === 'string'
    ? /** @type {string} */ (/** @type {{message: string}} */ (err).message)
    : String(err);

/** The strings of a stored list; [] for what is not a list. */
const strings = (/** @type {unknown} */ value) =>
  Array.isArray(value) ? value.filter((v) => typeof v === 'string') : [];
