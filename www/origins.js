// @ts-check
// Where a loaded document comes from, so that it can be stored, removed and restored: a seed
// (the bundled article of that file name), a document kept in the store (its key), or one held
// for this session only (the store refused it; keyed by its analyzer id). The store keeps which
// documents were left out of the analysis as a list of origins; versions before these values
// wrote the strings 'seed:NAME' and 'doc:KEY', which readOrigin() still reads.

/**
 * @typedef {{kind: 'seed', key: string}} SeedOrigin
 * @typedef {{kind: 'doc', key: number}} DocOrigin
 * @typedef {{kind: 'session', key: number}} SessionOrigin
 * @typedef {SeedOrigin | DocOrigin | SessionOrigin} Origin
 */

/** @returns {SeedOrigin} */
export const seedOrigin = (/** @type {string} */ name) => ({ kind: 'seed', key: name });
/** @returns {DocOrigin} */
export const docOrigin = (/** @type {number} */ key) => ({ kind: 'doc', key });
/** @returns {SessionOrigin} */
export const sessionOrigin = (/** @type {number} */ id) => ({ kind: 'session', key: id });

/** Whether two origins name the same document. */
export const sameOrigin = (/** @type {Origin} */ a, /** @type {Origin} */ b) => a.kind === b.kind && a.key === b.key;

/** Whether an origin outlives this session (a seed, or a document in the store). */
export const isLasting = (/** @type {Origin} */ origin) => origin.kind !== 'session';

/**
 * An origin as the store had it: {kind, key} (this version) or 'seed:NAME' / 'doc:KEY' (older
 * versions). Anything else, or a session origin (meaningless after a reload), is null.
 * @param {unknown} value
 * @returns {SeedOrigin | DocOrigin | null}
 */
export function readOrigin(value) {
  if (typeof value === 'string') {
    const colon = value.indexOf(':');
    if (colon < 0) return null;
    return originOf(value.slice(0, colon), value.slice(colon + 1));
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const { kind, key } = /** @type {{kind?: unknown, key?: unknown}} */ (value);
    return typeof kind === 'string' ? originOf(kind, key) : null;
  }
  return null;
}

/** @param {string} kind @param {unknown} key @returns {SeedOrigin | DocOrigin | null} */
function originOf(kind, key) {
  if (kind === 'seed' && typeof key === 'string' && key !== '') return seedOrigin(key);
  if (kind === 'doc') {
    const number = typeof key === 'string' && /^\d+$/.test(key) ? Number(key) : key;
    if (typeof number === 'number' && Number.isSafeInteger(number) && number >= 0) return docOrigin(number);
  }
  return null;
}

/** Reads a stored list of origins, skipping what is not one. */
export function readOrigins(/** @type {unknown} */ value) {
  if (!Array.isArray(value)) return [];
  return value.map(readOrigin).filter((origin) => origin !== null);
}

/** Whether `origin` is in `list`. */
export const includesOrigin = (/** @type {Origin[]} */ list, /** @type {Origin} */ origin) =>
  list.some((other) => sameOrigin(other, origin));
