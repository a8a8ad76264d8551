// Browser benchmark: the built page (dist/) in headless Debian Chromium, measured as a person
// meets it. Prints a table of min / median / max over several runs:
//   cold start   navigation -> first word cloud, empty cache, new profile each run
//   warm start   reload in the same profile (HTTP cache / service worker)
//   update       a filter switch clicked -> every view updated (analysis counter moves)
//   user word    a user word applied (re-segments the seeds) -> every view updated
//   add 10 MB    a ~10 MB file chosen -> added (decode + clean + segment + index in the worker)
// Run after `cargo xtask build`:  node benches/browser.mjs [runs]
// Numbers, not pass/fail: these machines are noisy; compare ratios measured in the same run.
import { readFileSync, readdirSync } from 'node:fs';
import { startServer } from '../tests/e2e/harness.mjs';
import { chromium } from 'playwright-core';

const RUNS = Number(process.argv[2] ?? 5);
const ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu'];
const ROOT = new URL('../', import.meta.url);

// Records when the cloud first shows words, relative to navigation start.
const FIRST_CLOUD = () => {
  const observer = new MutationObserver(() => {
    if (document.querySelectorAll('#view-cloud svg text').length > 20 && !window.__firstCloud) {
      window.__firstCloud = performance.now();
      observer.disconnect();
    }
  });
  document.addEventListener('DOMContentLoaded', () => observer.observe(document.body, { childList: true, subtree: true }));
};

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0], median: s[Math.floor(s.length / 2)], max: s[s.length - 1] };
};
const ms = (x) => `${x.toFixed(0)} ms`;

async function firstCloud(page) {
  await page.waitForFunction(() => window.__firstCloud, null, { timeout: 60_000 });
  return page.evaluate(() => window.__firstCloud);
}

async function timed(page, action) {
  const before = await page.evaluate(() => Number(document.body.dataset.analysis));
  const start = Date.now();
  await action();
  await page.waitForFunction((n) => Number(document.body.dataset.analysis) > n, before, { timeout: 60_000, polling: 'raf' });
  return Date.now() - start;
}

function largeCorpus(bytes) {
  const dir = new URL('seeds/', ROOT);
  const seeds = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(new URL(f, dir), 'utf8'));
  const parts = [];
  let size = 0;
  for (let copy = 0; size < bytes; copy++) {
    for (const seed of seeds) {
      const part = `第${copy}份\n${seed}\n`;
      parts.push(part);
      size += Buffer.byteLength(part);
    }
  }
  return Buffer.from(parts.join(''));
}

const server = await startServer();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
const rows = [];
try {
  const cold = [];
  const warm = [];
  const update = [];
  const userWord = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(FIRST_CLOUD);
    const page = await context.newPage();
    await page.goto(server.url);
    cold.push(await firstCloud(page));
    await page.waitForFunction(() => document.body.dataset.state === 'ready');
    await page.reload();
    warm.push(await firstCloud(page));
    await page.waitForFunction(() => document.body.dataset.state === 'ready');
    update.push(await timed(page, () => page.click('#settings [name=singleChars]')));
    update.push(await timed(page, () => page.click('#settings [name=singleChars]')));
    await page.click('#settings details.user-words summary');
    await page.fill('#settings [name=userWords]', '劳模精神');
    userWord.push(await timed(page, () => page.click('#settings [name=applyUserWords]')));
    await page.fill('#settings [name=userWords]', '');
    await timed(page, () => page.click('#settings [name=applyUserWords]'));
    await context.close();
  }
  rows.push(['cold start: navigation -> first cloud', stats(cold)]);
  rows.push(['warm start: reload -> first cloud', stats(warm)]);
  rows.push(['settings change -> views updated', stats(update)]);
  rows.push(['user word (re-segments seeds) -> views updated', stats(userWord)]);

  const big = largeCorpus(10_000_000);
  const adds = [];
  for (let run = 0; run < Math.min(RUNS, 3); run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 60_000 });
    const start = Date.now();
    await page.setInputFiles('#file-input', { name: 'big.txt', mimeType: 'text/plain', buffer: big });
    await page.waitForFunction(() => document.querySelector('#documents .notices li.ok')?.textContent.includes('big.txt'), null, {
      timeout: 120_000,
      polling: 100,
    });
    adds.push(Date.now() - start);
    await context.close();
  }
  const mb = big.length / 1e6;
  const add = stats(adds);
  rows.push([`add ${mb.toFixed(1)} MB file -> added`, add]);
  console.log(`\nWenxi in headless Chromium (${RUNS} runs; min / median / max)\n`);
  for (const [label, s] of rows) console.log(`${label.padEnd(50)} ${ms(s.min).padStart(8)} ${ms(s.median).padStart(8)} ${ms(s.max).padStart(8)}`);
  console.log(`${'indexing throughput (median)'.padEnd(50)} ${(mb / (add.median / 1000)).toFixed(1)} MB/s`);
} finally {
  await browser.close();
  await server.close();
}
