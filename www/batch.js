// @ts-check
// What happened to a batch of files (pure): how many were added, which were refused and why,
// how many hidden files were skipped and how many duplicates left out, and the one line that
// says so. A batch of more than SUMMARY_AFTER files is told in that one line, with the refused
// files listed under it (collapsed), instead of a line per file.

/** @typedef {(key: string, vars?: import('./i18n.js').Vars) => string} Translate */
/** @typedef {{name: string, error: Error}} Refusal */

/** Up to this many files, each gets its own line (and the batch a tally); more, one summary. */
export const SUMMARY_AFTER = 20;

export class BatchReport {
  /** @type {Refusal[]} */
  refusals = [];
  added = 0;
  duplicatesSkipped = 0;

  /** @param {number} files how many files the batch has @param {number} [hidden] hidden files skipped */
  constructor(files, hidden = 0) {
    this.files = files;
    this.hidden = hidden;
  }

  /** Whether the batch is told in one summary line (no line per file). */
  get summarised() {
    return this.files > SUMMARY_AFTER;
  }

  /** A file was added. */
  add() {
    this.added++;
  }

  /** A file was refused. @param {string} name @param {Error} error */
  refuse(name, error) {
    this.refusals.push({ name, error });
  }

  /** `n` files added were duplicates that the person chose to leave out. */
  skipDuplicates(/** @type {number} */ n) {
    this.duplicatesSkipped += n;
    this.added -= n;
  }

  /** Whether the batch deserves a tally at all (a single file says everything on its own line). */
  get needsTally() {
    return this.files > 1 || this.hidden > 0 || this.duplicatesSkipped > 0;
  }

  /** The tally line: added and refused, then hidden files and duplicates skipped, if any. */
  tally(/** @type {Translate} */ t) {
    let line = t('notice.addedMany', { ok: this.added, failed: this.refusals.length });
    if (this.hidden) line += t('notice.batchHidden', { n: this.hidden });
    if (this.duplicatesSkipped) line += t('notice.batchDuplicates', { n: this.duplicatesSkipped });
    return line;
  }

  /** 'ok' when every file was added, else 'info'. @returns {'ok' | 'info'} */
  get kind() {
    return this.refusals.length ? 'info' : 'ok';
  }
}

/**
 * The documents of `added` that are exact duplicates of another document (`duplicateOf`), each
 * with that original, as `documents` (the list after the batch) now describes them.
 * @template {{id: number, duplicateOf?: number | null}} D
 * @param {{id: number}[]} added
 * @param {D[]} documents
 * @returns {{doc: D, original: D}[]}
 */
export function duplicatesAmong(added, documents) {
  const byId = new Map(documents.map((d) => [d.id, d]));
  const found = [];
  for (const { id } of added) {
    const doc = byId.get(id);
    const original = doc?.duplicateOf == null ? undefined : byId.get(doc.duplicateOf);
    if (doc && original) found.push({ doc, original });
  }
  return found;
}
