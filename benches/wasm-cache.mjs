// Does a warm reload reuse V8's compiled code for the engine's .wasm, and after how long a
// visit? For each delay (ms the first visit stays open after the service worker controls the
// page), a new profile: a cold visit, the delay, a traced reload (warm), a second reload. Prints
// the time to the live analysis of each, and the count of each `wasm` trace event of the warm
// reload: `v8.wasm.compileConsume` is Chromium loading the module's cached code (what V8 had
// tiered up to TurboFan); `wasm.CompileLazy` / `wasm.CompileBaseline`, the functions compiled
// again on first call (the ones that were still baseline code when the cache was written).
//   cargo xtask build && node benches/wasm-cache.mjs [DELAYS, e.g. 0,3000,10000] [RUNS]
// Set EXTRA to one more Chromium switch (e.g. EXTRA='--js-flags=--wasm-caching-threshold=100').
// Findings: docs/performance/STARTUP.md ("Does the warm reload compile the .wasm again?").
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../tests/e2e/harness.mjs';
import { untilServiceWorkerControls, waitInPage } from './support/wait.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DELAYS = (process.argv[2] ?? '0,3000,10000').split(',').map(Number);
const RUNS = Number(process.argv[3] ?? 3);
const served = mkdtempSync(join(tmpdir(), 'wenxi-wasm-cache-'));
cpSync(join(ROOT, 'dist'), served, { recursive: true });

/** In the page: when the first live analysis is on screen (as benches/browser.mjs). */
const LIVE = () => {
  const observer = new MutationObserver(() => {
    if (document.body && Number(document.body.dataset.analysis) >= 1 && !window.__live) {
      window.__live = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-analysis'] });
};
const live = async (page) => Math.round(await waitInPage(page, '() => window.__live'));

const server = await startServer({ dir: served });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [
    ...(process.env.EXTRA ? [process.env.EXTRA] : []),
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-gpu',
  ],
});
try {
  console.log('| delay ms | cold ms | warm ms | again ms | wasm events of the warm reload |');
  console.log('|---|---|---|---|---|');
  for (let run = 0; run < RUNS; run++)
    for (const delay of DELAYS) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addInitScript(LIVE);
      const page = await context.newPage();
      await page.goto(server.url);
      const cold = await live(page);
      await untilServiceWorkerControls(page);
      await page.waitForTimeout(delay);
      await browser.startTracing(page, {
        categories: ['disabled-by-default-devtools.timeline', 'v8.wasm', 'disabled-by-default-v8.wasm.detailed'],
      });
      await page.reload();
      const warm = await live(page);
      const trace = JSON.parse((await browser.stopTracing()).toString());
      /** @type {Map<string, number>} */
      const events = new Map();
      for (const { name, cat } of trace.traceEvents ?? [])
        if (/wasm/i.test(`${cat} ${name}`) && /Compile(Lazy|Baseline)|compileConsume|[Cc]ache/.test(name))
          events.set(name, (events.get(name) ?? 0) + 1);
      await page.waitForTimeout(500);
      await page.reload();
      const again = await live(page);
      const seen = [...events].map(([name, n]) => `${name} ${n}`).join(', ');
      console.log(`| ${delay} | ${cold} | ${warm} | ${again} | ${seen} |`);
      await context.close();
    }
} finally {
  await browser.close();
  await server.close();
  rmSync(served, { recursive: true, force: true });
}
