// The cloud's look as a person sets it (issue 11): upright vertical Chinese (no ideograph is
// ever drawn on its side), every shape (screenshots at 1× and 2× in tests/e2e/artifacts/), the
// person's own picture as the shape (words stay inside it; an empty one says so), nothing
// dropped silently, palettes and pinned colours without a new layout, the word's menu (mouse
// and keyboard), exports of the asked size (transparent when asked), and the choices kept
// after a reload. One page session. Needs dist/ (`cargo xtask build`).
// WENXI_DOCS_IMAGES=1 also writes the README's two example clouds to docs/images/.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { ARTIFACTS, ROOT, startSession } from './harness.mjs';

const CLOUD = '#view-cloud';
const SHAPES = [
  'ellipse',
  'circle',
  'rectangle',
  'heart',
  'star',
  'diamond',
  'triangle',
  'hexagon',
  'speechBubble',
  'cloud',
];

/** Runs `action` and waits for the cloud drawn after it (a new layout). */
async function afterLayout(page, action) {
  const before = await page.evaluate((sel) => Number(document.querySelector(sel).dataset.layouts ?? 0), CLOUD);
  await action();
  await page.waitForFunction(
    ([sel, n]) => Number(document.querySelector(sel).dataset.layouts ?? 0) > n,
    [CLOUD, before],
    { timeout: 30_000 },
  );
}

/** Runs `action` and waits until the page finishes the analysis it causes. */
async function afterAnalysis(page, action) {
  const before = await page.evaluate(() => Number(document.body.dataset.analysis));
  await action();
  await page.waitForFunction((n) => Number(document.body.dataset.analysis) > n, before, { timeout: 30_000 });
}

/**
 * Every drawn word as the browser placed its characters: the word, its orientation, whether
 * any ideograph is turned, whether a vertical word's characters go down one column, its box.
 */
const readWords = (page) =>
  page.$$eval(`${CLOUD} svg text.cloud-word`, (nodes) =>
    nodes.map((node) => {
      const text = [...node.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.data)
        .join('');
      const chars = [...text];
      const ideograph = /\p{Script=Han}/u;
      let turnedIdeograph = !!node.getAttribute('transform');
      let column = true;
      let previous = null;
      chars.forEach((c, i) => {
        if (ideograph.test(c) && node.getRotationOfChar(i) !== 0) turnedIdeograph = true;
        const at = node.getExtentOfChar(i);
        if (node.dataset.orientation === 'vertical' && previous && ideograph.test(c)) {
          if (Math.abs(at.x - previous.x) > at.width * 0.6 || at.y < previous.y + previous.height * 0.7) column = false;
        }
        previous = at;
      });
      const box = node.getBBox();
      return {
        text,
        orientation: node.dataset.orientation,
        turnedIdeograph,
        column,
        fill: node.getAttribute('fill'),
        size: Number(node.getAttribute('font-size')),
        at: `${node.getAttribute('x')},${node.getAttribute('y')}`,
        box: { x: box.x, y: box.y, right: box.x + box.width, bottom: box.y + box.height },
      };
    }),
  );

const viewBox = (page) => page.$eval(`${CLOUD} svg`, (svg) => svg.viewBox.baseVal.width);

/** The words the note names as not placed. */
async function namedUnplaced(page) {
  const note = page.locator(`${CLOUD} .cloud-note`);
  if (!(await note.isVisible())) return [];
  const text = await note.textContent();
  const list = text.slice(text.indexOf('：') + 1, text.indexOf('。'));
  return list.split('、');
}

async function tableTerms(page) {
  const details = page.locator(`${CLOUD} details.cloud-numbers`);
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
  await details.locator('tbody tr').first().waitFor(); // made once the table is open
  return page.$$eval(`${CLOUD} details.cloud-numbers tbody td.term`, (cells) => cells.map((c) => c.textContent));
}

/** A PNG made in the page: `draw(context, w, h)` source as a string, run on a w×h canvas. */
const makePng = (page, width, height, draw) =>
  page
    .evaluate(
      async ([w, h, source]) => {
        const canvas = new OffscreenCanvas(w, h);
        const context = canvas.getContext('2d');
        new Function('context', 'w', 'h', source)(context, w, h);
        const blob = await canvas.convertToBlob({ type: 'image/png' });
        return [...new Uint8Array(await blob.arrayBuffer())];
      },
      [width, height, draw],
    )
    .then((bytes) => Buffer.from(bytes));

/** Downloads a PNG export; returns its bytes, width, height. */
async function exportPng(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(CLOUD).getByRole('button', { name: '导出 PNG' }).click(),
  ]);
  const bytes = await readFile(await download.path());
  assert.deepEqual([...bytes.subarray(1, 4)], [0x50, 0x4e, 0x47], 'not a PNG');
  return { bytes, width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The alpha of a PNG's top-left pixel, decoded by the browser. */
const cornerAlpha = (page, bytes) =>
  page.evaluate(
    async (data) => {
      const bitmap = await createImageBitmap(new Blob([new Uint8Array(data)], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d');
      context.drawImage(bitmap, 0, 0);
      return context.getImageData(0, 0, 1, 1).data[3];
    },
    [...bytes],
  );

/** Uploads a 400 × 300 picture whose left half is dark, as the cloud's own shape. */
async function uploadLeftHalf(page, view) {
  await view.locator('input[name=mask]').setInputFiles({
    name: 'left-half.png',
    mimeType: 'image/png',
    buffer: await makePng(
      page,
      400,
      300,
      "context.fillStyle = '#fff'; context.fillRect(0, 0, w, h); context.fillStyle = '#000'; context.fillRect(0, 0, w / 2, h);",
    ),
  });
}
test(
  "the cloud's look: upright columns, shapes, own picture, nothing dropped, exports, menu",
  { timeout: 300_000 },
  async (t) => {
    const session = await startSession();
    t.after(() => session.close());
    const { page } = session;
    const view = page.locator(CLOUD);
    const choose = (name, value) => afterLayout(page, () => view.locator(`select[name=${name}]`).selectOption(value));
    try {
      await page.goto(session.url);
      await page.waitForFunction(() => Number(document.body.dataset.analysis) >= 1, null, { timeout: 60_000 });

      // Mixed (the default): some words vertical, in upright columns; no ideograph on its side.
      let words = await readWords(page);
      assert.ok(words.length >= 50, `${words.length} words`);
      const vertical = words.filter((w) => w.orientation === 'vertical');
      assert.ok(vertical.length >= 5 && vertical.length < words.length / 2, `${vertical.length} vertical words`);
      assert.deepEqual(
        words.filter((w) => w.turnedIdeograph).map((w) => w.text),
        [],
        'ideographs drawn on their side',
      );
      assert.deepEqual(
        vertical.filter((w) => !w.column).map((w) => w.text),
        [],
        'vertical words not in one column',
      );

      // Mostly vertical, 200 words: every word of the table is drawn or named as not placed.
      await choose('orientation', 'vertical');
      await choose('count', '200');
      words = await readWords(page);
      assert.ok(words.filter((w) => w.orientation === 'vertical').length > words.length / 2, 'not mostly vertical');
      assert.deepEqual(
        words.filter((w) => w.turnedIdeograph || !w.column).map((w) => w.text),
        [],
      );
      const terms = await tableTerms(page);
      assert.equal(terms.length, 200);
      const unplaced = await namedUnplaced(page);
      const shown = new Set([...words.map((w) => w.text), ...unplaced]);
      assert.deepEqual(
        terms.filter((term) => !shown.has(term)),
        [],
        'words dropped without a word',
      );
      await session.screenshot('cloud-look-vertical');

      // Every shape, at 1× (the page) and 2× (the export).
      await choose('count', '100');
      await choose('orientation', 'mixed');
      for (const shape of SHAPES) {
        if ((await view.locator('select[name=shape]').inputValue()) !== shape) await choose('shape', shape);
        const placed = await readWords(page);
        assert.ok(placed.length >= 40, `${shape}: only ${placed.length} words`);
        await view.locator('.cloud-box').screenshot({ path: `${ARTIFACTS}cloud-shape-${shape}.png` });
        await view.locator('select[name=pngSize]').selectOption('2');
        const png = await exportPng(page);
        assert.equal(png.width, Math.round((await viewBox(page)) * 2), `${shape}: a 2× PNG of another width`);
        mkdirSync(ARTIFACTS, { recursive: true });
        writeFileSync(`${ARTIFACTS}cloud-shape-${shape}@2x.png`, png.bytes);
      }

      // Palette and colour by: new colours, the same places (no new layout).
      const before = await readWords(page);
      await view.locator('select[name=palette]').selectOption('redGold');
      await page.waitForFunction(
        (sel) => document.querySelector(`${sel} svg text`).getAttribute('fill') === '#b3001b',
        CLOUD,
      );
      const recoloured = await readWords(page);
      assert.deepEqual(
        recoloured.map((w) => w.at),
        before.map((w) => w.at),
        'a palette moved the words',
      );
      await view.locator('select[name=colorBy]').selectOption('community');

      // The word's menu, by mouse: contexts, stop, merge (the merge dialog, issue 10), pin.
      const word = view.locator('svg text.cloud-word').nth(3);
      const wordText = await word.evaluate((n) => n.lastChild.data);
      await word.click({ button: 'right' });
      const menu = view.getByRole('menu');
      await menu.waitFor({ state: 'visible' });
      assert.deepEqual(await menu.getByRole('menuitem').allTextContents(), [
        '查看语境',
        '停用此词',
        '与……合并',
        '固定颜色',
      ]);
      const pinnedColour = await word.getAttribute('fill');
      await menu.getByRole('menuitem', { name: '固定颜色' }).click();
      await view.locator('select[name=palette]').selectOption('mono');
      const fillOf = (text) =>
        page.$$eval(
          `${CLOUD} svg text.cloud-word`,
          (nodes, t) => nodes.find((n) => n.lastChild.data === t)?.getAttribute('fill'),
          text,
        );
      assert.equal(await fillOf(wordText), pinnedColour, 'the pinned colour did not stay');
      // By keyboard: Shift+F10 opens it on the focused word, Escape gives the focus back.
      await word.focus();
      await page.keyboard.press('Shift+F10');
      await menu.waitFor({ state: 'visible' });
      assert.equal(await page.evaluate(() => document.activeElement.textContent), '查看语境');
      await page.keyboard.press('ArrowDown');
      assert.equal(await page.evaluate(() => document.activeElement.textContent), '停用此词');
      await page.keyboard.press('Escape');
      await menu.waitFor({ state: 'hidden' });
      assert.equal(await page.evaluate(() => document.activeElement.lastChild?.data), wordText);

      // Exports: 1×, 4×, 3000 px wide; transparent when asked; SVG with text as text.
      const width = await viewBox(page);
      await view.locator('select[name=pngSize]').selectOption('1');
      assert.equal((await exportPng(page)).width, width);
      await view.locator('select[name=pngSize]').selectOption('4');
      assert.equal((await exportPng(page)).width, width * 4);
      await view.locator('select[name=pngSize]').selectOption('width');
      await view.locator('input[name=pngWidth]').fill('3000');
      const wide = await exportPng(page);
      assert.equal(wide.width, 3000);
      const aspect = await page.$eval(`${CLOUD} svg`, (s) => s.viewBox.baseVal.height / s.viewBox.baseVal.width);
      assert.ok(Math.abs(wide.height - 3000 * aspect) <= 1, `3000 px wide but ${wide.height} px high`);
      assert.equal(await cornerAlpha(page, wide.bytes), 255, 'the white background is not in the PNG');
      await view.locator('input[name=transparent]').check();
      await view.locator('select[name=pngSize]').selectOption('1');
      assert.equal(await cornerAlpha(page, (await exportPng(page)).bytes), 0, 'a transparent PNG has a background');
      const [svgDownload] = await Promise.all([
        page.waitForEvent('download'),
        view.getByRole('button', { name: '导出 SVG' }).click(),
      ]);
      const svg = await readFile(await svgDownload.path(), 'utf8');
      assert.match(svg, /<text[^>]*>(<title>[^<]*<\/title>)?精神<\/text>/);
      assert.doesNotMatch(svg, /<rect[^>]*fill="#ffffff"/, 'a transparent SVG has a white background');

      // The person's own picture: the left half of it dark; every word stays in that half.
      await afterLayout(page, () => uploadLeftHalf(page, view));
      assert.equal(await view.locator('select[name=shape]').inputValue(), 'custom');
      await view.locator('.cloud-mask-preview').waitFor({ state: 'visible' });
      const inside = await readWords(page);
      assert.ok(inside.length >= 30, `${inside.length} words in the picture`);
      // The text's box is its advance: a glyph's side bearings may pass the ink's edge a little.
      const outside = inside.filter((w) => w.box.right > width / 2 + 2 + 0.1 * w.size);
      assert.deepEqual(
        outside.map((w) => w.text),
        [],
        'words outside the picture',
      );
      await session.screenshot('cloud-look-mask');
      // A picture with nothing dark: the preview says why, by its code's message.
      await view.locator('input[name=mask]').setInputFiles({
        name: 'blank.png',
        mimeType: 'image/png',
        buffer: await makePng(page, 200, 200, "context.fillStyle = '#fff'; context.fillRect(0, 0, w, h);"),
      });
      await view.locator('.cloud-mask-error').waitFor({ state: 'visible' });
      assert.match(await view.locator('.cloud-mask-error').textContent(), /没有足够深或不透明的像素.*阈值 128/);
      await afterLayout(page, () => view.locator('select[name=shape]').selectOption('heart'));

      // Stop this word, from its menu: it leaves the cloud.
      await view.locator('input[name=transparent]').uncheck();
      const victim = view.locator('svg text.cloud-word').nth(2);
      const victimText = await victim.evaluate((n) => n.lastChild.data);
      await victim.click({ button: 'right' });
      await afterAnalysis(page, () => menu.getByRole('menuitem', { name: '停用此词' }).click());
      assert.ok(!(await readWords(page)).some((w) => w.text === victimText), `${victimText} is still drawn`);

      if (process.env.WENXI_DOCS_IMAGES) {
        mkdirSync(`${ROOT}docs/images`, { recursive: true });
        copyFileSync(`${ARTIFACTS}cloud-shape-heart.png`, `${ROOT}docs/images/cloud-heart.png`);
      }

      // Kept after a reload: orientation, shape, palette, background, the pin.
      await page.reload();
      await page.waitForFunction(() => Number(document.body.dataset.analysis) >= 1, null, { timeout: 60_000 });
      assert.equal(await view.locator('select[name=shape]').inputValue(), 'heart');
      assert.equal(await view.locator('select[name=palette]').inputValue(), 'mono');
      assert.equal(await view.locator('select[name=colorBy]').inputValue(), 'community');
      assert.equal(await fillOf(wordText), pinnedColour, 'the pin was not kept');

      // A poster: mostly vertical, red and gold on dark red, heavy type (the README's second image).
      await choose('orientation', 'vertical');
      await view.locator('select[name=palette]').selectOption('redGold');
      await view.locator('input[name=background]').evaluate((input) => {
        input.value = '#fff8e7';
        input.dispatchEvent(new Event('change'));
      });
      await choose('fontWeight', '700');
      await view.locator('.cloud-box').screenshot({ path: `${ARTIFACTS}cloud-poster.png` });
      if (process.env.WENXI_DOCS_IMAGES)
        copyFileSync(`${ARTIFACTS}cloud-poster.png`, `${ROOT}docs/images/cloud-poster.png`);
    } catch (err) {
      await session.screenshot('cloud-look-failure').catch(() => {});
      throw err;
    }
    session.assertClean();
  },
);

test('a big cloud is drawn a frame at a time: the first words at once, an export only of the whole', async (t) => {
  const session = await startSession();
  t.after(() => session.close());
  const { page } = session;
  const view = page.locator(CLOUD);
  try {
    await page.goto(session.url);
    await page.locator(`${CLOUD} .cloud-box[data-state=drawn]`).waitFor({ state: 'attached', timeout: 60_000 });
    // 200 words: as soon as the first of them are in (the drawing not finished), SVG export.
    const [download, firstSlice] = await Promise.all([
      page.waitForEvent('download'),
      page.evaluate(
        (sel) =>
          new Promise((resolve) => {
            const view = document.querySelector(sel);
            const svg = view.querySelector('svg');
            new MutationObserver((_, observer) => {
              if (view.querySelector('.cloud-box').dataset.state !== 'laying-out') return;
              observer.disconnect();
              const shown = svg.querySelectorAll('text.cloud-word').length;
              view.querySelector('button[data-action=export-svg]').click();
              resolve(shown);
            }).observe(svg, { childList: true });
            const select = view.querySelector('select[name=count]');
            select.value = '200';
            select.dispatchEvent(new Event('change'));
          }),
        CLOUD,
      ),
    ]);
    await page.locator(`${CLOUD} .cloud-box[data-state=drawn]`).waitFor({ state: 'attached' });
    const drawn = await view.locator('svg text.cloud-word').count();
    assert.ok(firstSlice > 0 && firstSlice < drawn, `first ${firstSlice} of ${drawn} words`);
    const ranks = await page.$$eval(`${CLOUD} svg text.cloud-word`, (nodes) => nodes.map((n) => n.dataset.rank));
    assert.equal(new Set(ranks).size, drawn, 'a word drawn twice');
    const svg = await readFile(await download.path(), 'utf8');
    assert.equal(svg.match(/<text[ >]/g)?.length, drawn, 'the export is not the whole cloud');
    // The listeners are the svg's: a word drawn in a later frame opens its contexts too.
    const last = view.locator('svg text.cloud-word').nth(drawn - 1);
    const lastText = await last.evaluate((n) => n.lastChild.data);
    await last.click();
    await page.waitForFunction((word) => document.querySelector('#view-kwic').textContent.includes(word), lastText, {
      timeout: 15_000,
    });
  } catch (err) {
    await session.screenshot('cloud-slices-failure').catch(() => {});
    throw err;
  }
  session.assertClean();
});

test(
  'colour by document group and by keyness, with legends; the picture shape kept across a reload',
  { timeout: 180_000 },
  async (t) => {
    const session = await startSession();
    t.after(() => session.close());
    const { page } = session;
    const view = page.locator(CLOUD);
    const legend = view.locator('.cloud-legend');
    /** The fill of the drawn word `text`. */
    const fillOf = (text) =>
      page.$$eval(
        `${CLOUD} svg text.cloud-word`,
        (nodes, word) => nodes.find((n) => n.lastChild?.data === word)?.getAttribute('fill') ?? null,
        text,
      );
    /** The core's colour data for the drawn words, as the page's worker computes it. */
    const colourData = async () => {
      const words = (await readWords(page)).map((w) => w.text);
      return page.evaluate((terms) => window.wenxi.request('colourData', terms, {}), words);
    };
    try {
      await page.goto(session.url);
      await page.waitForFunction(() => Number(document.body.dataset.analysis) >= 1, null, { timeout: 60_000 });
      await view.locator('svg text.cloud-word').first().waitFor();

      // By group: the seeds have no groups, so by source; two words whose sources differ differ.
      await view.locator('select[name=colorBy]').selectOption('group');
      await legend.waitFor({ state: 'visible' });
      const data = await colourData();
      assert.equal(data.groupBy, 'source');
      const named = data.groups.find((g) => g.name);
      assert.ok(named && data.groups.length >= 2, JSON.stringify(data.groups));
      const inGroup = (i) => data.terms.find((x) => x.group === i)?.term;
      const [a, b] = [inGroup(0), inGroup(1)];
      assert.ok(a && b, 'two words of different groups');
      await page.waitForFunction(
        ([sel, x, y]) => {
          const fill = (w) =>
            [...document.querySelectorAll(sel)].find((n) => n.lastChild?.data === w)?.getAttribute('fill');
          return fill(x) && fill(y) && fill(x) !== fill(y) && fill(x) !== '#9a9a9a';
        },
        [`${CLOUD} svg text.cloud-word`, a, b],
      );
      const groupLegend = await legend.textContent();
      assert.match(groupLegend, /颜色：来源/);
      assert.ok(groupLegend.includes(named.name), `the legend does not name ${named.name}: ${groupLegend}`);
      assert.match(groupLegend, /未注明来源/);
      // The swatch of a word's group is the word's colour.
      const swatches = await legend.locator('li').evaluateAll((items) => items.map((li) => li.dataset.color));
      assert.ok(swatches.includes(await fillOf(a)), 'the legend lacks the colour of a group');
      await session.screenshot('cloud-colour-group');

      // By keyness: all seeds selected, so against jieba's dictionary; a very key word and a
      // barely key one (by the page's own data) are drawn in different colours.
      await view.locator('select[name=colorBy]').selectOption('keyness');
      await legend.locator('text=关键性').waitFor();
      const key = (await colourData()).terms.filter((x) => x.llr !== null && x.llr >= 3.84);
      const strong = key.find((x) => x.logRatio >= 5)?.term;
      const mild = key.find((x) => x.logRatio < 3)?.term;
      assert.ok(strong && mild, 'a very key and a barely key word');
      await page.waitForFunction(
        ([sel, x, y]) => {
          const fill = (w) =>
            [...document.querySelectorAll(sel)].find((n) => n.lastChild?.data === w)?.getAttribute('fill');
          return fill(x) && fill(y) && fill(x) !== fill(y) && fill(x) !== '#9a9a9a';
        },
        [`${CLOUD} svg text.cloud-word`, strong, mild],
      );
      assert.match(await legend.textContent(), /对照：jieba 词典词频/);
      await session.screenshot('cloud-colour-keyness');

      // A picture too large to keep is refused, in words.
      await view.locator('input[name=mask]').setInputFiles({
        name: 'huge.png',
        mimeType: 'image/png',
        buffer: Buffer.alloc(6 * 1024 * 1024),
      });
      await page.getByText(/图片「huge\.png」太大/).waitFor();

      // The picture as the shape (its left half dark), kept across a reload; after the reload
      // no word is drawn in the plain shape first (every word drawn from the start is watched:
      // one right of the picture's edge is one drawn before the picture was back).
      const width = await viewBox(page);
      await afterLayout(page, () => uploadLeftHalf(page, view));
      await page.addInitScript((sel) => {
        const seen = (window.__wordsRightOfHalf = []);
        new MutationObserver(() => {
          const svg = document.querySelector(`${sel} svg`);
          for (const node of svg?.querySelectorAll('text.cloud-word:not([data-watched])') ?? []) {
            node.setAttribute('data-watched', '');
            const box = node.getBBox();
            const size = parseFloat(node.getAttribute('font-size') ?? '0');
            if (box.x + box.width > svg.viewBox.baseVal.width / 2 + 2 + 0.1 * size) seen.push(node.textContent);
          }
        }).observe(document, { subtree: true, childList: true });
      }, CLOUD);
      await page.reload();
      await page.waitForFunction(() => Number(document.body.dataset.analysis) >= 1, null, { timeout: 60_000 });
      await view.locator('.cloud-mask-name', { hasText: 'left-half.png' }).waitFor({ state: 'visible' });
      assert.equal(await view.locator('select[name=shape]').inputValue(), 'custom');
      assert.equal(await view.locator('select[name=colorBy]').inputValue(), 'keyness');
      await page.waitForFunction((sel) => document.querySelector(`${sel} .cloud-box`).dataset.state === 'drawn', CLOUD);
      const inside = await readWords(page);
      assert.ok(inside.length >= 30, `${inside.length} words in the picture after a reload`);
      const outside = inside.filter((w) => w.box.right > width / 2 + 2 + 0.1 * w.size);
      assert.deepEqual(
        outside.map((w) => w.text),
        [],
        'words outside the kept picture',
      );
      assert.deepEqual(
        await page.evaluate(() => window.__wordsRightOfHalf),
        [],
        'words drawn outside the picture before it was back (the plain shape first)',
      );
      await session.screenshot('cloud-mask-reloaded');

      // Removed, it stays removed after a reload.
      await afterLayout(page, () => view.getByRole('button', { name: '取消图片形状' }).click());
      await page.reload();
      await page.waitForFunction(() => Number(document.body.dataset.analysis) >= 1, null, { timeout: 60_000 });
      await page.waitForFunction((sel) => document.querySelector(`${sel} .cloud-box`).dataset.state === 'drawn', CLOUD);
      assert.notEqual(await view.locator('select[name=shape]').inputValue(), 'custom');
      assert.ok(await view.locator('.cloud-mask').isHidden(), 'the removed picture came back');
    } catch (err) {
      await session.screenshot('cloud-colour-failure').catch(() => {});
      throw err;
    }
    session.assertClean();
  },
);

test('the font menu lists the installed Chinese fonts once it is opened; the one chosen is drawn and kept', async (t) => {
  const session = await startSession();
  t.after(() => session.close());
  const { page } = session;
  const view = page.locator(CLOUD);
  const font = view.locator('select[name=font]');
  const listed = () => font.locator('option').evaluateAll((options) => options.map((o) => o.value));
  try {
    await page.goto(session.url);
    await page.waitForFunction(() => Number(document.body.dataset.analysis) >= 1, null, { timeout: 60_000 });
    // Measuring the fonts waits for the menu (it took ~95 ms of a cold start-up): the default only.
    assert.deepEqual(await listed(), ['']);
    await font.click();
    await page.keyboard.press('Escape');
    const fonts = (await listed()).slice(1);
    // The browser tests' machine has a CJK font (fonts-wqy-microhei, or Noto CJK).
    assert.ok(fonts.length >= 1, 'no installed font was listed');
    assert.ok(
      fonts.some((f) => /WenQuanYi|Noto Sans CJK|Noto Serif CJK/.test(f)),
      `the installed CJK font is not listed: ${fonts.join(', ')}`,
    );
    const chosen = fonts[0];
    await afterLayout(page, () => font.selectOption(chosen));
    assert.match((await view.locator('svg').getAttribute('font-family')) ?? '', new RegExp(chosen));
    assert.ok((await readWords(page)).length >= 50, 'the cloud in the chosen font lacks words');
    // Kept after a reload, before the menu is opened again (listed as the choice).
    await page.reload();
    await page.waitForFunction(() => Number(document.body.dataset.analysis) >= 1, null, { timeout: 60_000 });
    assert.equal(await font.inputValue(), chosen);
    await font.focus();
    const again = await listed();
    assert.equal(again.filter((f) => f === chosen).length, 1, `listed twice or not at all: ${again.join(', ')}`);
    assert.equal(await font.inputValue(), chosen);
  } catch (err) {
    await session.screenshot('cloud-font-failure').catch(() => {});
    throw err;
  }
  session.assertClean();
});
