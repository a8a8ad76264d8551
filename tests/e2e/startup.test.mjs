// Start-up with the build-time snapshot (www/startup.js, scripts/snapshot.mjs): on a pristine
// workspace the seeds' analysis, computed at build time by the same engine, is drawn before the
// worker has answered, and the live analysis replaces it; a workspace with anything stored never
// shows it. Needs dist/ (`cargo xtask build`), built from the same www/pkg/snapshot.json.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { analysisOptions, DEFAULT_SETTINGS } from '../../www/defaults.js';
import { ROOT, startSession } from './harness.mjs';

const SNAPSHOT = JSON.parse(await readFile(new URL('www/pkg/snapshot.json', `file://${ROOT}`), 'utf8'));
const SEED_INDEX = JSON.parse(await readFile(new URL('seeds/index.json', `file://${ROOT}`), 'utf8'));
// File-name prefixes of what the download budget does not count (xtask/src/budget.rs).
const LATER = (await readFile(new URL('xtask/not-for-the-first-cloud.txt', `file://${ROOT}`), 'utf8'))
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));

// Recorded in the page from its first line: every value of <body data-state>, the first cloud
// on screen (its words, and which analysis and state it came with), and every request the page
// sent to its worker with the answer (what main.js really asked, what the worker really said).
const RECORD = () => {
  window.__states = [];
  window.__cloud = null;
  const textOf = (node) =>
    [...node.childNodes]
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.data)
      .join('');
  // From the document itself: the page script (a module, run before DOMContentLoaded)
  // draws the snapshot itself.
  {
    const look = () => {
      if (!document.body) return;
      const state = document.body.dataset.state;
      if (window.__states.at(-1) !== state) window.__states.push(state);
      const texts = [...document.querySelectorAll('#view-cloud svg text')];
      if (!window.__cloud && texts.length > 20) {
        // The page's state when the first words appear (the cloud is drawn a frame at a time).
        const cloud = { state, analysis: Number(document.body.dataset.analysis), words: texts.map(textOf) };
        window.__cloud = cloud;
        window.__cloudCounted = false;
      }
      // The controller counts the analysis a cloud shows once every word of it is drawn: which
      // one it was is known when the cloud box says drawn and the page's thread is free again.
      const box = document.querySelector('#view-cloud .cloud-box');
      if (window.__cloud && !window.__cloudCounted && box?.dataset.state === 'drawn') {
        window.__cloudCounted = true;
        const cloud = window.__cloud;
        setTimeout(() => (cloud.analysis = Number(document.body.dataset.analysis)));
      }
    };
    new MutationObserver(look).observe(document, { attributes: true, childList: true, subtree: true });
  }
  window.__worker = [];
  const Native = window.Worker;
  window.Worker = class extends Native {
    #sent = new Map();
    constructor(...args) {
      super(...args);
      // The analysis worker's answers; the cloud's layout worker (wenxi-cloud) is not it.
      if (args[1]?.name === 'wenxi-cloud') return;
      this.addEventListener('message', ({ data }) => {
        const request = this.#sent.get(data?.id);
        if (!request || 'progress' in data) return;
        window.__worker.push({ action: request.action, args: request.args, result: data.result, error: data.error });
      });
    }
    postMessage(message, transfer) {
      if (message?.id)
        this.#sent.set(message.id, { action: message.action, args: message.action === 'analyze' ? message.args : [] });
      return super.postMessage(message, transfer);
    }
  };
};

/** JSON's view of a value: the snapshot is JSON, so -0 and 0 are one number there. */
const asJson = (value) => JSON.parse(JSON.stringify(value));

const ready = (page, after = 0) =>
  page.waitForFunction(
    (n) => document.body.dataset.state === 'ready' && Number(document.body.dataset.analysis) > n,
    after,
    {
      timeout: 60_000,
    },
  );
const analysisCount = (page) => page.evaluate(() => Number(document.body.dataset.analysis));

/** The cloud's words with where they stand. */
const cloudLayout = (page) =>
  page.$$eval('#view-cloud svg text', (nodes) =>
    nodes.map((node) => ({
      text: [...node.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.data)
        .join(''),
      size: node.getAttribute('font-size'),
      transform: node.getAttribute('transform'),
    })),
  );

/** Holds back every response of `pattern` until the returned release() is called. */
async function holdBack(context, pattern) {
  let release;
  const gate = new Promise((resolve) => (release = resolve));
  const held = [];
  await context.route(pattern, async (route) => {
    held.push(route.request().url());
    await gate;
    await route.continue();
  });
  return { held, release };
}

test(
  'the snapshot is what the worker computes for the seeds with the default settings',
  { timeout: 180_000 },
  async (t) => {
    const session = await startSession();
    t.after(() => session.close());
    const { page, context } = session;
    await context.addInitScript(RECORD);
    /** @type {{url: string, at: number}[]} */
    const requested = [];
    context.on('request', (request) => requested.push({ url: request.url(), at: Date.now() }));
    await page.goto(session.url);
    await ready(page);

    // What the download budget leaves out (xtask/not-for-the-first-cloud.txt) is not requested
    // before the first live analysis is on screen.
    const shownAt = await page.evaluate(
      () => performance.timeOrigin + performance.getEntriesByName('wenxi:page:views-updated')[0].startTime,
    );
    const later = LATER.filter((prefix) =>
      requested.some(({ url, at }) => at < shownAt && new URL(url).pathname.split('/').pop().startsWith(prefix)),
    );
    assert.deepEqual(later, [], 'requested before the first live cloud, though the budget does not count them');
    assert.ok(
      requested.some(({ url, at }) => at < shownAt && url.endsWith('.wasm')),
      'the .wasm is requested before the first live cloud (the check sees the requests)',
    );

    // The seeds, in order, all of them; the options are the defaults with every seed selected.
    assert.deepEqual(SNAPSHOT.seeds, SEED_INDEX.files);
    assert.deepEqual(
      SNAPSHOT.options,
      asJson(
        analysisOptions(
          DEFAULT_SETTINGS,
          SNAPSHOT.documents.map((d) => d.id),
        ),
      ),
    );
    assert.equal(SNAPSHOT.analysis.terms.length, DEFAULT_SETTINGS.topTerms);

    const log = await page.evaluate(() => window.__worker);
    const loaded = log.find((entry) => entry.action === 'loadSeeds');
    assert.ok(loaded, `the page loaded no seeds: ${log.map((e) => e.action)}`);
    assert.deepEqual(asJson(loaded.result), SNAPSHOT.documents, 'the documents the worker loaded are the snapshot’s');
    const analyses = log.filter((entry) => entry.action === 'analyze');
    // One analysis at start, and one more after each file fetched after it (www/lazy-data.js):
    // the part-of-speech model and jieba's IDF table. The same terms and counts (only tags of
    // words outside the dictionary change, and jieba's TF-IDF is known once its table is in).
    assert.equal(analyses.length, 3, 'one analysis at start, one after the model, one after the IDF table');
    const counts = (analysis) => analysis.terms.map((term) => `${term.term}:${term.freq}`);
    for (const later of analyses.slice(1)) assert.deepEqual(counts(later.result), counts(analyses[0].result));
    assert.equal(analyses[0].result.idfLoaded, false);
    assert.equal(analyses[2].result.idfLoaded, true);
    assert.deepEqual(asJson(analyses[0].args[0]), SNAPSHOT.options, 'main.js asked with the snapshot’s options');
    assert.equal(analyses[0].error, undefined);
    assert.deepEqual(
      asJson(analyses[0].result),
      SNAPSHOT.analysis,
      'the live analysis is the snapshot’s, field for field',
    );
    session.assertClean();
  },
);

test(
  'a first visit draws the cloud from the snapshot before the worker answers; clicks wait for the engine',
  { timeout: 180_000 },
  async (t) => {
    const session = await startSession();
    t.after(() => session.close());
    const { page, context } = session;
    await context.addInitScript(RECORD);
    // Without the dictionary the worker cannot build its Analyzer: it answers nothing.
    const dictionary = await holdBack(context, '**/*.wxd');
    await page.goto(session.url);

    await page.waitForFunction(() => window.__cloud, null, { timeout: 30_000 });
    const first = await page.evaluate(() => window.__cloud);
    assert.equal(first.state, 'snapshot');
    assert.equal(first.analysis, 0, 'no live analysis yet');
    assert.equal(await page.evaluate(() => window.__worker.length), 0, 'the worker has answered nothing');
    const top = new Set(SNAPSHOT.analysis.terms.map((row) => row.term));
    assert.ok(
      first.words.every((word) => top.has(word)),
      `cloud: ${first.words}`,
    );
    assert.ok(first.words.includes(SNAPSHOT.analysis.terms[0].term), 'the top term is in the cloud');
    assert.equal(await page.locator('#documents .doc-name').count(), SNAPSHOT.documents.length);
    assert.equal(await analysisCount(page), 0, 'the snapshot does not count as an analysis');
    // Once every word of it is drawn (a frame at a time; the first words were recorded above).
    await page.locator('#view-cloud .cloud-box[data-state=drawn]').waitFor({ state: 'attached', timeout: 30_000 });
    const before = await cloudLayout(page);

    // A click on a word now opens its contexts once the engine is there.
    await page
      .locator('#view-cloud svg')
      .getByRole('button', { name: /^工会[，,]/ })
      .click();
    assert.equal(await page.locator('[data-tab="kwic"]').getAttribute('aria-selected'), 'true');
    // A setting changed now is applied on top of the stored ones once the engine is there.
    await page.click('[data-tab="cloud"]');
    await page.locator('#view-cloud select[name=weight]').selectOption('tfidf');
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => document.body.dataset.state), 'snapshot', 'still waiting for the engine');
    assert.equal(await page.evaluate(() => window.__worker.length), 0);

    // The hold did hold something back: the worker asked for the dictionary, and got no answer yet.
    for (let waited = 0; dictionary.held.length === 0 && waited < 30_000; waited += 50) await page.waitForTimeout(50);
    assert.ok(dictionary.held.length > 0, 'the worker has asked for the dictionary');
    dictionary.release();
    await ready(page);
    // The change made during the snapshot is applied: the last analysis was asked by TF-IDF.
    await page.waitForFunction(
      () => window.__worker.filter((e) => e.action === 'analyze').at(-1)?.args[0].keywordWeight === 'tfidf',
      null,
      {
        timeout: 30_000,
      },
    );
    await page.waitForFunction(() => document.body.dataset.state === 'ready');
    const log = await page.evaluate(() => window.__worker);
    assert.ok(
      log.every((entry) => !entry.error),
      `the worker refused: ${JSON.stringify(log.filter((e) => e.error))}`,
    );
    // Its contexts, computed by the live engine.
    await page.click('[data-tab="kwic"]');
    await page.waitForFunction(
      () => {
        const root = document.querySelector('#view-kwic .kwic-root');
        return root?.dataset.state === 'ready' && document.querySelectorAll('#view-kwic tbody tr').length > 0;
      },
      null,
      { timeout: 30_000 },
    );
    const keywords = await page.locator('#view-kwic td.kwic-keyword').allTextContents();
    assert.ok(keywords.length > 10 && keywords.every((k) => k === '工会'), `keywords: ${[...new Set(keywords)]}`);

    // Back to frequency: the live cloud is the snapshot's, word for word and place for place.
    await page.click('[data-tab="cloud"]');
    const count = await analysisCount(page);
    await page.locator('#view-cloud select[name=weight]').selectOption('freq');
    await ready(page, count);
    assert.deepEqual(await cloudLayout(page), before);
    session.assertClean();
  },
);

// Each: what a person changes (then waits for its analysis), and what the first cloud after a
// reload must show.
const CHANGES = {
  'a user word': {
    async change(page) {
      await page.click('#settings details.user-words summary');
      await page.fill('#settings [name=userWords]', '习近平总书记');
      await page.click('#settings [name=applyUserWords]');
    },
    check: (cloud) => assert.ok(cloud.words.includes('习近平总书记'), `first cloud: ${cloud.words}`),
  },
  'an added document': {
    async change(page) {
      await page.click('#paste-text');
      await page.fill('#paste-dialog [name=name]', 'alpha.txt');
      await page.fill(
        '#paste-dialog [name=text]',
        '量子计算机的研究进展迅速。量子计算机利用量子比特进行计算。'.repeat(40),
      );
      await page.click('#paste-dialog button[value=add]');
    },
    check: (cloud) => assert.ok(cloud.words.includes('量子'), `first cloud: ${cloud.words}`),
  },
  'a changed setting': {
    async change(page) {
      await page.locator('#view-cloud select[name=weight]').selectOption('tfidf');
    },
    check: () => {},
  },
};

for (const [name, { change, check }] of Object.entries(CHANGES)) {
  test(`with ${name} stored, a reload shows no snapshot`, { timeout: 180_000 }, async (t) => {
    const session = await startSession();
    t.after(() => session.close());
    const { page, context } = session;
    await context.addInitScript(RECORD);
    await page.goto(session.url);
    await ready(page);
    // The snapshot was shown; its cloud may still be laid out when the live analysis arrives
    // (the worker starts before the page's code has loaded, www/boot.js).
    const firstStates = await page.evaluate(() => window.__states);
    assert.ok(firstStates.includes('snapshot'), `a first visit shows the snapshot: ${firstStates}`);
    const count = await analysisCount(page);
    await change(page);
    await ready(page, count);
    // Let the store finish writing.
    await page.waitForTimeout(500);

    await page.reload();
    await ready(page);
    const states = await page.evaluate(() => window.__states);
    assert.ok(!states.includes('snapshot'), `states: ${states}`);
    const cloud = await page.evaluate(() => window.__cloud);
    assert.ok(cloud.analysis >= 1, 'the first cloud came from a live analysis');
    check(cloud);
    if (name === 'a changed setting')
      assert.equal(await page.locator('#view-cloud select[name=weight]').inputValue(), 'tfidf');
    session.assertClean();
  });
}

test('localStorage that throws: no snapshot, and the page starts as usual', { timeout: 180_000 }, async (t) => {
  const session = await startSession();
  t.after(() => session.close());
  const { page, context } = session;
  await context.addInitScript(RECORD);
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await page.goto(session.url);
  await ready(page);
  const states = await page.evaluate(() => window.__states);
  assert.ok(!states.includes('snapshot'), `states: ${states}`);
  assert.ok((await page.evaluate(() => window.__cloud.analysis)) >= 1, 'the first cloud came from a live analysis');
  session.assertClean();
});

test('back to the defaults, the next start shows the snapshot again', { timeout: 180_000 }, async (t) => {
  const session = await startSession();
  t.after(() => session.close());
  const { page, context } = session;
  await context.addInitScript(RECORD);
  await page.goto(session.url);
  await ready(page);
  let count = await analysisCount(page);
  await page.locator('#view-cloud select[name=weight]').selectOption('tfidf');
  await ready(page, count);
  await page.waitForFunction(() => localStorage.getItem('wenxi-workspace') === 'changed');
  count = await analysisCount(page);
  await page.locator('#view-cloud select[name=weight]').selectOption('freq');
  await ready(page, count);
  // The settings are stored, and the workspace marked pristine again (www/persistence.js), before
  // the reload (a fixed wait was too short on a busy machine).
  await page.waitForFunction(() => localStorage.getItem('wenxi-workspace') === 'pristine');
  await page.reload();
  await ready(page);
  // Shown before the live analysis (whose cloud may be the first one laid out: the worker
  // starts before the page's code has loaded, www/boot.js).
  const states = await page.evaluate(() => window.__states);
  assert.deepEqual(states.slice(0, 2), ['loading', 'snapshot'], `states: ${states}`);
  session.assertClean();
});

test(
  'a stale marker (localStorage cleared, IndexedDB kept): the snapshot, then the stored workspace replaces it',
  { timeout: 180_000 },
  async (t) => {
    const session = await startSession();
    t.after(() => session.close());
    const { page, context } = session;
    await context.addInitScript(RECORD);
    await page.goto(session.url);
    await ready(page);
    const count = await analysisCount(page);
    await CHANGES['a user word'].change(page);
    await ready(page, count);
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => localStorage.getItem('wenxi-workspace')), 'changed');
    await page.evaluate(() => localStorage.removeItem('wenxi-workspace'));

    await page.reload();
    await ready(page);
    // Without a marker the page takes the workspace for pristine: the snapshot is shown. (Its
    // cloud may not be the first drawn: the live one can come while the snapshot's is still
    // laid out, since the worker starts before the page's code, www/boot.js.)
    const states = await page.evaluate(() => window.__states);
    assert.deepEqual(states.slice(0, 2), ['loading', 'snapshot'], `states: ${states}`);
    const words = (await cloudLayout(page)).map((w) => w.text);
    assert.ok(words.includes('习近平总书记'), `the live cloud has the stored user word: ${words}`);
    assert.equal(await page.locator('#settings [name=userWords]').inputValue(), '习近平总书记');
    assert.equal(
      await page.evaluate(() => localStorage.getItem('wenxi-workspace')),
      'changed',
      'the marker is put right',
    );
    session.assertClean();
  },
);
