// A workspace file: every added document (original bytes, base64), removed seeds, user words,
// stop words and settings, as one JSON file a person can carry to another machine.
import { downloadBlob, fileName } from './export.js';

const FORMAT = 'wenxi-workspace';
const VERSION = 1;

function toBase64(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Download the workspace; resolves to the number of documents in it. */
export async function exportWorkspace(store, { removedSeeds, userWords, stopWords, settings }) {
  const documents = (await store.documents()).map((d) =>
    d.kind === 'text'
      ? { name: d.name, kind: 'text', text: d.text }
      : { name: d.name, kind: 'bytes', base64: toBase64(d.bytes) },
  );
  const workspace = {
    format: FORMAT,
    version: VERSION,
    exportedAt: new Date().toISOString(),
    removedSeeds,
    userWords,
    stopWords,
    settings,
    documents,
  };
  downloadBlob(fileName('workspace', 'json'), new Blob([JSON.stringify(workspace)], { type: 'application/json' }));
  return documents.length;
}

/** Read and check a workspace file; throws an Error with a readable message when it is not one. */
export async function readWorkspace(file) {
  let data;
  try {
    data = JSON.parse(await file.text());
  } catch {
    throw new Error('不是文析工作区文件（无法解析 JSON） / not a Wenxi workspace file (invalid JSON)');
  }
  if (data?.format !== FORMAT || typeof data.version !== 'number') {
    throw new Error('不是文析工作区文件 / not a Wenxi workspace file');
  }
  if (data.version > VERSION) {
    throw new Error('工作区文件来自更新版本的文析 / the workspace comes from a newer Wenxi');
  }
  const strings = (value) => (Array.isArray(value) ? value.filter((v) => typeof v === 'string') : []);
  const documents = (Array.isArray(data.documents) ? data.documents : []).map((d, i) => {
    if (typeof d?.name !== 'string') throw new Error(`第 ${i + 1} 篇文档缺少名称 / document ${i + 1} has no name`);
    if (d.kind === 'text' && typeof d.text === 'string') return { name: d.name, kind: 'text', text: d.text };
    if (typeof d.base64 === 'string') return { name: d.name, kind: 'bytes', bytes: fromBase64(d.base64) };
    throw new Error(`「${d.name}」没有内容 / "${d.name}" has no content`);
  });
  return {
    documents,
    removedSeeds: strings(data.removedSeeds),
    userWords: strings(data.userWords),
    stopWords: strings(data.stopWords),
    settings: data.settings && typeof data.settings === 'object' ? data.settings : {},
  };
}
