// www/errors.js: an error renders from its code, in each language, exactly as the page has always
// shown it ("中文 / English"); an error without a code shows its message.
import assert from 'node:assert/strict';
import test from 'node:test';
import { bilingual, codeOf, describeError, errorBilingual, errorText, joined, render } from '../../www/errors.js';
import { codedError } from '../../www/protocol.js';

const coded = (code, params) => codedError(code, params);

test('a refused file, in both languages, with its file kind translated', () => {
  const err = coded('not_text', { name: 'photo.txt', kind: 'png' });
  assert.equal(errorText(err, 'zh'), '「photo.txt」不是文本文件（看起来是 PNG 图片）。');
  assert.equal(errorText(err, 'en'), '"photo.txt" is not a text file (it looks like a PNG image).');
  // What tests/e2e/documents.test.mjs reads in the notice.
  assert.equal(
    describeError(err),
    '「photo.txt」不是文本文件（看起来是 PNG 图片）。 / "photo.txt" is not a text file (it looks like a PNG image).',
  );
  assert.deepEqual(errorBilingual(coded('empty', { name: 'empty.txt' })), {
    zh: '「empty.txt」是空文件。',
    en: '"empty.txt" is empty.',
  });
});

test('a file too large, refused before it is read, says what the core says', () => {
  const err = coded('too_large', { name: 'big.txt', size: '101', limit: '100', bytes: 101e6, limitBytes: 1e8 });
  assert.equal(
    describeError(err),
    '「big.txt」太大（101 MB），上限为 100 MB（更大的文件会耗尽浏览器标签页的内存）。 / "big.txt" is too large (101 MB); the limit is 100 MB (a larger file would exhaust the memory of a browser tab).',
  );
});

test('an error without a code shows its message, in every language', () => {
  const err = new Error('Quota exceeded.');
  assert.equal(codeOf(err), null);
  assert.equal(errorText(err, 'zh'), 'Quota exceeded.');
  assert.equal(errorText(err, 'en'), 'Quota exceeded.');
  assert.equal(errorBilingual(err), null);
  assert.equal(describeError(err), 'Quota exceeded.');
  assert.equal(describeError('a string'), 'a string');
});

test('an error with a code the locales do not know is a test failure (logged), and shows the key', (t) => {
  const logged = [];
  t.mock.method(console, 'error', (message) => logged.push(message));
  assert.equal(errorText(coded('no_such_code', {}), 'en'), 'error.no_such_code');
  assert.equal(logged.length, 1);
});

test('a message that quotes an error renders the error in its own language', () => {
  const both = bilingual('workspace.importFailed', { name: 'w.json', reason: coded('workspace_not_workspace') });
  assert.deepEqual(both, {
    zh: '无法导入「w.json」：不是文析工作区文件。',
    en: 'Cannot import "w.json": not a Wenxi workspace file.',
  });
  // A browser's reason is the same in both halves (tests/e2e/storage-faults.test.mjs).
  assert.equal(
    joined(bilingual('workspace.importFailed', { name: 'workspace.json', reason: new Error('Quota exceeded.') })),
    '无法导入「workspace.json」：Quota exceeded. / Cannot import "workspace.json": Quota exceeded.',
  );
});

test('the crash notice: the engine failed, and the documents came back', () => {
  const crash = coded('engine_crashed', { reason: 'unreachable' });
  const text = joined(bilingual('crash.restored', { error: crash }));
  assert.ok(text.startsWith('分析引擎出错（unreachable），已重新启动。'), text);
  assert.ok(text.includes('文档已从浏览器存储中恢复。'), text);
  assert.ok(text.endsWith('The documents were restored from browser storage.'), text);
  assert.match(joined(bilingual('crash.lost', { error: crash, n: 1 })), /1 document that could not be stored is lost/);
});

test('params of nested messages and lists are rendered per language', () => {
  const fields = [{ key: 'settingsField.filter.minLength' }, { key: 'settingsField.network.measure' }];
  assert.equal(
    render({ key: 'settings.reset.stored', params: { n: 2, fields } }, 'zh'),
    '保存的设置中有 2 项无效，已改回默认值：最短词长和关联度量。',
  );
  assert.equal(
    render({ key: 'settings.reset.stored', params: { n: 2, fields } }, 'en'),
    '2 stored settings were invalid and were set back to their defaults: minimum length and association measure.',
  );
});

test('params that crossed from the worker keep only strings and numbers', () => {
  const err = Object.assign(new Error('x'), {
    code: 'bad_option',
    params: { option: 'network.nodes', value: 5000, extra: null },
  });
  assert.equal(errorText(err, 'en'), 'Invalid value "5000" for option network.nodes.');
});
