// Where start-up time goes: the built page (dist/) in headless Chromium with Chromium's own
// tracing (a browser-wide CDP session: Tracing.start / Tracing.end), from navigation until the
// first live analysis is on screen, cold (new profile) and warm (reload: service worker + HTTP
// cache). Prints, per run, one timeline in ms from navigation start: the page's and the worker's
// User Timing marks (wenxi:page:*, wenxi:worker:* in www/main.js and www/worker.js), every
// request (sent → finished), the wasm compilation events, and the busiest tasks of each thread.
// The summary (medians over the runs) is what docs/performance/STARTUP.md quotes.
//
//   node benches/startup-trace.mjs [--runs N] [--keep DIR] [--returning] [--dist DIR]    (after `cargo xtask build`)
//
// --keep DIR writes each raw trace (JSON, loadable in chrome://tracing or Perfetto).
// --returning adds a third traced start per run: a returning visit with 20 MB stored (the seeds
// repeated, chosen in the file picker as in benches/browser.mjs; traced once its stored index is
// written), where the first live analysis is of that workspace.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../tests/e2e/harness.mjs';
import { seedCorpus as corpus, storedIndexEntries } from './support/corpus.mjs';
import { untilServiceWorkerControls, waitInPage } from './support/wait.mjs';

const option = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const RUNS = Number(option('--runs', 3));
const KEEP = option('--keep', null);
const RETURNING = process.argv.includes('--returning');
// --dist DIR: trace another build (e.g. a copy of main's dist/), for a before/after in one sitting.
const DIST = option('--dist', undefined);
const KINDS = RETURNING ? ['cold', 'warm', 'returning'] : ['cold', 'warm'];

const scratch = RETURNING ? mkdtempSync(join(tmpdir(), 'wenxi-trace-')) : null;
const storedFile = scratch ? join(scratch, 'stored-20mb.txt') : '';
if (scratch) writeFileSync(storedFile, corpus(20_000_000));

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-gpu',
];
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'loading',
  'v8',
  'v8.wasm',
  'disabled-by-default-v8.wasm.detailed',
  'v8.execute',
  'IndexedDB',
  'ServiceWorker',
  '__metadata',
];

/** Traces `navigate()` until the page's first live analysis; resolves to the trace events. */
async function traced(browser, page, navigate) {
  const cdp = await browser.newBrowserCDPSession();
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
  });
  await navigate();
  // Not page.waitForFunction, whose injected script would run on the page's thread during the
  // start-up traced (benches/support/wait.mjs).
  await waitInPage(page, '() => Number(document.body?.dataset.analysis) >= 1');
  // The views' own drawing finishes in the same task; one more frame makes sure it is painted.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  const { stream } = await done;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream, size: 1 << 20 });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  await cdp.detach();
  const parsed = JSON.parse(text);
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

/** The timeline of one traced start-up. */
function timeline(events, pageUrl) {
  const threads = new Map();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args.name);
  }
  // The analysis worker is the thread that sets wenxi:worker:* marks; the cloud's layout worker
  // (www/cloud-worker.js) has the same thread name.
  const analysisThread = events.find((e) => e.name?.startsWith('wenxi:worker:'));
  // ... and the cloud's, the one that sets wenxi:cloud-worker:* marks.
  const cloudThread = events.find((e) => e.name?.startsWith('wenxi:cloud-worker:'));
  const same = (a, b) => a && a.pid === b.pid && a.tid === b.tid;
  const threadOf = (e) => {
    const name = threads.get(`${e.pid}:${e.tid}`) ?? `${e.pid}:${e.tid}`;
    if (name !== 'DedicatedWorker thread') return name;
    if (same(analysisThread, e)) return 'analysis worker';
    return same(cloudThread, e) ? 'cloud worker' : `other worker ${e.tid}`;
  };
  // The page's own navigation start (its performance.timeOrigin): the last navigationStart, in
  // the renderer that ran the page script, before the script's first mark. (A new profile's
  // first navigation can start in one renderer and commit in another.)
  const pageStart = events.find((e) => e.name === 'wenxi:page:start');
  if (!pageStart) throw new Error('the trace has no wenxi:page:start mark');
  const navigation = events
    .filter((e) => e.name === 'navigationStart' && e.pid === pageStart.pid && e.ts <= pageStart.ts)
    .sort((a, b) => b.ts - a.ts)[0];
  if (!navigation) throw new Error('the trace has no navigationStart for the page');
  const t0 = navigation.ts;
  const renderer = navigation.pid;
  const ms = (ts) => (ts - t0) / 1000;
  const marks = events
    .filter((e) => e.cat?.includes('blink.user_timing') && e.name.startsWith('wenxi:') && e.ts >= t0)
    .map((e) => ({ name: e.name, at: ms(e.ts) }))
    .sort((a, b) => a.at - b.at);
  const live = marks.find((m) => m.name === 'wenxi:page:views-updated')?.at ?? Infinity;

  // Requests: sent → response → finished, by request id.
  const requests = new Map();
  for (const e of events) {
    const data = e.args?.data;
    if (!data?.requestId || e.ts < t0) continue;
    const r = requests.get(data.requestId) ?? { url: '', sent: null, response: null, finished: null, fromSW: false };
    if (e.name === 'ResourceSendRequest') {
      r.url = data.url;
      r.sent = ms(e.ts);
    } else if (e.name === 'ResourceReceiveResponse') {
      r.response = ms(e.ts);
      r.fromSW ||= Boolean(data.fromServiceWorker);
      r.status = data.statusCode;
    } else if (e.name === 'ResourceFinish') {
      r.finished = ms(data.finishTime ? data.finishTime * 1e6 : e.ts);
    }
    requests.set(data.requestId, r);
  }
  const shortUrl = (url) => {
    try {
      const { pathname } = new URL(url);
      return pathname.replace(/-[A-Za-z0-9_-]{8}\./, '.');
    } catch {
      return url;
    }
  };
  const requestRows = [...requests.values()]
    .filter((r) => r.url.startsWith(pageUrl) && r.sent !== null && r.sent < live)
    .sort((a, b) => a.sent - b.sent)
    .map((r) => ({ url: shortUrl(r.url), sent: r.sent, response: r.response, finished: r.finished, fromSW: r.fromSW }));

  // Complete events (ph X) of the renderer's threads within [navigation, live analysis]: the
  // top-level tasks, and named activities worth seeing (script, wasm, layout, paint, GC, IDB).
  const interesting =
    /^(EvaluateScript|FunctionCall|v8\.compile|v8\.compileModule|EventDispatch|TimerFire|FireAnimationFrame|Layout|UpdateLayoutTree|Paint|PrePaint|Layerize|MinorGC|MajorGC|V8\.GC.*|wasm\..*|v8\.wasm\..*|IndexedDB.*|ParseHTML|RunMicrotasks|v8\.run|v8\.callFunction|HitTest|ScheduleStyleRecalculation)$/;
  const busy = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || e.pid !== renderer || e.ts < t0 || ms(e.ts) > live) continue;
    if (!interesting.test(e.name)) continue;
    const key = `${threadOf(e)} · ${e.name}`;
    const b = busy.get(key) ?? { thread: threadOf(e), name: e.name, ms: 0, count: 0, first: ms(e.ts) };
    b.ms += (e.dur ?? 0) / 1000;
    b.count++;
    busy.set(key, b);
  }
  // Tasks: the outermost ones per thread ("RunTask" / ThreadControllerImpl::RunTask).
  const tasks = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || e.pid !== renderer || e.ts < t0 || ms(e.ts) > live) continue;
    if (e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask') continue;
    const thread = threadOf(e);
    tasks.set(thread, (tasks.get(thread) ?? 0) + (e.dur ?? 0) / 1000);
  }
  return { marks, live, requests: requestRows, busy: [...busy.values()], tasks };
}

// ---- the runs -------------------------------------------------------------------------------

const server = await startServer({ dir: DIST });
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
const results = { cold: [], warm: [], returning: [] };
try {
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    // The cloud's own states (laying-out → drawn, set by www/views/cloud/) as User Timing marks,
    // from outside the page's code: when the snapshot's cloud was asked for, laid out, drawn.
    await page.addInitScript(() => {
      new MutationObserver((records) => {
        for (const { target } of records) {
          const element = /** @type {HTMLElement} */ (target);
          if (element.closest?.('#view-cloud'))
            performance.mark(`wenxi:cloud:${element.tagName.toLowerCase()}-${element.dataset.state}`);
        }
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
    });
    for (const kind of KINDS) {
      process.stderr.write(`run ${run + 1}/${RUNS}: ${kind}\n`);
      if (kind === 'returning') {
        const before = await page.evaluate(() => Number(document.body.dataset.analysis));
        await page.setInputFiles('#file-input', storedFile);
        await page.waitForFunction((n) => Number(document.body.dataset.analysis) > n, before, { timeout: 180_000 });
        await page.waitForFunction(() => localStorage.getItem('wenxi-workspace') === 'changed', null, {
          timeout: 120_000,
        });
        await page.waitForFunction(storedIndexEntries, null, { timeout: 120_000, polling: 100 });
      }
      const events = await traced(browser, page, () => (kind === 'cold' ? page.goto(server.url) : page.reload()));
      if (KEEP) {
        mkdirSync(KEEP, { recursive: true });
        writeFileSync(join(KEEP, `${kind}-${run + 1}.json`), JSON.stringify({ traceEvents: events }));
      }
      results[kind].push(timeline(events, server.url));
      await page.waitForFunction(() => document.body.dataset.state === 'ready');
      // Let the service worker finish installing before the warm run.
      if (kind === 'cold') await untilServiceWorkerControls(page);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}

// ---- the report -----------------------------------------------------------------------------

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};
const f = (x) => (Number.isFinite(x) ? x.toFixed(0) : '–');
const out = [];
for (const kind of KINDS) {
  const runs = results[kind];
  out.push(`## ${kind}: navigation → live analysis on screen, median ${f(median(runs.map((r) => r.live)))} ms`);
  out.push('');
  out.push(`runs: ${runs.map((r) => f(r.live)).join(', ')} ms`);
  out.push('');
  out.push('| mark (median over runs) | ms after navigation |');
  out.push('|---|---:|');
  const names = [...new Set(runs.flatMap((r) => r.marks.map((m) => m.name)))];
  const at = (r, name) => r.marks.find((m) => m.name === name)?.at;
  for (const name of names.sort((a, b) => median(runs.map((r) => at(r, a))) - median(runs.map((r) => at(r, b)))))
    out.push(`| ${name} | ${f(median(runs.map((r) => at(r, name))))} |`);
  out.push('');
  out.push('| request (median over runs) | sent | response | finished | from the service worker |');
  out.push('|---|---:|---:|---:|---|');
  const urls = [...new Set(runs.flatMap((r) => r.requests.map((q) => q.url)))];
  const req = (r, url) => r.requests.find((q) => q.url === url);
  for (const url of urls) {
    const pick = (field) => median(runs.map((r) => req(r, url)?.[field]));
    const sw = runs.some((r) => req(r, url)?.fromSW) ? 'yes' : '';
    out.push(`| ${url} | ${f(pick('sent'))} | ${f(pick('response'))} | ${f(pick('finished'))} | ${sw} |`);
  }
  out.push('');
  out.push('| thread · activity (until the live analysis; median total) | ms | count | first at |');
  out.push('|---|---:|---:|---:|');
  const keys = [...new Set(runs.flatMap((r) => r.busy.map((b) => `${b.thread} · ${b.name}`)))];
  const rows = keys.map((key) => {
    const per = runs.map((r) => r.busy.find((b) => `${b.thread} · ${b.name}` === key));
    return {
      key,
      ms: median(per.map((b) => b?.ms ?? 0)),
      count: median(per.map((b) => b?.count ?? 0)),
      first: median(per.map((b) => b?.first)),
    };
  });
  for (const row of rows.filter((r) => r.ms >= 2).sort((a, b) => b.ms - a.ms))
    out.push(`| ${row.key} | ${f(row.ms)} | ${f(row.count)} | ${f(row.first)} |`);
  out.push('');
  out.push('| thread: busy in tasks until the live analysis (median) | ms |');
  out.push('|---|---:|');
  const threadNames = [...new Set(runs.flatMap((r) => [...r.tasks.keys()]))];
  for (const name of threadNames) out.push(`| ${name} | ${f(median(runs.map((r) => r.tasks.get(name) ?? 0)))} |`);
  out.push('');
}
console.log(out.join('\n'));
