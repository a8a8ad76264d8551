// @ts-check
// The messages between the page (www/analyzer.js) and the analysis worker (www/worker.js), and
// errors with codes (CONTRACTS.md): the core's errors carry `code` and `params`; errors made in
// JS are made the same way with codedError(), so that the page renders every one of them from
// its code (www/errors.js). Pure: the workers import it too (serveRequests is their request loop).

/** @typedef {Record<string, string | number>} Params */
/** @typedef {Error & {code: string, params: Params}} CodedError */

/**
 * A request: `action` names an Analyzer method or a worker action (worker.js), `args` its arguments.
 * @typedef {{id: number, action: string, args: unknown[]}} Request
 */
/**
 * A failure as it crosses to the page; `code`/`params` absent for an error that has none. For
 * the core's errors they are its {code, params} (`ErrorPayload` in www/types/).
 * @typedef {{name: string, message: string, code?: string, params?: Params}} WireError
 */
/**
 * An answer: a result, a failure, progress (0..1) of a long request, `started` (the worker's
 * first message, as soon as its script runs, before the engine has loaded), or `fatal` (the
 * wasm trapped: the worker closes after saying so).
 * @typedef {{id: number, result: unknown}
 *   | {id: number, error: WireError}
 *   | {id: number, progress: number}
 *   | {started: true}
 *   | {fatal: {name: string, message: string}}} Response
 */

/**
 * The worker's name (new Worker's `name` option, which it reads before any message) when the
 * start-up looks pristine: it then adds every seed and analyses them with the default settings
 * by itself, and answers the page's loadSeeds(all) and analyze(those options) from that.
 */
export const EARLY_SEEDS_NAME = 'wenxi-analyzer:seeds';

/**
 * An Error with a code and params. `message` is for consoles and logs (English); people read
 * the code's template.
 * @param {string} code
 * @param {Params} [params]
 * @param {string} [message]
 * @returns {CodedError}
 */
export function codedError(code, params = {}, message = code) {
  const err = /** @type {CodedError} */ (new Error(message));
  err.code = code;
  err.params = params;
  return err;
}

/** Megabytes as the messages show them: "150", "2.5" (as the core writes them). */
const megabytes = (/** @type {number} */ bytes) => (bytes >= 1e7 ? (bytes / 1e6).toFixed(0) : (bytes / 1e6).toFixed(1));

/**
 * The core's `too_large` error, made in the page for a file refused before it is read.
 * @param {string} name @param {number} bytes @param {number} limitBytes
 */
export function tooLargeError(name, bytes, limitBytes) {
  const [size, limit] = [megabytes(bytes), megabytes(limitBytes)];
  return codedError('too_large', { name, size, limit, bytes, limitBytes }, `"${name}" is too large (${size} MB)`);
}

/**
 * What of `err` crosses to the page (structured clone keeps no Error's own properties reliably).
 * @param {unknown} err
 * @returns {WireError}
 */
export function toPayload(err) {
  const e = /** @type {{name?: unknown, message?: unknown, code?: unknown, params?: unknown}} */ (err ?? {});
  /** @type {WireError} */
  const payload = {
    name: typeof e.name === 'string' ? e.name : 'Error',
    message: typeof e.message === 'string' ? e.message : String(err),
  };
  if (typeof e.code === 'string') {
    payload.code = e.code;
    payload.params = plain(e.params);
  }
  return payload;
}

/**
 * The Error the page's caller gets for a failed request.
 * @param {WireError} payload
 * @returns {Error & {code?: string, params?: Params}}
 */
export function fromPayload(payload) {
  const err =
    typeof payload.code === 'string'
      ? codedError(payload.code, plain(payload.params), payload.message)
      : new Error(payload.message);
  err.name = payload.name;
  return err;
}

/** Only strings and numbers, as own properties of a fresh object. */
function plain(/** @type {unknown} */ params) {
  /** @type {Params} */
  const out = {};
  if (!params || typeof params !== 'object') return out;
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'string' || typeof value === 'number') out[name] = value;
  }
  return out;
}

/**
 * A worker's request loop (worker.js, pool-worker.js, cloud-worker.js): one request at a time, in
 * arrival order, so that an async action (loadSeeds, a pool worker's setup) is done before the
 * requests that depend on it. `answer` gives the result, and the buffers to move rather than copy;
 * a failure goes back as {id, error}. A trap (a panic, running out of memory) leaves the wasm
 * instance unusable: the worker says so ({fatal}) and closes, so that the page starts a fresh
 * worker instead of talking to a broken one.
 * @param {(request: Request) => Promise<{result: unknown, transfer?: Transferable[]}>} answer
 */
export function serveRequests(answer) {
  /** @param {Request} request */
  const serve = async (request) => {
    const id = request?.id;
    try {
      const { result, transfer = [] } = await answer({ ...request, args: request?.args ?? [] });
      postMessage({ id, result }, { transfer });
    } catch (err) {
      postMessage({ id, error: toPayload(err) });
      if (err instanceof WebAssembly.RuntimeError) {
        postMessage({ fatal: { name: err.name, message: err.message } });
        self.close();
      }
    }
  };
  let queue = Promise.resolve();
  self.addEventListener('message', (event) => {
    queue = queue.then(() => serve(event.data));
  });
}
