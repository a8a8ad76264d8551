// The document panel at 5,000 documents (issue 9 §3), shared by tests/e2e/panel.test.mjs and the
// benchmark (benches/panel.mjs): a folder of 5,000 small files (ten groups of 500, each file
// dated by its name) picked with 添加文件夹, then the panel scrolled, searched, sorted and
// filtered as a person would, while a PerformanceObserver records every main-thread task over
// 50 ms (the browser's "longtask"). Resolves to the longest task of each phase, in ms.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PANEL_DOCUMENTS = 5000;

/** Writes the folder; returns {base, dir, remove()}. */
export function panelCorpus(n = PANEL_DOCUMENTS) {
  const base = mkdtempSync(join(tmpdir(), 'wenxi-panel-'));
  const dir = join(base, '语料');
  for (let i = 0; i < n; i++) {
    const group = `第${String(Math.floor(i / 500) + 1).padStart(2, '0')}组`;
    const day = `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    const folder = join(dir, group);
    if (i % 500 === 0) mkdirSync(folder, { recursive: true });
    const text = `第${i}号稿件：车间${i % 97}的工人改进了工艺，产量提高了${i % 50}成。\n质检员说，这批产品全部合格。\n`;
    writeFileSync(join(folder, `${day}_稿件${i}.txt`), text);
  }
  return { base, dir, remove: () => rmSync(base, { recursive: true, force: true }) };
}

/**
 * Before the page loads: record every long task, with the phase it fell in and when it started,
 * and when a file picker's `change` event was dispatched (a capturing listener on window runs
 * first, inside the task that hands the files over).
 */
export function recordLongTasks(context) {
  return context.addInitScript(() => {
    const record = { phase: 'start', tasks: [], changes: [] };
    /** @type {any} */ (window).wenxiLongTasks = record;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        record.tasks.push({ phase: record.phase, ms: entry.duration, start: entry.startTime });
    }).observe({ type: 'longtask', buffered: true });
    window.addEventListener('change', () => record.changes.push(performance.now()), true);
  });
}

const setPhase = (page, phase) => page.evaluate((p) => (window.wenxiLongTasks.phase = p), phase);

/**
 * Adds the folder through the page, then works the panel. `page` has recordLongTasks() and has
 * started. Resolves to {load, panel, phases, addMs, tasks}: the longest task while the files were
 * added and analysed, and while the panel was scrolled, searched, sorted and filtered (the
 * longest of each in `phases`).
 */
export async function workPanel(page, dir, n = PANEL_DOCUMENTS) {
  const total = n + 5; // the seeds
  await setPhase(page, 'load');
  const started = Date.now();
  await page.setInputFiles('#folder-input', dir);
  await page.waitForFunction(
    (want) =>
      document.querySelector('#documents-title')?.textContent.includes(`(${want})`) &&
      !document.querySelector('#progress:not([hidden])'),
    total,
    { timeout: 600_000, polling: 500 },
  );
  // The analysis of all of them, on screen.
  await page.waitForFunction(
    () =>
      document.querySelector('#status').textContent.includes('5,005') ||
      document.querySelector('#status').textContent.includes('5005'),
    null,
    {
      timeout: 300_000,
      polling: 500,
    },
  );
  const addMs = Date.now() - started;

  // The views finish drawing the analysis of 5,005 documents before the panel is worked.
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 10_000 })));
  await setPhase(page, 'scroll');
  // Scrolling: a flick through the whole list, a frame at a time.
  await page.evaluate(async () => {
    const box = document.querySelector('#documents .doc-scroll');
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    for (let i = 0; i < 60; i++) {
      box.scrollTop += box.scrollHeight / 60;
      await frame();
    }
    box.scrollTop = 0;
    await frame();
  });
  // Searching, key by key; then sorting and filtering.
  await setPhase(page, 'search');
  await page.locator('#documents .doc-search').pressSequentially('车间4', { delay: 30 });
  await page.waitForFunction(() => /\d+ \/ 5,?005/.test(document.querySelector('#documents .doc-count').textContent));
  await page.locator('#documents .doc-search').fill('');
  await setPhase(page, 'sort');
  for (const key of ['date', 'name', 'size', 'added']) await page.selectOption('#documents .doc-sort', key);
  await page.click('#documents .doc-dir');
  await setPhase(page, 'filter');
  await page.selectOption('#documents .doc-group', '语料/第03组');
  await page.waitForFunction(() => /500 \/ 5,?005/.test(document.querySelector('#documents .doc-count').textContent));
  await page.fill('#documents .doc-from', '2024-03-01');
  await page.fill('#documents .doc-to', '2024-03-31');
  await page.selectOption('#documents .doc-group', '');
  // Let the observer deliver the last entries.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));
  const { tasks, changes } = await page.evaluate(() => window.wenxiLongTasks);
  // The task in which the browser hands the picked files to the page is the browser's: when
  // Playwright sets 5,000 files on the input, Chromium stats every one on the page's thread
  // (seconds, with any `change` listener at all, on a bare page too: benches/panel.mjs measures
  // it there). It is reported apart, with the page's own share of it (the wenxi:files-chosen
  // measure of www/ui/file-drop.js).
  const handsOver = (t) => changes.some((at) => at >= t.start && at <= t.start + t.ms);
  const longest = (...phases) =>
    Math.round(Math.max(0, ...tasks.filter((t) => phases.includes(t.phase) && !handsOver(t)).map((t) => t.ms)));
  const panel = {
    scroll: longest('scroll'),
    search: longest('search'),
    sort: longest('sort'),
    filter: longest('filter'),
  };
  const handOver = await page.evaluate(() =>
    Math.round(Math.max(0, ...performance.getEntriesByName('wenxi:files-chosen').map((m) => m.duration))),
  );
  return {
    load: longest('load'),
    panel: Math.max(...Object.values(panel)),
    phases: panel,
    addMs,
    tasks,
    handOver: { task: Math.round(Math.max(0, ...tasks.filter(handsOver).map((t) => t.ms))), page: handOver },
  };
}

/**
 * The browser's own cost of handing `dir`'s files to a page: a bare page with an empty `change`
 * listener, the same folder set on its input. Resolves to the longest task, in ms (the peer of
 * workPanel()'s handOver.task).
 */
export async function bareHandOver(context, dir) {
  const page = await context.newPage();
  try {
    await page.setContent('<input type="file" webkitdirectory multiple>');
    await page.evaluate(() => {
      /** @type {any} */ (window).bareTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) /** @type {any} */ (window).bareTasks.push(entry.duration);
      }).observe({ type: 'longtask' });
      document.querySelector('input')?.addEventListener('change', () => {});
    });
    await page.setInputFiles('input', dir);
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));
    return Math.round(Math.max(0, ...(await page.evaluate(() => /** @type {any} */ (window).bareTasks))));
  } finally {
    await page.close();
  }
}
