// www/seeds.js: the seeds come in index.json's order, fetched in parallel, the removed ones
// skipped; a failed fetch is an error with a code (the page renders it in either language).
// preparedSeeds: the build's seeds/prepared.wxpd split into its documents, null when it is
// missing or cut short (the worker then segments the seeds).
import assert from 'node:assert/strict';
import test from 'node:test';
import { preparedSeeds, seedFiles } from '../../www/seeds.js';

/** fetch() over a map of URL -> body (a missing URL answers 404), recording what was asked. */
function fakeFetch(t, files) {
  const asked = [];
  t.mock.method(globalThis, 'fetch', async (url) => {
    asked.push(String(url));
    const body = files[String(url)];
    return body === undefined ? new Response('gone', { status: 404 }) : new Response(body);
  });
  return asked;
}

const BASE = 'http://page.test/seeds/';

test('every seed in order, but the ones skipped', async (t) => {
  const asked = fakeFetch(t, {
    [`${BASE}index.json`]: JSON.stringify({ files: ['b.txt', 'a.txt', 'c.txt'] }),
    [`${BASE}a.txt`]: '甲',
    [`${BASE}b.txt`]: '乙',
    [`${BASE}c.txt`]: '丙',
  });
  const seeds = await seedFiles(BASE, ['c.txt']);
  assert.deepEqual(
    seeds.map(({ name, bytes }) => [name, new TextDecoder().decode(bytes)]),
    [
      ['b.txt', '乙'],
      ['a.txt', '甲'],
    ],
  );
  assert.ok(!asked.includes(`${BASE}c.txt`), 'a skipped seed was fetched');
});

test('a seed or the index that does not load is an error with a code', async (t) => {
  fakeFetch(t, { [`${BASE}index.json`]: JSON.stringify({ files: ['a.txt', '劳模.txt'] }), [`${BASE}a.txt`]: 'x' });
  await assert.rejects(seedFiles(BASE), { code: 'seeds_http', params: { file: '劳模.txt', status: 404 } });
  await assert.rejects(seedFiles('http://page.test/elsewhere/'), {
    code: 'seeds_http',
    params: { file: 'index.json', status: 404 },
  });
});

/** Each form after its length, 4 bytes little-endian (scripts/snapshot.mjs). */
const framed = (forms) =>
  Buffer.concat(forms.flatMap((f) => [Buffer.from(new Uint32Array([f.length]).buffer), Buffer.from(f)]));

test('the prepared seeds: each document of prepared.wxpd, in order; null when missing or cut short', async (t) => {
  const forms = [Uint8Array.of(1, 2, 3), Uint8Array.of(), Uint8Array.of(9)];
  fakeFetch(t, { [`${BASE}prepared.wxpd`]: framed(forms) });
  assert.deepEqual(
    (await preparedSeeds(BASE)).map((f) => [...f]),
    forms.map((f) => [...f]),
  );
  assert.equal(await preparedSeeds('http://page.test/elsewhere/'), null, '404');
  t.mock.restoreAll();
  fakeFetch(t, { [`${BASE}prepared.wxpd`]: framed(forms).subarray(0, 9) });
  assert.equal(await preparedSeeds(BASE), null, 'a form cut short');
  t.mock.restoreAll();
  fakeFetch(t, { [`${BASE}prepared.wxpd`]: Buffer.concat([framed(forms), Buffer.of(7, 0)]) });
  assert.equal(await preparedSeeds(BASE), null, 'a length cut short');
});
