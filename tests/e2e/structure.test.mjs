// Corpora with structure (issue 9), as a person meets them: a folder dropped on the page (nested
// folders become nested groups, hidden files are skipped, a file that is not text is refused on
// its own line, a copy of a document already here is asked about once), a larger folder picked
// with 添加文件夹 (one summary line, the refused files listed under it), the panel's search and
// group filter, a bulk edit of the documents shown, and all of it kept across a reload and
// through a workspace file exported and imported. One page session.
// Needs dist/ (`cargo xtask build`).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT, startSession } from './harness.mjs';
import { afterAnalysis, documentList, notices, openPage } from './files.mjs';

const SEED_000 = readFileSync(join(ROOT, 'dist/seeds/000_4416c66cbc1a965c.txt'));
const PNG = readFileSync(new URL('./fixtures/photo.txt', import.meta.url));

/** Writes `files` ({path: bytes or text}) under a new temporary folder; returns the folder. */
function folder(name, files) {
  const base = mkdtempSync(join(tmpdir(), 'wenxi-'));
  for (const [path, content] of Object.entries(files)) {
    const full = join(base, name, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, content);
  }
  return { base, dir: join(base, name) };
}

/** Drops the folder `dir` on the page as the browser does for a real drag from the desktop. */
async function dropFolder(page, dir) {
  const cdp = await page.context().newCDPSession(page);
  const data = { items: [], files: [dir], dragOperationsMask: 1 };
  for (const type of ['dragEnter', 'dragOver', 'drop']) {
    await cdp.send('Input.dispatchDragEvent', { type, x: 600, y: 400, data });
  }
  await cdp.detach();
}

/** The metadata line of the document called `name`. */
const infoOf = (page, name) => page.locator('#documents li.doc', { hasText: name }).locator('.doc-info').textContent();

test(
  'folders, duplicates, the panel and its edits, kept across a reload and a workspace file',
  { timeout: 240_000 },
  async (t) => {
    const session = await startSession();
    const dropped = folder('新闻', {
      '2023/上海/2023-05-01_外滩.txt': '外滩的灯光秀吸引了大量游客。\n夜晚的黄浦江两岸灯火通明，游客们纷纷拍照留念。\n',
      '2023/通稿.txt': SEED_000,
      '2024/春节.txt': '春节期间，各地举办了丰富多彩的庙会活动。\n人们舞龙舞狮，猜灯谜，吃汤圆。\n',
      'scan.txt': PNG,
      '.DS_Store': 'x',
      '.git/HEAD.txt': 'ref: main',
    });
    const picked = folder('稿件', {
      ...Object.fromEntries(
        Array.from({ length: 28 }, (_, i) => [
          `第${i + 1}篇.txt`,
          `第${i + 1}篇稿件讲述了工厂第${i + 1}车间的技术革新。\n`,
        ]),
      ),
      'a.png': PNG,
      'b.pdf': Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n', 'latin1'),
    });
    t.after(async () => {
      await session.close();
      rmSync(dropped.base, { recursive: true, force: true });
      rmSync(picked.base, { recursive: true, force: true });
    });
    const { page } = session;
    await openPage(session);

    // A dropped folder: the copy of seed 000 is asked about, once, and skipped.
    await dropFolder(page, dropped.dir);
    const dialog = page.locator('#duplicates-dialog');
    await dialog.waitFor({ state: 'visible' });
    assert.match(await dialog.textContent(), /「通稿\.txt」与「.+」内容相同/);
    await afterAnalysis(page, () => dialog.locator('button[value=skip]').click());
    let docs = await documentList(page);
    assert.deepEqual(
      docs.slice(5).map((d) => d.name),
      ['2023-05-01_外滩.txt', '春节.txt'],
    );
    const lines = (await notices(page)).map((n) => n.text);
    assert.equal(lines[0], '已添加 2 个文件，1 个未添加。跳过 2 个隐藏文件。跳过 1 个重复文件。');
    assert.ok(
      lines.some((l) => /^「scan\.txt」不是文本文件/.test(l)),
      `notices: ${lines.join(' | ')}`,
    );
    // Nested folders are nested groups; a date from the file name says so.
    assert.equal(await infoOf(page, '外滩'), '2023-05-01（文件名） · #新闻/2023/上海');
    assert.match(await infoOf(page, '春节'), /（文件时间） · #新闻\/2024$/);

    // A picked folder of 30 files: one summary line, the two refused listed under it.
    const before = (await notices(page)).length;
    await afterAnalysis(page, () => page.setInputFiles('#folder-input', picked.dir));
    const after = await notices(page);
    assert.equal(after.length, before + 1, `notices: ${after.map((n) => n.text).join(' | ')}`);
    const summary = page.locator('#documents .notices > ul > li').first();
    assert.match(await summary.locator('summary').textContent(), /未添加的文件（2）/);
    await summary.locator('summary').click();
    const refused = await summary.locator('.notice-details > div').allTextContents();
    assert.deepEqual(
      refused.map((line) => line.split(':')[0]),
      ['a.png', 'b.pdf'],
    );
    assert.equal((await documentList(page)).length, 35);

    // The panel: the group filter and the search, then a bulk edit of what they show.
    await page.selectOption('#documents .doc-group', '新闻');
    assert.match(await page.locator('#documents .doc-count').textContent(), /显示 2 \/ 35 篇/);
    await page.selectOption('#documents .doc-group', '');
    await page.fill('#documents .doc-search', '车间');
    await page.waitForFunction(() => document.querySelector('#documents .doc-count').textContent.includes('28 /'));
    await afterAnalysis(page, () => page.click('#documents [data-bulk=shown]'));
    assert.equal(await page.locator('#documents [data-bulk=edit]').textContent(), '批量编辑所选（28）…');
    await page.click('#documents [data-bulk=edit]');
    const editor = page.locator('#documents .doc-editor');
    await editor.locator('[name=source]').fill('工人日报');
    await editor.locator('[name=date]').fill('2024-13');
    await editor.locator('button[value=save]').click();
    // A date that is not one is refused in the dialog, and nothing changes.
    await editor.locator('.editor-error').waitFor();
    assert.match(await editor.locator('.editor-error').textContent(), /2024-13/);
    await editor.locator('[name=date]').fill('2024-03');
    await editor.locator('[name=groups]').fill('稿件/车间');
    await afterAnalysis(page, () => editor.locator('button[value=save]').click());
    assert.match(await infoOf(page, '第1篇.txt'), /^2024-03（手动） · 工人日报 · #稿件 #稿件\/车间$/);
    await session.screenshot('structure-panel');

    // Kept across a reload.
    await page.reload();
    await openPage(session);
    docs = await documentList(page);
    assert.equal(docs.length, 35);
    assert.match(await infoOf(page, '第28篇.txt'), /^2024-03（手动） · 工人日报 · #稿件 #稿件\/车间$/);
    assert.equal(await infoOf(page, '外滩'), '2023-05-01（文件名） · #新闻/2023/上海');

    // A workspace file carries them: exported, the storage wiped, imported.
    await page.click('.menu summary');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-workspace')]);
    const saved = await download.path();
    const workspace = JSON.parse(readFileSync(saved, 'utf8'));
    const exported = workspace.documents.find((d) => d.name === '第3篇.txt');
    assert.deepEqual(exported.edit, { source: '工人日报', date: '2024-03', groups: ['稿件', '稿件/车间'] });
    assert.equal(exported.origin.path, '稿件/第3篇.txt');
    await page.evaluate(
      () =>
        new Promise((resolve) => {
          const req = indexedDB.deleteDatabase('wenxi');
          req.onsuccess = req.onerror = req.onblocked = () => resolve();
        }),
    );
    await page.reload();
    await openPage(session);
    assert.equal((await documentList(page)).length, 5);
    page.once('dialog', (d) => d.accept());
    await page.click('.menu summary');
    await page.click('#import-workspace');
    await afterAnalysis(page, () => page.setInputFiles('#workspace-input', saved));
    assert.equal((await documentList(page)).length, 35);
    assert.match(await infoOf(page, '第3篇.txt'), /^2024-03（手动） · 工人日报 · #稿件 #稿件\/车间$/);
    assert.equal(await infoOf(page, '外滩'), '2023-05-01（文件名） · #新闻/2023/上海');
    session.assertClean();
  },
);
