// When the browser's storage is missing (private mode, a policy) or full, the person is told, the
// work goes on in memory, and nothing is half-written: a document is stored whole or not at all,
// and an import that runs out of room leaves what was stored as it was (issue 6, item 7).
// The faults are made with init scripts that replace IndexedDB calls before the page runs.
// Needs dist/ (`cargo xtask build`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startSession } from './harness.mjs';
import {
  afterAnalysis,
  analyseOnly,
  cloudWords,
  documentList,
  download,
  dropFiles,
  notices,
  openPage,
  storedDocuments,
  textFile,
} from './files.mjs';

const QUANTUM = textFile('量子.txt', '量子计算机的研究进展迅速。量子计算机利用量子比特进行计算，量子纠缠是关键。');
const PANDA = textFile('熊猫.txt', '大熊猫生活在四川的竹林里。保护区的工作人员每天记录大熊猫吃竹子的数量。');

const unavailable = (reason) =>
  `浏览器存储不可用，本次添加的内容不会保存（${reason}）。分析照常进行。 / Browser storage is unavailable; what you add now will not be kept (${reason}). Analysis works as usual.`;

/** Reloads and waits for the first analysis. */
async function reload(page) {
  await page.reload();
  await page.waitForFunction(
    () => document.body.dataset.state === 'ready' && Number(document.body.dataset.analysis) > 0,
    null,
    {
      timeout: 60_000,
    },
  );
}

const names = async (page) => (await documentList(page)).map((d) => d.name);

for (const [how, init, reason] of [
  [
    'there is no IndexedDB (private mode)',
    () => {
      delete window.indexedDB;
    },
    'IndexedDB is not available',
  ],
  [
    'opening IndexedDB throws',
    () => {
      IDBFactory.prototype.open = () => {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      };
    },
    'The user denied permission to access the database.',
  ],
]) {
  test(`${how}: the page says so and works in memory`, { timeout: 120_000 }, async (t) => {
    const session = await startSession();
    t.after(() => session.close());
    await session.context.addInitScript(init);
    const page = await openPage(session);
    try {
      assert.deepEqual(await notices(page), [{ kind: 'error', text: unavailable(reason) }]);
      const seeds = await names(page);
      assert.equal(seeds.length, 5, 'the seeds are listed');

      // A dropped file is listed and analysed, with no further complaint.
      await afterAnalysis(page, () => dropFiles(page, [QUANTUM]));
      const doc = (await documentList(page)).at(-1);
      assert.deepEqual([doc.name, doc.included], ['量子.txt', true]);
      assert.match((await notices(page))[0].text, /^已添加「量子\.txt」（UTF-8，\d+ 字）$/);
      await analyseOnly(page, doc.id);
      assert.ok((await cloudWords(page)).includes('量子'), 'the dropped file was not analysed');
      // Settings changes too (each would be stored): no new message.
      await afterAnalysis(page, () => page.uncheck('#settings [name=singleChars]'));
      assert.equal((await notices(page)).length, 2);
      // The workspace export works from memory and carries the dropped file.
      await page.click('.menu summary');
      const workspace = JSON.parse((await download(page, '#export-workspace')).text);
      assert.deepEqual(
        workspace.documents.map((d) => d.name),
        ['量子.txt'],
      );

      // A reload keeps nothing (as the notice said) and says it again.
      await reload(page);
      assert.deepEqual(await names(page), seeds);
      assert.deepEqual(await notices(page), [{ kind: 'error', text: unavailable(reason) }]);
      await session.screenshot(`storage-unavailable-${how.includes('throws') ? 'throws' : 'missing'}`);
    } catch (err) {
      await session.screenshot('storage-unavailable-failure').catch(() => {});
      throw err;
    }
    session.assertClean();
  });
}

/**
 * IndexedDB writes that fail on demand: `window.storageFault` = 'full' (add() throws a
 * QuotaExceededError, as Chromium does when a value does not fit), 'abort' (the write succeeds,
 * then its transaction is aborted before it commits), or {fullAfter: n} (n adds succeed, then
 * 'full'). Unset after every load.
 */
function storageFaults() {
  const add = IDBObjectStore.prototype.add;
  IDBObjectStore.prototype.add = function (...args) {
    const fault = window.storageFault;
    if (fault === 'full' || (fault?.fullAfter !== undefined && fault.fullAfter-- <= 0)) {
      throw new DOMException('Quota exceeded.', 'QuotaExceededError');
    }
    const request = add.apply(this, args);
    if (fault === 'abort') {
      const tx = this.transaction;
      request.addEventListener('success', () => tx.abort());
    }
    return request;
  };
}

for (const [how, fault, message] of [
  [
    'the storage is full',
    'full',
    '浏览器存储已满：「熊猫.txt」仅在本次会话中可用，重新载入页面后需要重新添加。 / Browser storage is full: "熊猫.txt" is kept for this session only; add it again after a reload.',
  ],
  [
    'the write is aborted before it commits',
    'abort',
    '「熊猫.txt」未能保存到浏览器存储（transaction aborted），仅在本次会话中可用。 / "熊猫.txt" could not be stored (transaction aborted); it is kept for this session only.',
  ],
]) {
  test(
    `${how}: the file is analysed for this session only, and nothing half-written is left`,
    { timeout: 120_000 },
    async (t) => {
      const session = await startSession();
      t.after(() => session.close());
      await session.context.addInitScript(storageFaults);
      const page = await openPage(session);
      try {
        // One document stored while there is room.
        await afterAnalysis(page, () => dropFiles(page, [QUANTUM]));
        assert.deepEqual(
          (await storedDocuments(page)).map((d) => d.name),
          ['量子.txt'],
        );

        await page.evaluate((f) => (window.storageFault = f), fault);
        await afterAnalysis(page, () => dropFiles(page, [PANDA]));
        const lines = await notices(page);
        assert.deepEqual(lines.slice(0, 2), [
          { kind: 'error', text: message },
          { kind: 'ok', text: '已添加「熊猫.txt」（UTF-8，35 字）' },
        ]);
        const doc = (await documentList(page)).at(-1);
        assert.deepEqual([doc.name, doc.included], ['熊猫.txt', true]);
        await analyseOnly(page, doc.id);
        assert.ok((await cloudWords(page)).includes('大熊猫'), 'the file was not analysed');
        // Whole or not at all: the store holds what it held.
        assert.deepEqual(await storedDocuments(page), [
          { name: '量子.txt', kind: 'bytes', size: QUANTUM.bytes.length },
        ]);
        await session.screenshot(`storage-${fault}`);

        await reload(page);
        const after = await names(page);
        assert.equal(after.length, 6);
        assert.equal(after.at(-1), '量子.txt');
        assert.ok(!after.includes('熊猫.txt'), 'a document that was not stored came back');
        assert.deepEqual(await notices(page), [], 'something failed to restore');
      } catch (err) {
        await session.screenshot(`storage-${fault}-failure`).catch(() => {});
        throw err;
      }
      session.assertClean();
    },
  );
}

test(
  'a workspace import that runs out of room half-way leaves the stored documents as they were',
  { timeout: 120_000 },
  async (t) => {
    const session = await startSession();
    t.after(() => session.close());
    await session.context.addInitScript(storageFaults);
    const page = await openPage(session);
    try {
      await afterAnalysis(page, () => dropFiles(page, [QUANTUM]));
      const before = await names(page);
      const stored = await storedDocuments(page);
      const workspace = {
        format: 'wenxi-workspace',
        version: 1,
        removedSeeds: [],
        userWords: ['量子纠缠'],
        stopWords: [],
        settings: {},
        documents: ['甲', '乙', '丙'].map((name) => ({
          name: `${name}.txt`,
          kind: 'text',
          text: `${name}：新闻记者写新闻。`,
        })),
      };

      // Room for one document of the three.
      await page.evaluate(() => (window.storageFault = { fullAfter: 1 }));
      page.once('dialog', (dialog) => dialog.accept());
      await page.click('.menu summary');
      await page.click('#import-workspace');
      await page.setInputFiles('#workspace-input', {
        name: 'workspace.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(workspace)),
      });
      await page.waitForFunction(() =>
        document.querySelector('#documents .notices li')?.textContent.startsWith('无法导入'),
      );
      assert.equal(
        (await notices(page))[0].text,
        '无法导入「workspace.json」：Quota exceeded. / Cannot import "workspace.json": Quota exceeded.',
      );
      assert.deepEqual(await names(page), before, 'the page lost its documents');
      assert.deepEqual(await storedDocuments(page), stored, 'the import was half-written');

      await reload(page);
      assert.deepEqual(await names(page), before, 'after a reload the documents differ');
      assert.equal(await page.inputValue('#settings [name=userWords]'), '', "the half import's user words were kept");
    } catch (err) {
      await session.screenshot('storage-import-failure').catch(() => {});
      throw err;
    }
    session.assertClean();
  },
);
