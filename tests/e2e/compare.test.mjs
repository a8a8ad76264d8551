// The compare tab as a person uses it: pick a document, read what sets it apart from the
// others (table and cloud), open a word's contexts, download the table, compare a date range
// with what the document panel's search shows, and be told clearly when there is nothing to
// compare with; the cloud coloured by keyness against the reference chosen here, with this
// view's numbers, kept across a reload. Needs dist/ (`cargo xtask build`).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { startSession } from './harness.mjs';

const VIEW = '#view-compare';
const CLOUD = '#view-cloud';

async function openPage(session) {
  const { page } = session;
  await page.goto(session.url);
  // 'ready': the part-of-speech model fetched after the first analysis is in, and analysed.
  await page.waitForFunction(
    () => Number(document.body.dataset.analysis) >= 1 && document.body.dataset.state === 'ready',
    null,
    { timeout: 60_000 },
  );
}

async function afterAnalysis(page, action) {
  const before = await page.evaluate(() => Number(document.body.dataset.analysis));
  await action();
  await page.waitForFunction((n) => Number(document.body.dataset.analysis) > n, before, { timeout: 30_000 });
}

/** The keyness table (the over-used, or the under-used): [{term, target, reference, llr, logRatio}]. */
function readTable(page, table = 'compare-over') {
  const number = (text) => Number(text.replace(/[,，]/g, ''));
  return page
    .$$eval(`${VIEW} table.${table} tbody tr`, (rows) =>
      rows.map((row) => [...row.cells].map((c) => c.textContent.trim())),
    )
    .then((rows) =>
      rows.map((cells) => ({
        term: cells[1],
        target: number(cells[2]),
        reference: number(cells[3]),
        llr: number(cells[4]),
        logRatio: number(cells[5]),
      })),
    );
}

/** The cloud's words: visible text and font size, once its layout (in the cloud's worker) is drawn. */
async function readCloud(page) {
  await page.locator(`${VIEW} svg[data-state=drawn]`).waitFor();
  return page.$$eval(`${VIEW} svg text`, (nodes) =>
    nodes.map((node) => ({
      text: [...node.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.data)
        .join(''),
      size: Number(node.getAttribute('font-size')),
    })),
  );
}

/** Waits until the table's first rows differ from `before` (a new result arrived). */
async function tableChangedFrom(page, before) {
  await page.waitForFunction(
    ([sel, old]) => {
      const rows = [...document.querySelectorAll(`${sel} table.compare-over tbody tr`)].slice(0, 10);
      return rows.length > 0 && rows.map((r) => r.cells[1]?.textContent.trim()).join('|') !== old;
    },
    [
      VIEW,
      before
        .slice(0, 10)
        .map((r) => r.term)
        .join('|'),
    ],
    { timeout: 15_000 },
  );
}

test('compare shows what sets a document apart, as a table and a cloud', { timeout: 180_000 }, async (t) => {
  const session = await startSession();
  t.after(() => session.close());
  const { page } = session;

  try {
    await openPage(session);
    await page.locator('[data-tab="compare"]').click();
    const view = page.locator(VIEW);
    await view.waitFor({ state: 'visible' });
    await page.locator(`${VIEW} table.compare-over tbody tr`).first().waitFor({ timeout: 15_000 });

    // The target list: every document by title, the first one chosen; then the sets of
    // documents (seed 001 is the only one with a date: the year 2020).
    const target = view.getByRole('combobox', { name: '目标文档' });
    const options = await target.locator(':scope > option').allTextContents();
    assert.equal(options.length, 5, `options: ${options}`);
    assert.deepEqual(await target.locator('optgroup[label="年份"] option').allTextContents(), ['2020 (1)']);
    const titles = await page.locator('#documents').textContent();
    for (const title of options) assert.ok(titles.includes(title.slice(0, 10)), `"${title}" is not a document title`);
    const firstId = await target.locator('option').first().getAttribute('value');
    assert.equal(await target.inputValue(), firstId, 'the first document is not the default');

    // The heading names what is compared.
    assert.equal(await view.locator('.compare-heading').textContent(), `「${options[0]}」的特色词`);
    assert.match(await page.locator(`${VIEW} .compare-summary`).textContent(), /对比其余 4 篇文档/);
    const headers = (await page.locator(`${VIEW} thead th`).allTextContents()).join(' ');
    const short = (/** @type {string} */ label) =>
      [...label].length > 14 ? `${[...label].slice(0, 13).join('')}…` : label;
    for (const name of ['词语', `「${short(options[0])}」频次`, '其余文档频次', 'G²', '对数比'])
      assert.ok(headers.includes(name), headers);

    const first = await readTable(page);
    assert.ok(first.length >= 20, `only ${first.length} key terms`);
    for (const row of first) {
      assert.ok(row.llr > 0, `${row.term} has G² ${row.llr}: only over-used terms are listed`);
      assert.ok(row.logRatio > 0, `${row.term} has log ratio ${row.logRatio}`);
      assert.ok(row.target > 0, `${row.term} does not occur in the document`);
    }
    for (let i = 1; i < first.length; i++) assert.ok(first[i - 1].llr >= first[i].llr, 'not ordered by G²');

    // Its cloud: sized by G², the strongest word the largest.
    const cloud = await readCloud(page);
    assert.ok(cloud.length >= 20, `only ${cloud.length} words in the compare cloud`);
    const largest = cloud.reduce((a, b) => (b.size > a.size ? b : a));
    assert.equal(largest.text, first[0].term, 'the largest word is not the key term with the highest G²');
    for (const word of cloud)
      assert.ok(
        first.some((row) => row.term === word.text),
        `${word.text} is not in the table`,
      );
    await session.screenshot('compare-first');

    // Another document: another list.
    const secondId = await target.locator('option').nth(1).getAttribute('value');
    await target.selectOption(secondId);
    await tableChangedFrom(page, first);
    const second = await readTable(page);
    assert.notDeepEqual(
      second.slice(0, 10).map((r) => r.term),
      first.slice(0, 10).map((r) => r.term),
    );
    const cloud2 = await readCloud(page);
    assert.equal(cloud2.reduce((a, b) => (b.size > a.size ? b : a)).text, second[0].term);
    await session.screenshot('compare-second');

    // Against another set instead of the rest: the first document.
    await view.getByRole('combobox', { name: '对照' }).selectOption(firstId);
    await page.waitForFunction(
      (sel) => /对比「.+」（[\d,]+ 个词次）/.test(document.querySelector(sel).textContent),
      `${VIEW} .compare-summary`,
    );
    // The reference's column names it, not "the others".
    const againstHeads = await page.locator(`${VIEW} table.compare-over thead th`).allTextContents();
    assert.equal(againstHeads[3], `「${short(options[0])}」频次`, againstHeads.join(' '));

    // The cloud by keyness against the reference chosen here: the legend names it, and a word
    // listed here as over-used (under-used) is drawn in an over-used (under-used) colour.
    const over = (await readTable(page)).filter((row) => row.llr >= 3.84);
    const under = await readTable(page, 'compare-under');
    assert.ok(under.length > 0 && under.every((row) => row.llr <= -3.84), JSON.stringify(under));
    await page.locator('[data-tab="cloud"]').click();
    const cloudView = page.locator(CLOUD);
    await cloudView.locator('select[name=colorBy]').selectOption('keyness');
    const reference = `对照：「${short(options[0])}」`;
    const cloudLegend = cloudView.locator('.cloud-legend');
    await cloudLegend.getByText(reference).waitFor();
    /** Waits for a word of `over` and one of `under`, both drawn, in colours of their kind. */
    const keyColoured = () =>
      page.waitForFunction(
        ([sel, overTerms, underTerms]) => {
          const colours = (kind) =>
            [...document.querySelectorAll(`${sel} .cloud-legend li[data-key^=${kind}]`)].map((li) => li.dataset.color);
          const fills = new Map(
            [...document.querySelectorAll(`${sel} svg text.cloud-word`)].map((n) => [
              n.lastChild?.data,
              n.getAttribute('fill'),
            ]),
          );
          const drawn = (terms, kind) => terms.find((term) => colours(kind).includes(fills.get(term)));
          const [o, u] = [drawn(overTerms, 'over'), drawn(underTerms, 'under')];
          return o && u && overTerms.filter((x) => fills.has(x)).every((x) => colours('over').includes(fills.get(x)))
            ? [o, u]
            : null;
        },
        [CLOUD, over.map((row) => row.term), under.map((row) => row.term)],
        { timeout: 15_000 },
      );
    const [overWord, underWord] = await (await keyColoured()).jsonValue();
    assert.ok(overWord && underWord);
    await session.screenshot('compare-cloud-keyness');
    // Kept across a reload: the cloud's legend and Compare's two choices.
    await page.reload();
    await page.waitForFunction(() => Number(document.body.dataset.analysis) >= 1, null, { timeout: 60_000 });
    await cloudLegend.getByText(reference).waitFor();
    await keyColoured();
    await page.locator('[data-tab="compare"]').click();
    assert.equal(await target.inputValue(), secondId);
    assert.equal(await view.getByRole('combobox', { name: '对照' }).inputValue(), firstId);
    await view.getByRole('combobox', { name: '对照' }).selectOption('');
    await page.waitForFunction(
      (sel) => document.querySelector(sel).textContent.includes('对比其余 4 篇文档'),
      `${VIEW} .compare-summary`,
    );
    // The rest again: the cloud's own reference (every document analysed: the dictionary).
    await page.locator('[data-tab="cloud"]').click();
    await cloudLegend.getByText('对照：jieba 词典词频').waitFor();
    await page.locator('[data-tab="compare"]').click();

    // CSV of the table.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      view.getByRole('button', { name: '导出 CSV' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^wenxi-keyness-.*\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    assert.ok(csv.startsWith('\uFEFF'), 'the CSV has no byte-order mark (Excel would garble Chinese)');
    const lines = csv.slice(1).trim().split(/\r\n/);
    assert.equal(lines[0], 'term,target_freq,reference_freq,llr,log_ratio');
    assert.ok(lines.length > second.length, `${lines.length - 1} CSV rows for ${second.length} table rows`);
    assert.ok(lines[1].startsWith(`${second[0].term},${second[0].target},${second[0].reference},`), lines[1]);

    // A word of the cloud opens its contexts.
    const word = second[0].term;
    await page
      .locator(`${VIEW} svg`)
      .getByRole('button', { name: new RegExp(`^${word}[，,]`) })
      .click();
    await page.locator('#view-kwic').waitFor({ state: 'visible' });
    await page.waitForFunction((w) => document.querySelector('#view-kwic').textContent.includes(w), word, {
      timeout: 15_000,
    });

    // Any two sets: a date range (seed 001, the one dated 2020) against what the panel's search
    // shows (seed 002), then the search changed (seed 003): the comparison follows it.
    await page.locator('[data-tab="compare"]').click();
    await view.locator('input[name=range-from]').fill('2020-01-01');
    await view.locator('input[name=range-to]').fill('2020-12-31');
    await target.selectOption('range');
    const summary = page.locator(`${VIEW} .compare-summary`);
    await page.waitForFunction(
      (sel) => document.querySelector(sel).textContent.startsWith('「2020-01-01 至 2020-12-31（1）」'),
      `${VIEW} .compare-summary`,
    );
    assert.match(await summary.textContent(), /对比其余 4 篇文档/);
    assert.equal(await view.locator('.compare-heading').textContent(), '「2020-01-01 至 2020-12-31（1）」的特色词');
    const search = page.locator('#documents .doc-search');
    await search.fill(options[2]);
    await page.waitForFunction(() =>
      /显示 1 \/ 5 篇/.test(document.querySelector('#documents .doc-count').textContent),
    );
    await view.getByRole('combobox', { name: '对照' }).selectOption('shown');
    await page.waitForFunction(
      (sel) => document.querySelector(sel).textContent.includes('对比「当前筛选的文档（1）」'),
      `${VIEW} .compare-summary`,
    );
    const againstSearch = await summary.textContent();
    await search.fill(options[3]);
    await page.waitForFunction(
      ([sel, old]) => {
        const text = document.querySelector(sel).textContent;
        return text !== old && text.includes('对比「当前筛选的文档（1）」');
      },
      [`${VIEW} .compare-summary`, againstSearch],
    );
    await session.screenshot('compare-range-against-search');
    // Nothing the search shows: said so, no table.
    await search.fill('没有这样的文档标题');
    await page.locator(`${VIEW} .compare-message`).getByText('没有纳入分析的文档').waitFor();
    await search.fill('');
    await target.selectOption(firstId);
    await view.getByRole('combobox', { name: '对照' }).selectOption('');

    // Only one document included: a clear message, no table.
    const boxes = page.locator('#documents input[type=checkbox]');
    for (let i = 1; i < 5; i++) await afterAnalysis(page, () => boxes.nth(i).uncheck());
    const message = page.locator(`${VIEW} .compare-message`);
    await message.waitFor({ state: 'visible' });
    assert.match(await message.textContent(), /至少两篇/);
    assert.ok(!(await page.locator(`${VIEW} table.compare-over`).isVisible()), 'the table is still shown');
    await session.screenshot('compare-one-document');

    // Two again: the comparison is back, against the one other document.
    await afterAnalysis(page, () => boxes.nth(2).check());
    await page.locator(`${VIEW} table.compare-over tbody tr`).first().waitFor({ state: 'visible' });
    assert.match(await page.locator(`${VIEW} .compare-summary`).textContent(), /对比其余 1 篇文档/);
    const two = await readTable(page);
    assert.ok(two.length > 0);
    await page.locator(`${VIEW} svg text`).first().waitFor({ state: 'visible' });
    const cloud3 = await readCloud(page);
    assert.equal(cloud3.reduce((a, b) => (b.size > a.size ? b : a)).text, two[0].term);
  } catch (err) {
    await session.screenshot('compare-failure').catch(() => {});
    throw err;
  }
  session.assertClean();
});
