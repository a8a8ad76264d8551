// Chinese as people write it, on the page (issue 10): a simplified article with its traditional
// copies (Big5 and UTF-8) counted as one, terms shown in 简体 or 繁體, contexts in each
// document's own characters, merges (合并词) made from the keywords table and KWIC, renamed and
// split in the settings, kept across a reload and in the workspace file. One page session.
// Needs dist/ (`cargo xtask build`).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import {
  afterAnalysis,
  analyseOnly,
  cloudWords,
  documentList,
  dropFiles,
  dropKeepingCopies,
  encode,
  keywordRows,
  openPage,
} from './files.mjs';
import { startSession } from './harness.mjs';

const SIMPLIFIED = '全国劳动模范张三丰在工会组织的大会上发言。劳模代表说，工会要为职工办实事。劳动模范的精神值得学习。';
const TRADITIONAL =
  '全國勞動模範張三豐在工會組織的大會上發言。勞模代表說，工會要為職工辦實事。勞動模範的精神值得學習。';
// Names jieba's dictionary does not hold: posseg's HMM tags them nr (师傅 too, as posseg does).
const NAMES = '本报记者温宪报道。孔玲说，徐虎师傅是全国劳模。恩佐在罗马接受采访。';
const FILES = [
  { name: '劳模（简体）.txt', bytes: encode(SIMPLIFIED, 'utf8') },
  { name: '勞模（Big5）.txt', bytes: encode(TRADITIONAL, 'big5') },
  { name: '勞模（UTF-8）.txt', bytes: encode(TRADITIONAL, 'utf8') },
];

/** Waits until the page has settled after more than `after` analyses (lazy data included). */
const settled = (page, after) =>
  page.waitForFunction(
    (n) => document.body.dataset.state === 'ready' && Number(document.body.dataset.analysis) > n,
    after,
    { timeout: 60_000 },
  );

const freqOf = (rows, term) => rows.find((r) => r.term === term)?.freq;

test(
  'traditional and simplified counted together, shown as chosen, merged as the person says',
  { timeout: 180_000 },
  async (t) => {
    const session = await startSession();
    t.after(() => session.close());
    const page = await openPage(session);
    try {
      // The model came after the first analysis; no traditional document yet, so no script tables.
      assert.equal(await page.evaluate(() => document.body.dataset.posseg), 'ready');
      assert.equal(await page.evaluate(() => document.body.dataset.scriptData), undefined);

      // --- three copies of one article ------------------------------------------------------
      const before = await page.evaluate(() => Number(document.body.dataset.analysis));
      // The Big5 and UTF-8 copies are the same text: the page asks, and the person keeps both.
      await dropKeepingCopies(page, FILES);
      await settled(page, before);
      assert.equal(await page.evaluate(() => document.body.dataset.scriptData), 'ready');
      const docs = (await documentList(page)).slice(-3);
      assert.deepEqual(
        docs.map((d) => [d.name, d.encoding]),
        FILES.map((f, i) => [f.name, i === 1 ? 'Big5' : 'UTF-8']),
      );
      const scripts = await page.$$eval('#documents li.doc .doc-script', (nodes) =>
        nodes.slice(-3).map((n) => n.textContent),
      );
      assert.deepEqual(scripts, ['简体', '繁體→简体', '繁體→简体']);

      // Only these three in the analysis.
      await afterAnalysis(page, () => page.click('#documents [data-bulk=none]'));
      for (const doc of docs) {
        await afterAnalysis(page, () =>
          page.locator(`#documents li.doc[data-id="${doc.id}"] input[type=checkbox]`).check(),
        );
      }
      let rows = await keywordRows(page);
      // One term per word whatever the script: three times each count of one copy.
      assert.deepEqual(
        [freqOf(rows, '劳模'), freqOf(rows, '劳动模范'), freqOf(rows, '工会'), freqOf(rows, '职工')],
        [3, 6, 3, 3],
      );
      assert.ok(!rows.some((r) => /[勞會動範職]/.test(r.term)), `traditional terms apart: ${rows.map((r) => r.term)}`);

      // --- 繁體 ------------------------------------------------------------------------------
      await page.click('[data-tab="keywords"]');
      await afterAnalysis(page, () => page.locator('#settings input[name=termScript][value=traditional]').check());
      rows = await keywordRows(page);
      assert.deepEqual([freqOf(rows, '勞模'), freqOf(rows, '勞動模範'), freqOf(rows, '工會')], [3, 6, 3]);
      assert.equal(freqOf(rows, '劳模'), undefined);
      await session.screenshot('chinese-keywords-traditional');

      // KWIC of 勞模: the lines in each document's own characters.
      await page.locator('#view-keywords td.term button', { hasText: /^勞模$/ }).click();
      await page.waitForFunction(() => document.querySelector('#view-kwic .kwic-root')?.dataset.state === 'ready');
      const lines = await page.$$eval('#view-kwic tbody tr', (trs) =>
        trs.map((tr) => [
          tr.querySelector('.kwic-doc').textContent,
          tr.querySelector('.kwic-keyword').textContent,
          tr.querySelector('.kwic-right').textContent,
        ]),
      );
      assert.equal(lines.length, 3);
      assert.deepEqual(new Set(lines.map(([, keyword]) => keyword)), new Set(['劳模', '勞模']));
      assert.ok(
        lines.some(([, , right]) => right.startsWith('代表說')),
        `lines: ${lines}`,
      );
      assert.ok(
        lines.some(([, , right]) => right.startsWith('代表说')),
        `lines: ${lines}`,
      );
      assert.match(await page.locator('#view-kwic .kwic-summary').textContent(), /勞模/);
      await session.screenshot('chinese-kwic');

      // --- merges -----------------------------------------------------------------------------
      await afterAnalysis(page, () => page.locator('#settings input[name=termScript][value=simplified]').check());
      await keywordRows(page);
      for (const term of ['劳模', '劳动模范']) {
        await page
          .locator('#view-keywords tbody tr', { has: page.locator('td.term', { hasText: new RegExp(`^${term}$`) }) })
          .locator('input.kw-pick')
          .check();
      }
      await page.click('#view-keywords .kw-merge');
      const dialog = page.locator('#merge-dialog');
      await dialog.waitFor({ state: 'visible' });
      // The name: the first picked (the more frequent one comes first in the table).
      assert.equal(await dialog.locator('[name=name]').inputValue(), '劳动模范');
      await dialog.locator('[name=name]').fill('劳模');
      await session.screenshot('chinese-merge-dialog');
      await afterAnalysis(page, () => dialog.locator('button[value=merge]').click());
      rows = await keywordRows(page);
      assert.equal(freqOf(rows, '劳模'), 9);
      assert.equal(freqOf(rows, '劳动模范'), undefined);

      // From KWIC: 工会 and a form typed in, in traditional script: it means the simplified form
      // the traditional documents are counted as (the settings list 工会组织 below).
      await page.locator('#view-keywords td.term button', { hasText: /^工会$/ }).click();
      await page.waitForFunction(() => document.querySelector('#view-kwic .kwic-root')?.dataset.state === 'ready');
      await page.click('#view-kwic .kwic-merge');
      await dialog.locator('[name=more]').fill('工會組織');
      await afterAnalysis(page, () => dialog.locator('button[value=merge]').click());
      await page.waitForFunction(() => document.querySelectorAll('#view-kwic tbody tr').length === 6);
      rows = await keywordRows(page);
      assert.deepEqual([freqOf(rows, '工会'), freqOf(rows, '工会组织')], [6, undefined]);

      // The settings list them; a rename and a split.
      const list = page.locator('#settings .merge-list');
      await page.locator('#settings details.merges > summary').click();
      assert.equal(await list.locator('li.merge').count(), 2);
      await session.screenshot('chinese-merges-settings');
      await afterAnalysis(page, async () => {
        await list.locator('input[name=mergeName]').first().fill('模范');
        await list.locator('input[name=mergeName]').first().press('Enter');
        await list.locator('input[name=mergeName]').first().blur();
      });
      rows = await keywordRows(page);
      assert.deepEqual([freqOf(rows, '模范'), freqOf(rows, '劳模')], [9, undefined]);
      await afterAnalysis(page, () => list.locator('button.merge-form', { hasText: '工会组织' }).click());
      rows = await keywordRows(page);
      assert.deepEqual([freqOf(rows, '工会'), freqOf(rows, '工会组织')], [3, 3]);
      assert.equal(await list.locator('li.merge').count(), 1, 'a group of one form is no group');

      // Kept across a reload, and in the workspace file.
      await page.waitForTimeout(300); // the store writes
      await page.reload();
      await settled(page, 0);
      rows = await keywordRows(page);
      assert.equal(freqOf(rows, '模范'), 9, `after a reload: ${rows.slice(0, 10).map((r) => r.term)}`);
      await page.click('.menu summary');
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-workspace')]);
      const workspace = JSON.parse(await readFile(await download.path(), 'utf8'));
      assert.deepEqual(workspace.settings.merges, [{ name: '模范', forms: ['劳动模范', '劳模'] }]);

      // --- suggested stop words, over the five seeds --------------------------------------------
      await afterAnalysis(page, () => page.click('#documents [data-bulk=all]'));
      for (const doc of docs) {
        await afterAnalysis(page, () =>
          page.locator(`#documents li.doc[data-id="${doc.id}"] input[type=checkbox]`).uncheck(),
        );
      }
      await page.locator('#settings details.stop-words > summary').click();
      await page.locator('#settings details.suggested > summary').click();
      const suggested = page.locator('#settings .suggest-list button.suggest-stop');
      await suggested.first().waitFor();
      const offered = await suggested.allTextContents();
      t.diagnostic(`suggested: ${offered.join(' ')}`);
      await session.screenshot('chinese-suggestions');
      const [first] = offered;
      await afterAnalysis(page, () => suggested.first().click());
      assert.deepEqual((await page.inputValue('#settings [name=stopWordList]')).split(/\s+/), [first]);
      assert.ok(!(await keywordRows(page)).some((r) => r.term === first), `${first} is still counted`);
      await page.waitForFunction(
        (word) => ![...document.querySelectorAll('#settings .suggest-list button')].some((b) => b.textContent === word),
        first,
      );
      if (offered.length > 2) {
        const rest = await suggested.allTextContents();
        await afterAnalysis(page, () => page.click('#settings .suggest-all'));
        const stopped = (await page.inputValue('#settings [name=stopWordList]')).split(/\s+/);
        assert.deepEqual(new Set(stopped), new Set([first, ...rest]));
      }

      // --- 人物 · 地点 · 机构: names outside the dictionary, tagged by the model --------------------
      const count = await page.evaluate(() => Number(document.body.dataset.analysis));
      await dropFiles(page, [{ name: '人物.txt', bytes: encode(NAMES, 'utf8') }]);
      await settled(page, count);
      const names = (await documentList(page)).find((d) => d.name === '人物.txt');
      await analyseOnly(page, names.id);
      await keywordRows(page);
      await afterAnalysis(page, () => page.click('#view-keywords .pos-filter button[data-pos=person]'));
      rows = await keywordRows(page);
      assert.deepEqual(rows.map((r) => r.term).sort(), ['孔玲', '徐虎', '恩佐', '温宪', '师傅'].sort());
      assert.ok(
        rows.every((r) => r.pos === 'nr'),
        `tags: ${rows.map((r) => r.pos)}`,
      );
      await session.screenshot('chinese-people');
      await afterAnalysis(page, () => page.click('#view-keywords .pos-filter button[data-pos=place]'));
      assert.deepEqual(
        (await keywordRows(page)).map((r) => r.term),
        ['罗马'],
      );
      // The network's quick filter is the same setting.
      await page.click('[data-tab="network"]');
      assert.equal(await page.getAttribute('#view-network .pos-filter button[data-pos=place]', 'aria-pressed'), 'true');
      await afterAnalysis(page, () => page.click('#view-network .pos-filter button[data-pos=all]'));
      assert.equal(await page.getAttribute('#view-keywords .pos-filter button[data-pos=all]', 'aria-pressed'), 'true');
      // And the cloud's: 人物 there leaves only the people in the cloud.
      await cloudWords(page);
      await afterAnalysis(page, () => page.click('#view-cloud .pos-filter button[data-pos=person]'));
      assert.deepEqual((await cloudWords(page)).sort(), ['孔玲', '徐虎', '恩佐', '温宪', '师傅'].sort());
      await session.screenshot('chinese-cloud-people');
    } catch (err) {
      await session.screenshot('chinese-failure').catch(() => {});
      throw err;
    }
    session.assertClean();
  },
);

test(
  'the script tables cannot be fetched: one notice with its code, and the page goes on',
  { timeout: 120_000 },
  async (t) => {
    // No service worker: its install would fetch the tables too (the precache).
    const session = await startSession({ context: { serviceWorkers: 'block' } });
    t.after(() => session.close());
    const { page, context } = session;
    await context.route(/\.wxs$/, (route) => route.fulfill({ status: 503, body: '' }));
    // jieba's IDF table (fetched after the first cloud) cannot be fetched either.
    await context.route(/\.wxi$/, (route) => route.fulfill({ status: 503, body: '' }));
    await openPage(session);
    try {
      const before = await page.evaluate(() => Number(document.body.dataset.analysis));
      await dropFiles(page, [FILES[1]]);
      await settled(page, before);
      assert.equal(await page.evaluate(() => document.body.dataset.scriptData), 'failed');
      const texts = await page.locator('#documents .notices li.error').allTextContents();
      assert.ok(
        texts.some(
          (text) =>
            text.includes('无法加载数据文件 wenxi.wxs（HTTP 503）') && text.includes('Cannot load the data file'),
        ),
        `notices: ${texts}`,
      );
      assert.equal(await page.locator('#documents li.doc .doc-script').last().textContent(), '繁體');
      // Counted as it is: its own (traditional) terms.
      const doc = (await documentList(page)).at(-1);
      await analyseOnly(page, doc.id);
      assert.ok((await keywordRows(page)).some((r) => r.term === '勞模'));
      await session.screenshot('chinese-no-script-data');

      // Without jieba's IDF table a cloud sized by its TF-IDF is sized by the corpus's, not empty.
      await page.waitForFunction(() => document.body.dataset.idf === 'failed');
      const notices = await page.locator('#documents .notices li.error').allTextContents();
      assert.ok(
        notices.some((text) => text.includes('wenxi.wxi（HTTP 503）') && text.includes('改用本语料的 IDF')),
        `notices: ${notices}`,
      );
      await page.click('[data-tab="cloud"]');
      const weight = page.locator('#view-cloud').getByRole('combobox', { name: '权重' });
      await afterAnalysis(page, () => weight.selectOption('tfidf'));
      const words = await cloudWords(page);
      assert.ok(words.length >= 10, `the cloud by TF-IDF without jieba's IDF: ${words.length} words`);
      assert.ok(words.includes('勞模'), words.join(' '));
      await session.screenshot('chinese-no-idf-cloud');
    } catch (err) {
      await session.screenshot('chinese-no-script-data-failure').catch(() => {});
      throw err;
    }
    // The browser logs the failed response itself; nothing else may be logged.
    const others = session.consoleErrors.filter((line) => !/503/.test(line));
    assert.deepEqual(others, []);
    assert.deepEqual(session.pageErrors, []);
    assert.deepEqual(session.foreignRequests(), []);
  },
);
