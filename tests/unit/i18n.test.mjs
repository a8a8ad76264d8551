// www/i18n.js and www/locales/: both tables hold the same keys, sorted; every key the page names
// exists; t() fills its variables and is strict about missing keys.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import test from 'node:test';
import en from '../../www/locales/en.json' with { type: 'json' };
import zh from '../../www/locales/zh.json' with { type: 'json' };
import { fill, hasString, listFormat, translate } from '../../www/i18n.js';

const ROOT = new URL('../../', import.meta.url);

test('zh.json and en.json hold the same keys, each sorted', () => {
  assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  for (const table of [zh, en]) {
    const keys = Object.keys(table);
    assert.deepEqual(keys, [...keys].sort(), 'keys are not sorted');
    for (const key of keys) assert.equal(typeof table[key], 'string', key);
  }
});

test('the locale files are written sorted, so that a diff shows one line per string', () => {
  for (const name of ['zh', 'en']) {
    const text = readFileSync(new URL(`www/locales/${name}.json`, ROOT), 'utf8');
    const keys = [...text.matchAll(/^ {2}"([^"]+)":/gm)].map((m) => m[1]);
    assert.deepEqual(keys, [...keys].sort(), `${name}.json`);
  }
});

/** Every .js file under www/ (but the wasm glue). */
function pageScripts(dir = new URL('www/', ROOT)) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'pkg' || entry.name === 'types') return [];
    const url = new URL(entry.name + (entry.isDirectory() ? '/' : ''), dir);
    if (entry.isDirectory()) return pageScripts(url);
    return entry.name.endsWith('.js') ? [url] : [];
  });
}

// Literal keys: t('…'), ctx.t('…'), translate(lang, '…'), bilingual('…'), {key: '…'} messages,
// and data-i18n="…" / data-i18n-*="…" / data-key="…" in markup (index.html, views' templates).
const KEY_PATTERNS = [
  /\bt\(\s*'([^'$]+)'/g,
  /\btranslate\(\s*[\w.]+,\s*'([^'$]+)'/g,
  /\bbilingual\(\s*'([^'$]+)'/g,
  /data-i18n(?:-[a-z-]+)?="([^"$]+)"/g,
  /data-key="([^"$]+)"/g,
];

test('every key named in www/ and index.html has a string', () => {
  const sources = [new URL('index.html', ROOT), ...pageScripts()].map((url) => ({
    url,
    text: readFileSync(url, 'utf8'),
  }));
  const known = (key) => Object.hasOwn(zh, key) && Object.hasOwn(en, key);
  const missing = [];
  let checked = 0;
  for (const { url, text } of sources) {
    for (const pattern of KEY_PATTERNS) {
      for (const [, key] of text.matchAll(pattern)) {
        checked++;
        if (!known(key)) missing.push(`${url.pathname.split('/www/').pop()}: ${key}`);
      }
    }
  }
  assert.ok(checked > 50, `only ${checked} keys found: is the scan still finding them?`);
  assert.deepEqual(missing, []);
});

test('t() fills {name} variables; an unknown variable stays as written', () => {
  assert.equal(translate('zh', 'progress.reading', { name: '甲.txt' }), '正在读取「甲.txt」…');
  assert.equal(translate('en', 'progress.reading', { name: 'a.txt' }), 'Reading "a.txt"…');
  assert.equal(fill('{a} and {b}', { a: 1 }, 'en'), '1 and {b}');
});

test('a missing key is logged as an error (which fails every browser test) and shows the key', (t) => {
  const logged = [];
  t.mock.method(console, 'error', (message) => logged.push(message));
  assert.equal(translate('en', 'no.such.key'), 'no.such.key');
  assert.equal(logged.length, 1);
  assert.match(logged[0], /no\.such\.key/);
  assert.equal(hasString('no.such.key'), false);
  assert.equal(hasString('tab.cloud'), true);
});

test('lists are joined as each language joins them', () => {
  assert.equal(listFormat('zh', ['甲', '乙', '丙']), '甲、乙和丙');
  assert.equal(listFormat('en', ['a', 'b', 'c']), 'a, b, and c');
});
