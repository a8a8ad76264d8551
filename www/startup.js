// The start-up snapshot: on a pristine workspace the page shows the seeds' first analysis at
// once, computed at build time by the same engine (scripts/snapshot.mjs -> www/pkg/snapshot.json),
// while the worker starts; the live analysis replaces it when it arrives.
//
// Whether the workspace is pristine (no stored documents, no removed seeds, nothing excluded,
// default settings, no user words, no stop words) must be known before IndexedDB answers (that
// takes 200-300 ms cold), so main.js keeps a small synchronous marker in localStorage, written
// whenever the persisted state changes. No marker = a first visit = pristine. localStorage
// unavailable or throwing = not pristine (no snapshot). A stale marker costs nothing worse than
// a snapshot that the live analysis replaces.
import snapshot from './pkg/snapshot.json';
import { DEFAULT_SETTINGS } from './defaults.js';

export { snapshot };

const MARKER = 'wenxi-workspace';

/** True when the marker says (or, absent, implies) that nothing is stored but the defaults. */
export function pristineAtStart() {
  try {
    const value = window.localStorage.getItem(MARKER);
    return value === null || value === 'pristine';
  } catch {
    return false;
  }
}

/** Records whether the persisted workspace is pristine; storage failures are ignored (the next
 *  start then shows no snapshot, or one that the live analysis replaces). */
export function markWorkspace(pristine) {
  try {
    window.localStorage.setItem(MARKER, pristine ? 'pristine' : 'changed');
  } catch {
    // localStorage refused: pristineAtStart() will say false too, or be corrected on load.
  }
}

/** Whether `state` (main.js's) and the removed seeds are what a first visit has. */
export function isPristine({ settings, userWords, stopWords, storedDocuments, removedSeeds, excluded }) {
  return (
    storedDocuments === 0 &&
    removedSeeds.length === 0 &&
    excluded === 0 &&
    userWords.length === 0 &&
    stopWords.length === 0 &&
    sameValue(settings, DEFAULT_SETTINGS)
  );
}

function sameValue(a, b) {
  if (a === b) return true;
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && sameValue(a[key], b[key]));
}
