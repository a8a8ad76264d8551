// The page as a person first sees it: the five bundled articles listed, and a word cloud that
// the wasm Analyzer (in the worker) computed from them. Needs dist/ (`cargo xtask build`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startSession } from './harness.mjs';

test('the page lists the five seeds and shows their words in the cloud', { timeout: 120_000 }, async (t) => {
  const session = await startSession();
  t.after(() => session.close());
  const { page } = session;

  try {
    await page.goto(session.url);
    await page.waitForFunction(() => !['loading', 'snapshot'].includes(document.body.dataset.state), null, {
      timeout: 60_000,
    });
    const status = await page.locator('#status').textContent();
    assert.equal(await page.evaluate(() => document.body.dataset.state), 'ready', `the page reports: ${status}`);
    assert.match(status, /5 篇文档/);

    assert.equal(await page.locator('#documents li.doc').count(), 5);
    const titles = await page.locator('#documents .doc-title').allTextContents();
    assert.ok(
      titles.every((title) => title.trim().length > 0),
      `titles: ${titles}`,
    );
    assert.deepEqual(await page.locator('#documents .doc-encoding').allTextContents(), Array(5).fill('UTF-8'));
    assert.ok(await page.locator('#drop-overlay').isHidden(), 'the drop overlay shows without a drag');

    await page.waitForFunction(() => document.querySelectorAll('#view-cloud svg text').length > 20, null, {
      timeout: 30_000,
    });
    // The words as drawn, without their hover tooltips (<title> children).
    const words = await page.evaluate(() =>
      [...document.querySelectorAll('#view-cloud svg text')].map((text) =>
        [...text.childNodes]
          .filter((n) => n.nodeName !== 'title')
          .map((n) => n.textContent)
          .join('')
          .trim(),
      ),
    );
    assert.ok(words.includes('劳模'), `劳模 is not in the cloud: ${words.slice(0, 30).join(' ')}`);
    assert.ok(words.includes('工会'), `工会 is not in the cloud: ${words.slice(0, 30).join(' ')}`);
    await session.screenshot('smoke');
  } catch (err) {
    await session.screenshot('smoke-failure').catch(() => {});
    throw err;
  }
  session.assertClean();
});
