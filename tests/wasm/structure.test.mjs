// The API of issue 9 through the real .wasm in Node, as the page's worker calls it (docs/API.md,
// "Corpora with structure"): files with their origin, metadata edits, furniture and its switch,
// count once, trends, dispersion, keyness against a reference, reuse and one pair's passages.
// Run after `cargo xtask build` (or `cargo xtask wasm`):  node --test tests/wasm/
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

const ROOT = new URL('../../', import.meta.url);
const PKG = new URL('www/pkg/', ROOT);
for (const file of ['wenxi.js', 'wenxi_bg.wasm', 'wenxi.wxd']) {
  if (!existsSync(new URL(file, PKG))) {
    throw new Error(`www/pkg/ has no ${file}: run \`cargo xtask build\` first`);
  }
}
const { initSync, Analyzer } = await import(new URL('wenxi.js', PKG).href);
initSync({ module: readFileSync(new URL('wenxi_bg.wasm', PKG)) });
const WXD = new Uint8Array(readFileSync(new URL('wenxi.wxd', PKG)));

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

const byName = (analyzer, prefix) => analyzer.documents().find((d) => d.name.startsWith(prefix));

/** The characters [start, end) of a text, as the API counts them (code points). */
const slice = (text, start, end) => Array.from(text).slice(start, end).join('');

test('documents carry their metadata and the lines set aside', (t) => {
  const analyzer = analyzerWithSeeds(t);
  const doc = byName(analyzer, '001');
  assert.equal(doc.title, '大力弘扬劳模精神、劳动精神、工匠精神');
  assert.equal(doc.date, '2020-11-26');
  assert.equal(doc.dateSource, 'text');
  assert.equal(doc.source, '中工网-工人日报');
  assert.equal(doc.author, '王晓峰');
  assert.deepEqual(doc.groups, []);
  assert.equal(doc.countFurniture, false);
  assert.equal(doc.duplicateOf, null);
  const furniture = analyzer.furniture(doc.id);
  assert.equal(furniture.length, doc.furnitureLines);
  const text = analyzer.documentText(doc.id);
  for (const line of furniture) {
    assert.equal(slice(text, line.start, line.end), line.text, 'offsets are characters of documentText');
    assert.equal(text.split('\n')[line.line], line.text);
  }
  const editor = furniture.find((f) => f.kind === 'editor');
  assert.equal(editor.text, '编辑:迟语洋');
  assert.match(editor.rule, /编辑/);
  assert.equal(byName(analyzer, '000').furnitureLines, 0);
});

test('addFile takes a group from the folders and a date from the name, else from the file time', (t) => {
  const analyzer = new Analyzer(WXD);
  t.after(() => analyzer.free());
  const bytes = new TextEncoder().encode('劳动模范是民族的精英。\n大力弘扬劳模精神。');
  const named = analyzer.addFile('20230501_讲话.txt', bytes, { path: '新闻/2023/上海/20230501_讲话.txt' });
  assert.deepEqual(named.groups, ['新闻/2023/上海']);
  assert.equal(named.path, '新闻/2023/上海/20230501_讲话.txt');
  assert.deepEqual([named.date, named.dateSource], ['2023-05-01', 'fileName']);
  // 2024-05-01T23:30Z is 2 May in Beijing (UTC+8).
  const timed = analyzer.addFile('讲话.txt', bytes, { modified: Date.UTC(2024, 4, 1, 23, 30), utcOffsetMinutes: 480 });
  assert.deepEqual([timed.date, timed.dateSource], ['2024-05-02', 'fileTime']);
  assert.equal(timed.duplicateOf, named.id, 'the same cleaned text, whatever the name');
  const plain = analyzer.addDocument('讲话.txt', bytes);
  assert.deepEqual([plain.date, plain.groups], [null, []]);
  // Skipping a duplicate is removing it; then the other has none.
  assert.equal(analyzer.removeDocument(named.id), true);
  assert.equal(analyzer.documents().find((d) => d.id === plain.id).duplicateOf, timed.id);
});

test('updateDocuments edits many at once, validates first and switches furniture on', (t) => {
  const analyzer = analyzerWithSeeds(t);
  const ids = analyzer.documents().map((d) => d.id);
  const changed = analyzer.updateDocuments(ids.slice(0, 2), { groups: [' 2023 / 上海/ '], date: '2023-05' });
  assert.deepEqual(
    changed.map((d) => [d.id, d.groups, d.date, d.dateSource]),
    ids.slice(0, 2).map((id) => [id, ['2023/上海'], '2023-05', 'user']),
  );
  analyzer.updateDocuments(null, { addGroups: ['通稿'] });
  assert.deepEqual(analyzer.documents()[0].groups, ['2023/上海', '通稿']);
  analyzer.updateDocuments([ids[0]], { removeGroups: ['通稿'], source: null, author: '某某' });
  assert.deepEqual(analyzer.documents()[0].groups, ['2023/上海']);
  assert.equal(analyzer.documents()[0].author, '某某');
  assert.throws(
    () => analyzer.updateDocuments(ids, { date: '2023-02-30' }),
    (err) => err.code === 'bad_option' && err.params.option === 'date' && err.params.value === '2023-02-30',
  );
  assert.throws(
    () => analyzer.updateDocuments([ids[0], 999], { date: '2023' }),
    (err) => err.code === 'no_such_document' && err.params.id === 999,
  );
  assert.equal(analyzer.documents()[0].date, '2023-05', 'nothing changed by a refused edit');
  const one = byName(analyzer, '001').id;
  const freq = () => {
    const rows = analyzer.analyze({ documents: [one], topTerms: 100000 }).terms;
    return rows.find((r) => r.term === '中工网')?.freq ?? 0;
  };
  assert.equal(freq(), 0);
  analyzer.updateDocuments([one], { countFurniture: true });
  assert.ok(freq() >= 4);
  analyzer.updateDocuments(null, { countFurniture: false });
  assert.equal(freq(), 0);
});

test('reuse finds 000 and 001, with the passages in each one text', (t) => {
  const analyzer = analyzerWithSeeds(t);
  const [a, b] = [byName(analyzer, '000').id, byName(analyzer, '001').id];
  const reuse = analyzer.reuse({});
  assert.equal(reuse.minChars, 50);
  assert.equal(reuse.documents, 5);
  const pair = reuse.pairs.find((p) => p.a === a && p.b === b);
  assert.ok(pair, JSON.stringify(reuse.pairs));
  assert.equal(reuse.pairs[0], pair, 'the most shared first');
  assert.deepEqual([pair.passages, pair.sharedChars, pair.longest, pair.duplicate], [3, 257, 132, false]);
  assert.ok(pair.bShare > pair.aShare && pair.bShare < 1);
  const { passages } = analyzer.reusePassages(a, b, {});
  assert.deepEqual(
    passages.map((p) => p.chars),
    [60, 65, 132],
  );
  const [ta, tb] = [analyzer.documentText(a), analyzer.documentText(b)];
  for (const p of passages) assert.equal(slice(ta, p.aStart, p.aEnd), slice(tb, p.bStart, p.bEnd));
  // The other way round, the sides swap.
  assert.deepEqual(
    analyzer.reusePassages(b, a, {}).passages.map((p) => [p.aStart, p.bStart]),
    passages.map((p) => [p.bStart, p.aStart]),
  );
  assert.equal(analyzer.reuse({ documents: [a] }).totalPairs, 0);
  assert.throws(
    () => analyzer.reuse({ minChars: 3 }),
    (err) => err.code === 'bad_option' && err.params.option === 'minChars',
  );
  assert.throws(
    () => analyzer.reusePassages(a, 999, {}),
    (err) => err.code === 'no_such_document',
  );
});

test('重复段落只计一次 leaves the passages of a later document out of every aggregate', (t) => {
  const analyzer = analyzerWithSeeds(t);
  const [a, b] = [byName(analyzer, '000').id, byName(analyzer, '001').id];
  const count = () => analyzer.kwic('一以贯之', { documents: [a, b] }).total;
  const before = count();
  const trendBefore = analyzer.trends(['一以贯之'], { documents: [b] }).series[0].counts[0];
  analyzer.setCountOnce(true);
  assert.equal(count(), before - 3);
  const trends = analyzer.trends(['一以贯之'], { documents: [a, b] });
  const ofB = trends.bins.findIndex((bin) => bin.documents[0] === b);
  assert.equal(trends.series[0].counts[ofB], 0, "001's three are all in the passage 000 has");
  assert.equal(
    analyzer.trends(['一以贯之'], { documents: [b] }).series[0].counts[0],
    trendBefore,
    'alone in its selection, 001 keeps its passages',
  );
  assert.throws(
    () => analyzer.setCountOnce(true, 2),
    (err) => err.code === 'bad_option',
  );
  analyzer.setCountOnce(false);
  assert.equal(count(), before);
});

test('trends bin by date and group, and each bin names the documents a click opens', (t) => {
  const analyzer = analyzerWithSeeds(t);
  const ids = analyzer.documents().map((d) => d.id);
  analyzer.updateDocuments(ids.slice(0, 2), { groups: ['全总/机关'], date: '2020-12-10' });
  analyzer.updateDocuments(ids.slice(2), { groups: ['地方'] });
  const byDoc = analyzer.trends(['劳模', '工匠精神'], {});
  assert.equal(byDoc.by, 'document');
  assert.equal(byDoc.bins.length, 5);
  assert.deepEqual(byDoc.bins[0].documents, [ids[0]], 'dated first');
  assert.equal(byDoc.series.length, 2);
  for (const s of byDoc.series) {
    assert.equal(s.counts.length, 5);
    s.counts.forEach((c, i) => {
      assert.ok(Math.abs(s.perTenThousand[i] - (c * 10000) / byDoc.bins[i].words) < 1e-9);
    });
  }
  const byMonth = analyzer.trends(['劳模'], { by: 'month' });
  assert.deepEqual(
    byMonth.bins.map((b) => [b.key, b.documents]),
    [['2020-12', ids.slice(0, 2)]],
  );
  assert.deepEqual(byMonth.unbinned, ids.slice(2));
  const byGroup = analyzer.trends(['劳模'], { by: 'group', groupDepth: 1 });
  assert.deepEqual(
    byGroup.bins.map((b) => b.key),
    ['全总', '地方'],
  );
  for (const [i, bin] of byGroup.bins.entries()) {
    assert.equal(analyzer.kwic('劳模', { documents: bin.documents }).total, byGroup.series[0].counts[i]);
  }
  assert.throws(
    () =>
      analyzer.trends(
        Array.from({ length: 51 }, (_, i) => `词${i}`),
        {},
      ),
    (err) => err.code === 'bad_option' && err.params.option === 'terms',
  );
});

test('dispersion gives character offsets of every occurrence in every selected document', (t) => {
  const analyzer = analyzerWithSeeds(t);
  const dispersion = analyzer.dispersion('劳模', { order: 'name' });
  assert.equal(dispersion.documents.length, 5);
  assert.deepEqual(
    dispersion.documents.map((d) => d.name),
    seeds().map((s) => s.name),
  );
  assert.equal(
    dispersion.total,
    dispersion.documents.reduce((n, d) => n + d.offsets.length, 0),
  );
  for (const d of dispersion.documents) {
    const text = analyzer.documentText(d.id);
    assert.equal(d.chars, Array.from(text).length);
    for (const at of d.offsets) assert.equal(slice(text, at, at + 2), '劳模');
  }
});

test('keyness compares a target with a reference set, or with the rest', (t) => {
  const analyzer = analyzerWithSeeds(t);
  const [a, b] = [byName(analyzer, '000').id, byName(analyzer, '001').id];
  const rest = analyzer.keyness([b], {});
  const one = analyzer.keyness([b], { reference: [a] });
  assert.equal(one.targetTokens, rest.targetTokens);
  assert.ok(one.referenceTokens < rest.referenceTokens);
  assert.throws(
    () => analyzer.keyness([b], { reference: [999] }),
    (err) => err.code === 'no_such_document',
  );
});
