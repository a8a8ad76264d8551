// Pool benchmark (issue 12, "every core"): 100 MB dropped as ten 10 MB files on the built page
// (dist/), added by the pool of workers (www/pool.js) and, in the same run, by the analysis
// worker alone — the same page with navigator.hardwareConcurrency = 1, which makes a pool of one,
// so the drop takes today's path. Timed from the drop to the batch's tally line (every file
// read, segmented, added and stored); the analysis after it is not counted. Prints min / median
// / max of each, the ratio of the medians (the pool's speed-up), the analysis worker's wasm
// memory after the drop (the pool's workers are closed after it) and the machine's load.
// With --trace, one more drop of each kind under Chromium's tracing: each thread's CPU time
// (the trace's thread time of its top-level tasks) from the drop to the tally, so that what is
// serial, and on which thread, can be read on a loaded machine too (CPU time, not wall time).
// Run with `cargo xtask bench` (after browser.mjs), or after `cargo xtask build`:
//   node benches/pool.mjs [--runs N] [--files N] [--mb-per-file N] [--trace [--keep DIR]] [--dist DIR]
// --dist DIR: another build than dist/ (e.g. a copy of main's), for a before/after in one sitting.
// --keep DIR writes the traced drops' raw traces (DIR/one.json, DIR/pool.json: chrome://tracing,
// Perfetto). --settle MS waits that long after the first analysis before the drop, as a person
// would (the analysis worker's idle work, www/worker.js, runs then; without it the drop comes at
// once, and jieba is built and segmentation's code warmed inside the drop).
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../tests/e2e/harness.mjs';
import { seedText as text } from './support/corpus.mjs';

const option = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = option('--runs', 3);
const FILES = option('--files', 10);
const FILE_BYTES = option('--mb-per-file', 10) * 1_000_000;
const TRACE = process.argv.includes('--trace');
const keepAt = process.argv.indexOf('--keep');
const KEEP = keepAt > 0 ? process.argv[keepAt + 1] : null;
const distAt = process.argv.indexOf('--dist');
const DIST = distAt > 0 ? process.argv[distAt + 1] : null;
const SETTLE = option('--settle', 0);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu'];
const ROOT = fileURLToPath(new URL('../', import.meta.url));

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0], median: s[Math.floor((s.length - 1) / 2)], max: s[s.length - 1] };
};

const served = mkdtempSync(join(tmpdir(), 'wenxi-pool-bench-'));
cpSync(DIST ?? join(ROOT, 'dist'), served, { recursive: true });
mkdirSync(join(served, 'bench'));
const names = Array.from({ length: FILES }, (_, i) => `pool-${String(i).padStart(2, '0')}.txt`);
// Cut at a byte count, a file may end inside a character: the core decodes what it can, the same
// either way. The last file is half the size, so that sizes differ.
names.forEach((name, i) =>
  writeFileSync(join(served, 'bench', name), text(name, i === FILES - 1 ? FILE_BYTES / 2 : FILE_BYTES)),
);

const server = await startServer({ dir: served });
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });

/** Starts Chromium's tracing; resolves to a function that ends it and resolves to the events. */
async function startTrace() {
  const cdp = await browser.newBrowserCDPSession();
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: {
      includedCategories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'blink.user_timing',
        'toplevel',
        '__metadata',
      ],
      recordMode: 'recordAsMuchAsPossible',
    },
  });
  return async () => {
    const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    const { stream } = await done;
    const chunks = [];
    for (;;) {
      const chunk = await cdp.send('IO.read', { handle: stream, size: 1 << 20 });
      chunks.push(chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data);
      if (chunk.eof) break;
    }
    await cdp.send('IO.close', { handle: stream });
    await cdp.detach();
    const parsed = JSON.parse(chunks.join(''));
    return Array.isArray(parsed) ? parsed : parsed.traceEvents;
  };
}

/**
 * Each thread's CPU ms (top-level tasks' thread time) within the drop [from, to] (trace µs),
 * busiest first: the page (CrRendererMain), the workers (DedicatedWorker thread; the analysis
 * worker is the one that was busy before the drop too) and the browser's own (IndexedDB's
 * writes, the file reads), which share the cores too.
 */
function threadTimes(events, from, to) {
  const names = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  const cpu = new Map();
  const before = new Set();
  for (const e of events) {
    // The threads' own tasks, and the thread pool's (V8 compiles wasm there, IndexedDB writes).
    if (e.ph !== 'X' || (e.name !== 'RunTask' && e.name !== 'ThreadPool_RunTask')) continue;
    const key = `${e.pid}:${e.tid}`;
    if (e.ts < from) before.add(key);
    if (e.ts + e.dur < from || e.ts > to) continue;
    cpu.set(key, (cpu.get(key) ?? 0) + (e.tdur ?? e.dur) / 1000);
  }
  return [...cpu]
    .map(([key, ms]) => ({ name: names.get(key) ?? key, early: before.has(key), ms }))
    .filter((t) => t.ms > 20)
    .sort((a, b) => b.ms - a.ms);
}

/** One drop on a fresh profile: ms from the drop to the tally line, memory, documents pooled. */
async function drop(oneWorker, trace = false) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    if (oneWorker)
      await page.addInitScript(() => Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => 1 }));
    await page.goto(server.url);
    await page.waitForFunction(
      () => document.body.dataset.state === 'ready' && Number(document.body.dataset.analysis) >= 1,
      null,
      { timeout: 120_000 },
    );
    if (SETTLE) await page.waitForTimeout(SETTLE);
    const stopTrace = trace ? await startTrace() : null;
    const result = await page.evaluate(async (names) => {
      const files = [];
      for (const name of names)
        files.push(new File([await (await fetch(`bench/${name}`)).arrayBuffer()], name, { type: 'text/plain' }));
      const transfer = new DataTransfer();
      for (const file of files) transfer.items.add(file);
      const tally = `已添加 ${names.length} 个文件`;
      const done = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if ([...document.querySelectorAll('#documents .notices li')].some((li) => li.textContent.startsWith(tally))) {
            observer.disconnect();
            resolve(performance.now());
          }
        });
        observer.observe(document.querySelector('#documents'), { childList: true, subtree: true, characterData: true });
      });
      const start = performance.now();
      performance.mark('wenxi:bench:drop');
      for (const type of ['dragenter', 'dragover', 'drop'])
        document.body.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
      const ms = (await done) - start;
      performance.mark('wenxi:bench:tally');
      const request = /** @type {any} */ (window).wenxi.request;
      return { ms, memory: await request('memoryBytes'), pooled: Number(document.body.dataset.pooled ?? 0) };
    }, names);
    if (stopTrace) {
      const events = await stopTrace();
      // The drop's span: the page's own marks, in trace time.
      const mark = (name) => events.find((e) => e.name === name)?.ts;
      const [from, to] = [mark('wenxi:bench:drop'), mark('wenxi:bench:tally')];
      result.threads = from && to ? threadTimes(events, from, to) : [];
      if (KEEP) {
        mkdirSync(KEEP, { recursive: true });
        writeFileSync(join(KEEP, oneWorker ? 'one.json' : 'pool.json'), JSON.stringify({ traceEvents: events }));
      }
    }
    return result;
  } finally {
    await context.close();
  }
}

const totalMB = (FILE_BYTES * (FILES - 0.5)) / 1e6;
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
console.log(
  `Pool benchmark: ${FILES} files, ${totalMB.toFixed(1)} MB in all; ${cpus().length} cores; load ${load()}` +
    (SETTLE ? `; the drop ${SETTLE} ms after the first analysis` : ''),
);
const results = { one: [], pool: [] };
for (let run = 0; run < RUNS; run++) {
  // Alternated, so that a change in the machine's load falls on both.
  for (const mode of run % 2 ? ['pool', 'one'] : ['one', 'pool']) {
    const r = await drop(mode === 'one');
    if (mode === 'pool' && r.pooled !== FILES) throw new Error(`the pool prepared ${r.pooled} of ${FILES} files`);
    if (mode === 'one' && r.pooled !== 0) throw new Error('the one-worker run used the pool');
    results[mode].push(r);
    console.log(
      `  run ${run + 1} ${mode.padEnd(4)} ${r.ms.toFixed(0)} ms, ${(r.memory / 2 ** 20).toFixed(0)} MiB wasm memory`,
    );
  }
}
if (TRACE) {
  // On a loaded machine the wall time says little; each thread's CPU time says what is serial.
  console.log('\nCPU time by thread, from the drop to the tally (one traced drop each):');
  for (const mode of ['one', 'pool']) {
    const r = await drop(mode === 'one', true);
    const threads = r.threads
      .map((t) => {
        const worker = t.early ? 'analysis worker' : 'pool worker';
        const name = t.name === 'CrRendererMain' ? 'page' : t.name === 'DedicatedWorker thread' ? worker : t.name;
        return `${name} ${t.ms.toFixed(0)}`;
      })
      .join(', ');
    const total = r.threads.reduce((sum, t) => sum + t.ms, 0);
    console.log(`  ${mode.padEnd(4)} ${r.ms.toFixed(0)} ms wall; CPU ms: ${threads}; ${total.toFixed(0)} in all`);
  }
}
await browser.close();
await server.close();
rmSync(served, { recursive: true, force: true });

if (RUNS === 0) process.exit(0);
const row = (label, rs) => {
  const ms = stats(rs.map((r) => r.ms));
  const mbs = (t) => (totalMB / (t / 1000)).toFixed(1);
  const mem = stats(rs.map((r) => r.memory / 2 ** 20));
  return `| ${label} | ${ms.min.toFixed(0)} / ${ms.median.toFixed(0)} / ${ms.max.toFixed(0)} ms | ${mbs(ms.median)} MB/s | ${mem.median.toFixed(0)} MiB |`;
};
const speedUp = stats(results.one.map((r) => r.ms)).median / stats(results.pool.map((r) => r.ms)).median;
// Each run's pair was measured back to back: its ratio suffers least from a change in load.
const perRun = stats(results.one.map((r, i) => r.ms / results.pool[i].ms));
console.log(`
| ${totalMB.toFixed(0)} MB drop (${FILES} files), ${RUNS} runs | min / median / max | throughput (median) | wasm memory after |
| --- | --- | --- | --- |
${row('the analysis worker alone', results.one)}
${row(`the pool (${Math.min(cpus().length, 4)} workers)`, results.pool)}

Pool speed-up: ${speedUp.toFixed(2)}× (median / median); per run ${perRun.median.toFixed(2)}× (${perRun.min.toFixed(2)}×–${perRun.max.toFixed(2)}×) on ${cpus().length} cores; load at the end ${load()}`);
