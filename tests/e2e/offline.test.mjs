// Offline after the first visit, installable, and a new version announced rather than mixed
// in: the service worker (Workbox, vite-plugin-pwa) precaches every file of dist/. Needs dist/
// (`cargo xtask build`).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { dropFiles, textFile } from './files.mjs';
import { ROOT, startSession } from './harness.mjs';

const NOTE = '离线笔记.txt';
const NOTE_TEXT = '火车上没有网络。离线笔记记录了量子纠缠实验的进展，量子纠缠实验需要耐心。';

/** Waits until the page is ready with more than `after` analyses done. */
async function ready(page, after = 0) {
  await page.waitForFunction(
    (n) => document.body.dataset.state === 'ready' && Number(document.body.dataset.analysis) > n,
    after,
    { timeout: 60_000 },
  );
}

/** Waits until the service worker is active and controls the page (it claims it on install). */
async function controlled(page) {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
    }
    return { scope: registration.scope, script: navigator.serviceWorker.controller.scriptURL };
  });
}

/** What the precache holds: {name: [paths…]} for every cache of the page's origin. */
async function cached(page) {
  return page.evaluate(async () => {
    const out = {};
    for (const name of await caches.keys()) {
      const requests = await (await caches.open(name)).keys();
      out[name] = requests.map((r) => {
        const url = new URL(r.url);
        return url.pathname.slice(1) + url.search;
      });
    }
    return out;
  });
}

/** The words drawn in the cloud, without their <title> tooltips. */
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

const NOTE_TRADITIONAL = '離線筆記（繁體）.txt';
const NOTE_TRADITIONAL_TEXT = '火車上沒有網絡。離線筆記記錄了量子糾纏實驗的進展，量子糾纏實驗需要耐心。';

const documentNames = (page) => page.locator('#documents .doc-name').allTextContents();

test(
  'after the first visit the page is installable and works with the network off',
  { timeout: 180_000 },
  async (t) => {
    const session = await startSession();
    t.after(() => session.close());
    const { page, context } = session;

    try {
      let started = Date.now();
      await page.goto(session.url);
      await ready(page);
      const cold = Date.now() - started;

      const worker = await controlled(page);
      assert.equal(worker.script, `${session.url}sw.js`);

      // Installable: Chromium finds nothing missing but what a test profile lacks (it is
      // incognito; it reports every other problem beside that one, e.g. a missing icon).
      const cdp = await context.newCDPSession(page);
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      assert.deepEqual(
        installabilityErrors.filter((e) => e.errorId !== 'in-incognito'),
        [],
      );
      const { errors, data } = await cdp.send('Page.getAppManifest');
      assert.deepEqual(errors, []);
      const manifest = JSON.parse(data);
      assert.deepEqual(
        [manifest.name, manifest.short_name, manifest.lang, manifest.display, manifest.start_url],
        ['文析 Wenxi', '文析', 'zh-CN', 'standalone', './'],
      );
      assert.deepEqual([manifest.theme_color, manifest.background_color], ['#b3261e', '#ffffff']);
      assert.deepEqual(
        manifest.icons.map((i) => `${i.sizes} ${i.purpose}`),
        ['192x192 any', '512x512 any', '192x192 maskable', '512x512 maskable'],
      );
      await cdp.detach();
      // Once everything is stored, the page says so (and that note goes away by itself).
      const note = page.locator('#offline-banner.ready');
      await note.waitFor({ state: 'visible', timeout: 30_000 });
      assert.match(await note.textContent(), /断网时也能打开使用/);

      // Every file of dist/ is in one precache (named for Wenxi), the 10 MB .wasm included.
      const stored = await cached(page);
      const precaches = Object.keys(stored).filter((name) => name.startsWith('wenxi-precache-'));
      assert.equal(precaches.length, 1, `caches: ${Object.keys(stored)}`);
      const paths = stored[precaches[0]];
      for (const expected of [
        /^index\.html\?__WB_REVISION__=/,
        /^assets\/index-.*\.js$/,
        /^assets\/worker-.*\.js$/,
        // The pool's worker, started only for a large drop (www/pool.js).
        /^assets\/pool-worker-.*\.js$/,
        /^assets\/index-.*\.css$/,
        /^assets\/wenxi_bg-.*\.wasm$/,
        // Fetched only when needed (the script tables, the part-of-speech model), precached all the same.
        /^assets\/wenxi-.*\.wxs$/,
        /^assets\/wenxi-.*\.wxp$/,
        /^assets\/wenxi-.*\.wxi$/,
        /^seeds\/index\.json/,
        /^manifest\.webmanifest/,
        /^icons\/icon-512\.png/,
      ]) {
        assert.ok(
          paths.some((p) => expected.test(p)),
          `${expected} is not precached: ${paths.join(' ')}`,
        );
      }
      const seeds = JSON.parse(readFileSync(join(ROOT, 'seeds', 'index.json'), 'utf8')).files;
      for (const seed of seeds)
        assert.ok(
          paths.some((p) => p.startsWith(`seeds/${seed}`)),
          `${seed} is not precached`,
        );

      // A reload with the network on is served by the service worker too.
      started = Date.now();
      let response = await page.reload();
      await ready(page);
      const warm = Date.now() - started;
      assert.ok(response.fromServiceWorker(), 'the page came from the network, not the service worker');

      // --- the network off -------------------------------------------------------------------
      await context.setOffline(true);
      started = Date.now();
      response = await page.reload();
      await ready(page);
      const offline = Date.now() - started;
      assert.ok(response.fromServiceWorker());
      assert.equal(await page.evaluate(() => navigator.onLine), false, 'the browser does not think it is offline');
      t.diagnostic(`load to first analysis: cold ${cold} ms, warm (service worker) ${warm} ms, offline ${offline} ms`);

      assert.match(await page.locator('#status').textContent(), /5 篇文档/);
      // jieba's IDF table, fetched after the first analysis, comes from the precache too.
      assert.equal(await page.evaluate(() => document.body.dataset.idf), 'ready');
      const keywords = await page.evaluate(() => window.wenxi.request('analyze', {}));
      assert.equal(keywords.idfLoaded, true);
      assert.ok(
        keywords.terms.every((term) => term.tfidf > 0),
        'jieba TF-IDF is missing offline',
      );
      await page.waitForFunction(() => document.querySelectorAll('#view-cloud svg text').length > 20, null, {
        timeout: 30_000,
      });
      const words = await cloudWords(page);
      for (const word of ['劳模', '工会'])
        assert.ok(words.includes(word), `${word} is not in the cloud: ${words.slice(0, 30)}`);
      await session.screenshot('offline-cloud');

      await page.locator('[data-tab="network"]').click();
      await page.waitForFunction(() => document.querySelectorAll('#view-network svg .net-node').length >= 20, null, {
        timeout: 30_000,
      });
      const labels = await page.locator('#view-network svg text').allTextContents();
      assert.ok(labels.includes('劳模'), `劳模 is not in the network: ${labels.join(' ')}`);
      await session.screenshot('offline-network');

      // A file dropped while offline is read, segmented and listed, and its words counted.
      const before = Number(await page.evaluate(() => document.body.dataset.analysis));
      await dropFiles(page, [textFile(NOTE, NOTE_TEXT)]);
      await ready(page, before);
      assert.ok((await documentNames(page)).includes(NOTE), `documents: ${await documentNames(page)}`);
      assert.match(await page.locator('#status').textContent(), /6 篇文档/);
      await page.locator('#documents li.doc', { hasText: NOTE }).locator('button.only').click();
      await ready(page, before + 1);
      await page.locator('[data-tab="cloud"]').click();
      await page.waitForFunction(() => document.querySelectorAll('#view-cloud svg text').length > 2, null, {
        timeout: 30_000,
      });
      assert.ok((await cloudWords(page)).includes('量子'), `the note's words: ${await cloudWords(page)}`);
      await session.screenshot('offline-dropped');

      // A traditional file dropped offline is still converted: the script tables (fetched only
      // now, for the first traditional document of this workspace) come from the precache.
      const analyses = await page.evaluate(() => Number(document.body.dataset.analysis));
      await dropFiles(page, [textFile(NOTE_TRADITIONAL, NOTE_TRADITIONAL_TEXT)]);
      await page.waitForFunction(() => document.body.dataset.scriptData === 'ready', null, { timeout: 30_000 });
      await ready(page, analyses + 1);
      const converted = await page.evaluate(() => window.wenxi.request('documents'));
      const traditional = converted.find((d) => d.name === NOTE_TRADITIONAL);
      assert.deepEqual([traditional?.script, traditional?.converted], ['traditional', true]);
    } catch (err) {
      await session.screenshot('offline-failure').catch(() => {});
      throw err;
    } finally {
      await context.setOffline(false);
    }
    session.assertClean();
  },
);

test(
  'a new version waits for the person: a banner, a reload, and the old files gone',
  { timeout: 180_000 },
  async (t) => {
    // A copy of dist/ that the test turns into "the next build" while the page is open.
    const site = mkdtempSync(join(tmpdir(), 'wenxi-update-'));
    cpSync(join(ROOT, 'dist'), site, { recursive: true });
    t.after(() => rmSync(site, { recursive: true, force: true }));
    const session = await startSession({ dir: site });
    t.after(() => session.close());
    const { page } = session;

    try {
      await page.goto(session.url);
      await ready(page);
      await controlled(page);
      const first = await cached(page);
      const [precache] = Object.keys(first);
      const oldIndex = first[precache].filter((p) => p.startsWith('index.html?'));
      assert.equal(oldIndex.length, 1);

      // The next build: a changed index.html, so a new revision of it in sw.js (what vite build
      // writes; Workbox's revision is the file's MD5).
      const indexPath = join(site, 'index.html');
      const oldHtml = readFileSync(indexPath, 'utf8');
      const newHtml = oldHtml.replace('</head>', '<meta name="wenxi-build" content="next" /></head>');
      writeFileSync(indexPath, newHtml);
      const md5 = (text) => createHash('md5').update(text).digest('hex');
      const swPath = join(site, 'sw.js');
      const sw = readFileSync(swPath, 'utf8');
      const oldRevision = `{url:"index.html",revision:"${md5(oldHtml)}"}`;
      assert.ok(sw.includes(oldRevision), 'sw.js does not list index.html with its MD5 as revision');
      writeFileSync(swPath, sw.replace(oldRevision, `{url:"index.html",revision:"${md5(newHtml)}"}`));

      // The browser looks for a new version on each visit and every hour; here, at once.
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
      const banner = page.locator('#offline-banner.update');
      await banner.waitFor({ state: 'visible', timeout: 30_000 });
      assert.equal(await banner.locator('span').textContent(), '新版本已就绪，刷新以使用');
      assert.equal(await banner.locator('button').textContent(), '刷新');
      // Until the person agrees, the open page keeps the old version: no reload, the old worker.
      assert.equal(await page.locator('meta[name="wenxi-build"]').count(), 0);
      assert.ok(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.waiting !== null)));
      await session.screenshot('offline-update-banner');

      // In English too.
      await page.click('#lang-switch');
      assert.equal(await banner.locator('span').textContent(), 'A new version is ready — reload to use it');
      await page.click('#lang-switch');

      // The button: the new worker takes over and the page reloads into the new version.
      await Promise.all([page.waitForEvent('load', { timeout: 30_000 }), banner.locator('button').click()]);
      await ready(page);
      assert.equal(
        await page.locator('meta[name="wenxi-build"]').count(),
        1,
        'the page did not load the new index.html',
      );
      assert.equal(await page.locator('#offline-banner.update').count(), 0);
      assert.ok(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.waiting === null)));

      // One precache still, holding the new index.html and not the old one.
      const second = await cached(page);
      assert.deepEqual(Object.keys(second), [precache]);
      const newIndex = second[precache].filter((p) => p.startsWith('index.html?'));
      assert.deepEqual(newIndex, [`index.html?__WB_REVISION__=${md5(newHtml)}`]);
      assert.equal(second[precache].length, first[precache].length);
      await session.screenshot('offline-after-update');
    } catch (err) {
      await session.screenshot('offline-update-failure').catch(() => {});
      throw err;
    }
    session.assertClean();
  },
);
