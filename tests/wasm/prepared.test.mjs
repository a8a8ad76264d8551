// Prepared documents as bytes through the real .wasm (src/corpus/stored.rs): prepareFile in one
// Analyzer (another worker, or an earlier visit), addPrepared in another, gives the analysis
// adding the files gives. Run after `cargo xtask build`:  node --test tests/wasm/
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const ROOT = new URL('../../', import.meta.url);
const PKG = new URL('www/pkg/', ROOT);
const { initSync, Analyzer } = await import(new URL('wenxi.js', PKG).href);
initSync({ module: readFileSync(new URL('wenxi_bg.wasm', PKG)) });
const WXD = new Uint8Array(readFileSync(new URL('wenxi.wxd', PKG)));
const WXP = new Uint8Array(readFileSync(new URL('wenxi.wxp', PKG)));
const WXS = new Uint8Array(readFileSync(new URL('wenxi.wxs', PKG)));

/** The seeds, a traditional text and a page with furniture, each with an origin. */
function files() {
  const { files: names } = JSON.parse(readFileSync(new URL('seeds/index.json', ROOT), 'utf8'));
  const encode = (text) => new TextEncoder().encode(text);
  return [
    ...names.map((name) => ({ name, bytes: new Uint8Array(readFileSync(new URL(`seeds/${name}`, ROOT))) })),
    { name: 't.txt', bytes: encode('臺灣的計程車司機說，這個軟體很好用。勞模精神。') },
    {
      name: 'p.txt',
      bytes: encode('首页 | 新闻 | 体育\n工会工作要讲实效\n2024-03-05 来源：人民网\n工会工作要讲实效。劳模精神。\n'),
    },
  ].map((file, i) => ({ ...file, origin: { path: `新闻/${2020 + i}/${file.name}`, modified: 1.7e12 } }));
}

/** An analyzer as the page's worker has it once the lazy data came. */
function analyzer(t, userWords = []) {
  const a = new Analyzer(WXD);
  t.after(() => a.free());
  a.setPossegModel(WXP);
  a.setScriptData(WXS);
  if (userWords.length) a.setUserWords(userWords);
  return a;
}

/** What a person can see of a corpus. */
function seen(a) {
  return {
    documents: a.documents(),
    analysis: a.analyze({ topTerms: 300 }),
    furniture: a.documents().map((d) => a.furniture(d.id)),
    kwic: a.kwic('劳模', {}),
    segment: a.segment(a.documents()[5].id),
  };
}

test('prepareFile → addPrepared gives the analysis addFile gives', (t) => {
  const added = analyzer(t);
  const preparer = analyzer(t);
  const stored = analyzer(t);
  for (const { name, bytes, origin } of files()) {
    const summary = added.addFile(name, bytes, origin);
    const prepared = preparer.prepareFile(name, bytes, origin);
    assert.ok(prepared instanceof Uint8Array);
    assert.deepEqual(stored.addPrepared(prepared), summary, name);
  }
  assert.equal(preparer.documents().length, 0, 'preparing adds nothing');
  assert.equal(stored.segmentationKey(), added.segmentationKey());
  assert.deepEqual(seen(stored), seen(added));
  // What a returning visit's remembered analysis is keyed by (www/analysis-memo.js): the same
  // corpus, the same digest; a change of what analyses read, another.
  assert.match(stored.analysisDigest(), /^[0-9a-f]{32}$/);
  assert.equal(stored.analysisDigest(), added.analysisDigest());
  const digest = stored.analysisDigest();
  stored.setStopWords(['劳模']);
  assert.notEqual(stored.analysisDigest(), digest, 'a stop word');
  stored.setStopWords([]);
  assert.equal(stored.analysisDigest(), digest, 'and back');
  stored.removeDocument(stored.documents()[0].id);
  assert.notEqual(stored.analysisDigest(), digest, 'a document removed');
});

test('damaged prepared bytes are refused with bad_data_file and add nothing', (t) => {
  const a = analyzer(t);
  const { name, bytes, origin } = files()[0];
  const prepared = a.prepareFile(name, bytes, origin);
  const flipped = prepared.slice();
  flipped[prepared.length >> 1] ^= 1;
  for (const damaged of [flipped, prepared.subarray(0, prepared.length - 1), new Uint8Array(3), bytes]) {
    let error;
    try {
      a.addPrepared(damaged);
    } catch (err) {
      error = err;
    }
    assert.equal(error?.code, 'bad_data_file');
    assert.equal(error.params.file, 'prepared document');
  }
  assert.equal(a.documents().length, 0);
  assert.equal(a.addPrepared(prepared).name, name);
});

test('a document prepared before the user words changed is segmented again', (t) => {
  const before = analyzer(t);
  const after = analyzer(t, ['劳模精神']);
  const expected = analyzer(t, ['劳模精神']);
  assert.notEqual(after.segmentationKey(), before.segmentationKey());
  for (const { name, bytes, origin } of files()) {
    after.addPrepared(before.prepareFile(name, bytes, origin));
    expected.addFile(name, bytes, origin);
  }
  assert.ok(after.analyze({ topTerms: 300 }).terms.some((x) => x.term === '劳模精神'));
  assert.deepEqual(seen(after), seen(expected));
});

test('on held-out text (tests/heldout/: People’s Daily 1998 in simplified and traditional, news), addPrepared gives what addFile gives, digest included', (t) => {
  const HELDOUT = new URL('tests/heldout/', ROOT);
  const names = ['pd199801.zh-Hans.txt', 'pd199801.s2t.txt', 'pd199801.s2tw.txt', 'news/pd199801-news.txt'];
  for (const posseg of [false, true]) {
    const make = () => {
      const a = new Analyzer(WXD);
      t.after(() => a.free());
      if (posseg) a.setPossegModel(WXP);
      a.setScriptData(WXS);
      return a;
    };
    const added = make();
    const preparer = make();
    const stored = make(); // never cuts a text: jieba is not built for it
    for (const name of names) {
      const bytes = new Uint8Array(readFileSync(new URL(name, HELDOUT)));
      const summary = added.addFile(name, bytes, {});
      assert.deepEqual(stored.addPrepared(preparer.prepareFile(name, bytes, {})), summary, name);
    }
    const seenOf = (a) => ({
      documents: a.documents(),
      analysis: a.analyze({ topTerms: 500 }),
      digest: a.analysisDigest(),
    });
    assert.deepEqual(seenOf(stored), seenOf(added), `posseg ${posseg}`);
  }
});
