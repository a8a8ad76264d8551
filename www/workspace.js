// @ts-check
// A workspace file: every added document (original bytes, base64), removed seeds, user words,
// stop words and settings, as one JSON file a person can carry to another machine. A file
// someone hands you is untrusted input: parseWorkspace() takes only what it knows, checks every
// field and says what it left out (settings through www/settings-schema.js; user words the
// engine would refuse), and refuses a file that is not a workspace with an error code.
import { bilingual } from './errors.js';
import { downloadBlob, fileName } from './export.js';
import { codedError } from './protocol.js';
import { validateSettings } from './settings-schema.js';
import { readEdit, readFileOrigin, readSeedEdits } from './edits.js';

/** @typedef {import('./defaults.js').Settings} Settings */
/** @typedef {import('./store.js').StoredDocument} StoredDocument */
/** @typedef {import('./store.js').NewDocument} NewDocument */
/**
 * What parseWorkspace() found: the workspace, and what of it was not valid.
 * @typedef {{documents: NewDocument[], removedSeeds: string[], userWords: string[], stopWords: string[],
 *   settings: Settings, seedEdits: Map<string, import('./edits.js').Edit>, problems: {resetSettings: string[], ignoredSettings: string[], refusedUserWords: string[]}}} Workspace
 */

const FORMAT = 'wenxi-workspace';
const VERSION = 1;
/** The core's rule for a user word (src/segment.rs): 1-20 characters, no whitespace. */
const MAX_USER_WORD_CHARS = 20;

/** @param {Uint8Array} bytes */
function toBase64(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** @param {string} text @returns {Uint8Array | null} null when `text` is not base64 */
function fromBase64(text) {
  let binary;
  try {
    binary = atob(text);
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * The workspace file's contents (pure, for tests; exportWorkspace() downloads it).
 * @param {StoredDocument[]} stored
 * @param {{removedSeeds: string[], userWords: string[], stopWords: string[], settings: Settings,
 *   seedEdits?: Map<string, import('./edits.js').Edit>}} state
 * @param {Date} [now]
 */
export function workspaceFile(stored, { removedSeeds, userWords, stopWords, settings, seedEdits }, now = new Date()) {
  const documents = stored.map((d) => ({
    ...(d.kind === 'text'
      ? { name: d.name, kind: 'text', text: d.text }
      : { name: d.name, kind: 'bytes', base64: toBase64(/** @type {Uint8Array} */ (d.bytes)) }),
    // Where a file came from and what the person changed in its metadata (issue 9).
    ...(d.origin ? { origin: d.origin } : {}),
    ...(d.edit ? { edit: d.edit } : {}),
  }));
  return {
    format: FORMAT,
    version: VERSION,
    exportedAt: now.toISOString(),
    removedSeeds,
    userWords,
    stopWords,
    settings,
    seedEdits: [...(seedEdits ?? [])],
    documents,
  };
}

/**
 * Download the workspace; resolves to the number of documents in it.
 * @param {{documents(): Promise<StoredDocument[]>}} store
 * @param {{removedSeeds: string[], userWords: string[], stopWords: string[], settings: Settings,
 *   seedEdits?: Map<string, import('./edits.js').Edit>}} state
 */
export async function exportWorkspace(store, state) {
  // A large file is stored as a Blob (www/store.js): read here, one at a time.
  const stored = [];
  for (const d of await store.documents()) {
    stored.push(d.bytes instanceof Blob ? { ...d, bytes: new Uint8Array(await d.bytes.arrayBuffer()) } : d);
  }
  const file = workspaceFile(stored, state);
  downloadBlob(fileName('workspace', 'json'), new Blob([JSON.stringify(file)], { type: 'application/json' }));
  return file.documents.length;
}

/**
 * Read and check a workspace file; rejects with a coded error when it is not one.
 * @param {Blob} file
 * @returns {Promise<Workspace>}
 */
export async function readWorkspace(file) {
  let data;
  try {
    data = JSON.parse(await file.text());
  } catch {
    throw codedError('workspace_invalid_json', {}, 'not a Wenxi workspace file (invalid JSON)');
  }
  return parseWorkspace(data);
}

/**
 * A workspace from parsed JSON: only the fields a workspace has, each checked.
 * @param {unknown} data
 * @returns {Workspace}
 */
export function parseWorkspace(data) {
  const file = /** @type {Record<string, unknown>} */ (isObject(data) ? data : {});
  if (file.format !== FORMAT || typeof file.version !== 'number') {
    throw codedError('workspace_not_workspace', {}, 'not a Wenxi workspace file');
  }
  if (file.version > VERSION) {
    throw codedError('workspace_newer', { version: file.version }, 'the workspace comes from a newer Wenxi');
  }
  const documents = (Array.isArray(file.documents) ? file.documents : []).map(readDocument);
  const { words: userWords, refused: refusedUserWords } = checkUserWords(strings(file.userWords));
  const { settings, reset, ignored } = validateSettings(file.settings ?? {});
  return {
    documents,
    removedSeeds: strings(file.removedSeeds),
    userWords,
    stopWords: strings(file.stopWords),
    settings,
    seedEdits: readSeedEdits(file.seedEdits),
    problems: { resetSettings: reset, ignoredSettings: ignored, refusedUserWords },
  };
}

/** @param {unknown} entry @param {number} index @returns {NewDocument} */
function readDocument(entry, index) {
  const doc = /** @type {Record<string, unknown>} */ (isObject(entry) ? entry : {});
  const name = doc.name;
  if (typeof name !== 'string' || name.trim() === '') {
    throw codedError('workspace_document_name', { number: index + 1 }, `document ${index + 1} has no name`);
  }
  // A malformed origin or edit is left out (the document still reads; its metadata come from the text).
  const origin = readFileOrigin(doc.origin);
  const edit = readEdit(doc.edit);
  const extras = { ...(origin && doc.kind !== 'text' ? { origin } : {}), ...(edit ? { edit } : {}) };
  if (doc.kind === 'text' && typeof doc.text === 'string') return { name, kind: 'text', text: doc.text, ...extras };
  if (doc.kind !== 'text' && typeof doc.base64 === 'string') {
    const bytes = fromBase64(doc.base64);
    if (bytes) return { name, kind: 'bytes', bytes, ...extras };
  }
  throw codedError('workspace_document_content', { name }, `"${name}" has no readable content`);
}

/**
 * The user words the engine accepts (trimmed, 1-20 characters, no whitespace), in order, once
 * each; and the ones it would refuse (a refused word would fail the whole workspace's load).
 * @param {string[]} words
 */
export function checkUserWords(words) {
  /** @type {string[]} */
  const accepted = [];
  /** @type {string[]} */
  const refused = [];
  for (const raw of words) {
    const word = raw.trim();
    const chars = [...word].length;
    if (chars === 0 || chars > MAX_USER_WORD_CHARS || /\s/u.test(word)) refused.push(raw);
    else if (!accepted.includes(word)) accepted.push(word);
  }
  return { words: accepted, refused };
}

/** The strings of a list (anything else in it is dropped); [] for what is not a list. */
function strings(/** @type {unknown} */ value) {
  return Array.isArray(value) ? value.filter((v) => typeof v === 'string') : [];
}

const isObject = (/** @type {unknown} */ value) => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The notices for what validation left out of a workspace (`source` 'imported': a workspace file;
 * 'stored': what the store held): which settings were reset (by their names in each language),
 * how many unknown ones were ignored, which user words were refused.
 * @param {{resetSettings: string[], ignoredSettings: string[], refusedUserWords: string[]}} problems
 * @param {'imported' | 'stored'} source
 * @returns {import('./errors.js').Bilingual[]}
 */
export function problemMessages({ resetSettings, ignoredSettings, refusedUserWords }, source) {
  const messages = [];
  // One notice for the settings: which were reset, then how many unknown ones were ignored.
  const parts = [];
  if (resetSettings.length) {
    const fields = resetSettings.map((path) => ({ key: `settingsField.${path || 'all'}` }));
    parts.push(bilingual(`settings.reset.${source}`, { n: resetSettings.length, fields }));
  }
  if (ignoredSettings.length) parts.push(bilingual('settings.ignored', { n: ignoredSettings.length }));
  if (parts.length) messages.push({ zh: parts.map((p) => p.zh).join(''), en: parts.map((p) => p.en).join(' ') });
  if (refusedUserWords.length) {
    messages.push(bilingual(`userWords.refused.${source}`, { n: refusedUserWords.length, words: refusedUserWords }));
  }
  return messages;
}
