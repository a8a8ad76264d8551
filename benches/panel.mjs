// The document panel at 5,000 documents (issue 9 §3), in headless Chromium: 5,000 small files
// picked as a folder (ten groups of 500) through the built page (dist/), then the panel
// scrolled, searched, sorted and filtered while a PerformanceObserver records main-thread tasks
// over 50 ms. Prints the longest task of each phase, and of adding and analysing the files.
// Run by `cargo xtask bench`, or after `cargo xtask build`: node benches/panel.mjs
// The same work is tests/e2e/panel.test.mjs, which fails above 100 ms while the panel is worked.
import { startSession } from '../tests/e2e/harness.mjs';
import { openPage } from '../tests/e2e/files.mjs';
import { PANEL_DOCUMENTS, panelCorpus, recordLongTasks, workPanel } from '../tests/e2e/panel-load.mjs';

const corpus = panelCorpus();
const session = await startSession();
try {
  await recordLongTasks(session.context);
  const page = await openPage(session);
  const result = await workPanel(page, corpus.dir);
  const n = PANEL_DOCUMENTS.toLocaleString('en');
  console.log(`\n### Document panel, ${n} documents (longest main-thread task, ms)\n`);
  console.log('| phase | longest task |');
  console.log('|---|---:|');
  console.log(`| ${n} files picked, added and analysed (${(result.addMs / 1000).toFixed(1)} s) | ${result.load} |`);
  for (const [phase, ms] of Object.entries(result.phases)) console.log(`| ${phase} | ${ms} |`);
} finally {
  await session.close();
  corpus.remove();
}
