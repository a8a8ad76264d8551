// A workspace file is untrusted input (issue 13): settings that try to pollute Object.prototype,
// settings of the wrong type or out of range, and user words the engine refuses must neither
// break the page nor come back on the next visit, whether they arrive by import or are found in
// the store. And the workspace can be exported while IndexedDB is still opening.
// Needs dist/ (`cargo xtask build`).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { startSession } from './harness.mjs';
import { afterAnalysis, analyseOnly, cloudWords, documentList, notices, openPage, pasteText } from './files.mjs';

const ALPHA = '量子计算机的研究进展迅速。量子计算机利用量子比特进行计算，量子纠缠是关键。';

// Written as text: in a JS object literal `__proto__` would set the prototype, but JSON.parse
// makes it an own property, which is what a hostile file holds.
const HOSTILE_SETTINGS =
  '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 2}},' +
  ' "filter": {"minLength": "abc", "__proto__": {"polluted": 3}},' +
  ' "network": {"nodes": -5, "measure": "magic"}, "mystery": true}';

const hostileWorkspace = () =>
  `{"format": "wenxi-workspace", "version": 1, "removedSeeds": [], "userWords": ["量子计算机", "两个 词"],` +
  ` "stopWords": [], "settings": ${HOSTILE_SETTINGS},` +
  ` "documents": [{"name": "alpha.txt", "kind": "text", "text": "${ALPHA}"}]}`;

/** Whether anything leaked into Object.prototype. */
const polluted = (page) =>
  page.evaluate(() => [{}.polluted, Object.prototype.polluted, Object.keys(Object.prototype).length]);

async function ready(page, after = 0) {
  await page.waitForFunction(
    (n) => document.body.dataset.state === 'ready' && Number(document.body.dataset.analysis) > n,
    after,
    { timeout: 60_000 },
  );
}

/** The analysis works: the status line has counts, the cloud has words, the notices no options error. */
async function assertWorkingAnalysis(page) {
  assert.match(await page.locator('#status').textContent(), /篇文档（已选 \d+ 篇）/);
  const words = await cloudWords(page);
  assert.ok(words.length > 20, `the cloud: ${words}`);
  for (const { text } of await notices(page)) {
    assert.doesNotMatch(text, /选项无效|invalid type|Invalid options/, `a notice: ${text}`);
  }
  return words;
}

test(
  'a workspace with hostile and invalid settings: no pollution, a notice in words, a working analysis, also after a reload',
  { timeout: 180_000 },
  async (t) => {
    const session = await startSession();
    t.after(() => session.close());
    const page = await openPage(session);
    try {
      page.once('dialog', (dialog) => dialog.accept());
      await page.click('.menu summary');
      await page.click('#import-workspace');
      await afterAnalysis(page, () =>
        page.setInputFiles('#workspace-input', {
          name: 'hostile.json',
          mimeType: 'application/json',
          buffer: Buffer.from(hostileWorkspace()),
        }),
      );
      assert.deepEqual(await polluted(page), [undefined, undefined, 0], 'Object.prototype was polluted');
      const texts = (await notices(page)).map((n) => n.text);
      const reset = texts.find((text) => text.includes('已改回默认值'));
      assert.ok(reset, `no notice names the reset settings: ${texts}`);
      for (const field of ['最短词长', '网络节点数', '关联度量'])
        assert.ok(reset.includes(field), `${field}: ${reset}`);
      assert.ok(reset.includes('minimum length'), `the English half: ${reset}`);
      assert.ok(
        texts.some((text) => text.includes('两个 词')),
        `the refused user word is not named: ${texts}`,
      );
      assert.ok(
        texts.some((text) => text.startsWith('已导入工作区（1 篇文档）')),
        `notices: ${texts}`,
      );
      assert.deepEqual(
        (await documentList(page)).map((d) => d.name),
        [...(await documentList(page)).slice(0, 5).map((d) => d.name), 'alpha.txt'],
      );
      assert.equal(await page.inputValue('#settings [name=minLength]'), '1');
      assert.equal(await page.inputValue('#settings [name=userWords]'), '量子计算机');
      await assertWorkingAnalysis(page);
      const alpha = (await documentList(page)).find((d) => d.name === 'alpha.txt');
      await analyseOnly(page, alpha.id);
      const words = await cloudWords(page);
      assert.ok(words.includes('量子计算机'), `the imported user word segments: ${words}`);
      await afterAnalysis(page, () => page.click('#documents [data-bulk=all]'));
      await session.screenshot('workspace-hostile-imported');

      // What was stored is clean: after a reload, the same, and nothing to complain about.
      await page.waitForTimeout(300);
      await page.reload();
      await ready(page);
      assert.deepEqual(await polluted(page), [undefined, undefined, 0], 'polluted after a reload');
      assert.deepEqual(await notices(page), [], 'the reload found something to reset');
      assert.ok((await documentList(page)).some((d) => d.name === 'alpha.txt'));
      await assertWorkingAnalysis(page);
    } catch (err) {
      await session.screenshot('workspace-hostile-failure').catch(() => {});
      throw err;
    }
    session.assertClean();
  },
);

test(
  'hostile settings found in the store (an older version stored them) are reset once, with a notice',
  { timeout: 180_000 },
  async (t) => {
    const session = await startSession();
    t.after(() => session.close());
    const page = await openPage(session);
    try {
      await pasteText(page, 'alpha.txt', ALPHA);
      await page.waitForTimeout(300);
      // Straight into IndexedDB, as a page without validation would have stored an import.
      await page.evaluate(
        (text) =>
          new Promise((resolve, reject) => {
            const open = indexedDB.open('wenxi');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const db = open.result;
              const tx = db.transaction('state', 'readwrite');
              tx.objectStore('state').put(JSON.parse(text), 'settings');
              tx.oncomplete = () => (db.close(), resolve());
              tx.onerror = () => reject(tx.error);
            };
          }),
        HOSTILE_SETTINGS,
      );
      await page.reload();
      await ready(page);
      assert.deepEqual(await polluted(page), [undefined, undefined, 0], 'Object.prototype was polluted');
      const texts = (await notices(page)).map((n) => n.text);
      const reset = texts.find((text) => text.includes('已改回默认值'));
      assert.ok(reset, `no notice names the reset settings: ${texts}`);
      for (const field of ['最短词长', '网络节点数', '关联度量'])
        assert.ok(reset.includes(field), `${field}: ${reset}`);
      await assertWorkingAnalysis(page);
      await session.screenshot('workspace-hostile-stored');

      // The cleaned settings were stored: the next visit has nothing to say.
      await page.waitForTimeout(300);
      await page.reload();
      await ready(page);
      assert.deepEqual(await notices(page), []);
      await assertWorkingAnalysis(page);
    } catch (err) {
      await session.screenshot('workspace-stored-failure').catch(() => {});
      throw err;
    }
    session.assertClean();
  },
);

/** Holds back the success of the page's first indexedDB.open() by `ms` (the store opening late). */
function slowStore(ms) {
  const open = IDBFactory.prototype.open;
  let first = true;
  IDBFactory.prototype.open = function (...args) {
    const request = open.apply(this, args);
    if (!first) return request;
    first = false;
    window.__storeOpened = false;
    const setter = Object.getOwnPropertyDescriptor(IDBRequest.prototype, 'onsuccess').set;
    Object.defineProperty(request, 'onsuccess', {
      configurable: true,
      set(handler) {
        setter.call(this, (event) =>
          setTimeout(() => {
            window.__storeOpened = true;
            handler.call(this, event);
          }, ms),
        );
      },
    });
    return request;
  };
}

test(
  'the workspace exported before IndexedDB has opened holds the stored workspace',
  { timeout: 180_000 },
  async (t) => {
    const session = await startSession();
    t.after(() => session.close());
    const { page, context } = session;
    await openPage(session);
    try {
      await pasteText(page, 'alpha.txt', ALPHA);
      await page.waitForTimeout(300);

      await context.addInitScript(slowStore, 3000);
      await page.reload();
      await page.click('.menu summary');
      assert.equal(await page.evaluate(() => window.__storeOpened), false, 'the store had opened already');
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 20_000 }),
        page.click('#export-workspace'),
      ]);
      const workspace = JSON.parse(await readFile(await download.path(), 'utf8'));
      assert.equal(workspace.format, 'wenxi-workspace');
      assert.deepEqual(
        workspace.documents.map((d) => [d.name, d.kind, d.text]),
        [['alpha.txt', 'text', ALPHA]],
      );
      await ready(page);
      const texts = (await notices(page)).map((n) => n.text);
      assert.ok(
        texts.some((text) => text.startsWith('已导出工作区（1 篇文档）')),
        `notices: ${texts}`,
      );
      assert.ok(!texts.some((text) => /null|undefined|TypeError/.test(text)), `notices: ${texts}`);
    } catch (err) {
      await session.screenshot('workspace-export-early-failure').catch(() => {});
      throw err;
    }
    session.assertClean();
  },
);
