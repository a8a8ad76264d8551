// The settings panel as a person uses it: user words that segmentation keeps whole, user stop
// words, the built-in stop list, the minimum length and the part-of-speech filter — each read
// back from the cloud and the keywords table. Needs dist/ (`cargo xtask build`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ARTIFACTS, startSession } from './harness.mjs';
import { afterAnalysis, cloudWords, keywordRows, notices, openPage } from './files.mjs';

const S = '#settings';
const box = (name) => `${S} input[type=checkbox][name=${name}]`;
const freqOf = (rows, term) => rows.find((r) => r.term === term)?.freq;

/** Opens one of the panel's <details> (by class) if it is closed. */
async function open(page, cls) {
  const details = page.locator(`${S} details.${cls}`);
  if (!(await details.evaluate((d) => d.open))) await details.locator(':scope > summary').click();
  return details;
}

async function run(t, slug, body) {
  const session = await startSession();
  t.after(() => session.close());
  try {
    await openPage(session);
    await body(session, session.page);
  } catch (err) {
    await session.screenshot(`${slug}-failure`).catch(() => {});
    throw err;
  }
  session.assertClean();
}

test('user words: 劳模精神 becomes one word, and goes again when removed', { timeout: 180_000 }, (t) =>
  run(t, 'settings-user-words', async (session, page) => {
    const before = await keywordRows(page);
    const laomo = freqOf(before, '劳模');
    assert.ok(laomo > 50, `劳模: ${laomo}`);
    assert.equal(freqOf(before, '劳模精神'), undefined);

    const details = await open(page, 'user-words');
    await details.locator('textarea').fill('劳模精神');
    await afterAnalysis(page, () => details.locator('button[name=applyUserWords]').click());
    const applied = (await notices(page)).filter((n) => n.text.startsWith('已应用'));
    assert.deepEqual(
      applied.map((n) => n.text),
      ['已应用 1 个自定义词，重新分词 5 篇文档。'],
      'applied once, and said so once',
    );

    const rows = await keywordRows(page);
    const whole = freqOf(rows, '劳模精神');
    assert.ok(whole >= 20, `劳模精神: ${whole}`);
    assert.equal(rows.find((r) => r.term === '劳模精神').pos, 'nz', 'a user word is tagged nz');
    // Every 劳模精神 was a 劳模 before.
    assert.equal(freqOf(rows, '劳模'), laomo - whole);
    assert.ok((await cloudWords(page)).includes('劳模精神'), '劳模精神 is not in the cloud');
    assert.equal(await details.locator('textarea').inputValue(), '劳模精神');

    // Several words at once, separated as people type them (newlines, 、, commas or spaces).
    await details.locator('textarea').fill('劳模精神、工匠精神 劳动精神\n');
    await afterAnalysis(page, () => details.locator('button[name=applyUserWords]').click());
    assert.equal((await notices(page))[0].text, '已应用 3 个自定义词，重新分词 5 篇文档。');
    assert.equal(await details.locator('textarea').inputValue(), '劳模精神\n工匠精神\n劳动精神');
    const three = (await keywordRows(page)).map((r) => r.term);
    for (const word of ['劳模精神', '工匠精神', '劳动精神']) assert.ok(three.includes(word), `${word} is not a term`);

    // A word that cannot be one (over 20 characters) is refused with the reason, nothing is
    // re-segmented, and the box keeps what was typed so that it can be corrected.
    const tooLong = '全心全意依靠工人阶级的根本方针和社会主义核心价值观';
    await details.locator('textarea').fill(`劳模精神\n${tooLong}`);
    await details.locator('button[name=applyUserWords]').click();
    await page.waitForFunction(() => document.querySelector('#documents .notices li')?.classList.contains('error'));
    assert.equal(
      (await notices(page))[0].text.split(' / ')[0],
      `「${tooLong}」不能作为词（不能为空、含空白或超过 20 个字）。`,
    );
    assert.equal(await details.locator('textarea').inputValue(), `劳模精神\n${tooLong}`);
    assert.ok(
      (await keywordRows(page)).some((r) => r.term === '工匠精神'),
      'the refused list replaced the applied one',
    );

    // Emptied: the words are gone and 劳模 counts as before.
    await details.locator('textarea').fill('');
    await afterAnalysis(page, () => details.locator('button[name=applyUserWords]').click());
    assert.equal((await notices(page))[0].text, '已应用 0 个自定义词，重新分词 5 篇文档。');
    const after = await keywordRows(page);
    assert.equal(freqOf(after, '劳模精神'), undefined);
    assert.equal(freqOf(after, '劳模'), laomo);
    assert.ok(!(await cloudWords(page)).includes('劳模精神'));
  }),
);

test('stop words: my own, the built-in list, and switching them off', { timeout: 180_000 }, (t) =>
  run(t, 'settings-stop-words', async (session, page) => {
    const before = await keywordRows(page);
    assert.ok(freqOf(before, '工会') > 50);

    // The built-in list opens and shows its words.
    const details = await open(page, 'stop-words');
    await details.locator('details.builtin > summary').click();
    await page.waitForFunction((s) => document.querySelector(`${s} .builtin-words`).textContent.length > 100, S);
    const builtin = (await page.locator(`${S} .builtin-words`).textContent()).split(/\s+/).filter(Boolean);
    const count = Number(/内置 (\d+) 个/.exec(await page.locator(`${S} .switches`).textContent())[1]);
    assert.equal(builtin.length, count, 'the switch names a different count than the list shows');
    assert.ok(count > 300, `${count} built-in stop words`);
    for (const word of ['的', '和', '我们']) assert.ok(builtin.includes(word), `${word} is not in the built-in list`);
    const stop = new Set(builtin);
    assert.deepEqual(
      before.filter((r) => stop.has(r.term)),
      [],
      'built-in stop words in the table',
    );

    // 工会 as my stop word: gone from the table and the cloud; the built-in list still applies.
    await details.locator('textarea').fill('工会');
    await afterAnalysis(page, () => details.locator('button[name=applyStopWords]').click());
    let rows = await keywordRows(page);
    assert.equal(freqOf(rows, '工会'), undefined, '工会 is still in the table');
    assert.ok(!(await cloudWords(page)).includes('工会'), '工会 is still in the cloud');
    assert.ok(await page.locator(box('stopWords')).isChecked(), '去除停用词 was switched off');
    assert.deepEqual(
      rows.filter((r) => stop.has(r.term)),
      [],
      'built-in stop words came back',
    );
    assert.equal(await details.locator('textarea').inputValue(), '工会');
    // Its own switch brings it back without forgetting it.
    await afterAnalysis(page, () => page.uncheck(box('userStopWords')));
    assert.equal(freqOf(await keywordRows(page), '工会'), freqOf(before, '工会'));
    await afterAnalysis(page, () => page.check(box('userStopWords')));
    assert.equal(freqOf(await keywordRows(page), '工会'), undefined);

    // 去除停用词 off: the built-in stop words are counted (two characters or more while single
    // characters are still dropped; 的 and 和 too once they are not).
    await afterAnalysis(page, () => page.uncheck(box('stopWords')));
    rows = await keywordRows(page);
    const counted = rows.filter((r) => stop.has(r.term)).map((r) => r.term);
    assert.ok(counted.length >= 5, `stop words in the table: ${counted}`);
    assert.ok(
      counted.every((w) => [...w].length >= 2),
      `single characters: ${counted}`,
    );
    await afterAnalysis(page, () => page.uncheck(box('singleChars')));
    rows = await keywordRows(page);
    const terms = rows.map((r) => r.term);
    assert.ok(terms.includes('的') && terms.includes('和'), `top terms: ${terms.slice(0, 20).join(' ')}`);
    assert.equal(terms[0], '的', '的 is the most frequent word of any Chinese text');
    assert.equal(freqOf(rows, '工会'), undefined, 'my stop word came back with the built-in ones');

    await afterAnalysis(page, async () => {
      await page.check(box('stopWords'));
      await page.check(box('singleChars'));
    });
    rows = await keywordRows(page);
    assert.deepEqual(
      rows.filter((r) => stop.has(r.term) || [...r.term].length < 2),
      [],
    );
  }),
);

test('minimum length and part of speech narrow the terms', { timeout: 180_000 }, (t) =>
  run(t, 'settings-filters', async (session, page) => {
    const before = await keywordRows(page);
    assert.ok(before.some((r) => [...r.term].length === 2));

    // 最短词长 3: every term has three characters or more, in the table and in the cloud.
    const minLength = page.locator(`${S} input[name=minLength]`);
    await afterAnalysis(page, () => minLength.fill('3'));
    const long = await keywordRows(page);
    assert.ok(long.length >= 50, `${long.length} rows`);
    assert.deepEqual(
      long.filter((r) => [...r.term].length < 3).map((r) => r.term),
      [],
    );
    const words = await cloudWords(page);
    assert.ok(words.length > 10);
    assert.deepEqual(
      words.filter((w) => [...w].length < 3),
      [],
    );
    // Typed nonsense is corrected to the nearest allowed value when the field is left.
    await afterAnalysis(page, async () => {
      await minLength.fill('0');
      await minLength.blur();
    });
    assert.equal(await minLength.inputValue(), '1');
    assert.deepEqual((await keywordRows(page)).slice(0, 20), before.slice(0, 20));

    // Part of speech: 全部词性 off, then nouns only. The POS column shows the noun family only.
    const posAll = page.locator(`${S} input[name=posAll]`);
    assert.ok(await posAll.isChecked());
    assert.ok(
      await page.locator(`${S} input[name=pos][value=n]`).isDisabled(),
      'the tags are editable while all are allowed',
    );
    await afterAnalysis(page, () => posAll.uncheck());
    const checked = await page.$$eval(`${S} input[name=pos]:checked:not(:disabled)`, (boxes) =>
      boxes.map((b) => b.value),
    );
    assert.ok(checked.includes('n'), `ticked: ${checked}`);
    await afterAnalysis(page, async () => {
      for (const tag of checked) if (tag !== 'n') await page.uncheck(`${S} input[name=pos][value=${tag}]`);
    });
    // n is ticked; its family (nr, ns, nt, nz) shows as ticked with it, and cannot be unticked alone.
    const pos = await page.$$eval(`${S} input[name=pos]`, (boxes) =>
      boxes.map((b) => [b.value, b.checked, b.disabled]),
    );
    assert.deepEqual(
      pos.filter(([, checked]) => checked),
      [
        ['n', true, false],
        ['nr', true, true],
        ['ns', true, true],
        ['nt', true, true],
        ['nz', true, true],
      ],
    );
    assert.equal(
      await page.locator(`${S} input[name=pos][value=nr]`).locator('..').getAttribute('title'),
      '已包含在 n 中',
    );
    const nouns = await keywordRows(page);
    assert.ok(nouns.length >= 100, `${nouns.length} noun rows`);
    const tags = [...new Set(nouns.map((r) => r.pos))];
    assert.deepEqual(
      tags.filter((tag) => !tag.startsWith('n')),
      [],
      `tags: ${tags}`,
    );
    assert.ok(tags.length >= 3, `only ${tags} — the family (nr, ns, nt, nz…) is allowed with n`);
    assert.ok(
      nouns.some((r) => r.term === '工会') && !nouns.some((r) => r.term === '学习'),
      'a noun missing or a verb kept',
    );
    await page.locator(S).screenshot({ path: `${ARTIFACTS}settings-nouns.png` });

    // Back to every tag: verbs return.
    await afterAnalysis(page, () => posAll.check());
    const all = await keywordRows(page);
    assert.ok(all.some((r) => r.pos.startsWith('v')));
    assert.deepEqual(all.slice(0, 20), before.slice(0, 20));
  }),
);

test('the settings panel in English, and as it looks with everything open', { timeout: 180_000 }, (t) =>
  run(t, 'settings-look', async (session, page) => {
    for (const cls of ['user-words', 'stop-words']) await open(page, cls);
    await page.locator(`${S} details.builtin > summary`).click();
    await page.waitForFunction((s) => document.querySelector(`${s} .builtin-words`).textContent.length > 100, S);
    await page.locator(S).screenshot({ path: `${ARTIFACTS}settings-panel.png` });

    await afterAnalysis(page, () => page.click('#lang-switch'));
    assert.equal(await page.locator('#settings-title').textContent(), 'Settings');
    const labels = await page.$$eval(`${S} .switches label`, (ls) => ls.map((l) => l.textContent.trim()));
    assert.equal(labels.length, 5);
    assert.match(labels[0], /^Drop stop words \(\d+ built in\)$/);
    assert.deepEqual(labels.slice(1), [
      'Drop my stop words',
      'Drop punctuation',
      'Drop numbers',
      'Drop one-character words',
    ]);
    assert.match(await page.locator(`${S} .pos`).textContent(), /All parts of speech/);
    assert.match(await page.locator(`${S} details.user-words > summary`).textContent(), /User words/);
    await page.locator(S).screenshot({ path: `${ARTIFACTS}settings-panel-en.png` });
  }),
);
