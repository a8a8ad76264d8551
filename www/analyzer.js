// Promise API over the analysis worker (www/worker.js). The page never touches the wasm.

/** Rejection of a request that a newer one of the same kind has overtaken; callers ignore it. */
export class StaleResultError extends Error {
  constructor() {
    super('已有更新的请求。 / Superseded by a newer request.');
    this.name = 'StaleResultError';
  }
}

export const isStale = (err) => err instanceof StaleResultError;

/**
 * Wraps an async function so that the latest call wins: at most one call runs at a time, a call
 * that is still waiting when a newer one arrives is dropped without running, and a running call
 * whose result arrives after a newer call was made rejects with StaleResultError.
 */
export function latestWins(run) {
  let generation = 0;
  let running = false;
  let waiting = null;

  const pump = () => {
    const job = waiting;
    waiting = null;
    running = true;
    const settle = (deliver) => (value) => {
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
    new Promise((resolve, reject) => {
      waiting?.reject(new StaleResultError());
      waiting = { args, resolve, reject, generation: ++generation };
      if (!running) pump();
    });
}

export class AnalyzerClient {
  #worker;
  #nextId = 1;
  #pending = new Map();

  /** `onCrash(error)` is called after the worker died and a fresh one was started in its place. */
  constructor({ onCrash } = {}) {
    this.onCrash = onCrash;
    this.#start();
    this.analyze = latestWins((options) => this.call('analyze', [options]));
  }

  #start() {
    // This exact form lets Vite bundle the module worker (and, through it, the .wasm).
    this.#worker = new Worker(new URL('./worker.js', import.meta.url), {
      type: 'module',
      name: 'wenxi-analyzer',
    });
    this.#worker.addEventListener('message', (event) => this.#receive(event.data));
    this.#worker.addEventListener('error', (event) => {
      event.preventDefault();
      const detail = event.message ? `：${event.message}` : '';
      this.#failAll(new Error(`分析引擎无法启动${detail} / The analysis worker failed to start.`));
    });
  }

  /** The wasm trapped (panic, out of memory): drop the dead worker, start a fresh one. */
  #restart(fatal) {
    const err = new Error(
      `分析引擎出错（${fatal.message}），已重新启动。 / The analysis engine failed (${fatal.message}) and was restarted.`,
    );
    err.name = 'AnalyzerCrashed';
    this.#worker.terminate();
    this.#failAll(err);
    this.#start();
    this.onCrash?.(err);
  }

  /** Sends one request; `onProgress(fraction)` receives progress reports for it. */
  call(action, args = [], { onProgress, transfer = [] } = {}) {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, onProgress });
      this.#worker.postMessage({ id, action, args }, transfer);
    });
  }

  /** `request('kwic', term, options)`: the same as call(), with the arguments spread. */
  request(action, ...args) {
    return this.call(action, args);
  }

  #receive({ id, result, error, progress, fatal }) {
    if (fatal) {
      this.#restart(fatal);
      return;
    }
    const request = this.#pending.get(id);
    if (!request) return;
    if (progress !== undefined) {
      request.onProgress?.(progress);
      return;
    }
    this.#pending.delete(id);
    if (error) {
      const err = new Error(error.message);
      err.name = error.name;
      request.reject(err);
    } else {
      request.resolve(result);
    }
  }

  #failAll(err) {
    for (const { reject } of this.#pending.values()) reject(err);
    this.#pending.clear();
  }

  /** Adds the bundled articles listed in `${baseUrl}index.json` but those in `skip`; resolves to DocumentInfo[]. */
  loadSeeds(baseUrl, skip = []) {
    return this.call('loadSeeds', [baseUrl, skip]);
  }

  addDocument(name, bytes, onProgress) {
    return this.call('addDocument', [name, bytes], { onProgress });
  }

  addText(name, text, onProgress) {
    return this.call('addText', [name, text], { onProgress });
  }

  removeDocument(id) {
    return this.call('removeDocument', [id]);
  }

  documents() {
    return this.call('documents');
  }

  kwic(term, options) {
    return this.call('kwic', [term, options]);
  }

  keyness(targetIds, options) {
    return this.call('keyness', [targetIds, options]);
  }

  setUserWords(words) {
    return this.call('setUserWords', [words]);
  }

  setStopWords(words) {
    return this.call('setStopWords', [words]);
  }

  terminate() {
    this.#worker.terminate();
    this.#failAll(new Error('分析引擎已关闭。 / The analysis worker was stopped.'));
  }
}
