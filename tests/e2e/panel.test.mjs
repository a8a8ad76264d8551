// The document panel holds 5,000 documents (issue 9 §3): a folder of 5,000 files picked, then
// the panel scrolled, searched, sorted and filtered; the target is that no main-thread task of
// that work takes over 100 ms (a PerformanceObserver for "longtask"). The longest is printed;
// the benchmark (benches/panel.mjs) prints it too; the test fails at 500 ms (a regression to a
// list that is not virtual, or a search that re-sorts), not at the target, which depends on the
// machine's load. Adding them is held to the same 500 ms: the views' updates once took 2–3 s
// there (Keywords and Compare listed all 5,000 documents as <option>s on every analysis). The
// task in which the browser hands the 5,000 picked files over is the browser's (seconds on a
// bare page too, benches/panel.mjs): the page's own share of it (reading the folder's order) is
// printed, and held to the same 500 ms.
// Needs dist/ (`cargo xtask build`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startSession } from './harness.mjs';
import { openPage } from './files.mjs';
import { panelCorpus, recordLongTasks, workPanel } from './panel-load.mjs';

test(
  '5,000 documents: scrolling, searching, sorting and filtering never block the page',
  { timeout: 600_000 },
  async (t) => {
    const corpus = panelCorpus();
    const session = await startSession();
    t.after(async () => {
      await session.close();
      corpus.remove();
    });
    await recordLongTasks(session.context);
    const page = await openPage(session);
    const result = await workPanel(page, corpus.dir);
    const views = await page.evaluate(() => window.wenxiMetrics.lastUpdate);
    t.diagnostic(
      `5,000 files added and analysed in ${result.addMs} ms; longest main-thread task while adding: ${result.load} ms (the browser handing the files over: ${result.handOver.task} ms, the page's share ${result.handOver.page} ms); while working the panel: ${result.panel} ms (${JSON.stringify(result.phases)}); the last analysis's view updates, ms: ${JSON.stringify(views)}`,
    );
    // Only the rows in view are in the DOM.
    assert.ok((await page.locator('#documents li.doc').count()) < 60);
    // The target is no task over 100 ms (the diagnostic above and benches/panel.mjs say how close
    // it is: on a machine shared by other jobs a frame can take longer). What this fails on is a
    // list that is not virtual any more, or a search that re-sorts: those take seconds at 5,000.
    assert.ok(result.panel < 500, `a task of ${result.panel} ms while working the panel`);
    assert.ok(result.load < 500, `a task of ${result.load} ms while the files were added and analysed`);
    assert.ok(result.handOver.page < 500, `the page took ${result.handOver.page} ms of the files' hand-over`);
    // The views list documents to choose among, not all 5,000: a filter narrows them.
    await page.locator('[data-tab="keywords"]').click();
    const scope = page.locator('#view-keywords select.kw-scope');
    assert.ok((await scope.locator('option').count()) <= 202, 'the keywords scope lists every document');
    await page.locator('#view-keywords .kw-scope-filter').fill('稿件4321');
    await page.waitForFunction(() => document.querySelectorAll('#view-keywords select.kw-scope option').length === 2);
    assert.match(await scope.locator('option').nth(1).textContent(), /4321/);
    await scope.selectOption({ index: 1 });
    await page.waitForFunction(() => document.querySelector('#view-keywords .kw-root').dataset.scope !== 'all');
    await session.screenshot('panel-5000');
    session.assertClean();
  },
);
