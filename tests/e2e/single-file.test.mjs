// The single file: dist-single/wenxi.html opened from the file system (file://), with no
// server, as a colleague who got it by e-mail would: the seeds' cloud, a dropped file, an export,
// and what IndexedDB keeps there. Not one request may use anything but file:, data: or blob:.
//
// `cargo xtask test` builds the file in the step before the browser tests; run by hand, this
// test builds it first (`cargo xtask single --no-wasm`, after `cargo xtask build`).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { before, test } from 'node:test';
import { dropFiles, textFile } from './files.mjs';
import { ROOT, startFileSession } from './harness.mjs';

const FILE = 'dist-single/wenxi.html';
const NOTE = '会议纪要.txt';
const NOTE_TRADITIONAL = '會議紀要.txt';
const NOTE_TRADITIONAL_TEXT = '會議討論了量子糾纏實驗。量子糾纏實驗的數據需要複核。';
const NOTE_TEXT = '会议讨论了量子纠缠实验。量子纠缠实验的数据需要复核，量子纠缠是本次会议的重点。';

before(() => {
  if (process.env.WENXI_XTASK_BIN) return;
  const built = spawnSync('cargo', ['xtask', 'single', '--no-wasm'], { cwd: ROOT, stdio: 'inherit' });
  assert.equal(built.status, 0, '`cargo xtask single --no-wasm` failed');
});

async function ready(page, after = 0) {
  await page.waitForFunction(
    (n) => document.body.dataset.state === 'ready' && Number(document.body.dataset.analysis) > n,
    after,
    { timeout: 60_000 },
  );
}

const cloudWords = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('#view-cloud svg text')].map((text) =>
      [...text.childNodes]
        .filter((n) => n.nodeName !== 'title')
        .map((n) => n.textContent)
        .join('')
        .trim(),
    ),
  );

const documentNames = (page) => page.locator('#documents .doc-name').allTextContents();

test('the single file works from file:// with no server', { timeout: 180_000 }, async (t) => {
  const { size } = await stat(`${ROOT}${FILE}`);
  const session = await startFileSession(FILE);
  t.after(() => session.close());
  const { page } = session;

  try {
    let started = Date.now();
    await page.goto(session.url);
    await ready(page);
    const cold = Date.now() - started;
    assert.ok(session.url.startsWith('file:///'), session.url);
    assert.match(await page.locator('#status').textContent(), /5 篇文档/);
    await page.waitForFunction(() => document.querySelectorAll('#view-cloud svg text').length > 20, null, {
      timeout: 30_000,
    });
    const words = await cloudWords(page);
    for (const word of ['劳模', '工会'])
      assert.ok(words.includes(word), `${word} is not in the cloud: ${words.slice(0, 30)}`);
    // The analysis runs in a worker (started from a blob: URL), not on the page's thread.
    assert.ok(
      page.workers().some((w) => w.url().startsWith('blob:')),
      `workers: ${page.workers().map((w) => w.url())}`,
    );
    // No service worker and no manifest in this build.
    assert.equal(await page.locator('link[rel="manifest"]').count(), 0);
    await session.screenshot('single-file-cloud');

    // Every view draws from the same worker.
    const atLeast = async (selector, n) => {
      await page.waitForFunction(([s, min]) => document.querySelectorAll(s).length >= min, [selector, n], {
        timeout: 30_000,
      });
    };
    for (const [tab, selector, n] of [
      ['keywords', '#view-keywords tbody tr', 20],
      ['network', '#view-network svg .net-node', 20],
      ['phrases', '#view-phrases tbody tr', 1],
      ['compare', '#view-compare table tbody tr', 1],
    ]) {
      await page.locator(`[data-tab="${tab}"]`).click();
      await atLeast(selector, n);
    }
    await session.screenshot('single-file-compare');
    // A word in the cloud opens its contexts (a kwic request to the worker).
    await page.locator('[data-tab="cloud"]').click();
    await page
      .locator('#view-cloud svg')
      .getByRole('button', { name: /^劳模[，,]/ })
      .click();
    await atLeast('#view-kwic td.kwic-keyword', 3);
    assert.deepEqual(new Set(await page.locator('#view-kwic td.kwic-keyword').allTextContents()), new Set(['劳模']));
    await page.locator('[data-tab="cloud"]').click();

    // A dropped file is read, segmented, listed and analysed.
    let count = Number(await page.evaluate(() => document.body.dataset.analysis));
    await dropFiles(page, [textFile(NOTE, NOTE_TEXT)]);
    await ready(page, count);
    assert.ok((await documentNames(page)).includes(NOTE), `documents: ${await documentNames(page)}`);
    count = Number(await page.evaluate(() => document.body.dataset.analysis));
    await page.locator('#documents li.doc', { hasText: NOTE }).locator('button.only').click();
    await ready(page, count);
    await page.waitForFunction(() => document.querySelectorAll('#view-cloud svg text').length > 2, null, {
      timeout: 30_000,
    });
    assert.ok((await cloudWords(page)).includes('纠缠'), `the note's words: ${await cloudWords(page)}`);
    await session.screenshot('single-file-dropped');

    // An export works under this file's CSP (the PNG is drawn from a blob: image).
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 15_000 }),
      page.locator('#view-cloud button[data-action="export-png"]').click(),
    ]);
    const png = await readFile(await download.path());
    assert.ok(download.suggestedFilename().endsWith('.png'), download.suggestedFilename());
    assert.deepEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], 'not a PNG');
    assert.ok(png.length > 5000, `PNG of ${png.length} bytes`);

    // Chromium keeps IndexedDB for file:// pages: the note and the selection come back.
    started = Date.now();
    await page.reload();
    await ready(page);
    const warm = Date.now() - started;
    assert.ok((await documentNames(page)).includes(NOTE), `after a reload: ${await documentNames(page)}`);
    assert.match(await page.locator('#status').textContent(), /6 篇文档（已选 1 篇）/);
    t.diagnostic(
      `${FILE}: ${(size / 2 ** 20).toFixed(2)} MiB; open to first analysis: cold ${cold} ms, reload ${warm} ms`,
    );

    // The part-of-speech model, fetched after the first analysis, came from its inline blob:;
    // a traditional note is converted with the script tables, inline as well.
    assert.equal(await page.evaluate(() => document.body.dataset.posseg), 'ready');
    count = Number(await page.evaluate(() => document.body.dataset.analysis));
    await dropFiles(page, [textFile(NOTE_TRADITIONAL, NOTE_TRADITIONAL_TEXT)]);
    await ready(page, count);
    assert.equal(await page.evaluate(() => document.body.dataset.scriptData), 'ready');
    const traditional = (await page.evaluate(() => window.wenxi.request('documents'))).at(-1);
    assert.deepEqual([traditional.name, traditional.converted], [NOTE_TRADITIONAL, true]);

    // A large drop is segmented by the pool, whose workers start from blob: URLs here too.
    count = Number(await page.evaluate(() => document.body.dataset.analysis));
    const large = (name) =>
      textFile(name, `${name}\n${NOTE_TEXT.repeat(Math.ceil(1_100_000 / Buffer.byteLength(NOTE_TEXT)))}`);
    await dropFiles(page, [large('大文件一.txt'), large('大文件二.txt')]);
    await ready(page, count);
    assert.equal(await page.evaluate(() => document.body.dataset.pooled), '2');

    const foreign = session.requests.filter((url) => !/^(file|data|blob):/.test(url));
    assert.deepEqual(foreign, [], 'requests beyond file:, data: and blob:');
  } catch (err) {
    await session.screenshot('single-file-failure').catch(() => {});
    throw err;
  }
  session.assertClean();
});
