// A crash inside the wasm (a panic, running out of memory) must not take the page down: the
// worker is replaced, the documents come back from storage, and the person is told. The wasm
// of `cargo xtask test` has a deliberate panic for this (feature test-hooks); shipped builds don't.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startSession } from './harness.mjs';
import { afterAnalysis, cloudWords, documentList, notices, openPage } from './files.mjs';

test('a panic in the wasm restarts the worker and restores the documents', { timeout: 180_000 }, async (t) => {
  const session = await startSession();
  t.after(() => session.close());
  const page = await openPage(session);

  await afterAnalysis(page, async () => {
    await page.click('#paste-text');
    await page.fill('#paste-dialog [name=name]', 'kept.txt');
    await page.fill('#paste-dialog [name=text]', '量子计算机的研究进展迅速。量子计算机利用量子比特进行计算。');
    await page.click('#paste-dialog button[value=add]');
  });
  assert.equal((await documentList(page)).length, 6);

  const failure = await afterAnalysis(page, () =>
    page.evaluate(() =>
      window.wenxi.request('panicForTest').then(
        () => 'no error',
        (err) => `${err.name}: ${err.message}`,
      ),
    ),
  );
  assert.ok(failure > 0);
  const texts = (await notices(page)).map((n) => n.text);
  assert.ok(
    texts.some((text) => text.startsWith('分析引擎出错') && text.includes('已重新启动')),
    `notices: ${texts}`,
  );
  assert.ok(
    texts.some((text) => text.includes('文档已从浏览器存储中恢复')),
    `notices: ${texts}`,
  );

  // Everything is back and the new worker answers.
  const names = (await documentList(page)).map((d) => d.name ?? d);
  assert.equal(names.length, 6, `documents: ${JSON.stringify(names)}`);
  assert.ok((await cloudWords(page)).includes('劳模'));
  const kwic = await page.evaluate(() => window.wenxi.request('kwic', '量子计算机', {}));
  assert.ok(kwic.total >= 2, `kwic total ${kwic.total}`);
  await session.screenshot('crash-recovered');
  session.assertClean();
});
