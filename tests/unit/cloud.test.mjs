// The word cloud's pure helpers (www/views/cloud/random.js, style.js, words.js): the same words
// must always give the same cloud, sized and coloured the same way.
import assert from 'node:assert/strict';
import test from 'node:test';
import { hash, seededRandom } from '../../www/views/cloud/random.js';
import { cloudHeight, cloudSeed, defaultColor, fontSizes, PALETTE, rotations } from '../../www/views/cloud/style.js';
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

test('font sizes follow the square root of the weight, from min to max', () => {
  const sizes = fontSizes([{ weight: 100 }, { weight: 25 }, { weight: 0 }, { weight: -3 }], 10, 50);
  assert.deepEqual(sizes, [50, 30, 10, 10]);
  assert.deepEqual(fontSizes([{ weight: 7 }, { weight: 7 }], 10, 50), [30, 30]);
});

test('the five biggest words stay horizontal; some others stand upright, the same each time', () => {
  const words = [
    '习近平',
    '精神',
    '劳动',
    '工会',
    '总书记',
    '工人阶级',
    '重要讲话',
    '发展',
    '工作',
    '职工',
    '劳模',
    '学习',
  ];
  const seed = cloudSeed(words.map((text) => ({ text })));
  const angles = rotations(words.length, seed);
  assert.deepEqual(angles, [0, 0, 0, 0, 0, 90, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(rotations(words.length, seed), angles);
  const many = rotations(2000, 7);
  assert.ok(many.slice(0, 5).every((a) => a === 0));
  const upright = many.filter((a) => a === 90).length / many.length;
  assert.ok(upright > 0.14 && upright < 0.22, `${upright} upright`);
  // Another order of the same words is another cloud.
  assert.notEqual(cloudSeed([{ text: 'a' }, { text: 'b' }]), cloudSeed([{ text: 'b' }, { text: 'a' }]));
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
    { text: '劳模', weight: 0.5, count: 30 },
    { text: '精神', weight: 0.2, count: 20 },
    { text: '工会', weight: 0.2, count: 10 },
  ]);
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
