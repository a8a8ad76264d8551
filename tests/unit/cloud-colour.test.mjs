// The cloud's colour by document group and by keyness (www/views/cloud/colour.js): each word's
// colour from the core's colourData, grey without data, and the legend that names the groups
// and the reference.
import assert from 'node:assert/strict';
import test from 'node:test';
import { CRITICAL_LLR, dataColors, KEYNESS_BANDS, keynessBand, legend, NEUTRAL } from '../../www/views/cloud/colour.js';

const palette = ['#a', '#b', '#c'];
/** @param {string} key @param {Record<string, unknown>} [vars] */
const t = (key, vars) => (vars ? `${key}${JSON.stringify(vars)}` : key);
const data = {
  groupBy: /** @type {const} */ ('source'),
  groups: [
    { name: '新华社', documents: 3, termTokens: 900 },
    { name: '', documents: 1, termTokens: 100 },
    { name: '人民日报', documents: 1, termTokens: 50 },
  ],
  reference: /** @type {const} */ ('dictionary'),
  targetTokens: 1000,
  referenceTokens: 60_000_000,
  terms: [
    { term: '劳模', group: 0, llr: 900, logRatio: 6 },
    { term: '工会', group: 1, llr: 40, logRatio: 2 },
    { term: '工作', group: 0, llr: 1, logRatio: 0.2 },
    { term: '中国', group: 1, llr: -20, logRatio: -4 },
    { term: '合并形', group: null, llr: null, logRatio: null },
  ],
};
const words = [
  { text: '劳模' },
  { text: '工會', term: '工会' },
  { text: '工作' },
  { text: '中国' },
  { text: '合并形' },
  { text: '无' },
];

test('keyness bands: by log ratio for significant words, none below p < 0.05', () => {
  assert.equal(keynessBand({ term: 'a', group: null, llr: 900, logRatio: 6 })?.key, 'over32');
  assert.equal(keynessBand({ term: 'a', group: null, llr: 40, logRatio: 2 })?.key, 'over2');
  assert.equal(keynessBand({ term: 'a', group: null, llr: 40, logRatio: 0.5 })?.key, 'over1');
  assert.equal(keynessBand({ term: 'a', group: null, llr: -20, logRatio: -4 })?.key, 'under8');
  assert.equal(keynessBand({ term: 'a', group: null, llr: -20, logRatio: -0.5 })?.key, 'under1');
  assert.equal(keynessBand({ term: 'a', group: null, llr: CRITICAL_LLR - 0.01, logRatio: 3 }), null);
  assert.equal(keynessBand({ term: 'a', group: null, llr: null, logRatio: null }), null);
  assert.equal(keynessBand(undefined), null);
  // Every band its own colour, none grey.
  assert.equal(new Set(KEYNESS_BANDS.map((b) => b.color)).size, KEYNESS_BANDS.length);
  assert.ok(!KEYNESS_BANDS.some((b) => b.color === NEUTRAL));
});

test('colour by group: the palette by group index, matched by term; grey without data', () => {
  assert.deepEqual(dataColors(words, 'group', data, palette), ['#a', '#b', '#a', '#b', NEUTRAL, NEUTRAL]);
  // Before the data is in, every word is grey.
  assert.deepEqual(
    dataColors(words, 'group', null, palette),
    words.map(() => NEUTRAL),
  );
  // More groups than colours: the palette comes round again.
  const many = { ...data, terms: [{ term: '劳模', group: 4, llr: null, logRatio: null }] };
  assert.deepEqual(dataColors([{ text: '劳模' }], 'group', many, palette), ['#b']);
});

test('colour by keyness: a diverging scale, grey where not significant or unknown', () => {
  const colors = dataColors(words, 'keyness', data, palette);
  const band = (/** @type {string} */ key) => KEYNESS_BANDS.find((b) => b.key === key)?.color;
  assert.deepEqual(colors, [band('over32'), band('over2'), NEUTRAL, band('under8'), NEUTRAL, NEUTRAL]);
});

test('the group legend names the groups the words take, the grey last, and says what it means', () => {
  const shown = legend(words, 'group', data, palette, t);
  assert.deepEqual(
    shown.entries.map((e) => [e.label, e.color]),
    [
      ['新华社', '#a'],
      ['cloud.legend.none.source', '#b'],
      ['cloud.legend.noData', NEUTRAL],
    ],
  );
  assert.match(shown.title, /cloud\.legend\.groupTitle/);
  assert.match(shown.help, /^cloud\.legend\.groupHelp\{/);
  const one = legend(words.slice(0, 1), 'group', { ...data, groups: data.groups.slice(0, 1) }, palette, t);
  assert.match(one.help, /^cloud\.legend\.groupHelpOne/);
  assert.deepEqual(
    one.entries.map((e) => e.label),
    ['新华社'],
  );
});

test('the keyness legend names the reference and lists the bands in scale order', () => {
  const shown = legend(words, 'keyness', data, palette, t);
  assert.deepEqual(
    shown.entries.map((e) => e.key),
    ['over32', 'over2', 'under8', 'neutral'],
  );
  assert.match(shown.title, /cloud\.legend\.reference\.dictionary/);
  assert.match(shown.help, /cloud\.legend\.reference\.dictionary/);
});

test('keyness of the sets chosen in Compare: the legend names them; a stale choice is said', () => {
  const chosen = { target: '2021 (3)', reference: '#上海 (2)' };
  const against = legend(words, 'keyness', { ...data, reference: 'documents' }, palette, t, { chosen, stale: false });
  assert.equal(
    against.title,
    'cloud.legend.keynessTitle{"reference":"cloud.legend.reference.chosen{\\"name\\":\\"#上海 (2)\\"}"}',
  );
  assert.equal(against.help, `cloud.legend.keynessHelpChosen${JSON.stringify(chosen)}`);
  // The core fell back to the dictionary (the reference held only the target): that is named.
  const fallback = legend(words, 'keyness', data, palette, t, { chosen, stale: false });
  assert.match(fallback.title, /reference\.dictionary/);
  const stale = legend(words, 'keyness', { ...data, reference: 'rest' }, palette, t, { chosen: null, stale: true });
  assert.match(stale.title, /reference\.rest/);
  assert.match(stale.help, /cloud\.legend\.staleChoice$/);
});
