// latestWins (www/analyzer.js): the analysis requests of a fast-moving slider collapse into the
// last one, and a result that a newer request overtook is never delivered.
import assert from 'node:assert/strict';
import test from 'node:test';
import { isStale, latestWins } from '../../www/analyzer.js';

const deferred = () => {
  let resolve;
  const promise = new Promise((r) => (resolve = r));
  return { promise, resolve };
};

test('a call still waiting when a newer one arrives is dropped without running', async () => {
  const ran = [];
  const gate = deferred();
  const run = latestWins(async (x) => {
    ran.push(x);
    if (x === 1) await gate.promise;
    return x * 10;
  });
  const first = run(1);
  const second = run(2);
  const third = run(3);
  gate.resolve();
  await assert.rejects(first, (err) => isStale(err));
  await assert.rejects(second, (err) => isStale(err));
  assert.equal(await third, 30);
  assert.deepEqual(ran, [1, 3]);
});

test('calls made one after another all resolve', async () => {
  const run = latestWins(async (x) => x + 1);
  assert.equal(await run(1), 2);
  assert.equal(await run(2), 3);
});

test('an error of the latest call is delivered as it is', async () => {
  const run = latestWins(async () => {
    throw new Error('boom');
  });
  await assert.rejects(run(), /boom/);
});
