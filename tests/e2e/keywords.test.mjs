// The 关键词 view as a person uses it: open the tab, read the table, sort by a column, narrow it
// to one document, find a term, export the CSV. Needs dist/ (`cargo xtask build`).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { startSession } from './harness.mjs';

const VIEW = '#view-keywords';
const number = (text) => Number(text.replace(/[,，\s]/g, ''));

test('keywords: a sortable table of terms, per document, with a CSV export', { timeout: 180_000 }, async (t) => {
  const session = await startSession();
  t.after(() => session.close());
  const { page } = session;

  try {
    // jieba's IDF table (fetched after the first analysis) held back: its TF-IDF is pending, the
    // rest is shown; once it is in, the cells fill in.
    let release = () => {};
    const held = new Promise((resolve) => (release = resolve));
    await session.context.route(/\.wxi$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(session.url);
    await page.waitForFunction(() => document.body.dataset.idf === 'loading', null, { timeout: 60_000 });
    await page.click('[data-tab="keywords"]');
    await page.waitForFunction((v) => document.querySelectorAll(`${v} tbody tr`).length >= 100, VIEW);
    const pending = page.locator(`${VIEW} td.tfidf.pending`);
    assert.equal(await pending.count(), await page.locator(`${VIEW} tbody tr`).count());
    assert.equal(await pending.first().textContent(), '…');
    assert.match(await pending.first().getAttribute('title'), /IDF/);
    await session.screenshot('keywords-idf-pending');
    release();
    await page.waitForFunction(() => document.body.dataset.state === 'ready' && document.body.dataset.idf === 'ready');
    await page.waitForFunction((v) => !document.querySelector(`${v} td.tfidf.pending`), VIEW);
    await session.context.unroute(/\.wxi$/);

    const terms = await page.locator(`${VIEW} td.term`).allTextContents();
    assert.ok(terms.length >= 100, `only ${terms.length} rows`);
    assert.ok(terms.includes('劳模'), `劳模 is not among ${terms.slice(0, 30).join(' ')}`);
    assert.ok(terms.includes('工会'), `工会 is not among ${terms.slice(0, 30).join(' ')}`);
    const summary = await page.locator(`${VIEW} .kw-summary`).textContent();
    assert.match(summary, /5 篇文档/);
    // Every row shows all nine columns (a box to pick it for 合并 first), weights with four decimals.
    const firstRow = await page.locator(`${VIEW} tbody tr`).first().locator('td').allTextContents();
    assert.equal(firstRow.length, 9, `first row: ${firstRow}`);
    assert.match(firstRow[6], /^\d+\.\d{4}$/, `TF-IDF cell: ${firstRow[6]}`);

    // Clicking the TextRank header sorts high to low; a second click reverses the order.
    const textrankHeader = page.locator(`${VIEW} th[data-key="textrank"]`);
    await textrankHeader.locator('button').click();
    assert.equal(await textrankHeader.getAttribute('aria-sort'), 'descending');
    const ranks = (await page.locator(`${VIEW} td.textrank`).allTextContents()).map(number);
    assert.equal(ranks.length, terms.length);
    for (let i = 1; i < ranks.length; i++) {
      assert.ok(ranks[i - 1] >= ranks[i], `TextRank not descending at row ${i}: ${ranks[i - 1]} < ${ranks[i]}`);
    }
    assert.ok(ranks[0] > ranks.at(-1), `no spread in TextRank: ${ranks[0]} … ${ranks.at(-1)}`);
    await session.screenshot('keywords-textrank');
    await textrankHeader.locator('button').click();
    assert.equal(await textrankHeader.getAttribute('aria-sort'), 'ascending');
    const ascending = (await page.locator(`${VIEW} td.textrank`).allTextContents()).map(number);
    assert.ok(ascending[0] <= ascending.at(-1));

    // The headers are buttons: the keyboard sorts too.
    const freqHeader = page.locator(`${VIEW} th[data-key="freq"]`);
    await freqHeader.locator('button').focus();
    await page.keyboard.press('Enter');
    assert.equal(await freqHeader.getAttribute('aria-sort'), 'descending');
    assert.equal(await textrankHeader.getAttribute('aria-sort'), null);
    const freqs = (await page.locator(`${VIEW} td.freq`).allTextContents()).map(number);
    assert.ok(
      freqs.every((f, i) => i === 0 || freqs[i - 1] >= f),
      'frequencies not descending',
    );

    // The filter box keeps only the matching terms.
    await page.fill(`${VIEW} .kw-filter`, '工会');
    const filtered = await page.locator(`${VIEW} td.term`).allTextContents();
    assert.ok(filtered.length >= 2 && filtered.length < terms.length, `filtered: ${filtered}`);
    assert.ok(
      filtered.every((term) => term.includes('工会')),
      `filtered: ${filtered}`,
    );
    assert.ok(filtered.includes('工会'));
    await page.fill(`${VIEW} .kw-filter`, '');

    // One document: its own analysis replaces the rows; every term is in exactly that document.
    const scope = page.locator(`${VIEW} select.kw-scope`);
    const options = await scope.locator('option').allTextContents();
    assert.equal(options.length, 6, `scope options: ${options}`);
    const wholeTerms = await page.locator(`${VIEW} td.term`).allTextContents();
    const wholeFreqList = (await page.locator(`${VIEW} td.freq`).allTextContents()).map(number);
    const wholeFreqs = new Map(wholeTerms.map((term, i) => [term, wholeFreqList[i]]));
    await scope.selectOption({ index: 5 });
    await page.waitForFunction(
      (v) =>
        document.querySelector(`${v} .kw-root`).dataset.state === 'ready' &&
        document.querySelector(`${v} .kw-root`).dataset.scope !== 'all',
      VIEW,
    );
    const docTerms = await page.locator(`${VIEW} td.term`).allTextContents();
    assert.ok(docTerms.length > 0, 'no rows for one document');
    assert.notDeepEqual(docTerms, wholeTerms, 'the rows did not change for one document');
    const docFreqs = await page.locator(`${VIEW} td.docfreq`).allTextContents();
    assert.ok(
      docFreqs.every((d) => d === '1'),
      `document frequencies in one document: ${[...new Set(docFreqs)]}`,
    );
    const oneDocFreqs = (await page.locator(`${VIEW} td.freq`).allTextContents()).map(number);
    docTerms.forEach((term, i) => {
      if (wholeFreqs.has(term))
        assert.ok(oneDocFreqs[i] <= wholeFreqs.get(term), `${term}: ${oneDocFreqs[i]} > ${wholeFreqs.get(term)}`);
    });
    const docSummary = await page.locator(`${VIEW} .kw-summary`).textContent();
    assert.ok(docSummary.includes(options[5].slice(0, 10)), `summary: ${docSummary}`);
    await session.screenshot('keywords-one-document');

    // Back to the whole selection: the controller's analysis is shown again.
    await scope.selectOption({ index: 0 });
    await page.waitForFunction((v) => document.querySelector(`${v} .kw-root`).dataset.scope === 'all', VIEW);
    assert.deepEqual(await page.locator(`${VIEW} td.term`).allTextContents(), wholeTerms);

    // CSV: UTF-8 with a BOM, the columns as shown, one line per row.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`${VIEW} .kw-export`)]);
    assert.match(download.suggestedFilename(), /^wenxi-keywords-.*\.csv$/);
    const bytes = await readFile(await download.path());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'no UTF-8 byte-order mark');
    const text = bytes.toString('utf8').slice(1);
    const lines = text.trim().split('\r\n');
    assert.equal(lines.length, wholeTerms.length + 1);
    assert.equal(lines[0].split(',').length, 8, `header: ${lines[0]}`);
    assert.match(lines[0], /TextRank/);
    assert.ok(
      lines.some((line) => line.split(',')[1] === '劳模'),
      'the CSV has no row for 劳模',
    );

    // A term is a button that opens its contexts.
    await page.locator(`${VIEW} td.term button`, { hasText: /^工会$/ }).click();
    await page.waitForFunction(() => document.querySelector('#view-kwic')?.getClientRects().length > 0);
    assert.equal(await page.locator('#view-kwic .kwic-search').inputValue(), '工会');
  } catch (err) {
    await session.screenshot('keywords-failure').catch(() => {});
    throw err;
  }
  session.assertClean();
});
