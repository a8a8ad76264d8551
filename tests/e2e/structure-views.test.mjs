// The views of issue 9 on the seeds, as a person meets them: 文本复用 opens on seeds 000 and 001
// side by side with their three shared passages marked (a click on one finds it in the other);
// 重复段落只计一次 makes the counts drop, and is kept across a reload; 原文 shows seed 001 with
// its page furniture greyed (its kind on hover), and its switch counts those lines again; 趋势
// from the contexts of a word, a click on a point lists its contexts, the dispersion plot, CSV.
// Screenshots at desktop size and at 390 × 844. One page session. Needs dist/ (`cargo xtask build`).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { startSession } from './harness.mjs';
import { afterAnalysis, documentList, openPage } from './files.mjs';

/** The token count of the status line ("… · 1,234 个词次 · …"). */
async function tokens(page) {
  const status = await page.locator('#status').textContent();
  return Number(/([\d,]+) 个词次/.exec(status)[1].replace(/,/g, ''));
}

test('reuse side by side, count once, and the document view with its furniture', { timeout: 180_000 }, async (t) => {
  const session = await startSession();
  t.after(() => session.close());
  const page = await openPage(session);
  const seeds = await documentList(page);

  // 文本复用: the most shared pair is open at first, 000 and 001, with three passages.
  await page.click('[data-tab="reuse"]');
  const view = page.locator('#view-reuse');
  await view.locator('.reuse-pair:not([hidden])').waitFor();
  assert.match(await view.locator('.reuse-summary').textContent(), /比较了 5 篇文档，\d+ 对共享至少 50 字的段落/);
  const first = view.locator('tbody tr').first();
  assert.deepEqual(
    (await first.locator('td.doc').allTextContents()).map((s) => s.trim()),
    [seeds[0].title, seeds[1].title],
  );
  assert.equal(await view.locator('.reuse-side[data-side=a] h4').textContent(), seeds[0].title);
  assert.equal(await view.locator('.reuse-side[data-side=b] h4').textContent(), seeds[1].title);
  const marks = view.locator('.reuse-side[data-side=a] mark');
  assert.equal(await marks.count(), 3);
  const lengths = (await marks.allTextContents()).map((s) => s.length).sort((a, b) => a - b);
  assert.ok(lengths[0] >= 60 && lengths[2] >= 132, `passages: ${lengths}`);
  await marks.nth(2).click();
  const other = view.locator('.reuse-side[data-side=b] mark[data-passage="2"]');
  assert.ok(await other.evaluate((m) => m.classList.contains('current')));
  assert.ok(await other.isVisible());
  await session.screenshot('reuse-desktop');

  // 重复段落只计一次: the shared passages no longer count twice.
  const before = await tokens(page);
  await afterAnalysis(page, () => view.locator('.reuse-once').check());
  const once = await tokens(page);
  assert.ok(once < before, `tokens ${before} -> ${once}`);
  await page.reload();
  await openPage(session);
  assert.equal(await tokens(page), once, 'count once was not kept across the reload');
  await page.click('[data-tab="reuse"]');
  assert.ok(await view.locator('.reuse-once').isChecked());
  await afterAnalysis(page, () => view.locator('.reuse-once').uncheck());
  assert.equal(await tokens(page), before);

  // 原文 from the panel: seed 001's furniture greyed in place, its kind on hover.
  await page.locator(`#documents li.doc[data-id="${seeds[1].id}"] button.open`).click();
  const reader = page.locator('#view-reader');
  await reader.locator('.line.furniture').first().waitFor();
  const furniture = reader.locator('.line.furniture');
  assert.ok((await furniture.count()) >= 5);
  assert.match(await furniture.first().getAttribute('title'), /（规则：.+）/);
  assert.ok(await reader.locator('.line:not(.furniture)', { hasText: '劳模' }).count());
  assert.match(await reader.locator('.reader-meta').textContent(), /行页面杂项（[\d,]+ 字）未计入/);
  await session.screenshot('reader-desktop');
  // Counted again: more tokens.
  const body = await tokens(page);
  await afterAnalysis(page, () => reader.locator('.reader-count').check());
  assert.ok((await tokens(page)) > body);
  await reader.locator('.reader-text.counted').waitFor();
  await afterAnalysis(page, () => reader.locator('.reader-all-off').click());
  assert.equal(await tokens(page), body);

  // 趋势 from the contexts of a word: by document (in date order), a click on a point lists its
  // contexts in that document; by group there is none to show; the CSV holds a row per point.
  await page.click('[data-tab="kwic"]');
  await page.fill('#view-kwic .kwic-search', '劳模');
  await page.click('#view-kwic .kwic-trend');
  const trends = page.locator('#view-trends');
  await trends.locator('.trends-chip', { hasText: '劳模' }).waitFor();
  await trends.locator('.trend-point').first().waitFor();
  assert.equal(
    await trends.locator('.trend-point').count(),
    10,
    'two terms (the top word and 劳模) over five documents',
  );
  const point = trends.locator('.trend-point[data-series="1"]').nth(1);
  assert.match(await point.locator('title').textContent(), /^劳模 · .+：每万词 [\d.]+（\d+ 次）$/);
  await point.click();
  await trends.locator('.trends-kwic:not([hidden]) li').first().waitFor();
  assert.match(await trends.locator('.trends-kwic h3').textContent(), /「劳模」在 .+ 中的语境（\d+ 处）/);
  assert.ok((await trends.locator('.trends-kwic mark.kw').first().textContent()) === '劳模');
  // The dispersion plot: a line per document, a tick per occurrence.
  assert.equal(await trends.locator('.trends-dispersion rect').count(), 5);
  assert.ok((await trends.locator('.trends-dispersion line').count()) > 5);
  const [csv] = await Promise.all([page.waitForEvent('download'), trends.locator('[data-export="trend-csv"]').click()]);
  const lines = (await readFile(await csv.path(), 'utf8')).trim().split(/\r\n/);
  assert.equal(lines.length, 6);
  assert.match(lines[0], /劳模 每万词/);
  await session.screenshot('trends-desktop');

  // The phone layout.
  await page.setViewportSize({ width: 390, height: 844 });
  await session.screenshot('trends-phone');
  await page.click('[data-tab="reader"]');
  await session.screenshot('reader-phone');
  await page.click('[data-tab="reuse"]');
  await view.locator('.reuse-pair:not([hidden])').waitFor();
  await session.screenshot('reuse-phone');
  session.assertClean();
});
