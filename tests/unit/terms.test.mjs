// www/terms.js: the script terms are shown in, and the merges sent with every counting request.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analysisTerms, effectiveScript, TermDisplay, withTermOptions } from '../../www/terms.js';

test('auto is the corpus majority; a tie is simplified', () => {
  const scripts = (simplified, traditional) => ({ simplified, traditional, variant: 'standard' });
  assert.equal(effectiveScript('auto', scripts(3, 4)), 'traditional');
  assert.equal(effectiveScript('auto', scripts(2, 2)), 'simplified');
  assert.equal(effectiveScript('auto', null), 'simplified');
  assert.equal(effectiveScript('traditional', scripts(5, 0)), 'traditional');
  assert.equal(effectiveScript('simplified', scripts(0, 5)), 'simplified');
});

test('the terms an analysis shows: terms, network nodes, phrases and their parts, once each', () => {
  const analysis = {
    terms: [{ term: '劳模' }, { term: '工会' }],
    network: { nodes: [{ term: '工会' }, { term: '职工' }] },
    phrases: [{ phrase: '劳模精神', parts: ['劳模', '精神'] }],
  };
  assert.deepEqual(analysisTerms(/** @type {any} */ (analysis)), ['劳模', '工会', '职工', '劳模精神', '精神']);
  assert.deepEqual(analysisTerms(null), []);
});

test('merges and separatePos go into the options of every counting request, and only those', () => {
  const settings = { merges: [{ name: '劳模', forms: ['劳动模范'] }], separatePos: true };
  assert.deepEqual(withTermOptions('kwic', ['劳模', { width: 20 }], settings), [
    '劳模',
    { merges: settings.merges, separatePos: true, width: 20 },
  ]);
  assert.deepEqual(withTermOptions('keyness', [[1]], settings), [[1], { ...settings }]);
  assert.deepEqual(withTermOptions('analyze', [{ separatePos: false }], settings)[0].separatePos, false);
  assert.deepEqual(withTermOptions('suggestStopWords', [{}, { limit: 5 }], settings)[0], settings);
  assert.deepEqual(withTermOptions('documents', [], settings), []);
});

test('traditional forms are asked for once, and only when terms are shown in traditional', async () => {
  const asked = [];
  let scripts = { simplified: 1, traditional: 2, variant: 'taiwan' };
  const display = new TermDisplay({
    scripts: async () => scripts,
    traditionalForms: async (terms) => {
      asked.push(terms);
      return terms.map((t) => ({ 软件: '軟體', 劳模: '勞模' })[t] ?? t);
    },
  });
  await display.prepare('auto', ['软件', '劳模']);
  await display.prepare('auto', ['劳模']);
  assert.deepEqual(asked, [['软件', '劳模']]);
  assert.equal(display.display('软件'), '軟體');
  assert.equal(display.display('未知'), '未知');
  await display.prepare('simplified', ['工会']);
  assert.equal(display.display('软件'), '软件');
  assert.equal(asked.length, 1);
  // Another variant in force: asked again.
  scripts = { simplified: 1, traditional: 2, variant: 'standard' };
  await display.prepare('traditional', ['软件']);
  assert.equal(asked.length, 2);
});

test('without the script tables (null) terms stay as they are', async () => {
  const display = new TermDisplay({
    scripts: async () => ({ simplified: 0, traditional: 1, variant: 'standard' }),
    traditionalForms: async () => null,
  });
  await display.prepare('auto', ['劳模']);
  assert.equal(display.display('劳模'), '劳模');
});
