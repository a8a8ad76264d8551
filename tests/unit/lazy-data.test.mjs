// www/lazy-data.js: what is fetched when, once, and what a failure or a crash leaves.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dataToFetch, LazyData } from '../../www/lazy-data.js';

const doc = (script, converted = false) => ({ script, converted });
const idle = { script: 'idle', posseg: 'idle' };

test('the script tables only for a traditional document not yet converted; the model at once', () => {
  assert.deepEqual(dataToFetch([doc('simplified')], idle), ['posseg']);
  assert.deepEqual(dataToFetch([doc('simplified'), doc('traditional')], idle), ['script', 'posseg']);
  assert.deepEqual(dataToFetch([doc('traditional', true)], idle), ['posseg']);
  assert.deepEqual(dataToFetch([doc('traditional')], { script: 'loading', posseg: 'ready' }), []);
  assert.deepEqual(dataToFetch([doc('traditional')], { script: 'failed', posseg: 'failed' }), []);
  assert.deepEqual(dataToFetch([], idle), ['posseg']);
  // Terms to be shown in 繁體 need the tables too, traditional documents or not.
  assert.deepEqual(dataToFetch([doc('simplified')], { script: 'idle', posseg: 'ready' }, true), ['script']);
});

/** A LazyData over a fake worker: `fail` names the kinds whose fetch fails, with `code`. */
function harness({ fail = [], code = 'data_unavailable' } = {}) {
  const calls = { load: [], loaded: [], notices: [] };
  const lazy = new LazyData({
    load: async (kind) => {
      calls.load.push(kind);
      if (fail.includes(kind)) throw Object.assign(new Error(`cannot load ${kind}`), { code, params: {} });
      return 1;
    },
    loaded: async (kind) => {
      calls.loaded.push(kind);
    },
    notify: (message, kind) => calls.notices.push([message.code, kind]),
  });
  return { lazy, calls };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

test('each is fetched once, busy until loaded, and analysed again after', async () => {
  const { lazy, calls } = harness();
  lazy.check([doc('simplified')]);
  assert.equal(lazy.busy, true);
  lazy.check([doc('simplified')]);
  await settle();
  assert.deepEqual(calls.load, ['posseg']);
  assert.deepEqual(calls.loaded, ['posseg']);
  assert.equal(lazy.busy, false);
  lazy.check([doc('traditional')]);
  await settle();
  lazy.check([doc('traditional')]);
  assert.deepEqual(calls.load, ['posseg', 'script']);
  assert.deepEqual(lazy.status, { script: 'ready', posseg: 'ready' });
});

test('a failed fetch is one notice with its code; the page is analysed again and goes on', async () => {
  const { lazy, calls } = harness({ fail: ['script'] });
  lazy.check([doc('traditional')]);
  await settle();
  assert.deepEqual(calls.notices, [['data_unavailable', 'error']]);
  assert.deepEqual(lazy.status, { script: 'failed', posseg: 'ready' });
  assert.deepEqual(calls.loaded.sort(), ['posseg', 'script']);
  lazy.check([doc('traditional')]);
  lazy.reset();
  lazy.check([doc('traditional')]);
  await settle();
  assert.deepEqual(
    calls.load.sort(),
    ['posseg', 'posseg', 'script'],
    'a failure is not retried; a reset refetches the model',
  );
});

test('a crash while fetching says nothing: the restarted worker fetches again', async () => {
  const { lazy, calls } = harness({ fail: ['posseg'], code: 'engine_crashed' });
  lazy.check([]);
  await settle();
  assert.deepEqual(calls.notices, []);
  assert.deepEqual(calls.loaded, []);
  assert.equal(lazy.status.posseg, 'idle');
});
