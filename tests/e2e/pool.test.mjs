// Every core at work (issue 12): a drop of 2 MB or more is segmented by the pool of workers
// (www/pool.js) and its documents added by the analysis worker in the files' order. The corpus
// it makes must be the one the analysis worker alone makes of the same files, token for token;
// a bad file among them is refused with the very message it gets today.
// Needs dist/ (`cargo xtask build`).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ROOT, startSession } from './harness.mjs';
import { afterAnalysis, documentList, dropFiles, fixture, notices, openPage, textFile } from './files.mjs';

// Text of several kinds (news, speeches, numbers, Latin words), from the seeds, numbered so that
// each file is its own text. The sizes are not in the files' order: the pool takes the largest
// first, the analysis worker must still add them in order.
const { files: seedNames } = JSON.parse(readFileSync(`${ROOT}seeds/index.json`, 'utf8'));
const seedText = seedNames.map((name) => readFileSync(`${ROOT}seeds/${name}`, 'utf8')).join('\n');
const made = (name, bytes) => {
  let text = '';
  for (let part = 1; Buffer.byteLength(text) < bytes; part++) text += `第${part}部分（${name}）\n${seedText}\n`;
  return textFile(name, text);
};
const FILES = [
  made('甲-报道.txt', 300_000),
  made('乙-讲话.txt', 1_200_000),
  fixture('photo.txt', '丙-图片.txt'),
  made('丁-评论.txt', 700_000),
  made('戊-摘要.txt', 100_000),
];
const ADDED = FILES.filter((f) => !f.name.startsWith('丙'));

test('a large drop is segmented by the pool, into the corpus one worker makes', { timeout: 180_000 }, async (t) => {
  const session = await startSession();
  t.after(() => session.close());
  const page = await openPage(session);
  const poolWorkers = [];
  page.on('worker', (worker) => /pool-worker/.test(worker.url()) && poolWorkers.push(worker.url()));
  const seeds = await documentList(page);

  const started = Date.now();
  await afterAnalysis(page, () => dropFiles(page, FILES));
  await page.waitForFunction((n) => document.querySelectorAll('#documents li.doc').length === n, seeds.length + 4);
  t.diagnostic(
    `${(FILES.reduce((sum, f) => sum + f.bytes.length, 0) / 1e6).toFixed(1)} MB added in ${Date.now() - started} ms`,
  );

  // The pool did the segmenting: its workers started, and prepared every file it could.
  assert.ok(poolWorkers.length >= 2, `pool workers started: ${poolWorkers.length}`);
  assert.equal(await page.evaluate(() => document.body.dataset.pooled), String(ADDED.length));
  // In the files' order, the bad one refused as it is when it comes alone.
  const docs = (await documentList(page)).slice(seeds.length);
  assert.deepEqual(
    docs.map((d) => d.name),
    ADDED.map((f) => f.name),
  );
  const lines = (await notices(page)).map((n) => n.text);
  assert.ok(
    lines.includes(
      '「丙-图片.txt」不是文本文件（看起来是 PNG 图片）。 / "丙-图片.txt" is not a text file (it looks like a PNG image).',
    ),
    lines.join(' | '),
  );
  assert.ok(lines.includes('已添加 4 个文件，1 个未添加。'), lines.join(' | '));

  // The same files added by the analysis worker alone (through the page's handle, not the pool),
  // then compared: every document's tokens (word, text, tag, offsets) and what the list says of
  // it, and the analysis of the pooled documents against that of the others.
  const payload = ADDED.map((f) => ({ name: f.name, base64: f.bytes.toString('base64') }));
  const compared = await page.evaluate(async (files) => {
    const { request } = /** @type {any} */ (window).wenxi;
    const listed = await request('documents');
    const pooled = files.map(({ name }) => listed.find((d) => d.name === name));
    const alone = [];
    for (const { name, base64 } of files) {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      alone.push(await request('addFile', name, bytes, {}));
    }
    const digest = async (id) => {
      const tokens = await request('segment', id);
      const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(tokens)));
      return { count: tokens.length, hash: [...new Uint8Array(hash)].join(',') };
    };
    const facts = ({ chars, tokens, sentences, encoding, bytes, title, furnitureLines, duplicateOf }) => ({
      chars,
      tokens,
      sentences,
      encoding,
      bytes,
      title,
      furnitureLines,
      duplicateOf: duplicateOf === null ? null : 'set',
    });
    const analysis = async (documents) => {
      const filter = { stopWords: true, punctuation: true, numbers: true, singleChars: true, minLength: 1 };
      const { terms } = await request('analyze', { documents, filter, keywordWeight: 'freq', topTerms: 500 });
      return terms.map((term) => `${term.term}:${term.freq}`);
    };
    const result = {
      pooled: { docs: [], analysis: await analysis(pooled.map((d) => d.id)) },
      alone: { docs: [], analysis: await analysis(alone.map((d) => d.id)) },
    };
    for (const [i, doc] of pooled.entries()) {
      result.pooled.docs.push({ ...(await digest(doc.id)), ...facts(doc) });
      result.alone.docs.push({ ...(await digest(alone[i].id)), ...facts({ ...alone[i], duplicateOf: null }) });
      // Each added again is a copy of its pooled twin (the same cleaned text).
      if (alone[i].duplicateOf !== doc.id) throw new Error(`${doc.name}: not a copy of the pooled document`);
    }
    for (const doc of alone) await request('removeDocument', doc.id);
    return result;
  }, payload);
  assert.ok(compared.pooled.docs.every((d) => d.count > 10_000));
  assert.deepEqual(compared.pooled.docs, compared.alone.docs);
  assert.deepEqual(compared.pooled.analysis, compared.alone.analysis);
  assert.ok(compared.pooled.analysis.length === 500);

  await session.screenshot('pool-drop');
  session.assertClean();
});
