// The page as a person first sees it: the five bundled articles listed, and the top terms that
// the wasm Analyzer (in the worker) computed from them. Needs dist/ (`cargo xtask build`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startSession } from './harness.mjs';

test('the page lists the five seeds and shows terms from the wasm analysis', { timeout: 120_000 }, async (t) => {
  const session = await startSession();
  t.after(() => session.close());
  const { page } = session;

  try {
    await page.goto(session.url);
    await page.waitForFunction(() => document.body.dataset.state !== 'loading', null, {
      timeout: 60_000,
    });
    const state = await page.evaluate(() => document.body.dataset.state);
    const status = await page.locator('#status').textContent();
    assert.equal(state, 'ready', `the page reports: ${status}`);

    const docs = page.locator('#documents tbody tr');
    assert.equal(await docs.count(), 5);
    const titles = await page.locator('#documents tbody td.title').allTextContents();
    assert.ok(titles.every((title) => title.trim().length > 0), `titles: ${titles}`);
    const encodings = await page.locator('#documents tbody td.encoding').allTextContents();
    assert.deepEqual(encodings, Array(5).fill('UTF-8'));

    const terms = await page.locator('#terms tbody td.term').allTextContents();
    assert.ok(terms.length > 0, 'no terms shown');
    assert.ok(terms.includes('劳模'), `劳模 is not among ${terms.slice(0, 30).join(' ')}`);
    assert.ok(terms.includes('工会'), `工会 is not among ${terms.slice(0, 30).join(' ')}`);
    assert.match(status, /5 篇文档/);

    await session.screenshot('smoke');
  } catch (err) {
    await session.screenshot('smoke-failure').catch(() => {});
    throw err;
  }
  session.assertClean();
});
