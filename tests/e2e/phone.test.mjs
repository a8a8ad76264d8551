// The page on a phone (390 × 844, touch), as a person holds it: the word cloud is on the first
// screen under a header that keeps to one line; the documents and the settings open as panels
// over the views (and close by their button, Escape, or a tap beside them); a document is ticked
// out inside the panel; the network takes a pinch, a one-finger pan and a dragged node; the
// tables fit the width. Needs dist/ (`cargo xtask build`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startSession } from './harness.mjs';

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };

const analyses = (page) => page.evaluate(() => Number(document.body.dataset.analysis ?? 0));
async function afterAnalysis(page, action) {
  const before = await analyses(page);
  await action();
  await page.waitForFunction((n) => Number(document.body.dataset.analysis ?? 0) > n, before, { timeout: 30_000 });
}

/** Nothing on the page is wider than the screen (no sideways scrolling of the whole page). */
async function assertFitsWidth(page, what) {
  const { page: width, widest } = await page.evaluate(() => {
    const visible = [...document.querySelectorAll('.workspace *')].filter((e) => e.getClientRects().length > 0);
    const right = (e) => e.getBoundingClientRect().right;
    // Inside a box that scrolls by itself (a wide table), overflow is that box's business.
    const scrolls = (e) =>
      e.closest('.sorttable-wrap, .kwic-wrap, .net-scroll, .cloud-table-scroll, .compare-table-scroll, #tabs');
    const outer = visible.filter((e) => !scrolls(e.parentElement ?? e) || e.matches('#tabs'));
    return {
      page: document.documentElement.scrollWidth,
      widest: outer.reduce((best, e) => (right(e) > best.right ? { right: right(e), tag: e.className } : best), {
        right: 0,
      }),
    };
  });
  assert.ok(width <= 390, `${what}: the page is ${width} px wide`);
  assert.ok(widest.right <= 391, `${what}: ${widest.tag} reaches ${widest.right} px`);
}

/** A touch gesture through the DevTools protocol: `frames` is a list of finger positions. */
async function touch(cdp, frames) {
  const points = (frame) => frame.map(([x, y], id) => ({ x, y, id }));
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: points(frames[0]) });
  for (const frame of frames.slice(1)) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: points(frame) });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

const steps = (from, to, n = 8) =>
  Array.from({ length: n + 1 }, (_, i) =>
    from.map(([x, y], f) => [x + ((to[f][0] - x) * i) / n, y + ((to[f][1] - y) * i) / n]),
  );

test('on a phone: the views first, panels over them, a network that takes fingers', { timeout: 240_000 }, async (t) => {
  const session = await startSession({ context: PHONE });
  t.after(() => session.close());
  const { page, context } = session;
  try {
    await page.goto(session.url);
    await page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 60_000 });

    // --- the first screen ----------------------------------------------------------------------
    await page.waitForFunction(() => document.querySelectorAll('#view-cloud svg text').length > 20);
    const first = await page.evaluate(() => {
      const box = (s) => document.querySelector(s).getBoundingClientRect();
      const buttons = [...document.querySelectorAll('.header-actions > button, .menu summary')].filter(
        (b) => b.getClientRects().length > 0,
      );
      return {
        header: box('.site-header').height,
        tops: buttons.map((b) => Math.round(b.getBoundingClientRect().top)),
        tallest: Math.max(...buttons.map((b) => b.getBoundingClientRect().height)),
        actions: [document.querySelector('.header-actions').scrollWidth, box('.header-actions').width],
        cloud: box('#view-cloud svg'),
        documents: document.querySelector('#documents').getClientRects().length,
      };
    });
    assert.ok(first.header < 60, `the header is ${first.header} px tall`);
    assert.equal(new Set(first.tops).size, 1, `the header's buttons are not on one line: ${first.tops}`);
    assert.ok(first.tallest < 44, `a header button is ${first.tallest} px tall (its label wraps)`);
    assert.ok(first.actions[0] <= Math.ceil(first.actions[1]), `the header's buttons overflow: ${first.actions}`);
    assert.ok(first.cloud.top < 300 && first.cloud.bottom <= 844, `the cloud is not on the first screen`);
    assert.ok(first.cloud.width > 340, `the cloud is only ${first.cloud.width} px wide`);
    assert.equal(first.documents, 0, 'the document list is on the page, not in a panel');
    await assertFitsWidth(page, 'the cloud');
    await session.screenshot('phone-cloud');

    // --- a word: a long press opens its menu, a short tap its contexts --------------------------------
    const pressCdp = await context.newCDPSession(page);
    const cloudWord = page.locator('#view-cloud svg text.cloud-word').first();
    const at = await cloudWord.boundingBox();
    const press = [{ x: at.x + at.width / 2, y: at.y + at.height / 2, id: 0 }];
    await pressCdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: press });
    const wordMenu = page.locator('#view-cloud .cloud-menu');
    await wordMenu.waitFor({ state: 'visible' }); // while the finger is still down
    await pressCdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    assert.ok(await wordMenu.isVisible(), 'lifting the finger closed the menu');
    assert.ok(await page.locator('#view-cloud').isVisible(), 'the long press opened the contexts too');
    await session.screenshot('phone-word-menu');
    await page.touchscreen.tap(195, 660); // the empty page below the cloud
    await wordMenu.waitFor({ state: 'hidden' });
    await cloudWord.tap();
    await page.locator('#view-kwic tbody tr').first().waitFor();
    assert.ok(await wordMenu.isHidden(), 'a short tap opened the menu');
    await page.locator('[data-tab="cloud"]').tap();
    await page.locator('#view-cloud svg text.cloud-word').first().waitFor();

    // --- the documents panel: open, tick a document out, close with its button -----------------------
    const docsToggle = page.locator('[data-panel-toggle="documents-panel"]');
    assert.equal(await docsToggle.getAttribute('aria-expanded'), 'false');
    await docsToggle.tap();
    const docsPanel = page.getByRole('dialog', { name: /文档/ });
    await docsPanel.waitFor({ state: 'visible' });
    assert.equal(await docsToggle.getAttribute('aria-expanded'), 'true');
    assert.ok(
      await page.evaluate(() => document.querySelector('#documents-panel').contains(document.activeElement)),
      'the focus did not move into the panel',
    );
    assert.ok(await page.locator('main.workspace').evaluate((m) => m.inert), 'the views behind the panel are usable');
    const panelBox = await docsPanel.boundingBox();
    assert.ok(
      panelBox.x >= 0 && panelBox.x + panelBox.width <= 390,
      `the panel is off the screen: ${JSON.stringify(panelBox)}`,
    );
    await session.screenshot('phone-documents');

    const boxes = docsPanel.locator('.doc-list input[type=checkbox]');
    assert.equal(await boxes.count(), 5);
    await afterAnalysis(page, () => boxes.first().tap());
    assert.equal(await boxes.first().isChecked(), false);
    assert.match(await page.locator('#status').textContent(), /已选 4 篇/);
    await docsPanel.getByRole('button', { name: '关闭' }).tap();
    await docsPanel.waitFor({ state: 'hidden' });
    assert.equal(await docsToggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.panelToggle), 'documents-panel');
    assert.ok(!(await page.locator('main.workspace').evaluate((m) => m.inert)));

    // --- the settings panel: Escape closes it; Tab stays inside; a tap beside it closes it ---------------
    const settingsToggle = page.locator('[data-panel-toggle="settings-panel"]');
    await settingsToggle.tap();
    const settingsPanel = page.getByRole('dialog', { name: /设置/ });
    await settingsPanel.waitFor({ state: 'visible' });
    assert.ok(await page.locator('#documents').isHidden(), 'two panels are open at once');
    await session.screenshot('phone-settings');
    for (let i = 0; i < 40; i++) await page.keyboard.press('Tab');
    assert.ok(
      await page.evaluate(() => document.querySelector('#settings-panel').contains(document.activeElement)),
      'Tab left the open panel',
    );
    await page.keyboard.press('Escape');
    await settingsPanel.waitFor({ state: 'hidden' });
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.panelToggle), 'settings-panel');

    await settingsToggle.tap();
    await settingsPanel.waitFor({ state: 'visible' });
    await page.touchscreen.tap(375, 600); // the dimmed page beside the panel
    await settingsPanel.waitFor({ state: 'hidden' });

    // --- the network: pinch, pan, drag a node ---------------------------------------------------------
    await page.locator('[data-tab="network"]').tap();
    await page.waitForFunction(() => document.querySelectorAll('#view-network svg .net-node').length >= 20, null, {
      timeout: 30_000,
    });
    await page.locator('#view-network svg').scrollIntoViewIfNeeded();
    await assertFitsWidth(page, 'the network');
    const svg = await page.locator('#view-network svg').boundingBox();
    assert.ok(svg.width > 340 && svg.x >= 0 && svg.x + svg.width <= 390, `the network is ${JSON.stringify(svg)}`);
    const viewport = page.locator('#view-network svg g.net-viewport');
    const transform = async () => {
      const [, x, y, k] = /translate\(([-\d.]+),([-\d.]+)\) scale\(([\d.]+)\)/.exec(
        await viewport.getAttribute('transform'),
      );
      return { x: +x, y: +y, k: +k };
    };
    const cdp = await context.newCDPSession(page);
    // Two fingers apart on the middle of the picture: it zooms in.
    const [cx, cy] = [svg.x + svg.width / 2, svg.y + svg.height / 2];
    const fitted = await transform();
    await touch(
      cdp,
      steps(
        [
          [cx - 30, cy - 30],
          [cx + 30, cy + 30],
        ],
        [
          [cx - 110, cy - 110],
          [cx + 110, cy + 110],
        ],
      ),
    );
    const pinched = await transform();
    assert.ok(pinched.k > fitted.k * 2, `a pinch did not zoom in: ${fitted.k} -> ${pinched.k}`);
    assert.equal(await page.locator('#view-network .net-node.is-pinned').count(), 0, 'the pinch pinned a term');
    await session.screenshot('phone-network-pinched');
    // Back to the whole picture, then one finger on empty space moves it.
    await page.locator('#view-network button[data-action="fit"]').tap();
    const empty = await page.evaluate(({ x, y, width, height }) => {
      for (let fy = 0.1; fy < 0.9; fy += 0.05) {
        for (let fx = 0.1; fx < 0.9; fx += 0.05) {
          const [px, py] = [x + fx * width, y + fy * height];
          if (document.elementFromPoint(px, py)?.tagName === 'svg') return [px, py];
        }
      }
      return null;
    }, svg);
    assert.ok(empty, 'no empty spot to pan from');
    const before = await transform();
    await touch(cdp, steps([empty], [[empty[0] + 60, empty[1] + 40]]));
    const panned = await transform();
    assert.ok(
      Math.abs(panned.x - before.x - 60) < 2 && Math.abs(panned.y - before.y - 40) < 2 && panned.k === before.k,
      `one finger did not pan: ${JSON.stringify(before)} -> ${JSON.stringify(panned)}`,
    );
    // One finger on a term drags it, and it stays where it was put.
    const node = page.locator('#view-network .net-node[data-term="工会"]');
    const from = await node.locator('circle').boundingBox();
    const [nx, ny] = [from.x + from.width / 2, from.y + from.height / 2];
    await touch(cdp, steps([[nx, ny]], [[nx + 40, ny + 30]]));
    assert.match(await node.getAttribute('class'), /is-pinned/);
    await page.waitForTimeout(1500); // the layout settles round it
    const to = await node.locator('circle').boundingBox();
    assert.ok(
      Math.abs(to.x - from.x - 40) < 3 && Math.abs(to.y - from.y - 30) < 3,
      `工会 moved from ${JSON.stringify(from)} to ${JSON.stringify(to)}`,
    );
    assert.ok(await page.locator('#view-network').isVisible(), 'dragging opened another view');
    await session.screenshot('phone-network');
    // A double tap releases it (and does not open its contexts). The two taps go out back to back:
    // on a busy machine a round trip between them could outlast the double-tap interval.
    const circle = await node.locator('circle').boundingBox();
    const finger = [{ x: circle.x + circle.width / 2, y: circle.y + circle.height / 2, id: 0 }];
    const send = (type, touchPoints) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints });
    await Promise.all([
      send('touchStart', finger),
      send('touchEnd', []),
      send('touchStart', finger),
      send('touchEnd', []),
    ]);
    await page.waitForFunction(() => !document.querySelector('#view-network .net-node[data-term="工会"].is-pinned'));
    await page.waitForTimeout(400);
    assert.ok(await page.locator('#view-network').isVisible(), 'a double tap opened the contexts');

    // --- the tables fit the width -------------------------------------------------------------------
    await page.locator('[data-tab="keywords"]').tap();
    await page.locator('#view-keywords tbody tr').first().waitFor();
    await assertFitsWidth(page, 'the keywords');
    await session.screenshot('phone-keywords');
    await page.locator('[data-tab="kwic"]').tap();
    await page.locator('#view-kwic .kwic-search').fill('劳模');
    await page.locator('#view-kwic .kwic-search').press('Enter');
    await page.locator('#view-kwic tbody tr').first().waitFor();
    await assertFitsWidth(page, 'the contexts');
    await session.screenshot('phone-kwic');
    await page.locator('[data-tab="compare"]').tap();
    await page.locator('#view-compare tbody tr').first().waitFor();
    await page.waitForFunction(() => document.querySelectorAll('#view-compare svg text').length > 5);
    await assertFitsWidth(page, 'the comparison');
    await session.screenshot('phone-compare');

    // --- what happens in the closed documents panel is flagged on its button ---------------------------
    assert.doesNotMatch(await docsToggle.getAttribute('class'), /has-news/);
    await page.locator('#paste-text').tap();
    await page.locator('#paste-dialog textarea').fill('劳模精神，工匠精神。大力弘扬劳模精神。');
    await afterAnalysis(page, () => page.locator('#paste-dialog button[value=add]').tap());
    await page.waitForFunction(() => document.querySelector('[data-panel-toggle]').classList.contains('has-news'));
    await session.screenshot('phone-news');
    await docsToggle.tap();
    await docsPanel.waitFor({ state: 'visible' });
    assert.match(await docsPanel.locator('.notices').textContent(), /已添加/);
    assert.doesNotMatch(await docsToggle.getAttribute('class'), /has-news/);
    await page.keyboard.press('Escape');
  } catch (err) {
    await session.screenshot('phone-failure').catch(() => {});
    throw err;
  }
  session.assertClean();
});

test('on a phone in English the header still keeps to one line', { timeout: 120_000 }, async (t) => {
  const session = await startSession({ context: PHONE });
  t.after(() => session.close());
  const { page } = session;
  try {
    await page.goto(session.url);
    await page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 60_000 });
    await afterAnalysis(page, () => page.locator('#lang-switch').tap());
    const header = await page.evaluate(() => ({
      height: document.querySelector('.site-header').getBoundingClientRect().height,
      actions: [
        document.querySelector('.header-actions').scrollWidth,
        document.querySelector('.header-actions').clientWidth,
      ],
    }));
    assert.ok(header.height < 60, `the header is ${header.height} px tall`);
    assert.ok(header.actions[0] <= header.actions[1], `the header's buttons overflow: ${header.actions}`);
    // The workspace menu is a "⋯" on a phone; its text (its name) is still Workspace, and it opens.
    assert.equal(await page.locator('.menu summary').textContent(), 'Workspace');
    await page.locator('.menu summary').tap();
    await page.getByRole('button', { name: 'Export workspace' }).waitFor({ state: 'visible' });
    const items = await page.locator('.menu-items').boundingBox();
    assert.ok(items.x >= 0 && items.x + items.width <= 390, `the menu is off the screen: ${JSON.stringify(items)}`);
    await page.locator('[data-panel-toggle="documents-panel"]').tap();
    const panel = page.getByRole('dialog', { name: /Documents/ });
    await panel.waitFor({ state: 'visible' });
    await session.screenshot('phone-english-documents');
    await panel.getByRole('button', { name: 'Close' }).tap();
    await panel.waitFor({ state: 'hidden' });
    await session.screenshot('phone-english');
  } catch (err) {
    await session.screenshot('phone-english-failure').catch(() => {});
    throw err;
  }
  session.assertClean();
});
