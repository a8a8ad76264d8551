// The word cloud as a person uses it: it is the first thing shown, its largest word is the top
// term, the weight can be switched, words explain themselves on hover and open their contexts
// on click (or Enter), and the picture downloads as PNG and SVG. Needs dist/ (`cargo xtask build`).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { startSession } from './harness.mjs';

const CLOUD = '#view-cloud';

/** Waits for the page's first analysis (and the one after the model); returns the analysis counter. */
async function openPage(session) {
  const { page } = session;
  await page.goto(session.url);
  // 'ready': the part-of-speech model fetched after the first analysis is in, and analysed.
  await page.waitForFunction(
    () => Number(document.body.dataset.analysis) >= 1 && document.body.dataset.state === 'ready',
    null,
    { timeout: 60_000 },
  );
  return page.evaluate(() => Number(document.body.dataset.analysis));
}

/** Runs `action` and waits until the page finishes the analysis it causes. */
async function afterAnalysis(page, action) {
  const before = await page.evaluate(() => Number(document.body.dataset.analysis));
  await action();
  await page.waitForFunction((n) => Number(document.body.dataset.analysis) > n, before, { timeout: 30_000 });
}

/** Runs `action` and waits for the cloud it causes to be laid out and drawn. */
async function afterLayout(page, action) {
  const before = await page.evaluate((sel) => Number(document.querySelector(sel).dataset.layouts ?? 0), CLOUD);
  await action();
  await page.waitForFunction(
    ([sel, n]) => Number(document.querySelector(sel).dataset.layouts ?? 0) > n,
    [CLOUD, before],
    { timeout: 30_000 },
  );
}

/** The words the cloud shows: their visible text (not the <title>), font size, position. */
function readCloud(page, root = CLOUD) {
  return page.$$eval(`${root} svg text`, (nodes) =>
    nodes.map((node) => ({
      text: [...node.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.data)
        .join(''),
      size: Number(node.getAttribute('font-size')),
      at: `${node.getAttribute('x')},${node.getAttribute('y')}`,
      orientation: node.dataset.orientation,
      title: node.querySelector('title')?.textContent ?? '',
    })),
  );
}

/** One word of the cloud, found as a screen reader would: a button named "word，…". */
const wordIn = (page, text, root = CLOUD) =>
  page.locator(`${root} svg`).getByRole('button', { name: new RegExp(`^${text}[，,]`) });

const largest = (words) => words.reduce((a, b) => (b.size > a.size ? b : a));
const signature = (words) => words.map((w) => `${w.text}@${w.size}@${w.at}`).join('|');

/** The numbers table under the cloud: [{rank, term, count, weight}]. */
async function readNumbers(page) {
  const details = page.locator(`${CLOUD} details.cloud-numbers`);
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
  // The rows are made once the table is open (www/views/cloud/table.js).
  await details.locator('tbody tr').first().waitFor();
  return page.$$eval(`${CLOUD} details.cloud-numbers tbody tr`, (rows) =>
    rows.map((row) => {
      const cells = [...row.cells].map((c) => c.textContent.trim());
      return {
        rank: Number(cells[0]),
        term: cells[1],
        count: Number(cells[2].replace(/[,，]/g, '')),
        weight: cells[3],
      };
    }),
  );
}

test(
  'the word cloud shows the top terms, sized by the chosen weight, and opens contexts',
  { timeout: 180_000 },
  async (t) => {
    const session = await startSession();
    t.after(() => session.close());
    const { page } = session;

    try {
      await openPage(session);
      assert.equal(await page.evaluate(() => document.body.dataset.state), 'ready');

      // The cloud is the default tab.
      assert.equal(await page.locator('[data-tab="cloud"]').getAttribute('aria-selected'), 'true');
      assert.ok(await page.locator(CLOUD).isVisible(), 'the cloud view is not shown');

      const words = await readCloud(page);
      const texts = words.map((w) => w.text);
      assert.ok(words.length >= 50, `only ${words.length} words in the cloud`);
      assert.ok(texts.includes('劳模'), `劳模 not in the cloud: ${texts.slice(0, 40).join(' ')}`);
      assert.ok(texts.includes('工会'), `工会 not in the cloud: ${texts.slice(0, 40).join(' ')}`);
      assert.equal(new Set(texts).size, texts.length, 'a word is drawn twice');
      const sizes = words.map((w) => w.size);
      assert.ok(Math.max(...sizes) >= 40, `the largest word is only ${Math.max(...sizes)} px`);
      assert.ok(Math.min(...sizes) >= 6 && Math.min(...sizes) <= 20, `the smallest word is ${Math.min(...sizes)} px`);
      // Mixed: mostly horizontal, some in upright columns (cloud-look.test.mjs checks the columns).
      const vertical = words.filter((w) => w.orientation === 'vertical').length;
      assert.ok(vertical > 0 && vertical < words.length / 2, `${vertical} of ${words.length} words are vertical`);

      // The numbers table lists the same words; the largest word is its first row, the top term.
      const numbers = await readNumbers(page);
      assert.equal(numbers.length, 100, 'the default is 100 words');
      assert.equal(numbers[0].rank, 1);
      assert.equal(largest(words).text, numbers[0].term, 'the largest word is not the top term');
      // 188 times in the articles' bodies (201 with seed 001's page furniture, not counted).
      assert.equal(numbers[0].term, '精神', 'the seeds’ most frequent term is 精神 (188 times)');
      assert.equal(numbers[0].count, 188);
      for (const w of words)
        assert.ok(
          numbers.some((n) => n.term === w.text),
          `${w.text} is not in the table`,
        );
      const placedNote = page.locator(`${CLOUD} .cloud-note`);
      if (words.length < numbers.length) assert.match(await placedNote.textContent(), /放不下/);

      // Hover: a tooltip with the count, the same as the table's.
      const laomo = numbers.find((n) => n.term === '劳模');
      const laomoWord = wordIn(page, '劳模');
      await laomoWord.hover();
      const tip = page.locator(`${CLOUD} .cloud-tip`);
      await tip.waitFor({ state: 'visible' });
      const tipText = await tip.textContent();
      assert.match(tipText, /劳模/);
      assert.ok(tipText.includes(`频次 ${laomo.count}`), `tooltip "${tipText}" lacks the count ${laomo.count}`);
      assert.ok(
        words.find((w) => w.text === '劳模').title.includes(String(laomo.count)),
        'the <title> lacks the count',
      );
      await page.mouse.move(2, 2);
      await tip.waitFor({ state: 'hidden' });

      await session.screenshot('cloud-freq');

      // TextRank: the weight selector re-analyses and the cloud is redrawn with other sizes.
      const weight = page.locator(CLOUD).getByRole('combobox', { name: '权重' });
      assert.equal(await weight.inputValue(), 'freq');
      await afterAnalysis(page, () => weight.selectOption({ label: 'TextRank' }));
      const ranked = await readCloud(page);
      assert.notEqual(signature(ranked), signature(words), 'the cloud did not change for TextRank');
      const rankedNumbers = await readNumbers(page);
      assert.match(await page.locator(`${CLOUD} details.cloud-numbers thead`).textContent(), /TextRank/);
      assert.equal(largest(ranked).text, rankedNumbers[0].term, 'the largest TextRank word is not the top term');
      const sizeOf = (list, text) => list.find((w) => w.text === text)?.size;
      const changed = ranked.filter((w) => sizeOf(words, w.text) !== undefined && sizeOf(words, w.text) !== w.size);
      assert.ok(changed.length >= 10, `only ${changed.length} words changed size`);
      await session.screenshot('cloud-textrank');

      // Back to frequency: the same input gives exactly the same cloud (seeded layout).
      await afterAnalysis(page, () => weight.selectOption('freq'));
      assert.equal(signature(await readCloud(page)), signature(words), 'the same words gave another layout');

      // Fewer words (the cloud lays out again in its worker; no analysis).
      await afterLayout(page, () => page.locator(CLOUD).getByRole('combobox', { name: '词数' }).selectOption('50'));
      const fifty = await readCloud(page);
      assert.ok(fifty.length <= 50 && fifty.length >= 45, `${fifty.length} words for 50`);
      assert.equal(largest(fifty).text, '精神');
      await afterLayout(page, () => page.locator(CLOUD).getByRole('combobox', { name: '词数' }).selectOption('100'));

      // Export PNG (2×) and SVG.
      const svgBox = await page.locator(`${CLOUD} svg`).boundingBox();
      const [png] = await Promise.all([
        page.waitForEvent('download'),
        page.locator(CLOUD).getByRole('button', { name: '导出 PNG' }).click(),
      ]);
      assert.match(png.suggestedFilename(), /^wenxi-wordcloud-freq-.*\.png$/);
      const pngBytes = await readFile(await png.path());
      assert.ok(pngBytes.length > 10_000, `PNG is only ${pngBytes.length} bytes`);
      assert.deepEqual([...pngBytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'not a PNG');
      const pngWidth = pngBytes.readUInt32BE(16);
      assert.ok(
        Math.abs(pngWidth - svgBox.width * 2) <= 2,
        `PNG is ${pngWidth} px wide for a ${svgBox.width} px cloud`,
      );

      const [svg] = await Promise.all([
        page.waitForEvent('download'),
        page.locator(CLOUD).getByRole('button', { name: '导出 SVG' }).click(),
      ]);
      assert.match(svg.suggestedFilename(), /\.svg$/);
      const svgText = await readFile(await svg.path(), 'utf8');
      assert.match(svgText, /<svg/);
      assert.match(svgText, />精神</);
      assert.match(svgText, />劳模</);
      assert.match(svgText, /font-family="[^"]*WenQuanYi Micro Hei/);

      // Resizing the window lays the cloud out again for the new width.
      const viewBox = await page.locator(`${CLOUD} svg`).getAttribute('viewBox');
      await page.setViewportSize({ width: 900, height: 900 });
      await page.waitForFunction(
        ([sel, old]) => document.querySelector(sel).getAttribute('viewBox') !== old,
        [`${CLOUD} svg`, viewBox],
        { timeout: 10_000 },
      );
      const narrow = await readCloud(page);
      assert.equal(largest(narrow).text, '精神', 'the largest word was lost after resizing');
      await session.screenshot('cloud-narrow');
      await page.setViewportSize({ width: 1280, height: 900 });

      // Filters that leave no word: a message instead of an empty picture; then the cloud is back.
      const minFrequency = page.locator('#settings').getByLabel('最低词频');
      await afterAnalysis(page, async () => {
        await minFrequency.fill('100000');
        await minFrequency.press('Enter');
      });
      await page.locator(`${CLOUD} .cloud-note`).waitFor({ state: 'visible' });
      assert.match(await page.locator(`${CLOUD} .cloud-note`).textContent(), /没有可以显示的词/);
      assert.equal((await readCloud(page)).length, 0);
      assert.ok(await page.locator(`${CLOUD}`).getByRole('button', { name: '导出 PNG' }).isDisabled());
      await afterAnalysis(page, async () => {
        await minFrequency.fill('1');
        await minFrequency.press('Enter');
      });
      assert.equal(signature(await readCloud(page)), signature(words), 'the cloud did not come back as it was');
      assert.ok(!(await page.locator(`${CLOUD} .cloud-note`).isVisible()));

      // Keyboard: a word is focusable and Enter opens its contexts.
      const gonghui = wordIn(page, '工会');
      await gonghui.focus();
      assert.equal(await gonghui.getAttribute('tabindex'), '0');
      await session.screenshot('cloud-focus');
      await page.keyboard.press('Enter');
      const kwic = page.locator('#view-kwic');
      await kwic.waitFor({ state: 'visible' });
      assert.equal(await page.locator('[data-tab="kwic"]').getAttribute('aria-selected'), 'true');
      await page.waitForFunction(() => document.querySelector('#view-kwic').textContent.includes('工会'), null, {
        timeout: 15_000,
      });
      assert.ok(!(await page.locator(CLOUD).isVisible()), 'the cloud is still shown');

      // Click: back to the cloud, click 劳模, its contexts are shown.
      await page.locator('[data-tab="cloud"]').click();
      await wordIn(page, '劳模').click();
      await kwic.waitFor({ state: 'visible' });
      await page.waitForFunction(() => document.querySelector('#view-kwic').textContent.includes('劳模'), null, {
        timeout: 15_000,
      });
      await session.screenshot('cloud-click-kwic');
    } catch (err) {
      await session.screenshot('cloud-failure').catch(() => {});
      throw err;
    }
    session.assertClean();
  },
);

test('the word cloud speaks English after the language switch', { timeout: 120_000 }, async (t) => {
  const session = await startSession();
  t.after(() => session.close());
  const { page } = session;
  try {
    await openPage(session);
    await afterAnalysis(page, () => page.locator('#lang-switch').click());
    assert.ok(await page.locator(CLOUD).getByRole('combobox', { name: 'Weight', exact: true }).isVisible());
    assert.ok(await page.locator(CLOUD).getByRole('button', { name: 'Export PNG' }).isVisible());
    await page.locator(`${CLOUD} details.cloud-numbers summary`).click();
    await page.locator(`${CLOUD} details.cloud-numbers tbody tr`).first().waitFor();
    assert.match(await page.locator(`${CLOUD} details.cloud-numbers thead`).textContent(), /Frequency/);
    await wordIn(page, '劳模').hover();
    assert.match(await page.locator(`${CLOUD} .cloud-tip`).textContent(), /frequency \d+/);
    assert.ok((await readCloud(page)).length >= 50);
    await session.screenshot('cloud-en');
  } catch (err) {
    await session.screenshot('cloud-en-failure').catch(() => {});
    throw err;
  }
  session.assertClean();
});
