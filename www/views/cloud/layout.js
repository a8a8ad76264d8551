// @ts-check
// The word cloud's layout runner: the Rust engine (src/cloud/) in its own worker
// (www/cloud-worker.js), so that the page's thread never lays out. Words and options in,
// places out (docs/API.md, "Word cloud"); it draws nothing. One worker for every cloud on the
// page; each caller's requests are latest-wins (an older layout that comes back after a newer
// one was asked for is dropped). A worker that trapped is started again.

import { cloudLayouts } from '../../cloud-layouts.js';
import { claimEarlyCloudWorker } from '../../early-worker.js';

/** @typedef {import('../../types/CloudLayout').CloudLayout} CloudLayout */
/** @typedef {import('../../types/CloudOptions').CloudOptions} CloudOptions */
/** @typedef {import('../../types/CloudWord').CloudWord} EngineWord */
/** @typedef {{width: number, height: number, area: number, pixels: Uint8Array}} MaskPreview */

/** @type {Worker | null} */
let worker = null;
let nextId = 1;
/** @type {Map<number, {resolve: (value: any) => void, reject: (err: Error) => void}>} */
const pending = new Map();

/** A failure from the worker as an Error with its code (errors.js renders it). */
function toError(/** @type {{message?: string, code?: string, params?: object}} */ wire) {
  return Object.assign(new Error(wire.message ?? 'cloud layout failed'), {
    ...(wire.code ? { code: wire.code, params: wire.params ?? {} } : {}),
  });
}

function start() {
  // The first one was started by www/boot.js while the page's code loaded (www/early-worker.js).
  // This exact form lets Vite bundle the module worker (and, through it, the .wasm).
  const w =
    claimEarlyCloudWorker() ??
    new Worker(new URL('../../cloud-worker.js', import.meta.url), { type: 'module', name: 'wenxi-cloud' });
  w.addEventListener('message', (event) => {
    const { id, result, error, fatal } = event.data ?? {};
    if (fatal) {
      // The wasm trapped: the worker closes itself; the next request starts another.
      if (worker === w) worker = null;
      return;
    }
    const waiting = pending.get(id);
    if (!waiting) return;
    pending.delete(id);
    if (error) waiting.reject(toError(error));
    else waiting.resolve(result);
  });
  w.addEventListener('error', (event) => {
    event.preventDefault();
    if (worker === w) worker = null;
    const err = Object.assign(new Error(event.message || 'cloud worker failed'), {
      code: 'worker_failed',
      params: { reason: event.message || event.type },
    });
    for (const waiting of pending.values()) waiting.reject(err);
    pending.clear();
  });
  return w;
}

/** @param {string} action @param {unknown[]} args @param {Transferable[]} [transfer] */
function call(action, args, transfer = []) {
  worker ??= start();
  const id = nextId++;
  const w = worker;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.postMessage({ id, action, args }, transfer);
  });
}

/** Starts the worker (and its .wasm) before the first cloud is asked for. */
export function warmUp() {
  worker ??= start();
}

/**
 * A layout runner for one cloud: `run()` resolves with the layout, or with null when a newer
 * run of the same runner was started meanwhile. Layouts of the same words and options come
 * from www/cloud-layouts.js once made.
 */
export class CloudLayouter {
  #generation = 0;

  /** The layout under way, if any, is no longer wanted (its result is dropped). */
  cancel() {
    this.#generation++;
  }

  /**
   * @param {EngineWord[]} words most important first
   * @param {CloudOptions} options
   * @returns {Promise<CloudLayout | null>}
   */
  async run(words, options) {
    const generation = ++this.#generation;
    // The same words and options laid out before, in this visit or an earlier one: the same
    // layout, without asking the worker (www/cloud-layouts.js).
    const key = cloudLayouts.key(words, options);
    let layout = cloudLayouts.get(key, words);
    if (layout) {
      performance.mark('wenxi:cloud:layout-kept');
    } else {
      layout = /** @type {CloudLayout} */ (await call('layout', [words, options]));
      cloudLayouts.put(key, layout);
    }
    return generation === this.#generation ? layout : null;
  }
}

/**
 * Where words may go with these options (a shape, or a picture at its threshold), for a
 * preview: one byte a pixel, 255 inside.
 * @param {CloudOptions} options
 * @returns {Promise<MaskPreview>}
 */
export const cloudMask = (options) => /** @type {Promise<MaskPreview>} */ (call('mask', [options]));

/** The built-in shapes' names, as the engine has them. @returns {Promise<string[]>} */
export const cloudShapes = () => /** @type {Promise<string[]>} */ (call('shapes', []));
