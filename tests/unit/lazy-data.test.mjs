// www/lazy-data.js: what is fetched when, once, and what a failure or a crash leaves.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dataToFetch, LazyData, withoutIt } from '../../www/lazy-data.js';

const doc = (script, converted = false) => ({ script, converted });
const idle = { script: 'idle', posseg: 'idle', idf: 'idle' };

test('the script tables only for a traditional document not yet converted; the model and the IDF table at once', () => {
  assert.deepEqual(dataToFetch([doc('simplified')], idle), ['posseg', 'idf']);
  assert.deepEqual(dataToFetch([doc('simplified'), doc('traditional')], idle), ['script', 'posseg', 'idf']);
  assert.deepEqual(dataToFetch([doc('traditional', true)], idle), ['posseg', 'idf']);
  assert.deepEqual(dataToFetch([doc('traditional')], { script: 'loading', posseg: 'ready', idf: 'ready' }), []);
  assert.deepEqual(dataToFetch([doc('traditional')], { script: 'failed', posseg: 'failed', idf: 'failed' }), []);
  assert.deepEqual(dataToFetch([], idle), ['posseg', 'idf']);
  assert.deepEqual(dataToFetch([], { script: 'idle', posseg: 'ready', idf: 'idle' }), ['idf']);
  // Terms to be shown in 繁體 need the tables too, traditional documents or not.
  assert.deepEqual(dataToFetch([doc('simplified')], { script: 'idle', posseg: 'ready', idf: 'ready' }, true), [
    'script',
  ]);
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
  assert.deepEqual(calls.load, ['posseg', 'idf']);
  assert.deepEqual(calls.loaded, ['posseg', 'idf']);
  assert.equal(lazy.busy, false);
  lazy.check([doc('traditional')]);
  await settle();
  lazy.check([doc('traditional')]);
  assert.deepEqual(calls.load, ['posseg', 'idf', 'script']);
  assert.deepEqual(lazy.status, { script: 'ready', posseg: 'ready', idf: 'ready' });
});

test('a failed fetch is one notice with its code; the page is analysed again and goes on', async () => {
  const { lazy, calls } = harness({ fail: ['script'] });
  lazy.check([doc('traditional')]);
  await settle();
  // Its own code: the notice says what the page does without the script tables.
  assert.deepEqual(calls.notices, [['data_unavailable_script', 'error']]);
  assert.deepEqual(lazy.status, { script: 'failed', posseg: 'ready', idf: 'ready' });
  assert.deepEqual(calls.loaded.sort(), ['idf', 'posseg', 'script']);
  lazy.check([doc('traditional')]);
  lazy.reset();
  lazy.check([doc('traditional')]);
  await settle();
  assert.deepEqual(
    calls.load.sort(),
    ['idf', 'idf', 'posseg', 'posseg', 'script'],
    'a failure is not retried; a reset refetches the model and the IDF table',
  );
});

test('a crash while fetching says nothing: the restarted worker fetches again', async () => {
  const { lazy, calls } = harness({ fail: ['posseg'], code: 'engine_crashed' });
  lazy.check([]);
  await settle();
  assert.deepEqual(calls.notices, []);
  assert.deepEqual(calls.loaded, ['idf'], 'only what did load is analysed again');
  assert.equal(lazy.status.posseg, 'idle');
});

test('ensure() fetches the IDF table before an analysis, once, and analyses nothing itself', async () => {
  const { lazy, calls } = harness();
  const first = lazy.ensure('idf');
  assert.equal(lazy.status.idf, 'loading');
  const second = lazy.ensure('idf'); // waits for the same fetch
  await Promise.all([first, second]);
  assert.equal(lazy.status.idf, 'ready');
  assert.deepEqual(calls.load, ['idf']);
  assert.deepEqual(calls.loaded, [], 'the caller analyses next');
  lazy.check([]);
  await settle();
  assert.deepEqual(calls.load, ['idf', 'posseg'], 'check() does not fetch it again');
  await lazy.ensure('idf');
  assert.deepEqual(calls.load, ['idf', 'posseg']);
});

test('ensure() waits for a fetch check() started; a failure is a notice and the caller goes on', async () => {
  const { lazy, calls } = harness({ fail: ['idf'] });
  lazy.check([]);
  await lazy.ensure('idf');
  assert.equal(lazy.status.idf, 'failed');
  assert.deepEqual(calls.load, ['posseg', 'idf']);
  assert.deepEqual(calls.notices, [['data_unavailable_idf', 'error']]);
  await lazy.ensure('idf');
  assert.deepEqual(calls.load, ['posseg', 'idf'], 'a failure is not retried');
});

test('a notice names what the page does without the file; another error stays as it is', () => {
  const failed = Object.assign(new Error('cannot load wenxi.wxp: HTTP 503'), {
    code: 'data_unavailable',
    params: { file: 'wenxi.wxp', reason: 'HTTP 503' },
  });
  const notice = /** @type {any} */ (withoutIt('posseg', failed));
  assert.equal(notice.code, 'data_unavailable_posseg');
  assert.deepEqual(notice.params, { file: 'wenxi.wxp', reason: 'HTTP 503' });
  const other = new TypeError('boom');
  assert.equal(withoutIt('idf', other), other);
});
