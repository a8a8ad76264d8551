// www/workspace.js: the workspace file a person carries to another machine, read as the
// untrusted input it is.
import assert from 'node:assert/strict';
import test from 'node:test';
import { DEFAULT_SETTINGS } from '../../www/defaults.js';
import { joined } from '../../www/errors.js';
import { checkUserWords, parseWorkspace, problemMessages, readWorkspace, workspaceFile } from '../../www/workspace.js';

const file = (data) => new Blob([typeof data === 'string' ? data : JSON.stringify(data)]);
const minimal = (extra = {}) => ({ format: 'wenxi-workspace', version: 1, ...extra });

test('what an export writes, an import reads back', () => {
  const bytes = Uint8Array.from([0xc4, 0xe3, 0xba, 0xc3, 0, 255]);
  const stored = [
    { key: 1, addedAt: 0, name: '甲.txt', kind: 'bytes', bytes },
    { key: 2, addedAt: 0, name: '乙', kind: 'text', text: '粘贴的文字' },
  ];
  const settings = { ...structuredClone(DEFAULT_SETTINGS), keywordWeight: 'textrank' };
  const state = { removedSeeds: ['000_x.txt'], userWords: ['劳模精神'], stopWords: ['的'], settings };
  const written = workspaceFile(stored, state, new Date('2026-01-02T03:04:05Z'));
  assert.equal(written.exportedAt, '2026-01-02T03:04:05.000Z');
  const read = parseWorkspace(JSON.parse(JSON.stringify(written)));
  assert.deepEqual(read.documents, [
    { name: '甲.txt', kind: 'bytes', bytes },
    { name: '乙', kind: 'text', text: '粘贴的文字' },
  ]);
  assert.deepEqual([read.removedSeeds, read.userWords, read.stopWords], [['000_x.txt'], ['劳模精神'], ['的']]);
  assert.deepEqual(read.settings, settings);
  assert.deepEqual(read.problems, { resetSettings: [], ignoredSettings: [], refusedUserWords: [] });
});

test('a file that is not a workspace is refused with a code', async () => {
  await assert.rejects(readWorkspace(file('{not json')), { code: 'workspace_invalid_json' });
  await assert.rejects(readWorkspace(file({ format: 'other', version: 1 })), { code: 'workspace_not_workspace' });
  await assert.rejects(readWorkspace(file('[1, 2]')), { code: 'workspace_not_workspace' });
  await assert.rejects(readWorkspace(file('null')), { code: 'workspace_not_workspace' });
  await assert.rejects(readWorkspace(file(minimal({ version: 2 }))), {
    code: 'workspace_newer',
    params: { version: 2 },
  });
});

test('documents: a name and readable content, or the file is refused saying which', () => {
  assert.throws(() => parseWorkspace(minimal({ documents: [{ kind: 'text', text: 'x' }] })), {
    code: 'workspace_document_name',
    params: { number: 1 },
  });
  assert.throws(() => parseWorkspace(minimal({ documents: [{ name: 'a', kind: 'text', text: 'x' }, { name: ' ' }] })), {
    params: { number: 2 },
  });
  assert.throws(() => parseWorkspace(minimal({ documents: [{ name: 'a.txt', kind: 'bytes', base64: '%%%' }] })), {
    code: 'workspace_document_content',
    params: { name: 'a.txt' },
  });
  assert.throws(() => parseWorkspace(minimal({ documents: [{ name: 'a.txt', kind: 'text', text: 5 }] })), {
    code: 'workspace_document_content',
  });
  // Only the fields a document has are taken.
  const read = parseWorkspace(minimal({ documents: [{ name: 'a', kind: 'text', text: 't', key: 99, __proto__: 1 }] }));
  assert.deepEqual(read.documents, [{ name: 'a', kind: 'text', text: 't' }]);
});

test('lists keep only strings; a missing list is empty', () => {
  const read = parseWorkspace(minimal({ removedSeeds: ['a.txt', 3, null], stopWords: 'the', documents: 'x' }));
  assert.deepEqual([read.removedSeeds, read.stopWords, read.userWords, read.documents], [['a.txt'], [], [], []]);
});

test('user words the engine would refuse are left out, and named', () => {
  const long = '全心全意依靠工人阶级的根本方针和社会主义核心价值观';
  assert.deepEqual(checkUserWords(['劳模精神', ' 工匠精神 ', '两个 词', '', long, '劳模精神']), {
    words: ['劳模精神', '工匠精神'],
    refused: ['两个 词', '', long],
  });
  const read = parseWorkspace(minimal({ userWords: ['劳模精神', '两个 词'] }));
  assert.deepEqual(read.userWords, ['劳模精神']);
  assert.deepEqual(read.problems.refusedUserWords, ['两个 词']);
});

test('hostile settings are validated: no pollution, and a notice in words', () => {
  const data = JSON.parse(
    '{"format": "wenxi-workspace", "version": 1, "settings": {"__proto__": {"polluted": 1}, "filter": {"minLength": "abc"}, "network": {"nodes": -5, "measure": "magic"}}}',
  );
  const read = parseWorkspace(data);
  assert.equal({}.polluted, undefined);
  assert.deepEqual(read.settings, DEFAULT_SETTINGS);
  const [notice] = problemMessages(read.problems, 'imported');
  assert.equal(
    joined(notice),
    '工作区文件中有 3 项设置无效，已改回默认值：最短词长、关联度量和网络节点数。另有 1 项不认识的设置已忽略。 / ' +
      '3 settings in the workspace file were invalid and were set back to their defaults: minimum length, association measure, and network nodes. 1 unknown setting was ignored.',
  );
});

test('the notices: none when all is well; one for the settings, one for the user words', () => {
  const none = { resetSettings: [], ignoredSettings: [], refusedUserWords: [] };
  assert.deepEqual(problemMessages(none, 'stored'), []);
  const [ignoredOnly] = problemMessages({ ...none, ignoredSettings: ['a', 'b'] }, 'stored');
  assert.deepEqual(ignoredOnly, { zh: '另有 2 项不认识的设置已忽略。', en: '2 unknown settings were ignored.' });
  const [words] = problemMessages({ ...none, refusedUserWords: ['两个 词'] }, 'stored');
  assert.match(words.zh, /^保存的自定义词中有 1 个不能作为词.*：两个 词。$/);
  assert.match(words.en, /^1 stored user word cannot be a word .* was left out: 两个 词\.$/);
  const [whole] = problemMessages({ ...none, resetSettings: [''] }, 'stored');
  assert.match(whole.en, /: all settings\.$/);
});
