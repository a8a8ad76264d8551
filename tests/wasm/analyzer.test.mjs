// The wasm Analyzer in Node, through the same glue the page uses (www/pkg/wenxi.js,
// --target web), initialised synchronously with the .wasm bytes read from disk, and the
// dictionary (wenxi.wxd, which xtask copies next to the .wasm) read from disk too.
// Run after `cargo xtask build` (or `cargo xtask wasm`):  node --test tests/wasm/
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

const ROOT = new URL('../../', import.meta.url);
const PKG = new URL('www/pkg/', ROOT);
const FIXTURE = new URL('tests/golden/native-analysis.json', ROOT);

for (const file of ['wenxi.js', 'wenxi_bg.wasm', 'wenxi.wxd']) {
  if (!existsSync(new URL(file, PKG))) {
    throw new Error(`www/pkg/ has no ${file}: run \`cargo xtask build\` first`);
  }
}
const { initSync, Analyzer } = await import(new URL('wenxi.js', PKG).href);
initSync({ module: readFileSync(new URL('wenxi_bg.wasm', PKG)) });
const WXD = new Uint8Array(readFileSync(new URL('wenxi.wxd', PKG)));
// The part-of-speech model and the script tables the page loads when it needs them.
const WXP = new Uint8Array(readFileSync(new URL('wenxi.wxp', PKG)));
const WXS = new Uint8Array(readFileSync(new URL('wenxi.wxs', PKG)));
// jieba's IDF table, which the page fetches after the first cloud.
const WXI = new Uint8Array(readFileSync(new URL('wenxi.wxi', PKG)));

/** The bundled articles in index.json order, as the page loads them. */
function seeds() {
  const { files } = JSON.parse(readFileSync(new URL('seeds/index.json', ROOT), 'utf8'));
  return files.map((name) => ({ name, bytes: new Uint8Array(readFileSync(new URL(`seeds/${name}`, ROOT))) }));
}

function analyzerWithSeeds(t) {
  const analyzer = new Analyzer(WXD);
  t.after(() => analyzer.free());
  for (const { name, bytes } of seeds()) analyzer.addDocument(name, bytes);
  return analyzer;
}

// The first bytes of every PNG file.
const PNG_HEADER = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);

test('documents() lists the five seeds in the order added', (t) => {
  const analyzer = analyzerWithSeeds(t);
  const docs = analyzer.documents();
  const expected = seeds();
  assert.equal(docs.length, 5);
  assert.deepEqual(
    docs.map((d) => d.name),
    expected.map((s) => s.name),
  );
  assert.equal(new Set(docs.map((d) => d.id)).size, 5, 'ids are distinct');
  docs.forEach((doc, i) => {
    assert.equal(typeof doc.title, 'string');
    assert.equal(doc.encoding, 'UTF-8', doc.name);
    assert.equal(doc.bytes, expected[i].bytes.length, doc.name);
    assert.ok(doc.chars > 1000, `${doc.name}: ${doc.chars} chars`);
    assert.ok(doc.tokens > 0 && doc.sentences > 0, doc.name);
  });
});

test('analyze() finds 劳模 and 工会 among the top terms', (t) => {
  const analyzer = analyzerWithSeeds(t);
  const analysis = analyzer.analyze({ topTerms: 100 });
  assert.equal(analysis.documents, 5);
  assert.ok(analysis.terms.length > 0 && analysis.terms.length <= 100);
  const terms = analysis.terms.map((x) => x.term);
  assert.ok(terms.includes('劳模'), `劳模 missing from ${terms.slice(0, 30).join(' ')}`);
  assert.ok(terms.includes('工会'), `工会 missing from ${terms.slice(0, 30).join(' ')}`);
  const freqs = analysis.terms.map((x) => x.freq);
  assert.deepEqual(
    freqs,
    [...freqs].sort((a, b) => b - a),
    'the default order is by frequency',
  );
});

test('kwic("劳模") returns lines around the keyword', (t) => {
  const analyzer = analyzerWithSeeds(t);
  const kwic = analyzer.kwic('劳模', {});
  assert.equal(kwic.term, '劳模');
  assert.ok(kwic.lines.length > 0);
  assert.ok(kwic.total >= kwic.lines.length);
  for (const line of kwic.lines) {
    assert.equal(line.keyword, '劳模');
    assert.equal(typeof line.left, 'string');
    assert.equal(typeof line.right, 'string');
  }
});

test('addDocument() rejects a PNG with an Error a person can read', (t) => {
  const analyzer = new Analyzer(WXD);
  t.after(() => analyzer.free());
  assert.throws(
    () => analyzer.addDocument('photo.txt', PNG_HEADER),
    (err) => err instanceof Error && err.message.includes('不是文本文件'),
  );
  assert.equal(analyzer.documents().length, 0, 'nothing was added');
});

/** Calls `f`, which must throw; returns what it threw. */
function thrown(f) {
  try {
    f();
  } catch (err) {
    return err;
  }
  assert.fail('nothing was thrown');
}

/** The thrown value is an Error with the sentence as its message and own `code` and `params`. */
function assertCoded(err, code, params, message) {
  assert.ok(err instanceof Error, `an Error, not ${typeof err}`);
  assert.ok(Object.hasOwn(err, 'code') && Object.hasOwn(err, 'params'), 'code and params are own properties');
  assert.equal(err.code, code);
  assert.equal(Object.getPrototypeOf(err.params), Object.prototype, 'params is a plain object');
  assert.deepEqual(err.params, params);
  if (message !== undefined) assert.equal(err.message, message);
}

test('a refused file throws an Error with its code and params', (t) => {
  const analyzer = new Analyzer(WXD);
  t.after(() => analyzer.free());
  assertCoded(
    thrown(() => analyzer.addDocument('photo.txt', PNG_HEADER)),
    'not_text',
    { name: 'photo.txt', kind: 'png' },
    '「photo.txt」不是文本文件（看起来是 PNG 图片）。 / "photo.txt" is not a text file (it looks like a PNG image).',
  );
  const controls = new Uint8Array(2000).map((_, i) => i % 9);
  assertCoded(
    thrown(() => analyzer.addDocument('data.txt', controls)),
    'binary',
    { name: 'data.txt' },
    '「data.txt」不是文本文件（含有二进制数据）。 / "data.txt" is not a text file (it contains binary data).',
  );
  assertCoded(
    thrown(() => analyzer.addDocument('empty.txt', new Uint8Array())),
    'empty',
    {
      name: 'empty.txt',
    },
  );
  assertCoded(
    thrown(() => analyzer.addText('blank.txt', ' \n ')),
    'blank',
    { name: 'blank.txt' },
  );
  assert.equal(analyzer.documents().length, 0, 'nothing was added');
});

test('refused requests throw Errors with their code and params', (t) => {
  const analyzer = analyzerWithSeeds(t);
  assertCoded(
    thrown(() => analyzer.segment(99)),
    'no_such_document',
    { id: 99 },
    '没有编号为 99 的文档。 / There is no document with id 99.',
  );
  assertCoded(
    thrown(() => analyzer.kwic('劳模', { width: 900 })),
    'bad_option',
    { option: 'width', value: '900' },
  );
  assertCoded(
    thrown(() => analyzer.setUserWords(['劳模 精神'])),
    'bad_user_word',
    { word: '劳模 精神' },
  );
  const err = thrown(() => analyzer.analyze({ filter: { minLength: 'abc' } }));
  assertCoded(err, 'bad_options', { reason: err.params?.reason });
  assert.match(err.params.reason, /invalid type/);
  assert.equal(err.message, `选项无效：${err.params.reason} / Invalid options: ${err.params.reason}`);
  const unknown = thrown(() => analyzer.kwic('劳模', { sort: 'sideways' }));
  assert.equal(unknown.code, 'bad_options');
  assert.match(unknown.params.reason, /unknown variant `sideways`/);
});

// tests/golden/native-analysis.json is written by the native golden test (tests/golden.rs,
// `native_analysis_fixture`): the documents, the default analysis (terms, network, phrases) and
// kwic('劳模') for the five seeds added in index.json order. The wasm build must give the same.
test('the wasm build gives the same results as the native build', (t) => {
  const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8'));
  const analyzer = analyzerWithSeeds(t);
  // Native builds have the model and the tables built in.
  assert.equal(analyzer.setPossegModel(WXP), 5);
  assert.equal(analyzer.setScriptData(WXS), 0);
  assertSame(analyzer.documents(), fixture.documents, 'documents');
  // Without jieba's IDF table its TF-IDF is unknown; everything else is already native.
  const before = analyzer.analyze({});
  assert.equal(before.idfLoaded, false);
  assert.ok(before.terms.length > 0 && before.terms.every((term) => term.tfidf === null));
  assertSame(
    before,
    { ...fixture.analysis, idfLoaded: false, terms: fixture.analysis.terms.map((term) => ({ ...term, tfidf: null })) },
    'analysis before the IDF table',
  );
  assert.equal(analyzer.hasIdf(), false);
  analyzer.loadIdf(WXI);
  assert.equal(analyzer.hasIdf(), true);
  assertSame(analyzer.analyze({}), fixture.analysis, 'analysis');
  const kwic = analyzer.kwic('劳模', {});
  assertSame({ term: kwic.term, total: kwic.total, first: kwic.lines[0] }, fixture.kwic, 'kwic');
});

/** Deep equality; numbers within a relative 1e-9 (floats), everything else exactly. */
function assertSame(actual, expected, where) {
  if (typeof expected === 'number') return assertClose(actual, expected, where);
  if (expected === null || typeof expected !== 'object') return assert.equal(actual, expected, where);
  assert.equal(typeof actual, 'object', `${where}: wasm gave ${JSON.stringify(actual)}`);
  if (Array.isArray(expected)) assert.equal(actual.length, expected.length, `${where}.length`);
  for (const key of Object.keys(expected)) assertSame(actual[key], expected[key], `${where}.${key}`);
}

// Float scores may differ in the last bits (wasm's libm is not the host's); the tolerance is far
// below 1, so counts still have to match exactly.
function assertClose(actual, expected, what) {
  const tolerance = 1e-9 * Math.max(1, Math.abs(expected));
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: wasm ${actual}, native ${expected}`);
}

test('traditional documents wait for the script tables, then count with the rest', (t) => {
  const analyzer = new Analyzer(WXD);
  t.after(() => analyzer.free());
  analyzer.addText('s.txt', '劳模精神。我们的软件。');
  const info = analyzer.addText('t.txt', '勞模精神。這裡的軟體。');
  assert.equal(info.script, 'traditional');
  assert.equal(info.converted, false);
  assert.equal(analyzer.needsScriptData(), true);
  assert.equal(analyzer.traditionalForms(['软件'], undefined), null);
  assert.equal(analyzer.setScriptData(WXS), 1);
  assert.equal(analyzer.needsScriptData(), false);
  const freq = (term) => analyzer.analyze({}).terms.find((x) => x.term === term)?.freq;
  assert.equal(freq('劳模'), 2);
  assert.equal(freq('软件'), 2);
  assert.deepEqual(analyzer.scripts(), { simplified: 1, traditional: 1, variant: 'taiwan' });
  assert.deepEqual(analyzer.traditionalForms(['软件', '头发'], 'taiwan'), ['軟體', '頭髮']);
  const segment = analyzer.segment(info.id);
  assert.deepEqual(
    segment.filter((x) => x.word === '软件').map((x) => x.text),
    ['軟體'],
  );
  const merged = analyzer.analyze({ merges: [{ name: '劳模', forms: ['精神'] }] });
  assert.equal(merged.terms.find((x) => x.term === '劳模').freq, 4);
  const suggested = analyzer.suggestStopWords({}, { minFrequency: 1 }).map((x) => x.term);
  assert.ok(suggested.includes('劳模') && suggested.includes('精神'), suggested.join(' '));
  const damaged = thrown(() => analyzer.setScriptData(new Uint8Array([0x57, 0x58, 0x53, 0x31, 9])));
  assert.equal(damaged.code, 'bad_data_file');
  assert.equal(damaged.params.file, 'wenxi.wxs');
});

test('loadIdf refuses a damaged or foreign IDF table with a code and keeps TF-IDF unknown', (t) => {
  const analyzer = new Analyzer(WXD);
  t.after(() => analyzer.free());
  analyzer.addText('a.txt', '大力弘扬劳模精神、劳动精神、工匠精神。');
  for (const bytes of [WXI.subarray(0, 1000), WXP, new Uint8Array(0)]) {
    const err = thrown(() => analyzer.loadIdf(bytes));
    assert.equal(err.code, 'bad_data_file');
    assert.equal(err.params.file, 'wenxi.wxi');
  }
  assert.equal(analyzer.hasIdf(), false);
  assert.ok(analyzer.analyze({}).terms.every((term) => term.tfidf === null));
  analyzer.loadIdf(WXI);
  assert.ok(analyzer.analyze({}).terms.every((term) => term.tfidf > 0));
});
