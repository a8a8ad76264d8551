// Every string the views (www/views/) ask for is in both locale files, and both files have the
// same keys, sorted: a view can never show a bare key.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';

const ROOT = new URL('../../', import.meta.url).pathname;
const load = (lang) => JSON.parse(readFileSync(join(ROOT, 'www/locales', `${lang}.json`), 'utf8'));
const zh = load('zh');
const en = load('en');

function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.js') ? [path] : [];
  });
}

// The prefixes of the views' own strings (documents.js and settings.js keep theirs for now).
const VIEW_KEY = /^(cloud|compare|kw|kwic|network|panels|ph)\.[\w.]+$/;
// Keys put together at run time: `${prefix}.${value}` for each value the view offers.
const FAMILIES = {
  'cloud.weight': ['freq', 'tfidf', 'tfidfCorpus', 'textrank'],
  'kw.weight': ['freq', 'tfidf', 'tfidfCorpus', 'textrank'],
  'kwic.sort': ['position', 'left', 'right'],
  kwic: ['document', 'left', 'keyword', 'right'],
  'network.measure': ['count', 'jaccard', 'dice', 'npmi', 'llr'],
  'network.measureShort': ['count', 'jaccard', 'dice', 'npmi', 'llr'],
  'network.unit': ['sentence', 'window'],
  'network.summary': ['sentence', 'window'],
  network: ['hint', 'hintTouch'],
};

test('every key a view names is in zh.json and en.json', () => {
  const used = new Set();
  for (const file of sources(join(ROOT, 'www/views'))) {
    for (const [, key] of readFileSync(file, 'utf8').matchAll(/'([\w.]+)'/g)) if (VIEW_KEY.test(key)) used.add(key);
  }
  for (const [prefix, values] of Object.entries(FAMILIES)) for (const v of values) used.add(`${prefix}.${v}`);
  assert.ok(used.size > 150, `only ${used.size} keys found: is the scan broken?`);
  const missing = [...used].filter((key) => !(key in zh) || !(key in en));
  assert.deepEqual(missing, []);
});

test('both locale files have the same keys, sorted, and no empty string', () => {
  assert.deepEqual(Object.keys(en), Object.keys(zh));
  assert.deepEqual(Object.keys(zh), [...Object.keys(zh)].sort());
  for (const [lang, table] of Object.entries({ zh, en })) {
    for (const [key, value] of Object.entries(table)) assert.ok(value.trim(), `${lang}: ${key} is empty`);
  }
});
