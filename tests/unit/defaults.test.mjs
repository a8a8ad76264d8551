// www/defaults.js: the settings of a first visit (and of the build-time snapshot), and the
// options the controller sends to analyze().
import assert from 'node:assert/strict';
import test from 'node:test';
import { analysisOptions, DEFAULT_SETTINGS } from '../../www/defaults.js';

test('the defaults are frozen all the way down', () => {
  assert.ok(Object.isFrozen(DEFAULT_SETTINGS));
  for (const group of ['filter', 'network', 'phrases', 'cloud'])
    assert.ok(Object.isFrozen(DEFAULT_SETTINGS[group]), group);
});

test("the options are the settings but the cloud's look and Compare's choice, plus the selected ids, in order; the settings are untouched", () => {
  const options = analysisOptions(DEFAULT_SETTINGS, new Set([3, 1]));
  // How terms are shown, 重复段落只计一次 (the Analyzer's own switch, setCountOnce) and the
  // cloud's look and Compare's choice are the page's own: analyze() refuses options it does not know.
  // eslint-disable-next-line no-unused-vars
  const { termScript, countOnce, cloud, compare, ...engineSettings } = DEFAULT_SETTINGS;
  assert.equal(termScript, 'auto');
  assert.equal(countOnce, false);
  assert.deepEqual(options, { ...engineSettings, documents: [3, 1] });
  assert.equal(Object.hasOwn(options, 'cloud'), false, 'the core refuses options it does not know');
  assert.equal(Object.hasOwn(options, 'compare'), false, 'the core refuses options it does not know');
  assert.equal(Object.hasOwn(DEFAULT_SETTINGS, 'documents'), false);
  assert.deepEqual(analysisOptions(DEFAULT_SETTINGS, []).documents, []);
});
