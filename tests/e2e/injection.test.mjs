// File names and texts are data, never markup or formulas (issue 6, item 5): a file called
// `<img src=x onerror=alert(1)>.txt` whose text holds <script>, <b> and a =HYPERLINK line is
// shown as text in the document list, the notices, the cloud and its tooltips, the keywords
// table, the contexts, the network, phrases and compare views; no dialog ever opens; no element
// is made from the data; and the CSV exports start no cell with = + - @ (a leading ').
// Needs dist/ (`cargo xtask build`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startSession } from './harness.mjs';
import {
  afterAnalysis,
  analyseOnly,
  cloudWords,
  documentList,
  download,
  dropFiles,
  keywordRows,
  keywordsShown,
  notices,
  openPage,
  parseCsv,
  pasteText,
  textFile,
} from './files.mjs';

const NAME = '<img src=x onerror=alert(1)>.txt';
const TEXT = [
  '=HYPERLINK("http://x")',
  '<script>alert(1)</script>',
  '<b>粗体</b>是新闻的重点。',
  '+SUM(A1:A9) 与 -2+3 以及 @user 的公式。',
  ...Array(3).fill('记者用粗体标出新闻标题。新闻报道的标题很重要。'),
].join('\n');
// Documents whose titles (first lines) start with the other formula characters; all say 新闻.
const FORMULA_TITLES = ['+86 新闻热线', '-2 度的新闻', '@记者 的新闻'];

/** Elements that markup in the data could create, counted, and any on* attribute anywhere. */
function injectable(page) {
  return page.evaluate(() => {
    const tags = [
      'img',
      'script',
      'iframe',
      'object',
      'embed',
      'b',
      'svg script',
      'foreignObject',
      'a[href^="javascript"]',
    ];
    const counts = Object.fromEntries(tags.map((tag) => [tag, document.querySelectorAll(tag).length]));
    const handlers = [...document.querySelectorAll('*')].flatMap((node) =>
      [...node.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${node.tagName}[${a.name}]`),
    );
    return { counts, handlers };
  });
}

/** No cell of a CSV starts with a character that makes a spreadsheet run it. */
function assertNeutral(rows, what) {
  for (const row of rows) {
    for (const cell of row)
      assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `${what}: the cell ${JSON.stringify(cell)} would run as a formula`);
  }
}

test(
  'a hostile file name and text are shown as text everywhere, and the CSVs are neutralised',
  { timeout: 240_000 },
  async (t) => {
    const session = await startSession();
    t.after(() => session.close());
    const { page } = session;
    const dialogs = [];
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      dialog.dismiss().catch(() => {});
    });

    try {
      await openPage(session);
      const baseline = await injectable(page);
      assert.deepEqual(baseline.handlers, [], 'the page itself uses on* attributes');
      const unchanged = async (where) =>
        assert.deepEqual(await injectable(page), baseline, `an element was made from the data (${where})`);

      // Dropped: the name is listed and told literally.
      await afterAnalysis(page, () => dropFiles(page, [textFile(NAME, TEXT)]));
      const doc = (await documentList(page)).at(-1);
      assert.deepEqual([doc.name, doc.title], [NAME, '=HYPERLINK("http://x")']);
      const [notice] = await notices(page);
      assert.match(notice.text, /^已添加「<img src=x onerror=alert\(1\)>\.txt」（UTF-8，\d+ 字）$/);
      const item = page.locator(`#documents li.doc[data-id="${doc.id}"]`);
      assert.equal(await item.locator('.doc-title').getAttribute('title'), NAME);
      assert.equal(await item.locator('button.remove').getAttribute('aria-label'), `从语料中移除「${NAME}」`);
      await unchanged('document list');

      // Pasted under a hostile name: the same.
      await pasteText(page, '<svg onload=alert(2)>', '<img src=x onerror=alert(3)>是一张图片的新闻。');
      assert.equal((await documentList(page)).at(-1).name, '<svg onload=alert(2)>');
      assert.match((await notices(page))[0].text, /^已添加「<svg onload=alert\(2\)>」/);
      await unchanged('paste');

      // The cloud of the hostile document alone: the words as text, tooltips too.
      await analyseOnly(page, doc.id);
      const words = await cloudWords(page);
      for (const word of ['script', 'alert', 'HYPERLINK', '粗体'])
        assert.ok(words.includes(word), `${word} is not in the cloud: ${words}`);
      const script = page.locator('#view-cloud svg text', { hasText: /^script/ }).first();
      assert.match(await script.locator('title').textContent(), /^script\n/);
      await script.hover();
      const tip = page.locator('#view-cloud [role=tooltip]');
      await tip.waitFor({ state: 'visible' });
      assert.match(await tip.textContent(), /script/);
      await unchanged('cloud');

      // The keywords table; with the punctuation, number and single-character filters off, the
      // formula characters are terms of their own, and the CSV neutralises them.
      for (const name of ['punctuation', 'numbers', 'singleChars'])
        await afterAnalysis(page, () => page.uncheck(`#settings [name=${name}]`));
      const terms = (await keywordRows(page)).map((r) => r.term);
      for (const term of ['=', '+', '-', '@', 'script', '粗体'])
        assert.ok(terms.includes(term), `${term} is not in the table: ${terms}`);
      let csv = await download(page, '#view-keywords .kw-export');
      assert.match(csv.name, /^wenxi-keywords.*\.csv$/);
      let rows = parseCsv(csv.text);
      const termColumn = rows[0].indexOf('词');
      assert.ok(termColumn >= 0, `header: ${rows[0]}`);
      const exported = rows.slice(1).map((row) => row[termColumn]);
      for (const term of ['=', '+', '-', '@'])
        assert.ok(exported.includes(`'${term}`), `${term} was not exported as '${term}: ${exported}`);
      assert.ok(exported.includes('script') && exported.includes('HYPERLINK'), 'plain terms were changed');
      assertNeutral(rows, 'keywords CSV');
      // Scoped to the document, the file name comes from its title: nothing a file system minds.
      await page.selectOption('#view-keywords .kw-scope', String(doc.id));
      await keywordsShown(page);
      csv = await download(page, '#view-keywords .kw-export');
      assert.doesNotMatch(csv.name, /[<>:"/\\|?*\s]/, `file name ${csv.name}`);
      assertNeutral(parseCsv(csv.text), 'keywords CSV of one document');
      for (const name of ['punctuation', 'numbers', 'singleChars'])
        await afterAnalysis(page, () => page.check(`#settings [name=${name}]`));
      await unchanged('keywords');

      // Contexts: markup in the text is shown as characters, in the cells and their tooltips.
      await page.click('[data-tab="kwic"]');
      await page.fill('#view-kwic .kwic-search', 'script');
      await page.press('#view-kwic .kwic-search', 'Enter');
      await page.waitForFunction(() => document.querySelectorAll('#view-kwic tbody tr').length === 2);
      const line = page.locator('#view-kwic tbody tr').first();
      assert.match(await line.locator('.kwic-right').textContent(), /^>alert\(1\)<\/script>/);
      assert.match(await line.locator('.kwic-right').getAttribute('title'), /^>alert\(1\)<\/script>/);
      assert.equal(await line.locator('.kwic-doc').textContent(), '=HYPERLINK("http://x")');
      await unchanged('contexts');

      // Four documents whose titles start with = + - @, all saying 新闻: the contexts CSV.
      await afterAnalysis(page, () =>
        dropFiles(
          page,
          FORMULA_TITLES.map((title, i) => textFile(`formula-${i}.txt`, `${title}\n新闻记者写新闻。`)),
        ),
      );
      const docs = await documentList(page);
      await afterAnalysis(page, () => page.click('#documents [data-bulk=none]'));
      for (const d of docs.filter((d) => d.name === NAME || d.name.startsWith('formula-'))) {
        await afterAnalysis(page, () =>
          page.locator(`#documents li.doc[data-id="${d.id}"] input[type=checkbox]`).check(),
        );
      }
      await page.click('[data-tab="kwic"]');
      await page.fill('#view-kwic .kwic-search', '新闻');
      await page.press('#view-kwic .kwic-search', 'Enter');
      await page.waitForFunction(() => {
        const titles = [...document.querySelectorAll('#view-kwic td.kwic-doc')].map((td) => td.textContent);
        return ['=', '+', '-', '@'].every((c) => titles.some((title) => title.startsWith(c)));
      });
      csv = await download(page, '#view-kwic .kwic-export');
      rows = parseCsv(csv.text);
      const titles = new Set(rows.slice(1).map((row) => row[0]));
      assert.deepEqual(
        [...titles].sort(),
        ['\'=HYPERLINK("http://x")', ...FORMULA_TITLES.map((title) => `'${title}`)].sort(),
        'document titles in the contexts CSV',
      );
      assertNeutral(rows, 'contexts CSV');

      // Every other view draws the same data without making elements of it.
      for (const tab of ['network', 'phrases', 'compare', 'cloud', 'keywords']) {
        await page.click(`[data-tab="${tab}"]`);
        await page.waitForTimeout(400);
        await unchanged(`${tab} view`);
      }
      await page.click('[data-tab="compare"]');
      const options = await page.locator('#view-compare select option').allTextContents();
      assert.ok(
        options.some((o) => o.startsWith('=HYPERLINK("http://x")')),
        `compare targets: ${options}`,
      );
      await session.screenshot('injection');
    } catch (err) {
      await session.screenshot('injection-failure').catch(() => {});
      throw err;
    }
    assert.deepEqual(dialogs, [], 'a dialog opened');
    session.assertClean();
  },
);
