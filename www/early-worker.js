// @ts-check
// The analysis worker (www/worker.js), started by the page's first script (www/boot.js) before
// the page's own code has been fetched, and claimed by www/analyzer.js once it has. Until then,
// what the worker says (its `started`, a failure to start) is kept, so nothing is missed.
import { EARLY_SEEDS_NAME } from './protocol.js';
import { pristineAtStart } from './pristine-marker.js';

/**
 * Starts an analysis worker named `name` (EARLY_SEEDS_NAME: it loads the seeds by itself).
 * @param {string} [name]
 */
export function startAnalysisWorker(name = 'wenxi-analyzer') {
  // This exact form lets Vite bundle the module worker (and, through it, the .wasm).
  return new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name });
}

/**
 * A worker started early: whether the start-up looked pristine when it was started (and so
 * whether it was named EARLY_SEEDS_NAME), and the events it sent before it was claimed.
 * @typedef {{worker: Worker, pristine: boolean, events: Event[]}} EarlyWorker
 */

/** @type {(EarlyWorker & {keep: (event: Event) => void}) | null} */
let early = null;

/** Starts the analysis worker now, named for the start-up the localStorage marker predicts. */
export function startEarlyWorker() {
  const pristine = pristineAtStart();
  const worker = startAnalysisWorker(pristine ? EARLY_SEEDS_NAME : undefined);
  /** @type {Event[]} */
  const events = [];
  const keep = (/** @type {Event} */ event) => {
    // Handled once claimed (www/analyzer.js reports it); not an uncaught error meanwhile.
    if (event.type === 'error') event.preventDefault();
    events.push(event);
  };
  worker.addEventListener('message', keep);
  worker.addEventListener('error', keep);
  early = { worker, pristine, events, keep };
}

/**
 * The worker startEarlyWorker() started, with what it said so far; null when none was started
 * (or it was claimed already). The caller listens from now on, in the same task.
 * @returns {EarlyWorker | null}
 */
export function claimEarlyWorker() {
  if (!early) return null;
  const { worker, pristine, events, keep } = early;
  early = null;
  worker.removeEventListener('message', keep);
  worker.removeEventListener('error', keep);
  return { worker, pristine, events };
}

/** The cloud's layout worker (www/cloud-worker.js), started early as well: it compiles the .wasm
 *  and warms up while the page's code loads, instead of from the first cloud asked for (on a
 *  pristine start, the snapshot's). It says nothing until asked. @type {Worker | null} */
let earlyCloud = null;

/** Starts the cloud's layout worker now; one that fails to start is not handed out. */
export function startEarlyCloudWorker() {
  const worker = new Worker(new URL('./cloud-worker.js', import.meta.url), { type: 'module', name: 'wenxi-cloud' });
  earlyCloud = worker;
  worker.addEventListener(
    'error',
    (event) => {
      event.preventDefault(); // the cloud starts its own worker instead (www/views/cloud/layout.js)
      if (earlyCloud === worker) earlyCloud = null;
    },
    { once: true },
  );
}

/** The cloud worker startEarlyCloudWorker() started, once (null: none, or it failed). */
export function claimEarlyCloudWorker() {
  const worker = earlyCloud;
  earlyCloud = null;
  return worker;
}
