// The 语境 (keyword-in-context) view as a person uses it: type a word, read the lines, re-sort,
// narrow the context, export the CSV. Needs dist/ (`cargo xtask build`).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { startSession } from './harness.mjs';

const VIEW = '#view-kwic';
const chars = (text) => [...text].length;

/**
 * Waits until the concordance is ready and its rows pass `check`: 'any', 'sortedRight',
 * `width:N` (no context longer than N) or `keyword:W` (every keyword is W). Named checks, not
 * functions: the page's CSP forbids turning strings into code.
 */
const rowsWhere = (page, check) =>
  page.waitForFunction(
    ([v, check]) => {
      if (document.querySelector(`${v} .kwic-root`).dataset.state !== 'ready') return false;
      const rows = [...document.querySelectorAll(`${v} tbody tr`)].map((tr) => ({
        left: tr.querySelector('.kwic-left').textContent,
        keyword: tr.querySelector('.kwic-keyword').textContent,
        right: tr.querySelector('.kwic-right').textContent,
      }));
      if (rows.length === 0) return false;
      const [name, arg] = check.split(':');
      if (name === 'sortedRight') return rows.every((r, i) => i === 0 || rows[i - 1].right <= r.right);
      if (name === 'width')
        return rows.every((r) => [...r.left].length <= Number(arg) && [...r.right].length <= Number(arg));
      if (name === 'keyword') return rows.every((r) => r.keyword === arg);
      return true;
    },
    [VIEW, check],
  );

test('kwic: every occurrence of a typed word, aligned, sortable and exportable', { timeout: 180_000 }, async (t) => {
  const session = await startSession();
  t.after(() => session.close());
  const { page } = session;

  try {
    await page.goto(session.url);
    await page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 60_000 });

    // The frequency of 工会 in the keywords table is what the concordance must count.
    await page.click('[data-tab="keywords"]');
    const freqCell = page
      .locator('#view-keywords tbody tr', { has: page.locator('td.term', { hasText: /^工会$/ }) })
      .locator('td.freq');
    const freq = Number((await freqCell.textContent()).replace(/,/g, ''));

    await page.click('[data-tab="kwic"]');
    assert.match(await page.locator(`${VIEW} .kwic-empty`).textContent(), /点击/);

    await page.fill(`${VIEW} .kwic-search`, '工会');
    await page.press(`${VIEW} .kwic-search`, 'Enter');
    await rowsWhere(page, 'any');
    const keywords = await page.locator(`${VIEW} td.kwic-keyword`).allTextContents();
    assert.ok(keywords.length > 0);
    assert.ok(
      keywords.every((k) => k === '工会'),
      `keywords: ${[...new Set(keywords)]}`,
    );
    const summary = await page.locator(`${VIEW} .kwic-summary`).textContent();
    const total = Number(/共 ([\d,]+) 处/.exec(summary)?.[1].replace(/,/g, ''));
    assert.equal(total, keywords.length, `summary: ${summary}`);
    assert.equal(total, freq, `KWIC total ${total} vs keyword frequency ${freq}`);
    const docs = await page.locator(`${VIEW} td.kwic-doc`).allTextContents();
    assert.ok(
      docs.every((d) => d.length > 0),
      'a line has no document title',
    );

    // The keyword column lines up: every keyword cell starts at the same x, and every left
    // context ends before it.
    const boxes = await page.locator(`${VIEW} td.kwic-keyword`).evaluateAll((cells) =>
      cells.slice(0, 30).map((cell) => {
        const row = cell.parentElement;
        return {
          keyword: cell.getBoundingClientRect().left,
          leftEnd: row.querySelector('.kwic-left .kwic-text').getBoundingClientRect().right,
          rightStart: row.querySelector('.kwic-right .kwic-text').getBoundingClientRect().left,
          keywordEnd: cell.getBoundingClientRect().right,
        };
      }),
    );
    assert.ok(
      boxes.every((b) => Math.abs(b.keyword - boxes[0].keyword) < 0.5),
      'keyword cells are not aligned',
    );
    assert.ok(
      boxes.every((b) => b.leftEnd <= b.keyword + 0.5 && b.rightStart >= b.keywordEnd - 0.5),
      'contexts overlap the keyword',
    );
    await session.screenshot('kwic');

    // Sorted by the right context: the order changes and the right contexts are in order.
    const byPosition = await page.locator(`${VIEW} td.kwic-right`).allTextContents();
    await page.selectOption(`${VIEW} select.kwic-sort`, 'right');
    await rowsWhere(page, 'sortedRight');
    const byRight = await page.locator(`${VIEW} td.kwic-right`).allTextContents();
    assert.notDeepEqual(byRight, byPosition, 'sorting by the right context changed nothing');
    assert.deepEqual([...byRight].sort(), [...byPosition].sort(), 'sorting lost or added lines');

    // Width 10: no context is longer than ten characters (and most are exactly ten).
    await page.selectOption(`${VIEW} select.kwic-width`, '10');
    await rowsWhere(page, 'width:10');
    const lefts = await page.locator(`${VIEW} td.kwic-left`).allTextContents();
    const rights = await page.locator(`${VIEW} td.kwic-right`).allTextContents();
    assert.equal(lefts.length, total);
    assert.ok(lefts.every((l) => chars(l) <= 10) && rights.every((r) => chars(r) <= 10));
    assert.ok(lefts.filter((l) => chars(l) === 10).length > total / 2, 'contexts are shorter than asked');
    await session.screenshot('kwic-width-10');

    // CSV: BOM, document/left/keyword/right/offset, one line per occurrence.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`${VIEW} .kwic-export`)]);
    assert.match(download.suggestedFilename(), /^wenxi-kwic-.*\.csv$/);
    const bytes = await readFile(await download.path());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'no UTF-8 byte-order mark');
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    assert.equal(lines.length, total + 1);
    assert.equal(lines[0], '文档,左侧语境,关键词,右侧语境,位置（字）');
    assert.ok(
      lines.slice(1).every((line) => line.includes(',工会,')),
      'a CSV line lacks the keyword',
    );
    assert.ok(
      lines.slice(1).every((line) => /,\d+$/.test(line)),
      'a CSV line lacks its offset',
    );

    // A word that is not a term is found as a substring (an unaccepted phrase).
    await page.fill(`${VIEW} .kwic-search`, '劳模精神');
    await page.press(`${VIEW} .kwic-search`, 'Enter');
    await rowsWhere(page, 'keyword:劳模精神');

    // And a word that does not occur says so.
    await page.fill(`${VIEW} .kwic-search`, '量子计算机');
    await page.press(`${VIEW} .kwic-search`, 'Enter');
    await page.waitForFunction(
      (v) => document.querySelector(`${v} .kwic-empty`).textContent.includes('没有找到'),
      VIEW,
    );
    assert.equal(await page.locator(`${VIEW} tbody tr`).count(), 0);
  } catch (err) {
    await session.screenshot('kwic-failure').catch(() => {});
    throw err;
  }
  session.assertClean();
});
