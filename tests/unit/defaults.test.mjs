// www/defaults.js: the settings of a first visit (and of the build-time snapshot), and the
// options the controller sends to analyze().
import assert from 'node:assert/strict';
import test from 'node:test';
import { analysisOptions, DEFAULT_SETTINGS } from '../../www/defaults.js';

test('the defaults are frozen all the way down', () => {
  assert.ok(Object.isFrozen(DEFAULT_SETTINGS));
  for (const group of ['filter', 'network', 'phrases']) assert.ok(Object.isFrozen(DEFAULT_SETTINGS[group]), group);
});

test('the options are the settings plus the selected ids, in order; the settings are untouched', () => {
  const options = analysisOptions(DEFAULT_SETTINGS, new Set([3, 1]));
  // How terms are shown is the page's own and 重复段落只计一次 is the Analyzer's own switch
  // (setCountOnce): neither is an option of analyze(), which refuses options it does not know.
  const { termScript, countOnce, ...engineSettings } = DEFAULT_SETTINGS;
  assert.equal(termScript, 'auto');
  assert.equal(countOnce, false);
  assert.deepEqual(options, { ...engineSettings, documents: [3, 1] });
  assert.equal(Object.hasOwn(DEFAULT_SETTINGS, 'documents'), false);
  assert.deepEqual(analysisOptions(DEFAULT_SETTINGS, []).documents, []);
});
