// The 短语 view as a person uses it: read the discovered phrases, accept one (it becomes a single
// word everywhere), add a word by hand, export the CSV. Needs dist/ (`cargo xtask build`).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { startSession } from './harness.mjs';

const VIEW = '#view-phrases';
const analysisCount = (page) => page.evaluate(() => Number(document.body.dataset.analysis ?? 0));
const phrasesShown = (page) => page.locator(`${VIEW} td.phrase`).allTextContents();

test('phrases: discovered phrases can be accepted as words', { timeout: 180_000 }, async (t) => {
  const session = await startSession();
  t.after(() => session.close());
  const { page } = session;

  try {
    await page.goto(session.url);
    await page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 60_000 });
    await page.click('[data-tab="phrases"]');
    await page.waitForFunction((v) => document.querySelectorAll(`${v} tbody tr`).length > 0, VIEW);

    const phrases = await phrasesShown(page);
    for (const phrase of ['劳模精神', '劳动精神', '工匠精神']) {
      assert.ok(phrases.includes(phrase), `${phrase} is not among ${phrases.join(' ')}`);
    }
    const row = page.locator(`${VIEW} tbody tr`, { has: page.locator('td.phrase', { hasText: /^劳模精神$/ }) });
    assert.equal(await row.locator('td.parts').textContent(), '劳模 + 精神');
    assert.ok(Number(await row.locator('td.count').textContent()) >= 3);
    await session.screenshot('phrases');

    // Sorting by count puts the most frequent phrase first.
    await page.locator(`${VIEW} th[data-key="count"] button`).click();
    const counts = (await page.locator(`${VIEW} td.count`).allTextContents()).map((c) => Number(c.replace(/,/g, '')));
    assert.ok(
      counts.every((c, i) => i === 0 || counts[i - 1] >= c),
      `counts not descending: ${counts}`,
    );

    // CSV: BOM, the phrase columns, the phrases.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`${VIEW} .ph-export`)]);
    const bytes = await readFile(await download.path());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'no UTF-8 byte-order mark');
    const csv = bytes.toString('utf8');
    assert.equal(csv.trim().split('\r\n').length, phrases.length + 1);
    assert.match(csv, /劳模精神,劳模 \+ 精神,/);

    // Accept 劳模精神: the controller re-segments and every view updates.
    const before = await analysisCount(page);
    await row.locator('button.accept').click();
    await page.waitForFunction((n) => Number(document.body.dataset.analysis) > n, before, { timeout: 60_000 });
    await page.waitForFunction(
      (v) => ![...document.querySelectorAll(`${v} td.phrase`)].some((td) => td.textContent === '劳模精神'),
      VIEW,
      { timeout: 10_000 },
    );
    const after = await phrasesShown(page);
    assert.ok(!after.includes('劳模精神'), '劳模精神 is still listed as a phrase');
    assert.ok(after.includes('工匠精神'), `工匠精神 went away too: ${after.join(' ')}`);
    assert.ok(
      (await page.locator(`${VIEW} .ph-chip`).allTextContents()).includes('劳模精神'),
      '劳模精神 is not shown among the user words',
    );
    await session.screenshot('phrases-accepted');

    // …and 劳模精神 is now one term of the keywords table (and of the word cloud).
    await page.click('[data-tab="keywords"]');
    await page.waitForFunction(
      () => [...document.querySelectorAll('#view-keywords td.term')].some((td) => td.textContent === '劳模精神'),
      null,
      { timeout: 10_000 },
    );
    if ((await page.locator('[data-tab="cloud"]').count()) > 0) {
      await page.click('[data-tab="cloud"]');
      await page.waitForFunction(
        // The word is the <text>'s own text; its <title> child holds the tooltip.
        () =>
          [...document.querySelectorAll('#view-cloud svg text')].some(
            (node) =>
              [...node.childNodes]
                .filter((n) => n.nodeType === Node.TEXT_NODE)
                .map((n) => n.nodeValue)
                .join('') === '劳模精神',
          ),
        null,
        { timeout: 20_000 },
      );
    }

    // Any word can be typed in; it joins the user words and leaves the phrase list.
    await page.click('[data-tab="phrases"]');
    assert.ok((await phrasesShown(page)).includes('广大劳动群众'));
    const beforeTyped = await analysisCount(page);
    await page.fill(`${VIEW} .ph-add-input`, '广大劳动群众');
    await page.press(`${VIEW} .ph-add-input`, 'Enter');
    await page.waitForFunction((n) => Number(document.body.dataset.analysis) > n, beforeTyped, { timeout: 60_000 });
    await page.waitForFunction(
      (v) => [...document.querySelectorAll(`${v} .ph-chip`)].some((li) => li.textContent === '广大劳动群众'),
      VIEW,
      { timeout: 10_000 },
    );
    assert.ok(!(await phrasesShown(page)).includes('广大劳动群众'));
    assert.equal(await page.locator(`${VIEW} .ph-add-input`).inputValue(), '');
  } catch (err) {
    await session.screenshot('phrases-failure').catch(() => {});
    throw err;
  }
  session.assertClean();
});
