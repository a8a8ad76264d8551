// The word cloud's pure helpers (www/views/cloud/random.js, style.js, words.js, fonts.js): the
// same words must always be coloured the same way; fonts are found by measuring.
import assert from 'node:assert/strict';
import test from 'node:test';
import { hash, seededRandom } from '../../www/views/cloud/random.js';
import { CANDIDATE_FONTS, installedFonts } from '../../www/views/cloud/fonts.js';
import {
  CJK_FALLBACK,
  cloudHeight,
  defaultColor,
  exportSize,
  fontStack,
  PALETTE,
  PALETTES,
  posGroup,
  wordColors,
} from '../../www/views/cloud/style.js';
import { topWords, weightField, WEIGHTS } from '../../www/views/cloud/words.js';

test('hash is 32-bit FNV-1a', () => {
  assert.equal(hash(''), 0x811c9dc5);
  assert.equal(hash('a'), 0xe40c292c);
  assert.equal(hash('劳模'), 4097579353);
});

test('mulberry32: the same seed, the same numbers, all in [0, 1)', () => {
  const a = seededRandom(42);
  assert.deepEqual([a(), a(), a()], [0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
  const b = seededRandom(42);
  const c = seededRandom(43);
  const xs = Array.from({ length: 1000 }, () => b());
  assert.ok(xs.every((x) => x >= 0 && x < 1));
  assert.equal(xs[0], 0.6011037519201636);
  assert.notEqual(c(), xs[0]);
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  assert.ok(Math.abs(mean - 0.5) < 0.05, `mean ${mean}`);
});

test('a word keeps its colour; the height follows the width within bounds', () => {
  assert.equal(defaultColor({ text: '劳模' }), '#b0185a');
  assert.ok(PALETTE.includes(defaultColor({ text: 'anything' })));
  assert.equal(cloudHeight(300), 320);
  assert.equal(cloudHeight(800), 480);
  assert.equal(cloudHeight(2000), 640);
});

test('the top words by the chosen weight, ties by frequency, zero weights left out', () => {
  const terms = [
    { term: '工会', freq: 10, tfidf: 0.2 },
    { term: '劳模', freq: 30, tfidf: 0.5 },
    { term: '精神', freq: 20, tfidf: 0.2 },
    { term: '的', freq: 99, tfidf: 0 },
  ];
  assert.deepEqual(topWords(terms, 'tfidf', 10), [
    { text: '劳模', term: '劳模', weight: 0.5, count: 30 },
    { text: '精神', term: '精神', weight: 0.2, count: 20 },
    { text: '工会', term: '工会', weight: 0.2, count: 10 },
  ]);
  // Drawn in the script the person chose; the term stays the term (contexts, stop, merge, pins).
  const traditional = { 劳模: '勞模', 精神: '精神', 工会: '工會' };
  assert.deepEqual(
    topWords(terms, 'tfidf', 2, (term) => traditional[term]).map((w) => [w.text, w.term]),
    [
      ['勞模', '劳模'],
      ['精神', '精神'],
    ],
  );
  assert.deepEqual(
    topWords(terms, 'freq', 2).map((w) => w.text),
    ['的', '劳模'],
  );
  assert.equal(terms[0].term, '工会', 'the analysis is not reordered');
  assert.equal(weightField('textrank'), 'textrank');
  assert.equal(weightField('bogus'), 'freq');
  assert.equal(weightField(undefined), 'freq');
  assert.deepEqual(WEIGHTS, ['freq', 'tfidf', 'tfidfCorpus', 'textrank']);
});

test("jieba's TF-IDF unknown (its IDF table not in, or not fetchable): sized by the corpus's TF-IDF", () => {
  const terms = [
    { term: '工会', freq: 10, tfidf: null, tfidfCorpus: 0.9 },
    { term: '劳模', freq: 30, tfidf: null, tfidfCorpus: 0.1 },
  ];
  assert.deepEqual(
    topWords(terms, 'tfidf', 10).map((w) => [w.text, w.weight]),
    [
      ['工会', 0.9],
      ['劳模', 0.1],
    ],
  );
  // Known for some: by jieba's TF-IDF as asked (the unknown ones left out).
  terms[1].tfidf = 0.3;
  assert.deepEqual(
    topWords(terms, 'tfidf', 10).map((w) => w.text),
    ['劳模'],
  );
});

test('colours by rank come in bands; by part of speech and community by group; pins win', () => {
  const words = Array.from({ length: 10 }, (_, i) => ({ text: `w${i}` }));
  const mono = PALETTES.mono; // 5 colours: bands of two
  assert.deepEqual(wordColors(words, { palette: 'mono', colorBy: 'rank' }), [
    mono[0],
    mono[0],
    mono[1],
    mono[1],
    mono[2],
    mono[2],
    mono[3],
    mono[3],
    mono[4],
    mono[4],
  ]);
  const pos = ['nr', 'ns', 'nt', 'n', 'v', 'a', 'd', 'nrfg', undefined, 'vn'];
  assert.deepEqual(pos.map(posGroup), [0, 1, 2, 3, 4, 5, 6, 0, 6, 4]);
  const cb = PALETTES.colorBlind;
  const byPos = wordColors(words, { palette: 'colorBlind', colorBy: 'pos', pos });
  assert.equal(byPos[0], cb[0]);
  assert.equal(byPos[7], cb[0], 'nrfg is a name too');
  assert.equal(byPos[4], byPos[9], 'v and vn are both verbs');
  const community = [0, 1, 0, undefined, 9];
  const byCommunity = wordColors(words.slice(0, 5), { palette: 'colorBlind', colorBy: 'community', community });
  assert.deepEqual(byCommunity, [cb[0], cb[1], cb[0], cb[cb.length - 1], cb[9 % cb.length]]);
  const pinned = wordColors(words, { palette: 'mono', colorBy: 'rank', pins: { w3: '#ff0000' } });
  assert.equal(pinned[3], '#ff0000');
  assert.equal(pinned[2], mono[1]);
  // An unknown palette (an older setting) falls back rather than failing.
  assert.equal(wordColors(words, { palette: /** @type {any} */ ('gone'), colorBy: 'rank' })[0], PALETTES.classic[0]);
  for (const colors of Object.values(PALETTES)) for (const c of colors) assert.match(c, /^#[0-9a-f]{6}$/);
});

test('the font stack puts the chosen family first, quoted; exports have the asked size', () => {
  assert.equal(fontStack(''), CJK_FALLBACK);
  assert.equal(fontStack('WenQuanYi Zen Hei'), `"WenQuanYi Zen Hei", ${CJK_FALLBACK}`);
  assert.equal(fontStack('a"b\\c'), `"abc", ${CJK_FALLBACK}`);
  const box = { width: 1216, height: 640 };
  assert.deepEqual(exportSize(box, { scale: 1 }), { width: 1216, height: 640, factor: 1 });
  assert.deepEqual(exportSize(box, { scale: 4 }), { width: 4864, height: 2560, factor: 4 });
  const wide = exportSize(box, { width: 3000 });
  assert.equal(wide.width, 3000);
  assert.equal(wide.height, Math.round((640 * 3000) / 1216));
  // Never a canvas browsers refuse.
  assert.equal(exportSize(box, { width: 40000 }).width, 16384);
});

test('installed fonts are those that measure the same whatever the fallback', () => {
  // A fake canvas: an installed family draws 100 wide; fallbacks draw 90 (monospace), 80 (serif).
  const installed = new Set(['WenQuanYi Micro Hei', 'SimSun']);
  const measure = (/** @type {string} */ font) => {
    const family = /"([^"]+)"/.exec(font)?.[1];
    if (family && installed.has(family)) return 100;
    return font.endsWith('monospace') ? 90 : 80;
  };
  assert.deepEqual(installedFonts(measure), ['WenQuanYi Micro Hei', 'SimSun']);
  assert.deepEqual(
    installedFonts(() => 50),
    [],
    'a canvas that measures nothing finds nothing',
  );
  assert.ok(CANDIDATE_FONTS.length >= 10);
});
