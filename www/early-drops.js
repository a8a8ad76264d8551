// @ts-check
// Files dropped on the page before its code has loaded (www/boot.js starts the analysis worker
// first and loads the page's code after it): taken as the page takes a drop (folder-walk.js),
// kept, and handed to www/ui/file-drop.js when it starts, in their order. None is lost, and the
// browser does not open a dropped file in the page's place meanwhile.
import { droppedBatch } from './folder-walk.js';

/** @typedef {import('./folder-walk.js').Batch} Batch */

/** @type {(Batch | Promise<Batch>)[]} */
let kept = [];
/** @type {EventTarget | null} */
let keptOn = null;

/** @param {Event} event @returns {DataTransfer | null} */
const transferOf = (event) => /** @type {DragEvent} */ (event).dataTransfer ?? null;

/** @param {Event} event */
const carriesFiles = (event) => [...(transferOf(event)?.types ?? [])].includes('Files');

/** @param {Event} event */
function allowDrop(event) {
  if (carriesFiles(event)) event.preventDefault();
}

/** @param {Event} event */
function keep(event) {
  event.preventDefault();
  const batch = droppedBatch(transferOf(event));
  if (batch) kept.push(batch);
}

/** Keeps what is dropped on `target` from now until claimEarlyDrops(). @param {EventTarget} [target] */
export function keepEarlyDrops(target = window) {
  keptOn = target;
  target.addEventListener('dragenter', allowDrop);
  target.addEventListener('dragover', allowDrop);
  target.addEventListener('drop', keep);
}

/** What was dropped so far, in order (none when keepEarlyDrops() was not called); stops keeping. */
export function claimEarlyDrops() {
  if (keptOn) {
    keptOn.removeEventListener('dragenter', allowDrop);
    keptOn.removeEventListener('dragover', allowDrop);
    keptOn.removeEventListener('drop', keep);
    keptOn = null;
  }
  const batches = kept;
  kept = [];
  return batches;
}
