// Test files, and the ways a person hands them to the page: dropping them anywhere on the page,
// or choosing them with the 添加文件 button. Plus small readers of what the page then shows.
//
// The GBK, Big5 and UTF-16 files cannot be made in Node without an encoding table, so they are
// committed under fixtures/ (made once with Python's codecs):
//   gbk.txt          GBK, simplified, about 量子计算 / 芯片 / 人工智能 (none of it in the seeds)
//   big5.txt         Big5, traditional, about 颱風 / 氣象 / 暴雨
//   utf16le-bom.txt  UTF-16LE with a BOM, about 大熊猫 / 竹子 / 保护区
//   photo.txt        a real PNG signature and IHDR chunk, then junk
//   empty.txt        zero bytes
//   blank.txt        only spaces, tabs and newlines
import { readFileSync } from 'node:fs';

const FIXTURES = new URL('./fixtures/', import.meta.url);

/** A committed fixture as {name, bytes}; `as` renames it (the page sees only the name). */
export function fixture(file, as = file) {
  return { name: as, bytes: readFileSync(new URL(file, FIXTURES)) };
}

/** A UTF-8 text file made on the spot. */
export function textFile(name, text) {
  return { name, bytes: Buffer.from(text, 'utf8') };
}

const legacyTables = new Map();
/** char -> bytes for a double-byte legacy encoding, built by decoding every two-byte code once
 *  with Node's TextDecoder (Node has decoders but no encoders for these). */
function legacyTable(encoding) {
  if (legacyTables.has(encoding)) return legacyTables.get(encoding);
  const decoder = new TextDecoder(encoding);
  const table = new Map();
  // The common plane (0xA1..) first, so that Big5's HKSCS duplicates never win.
  const leads = [...Array(0xff - 0xa1).keys()]
    .map((i) => 0xa1 + i)
    .concat([...Array(0xa1 - 0x81).keys()].map((i) => 0x81 + i));
  for (const lead of leads) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const char = decoder.decode(Uint8Array.of(lead, trail));
      if (char.includes('\uFFFD') || table.has(char)) continue;
      table.set(char, [lead, trail]);
    }
  }
  legacyTables.set(encoding, table);
  return table;
}

/**
 * `text` as bytes in `encoding`: 'utf8', 'utf16le', 'utf16be' (each with `bom`), 'gbk' or
 * 'big5'. Throws on a character the legacy encoding cannot hold.
 */
export function encode(text, encoding, { bom = false } = {}) {
  if (encoding === 'utf8')
    return Buffer.concat([Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []), Buffer.from(text, 'utf8')]);
  if (encoding === 'utf16le' || encoding === 'utf16be') {
    const le = Buffer.from(text, 'utf16le');
    const bytes = encoding === 'utf16le' ? le : Buffer.from(le).swap16();
    const mark = encoding === 'utf16le' ? [0xff, 0xfe] : [0xfe, 0xff];
    return Buffer.concat([Buffer.from(bom ? mark : []), bytes]);
  }
  const table = legacyTable(encoding);
  const out = [];
  for (const char of text) {
    if (char.codePointAt(0) < 0x80) out.push(char.codePointAt(0));
    else if (table.has(char)) out.push(...table.get(char));
    else throw new Error(`${encoding} has no ${char}`);
  }
  return Buffer.from(out);
}

/**
 * Drops `files` on the page the way a browser does: dragenter, dragover and drop on the body,
 * carrying a DataTransfer with real File objects (the controller listens on window).
 */
export async function dropFiles(page, files) {
  // Base64, not an array of numbers: a megabyte crosses to the page in milliseconds, not seconds.
  const payload = files.map((f) => ({ name: f.name, base64: Buffer.from(f.bytes).toString('base64') }));
  await page.evaluate((list) => {
    const transfer = new DataTransfer();
    for (const { name, base64 } of list) {
      const binary = atob(base64);
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      transfer.items.add(new File([bytes], name, { type: name.endsWith('.txt') ? 'text/plain' : '' }));
    }
    for (const type of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    }
  }, payload);
}

/** A copy of a document already here is asked about (www/ui/duplicates-dialog.js): answer 都保留
 *  if the question is open. */
export function keepCopies(page) {
  return page.evaluate(() => {
    const dialog = document.querySelector('#duplicates-dialog');
    if (dialog.open) dialog.querySelector('button[value=keep]').click();
  });
}

/** Drops `files` that will be added, and keeps both when one is a copy of a document already
 *  here: waits for the analysis the drop starts, or for the question, and answers 都保留. */
export async function dropKeepingCopies(page, files) {
  const before = await analysisCount(page);
  await dropFiles(page, files);
  await page.waitForFunction(
    (n) => document.querySelector('#duplicates-dialog').open || Number(document.body.dataset.analysis) > n,
    before,
    { timeout: 60_000 },
  );
  await keepCopies(page);
}

/** Chooses `files` in the (hidden) file input behind the 添加文件 button. */
export async function chooseFiles(page, files) {
  await page.setInputFiles(
    '#file-input',
    files.map((f) => ({ name: f.name, mimeType: 'text/plain', buffer: Buffer.from(f.bytes) })),
  );
}

// ---- reading the page -------------------------------------------------------------------------

/** Opens the page and waits for its first analysis (the five seeds). */
export async function openPage(session) {
  const { page } = session;
  await page.goto(session.url);
  // 'snapshot': still starting, with the build-time analysis on screen (www/startup.js).
  await page.waitForFunction(() => !['loading', 'snapshot'].includes(document.body.dataset.state), null, {
    timeout: 60_000,
  });
  // A start-up failure (e.g. dist/ rebuilt meanwhile) fails here, with what the page says.
  const state = await page.evaluate(() => document.body.dataset.state);
  if (state !== 'ready')
    throw new Error(`the page did not start (${state}): ${await page.locator('#status').textContent()}`);
  await page.waitForFunction(() => Number(document.body.dataset.analysis) >= 1, null, { timeout: 60_000 });
  return page;
}

export const analysisCount = (page) => page.evaluate(() => Number(document.body.dataset.analysis));

/** Runs `action` and waits until the page has finished an analysis it caused. */
export async function afterAnalysis(page, action) {
  const before = await analysisCount(page);
  await action();
  await page.waitForFunction((n) => Number(document.body.dataset.analysis) > n, before, { timeout: 30_000 });
  // Settings changes are debounced: wait until nothing else is scheduled, i.e. the counter is still.
  let last = await analysisCount(page);
  for (;;) {
    await page.waitForTimeout(250);
    const now = await analysisCount(page);
    if (now === last) return now;
    last = now;
  }
}

/** The words drawn in the cloud (their text nodes, not the <title> tooltips). */
export async function cloudWords(page) {
  await page.click('[data-tab="cloud"]');
  // A cloud that changed while hidden is laid out again (in its worker) when shown.
  await page.locator('#view-cloud .cloud-box[data-state=drawn]').waitFor({ state: 'attached' });
  return page.$$eval('#view-cloud svg text', (nodes) =>
    nodes.map((node) =>
      [...node.childNodes]
        .filter((n) => n.nodeName !== 'title')
        .map((n) => n.textContent)
        .join('')
        .trim(),
    ),
  );
}

/** Waits until the 关键词 view is made (when its tab is first opened: www/views/lazy.js) and
 *  shows no analysis under way. */
export const keywordsShown = (page) =>
  page.waitForFunction(() => {
    const root = document.querySelector('#view-keywords .kw-root');
    return root !== null && root.dataset.state !== 'loading';
  });

/** The keywords table as shown: [{term, pos, freq}] (opens the 关键词 tab). */
export async function keywordRows(page) {
  await page.click('[data-tab="keywords"]');
  await keywordsShown(page);
  return page.$$eval('#view-keywords tbody tr', (rows) =>
    rows.map((row) => ({
      term: row.querySelector('td.term').textContent.trim(),
      pos: row.querySelector('td.pos').textContent.trim(),
      freq: Number(row.querySelector('td.freq').textContent.replace(/[,，\s]/g, '')),
    })),
  );
}

/** The document list: [{id, title, name, encoding, included}]. */
export function documentList(page) {
  return page.$$eval('#documents li.doc', (items) =>
    items.map((li) => ({
      id: Number(li.dataset.id),
      title: li.querySelector('.doc-title').textContent,
      name: li.querySelector('.doc-name').textContent,
      encoding: li.querySelector('.doc-encoding').textContent,
      included: li.querySelector('input[type=checkbox]').checked,
    })),
  );
}

/** The notices (newest first): [{text, kind: 'ok' | 'error' | 'info'}]. */
export function notices(page) {
  return page.$$eval('#documents .notices li', (items) =>
    items.map((li) => ({ text: li.textContent, kind: ['ok', 'error', 'info'].find((k) => li.classList.contains(k)) })),
  );
}

/** Clicks 仅此篇 on document `id` and waits for the analysis of it alone. */
export function analyseOnly(page, id) {
  return afterAnalysis(page, () => page.locator(`#documents li.doc[data-id="${id}"] button.only`).click());
}

/** Pastes `text` as a document called `name` through the 粘贴文本 dialog; waits for the analysis. */
export function pasteText(page, name, text) {
  return afterAnalysis(page, async () => {
    await page.click('#paste-text');
    await page.fill('#paste-dialog [name=name]', name);
    // fill() types nothing for long texts: set the value as a paste would.
    await page.locator('#paste-dialog [name=text]').evaluate((area, value) => (area.value = value), text);
    await page.click('#paste-dialog button[value=add]');
  });
}

/** Waits until the outcome list has more than `count` lines; resolves to the notices. */
export async function noticesAfter(page, count, timeout = 60_000) {
  await page.waitForFunction((n) => document.querySelectorAll('#documents .notices li').length > n, count, { timeout });
  return notices(page);
}

/**
 * What the analyzer holds for documents `ids`, straight from the worker: their DocumentInfo and
 * the top terms of an analysis of them alone. Equal before and after = those documents untouched.
 */
export function documentsSnapshot(page, ids) {
  return page.evaluate(async (ids) => {
    const infos = (await window.wenxi.request('documents')).filter((d) => ids.includes(d.id));
    const analysis = await window.wenxi.request('analyze', { documents: ids, topTerms: 30 });
    return { infos, top: analysis.terms.map((t) => `${t.term}:${t.freq}`), tokens: analysis.tokens };
  }, ids);
}

/** Clicks `selector` and resolves to the download it starts: {name, bytes, text}. */
export async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const bytes = readFileSync(await file.path());
  return { name: file.suggestedFilename(), bytes, text: bytes.toString('utf8').replace(/^\uFEFF/, '') };
}

/** The rows of a CSV text (RFC 4180: quoted cells, "" inside quotes, CRLF or LF). */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') ((cell += '"'), i++);
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') (row.push(cell), (cell = ''));
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      (row.push(cell), rows.push(row), (row = []), (cell = ''));
    } else cell += c;
  }
  if (cell || row.length) (row.push(cell), rows.push(row));
  return rows;
}

/** The documents in the page's IndexedDB store ({name, kind, size}, in order), read directly;
 *  [] when there is no database (opening a missing one would create it without its stores). */
export function storedDocuments(page) {
  return page.evaluate(async () =>
    !(await indexedDB.databases()).some((db) => db.name === 'wenxi')
      ? []
      : new Promise((resolve, reject) => {
          const open = indexedDB.open('wenxi');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const all = db.transaction('documents').objectStore('documents').getAll();
            all.onsuccess = () => {
              db.close();
              resolve(
                all.result.map((d) => ({
                  name: d.name,
                  kind: d.kind,
                  size: d.kind === 'text' ? d.text.length : d.bytes.length,
                })),
              );
            };
            all.onerror = () => reject(all.error);
          };
        }),
  );
}
