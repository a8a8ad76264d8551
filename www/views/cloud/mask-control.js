// @ts-check
// The person's own picture as the cloud's shape: read (mask.js), previewed at a threshold (one
// preview at a time, the latest threshold next), and kept across a reload in the page's store
// (ctx.viewData, docs/PAGE.md) as the file's own bytes, at most MAX_MASK_BYTES; cleared, it is
// removed from there too. Nothing leaves the browser.
import { cloudMask } from './layout.js';
import { MAX_MASK_BYTES, readMaskPicture, tooLarge } from './mask.js';
import { cloudHeight } from './style.js';

/** @typedef {import('../shared.js').ViewContext} ViewContext */
/** @typedef {import('./mask.js').MaskPicture} MaskPicture */
/** @typedef {{name: string, type: string, bytes: Uint8Array}} StoredMask */

/** Where the picture is kept (ctx.viewData's name). */
export const MASK_KEY = 'cloud-mask';

/**
 * localStorage's note that a picture is kept: read synchronously when the page starts, so that
 * the cloud waits for the picture (read from the page's store, asynchronously) instead of
 * being drawn in the plain shape first and again in the picture a moment later. Only a hint:
 * a stale one costs that wait once (restore() finds no picture and forgets it).
 */
const KEPT_HINT = 'wenxi-cloud-mask-kept';

/** Whether the last visit kept a picture as the cloud's shape (see KEPT_HINT). */
export function pictureKept() {
  try {
    return globalThis.localStorage?.getItem(KEPT_HINT) === '1';
  } catch {
    return false; // storage refused (a sandboxed frame, storage off): no hint, no wait
  }
}

/** @param {boolean} kept */
function noteKept(kept) {
  try {
    if (kept) globalThis.localStorage?.setItem(KEPT_HINT, '1');
    else globalThis.localStorage?.removeItem(KEPT_HINT);
  } catch {
    // No hint: the next start draws the plain shape first, as without it.
  }
}

export class MaskControl {
  /** @type {MaskPicture | null} */
  picture = null;
  #ctx;
  #toolbar;
  #onChange;
  #box;
  #previewBusy = false;
  /** @type {number | null} a threshold to preview once the current preview is done */
  #pendingThreshold = null;
  /** The picture's changes, in order: a restore must not overwrite a newer pick. */
  #generation = 0;

  /**
   * @param {ViewContext} ctx
   * @param {{setPreview(mask: {width: number, height: number, pixels: Uint8Array} | null, error?: string): void}} toolbar
   * @param {HTMLElement} box the cloud's box (the preview has its proportions)
   * @param {() => void} onChange the picture came or went: lay out again
   */
  constructor(ctx, toolbar, box, onChange) {
    this.#ctx = ctx;
    this.#toolbar = toolbar;
    this.#box = box;
    this.#onChange = onChange;
  }

  /** The picture kept from an earlier visit, if any; one that cannot be read is forgotten. */
  async restore(/** @type {number} */ threshold) {
    const generation = this.#generation;
    const stored = /** @type {StoredMask | undefined | null} */ (await this.#ctx.viewData.get(MASK_KEY));
    if (generation !== this.#generation) return;
    if (!stored?.bytes) return noteKept(false);
    try {
      const file = new File([/** @type {BlobPart} */ (stored.bytes)], stored.name, { type: stored.type });
      const picture = await readMaskPicture(file);
      if (generation !== this.#generation) return;
      this.#show(picture, threshold);
    } catch (err) {
      this.#ctx.viewData.set(MASK_KEY, null);
      noteKept(false);
      this.#ctx.notify(/** @type {Error} */ (err), 'error');
    }
  }

  /** A picture the person picked or dropped. @param {File} file @param {number} threshold */
  async load(file, threshold) {
    const generation = ++this.#generation;
    try {
      if (file.size > MAX_MASK_BYTES) throw tooLarge(file.name, file.size);
      const picture = await readMaskPicture(file);
      if (generation !== this.#generation) return;
      this.#show(picture, threshold);
      const bytes = new Uint8Array(await file.arrayBuffer());
      await this.#ctx.viewData.set(MASK_KEY, { name: file.name, type: file.type, bytes });
      if (generation === this.#generation) noteKept(true);
    } catch (err) {
      this.#ctx.notify(/** @type {Error} */ (err), 'error');
    }
  }

  /** Back to the chosen shape; the kept picture is removed. */
  clear() {
    this.#generation++;
    this.#ctx.viewData.set(MASK_KEY, null);
    noteKept(false);
    if (!this.picture) return;
    this.picture = null;
    this.#toolbar.setPreview(null);
    this.#onChange();
  }

  /** @param {MaskPicture} picture @param {number} threshold */
  #show(picture, threshold) {
    this.picture = picture;
    this.#toolbar.setPreview(null);
    this.preview(threshold);
    this.#onChange();
  }

  /** The mask at `threshold`, painted. @param {number} threshold */
  preview(threshold) {
    this.#pendingThreshold = threshold;
    if (!this.picture || this.#previewBusy) return;
    this.#previewBusy = true;
    this.#pendingThreshold = null;
    const picture = this.picture;
    const boxWidth = this.#box.clientWidth || 400;
    const width = 240;
    const height = Math.round((width * cloudHeight(boxWidth)) / boxWidth);
    const mask = { width: picture.width, height: picture.height, pixels: picture.pixels, threshold };
    cloudMask({ width, height, mask })
      .then(
        (preview) => this.#toolbar.setPreview(preview),
        (err) => this.#toolbar.setPreview(null, this.#ctx.errorText(err)),
      )
      .finally(() => {
        this.#previewBusy = false;
        if (this.#pendingThreshold !== null && this.picture === picture) this.preview(this.#pendingThreshold);
      });
  }
}
