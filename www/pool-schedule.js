// @ts-check
// Which file of a large drop goes to which pool worker, and when its document may join the
// corpus (pure; www/pool.js runs it). The pool's workers only prepare documents (segment them
// apart, over a vocabulary of their own); the analysis worker adds them, in the files' order,
// so that the corpus is the one a single worker would have made, id for id. A worker takes the
// largest file left (the longest jobs start first, so that no worker is left with a big one at
// the end); a file the pool could not prepare (a bad file, a crashed worker) goes to the
// analysis worker, which adds it, or refuses it, exactly as it does any file. Nothing is dropped.

/** A drop of at least this many bytes in all is segmented by the pool. */
export const POOL_MIN_BYTES = 2_000_000;

/** More workers than this cost memory (each holds jieba's dictionary) for little speed. */
export const MAX_POOL_WORKERS = 4;

/**
 * How many pool workers this device gets: one a core, at most MAX_POOL_WORKERS, fewer where
 * memory is short (`deviceMemory` in GiB, as the browser rounds it) or on a phone.
 * @param {{cores?: number, memoryGiB?: number, mobile?: boolean}} device
 */
export function poolSize({ cores = 1, memoryGiB, mobile = false }) {
  let size = Math.min(Math.max(1, Math.floor(cores)), MAX_POOL_WORKERS);
  if (memoryGiB !== undefined) size = Math.min(size, memoryGiB <= 1 ? 1 : memoryGiB <= 2 ? 2 : size);
  if (mobile) size = Math.min(size, 2);
  return size;
}

/**
 * Whether a drop is worth the pool: two workers at least, two files it can prepare (one file
 * gains nothing: it would be segmented by one worker either way) and POOL_MIN_BYTES in all.
 * @param {(number | null)[]} sizes each file's size; null: a file for the analysis worker
 * @param {number} workers
 */
export function worthPooling(sizes, workers) {
  const poolable = sizes.filter((size) => size !== null);
  const total = poolable.reduce((sum, size) => sum + size, 0);
  return workers >= 2 && poolable.length >= 2 && total >= POOL_MIN_BYTES;
}

/**
 * What became of a file: prepared by the pool (`value`), or left to the analysis worker (null).
 * @template T
 * @typedef {{index: number, value: T | null}} Outcome
 */

/** @template T */
export class Schedule {
  /** Files not yet given to a worker, largest first. @type {number[]} */
  #waiting;
  /** @type {Map<number, T | null>} */
  #outcomes = new Map();
  /** The next file to be released, in the files' order. */
  #next = 0;
  #sizes;
  #preparedBytes = 0;

  /** @param {(number | null)[]} sizes each file's size; null: the analysis worker's from the start */
  constructor(sizes) {
    this.#sizes = sizes;
    this.#waiting = sizes
      .map((size, index) => ({ size, index }))
      .filter(({ size }) => size !== null)
      .sort((a, b) => /** @type {number} */ (b.size) - /** @type {number} */ (a.size) || a.index - b.index)
      .map(({ index }) => index);
    sizes.forEach((size, index) => size === null && this.#outcomes.set(index, null));
  }

  /** The file a free worker should prepare next (the largest left), or null when none is left. */
  take() {
    return this.#waiting.shift() ?? null;
  }

  /** File `index` was prepared. @param {number} index @param {T} value */
  prepared(index, value) {
    this.#settle(index, value);
    this.#preparedBytes += this.#sizes[index] ?? 0;
  }

  /** File `index` goes to the analysis worker (the pool failed it, or its worker crashed). */
  toMain(/** @type {number} */ index) {
    this.#settle(index, null);
  }

  /** No worker is left: every file not yet given out goes to the analysis worker. */
  drain() {
    for (const index of this.#waiting.splice(0)) this.#settle(index, null);
  }

  /**
   * The outcomes that may be added now, in the files' order: those after the last released
   * whose every predecessor is settled. Each is released once.
   * @returns {Outcome<T>[]}
   */
  release() {
    /** @type {Outcome<T>[]} */
    const out = [];
    while (this.#outcomes.has(this.#next)) {
      const value = /** @type {T | null} */ (this.#outcomes.get(this.#next));
      this.#outcomes.delete(this.#next);
      out.push({ index: this.#next, value });
      this.#next++;
    }
    return out;
  }

  /** Whether every file has been released. */
  get done() {
    return this.#next >= this.#sizes.length;
  }

  /** The share of the pool's bytes prepared so far (0..1), for the progress bar. */
  get fraction() {
    const total = this.#sizes.reduce((/** @type {number} */ sum, size) => sum + (size ?? 0), 0);
    return total ? this.#preparedBytes / total : 1;
  }

  /** @param {number} index @param {T | null} value */
  #settle(index, value) {
    if (index < this.#next || this.#outcomes.has(index)) throw new Error(`file ${index} was settled twice`);
    this.#outcomes.set(index, value);
  }
}
