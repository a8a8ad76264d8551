// @ts-check
// The start-up snapshot: on a pristine workspace the page shows the seeds' first analysis at
// once, computed at build time by the same engine (scripts/snapshot.mjs -> www/pkg/snapshot.json),
// while the worker starts; the live analysis replaces it when it arrives. Whether the workspace
// is pristine is known synchronously from a marker in localStorage (www/persistence.js): IndexedDB
// answers 200-300 ms too late to decide it. A stale marker costs nothing worse than a snapshot
// that the live analysis replaces.
//
// Until start-up has made the analyzer hold the stored workspace, anything a person does (click
// a word, change a setting) waits for it, and then happens on the live state.
import snapshotJson from './pkg/snapshot.json';
import { StaleResultError } from './analyzer.js';

/**
 * @typedef {{seeds: string[], options: object, documents: import('./shapes.js').DocumentInfo[],
 *   analysis: import('./shapes.js').Analysis}} Snapshot
 */

/** The seeds' analysis with the default settings, as the build computed it. */
export const snapshot = /** @type {Snapshot} */ (/** @type {unknown} */ (snapshotJson));

export class Startup {
  /** Whether the snapshot was drawn (and not yet replaced by the live state). */
  snapshotShown = false;
  isReady = false;
  /** Set when start-up found a workspace other than the snapshot's (a stale marker): requests
   *  made while the snapshot was on screen carry its document ids, which then mean nothing. */
  #stale = false;
  /** @type {() => void} */
  #resolve = () => {};
  /** Resolves once the analyzer holds the stored workspace (or start-up failed). */
  ready = new Promise((/** @type {(value?: unknown) => void} */ resolve) => (this.#resolve = resolve)).then(() => {
    this.isReady = true;
  });

  /**
   * Start-up is over. `documents`: what the analyzer holds now; `pristine`: whether the stored
   * workspace turned out to be a first visit's (the snapshot's), null if start-up failed.
   * @param {import('./shapes.js').DocumentInfo[]} documents
   * @param {boolean | null} pristine
   */
  done(documents, pristine) {
    if (pristine != null)
      this.#stale = this.snapshotShown && !(pristine && sameDocuments(documents, snapshot.documents));
    this.#resolve();
  }

  /** Waits for start-up; rejects as stale a request whose arguments came from a snapshot that
   *  turned out not to be this workspace's (the views ask again on the live analysis). */
  async afterStart() {
    const fromSnapshot = this.snapshotShown && !this.isReady;
    await this.ready;
    if (fromSnapshot && this.#stale) throw new StaleResultError();
  }

  /** Like afterStart(), but resolves to whether to go on rather than rejecting. */
  proceed() {
    return this.afterStart().then(
      () => true,
      () => false,
    );
  }
}

/** Same ids and names in the same order. */
function sameDocuments(/** @type {{id: number, name: string}[]} */ a, /** @type {{id: number, name: string}[]} */ b) {
  const key = (/** @type {{id: number, name: string}[]} */ docs) => docs.map((d) => `${d.id}:${d.name}`).join('/');
  return key(a) === key(b);
}

/**
 * An analysis asked for at start-up before the store has answered (main.js start(): the seeds'
 * analysis with the default settings, what the snapshot shows): the first runAnalysis() takes
 * it when it would ask for the same thing on a workspace that turned out pristine, instead of
 * asking the engine again after IndexedDB has answered.
 */
export class EarlyAnalysis {
  /** @type {Promise<import('./shapes.js').Analysis | null> | null} */
  #request = null;
  #key = '';
  #call;

  /** @param {(options: object) => Promise<import('./shapes.js').Analysis>} call asks the engine */
  constructor(call) {
    this.#call = call;
  }

  /** Asks for the analysis with `options` now. @param {object} options */
  analyze(options) {
    this.#key = JSON.stringify(options);
    this.#request = this.#call(options).catch(() => null);
  }

  /**
   * The early analysis, if it was asked for with the same `options` and the workspace is
   * `pristine`; null otherwise, or when it failed (then ask again). Only once.
   * @param {object} options
   * @param {boolean} pristine
   */
  take(options, pristine) {
    const request = this.#request;
    this.#request = null;
    return request && pristine && JSON.stringify(options) === this.#key ? request : null;
  }
}
