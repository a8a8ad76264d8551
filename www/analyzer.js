// @ts-check
// Promise API over the analysis worker (www/worker.js, protocol in www/protocol.js). The page
// never touches the wasm. A failed request rejects with an Error that carries the failure's
// `code` and `params` (www/errors.js renders them).
/** @typedef {import('./shapes.js').DocumentInfo} DocumentInfo */
/** @typedef {import('./shapes.js').Analysis} Analysis */
/** @typedef {import('./types/AnalysisOptions').AnalysisOptions} AnalysisOptions */
import { codedError, EARLY_SEEDS_NAME, fromPayload } from './protocol.js';
import { Pool } from './pool.js';
import { startAnalysisWorker } from './early-worker.js';

/** @typedef {import('./protocol.js').Response} Response */
/** @typedef {{resolve: (value: any) => void, reject: (err: Error) => void, onProgress?: (fraction: number) => void}} Pending */

/** Rejection of a request that a newer one of the same kind has overtaken; callers ignore it. */
export class StaleResultError extends Error {
  code = 'superseded';
  params = {};
  constructor() {
    super('superseded by a newer request');
    this.name = 'StaleResultError';
  }
}

export const isStale = (/** @type {unknown} */ err) => err instanceof StaleResultError;

/** Whether `err` says that the engine crashed (and was restarted): recovery reports it. */
export const isCrash = (/** @type {unknown} */ err) => /** @type {{code?: unknown}} */ (err)?.code === 'engine_crashed';

/**
 * Wraps an async function so that the latest call wins: at most one call runs at a time, a call
 * that is still waiting when a newer one arrives is dropped without running, and a running call
 * whose result arrives after a newer call was made rejects with StaleResultError.
 * @template {unknown[]} A
 * @template R
 * @param {(...args: A) => R | Promise<R>} run
 * @returns {(...args: A) => Promise<R>}
 */
export function latestWins(run) {
  let generation = 0;
  let running = false;
  /** @type {{args: A, resolve: (value: R) => void, reject: (err: unknown) => void, generation: number} | null} */
  let waiting = null;

  const pump = () => {
    const job = /** @type {NonNullable<typeof waiting>} */ (waiting);
    waiting = null;
    running = true;
    /** @param {(value: any) => void} deliver */
    const settle = (deliver) => (/** @type {any} */ value) => {
      if (job.generation === generation) deliver(value);
      else job.reject(new StaleResultError());
    };
    Promise.resolve()
      .then(() => run(...job.args))
      .then(settle(job.resolve), settle(job.reject))
      .finally(() => {
        running = false;
        if (waiting) pump();
      });
  };

  return (...args) =>
    new Promise((/** @type {(value: R) => void} */ resolve, reject) => {
      waiting?.reject(new StaleResultError());
      waiting = { args, resolve, reject, generation: ++generation };
      if (!running) pump();
    });
}

export class AnalyzerClient {
  /** @type {Worker} */
  #worker;
  #nextId = 1;
  /** @type {Map<number, Pending>} */
  #pending = new Map();

  /** Resolves when the first worker's script runs (before its engine has loaded), or fails. */
  started;
  /** @type {() => void} */
  #resolveStarted = () => {};

  /**
   * `onCrash(error)` is called after the worker died and a fresh one was started in its place.
   * `earlySeeds`: the first worker adds the seeds and analyses them by itself, before it is
   * asked (EARLY_SEEDS_NAME in www/protocol.js); for a start-up that looks pristine.
   * `early`: a worker already started (www/early-worker.js), used instead of starting one; it
   * was named for its own `pristine`, which then stands for `earlySeeds`.
   * @param {{onCrash?: (err: Error) => void, earlySeeds?: boolean,
   *   early?: import('./early-worker.js').EarlyWorker | null}} [options]
   */
  constructor({ onCrash, earlySeeds = false, early = null } = {}) {
    this.onCrash = onCrash;
    this.started = new Promise((/** @type {(value?: unknown) => void} */ resolve) => (this.#resolveStarted = resolve));
    this.#worker = early
      ? this.#listen(early.worker, early.events)
      : this.#start(earlySeeds ? EARLY_SEEDS_NAME : 'wenxi-analyzer');
    /** The workers that segment a large drop on every core (www/pool.js); this worker adds what they prepare. */
    this.pool = new Pool({ setup: () => this.call('poolSetup') });
    /** Latest wins: a request overtaken by a newer one rejects with StaleResultError. */
    this.analyze = latestWins(
      (/** @type {AnalysisOptions} */ options) => /** @type {Promise<Analysis>} */ (this.call('analyze', [options])),
    );
  }

  #start(name = 'wenxi-analyzer') {
    return this.#listen(startAnalysisWorker(name));
  }

  /**
   * Listens to `worker`, after handling what it said before (`earlier`, in order).
   * @param {Worker} worker
   * @param {Event[]} [earlier]
   */
  #listen(worker, earlier = []) {
    const onMessage = (/** @type {MessageEvent} */ event) => this.#receive(event.data);
    const onError = (/** @type {Event} */ event) => {
      event.preventDefault();
      const reason = /** @type {ErrorEvent} */ (event).message || event.type;
      this.#resolveStarted();
      this.#failAll(codedError('worker_failed', { reason }, `the analysis worker failed to start: ${reason}`));
    };
    for (const event of earlier) {
      if (event.type === 'error') onError(event);
      else onMessage(/** @type {MessageEvent} */ (event));
    }
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
    return worker;
  }

  /**
   * The wasm trapped (panic, out of memory): drop the dead worker, start a fresh one.
   * @param {{name: string, message: string}} fatal
   */
  #restart(fatal) {
    const err = codedError('engine_crashed', { reason: fatal.message }, `the analysis engine failed: ${fatal.message}`);
    err.name = 'AnalyzerCrashed';
    this.#worker.terminate();
    this.#failAll(err);
    this.#worker = this.#start();
    this.onCrash?.(err);
  }

  /**
   * Sends one request; `onProgress(fraction)` receives progress reports for it.
   * @param {string} action
   * @param {unknown[]} [args]
   * @param {{onProgress?: (fraction: number) => void, transfer?: Transferable[]}} [options]
   * @returns {Promise<any>}
   */
  call(action, args = [], { onProgress, transfer = [] } = {}) {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, onProgress });
      this.#worker.postMessage({ id, action, args }, transfer);
    });
  }

  /**
   * `request('kwic', term, options)`: the same as call(), with the arguments spread.
   * @param {string} action
   * @param {...unknown} args
   */
  request(action, ...args) {
    return this.call(action, args);
  }

  /** @param {Response} message */
  #receive(message) {
    if ('started' in message) {
      this.#resolveStarted();
      return;
    }
    if ('fatal' in message) {
      this.#restart(message.fatal);
      return;
    }
    const request = this.#pending.get(message.id);
    if (!request) return;
    if ('progress' in message) {
      request.onProgress?.(message.progress);
      return;
    }
    this.#pending.delete(message.id);
    if ('error' in message) request.reject(fromPayload(message.error));
    else request.resolve(message.result);
  }

  /** @param {Error} err */
  #failAll(err) {
    for (const { reject } of this.#pending.values()) reject(err);
    this.#pending.clear();
  }

  /**
   * Adds the bundled articles listed in `${baseUrl}index.json` but those in `skip`.
   * @param {string} baseUrl
   * @param {string[]} [skip]
   * @returns {Promise<DocumentInfo[]>}
   */
  loadSeeds(baseUrl, skip = []) {
    return this.call('loadSeeds', [baseUrl, skip]);
  }

  /**
   * @param {string} name
   * @param {Uint8Array} bytes
   * @param {(fraction: number) => void} [onProgress]
   * @returns {Promise<DocumentInfo>}
   */
  addDocument(name, bytes, onProgress) {
    return this.call('addDocument', [name, bytes], { onProgress });
  }

  /**
   * A file with where it came from (its path in a dropped folder, its modification time).
   * @param {string} name
   * @param {Uint8Array} bytes
   * @param {import('./types/FileOrigin').FileOrigin} origin
   * @param {{onProgress?: (fraction: number) => void, transfer?: Transferable[]}} [options]
   * @returns {Promise<DocumentInfo>}
   */
  addFile(name, bytes, origin, options = {}) {
    return this.call('addFile', [name, bytes, origin], options);
  }

  /**
   * Adds a document a pool worker prepared (its bytes move to the worker).
   * @param {Uint8Array} prepared
   * @returns {Promise<DocumentInfo>}
   */
  addPrepared(prepared) {
    return this.call('addPrepared', [prepared], { transfer: [prepared.buffer] });
  }

  /**
   * Metadata edits (docs/API.md); `ids` null: every document.
   * @param {number[] | null} ids
   * @param {import('./types/MetadataPatch').MetadataPatch} patch
   * @returns {Promise<DocumentInfo[]>} the documents changed
   */
  updateDocuments(ids, patch) {
    return this.call('updateDocuments', [ids, patch]);
  }

  /**
   * @param {string} name
   * @param {string} text
   * @param {(fraction: number) => void} [onProgress]
   * @returns {Promise<DocumentInfo>}
   */
  addText(name, text, onProgress) {
    return this.call('addText', [name, text], { onProgress });
  }

  /** @param {number} id @returns {Promise<boolean>} */
  removeDocument(id) {
    return this.call('removeDocument', [id]);
  }

  /** @returns {Promise<DocumentInfo[]>} */
  documents() {
    return this.call('documents');
  }

  /**
   * @param {string} term
   * @param {import('./types/KwicOptions').KwicOptions} options
   * @returns {Promise<import('./shapes.js').Kwic>}
   */
  kwic(term, options) {
    return this.call('kwic', [term, options]);
  }

  /**
   * @param {number[]} targetIds
   * @param {import('./types/KeynessOptions').KeynessOptions} options
   * @returns {Promise<import('./shapes.js').Keyness>}
   */
  keyness(targetIds, options) {
    return this.call('keyness', [targetIds, options]);
  }

  /** Re-segments every document; resolves to how many. @param {string[]} words @returns {Promise<number>} */
  setUserWords(words) {
    return this.call('setUserWords', [words]);
  }

  /** @param {string[]} words @returns {Promise<void>} */
  setStopWords(words) {
    return this.call('setStopWords', [words]);
  }

  terminate() {
    this.pool.close();
    this.#worker.terminate();
    this.#failAll(codedError('worker_stopped', {}, 'the analysis worker was stopped'));
  }
}
