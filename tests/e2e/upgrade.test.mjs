// What an older version of the page stored still loads: the selection was kept as the strings
// 'seed:FILE' / 'doc:KEY' (this version keeps {kind, key} values, www/origins.js).
// Needs dist/ (`cargo xtask build`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startSession } from './harness.mjs';
import { documentList, notices, openPage, pasteText } from './files.mjs';

/** Puts `value` under `name` in the page's IndexedDB state store, as an older page wrote it. */
const storeValue = (page, name, value) =>
  page.evaluate(
    ([name, value]) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('wenxi');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('state', 'readwrite');
          tx.objectStore('state').put(value, name);
          tx.oncomplete = () => (db.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    [name, value],
  );

test(
  'a selection stored as strings by an older version leaves the same documents out',
  { timeout: 180_000 },
  async (t) => {
    const session = await startSession();
    t.after(() => session.close());
    const page = await openPage(session);
    await pasteText(page, 'alpha.txt', '量子计算机的研究进展迅速。量子计算机利用量子比特进行计算。');
    await page.waitForTimeout(300);
    const seeds = (await documentList(page)).slice(0, 5).map((d) => d.name);
    // The first stored document has key 1; a session id and a string that is no origin are ignored.
    await storeValue(page, 'excluded', [`seed:${seeds[1]}`, 'doc:1', 'session:3', 'junk']);

    await page.reload();
    await page.waitForFunction(
      () => document.body.dataset.state === 'ready' && Number(document.body.dataset.analysis) > 0,
    );
    const docs = await documentList(page);
    assert.deepEqual(
      docs.map((d) => [d.name, d.included]),
      [...seeds.map((name, i) => [name, i !== 1]), ['alpha.txt', false]],
    );
    assert.match(await page.locator('#status').textContent(), /6 篇文档（已选 4 篇）/);
    assert.deepEqual(await notices(page), []);

    // A change of the selection is stored in this version's form, and reads back the same.
    await page.locator('#documents li.doc', { hasText: 'alpha.txt' }).locator('input[type=checkbox]').check();
    await page.waitForFunction(() => /已选 5 篇/.test(document.querySelector('#status').textContent));
    await page.waitForTimeout(300);
    await page.reload();
    await page.waitForFunction(
      () => document.body.dataset.state === 'ready' && Number(document.body.dataset.analysis) > 0,
    );
    assert.deepEqual(
      (await documentList(page)).map((d) => d.included),
      [true, false, true, true, true, true],
    );
    session.assertClean();
  },
);
