// @ts-check
// Whether the workspace looks pristine (a first visit's: nothing stored but the defaults), known
// synchronously from a marker in localStorage, because IndexedDB answers 200-300 ms too late to
// decide the start-up (www/startup.js). Kept apart from www/persistence.js, which writes it,
// so that the page's first script (www/boot.js) can read it without loading the store.

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
export function markWorkspace(/** @type {boolean} */ pristine) {
  try {
    window.localStorage.setItem(MARKER, pristine ? 'pristine' : 'changed');
  } catch {
    // localStorage refused: pristineAtStart() will say false too, or be corrected on load.
  }
}
