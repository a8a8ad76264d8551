// www/origins.js: where a document comes from, as {kind, key} values; the `excluded` list that
// older versions stored as 'seed:NAME' / 'doc:KEY' strings still reads.
import assert from 'node:assert/strict';
import test from 'node:test';
import {
  docOrigin,
  includesOrigin,
  isLasting,
  readOrigin,
  readOrigins,
  sameOrigin,
  seedOrigin,
  sessionOrigin,
} from '../../www/origins.js';

test('the strings older versions stored read as origins', () => {
  assert.deepEqual(readOrigin('seed:001_cb0b64c34cfde53f.txt'), seedOrigin('001_cb0b64c34cfde53f.txt'));
  assert.deepEqual(readOrigin('doc:12'), docOrigin(12));
  // A seed's file name may hold a colon; only the first one separates.
  assert.deepEqual(readOrigin('seed:a:b.txt'), { kind: 'seed', key: 'a:b.txt' });
});

test('what this version stores reads back as itself', () => {
  for (const origin of [seedOrigin('x.txt'), docOrigin(3)]) {
    assert.deepEqual(readOrigin(structuredClone(origin)), origin);
  }
});

test('anything else is not an origin: session ones, junk, undefined (a document not kept yet)', () => {
  for (const value of [
    'session:4',
    sessionOrigin(4),
    'doc:abc',
    'doc:-1',
    'seed:',
    'nothing',
    { kind: 'doc', key: 1.5 },
    { kind: 'seed', key: 7 },
    { kind: '__proto__', key: 'x' },
    [],
    null,
    undefined,
    42,
  ]) {
    assert.equal(readOrigin(value), null, JSON.stringify(value));
  }
});

test('a stored list mixes old and new entries and skips what is not an origin', () => {
  const stored = [
    'seed:a.txt',
    { kind: 'doc', key: 2 },
    undefined,
    'doc:5',
    'session:9',
    { kind: 'seed', key: 'b.txt' },
  ];
  assert.deepEqual(readOrigins(stored), [seedOrigin('a.txt'), docOrigin(2), docOrigin(5), seedOrigin('b.txt')]);
  assert.deepEqual(readOrigins('seed:a.txt'), []);
  assert.deepEqual(readOrigins(undefined), []);
});

test('origins compare by kind and key', () => {
  assert.ok(sameOrigin(docOrigin(1), docOrigin(1)));
  assert.ok(!sameOrigin(docOrigin(1), sessionOrigin(1)));
  assert.ok(!sameOrigin(seedOrigin('1'), docOrigin(1)));
  assert.ok(includesOrigin([seedOrigin('a'), docOrigin(2)], docOrigin(2)));
  assert.ok(!includesOrigin([seedOrigin('a')], seedOrigin('b')));
  assert.deepEqual([seedOrigin('a'), docOrigin(1), sessionOrigin(2)].map(isLasting), [true, true, false]);
});
