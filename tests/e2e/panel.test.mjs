// The document panel holds 5,000 documents (issue 9 §3): a folder of 5,000 files picked, then
// the panel scrolled, searched, sorted and filtered; the target is that no main-thread task of
// that work takes over 100 ms (a PerformanceObserver for "longtask"). The longest is printed;
// the benchmark (benches/panel.mjs) prints it too; the test fails at 500 ms (a regression to a
// list that is not virtual, or a search that re-sorts), not at the target, which depends on the
// machine's load. Needs dist/ (`cargo xtask build`).
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
    t.diagnostic(
      `5,000 files added and analysed in ${result.addMs} ms; longest main-thread task while adding: ${result.load} ms; while working the panel: ${result.panel} ms (${JSON.stringify(result.phases)})`,
    );
    // Only the rows in view are in the DOM.
    assert.ok((await page.locator('#documents li.doc').count()) < 60);
    // The target is no task over 100 ms (the diagnostic above and benches/panel.mjs say how close
    // it is: on a machine shared by other jobs a frame can take longer). What this fails on is a
    // list that is not virtual any more, or a search that re-sorts: those take seconds at 5,000.
    assert.ok(result.panel < 500, `a task of ${result.panel} ms while working the panel`);
    await session.screenshot('panel-5000');
    session.assertClean();
  },
);
