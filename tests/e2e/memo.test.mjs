// A returning visit to a large workspace shows the analysis remembered from the last visit
// (www/analysis-memo.js) when nothing it is computed from changed, and what a person sees is the
// analysis computed afresh; a damaged record, a changed setting or a removed document is an
// analysis computed as before, and the record of a removed document's words goes with it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedCorpus, storedIndexEntries } from '../../benches/support/corpus.mjs';
import { analysisCount } from './files.mjs';
import { startSession } from './harness.mjs';

/** Large enough that its analysis takes well over MEMO_MIN_MS (50 ms) in any browser. */
const LARGE_BYTES = 6_000_000;

async function ready(page, after = 0) {
  await page.waitForFunction(
    (n) => document.body.dataset.state === 'ready' && Number(document.body.dataset.analysis) > n,
    after,
    { timeout: 120_000 },
  );
}

/** The analysis worker's User Timing mark `name`'s detail, or null (the worker of the page). */
async function workerMark(page, name) {
  for (const worker of page.workers()) {
    const detail = await worker
      .evaluate((mark) => performance.getEntriesByName(mark).at(-1)?.detail ?? null, `wenxi:worker:${name}`)
      .catch(() => null);
    if (detail) return detail;
  }
  return null;
}

/** The worker's memo counts once it has remembered at least `n` analyses. */
async function remembered(page, n = 1) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const counts = await workerMark(page, 'remembered');
    if (counts?.remembered >= n) return counts;
    if (Date.now() > deadline) throw new Error(`no analysis remembered: ${JSON.stringify(counts)}`);
    await page.waitForTimeout(100);
  }
}

/** The record of wenxi-analysis, as stored (null when there is none). */
function memoRecord(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('wenxi-analysis');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('last')) return resolve(null);
          const get = db.transaction('last').objectStore('last').get('last');
          get.onsuccess = () => resolve(get.result ?? null);
          get.onerror = () => reject(get.error);
        };
      }),
  );
}

/** Breaks the remembered analysis's keyword list, as a damaged or foreign record would. */
function damageMemo(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('wenxi-analysis');
        open.onsuccess = () => {
          const tx = open.result.transaction('last', 'readwrite');
          const store = tx.objectStore('last');
          const get = store.get('last');
          get.onsuccess = () => store.put({ ...get.result, analysis: { ...get.result.analysis, terms: 'garbage' } });
          tx.oncomplete = () => resolve(true);
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );
}

/** Whether the worker's analyses since the reload were recalled, none computed and remembered
 *  (the page asks more than once as it starts: its first analysis, the keyword table's own). */
async function recalledOnly(page) {
  const counts = await workerMark(page, 'recalled');
  return counts !== null && counts.recalled > 0 && counts.remembered === 0;
}

/** What a person reads of the analysis: the documents, the cloud's words, the keyword table, the
 *  status line's counts. */
async function analysisSeen(page) {
  /** @param {string} tab @param {string} selector what the view shows once it is drawn */
  const shown = async (tab, selector) => {
    await page.click(`[role=tab][data-tab=${tab}]`);
    await page.waitForFunction((s) => document.querySelectorAll(s).length > 0, selector, { timeout: 60_000 });
    await ready(page);
  };
  await shown('cloud', '#view-cloud svg text');
  await page.waitForFunction(() => document.querySelector('#view-cloud .cloud-box')?.dataset.state === 'drawn');
  const cloud = await page.evaluate(() =>
    [...document.querySelectorAll('#view-cloud svg text')]
      .map((t) =>
        [...t.childNodes]
          .filter((n) => n.nodeName !== 'title')
          .map((n) => n.textContent)
          .join(''),
      )
      .sort(),
  );
  await shown('keywords', '#view-keywords tbody tr');
  const status = (await page.locator('#status').textContent()).replace(/用时.*$/, '');
  return page.evaluate(
    ({ status, cloud }) => ({
      status,
      names: [...document.querySelectorAll('#documents .doc-name')].map((n) => n.textContent),
      cloud,
      keywords: [...document.querySelectorAll('#view-keywords tbody tr')].map((tr) => tr.textContent.trim()),
    }),
    { status, cloud },
  );
}

test(
  'a returning visit recalls its last analysis when nothing changed, and computes it otherwise',
  { timeout: 300_000 },
  async (t) => {
    const session = await startSession();
    t.after(() => session.close());
    const { page } = session;
    await page.goto(session.url);
    await ready(page);
    // As a person adds files: after the page has loaded the data it fetches after its first
    // analysis (posseg's model, jieba's IDF table), so that the file is indexed with them.
    await page.waitForFunction(
      () => document.body.dataset.posseg === 'ready' && document.body.dataset.idf === 'ready',
      null,
      {
        timeout: 60_000,
      },
    );

    let before = await analysisCount(page);
    await page.setInputFiles('#file-input', {
      name: 'large.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(seedCorpus(LARGE_BYTES)),
    });
    await ready(page, before);
    await page.waitForFunction(() => localStorage.getItem('wenxi-workspace') === 'changed', null, { timeout: 120_000 });
    await page.waitForFunction(storedIndexEntries, null, { timeout: 120_000, polling: 100 });
    // The keyword table, so that its rows are compared too.
    await page.click('[role=tab][data-tab=keywords]');
    await ready(page);
    await remembered(page);
    const record = await memoRecord(page);
    assert.ok(record && Array.isArray(record.analysis.terms), 'an analysis is stored');
    assert.equal(record.idf, true, "made with jieba's IDF table");
    const seen = await analysisSeen(page);
    assert.ok(seen.keywords.length > 0 && seen.cloud.length > 0, JSON.stringify(seen).slice(0, 200));

    // Back again: the first analysis is the remembered one, and nothing a person sees differs.
    await page.reload();
    await ready(page);
    assert.ok(await recalledOnly(page), JSON.stringify(await workerMark(page, 'recalled')));
    assert.deepEqual(await analysisSeen(page), seen);

    // A damaged record: computed, the same again.
    await damageMemo(page);
    await page.reload();
    await ready(page);
    assert.deepEqual(await analysisSeen(page), seen);
    // Not used: computed, and remembered again (later requests of this visit may recall that).
    assert.ok((await remembered(page)).remembered >= 1);

    // Another setting: computed, not recalled.
    before = await analysisCount(page);
    await page.uncheck('#settings [name=singleChars]');
    await ready(page, before);
    assert.notDeepEqual((await analysisSeen(page)).keywords, seen.keywords, 'single characters counted');
    before = await analysisCount(page);
    await page.check('#settings [name=singleChars]');
    await ready(page, before);
    assert.deepEqual(await analysisSeen(page), seen, 'and back');

    // A document removed: the record of the workspace with it goes (its words with it), and the
    // workspace without it is what is remembered and recalled next time.
    before = await analysisCount(page);
    await page.locator('#documents li.doc').first().locator('button.remove').click();
    await ready(page, before);
    const after = await memoRecord(page);
    assert.ok(!after || after.key !== record.key, 'the record of the removed document is gone');
    assert.equal((await analysisSeen(page)).names.length, seen.names.length - 1);
    // The next visit numbers the documents and their words anew (the ids in the options and the
    // digest differ; TextRank's last digits follow the words' order): computed once and
    // remembered; the visit after that recalls it.
    await page.reload();
    await ready(page);
    const fewer = await analysisSeen(page);
    assert.equal(fewer.names.length, seen.names.length - 1);
    await remembered(page);
    await page.reload();
    await ready(page);
    assert.ok(await recalledOnly(page), JSON.stringify(await workerMark(page, 'recalled')));
    assert.deepEqual(await analysisSeen(page), fewer);
    await session.screenshot('memo-returning');
    session.assertClean();
  },
);
