// Adding documents as a person does: dropping files on the page (one, or a mixed batch with
// files that are not text), choosing them with the 添加文件 button, pasting text, removing a
// document, choosing which documents are analysed, and switching the language.
// Needs dist/ (`cargo xtask build`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ARTIFACTS, startSession } from './harness.mjs';
import {
  afterAnalysis,
  chooseFiles,
  cloudWords,
  documentList,
  dropFiles,
  fixture,
  keywordRows,
  notices,
  openPage,
} from './files.mjs';

/** The seeds' most frequent words: none of them is in the test files. */
const SEED_WORDS = ['劳模', '工会', '职工', '劳动'];
const count = (text, word) => text.split(word).length - 1;

/** Runs a test body with a fresh page; on failure keeps a screenshot named after the test. */
function pageTest(name, slug, body) {
  test(name, { timeout: 180_000 }, async (t) => {
    const session = await startSession();
    t.after(() => session.close());
    try {
      await openPage(session);
      await body(session, session.page);
    } catch (err) {
      await session.screenshot(`${slug}-failure`).catch(() => {});
      throw err;
    }
    session.assertClean();
  });
}

pageTest(
  'a dropped GBK file is listed as GBK, and 仅此篇 analyses it alone',
  'documents-gbk',
  async (session, page) => {
    const file = fixture('gbk.txt');
    const text = new TextDecoder('gbk').decode(file.bytes);
    const title = text.split('\n')[0];

    await afterAnalysis(page, () => dropFiles(page, [file]));
    assert.ok(await page.locator('#drop-overlay').isHidden(), 'the drop overlay stayed up after the drop');
    const docs = await documentList(page);
    assert.equal(docs.length, 6, `documents: ${docs.map((d) => d.name)}`);
    const added = docs.at(-1);
    assert.deepEqual(
      { name: added.name, title: added.title, encoding: added.encoding, included: added.included },
      { name: 'gbk.txt', title, encoding: 'GBK', included: true },
    );
    assert.match(await page.locator('#documents-title').textContent(), /文档 \(6\)/);
    const [notice] = await notices(page);
    assert.match(notice.text, /^已添加「gbk\.txt」（GBK，[\d,]+ 字）$/, `notice: ${notice.text}`);
    assert.equal(notice.kind, 'ok');
    assert.match(await page.locator('#status').textContent(), /6 篇文档（已选 6 篇）/);

    // 仅此篇: the analysis is of this document alone.
    await afterAnalysis(page, () => page.locator(`#documents li.doc[data-id="${added.id}"] button.only`).click());
    assert.match(await page.locator('#status').textContent(), /6 篇文档（已选 1 篇）/);
    const included = (await documentList(page)).filter((d) => d.included).map((d) => d.name);
    assert.deepEqual(included, ['gbk.txt']);

    const words = await cloudWords(page);
    assert.ok(words.length >= 20, `only ${words.length} words in the cloud`);
    for (const word of ['芯片', '量子', '人工智能'])
      assert.ok(words.includes(word), `${word} is not in the cloud: ${words.join(' ')}`);
    for (const word of SEED_WORDS)
      assert.ok(!words.includes(word), `the seed word ${word} is in the cloud: ${words.join(' ')}`);

    const rows = await keywordRows(page);
    const terms = rows.map((r) => r.term);
    for (const word of SEED_WORDS) assert.ok(!terms.includes(word), `the seed word ${word} is in the table`);
    // The top rows are this text's words, counted as often as they occur in it (at most).
    const chip = rows.find((r) => r.term === '芯片');
    assert.ok(chip, `芯片 is not in the table: ${terms.slice(0, 20).join(' ')}`);
    assert.ok(
      chip.freq >= 10 && chip.freq <= count(text, '芯片'),
      `芯片 counted ${chip.freq} times; the text has ${count(text, '芯片')}`,
    );
    assert.ok(terms.slice(0, 5).includes('芯片'), `芯片 is not among the top five: ${terms.slice(0, 5)}`);
    assert.ok(terms.includes('量子') && terms.includes('人工智能'), `terms: ${terms.slice(0, 20).join(' ')}`);
    assert.match(await page.locator('#view-keywords .kw-summary').textContent(), /1 篇文档/);
  },
);

pageTest(
  'a mixed batch: three files refused with their reasons, Big5 and UTF-16 added',
  'documents-batch',
  async (session, page) => {
    const seeds = await documentList(page);
    assert.equal(seeds.length, 5);
    const batch = ['photo.txt', 'empty.txt', 'blank.txt', 'big5.txt', 'utf16le-bom.txt'].map((name) => fixture(name));

    await afterAnalysis(page, () => dropFiles(page, batch));
    const docs = await documentList(page);
    assert.equal(docs.length, 7, `documents: ${docs.map((d) => d.name)}`);
    // The seeds are untouched and still in the analysis; the two new files follow, included.
    assert.deepEqual(docs.slice(0, 5), seeds);
    assert.ok(seeds.every((d) => d.included));
    const big5Title = new TextDecoder('big5').decode(fixture('big5.txt').bytes).split('\n')[0];
    assert.deepEqual(
      docs.slice(5).map(({ name, title, encoding, included }) => ({ name, title, encoding, included })),
      [
        { name: 'big5.txt', title: big5Title, encoding: 'Big5', included: true },
        { name: 'utf16le-bom.txt', title: '大熊猫的保护与繁育', encoding: 'UTF-16LE', included: true },
      ],
    );
    assert.match(await page.locator('#status').textContent(), /7 篇文档（已选 7 篇）/);

    // One line per file, in the order handled (the list shows the newest first), then the tally.
    const lines = (await notices(page)).reverse();
    assert.deepEqual(
      lines.map((l) => [l.kind, l.text.replace(/（(Big5|UTF-16LE)，[\d,]+ 字）/, '（$1）')]),
      [
        [
          'error',
          '「photo.txt」不是文本文件（看起来是 PNG 图片）。 / "photo.txt" is not a text file (it looks like a PNG image).',
        ],
        ['error', '「empty.txt」是空文件。 / "empty.txt" is empty.'],
        ['error', '「blank.txt」只有空白，没有文字。 / "blank.txt" contains only whitespace.'],
        ['ok', '已添加「big5.txt」（Big5）'],
        ['ok', '已添加「utf16le-bom.txt」（UTF-16LE）'],
        ['info', '已添加 2 个文件，3 个未添加。'],
      ],
    );
    // Each refusal shows the current language's half first; the other half is the quieter one.
    const photo = page.locator('#documents .notice.error', { hasText: 'photo.txt' });
    assert.equal(await photo.locator('.zh').textContent(), '「photo.txt」不是文本文件（看起来是 PNG 图片）。');
    assert.deepEqual(await photo.locator('.other').allTextContents(), [
      '"photo.txt" is not a text file (it looks like a PNG image).',
    ]);

    // The new texts are in the analysis (their few words rank below the seeds' top 200 terms, so
    // each is looked at alone), and the seeds are too.
    assert.ok((await keywordRows(page)).some((r) => r.term === '劳模'));
    for (const [doc, word] of [
      // big5.txt is traditional: counted (and its terms shown, by default) in simplified.
      [docs[5], '气象'],
      [docs[6], '大熊猫'],
    ]) {
      await afterAnalysis(page, () => page.locator(`#documents li.doc[data-id="${doc.id}"] button.only`).click());
      const terms = (await keywordRows(page)).map((r) => r.term);
      assert.ok(
        terms.slice(0, 5).includes(word),
        `${word} is not among the top terms of ${doc.name}: ${terms.slice(0, 10)}`,
      );
    }
    await afterAnalysis(page, () => page.click('#documents [data-bulk=all]'));
    assert.match(await page.locator('#status').textContent(), /7 篇文档（已选 7 篇）/);

    await page.click('[data-tab="cloud"]');
    await session.screenshot('documents-batch');
    await page.locator('#documents').screenshot({ path: `${ARTIFACTS}documents-batch-panel.png` });
  },
);

pageTest('the 添加文件 button reads chosen files the same way', 'documents-button', async (session, page) => {
  await afterAnalysis(page, () =>
    chooseFiles(page, [fixture('gbk.txt', '芯片.txt'), fixture('photo.txt', 'scan.txt')]),
  );
  const docs = await documentList(page);
  assert.equal(docs.length, 6);
  assert.deepEqual([docs[5].name, docs[5].encoding], ['芯片.txt', 'GBK']);
  const lines = (await notices(page)).map((l) => l.text);
  assert.equal(lines.length, 3, `notices: ${lines.join(' | ')}`);
  assert.match(lines[0], /^已添加 1 个文件，1 个未添加。$/);
  assert.equal(
    lines[1],
    '「scan.txt」不是文本文件（看起来是 PNG 图片）。 / "scan.txt" is not a text file (it looks like a PNG image).',
  );
  assert.match(lines[2], /^已添加「芯片\.txt」（GBK，/);
  // The same file can be chosen again (the input was emptied): it is a copy of one already
  // here, which the page says; 都保留 adds it as a second copy.
  await chooseFiles(page, [fixture('gbk.txt', '芯片.txt')]);
  const dialog = page.locator('#duplicates-dialog');
  await dialog.waitFor({ state: 'visible' });
  assert.match(await dialog.textContent(), /「芯片\.txt」与「.+」内容相同/);
  await afterAnalysis(page, () => dialog.locator('button[value=keep]').click());
  assert.equal((await documentList(page)).length, 7);

  // 清除 empties the outcome list.
  await page.click('#documents .notices button.clear');
  assert.ok(await page.locator('#documents .notices').isHidden());
});

pageTest(
  'pasted text becomes a document; × removes it and the analysis follows',
  'documents-paste',
  async (session, page) => {
    // Repeated so that 咖啡 ranks among the corpus's top terms next to the seeds.
    const text =
      '咖啡的香气让人清醒。咖啡馆里，人们一边喝咖啡一边讨论咖啡豆的产地。云南咖啡越来越受欢迎，咖啡文化也在城市里流行起来。\n'.repeat(
        6,
      );

    // Cancel adds nothing.
    await page.click('#paste-text');
    const dialog = page.locator('#paste-dialog');
    assert.ok(await dialog.isVisible());
    assert.equal(await dialog.locator('[name=name]').inputValue(), '粘贴的文本 1');
    await dialog.locator('textarea').fill(text);
    await dialog.locator('button[value=cancel]').click();
    assert.ok(await dialog.isHidden());
    await page.waitForTimeout(300);
    assert.equal((await documentList(page)).length, 5);

    await page.click('#paste-text');
    assert.equal(await dialog.locator('textarea').inputValue(), '', 'the dialog kept the cancelled text');
    await dialog.locator('[name=name]').fill('咖啡笔记');
    await dialog.locator('textarea').fill(text);
    await afterAnalysis(page, () => dialog.locator('button[value=add]').click());
    const docs = await documentList(page);
    assert.equal(docs.length, 6);
    assert.deepEqual([docs[5].name, docs[5].encoding, docs[5].included], ['咖啡笔记', 'UTF-8', true]);
    assert.match((await notices(page))[0].text, /^已添加「咖啡笔记」（UTF-8，\d+ 字）$/);
    const coffee = (await keywordRows(page)).find((r) => r.term === '咖啡');
    // Segmentation keeps 咖啡馆 and 咖啡豆 whole, so 咖啡 alone is counted at most this often.
    const most = count(text, '咖啡') - count(text, '咖啡馆') - count(text, '咖啡豆');
    assert.ok(
      coffee && coffee.freq >= most / 2 && coffee.freq <= most,
      `咖啡: ${JSON.stringify(coffee)}, at most ${most}`,
    );
    assert.ok((await cloudWords(page)).includes('咖啡'));
    assert.match(await page.locator('#status').textContent(), /6 篇文档（已选 6 篇）/);

    // Pasting nothing is refused with a reason, and adds nothing.
    await page.click('#paste-text');
    await dialog.locator('button[value=add]').click();
    await page.waitForFunction(() => document.querySelector('#documents .notices li')?.classList.contains('error'));
    assert.match((await notices(page))[0].text, /「粘贴的文本 3」是空/);
    assert.equal((await documentList(page)).length, 6);

    // ×: the document goes, and so do its words.
    const remove = page.locator(`#documents li.doc[data-id="${docs[5].id}"] button.remove`);
    assert.equal(await remove.getAttribute('aria-label'), '从语料中移除「咖啡笔记」');
    // By keyboard: Enter on ×; the focus moves to the × of the document now last.
    await remove.focus();
    await afterAnalysis(page, () => page.keyboard.press('Enter'));
    assert.ok(
      await page
        .locator(`#documents li.doc[data-id="${docs[4].id}"] button.remove`)
        .evaluate((b) => b === document.activeElement),
      'the focus was lost with the removed document',
    );
    assert.deepEqual(
      (await documentList(page)).map((d) => d.name),
      docs.slice(0, 5).map((d) => d.name),
    );
    assert.match(await page.locator('#status').textContent(), /5 篇文档（已选 5 篇）/);
    assert.ok(!(await keywordRows(page)).some((r) => r.term === '咖啡'), '咖啡 is still in the table');
    assert.ok(!(await cloudWords(page)).includes('咖啡'), '咖啡 is still in the cloud');
  },
);

pageTest(
  '全不选 leaves nothing to analyse; ticking one document analyses that one',
  'documents-include',
  async (session, page) => {
    const all = await keywordRows(page);
    await afterAnalysis(page, () => page.click('#documents [data-bulk=none]'));
    assert.equal(await page.locator('#status').textContent(), '没有选中的文档：请在左侧勾选要分析的文档。');
    assert.ok((await documentList(page)).every((d) => !d.included));
    assert.equal((await keywordRows(page)).length, 0, 'the table still has rows');
    assert.equal((await cloudWords(page)).length, 0, 'the cloud still has words');

    // Tick the fourth document: the analysis is of it alone.
    const docs = await documentList(page);
    await afterAnalysis(page, () =>
      page.locator(`#documents li.doc[data-id="${docs[3].id}"] input[type=checkbox]`).check(),
    );
    assert.match(await page.locator('#status').textContent(), /5 篇文档（已选 1 篇）/);
    assert.deepEqual(
      (await documentList(page)).map((d) => d.included),
      [false, false, false, true, false],
    );
    const one = await keywordRows(page);
    assert.ok(one.length > 20, `${one.length} rows for one document`);
    assert.match(await page.locator('#view-keywords .kw-summary').textContent(), /1 篇文档/);
    // Its counts can only be smaller than the whole corpus's.
    const whole = new Map(all.map((r) => [r.term, r.freq]));
    for (const row of one.slice(0, 20)) {
      if (whole.has(row.term))
        assert.ok(row.freq <= whole.get(row.term), `${row.term}: ${row.freq} > ${whole.get(row.term)}`);
    }
    assert.ok((await cloudWords(page)).length > 10);

    // By keyboard: Space on a checkbox adds its document, and the focus stays on that checkbox
    // although the list is drawn anew.
    const second = page.locator(`#documents li.doc[data-id="${docs[1].id}"] input[type=checkbox]`);
    await second.focus();
    await afterAnalysis(page, () => page.keyboard.press('Space'));
    assert.ok(await second.evaluate((b) => b === document.activeElement && b.checked), 'the focus left the checkbox');
    assert.match(await page.locator('#status').textContent(), /5 篇文档（已选 2 篇）/);

    await afterAnalysis(page, () => page.click('#documents [data-bulk=all]'));
    assert.match(await page.locator('#status').textContent(), /5 篇文档（已选 5 篇）/);
    assert.deepEqual((await keywordRows(page)).slice(0, 10), all.slice(0, 10));
  },
);

pageTest(
  'EN switches the tabs and the panels to English; 中文 switches back',
  'documents-lang',
  async (session, page) => {
    const zhTabs = await page.locator('#tabs [data-tab]').allTextContents();
    assert.deepEqual(zhTabs, ['词云', '关键词', '共现网络', '短语', '语境', '对比', '趋势', '文本复用', '原文']);
    await afterAnalysis(page, () => page.click('#lang-switch'));
    assert.equal(await page.locator('#lang-switch').textContent(), '中文');
    assert.deepEqual(await page.locator('#tabs [data-tab]').allTextContents(), [
      'Word cloud',
      'Keywords',
      'Network',
      'Phrases',
      'Contexts',
      'Compare',
      'Trends',
      'Reuse',
      'Text',
    ]);
    assert.equal(await page.locator('#documents-title').textContent(), 'Documents (5)');
    assert.deepEqual(await page.locator('#documents .doc-bulk button').allTextContents(), ['All', 'None']);
    assert.deepEqual(await page.locator('#documents button.only').allTextContents(), Array(5).fill('Only'));
    assert.match(
      await page.locator('#documents .doc-meta').first().textContent(),
      /^UTF-8 · Simplified · [\d,]+ chars · [\d,]+ tokens$/,
    );
    assert.match(await page.locator('#documents .hint').textContent(), /UTF-8, GBK\/GB18030, Big5 and UTF-16/);
    assert.equal(await page.locator('#settings-title').textContent(), 'Settings');
    assert.match(await page.locator('#settings .switches').textContent(), /Drop stop words \(\d+ built in\)/);
    assert.match(await page.locator('#status').textContent(), /^5 documents \(5 selected\)/);
    assert.equal(await page.locator('#add-files').textContent(), 'Add files');
    // A file added now is reported in English.
    await afterAnalysis(page, () => dropFiles(page, [fixture('big5.txt')]));
    assert.match((await notices(page))[0].text, /^Added "big5\.txt" \(Big5, [\d,]+ characters\)$/);
    // A bilingual refusal now puts its English half first.
    await dropFiles(page, [fixture('empty.txt')]);
    await page.waitForFunction(() => document.querySelector('#documents .notice')?.classList.contains('error'));
    assert.equal(await page.locator('#documents .notice.error .other').textContent(), '「empty.txt」是空文件。');
    await session.screenshot('documents-english');

    await afterAnalysis(page, () => page.click('#lang-switch'));
    assert.equal(await page.locator('#lang-switch').textContent(), 'EN');
    assert.deepEqual(await page.locator('#tabs [data-tab]').allTextContents(), zhTabs);
    assert.equal(await page.locator('#documents-title').textContent(), '文档 (6)');
    assert.deepEqual(await page.locator('#documents .doc-bulk button').allTextContents(), ['全选', '全不选']);
    assert.equal(await page.locator('#settings-title').textContent(), '设置');
    assert.match(await page.locator('#status').textContent(), /^6 篇文档（已选 6 篇）/);
  },
);

test(
  'if the sample articles cannot be loaded, the page says so and still takes files',
  { timeout: 120_000 },
  async (t) => {
    const session = await startSession();
    t.after(() => session.close());
    const { page } = session;
    try {
      await session.context.route('**/seeds/index.json', (route) => route.fulfill({ status: 404, body: 'gone' }));
      await page.goto(session.url);
      await page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 60_000 });
      const texts = (await notices(page)).map((n) => n.text);
      assert.ok(
        texts.some((text) => text.startsWith('示例文章未能加载')),
        `notices: ${texts}`,
      );
      assert.equal(await page.locator('#documents-title').textContent(), '文档 (0)');
      assert.deepEqual(await page.locator('#documents .doc-bulk button').allTextContents(), ['全选', '全不选']);
      assert.equal(await page.locator('#settings-title').textContent(), '设置');
      const labels = await page.$$eval('#settings .switches label', (ls) => ls.map((l) => l.textContent.trim()));
      assert.ok(labels.length === 5 && labels.every((l) => l.length > 1), `switch labels: ${labels}`);
      // A person's own file still works.
      await afterAnalysis(page, () => dropFiles(page, [fixture('gbk.txt')]));
      assert.equal((await documentList(page)).length, 1);
      assert.ok((await cloudWords(page)).includes('芯片'));
      await session.screenshot('documents-no-seeds');
    } catch (err) {
      await session.screenshot('documents-no-seeds-failure').catch(() => {});
      throw err;
    }
    // The failed fetch of index.json is logged by the browser; nothing else may be.
    const expected = (line) => /index\.json|404/i.test(line);
    session.consoleErrors.splice(
      0,
      session.consoleErrors.length,
      ...session.consoleErrors.filter((line) => !expected(line)),
    );
    session.assertClean();
  },
);
