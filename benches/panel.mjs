// The document panel at 5,000 documents (issue 9 §3), in headless Chromium: 5,000 small files
// picked as a folder (ten groups of 500) through the built page (dist/), then the panel
// scrolled, searched, sorted and filtered while a PerformanceObserver records main-thread tasks
// over 50 ms. Prints the longest task of each phase, and of adding and analysing the files.
// Run by `cargo xtask bench`, or after `cargo xtask build`: node benches/panel.mjs
// With --profile, also the page's functions that took most of the main thread while the files were
// added (a CPU profile by CDP; build with `npx vite build --minify false` to read their names).
// The same work is tests/e2e/panel.test.mjs, which fails at 500 ms (the target is 100 ms).
import { startSession } from '../tests/e2e/harness.mjs';
import { openPage } from '../tests/e2e/files.mjs';
import { PANEL_DOCUMENTS, bareHandOver, panelCorpus, recordLongTasks, workPanel } from '../tests/e2e/panel-load.mjs';

const corpus = panelCorpus();
const session = await startSession();
try {
  await recordLongTasks(session.context);
  const page = await openPage(session);
  const profiler = process.argv.includes('--profile') ? await startProfile(page) : null;
  const result = await workPanel(page, corpus.dir);
  if (profiler) printProfile(await profiler.stop());
  const n = PANEL_DOCUMENTS.toLocaleString('en');
  console.log(`\n### Document panel, ${n} documents (longest main-thread task, ms)\n`);
  console.log('| phase | longest task |');
  console.log('|---|---:|');
  const bare = await bareHandOver(session.context, corpus.dir);
  console.log(`| ${n} files picked, added and analysed (${(result.addMs / 1000).toFixed(1)} s) | ${result.load} |`);
  console.log(
    `| the browser handing the ${n} files over (a bare page with a change listener: ${bare}) | ${result.handOver.task} |`,
  );
  console.log(`| the page's own share of that hand-over | ${result.handOver.page} |`);
  for (const [phase, ms] of Object.entries(result.phases)) console.log(`| ${phase} | ${ms} |`);
  const views = await page.evaluate(() => /** @type {any} */ (window).wenxiMetrics.lastUpdate);
  console.log(`\nThe last analysis's update, ms: ${JSON.stringify(views)}`);
} finally {
  await session.close();
  corpus.remove();
}

/** A sampling CPU profile of the page's main thread, from now until stop(). */
async function startProfile(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  return { stop: async () => (await cdp.send('Profiler.stop')).profile };
}

/** The 20 functions with the most self time, summed over the profile. */
function printProfile(profile) {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber, columnNumber } = byNode.get(id).callFrame;
    const where = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}:${columnNumber + 1}`;
    self.set(where, (self.get(where) ?? 0) + profile.timeDeltas[i] / 1000);
  });
  console.log('\n| function (self time while adding and working the panel) | ms |\n|---|---:|');
  for (const [where, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20))
    console.log(`| ${where} | ${Math.round(ms)} |`);
}
