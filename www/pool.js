// @ts-check
// The pool of workers that segments a large drop on every core (issue 12): each worker
// (www/pool-worker.js) prepares documents, the analysis worker (www/worker.js) adds them, in
// the files' order (www/pool-schedule.js decides who does what and when). A file the pool
// could not prepare — a bad file, a worker that failed or crashed — is handed back as "the
// analysis worker's", which adds it, or refuses it, exactly as it does any file.
// The workers are started for a drop and kept a little while after it (another drop often
// follows), then closed: each holds jieba's dictionary, and wasm memory never shrinks.
import { poolSize, Schedule, worthPooling } from './pool-schedule.js';
import { codedError, fromPayload } from './protocol.js';
import { fileOrigin } from './file-paths.js';

/** How the analysis worker segments (its `poolSetup`): `key` is the engine's segmentation key.
 *  @typedef {{userWords: string[], data: ('script' | 'posseg')[], key: string}} Setup */
/** A prepared file: the engine's bytes for it, and the file's own bytes (moved back, to be stored).
 *  @typedef {{prepared: Uint8Array, bytes: Uint8Array}} Prepared */
/** @typedef {(fraction: number) => void} Progress */

/** Closed this long after their last drop. */
const IDLE_MS = 15_000;

/** The bytes of a dropped file; a failure is `read_failed`. @param {File} file */
export async function readFile(file) {
  try {
    return new Uint8Array(await file.arrayBuffer());
  } catch (err) {
    const reason = /** @type {Error} */ (err)?.message ?? String(err);
    throw codedError('read_failed', { name: file.name, reason }, `cannot read "${file.name}": ${reason}`);
  }
}

/** This device's pool size (www/pool-schedule.js poolSize). */
export function devicePoolSize() {
  const nav = /** @type {Navigator & {deviceMemory?: number, userAgentData?: {mobile?: boolean}}} */ (navigator);
  const mobile = nav.userAgentData?.mobile ?? /Mobi|Android/.test(nav.userAgent);
  return poolSize({ cores: nav.hardwareConcurrency, memoryGiB: nav.deviceMemory, mobile });
}

/** One pool worker: requests by id, as www/analyzer.js talks to the analysis worker. */
class PoolWorker {
  #nextId = 1;
  /** @type {Map<number, {resolve: (value: any) => void, reject: (err: Error) => void}>} */
  #pending = new Map();
  dead = false;

  constructor(/** @type {number} */ n) {
    // This exact form lets Vite bundle the module worker (and, through it, the .wasm).
    this.worker = new Worker(new URL('./pool-worker.js', import.meta.url), { type: 'module', name: `wenxi-pool-${n}` });
    this.worker.addEventListener('message', ({ data }) => {
      if ('fatal' in data) return this.#die(data.fatal.message);
      const request = this.#pending.get(data.id);
      this.#pending.delete(data.id);
      if ('error' in data) request?.reject(fromPayload(data.error));
      else request?.resolve(data.result);
    });
    this.worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.#die(event.message || event.type);
    });
  }

  /** @param {string} action @param {unknown[]} args @param {Transferable[]} [transfer] */
  call(action, args, transfer = []) {
    if (this.dead) return Promise.reject(codedError('worker_stopped', {}, 'the pool worker was stopped'));
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, action, args }, transfer);
    });
  }

  #die(/** @type {string} */ reason) {
    this.dead = true;
    this.worker.terminate();
    const err = codedError('engine_crashed', { reason }, `a pool worker failed: ${reason}`);
    for (const { reject } of this.#pending.values()) reject(err);
    this.#pending.clear();
  }

  terminate() {
    if (!this.dead) this.#die('closed');
  }
}

export class Pool {
  /** @type {PoolWorker[]} */
  #workers = [];
  #started = 0;
  #prepared = 0;
  /** Drops being prepared now. */
  #busy = 0;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  #idle;
  /** The engine's module, as the first pool worker compiled it: the others are made from it (no
   *  compiling of their own, and the code the first one warmed). @type {Promise<WebAssembly.Module | null> | null} */
  #module = null;

  /**
   * @param {{size?: number, setup: () => Promise<Setup>}} options `setup`: how the analysis
   *   worker segments now (asked at every drop)
   */
  constructor({ size = devicePoolSize(), setup }) {
    this.size = size;
    this.setup = setup;
  }

  /**
   * Starts preparing a drop's `files` (those the core can take: up to `maxBytes`, read) if it is
   * worth it (www/pool-schedule.js worthPooling); then `outcome(index, onProgress)` resolves, in
   * the files' order, to what the pool made of file `index` (null: the analysis worker is to add
   * it), and reports the drop's progress meanwhile. Returns null when the drop is not the pool's.
   * @param {import('./folder-walk.js').BatchFile[]} files
   * @param {number} maxBytes
   * @returns {((index: number, onProgress: Progress) => Promise<Prepared | null>) | null}
   */
  prepare(files, maxBytes) {
    const sizes = files.map((entry) => ('file' in entry && entry.file.size <= maxBytes ? entry.file.size : null));
    if (!worthPooling(sizes, this.size)) return null;
    clearTimeout(this.#idle);
    this.#busy++;
    /** @type {Schedule<Prepared>} */
    const schedule = new Schedule(sizes);
    const waits = files.map(() => {
      /** @type {(value: Prepared | null) => void} */
      let resolve = () => {};
      const promise = new Promise((/** @type {(value: Prepared | null) => void} */ done) => (resolve = done));
      return { promise, resolve };
    });
    /** @type {Progress | null} */
    let listener = null;
    const flush = () => {
      listener?.(schedule.fraction);
      for (const { index, value } of schedule.release()) {
        if (value) this.#prepared++;
        waits[index].resolve(value);
      }
      // What the browser tests see of the pool: how many documents it prepared in this visit.
      document.body.dataset.pooled = String(this.#prepared);
    };
    flush();
    const setup = this.setup();
    const run = async (/** @type {PoolWorker} */ worker) => {
      try {
        await this.#start(worker);
        const wanted = await setup;
        // Prepared under another key, a document would be segmented again when added.
        if ((await worker.call('setup', [wanted])) !== wanted.key) throw new Error('another segmentation');
      } catch {
        worker.terminate(); // it cannot segment as the analysis worker does
        return;
      }
      for (let index = schedule.take(); index !== null; index = schedule.take()) {
        const { file, path } = /** @type {import('./folder-walk.js').PickedFile} */ (files[index]);
        try {
          const bytes = await readFile(file);
          const args = [file.name, bytes, fileOrigin(file, path)];
          schedule.prepared(index, await worker.call('prepare', args, [bytes.buffer]));
        } catch {
          // Refused or failed here: the analysis worker tries it again, and says why if it fails there too.
          schedule.toMain(index);
          if (worker.dead) return flush();
        }
        flush();
      }
    };
    const workers = this.#ready();
    Promise.all(workers.map(run)).then(() => {
      // Every worker has died or finished: whatever was not given out is the analysis worker's.
      schedule.drain();
      flush();
      if (--this.#busy === 0) this.#idle = setTimeout(() => this.close(), IDLE_MS);
    });
    return (index, onProgress) => {
      listener = onProgress;
      return waits[index].promise.finally(() => listener === onProgress && (listener = null));
    };
  }

  /**
   * Starts `worker`'s engine: from the module the first worker compiled, or (the first, or if the
   * module cannot be handed over) compiled by the worker itself.
   * @param {PoolWorker} worker
   */
  async #start(worker) {
    if (!this.#module) {
      const compiled = worker.call('start', [null]);
      this.#module = compiled.catch(() => null);
      return compiled;
    }
    const module = await this.#module;
    return worker.call('start', [module]).catch(() => worker.call('start', [null]));
  }

  /** The pool's workers, a dead one replaced. */
  #ready() {
    this.#workers = this.#workers.filter((worker) => !worker.dead);
    while (this.#workers.length < this.size) this.#workers.push(new PoolWorker(++this.#started));
    return this.#workers;
  }

  /** Closes every worker now (a drop under way hands what is left to the analysis worker). */
  close() {
    clearTimeout(this.#idle);
    for (const worker of this.#workers) worker.terminate();
    this.#workers = [];
  }
}
