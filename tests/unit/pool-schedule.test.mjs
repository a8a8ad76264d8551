import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_POOL_WORKERS, POOL_MIN_BYTES, poolSize, Schedule, worthPooling } from '../../www/pool-schedule.js';

test('a worker takes the largest file left, ties in the files order', () => {
  const schedule = new Schedule([10, 300, 20, 300, 5]);
  const taken = [];
  for (let index = schedule.take(); index !== null; index = schedule.take()) taken.push(index);
  assert.deepEqual(taken, [1, 3, 2, 0, 4]);
});

test('documents are released in the files order, whatever order they are prepared in', () => {
  const schedule = new Schedule([100, 200, 300]);
  assert.deepEqual([schedule.take(), schedule.take(), schedule.take()], [2, 1, 0]);
  schedule.prepared(2, 'c');
  assert.deepEqual(schedule.release(), [], 'the third file waits for the first two');
  schedule.prepared(1, 'b');
  assert.deepEqual(schedule.release(), []);
  schedule.prepared(0, 'a');
  assert.deepEqual(schedule.release(), [
    { index: 0, value: 'a' },
    { index: 1, value: 'b' },
    { index: 2, value: 'c' },
  ]);
  assert.deepEqual(schedule.release(), [], 'each is released once');
  assert.equal(schedule.done, true);
});

test('a file the pool cannot take is the analysis worker’s, in its place in the order', () => {
  const schedule = new Schedule([null, 500, null, 400]);
  assert.deepEqual(schedule.release(), [{ index: 0, value: null }]);
  assert.equal(schedule.take(), 1);
  assert.equal(schedule.take(), 3);
  assert.equal(schedule.take(), null);
  schedule.prepared(3, 'd');
  assert.deepEqual(schedule.release(), []);
  schedule.prepared(1, 'b');
  assert.deepEqual(schedule.release(), [
    { index: 1, value: 'b' },
    { index: 2, value: null },
    { index: 3, value: 'd' },
  ]);
});

test('a crashed worker: its file and every file not given out go to the analysis worker', () => {
  const schedule = new Schedule([1, 2, 3, 4]);
  const crashed = schedule.take(); // 3, on the worker that crashes
  schedule.prepared(schedule.take(), 'c'); // 2
  schedule.toMain(crashed);
  schedule.drain(); // no worker left: 1 and 0 were never given out
  assert.equal(schedule.take(), null);
  assert.deepEqual(schedule.release(), [
    { index: 0, value: null },
    { index: 1, value: null },
    { index: 2, value: 'c' },
    { index: 3, value: null },
  ]);
  assert.equal(schedule.done, true);
});

test('a file settled twice is a bug, said at once', () => {
  const schedule = new Schedule([1, 2]);
  schedule.prepared(0, 'a');
  assert.throws(() => schedule.toMain(0), /settled twice/);
  schedule.release();
  assert.throws(() => schedule.prepared(0, 'a'), /settled twice/);
});

test('progress is the share of the pool’s bytes prepared', () => {
  const schedule = new Schedule([100, null, 300]);
  assert.equal(schedule.fraction, 0);
  schedule.prepared(schedule.take(), 'c');
  assert.equal(schedule.fraction, 0.75);
  schedule.prepared(schedule.take(), 'a');
  assert.equal(schedule.fraction, 1);
});

test('one worker a core, capped, fewer with little memory or on a phone', () => {
  assert.equal(poolSize({ cores: 2 }), 2);
  assert.equal(poolSize({ cores: 16, memoryGiB: 8 }), MAX_POOL_WORKERS);
  assert.equal(poolSize({ cores: 8, memoryGiB: 2 }), 2);
  assert.equal(poolSize({ cores: 8, memoryGiB: 1 }), 1);
  assert.equal(poolSize({ cores: 8, memoryGiB: 0.5 }), 1);
  assert.equal(poolSize({ cores: 8, mobile: true }), 2);
  assert.equal(poolSize({}), 1);
  assert.equal(poolSize({ cores: 0 }), 1);
});

test('the pool is for two files or more, two workers or more and 2 MB in all', () => {
  const half = POOL_MIN_BYTES / 2;
  assert.equal(worthPooling([half, half], 2), true);
  assert.equal(worthPooling([half, half - 1], 2), false, 'under 2 MB in all');
  assert.equal(worthPooling([half, half], 1), false, 'one worker');
  assert.equal(worthPooling([POOL_MIN_BYTES * 10], 4), false, 'one file');
  assert.equal(worthPooling([POOL_MIN_BYTES * 10, null], 4), false, 'one file the pool can take');
  assert.equal(worthPooling([half, null, half], 2), true);
});
