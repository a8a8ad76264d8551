// The co-occurrence network as a person uses it: open the 共现网络 tab, read the terms in the
// picture, change the measure and the number of nodes, hover a link, click a term to see it in
// context, zoom, drag, and download the four exports. Needs dist/ (`cargo xtask build`).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { startSession } from './harness.mjs';

const VIEW = '#view-network';

/** The number of completed analyses so far (the page counts them on <body>). */
const analyses = (page) => page.evaluate(() => Number(document.body.dataset.analysis ?? 0));

async function waitForAnalysisAfter(page, before) {
  await page.waitForFunction((n) => Number(document.body.dataset.analysis ?? 0) > n, before, { timeout: 30_000 });
}

/** Clicks an export button and returns {name, bytes} of the file the browser downloaded. */
async function download(page, action) {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 15_000 }),
    page.locator(`${VIEW} button[data-action="${action}"]`).click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

test('the co-occurrence network: draw, adjust, inspect, open contexts, export', { timeout: 180_000 }, async (t) => {
  const session = await startSession();
  t.after(() => session.close());
  const { page } = session;

  try {
    await page.goto(session.url);
    await page.waitForFunction(() => !['loading', 'snapshot'].includes(document.body.dataset.state), null, {
      timeout: 60_000,
    });
    assert.equal(
      await page.evaluate(() => document.body.dataset.state),
      'ready',
      await page.locator('#status').textContent(),
    );

    // --- the first picture ---------------------------------------------------------------
    await page.locator('[data-tab="network"]').click();
    await page.locator(VIEW).waitFor({ state: 'visible' });
    await page.waitForFunction((view) => document.querySelectorAll(`${view} svg .net-node`).length >= 20, VIEW, {
      timeout: 30_000,
    });
    const labels = await page.locator(`${VIEW} svg text`).allTextContents();
    assert.ok(labels.includes('劳模'), `劳模 is not among the labels: ${labels.join(' ')}`);
    assert.ok(labels.includes('工会'), `工会 is not among the labels: ${labels.join(' ')}`);
    const nodeCount = await page.locator(`${VIEW} svg .net-node`).count();
    const edgeCount = await page.locator(`${VIEW} svg line.net-edge`).count();
    assert.ok(nodeCount >= 20, `only ${nodeCount} nodes`);
    assert.ok(edgeCount >= 10, `only ${edgeCount} edges`);
    const fills = new Set(
      await page.locator(`${VIEW} svg .net-node circle`).evaluateAll((cs) => cs.map((c) => c.getAttribute('fill'))),
    );
    assert.ok(fills.size >= 2, `the communities share one colour: ${[...fills]}`);
    const summary = await page.locator(`${VIEW} .net-summary`).textContent();
    assert.match(summary, new RegExp(`${nodeCount} 个词语 · ${edgeCount} 条共现关系`));

    // The layout is legible: the nodes fill the canvas rather than piling up, and every node is
    // inside it.
    const spread = await page.evaluate((view) => {
      const stage = document.querySelector(`${view} svg`).getBoundingClientRect();
      const boxes = [...document.querySelectorAll(`${view} svg .net-node circle`)].map((c) =>
        c.getBoundingClientRect(),
      );
      const xs = boxes.map((b) => b.x + b.width / 2);
      const ys = boxes.map((b) => b.y + b.height / 2);
      const inside = boxes.every(
        (b) =>
          b.left >= stage.left - 1 &&
          b.right <= stage.right + 1 &&
          b.top >= stage.top - 1 &&
          b.bottom <= stage.bottom + 1,
      );
      return {
        inside,
        width: (Math.max(...xs) - Math.min(...xs)) / stage.width,
        height: (Math.max(...ys) - Math.min(...ys)) / stage.height,
      };
    }, VIEW);
    assert.ok(spread.inside, 'some nodes are outside the canvas');
    assert.ok(spread.width > 0.5 && spread.height > 0.5, `the nodes are piled up: ${JSON.stringify(spread)}`);
    await session.screenshot('network');

    // The numbers are in a table too.
    // The tables are filled at the <details>' toggle event, which fires a task after the click.
    await page.locator(`${VIEW} details.net-data summary`).click();
    await page.locator(`${VIEW} .net-table-nodes tbody tr`).first().waitFor();
    const nodeRows = await page.locator(`${VIEW} .net-table-nodes tbody tr`).count();
    const edgeRows = await page.locator(`${VIEW} .net-table-edges tbody tr`).count();
    assert.equal(nodeRows, nodeCount);
    assert.equal(edgeRows, edgeCount);
    const npmiScores = await page.locator(`${VIEW} .net-table-edges td.score`).allTextContents();

    // --- the measure: Jaccard ------------------------------------------------------------
    const positionOf = (term) => page.locator(`${VIEW} .net-node[data-term="${term}"]`).getAttribute('transform');
    let before = await analyses(page);
    await page.locator(`${VIEW} select[name="measure"]`).selectOption('jaccard');
    await waitForAnalysisAfter(page, before);
    await page.waitForFunction(
      (view) => document.querySelector(`${view} .net-table-edges thead`).textContent.includes('Jaccard'),
      VIEW,
    );
    const jaccardScores = await page.locator(`${VIEW} .net-table-edges td.score`).allTextContents();
    assert.notDeepEqual(jaccardScores, npmiScores, 'the scores did not change with the measure');
    assert.ok(
      jaccardScores.every((s) => Number(s) >= 0 && Number(s) <= 1),
      `Jaccard out of [0, 1]: ${jaccardScores.slice(0, 10)}`,
    );
    assert.match(await page.locator(`${VIEW} .net-summary`).textContent(), /度量：Jaccard/);
    assert.ok((await page.locator(`${VIEW} svg line.net-edge`).count()) >= 10);

    // --- fewer nodes: 20 -----------------------------------------------------------------
    const keptBefore = await positionOf('劳模');
    before = await analyses(page);
    await page.locator(`${VIEW} input[name="nodes"]`).fill('20');
    await waitForAnalysisAfter(page, before);
    await page.waitForFunction((view) => document.querySelectorAll(`${view} svg .net-node`).length === 20, VIEW, {
      timeout: 15_000,
    });
    assert.equal(await page.locator(`${VIEW} input[name="nodes"] + output`).textContent(), '20');
    assert.equal(await page.locator(`${VIEW} .net-table-nodes tbody tr`).count(), 20);
    const keptAfter = await positionOf('劳模');
    assert.ok(keptBefore && keptAfter, '劳模 is no longer drawn');
    await session.screenshot('network-jaccard-20');

    // --- pairs within a window of terms instead of a sentence ----------------------------------
    assert.ok(await page.locator(`${VIEW} input[name="window"]`).isHidden(), 'the window size shows for sentences');
    before = await analyses(page);
    await page.locator(`${VIEW} select[name="unit"]`).selectOption('window');
    await waitForAnalysisAfter(page, before);
    const windowSize = page.locator(`${VIEW} input[name="window"]`);
    assert.ok(await windowSize.isVisible(), 'no window size for the window unit');
    assert.equal(await windowSize.inputValue(), '5');
    before = await analyses(page);
    await windowSize.fill('8');
    await windowSize.press('Enter');
    await windowSize.blur();
    await waitForAnalysisAfter(page, before);
    await page.waitForFunction(
      (view) => /窗口 8 个词/.test(document.querySelector(`${view} .net-summary`).textContent),
      VIEW,
    );
    assert.equal(await page.locator(`${VIEW} svg .net-node`).count(), 20);

    // --- hover a link: its tooltip ---------------------------------------------------------
    // A person points at a visible stretch of a link: the first point along the longest links
    // that no circle or label covers.
    const edge = await page.evaluate((view) => {
      const svg = document.querySelector(`${view} svg`);
      const hits = [...svg.querySelectorAll('line.net-hit')].map((hit) => {
        const m = hit.getScreenCTM();
        const at = (name) => Number(hit.getAttribute(name));
        const a = new DOMPoint(at('x1'), at('y1')).matrixTransform(m);
        const b = new DOMPoint(at('x2'), at('y2')).matrixTransform(m);
        return { hit, a, b, length: Math.hypot(b.x - a.x, b.y - a.y) };
      });
      hits.sort((p, q) => q.length - p.length);
      for (const { hit, a, b } of hits) {
        for (const f of [0.5, 0.4, 0.6, 0.3, 0.7]) {
          const x = a.x + f * (b.x - a.x);
          const y = a.y + f * (b.y - a.y);
          if (document.elementFromPoint(x, y) === hit) return { x, y, index: hit.dataset.edge };
        }
      }
      return null;
    }, VIEW);
    assert.ok(edge, 'no link can be pointed at: every one is covered');
    await page.mouse.move(edge.x, edge.y);
    const hovered = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.getAttribute('class'), edge);
    assert.equal(hovered, 'net-hit', 'the middle of the link is not hoverable');
    await page.waitForFunction((view) => document.querySelector(`${view} svg`).classList.contains('is-focused'), VIEW);
    const edgeTitle = await page.locator(`${VIEW} line.net-hit[data-edge="${edge.index}"] title`).textContent();
    assert.match(edgeTitle, /Jaccard：0\.\d{3}/, edgeTitle);
    assert.match(edgeTitle, /共现次数：\d+/, edgeTitle);
    await session.screenshot('network-hover-edge');

    // Hovering a node names its frequency and document count.
    const nodeTitle = await page.locator(`${VIEW} .net-node[data-term="劳模"] > title`).textContent();
    assert.match(nodeTitle, /^劳模\n词频：[\d,]+\n文档数：\d+/, nodeTitle);
    await page.locator(`${VIEW} .net-node[data-term="劳模"] circle`).hover();
    const lit = await page.locator(`${VIEW} .net-node.is-hl`).count();
    assert.ok(lit >= 2, `hovering 劳模 lit ${lit} nodes (it and its neighbours)`);
    await page.mouse.move(5, 5);

    // --- zoom with the wheel -----------------------------------------------------------------
    const viewport = page.locator(`${VIEW} svg g.net-viewport`);
    const fitted = await viewport.getAttribute('transform');
    const box = await page.locator(`${VIEW} svg`).boundingBox();
    await page.mouse.move(box.x + 30, box.y + 30); // an empty corner
    await page.mouse.wheel(0, -400);
    await page.waitForFunction(
      ([view, was]) => document.querySelector(`${view} svg g.net-viewport`).getAttribute('transform') !== was,
      [VIEW, fitted],
    );
    const zoomed = await viewport.getAttribute('transform');
    const scale = (transform) => Number(/scale\(([\d.]+)/.exec(transform)[1]);
    assert.ok(scale(zoomed) > scale(fitted), `wheel up did not zoom in: ${fitted} -> ${zoomed}`);
    await page.locator(`${VIEW} button[data-action="fit"]`).click();
    assert.equal(await viewport.getAttribute('transform'), fitted, 'fit did not restore the view');

    // --- drag a node: it stays where dropped; a double-click releases it ----------------------
    const dragged = page.locator(`${VIEW} .net-node[data-term="工会"]`);
    const from = await dragged.locator('circle').boundingBox();
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 + 40, from.y + from.height / 2 + 30, { steps: 8 });
    await page.mouse.up();
    assert.match(await dragged.getAttribute('class'), /is-pinned/);
    await page.waitForTimeout(1500); // let the simulation cool down
    const to = await dragged.locator('circle').boundingBox();
    assert.ok(
      Math.abs(to.x - from.x - 40) < 3 && Math.abs(to.y - from.y - 30) < 3,
      `工会 moved from ${JSON.stringify(from)} to ${JSON.stringify(to)}`,
    );
    assert.ok(await page.locator(`${VIEW}`).isVisible(), 'dragging opened another view');
    await dragged.locator('circle').dblclick();
    assert.doesNotMatch(await dragged.getAttribute('class'), /is-pinned/);

    // --- exports -----------------------------------------------------------------------------
    const png = await download(page, 'png');
    assert.match(png.name, /\.png$/);
    assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'not a PNG');
    const pngWidth = png.bytes.readUInt32BE(16);
    assert.ok(pngWidth >= 2 * box.width - 2, `the PNG is ${pngWidth} px wide, not 2× ${box.width}`);

    const svg = await download(page, 'svg');
    const svgText = svg.bytes.toString('utf8');
    assert.match(svg.name, /\.svg$/);
    assert.match(svgText, /^<\?xml[^>]*\?>\s*<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.match(svgText, />劳模</);

    const csv = await download(page, 'csv');
    const csvText = csv.bytes.toString('utf8');
    assert.match(csv.name, /\.csv$/);
    assert.ok(csvText.startsWith('\uFEFFsource,target,count,score,measure\r\n'), csvText.slice(0, 60));
    const csvRows = csvText.trim().split('\r\n').slice(1);
    assert.equal(csvRows.length, await page.locator(`${VIEW} svg line.net-edge`).count());
    assert.ok(
      csvRows.every((row) => row.endsWith(',jaccard')),
      csvRows[0],
    );

    const gexf = await download(page, 'gexf');
    const gexfText = gexf.bytes.toString('utf8');
    assert.match(gexf.name, /\.gexf$/);
    assert.match(gexfText, /^<\?xml version="1\.0" encoding="UTF-8"\?>\s*<gexf [^>]*version="1\.3"/);
    assert.match(gexfText, /<node id="n\d+" label="劳模">/);
    assert.equal((gexfText.match(/<node /g) ?? []).length, 20);
    assert.equal((gexfText.match(/<edge /g) ?? []).length, csvRows.length);
    assertBalancedXml(gexfText);
    // And a real XML parser (the browser's) accepts it and sees the same graph.
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      if (doc.querySelector('parsererror')) return { error: doc.querySelector('parsererror').textContent };
      const labels = [...doc.getElementsByTagName('node')].map((n) => n.getAttribute('label'));
      const weights = [...doc.getElementsByTagName('edge')].map((e) => Number(e.getAttribute('weight')));
      return { root: doc.documentElement.localName, ns: doc.documentElement.namespaceURI, labels, weights };
    }, gexfText);
    assert.equal(parsed.error, undefined, parsed.error);
    assert.equal(parsed.root, 'gexf');
    assert.equal(parsed.ns, 'http://gexf.net/1.3');
    assert.ok(parsed.labels.includes('劳模') && parsed.labels.includes('工会'));
    assert.ok(
      parsed.weights.every((w) => w >= 0 && w <= 1),
      'edge weights are not the Jaccard scores',
    );

    // --- a term opens its contexts: by click, and by keyboard --------------------------------
    await page.locator(`${VIEW} .net-node[data-term="劳模"] text`).click();
    await page.locator('#view-kwic').waitFor({ state: 'visible', timeout: 10_000 });
    await page.waitForFunction(() => document.querySelector('#view-kwic').textContent.includes('劳模'), null, {
      timeout: 15_000,
    });
    assert.ok(await page.locator(VIEW).isHidden(), 'the network is still shown next to the contexts');

    await page.locator('[data-tab="network"]').click();
    await page.locator(`${VIEW} .net-node[data-term="工会"]`).focus();
    await page.keyboard.press('Enter');
    await page.locator('#view-kwic').waitFor({ state: 'visible', timeout: 10_000 });
    await page.waitForFunction(() => document.querySelector('#view-kwic').textContent.includes('工会'), null, {
      timeout: 15_000,
    });
  } catch (err) {
    await session.screenshot('network-failure').catch(() => {});
    throw err;
  }
  session.assertClean();
});

test('the network says so when no pair reaches the threshold', { timeout: 120_000 }, async (t) => {
  const session = await startSession();
  t.after(() => session.close());
  const { page } = session;
  try {
    await page.goto(session.url);
    await page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 60_000 });
    await page.locator('[data-tab="network"]').click();
    await page.waitForFunction((view) => document.querySelectorAll(`${view} svg .net-node`).length > 0, VIEW, {
      timeout: 30_000,
    });
    let before = await analyses(page);
    const minCount = page.locator(`${VIEW} input[name="minCount"]`);
    await minCount.fill('1000');
    await minCount.press('Enter');
    await minCount.blur(); // `change` fires at the latest when the box loses focus
    await waitForAnalysisAfter(page, before);
    const message = page.locator(`${VIEW} .net-empty`);
    await message.waitFor({ state: 'visible', timeout: 15_000 });
    assert.match(await message.textContent(), /没有达到阈值的共现/);
    assert.ok(await page.locator(`${VIEW} svg`).isHidden(), 'an empty canvas is still shown');
    assert.ok(await page.locator(`${VIEW} button[data-action="png"]`).isDisabled());
    await session.screenshot('network-empty');

    // The same in English: the labels and the message follow the language switch.
    before = await analyses(page);
    await page.locator('#lang-switch').click();
    await waitForAnalysisAfter(page, before);
    assert.match(await message.textContent(), /No co-occurrence above the threshold/);
    assert.match(await page.locator(`${VIEW} .net-field-minCount`).textContent(), /Min\. co-occurrences/);
    assert.match(await page.locator(`${VIEW} button[data-action="gexf"]`).textContent(), /GEXF/);
  } catch (err) {
    await session.screenshot('network-empty-failure').catch(() => {});
    throw err;
  }
  session.assertClean();
});

/** A rough well-formedness check: every start tag is closed in order, attributes are quoted. */
function assertBalancedXml(text) {
  const stack = [];
  const tag = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|<\?[^>]*\?>/g;
  let match;
  let end = 0;
  while ((match = tag.exec(text))) {
    assert.doesNotMatch(text.slice(end, match.index), /[<>]/, `stray markup near ${text.slice(end, match.index + 40)}`);
    end = tag.lastIndex;
    const [, closing, name, , selfClosing] = match;
    if (!name || selfClosing) continue;
    if (closing) assert.equal(stack.pop(), name, `</${name}> closes the wrong element`);
    else stack.push(name);
  }
  assert.deepEqual(stack, [], 'unclosed elements');
}
