// English plurals (www/i18n.js, Intl.PluralRules): "Added 1 file", "Added 2 files"; Chinese has
// one form.
import assert from 'node:assert/strict';
import test from 'node:test';
import { fill, translate } from '../../www/i18n.js';

test('the tally of a batch: one file, two files, none', () => {
  assert.equal(translate('en', 'notice.addedMany', { ok: 1, failed: 2 }), 'Added 1 file; 2 not added.');
  assert.equal(translate('en', 'notice.addedMany', { ok: 2, failed: 0 }), 'Added 2 files; 0 not added.');
  assert.equal(translate('en', 'notice.addedMany', { ok: 0, failed: 3 }), 'Added 0 files; 3 not added.');
  assert.equal(translate('zh', 'notice.addedMany', { ok: 1, failed: 2 }), '已添加 1 个文件，2 个未添加。');
});

test('the status line counts documents', () => {
  const vars = { included: 1, tokens: '17', vocabulary: '9', ms: 3 };
  assert.match(translate('en', 'status.summary', { ...vars, docs: 1 }), /^1 document \(1 selected\)/);
  assert.match(translate('en', 'status.summary', { ...vars, docs: 5 }), /^5 documents \(1 selected\)/);
  assert.match(translate('zh', 'status.summary', { ...vars, docs: 5 }), /^5 篇文档（已选 1 篇）/);
});

test('two plurals in one sentence, and # inside a case', () => {
  assert.equal(
    translate('en', 'notice.userWordsApplied', { n: 1, docs: 6 }),
    'Applied 1 user word; re-segmented 6 documents.',
  );
  assert.equal(
    translate('en', 'notice.userWordsApplied', { n: 3, docs: 1 }),
    'Applied 3 user words; re-segmented 1 document.',
  );
});

test('the ICU form: exact matches win over categories, variables inside cases are filled', () => {
  const template = '{n, plural, =0 {no files} one {# file of {who}} other {# files of {who}}}';
  assert.equal(fill(template, { n: 0, who: 'Li' }, 'en'), 'no files');
  assert.equal(fill(template, { n: 1, who: 'Li' }, 'en'), '1 file of Li');
  assert.equal(fill(template, { n: 21, who: 'Li' }, 'en'), '21 files of Li');
  // Chinese has no "one": always "other".
  assert.equal(fill('{n, plural, one {一} other {多}}', { n: 1 }, 'zh'), '多');
});
