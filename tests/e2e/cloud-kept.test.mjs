// A cloud laid out once is drawn again from the kept layout (www/cloud-layouts.js) when the same
// words and options come back — a reload draws its first cloud without waiting for the layout
// worker — and it is the same cloud; the kept layouts go when a document is removed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startSession } from './harness.mjs';

async function drawn(page) {
  await page.waitForFunction(
    () =>
      document.body.dataset.state === 'ready' &&
      document.querySelector('#view-cloud .cloud-box')?.dataset.state === 'drawn',
    null,
    { timeout: 60_000 },
  );
}

/** Each drawn word with where it is. */
const placed = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('#view-cloud svg text.cloud-word')].map((t) =>
      [t.lastChild?.textContent, t.getAttribute('x'), t.getAttribute('y'), t.getAttribute('font-size')].join(' '),
    ),
  );
const keptMarks = (page) => page.evaluate(() => performance.getEntriesByName('wenxi:cloud:layout-kept').length);

test(
  'a reload draws the same cloud from the kept layout; removing a document forgets it',
  { timeout: 120_000 },
  async (t) => {
    const session = await startSession();
    t.after(() => session.close());
    const { page } = session;
    await page.goto(session.url);
    await drawn(page);
    const first = await placed(page);
    assert.ok(first.length >= 100, `${first.length} words`);
    assert.ok(await page.evaluate(() => localStorage.getItem('wenxi-cloud-layouts')?.length > 0), 'kept');

    await page.reload();
    await drawn(page);
    assert.ok((await keptMarks(page)) >= 1, 'laid out from what was kept');
    assert.deepEqual(await placed(page), first, 'the same cloud');

    // Another arrangement (重新排列) is laid out anew, then kept too.
    const before = await keptMarks(page);
    await page.click('#view-cloud [data-action=reshuffle]');
    await page.waitForFunction(() => document.querySelector('#view-cloud .cloud-box')?.dataset.state === 'laying-out');
    await drawn(page);
    assert.notDeepEqual(await placed(page), first);
    assert.equal(await keptMarks(page), before, 'not from the kept layouts');
    const keys = (entries) => entries.map((entry) => entry.key);
    const kept = () => page.evaluate(() => JSON.parse(localStorage.getItem('wenxi-cloud-layouts') ?? '[]'));
    const earlier = keys(await kept());
    assert.equal(earlier.length, 2);

    // A document removed: the kept layouts (its words) go with it; only the cloud drawn after the
    // removal is kept.
    await page.locator('#documents li.doc').first().locator('button.remove').click();
    await page.waitForFunction((n) => document.querySelectorAll('#documents li.doc').length === n, 4);
    await drawn(page);
    const after = keys(await kept());
    assert.ok(after.length <= 1 && after.every((key) => !earlier.includes(key)), JSON.stringify(after).slice(0, 200));
    session.assertClean();
  },
);
