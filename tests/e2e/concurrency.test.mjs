// The latest request wins, and nothing is lost (issue 6, item 8): files dropped while an analysis
// runs (and while the page is still loading, and two drops in a row), twenty setting changes in a
// row, a document removed while an analysis of it runs. A large pasted document makes each
// analysis slow enough that the changes really overlap with running work.
// Needs dist/ (`cargo xtask build`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startSession } from './harness.mjs';
import {
  afterAnalysis,
  analysisCount,
  cloudWords,
  documentList,
  dropFiles,
  keywordRows,
  notices,
  openPage,
  pasteText,
  storedDocuments,
  textFile,
} from './files.mjs';

// About 10 MB: analyses of a corpus holding it take a few hundred milliseconds.
const BIG_PARAGRAPH = '人工智能正在改变新闻行业。记者使用算法分析大量数据，编辑部开始讨论机器写作的伦理问题。\n';
// 考拉 occurs once in it: the contexts of a word that occurs 150,000 times take minutes (a known
// slowness of src/concordance.rs, see hostile.test.mjs), which is not what this file is about.
const BIG = `考拉保护区的新闻。\n${BIG_PARAGRAPH.repeat(Math.ceil(10_000_000 / Buffer.byteLength(BIG_PARAGRAPH)))}`;
const WORDS = ['熊猫', '火山', '咖啡', '地铁', '茶叶', '稻田', '冰川', '沙漠', '海港', '森林', '草原', '高铁'];
const smallText = (i) => `${WORDS[i]}的故事。关于${WORDS[i]}的新闻很多，${WORDS[i]}很受关注。`;
const small = (i, prefix = 'f') => textFile(`${prefix}${String(i).padStart(2, '0')}-${WORDS[i]}.txt`, smallText(i));

/** How often `word` occurs in the documents ticked for the analysis (the worker's answer). */
const occurrences = (page, word) =>
  page.evaluate(async (word) => {
    const ids = [...document.querySelectorAll('#documents li.doc input[type=checkbox]:checked')].map((b) =>
      Number(b.value),
    );
    return (await window.wenxi.request('kwic', word, { documents: ids })).total;
  }, word);

/** Waits until no analysis is scheduled or running: the counter stands still for a second. */
async function quiet(page) {
  let last = await analysisCount(page);
  for (let still = 0; still < 4;) {
    await page.waitForTimeout(250);
    const now = await analysisCount(page);
    still = now === last && !(await page.locator('#status').textContent()).startsWith('正在分析') ? still + 1 : 0;
    last = now;
  }
}

/** What the worker answers for the settings the page shows, for the documents ticked. */
function reference(page, { filter = {}, keywordWeight = 'freq' } = {}) {
  return page.evaluate(
    async ({ filter, keywordWeight }) => {
      const ids = [...document.querySelectorAll('#documents li.doc input[type=checkbox]:checked')].map((b) =>
        Number(b.value),
      );
      const base = {
        stopWords: true,
        userStopWords: true,
        punctuation: true,
        numbers: true,
        singleChars: true,
        minLength: 1,
        minFrequency: 1,
        pos: null,
      };
      const analysis = await window.wenxi.request('analyze', {
        documents: ids,
        filter: { ...base, ...filter },
        keywordWeight,
        topTerms: 200,
      });
      return analysis.terms.map((t) => ({ term: t.term, freq: t.freq }));
    },
    { filter, keywordWeight },
  );
}

async function withPage(t, body, { slow = true } = {}) {
  const session = await startSession();
  t.after(() => session.close());
  const page = await openPage(session);
  try {
    if (slow) {
      await pasteText(page, '大文本', BIG);
      const ms = await page.evaluate(() => window.wenxiMetrics.analyses.at(-1));
      t.diagnostic(`an analysis with the 10 MB document takes ${ms} ms`);
    }
    await body(session, page);
  } catch (err) {
    await session.screenshot(`concurrency-${t.name.slice(0, 24).replace(/\W+/g, '-')}-failure`).catch(() => {});
    throw err;
  }
  session.assertClean();
}

test('ten files dropped at once are all listed, in the order dropped', { timeout: 120_000 }, async (t) => {
  await withPage(
    t,
    async (session, page) => {
      const files = Array.from({ length: 10 }, (_, i) => small(i));
      await afterAnalysis(page, () => dropFiles(page, files));
      const docs = await documentList(page);
      assert.deepEqual(
        docs.slice(5).map((d) => [d.name, d.included]),
        files.map((f) => [f.name, true]),
      );
      const lines = (await notices(page)).reverse().map((n) => n.text);
      assert.deepEqual(
        lines.slice(0, 10).map((l) => /「(.+)」/.exec(l)[1]),
        files.map((f) => f.name),
      );
      assert.equal(lines[10], '已添加 10 个文件，0 个未添加。');
      assert.match(await page.locator('#status').textContent(), /^15 篇文档（已选 15 篇）/);
      for (const word of WORDS.slice(0, 10))
        assert.equal(await occurrences(page, word), 3, `${word} is not in the analysis`);
    },
    { slow: false },
  );
});

test(
  'files dropped while an analysis runs, in two drops in a row, are all added in order',
  { timeout: 180_000 },
  async (t) => {
    await withPage(t, async (session, page) => {
      const first = [0, 1, 2].map((i) => small(i, 'a'));
      const second = [3, 4].map((i) => small(i, 'b'));
      const before = await analysisCount(page);
      // A setting change starts a slow analysis; both drops land while it runs.
      await page.uncheck('#settings [name=singleChars]');
      await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('正在分析'));
      await dropFiles(page, first);
      await dropFiles(page, second);
      await page.waitForFunction((n) => Number(document.body.dataset.analysis) > n, before);
      await quiet(page);

      const docs = await documentList(page);
      assert.deepEqual(
        docs.slice(6).map((d) => d.name),
        [...first, ...second].map((f) => f.name),
        'the drops were interleaved or lost',
      );
      assert.ok(docs.every((d) => d.included));
      const lines = (await notices(page)).reverse().map((n) => n.text);
      assert.deepEqual(
        lines.slice(-7),
        [
          ...first.map((f) => lines.find((l) => l.includes(f.name))),
          '已添加 3 个文件，0 个未添加。',
          ...second.map((f) => lines.find((l) => l.includes(f.name))),
          '已添加 2 个文件，0 个未添加。',
        ],
        `notices: ${lines.join(' | ')}`,
      );
      assert.match(await page.locator('#status').textContent(), /^11 篇文档（已选 11 篇）/);
      // The view is that of the final settings (single characters kept) over all the documents.
      const rows = await keywordRows(page);
      assert.deepEqual(
        rows.map(({ term, freq }) => ({ term, freq })),
        await reference(page, { filter: { singleChars: false } }),
      );
      for (const word of WORDS.slice(0, 5))
        assert.equal(await occurrences(page, word), 3, `${word} is not in the analysis`);
    });
  },
);

test(
  'a file dropped while the page is still loading comes after the seeds, and is stored',
  { timeout: 120_000 },
  async (t) => {
    const session = await startSession();
    t.after(() => session.close());
    const { page } = session;
    // The page's code (the chunk www/boot.js loads after starting the worker) held back: the
    // drop comes before the controller exists, and is kept for it (www/early-drops.js).
    let release = () => {};
    const held = new Promise((resolve) => (release = resolve));
    await session.context.route(/\/assets\/main-[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(session.url, { waitUntil: 'domcontentloaded' });
    // The store and the seeds are still loading (on a first visit the build-time snapshot may
    // be on screen meanwhile: www/startup.js).
    assert.ok(['loading', 'snapshot'].includes(await page.evaluate(() => document.body.dataset.state)));
    await dropFiles(page, [small(5)]);
    release();
    await page.waitForFunction(
      () => document.querySelectorAll('#documents li.doc').length === 6 && Number(document.body.dataset.analysis) > 0,
      null,
      {
        timeout: 60_000,
      },
    );
    await quiet(page);
    const names = (await documentList(page)).map((d) => d.name);
    assert.equal(names.at(-1), small(5).name, `order: ${names}`);
    assert.deepEqual(await notices(page), [
      { kind: 'ok', text: `已添加「${small(5).name}」（UTF-8，${[...smallText(5)].length} 字）` },
    ]);
    assert.deepEqual(
      (await storedDocuments(page)).map((d) => d.name),
      [small(5).name],
    );
    await page.reload();
    await page.waitForFunction(
      () => document.body.dataset.state === 'ready' && Number(document.body.dataset.analysis) > 0,
      null,
      { timeout: 60_000 },
    );
    assert.deepEqual(
      (await documentList(page)).map((d) => d.name),
      names,
      'the order changed after a reload',
    );
    session.assertClean();
  },
);

test(
  "a file dropped and one chosen the moment the page's code runs are each added once, after the seeds",
  { timeout: 120_000 },
  async (t) => {
    const session = await startSession();
    t.after(() => session.close());
    const { page } = session;
    // The moment www/main.js has run (its module done, start-up begun, the seeds' pristine start
    // still under way): one file dropped, one chosen in the picker. The page's first mutation
    // of the document after main.js has set wenxiMetrics is that moment (the observer's
    // callback runs right after the module, before start-up's next step).
    const files = [small(6), small(7)].map(({ name, bytes }) => ({ name, text: bytes.toString('utf8') }));
    await page.addInitScript((files) => {
      const make = ({ name, text }) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([text], name, { type: 'text/plain' }));
        return transfer;
      };
      const observer = new MutationObserver(() => {
        if (!(/** @type {any} */ (window).wenxiMetrics)) return;
        observer.disconnect();
        const dropped = make(files[0]);
        for (const type of ['dragenter', 'dragover', 'drop'])
          document.body.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dropped }));
        const picker = /** @type {HTMLInputElement} */ (document.querySelector('#file-input'));
        picker.files = make(files[1]).files;
        picker.dispatchEvent(new Event('change', { bubbles: true }));
      });
      observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
    }, files);
    await page.goto(session.url);
    await page.waitForFunction(
      () => document.querySelectorAll('#documents li.doc').length >= 7 && Number(document.body.dataset.analysis) > 0,
      null,
      { timeout: 60_000 },
    );
    await quiet(page);
    const names = (await documentList(page)).map((d) => d.name);
    assert.deepEqual(names.slice(-2), [small(6).name, small(7).name], `documents: ${names}`);
    assert.equal(names.length, 7, `documents: ${names}`);
    assert.deepEqual((await storedDocuments(page)).map((d) => d.name).sort(), [small(6).name, small(7).name]);
    assert.deepEqual(
      (await page.evaluate(() => window.wenxi.request('documents'))).map((d) => d.name),
      names,
      'the engine holds other documents than the list shows',
    );
    session.assertClean();
  },
);

test('twenty quick setting changes: the view ends on the last settings', { timeout: 180_000 }, async (t) => {
  await withPage(t, async (session, page) => {
    const before = await analysisCount(page);
    // 21 clicks on 去除停用词 (ends off), the least frequency typed up to 20, and the weight
    // flipped back and forth ending on TF-IDF: one change after the other, no waiting.
    for (let i = 0; i < 21; i++) await page.click('#settings [name=stopWords]');
    for (let n = 2; n <= 20; n++) await page.fill('#settings [name=minFrequency]', String(n));
    await page.click('[data-tab="keywords"]');
    const weights = ['textrank', 'tfidfCorpus', 'freq', 'tfidf'];
    for (let i = 0; i < 20; i++) await page.selectOption('#view-keywords .kw-weight', weights[i % 4]);
    await quiet(page);
    const analyses = (await analysisCount(page)) - before;
    t.diagnostic(`61 changes made ${analyses} analyses`);

    assert.equal(await page.isChecked('#settings [name=stopWords]'), false);
    assert.equal(await page.inputValue('#settings [name=minFrequency]'), '20');
    assert.equal(await page.inputValue('#view-keywords .kw-weight'), 'tfidf');
    assert.equal(await page.inputValue('#view-cloud select[name=weight]'), 'tfidf', 'the cloud shows another weight');
    const expected = await reference(page, { filter: { stopWords: false, minFrequency: 20 }, keywordWeight: 'tfidf' });
    assert.ok(expected.length > 20 && expected.every((r) => r.freq >= 20));
    const withStopWords = await reference(page, { filter: { minFrequency: 20 }, keywordWeight: 'tfidf' });
    assert.notDeepEqual(expected, withStopWords, 'the stop words setting makes no difference here');
    const rows = await keywordRows(page);
    assert.deepEqual(
      rows.map(({ term, freq }) => ({ term, freq })),
      expected,
      'the table is not that of the last settings',
    );
    const words = await cloudWords(page);
    const top = new Set(expected.slice(0, 100).map((r) => r.term));
    assert.ok(
      words.length > 20 && words.every((w) => top.has(w)),
      `the cloud shows words of other settings: ${words.filter((w) => !top.has(w))}`,
    );
    assert.equal(analyses < 61, true, 'every change ran its own analysis');
    await session.screenshot('concurrency-settings');
  });
});

test('a document removed while an analysis of it runs is gone, and nothing fails', { timeout: 180_000 }, async (t) => {
  await withPage(t, async (session, page) => {
    const big = (await documentList(page)).at(-1);
    assert.equal(big.name, '大文本');
    // The views that hold a document of their own: 对比 targets it, 语境 shows its word.
    await page.click('[data-tab="compare"]');
    await page.selectOption('#view-compare select', String(big.id));
    await page.waitForFunction(() => document.querySelectorAll('#view-compare tbody tr').length > 0);
    await page.click('[data-tab="kwic"]');
    await page.fill('#view-kwic .kwic-search', '考拉');
    await page.press('#view-kwic .kwic-search', 'Enter');
    await page.waitForFunction(() => document.querySelectorAll('#view-kwic tbody tr').length > 0);

    const before = await analysisCount(page);
    await page.uncheck('#settings [name=numbers]');
    await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('正在分析'));
    // Twice, as a hurried double click would.
    await page.locator(`#documents li.doc[data-id="${big.id}"] button.remove`).dblclick();
    await page.waitForFunction((n) => Number(document.body.dataset.analysis) > n, before);
    await quiet(page);

    assert.deepEqual((await documentList(page)).map((d) => d.name).includes('大文本'), false);
    assert.match(await page.locator('#status').textContent(), /^5 篇文档（已选 5 篇）/);
    const errors = (await notices(page)).filter((n) => n.kind === 'error');
    assert.deepEqual(errors, []);
    assert.deepEqual(await storedDocuments(page), [], 'the removed document is still stored');
    const rows = await keywordRows(page);
    assert.deepEqual(
      rows.map(({ term, freq }) => ({ term, freq })),
      await reference(page, { filter: { numbers: false } }),
    );
    assert.ok(!rows.some((r) => r.term === '编辑部'), 'the removed document still counts');
    assert.equal(await occurrences(page, '考拉'), 0);
    await page.click('[data-tab="kwic"]');
    await page.waitForFunction(() => document.querySelector('#view-kwic .kwic-root')?.dataset.state === 'ready');
    assert.equal(await page.locator('#view-kwic tbody tr').count(), 0, 'the contexts still show the removed document');
    await page.click('[data-tab="compare"]');
    await page.waitForTimeout(500);
    const compareText = await page.locator('#view-compare').textContent();
    assert.doesNotMatch(compareText, /没有编号|There is no document|错误/, `compare: ${compareText.slice(0, 300)}`);
    await session.screenshot('concurrency-removed');
  });
});

test(
  'a document removed while files are being added stays removed; the added ones stay',
  { timeout: 180_000 },
  async (t) => {
    await withPage(
      t,
      async (session, page) => {
        const seeds = await documentList(page);
        // A 2 MB file first, so the batch takes a moment; remove a seed while it is read.
        const batch = [textFile('slow.txt', BIG.slice(0, 700_000)), small(6), small(7)];
        const before = await analysisCount(page);
        await dropFiles(page, batch);
        await page.locator(`#documents li.doc[data-id="${seeds[0].id}"] button.remove`).click();
        await page.waitForFunction((n) => Number(document.body.dataset.analysis) > n, before);
        await page.waitForFunction(() => document.querySelectorAll('#documents li.doc').length === 7);
        await quiet(page);
        const names = (await documentList(page)).map((d) => d.name);
        assert.deepEqual(names, [...seeds.slice(1).map((d) => d.name), ...batch.map((f) => f.name)]);
        assert.deepEqual(
          (await notices(page)).filter((n) => n.kind === 'error'),
          [],
        );
        await page.reload();
        await page.waitForFunction(
          () => document.body.dataset.state === 'ready' && Number(document.body.dataset.analysis) > 0,
          null,
          { timeout: 60_000 },
        );
        assert.deepEqual(
          (await documentList(page)).map((d) => d.name),
          names,
          'after a reload',
        );
      },
      { slow: false },
    );
  },
);
