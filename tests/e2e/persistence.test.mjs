// Nothing lost: documents, user words and removals survive a reload and a fresh page in the same
// browser profile; a workspace exported, wiped and imported comes back whole.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { startSession } from './harness.mjs';
import { notices } from './files.mjs';
import { records, untilStored } from './idb.mjs';

const ALPHA = '量子计算机的研究进展迅速。量子计算机利用量子比特进行计算，量子纠缠是关键。';
const BETA = '人工智能芯片的设计需要大量算力。人工智能芯片正在改变数据中心。';

async function ready(page, after = 0) {
  await page.waitForFunction(
    (n) => document.body.dataset.state === 'ready' && Number(document.body.dataset.analysis) > n,
    after,
    {
      timeout: 60_000,
    },
  );
}

const analysisCount = (page) => page.evaluate(() => Number(document.body.dataset.analysis));
const documentNames = (page) => page.locator('#documents .doc-name').allTextContents();

async function cloudWords(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('#view-cloud svg text')].map((text) =>
      [...text.childNodes]
        .filter((n) => n.nodeName !== 'title')
        .map((n) => n.textContent)
        .join('')
        .trim(),
    ),
  );
}

/** What the analysis worker's last restore counted: documents added from their stored index,
 *  and rebuilt from their original bytes (www/stored-index.js). */
async function restores(page) {
  for (const worker of page.workers()) {
    const counts = await worker.evaluate(
      () => performance.getEntriesByName('wenxi:worker:restored').at(-1)?.detail ?? null,
    );
    if (counts) return counts;
  }
  return null;
}

/** Flips a byte in the middle of every stored index, as a damaged disk would (an entry's bytes
 *  are a Blob, www/stored-index.js: read, flipped, written back). */
function damageStoredIndex(page) {
  return page.evaluate(async () => {
    const done = (request) =>
      new Promise((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const db = await done(indexedDB.open('wenxi-index'));
    const entries = await done(db.transaction('prepared').objectStore('prepared').getAll());
    for (const entry of entries) {
      const bytes = entry.bytes instanceof Blob ? new Uint8Array(await entry.bytes.arrayBuffer()) : entry.bytes;
      bytes[bytes.length >> 1] ^= 0x20;
      entry.bytes = new Blob([bytes]);
    }
    const tx = db.transaction('prepared', 'readwrite');
    for (const entry of entries) tx.objectStore('prepared').put(entry);
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    return entries.length;
  });
}

/** What a person reads of the analysis: the documents, the cloud, the status line's counts. */
async function analysisSeen(page) {
  const status = (await page.locator('#status').textContent()).replace(/用时.*$/, '');
  return { names: await documentNames(page), cloud: await cloudWords(page), status };
}

async function paste(page, name, text) {
  const before = await analysisCount(page);
  await page.click('#paste-text');
  await page.fill('#paste-dialog [name=name]', name);
  await page.fill('#paste-dialog [name=text]', text);
  await page.click('#paste-dialog button[value=add]');
  await ready(page, before);
}

test('documents, user words and removals come back after a reload', { timeout: 180_000 }, async (t) => {
  const session = await startSession();
  t.after(() => session.close());
  const { page, context } = session;
  await page.goto(session.url);
  await ready(page);

  await paste(page, 'alpha.txt', ALPHA);
  // The second one as a file, through the file picker.
  let before = await analysisCount(page);
  await page.setInputFiles('#file-input', { name: 'beta.txt', mimeType: 'text/plain', buffer: Buffer.from(BETA) });
  await ready(page, before);
  before = await analysisCount(page);
  await page.click('#settings details.user-words summary');
  await page.fill('#settings [name=userWords]', '量子计算机');
  await page.click('#settings [name=applyUserWords]');
  await ready(page, before);
  // Look at alpha alone: its words fill the cloud.
  before = await analysisCount(page);
  await page.locator('#documents li.doc', { hasText: 'alpha.txt' }).locator('button.only').click();
  await ready(page, before);
  assert.ok((await cloudWords(page)).includes('量子计算机'), `cloud: ${await cloudWords(page)}`);
  const names = await documentNames(page);
  assert.equal(names.length, 7);

  await page.reload();
  await ready(page);
  assert.deepEqual(await documentNames(page), names, 'the same documents, in the same order');
  assert.equal(await page.inputValue('#settings [name=userWords]'), '量子计算机');
  assert.match(await page.locator('#status').textContent(), /已选 1 篇/, 'the selection is kept');
  assert.ok((await cloudWords(page)).includes('量子计算机'), 'the user word still segments');
  // beta.txt was indexed before the user words came: its stored index was stale, so rebuilt.
  assert.deepEqual(await restores(page), { fromIndex: 0, rebuilt: 1 });

  // Remove a stored document and a seed; both stay removed.
  before = await analysisCount(page);
  await page.locator('#documents li.doc', { hasText: 'alpha.txt' }).locator('button.remove').click();
  await ready(page, before);
  before = await analysisCount(page);
  await page.locator('#documents li.doc').first().locator('button.remove').click();
  await ready(page, before);
  const remaining = await documentNames(page);
  assert.equal(remaining.length, 5);
  assert.ok(!remaining.includes('alpha.txt'));

  // A fresh page in the same profile sees the same.
  const second = await context.newPage();
  await second.goto(session.url);
  await ready(second);
  assert.deepEqual(await documentNames(second), remaining);
  // This time beta.txt's index fits: added as it is, not segmented again.
  assert.deepEqual(await restores(second), { fromIndex: 1, rebuilt: 0 });
  // beta.txt alone: its words fill the cloud.
  before = await analysisCount(second);
  await second.locator('#documents li.doc', { hasText: 'beta.txt' }).locator('button.only').click();
  await ready(second, before);
  const seen = await analysisSeen(second);
  assert.ok(seen.cloud.includes('人工智能'), `cloud: ${seen.cloud}`);
  // A damaged index is rebuilt from the original, and nothing a person sees changes.
  assert.equal(await damageStoredIndex(second), 1);
  await second.reload();
  await ready(second);
  assert.deepEqual(await restores(second), { fromIndex: 0, rebuilt: 1 });
  assert.deepEqual(await analysisSeen(second), seen);
  await second.close();
  await session.screenshot('persistence-after-reload');
  session.assertClean();
});

test('a workspace exported, wiped and imported comes back whole', { timeout: 180_000 }, async (t) => {
  const session = await startSession();
  t.after(() => session.close());
  const { page } = session;
  await page.goto(session.url);
  await ready(page);
  await paste(page, 'alpha.txt', ALPHA);
  let before = await analysisCount(page);
  await page.click('#settings details.stop-words summary');
  await page.fill('#settings [name=stopWordList]', '研究');
  await page.click('#settings [name=applyStopWords]');
  await ready(page, before);

  await page.click('.menu summary');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-workspace')]);
  const path = await download.path();
  const workspace = JSON.parse(await readFile(path, 'utf8'));
  assert.equal(workspace.format, 'wenxi-workspace');
  assert.equal(workspace.documents.length, 1);
  assert.deepEqual(workspace.stopWords, ['研究']);

  // Wipe the storage and reload: back to the five seeds only.
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        const req = indexedDB.deleteDatabase('wenxi');
        req.onsuccess = req.onerror = req.onblocked = () => resolve();
      }),
  );
  await page.reload();
  await ready(page);
  assert.equal((await documentNames(page)).length, 5);

  page.once('dialog', (dialog) => dialog.accept());
  before = await analysisCount(page);
  await page.click('.menu summary');
  await page.click('#import-workspace');
  await page.setInputFiles('#workspace-input', path);
  await ready(page, before);
  const names = await documentNames(page);
  assert.equal(names.length, 6);
  assert.ok(names.includes('alpha.txt'));
  assert.equal(await page.inputValue('#settings [name=stopWordList]'), '研究');
  await session.screenshot('persistence-imported');
  session.assertClean();
});

/** The stored documents' originals as the page's store holds them: name, Blob or bytes, size. */
async function storedOriginals(page) {
  return ((await records(page, 'wenxi', 'documents')) ?? []).map(({ name, bytes }) => ({
    name,
    blob: bytes?.blob !== undefined,
    size: bytes?.blob ?? bytes?.bytes,
  }));
}

test(
  'a large file is stored as a Blob, restored from its index, rebuilt from it and exported whole',
  { timeout: 180_000 },
  async (t) => {
    const session = await startSession();
    t.after(() => session.close());
    const { page } = session;
    await page.goto(session.url);
    await ready(page);

    // Over 1 MB (www/corpus.js KEEP_COPY_BYTES): stored as a Blob of its bytes (www/store.js storedForm).
    const lines = [];
    for (let i = 0; lines.join('').length < 420_000; i++) lines.push(`第${i}段：${i % 2 ? ALPHA : BETA}\n`);
    const original = Buffer.from(lines.join(''));
    assert.ok(original.length > 1_000_000, `${original.length} bytes`);
    const before = await analysisCount(page);
    await page.setInputFiles('#file-input', { name: 'large.txt', mimeType: 'text/plain', buffer: original });
    await ready(page, before);
    // Stored (the workspace's marker turns 'changed'), then indexed by the worker.
    await page.waitForFunction(() => localStorage.getItem('wenxi-workspace') === 'changed', null, {
      timeout: 30_000,
    });
    await untilStored(page, 'wenxi-index', 'prepared');
    assert.deepEqual(await storedOriginals(page), [{ name: 'large.txt', blob: true, size: original.length }]);
    await page.locator('#documents li.doc', { hasText: 'large.txt' }).locator('button.only').click();
    await ready(page, before + 1);
    const seen = await analysisSeen(page);
    assert.ok(seen.cloud.includes('量子'), `cloud: ${seen.cloud}`);

    // Its index fits: added as it is (the original is not read), and the same is seen.
    await page.reload();
    await ready(page);
    assert.deepEqual(await restores(page), { fromIndex: 1, rebuilt: 0 });
    assert.deepEqual(await analysisSeen(page), seen);
    // Damaged: rebuilt from the stored File, and nothing a person sees changes.
    assert.equal(await damageStoredIndex(page), 1);
    await page.reload();
    await ready(page);
    assert.deepEqual(await restores(page), { fromIndex: 0, rebuilt: 1 });
    assert.deepEqual(await analysisSeen(page), seen);

    // The workspace holds the original byte for byte.
    await page.click('.menu summary');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-workspace')]);
    const workspace = JSON.parse(await readFile(await download.path(), 'utf8'));
    const [large] = workspace.documents;
    assert.equal(large.name, 'large.txt');
    assert.ok(Buffer.from(large.base64, 'base64').equals(original), 'the exported bytes differ from the file');
    session.assertClean();
  },
);

test(
  'a large file picked from disk is kept by the browser: deleted from disk, it still comes back',
  { timeout: 180_000 },
  async (t) => {
    const dir = await mkdtemp(join(tmpdir(), 'wenxi-kept-'));
    const session = await startSession();
    t.after(async () => {
      await session.close();
      await rm(dir, { recursive: true, force: true });
    });
    const { page } = session;
    await page.goto(session.url);
    await ready(page);

    const lines = [];
    for (let i = 0; lines.join('').length < 420_000; i++) lines.push(`第${i}段：${i % 2 ? BETA : ALPHA}\n`);
    const path = join(dir, 'on-disk.txt');
    await writeFile(path, lines.join(''));
    const before = await analysisCount(page);
    await page.setInputFiles('#file-input', path); // a File backed by the file on disk
    await ready(page, before);
    await page.waitForFunction(() => localStorage.getItem('wenxi-workspace') === 'changed', null, { timeout: 30_000 });
    await untilStored(page, 'wenxi-index', 'prepared');
    const seen = await analysisSeen(page);

    // Gone from disk, and its index damaged: rebuilt from what the browser copied of it.
    await rm(path);
    assert.equal(await damageStoredIndex(page), 1);
    await page.reload();
    await ready(page);
    assert.deepEqual(await restores(page), { fromIndex: 0, rebuilt: 1 });
    assert.deepEqual(await analysisSeen(page), seen);
    const errors = (await notices(page)).filter((n) => n.kind === 'error');
    assert.deepEqual(errors, [], 'a notice said something failed');
    session.assertClean();
  },
);
