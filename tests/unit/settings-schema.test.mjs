// www/settings-schema.js: settings from a workspace file or the store are checked field by field
// against the defaults; nothing in them can reach Object.prototype.
import assert from 'node:assert/strict';
import test from 'node:test';
import en from '../../www/locales/en.json' with { type: 'json' };
import zh from '../../www/locales/zh.json' with { type: 'json' };
import { DEFAULT_SETTINGS } from '../../www/defaults.js';
import { defaultSettings, SETTINGS_FIELDS, validateSettings } from '../../www/settings-schema.js';

const HOSTILE =
  '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 2}},' +
  ' "filter": {"minLength": "abc", "__proto__": {"polluted": 3}, "prototype": {"polluted": 4}},' +
  ' "network": {"nodes": -5, "measure": "magic", "constructor": {"polluted": 5}}, "mystery": true}';

test('the defaults are valid and come back equal, as fresh objects', () => {
  const { settings, reset, ignored } = validateSettings(structuredClone(DEFAULT_SETTINGS));
  assert.deepEqual(settings, DEFAULT_SETTINGS);
  assert.deepEqual([reset, ignored], [[], []]);
  assert.ok(!Object.isFrozen(defaultSettings().filter));
  assert.notEqual(defaultSettings().filter, DEFAULT_SETTINGS.filter);
});

test('nothing stored or imported means the defaults, with nothing to report', () => {
  for (const input of [undefined, {}]) {
    const { settings, reset, ignored } = validateSettings(input);
    assert.deepEqual(settings, DEFAULT_SETTINGS);
    assert.deepEqual([reset, ignored], [[], []]);
  }
});

test('__proto__, constructor and prototype are never copied or followed', () => {
  const { settings, reset, ignored } = validateSettings(JSON.parse(HOSTILE));
  assert.equal({}.polluted, undefined);
  assert.equal(Object.prototype.polluted, undefined);
  assert.deepEqual(Object.keys(Object.prototype), []);
  assert.equal(Object.getPrototypeOf(settings), Object.prototype);
  assert.equal(Object.getPrototypeOf(settings.filter), Object.prototype);
  assert.equal(Object.hasOwn(settings, '__proto__'), false);
  assert.equal(Object.hasOwn(settings, 'constructor'), false);
  assert.equal(Object.hasOwn(settings.network, 'constructor'), false);
  assert.equal(settings.polluted, undefined);
  assert.deepEqual(settings, DEFAULT_SETTINGS);
  assert.deepEqual(reset.sort(), ['filter.minLength', 'network.measure', 'network.nodes']);
  assert.deepEqual(ignored.sort(), [
    '__proto__',
    'constructor',
    'filter.__proto__',
    'filter.prototype',
    'mystery',
    'network.constructor',
  ]);
});

test('a value of the wrong type or out of range is replaced by the default, and named', () => {
  const { settings, reset } = validateSettings({
    filter: { minLength: 0, minFrequency: 2.5, stopWords: 'yes', pos: ['n', 3] },
    topTerms: 100,
    keywordWeight: 'tfidf',
    network: { window: 21, minScore: Infinity, unit: 'window', maxEdges: '150' },
    phrases: { minCount: null, limit: 20 },
  });
  assert.deepEqual(reset.sort(), [
    'filter.minFrequency',
    'filter.minLength',
    'filter.pos',
    'filter.stopWords',
    'network.maxEdges',
    'network.minScore',
    'network.window',
    'phrases.minCount',
  ]);
  assert.equal(settings.filter.minLength, 1);
  assert.equal(settings.filter.pos, null);
  assert.equal(settings.network.maxEdges, 150);
  // The valid ones are kept.
  assert.equal(settings.topTerms, 100);
  assert.equal(settings.keywordWeight, 'tfidf');
  assert.equal(settings.network.unit, 'window');
  assert.equal(settings.phrases.limit, 20);
});

test('a group or the whole that is not an object is reset as a whole', () => {
  assert.deepEqual(validateSettings({ filter: 5, network: [] }).reset, ['filter', 'network']);
  for (const input of [5, 'x', [], null]) {
    const { settings, reset } = validateSettings(input);
    assert.deepEqual(reset, ['']);
    assert.deepEqual(settings, DEFAULT_SETTINGS);
  }
});

test('valid values of every kind are kept; arrays are copied', () => {
  const pos = ['n', 'vn', 'eng'];
  const { settings, reset } = validateSettings({ filter: { pos, numbers: false }, network: { minScore: -0.5 } });
  assert.deepEqual(reset, []);
  assert.deepEqual(settings.filter.pos, pos);
  assert.notEqual(settings.filter.pos, pos);
  assert.equal(settings.filter.numbers, false);
  assert.equal(settings.network.minScore, -0.5);
});

test('a patch applies on top of the current settings; an invalid field keeps the current value', () => {
  const current = validateSettings({ keywordWeight: 'textrank', network: { nodes: 100 } }).settings;
  const { settings, reset } = validateSettings({ network: { measure: 'llr', nodes: 'many' } }, current);
  assert.equal(settings.keywordWeight, 'textrank');
  assert.equal(settings.network.measure, 'llr');
  assert.equal(settings.network.nodes, 100);
  assert.deepEqual(reset, ['network.nodes']);
  assert.equal(current.network.measure, 'npmi', 'the current settings are not changed');
});

test('objects that are not plain (a Date, a class) are not taken for settings', () => {
  class Filter {
    minLength = 3;
  }
  assert.deepEqual(validateSettings({ filter: new Filter() }).reset, ['filter']);
  assert.deepEqual(validateSettings({ filter: new Date() }).reset, ['filter']);
  assert.deepEqual(validateSettings({ filter: Object.assign(Object.create(null), { minLength: 3 }) }).reset, []);
});

test('every field has a name a person reads, in both languages', () => {
  for (const path of ['all', ...SETTINGS_FIELDS]) {
    assert.ok(Object.hasOwn(zh, `settingsField.${path}`), `zh: ${path}`);
    assert.ok(Object.hasOwn(en, `settingsField.${path}`), `en: ${path}`);
  }
  assert.ok(SETTINGS_FIELDS.includes('filter.minLength') && SETTINGS_FIELDS.includes('network'));
});

test('merges from outside: words in a name and forms, nothing else; separatePos and termScript checked', () => {
  const good = [{ name: '劳模', forms: ['劳模', '劳动模范'] }];
  const checked = validateSettings({ merges: good, separatePos: true, termScript: 'traditional' });
  assert.deepEqual(checked.reset, []);
  assert.deepEqual(checked.settings.merges, good);
  assert.notEqual(checked.settings.merges[0], good[0], 'copied, not shared');
  assert.equal(checked.settings.separatePos, true);
  assert.equal(checked.settings.termScript, 'traditional');
  for (const merges of [
    [{ name: '劳 模', forms: ['劳模'] }],
    [{ name: '劳模', forms: ['劳模', ''] }],
    [{ name: '劳模', forms: '劳动模范' }],
    [{ name: '劳模', forms: [], __proto__: { polluted: true } }],
    [{ name: '劳模', forms: [], extra: 1 }],
    [{ name: '一二三四五六七八九十一二三四五六七八九十一', forms: [] }],
    'merges',
    [null],
  ]) {
    const result = validateSettings({ merges });
    assert.deepEqual(result.reset, ['merges'], JSON.stringify(merges));
    assert.deepEqual(result.settings.merges, []);
  }
  assert.deepEqual(validateSettings({ termScript: 'pinyin', separatePos: 'yes' }).reset, ['separatePos', 'termScript']);
});

test("the cloud's look: shapes, palettes, colours, fonts and pins are checked", () => {
  const ok = validateSettings({
    cloud: {
      orientation: 'vertical',
      shape: 'heart',
      palette: 'redGold',
      colorBy: 'community',
      background: 'transparent',
      font: 'WenQuanYi Micro Hei',
      weight: 700,
      seed: 4294967295,
      threshold: 200,
      pins: [['劳模', '#b3001b']],
      count: 200,
    },
  });
  assert.deepEqual(ok.reset, []);
  assert.equal(ok.settings.cloud.shape, 'heart');
  assert.deepEqual(ok.settings.cloud.pins, [['劳模', '#b3001b']]);
  // Colour by document group and by keyness are kept; an unknown one is reset.
  for (const colorBy of ['group', 'keyness']) {
    assert.equal(validateSettings({ cloud: { colorBy } }).settings.cloud.colorBy, colorBy);
  }
  assert.deepEqual(validateSettings({ cloud: { colorBy: 'sentiment' } }).reset, ['cloud.colorBy']);
  const bad = validateSettings({
    cloud: {
      orientation: 'diagonal',
      shape: 'chinaMap',
      background: 'red; }',
      font: 'x"); background: url(//evil',
      weight: 450,
      seed: -1,
      threshold: 0,
      pins: [['劳模', 'red']],
      count: 75,
    },
  });
  assert.deepEqual(bad.reset.sort(), [
    'cloud.background',
    'cloud.count',
    'cloud.font',
    'cloud.orientation',
    'cloud.pins',
    'cloud.seed',
    'cloud.shape',
    'cloud.threshold',
    'cloud.weight',
  ]);
  assert.deepEqual(bad.settings.cloud, defaultSettings().cloud);
  // A patch of one field keeps the others.
  const current = validateSettings({ cloud: { palette: 'mono' } }).settings;
  assert.equal(validateSettings({ cloud: { seed: 7 } }, current).settings.cloud.palette, 'mono');
  // The copy is the settings' own: changing it leaves the input alone.
  const pins = [['工会', '#000000']];
  const copied = validateSettings({ cloud: { pins } }).settings.cloud.pins;
  copied[0][1] = '#ffffff';
  assert.equal(pins[0][1], '#000000');
});

test("Compare's choice: a set's key (a document by its origin, not its id) or null, dates or ''; anything else reset", () => {
  const kept = { target: 'group:2023/上海', reference: 'doc:12', from: '2020-01-01', to: '' };
  assert.deepEqual(validateSettings({ compare: kept }).settings.compare, kept);
  for (const key of ['seed:001-新华社.txt', 'session:3', 'year:2020', 'range', 'shown', null])
    assert.equal(validateSettings({ compare: { reference: key } }).settings.compare.reference, key);
  const bad = validateSettings({
    compare: { target: 'javascript:1', reference: '12', from: '2020-1-1', to: '<b>' },
  });
  assert.deepEqual(bad.reset.sort(), ['compare.from', 'compare.reference', 'compare.target', 'compare.to']);
  assert.deepEqual(bad.settings.compare, defaultSettings().compare);
});
