// www/early-worker.js with a stand-in Worker and localStorage: the worker is named for the
// start-up the pristine marker predicts, what it says before it is claimed is kept in order
// (an error's default action prevented, so it is not reported as uncaught), and it is claimed
// once; after that, its events reach only the claimer's listeners.
import assert from 'node:assert/strict';
import test from 'node:test';
import { EARLY_SEEDS_NAME } from '../../www/protocol.js';

/** @type {FakeWorker[]} */
const started = [];
class FakeWorker extends EventTarget {
  constructor(url, options) {
    super();
    this.url = String(url);
    this.options = options;
    started.push(this);
  }
}
const storage = new Map();
globalThis.Worker = FakeWorker;
globalThis.window = {
  localStorage: { getItem: (key) => storage.get(key) ?? null, setItem: (key, value) => storage.set(key, value) },
};
const { claimEarlyCloudWorker, claimEarlyWorker, startEarlyCloudWorker, startEarlyWorker } =
  await import('../../www/early-worker.js');
const { markWorkspace } = await import('../../www/pristine-marker.js');

test('nothing started: nothing to claim', () => {
  assert.equal(claimEarlyWorker(), null);
});

test('a pristine start names the worker for the early seeds; its events wait for the claim', () => {
  storage.clear();
  startEarlyWorker();
  const worker = started.at(-1);
  assert.match(worker.url, /worker\.js$/);
  assert.deepEqual(worker.options, { type: 'module', name: EARLY_SEEDS_NAME });
  worker.dispatchEvent(new MessageEvent('message', { data: { started: true } }));
  const failure = new Event('error', { cancelable: true });
  worker.dispatchEvent(failure);
  assert.ok(failure.defaultPrevented, 'kept, not reported as uncaught');

  const early = claimEarlyWorker();
  assert.equal(early.worker, worker);
  assert.equal(early.pristine, true);
  assert.deepEqual(
    early.events.map((e) => e.type),
    ['message', 'error'],
  );
  assert.deepEqual(early.events[0].data, { started: true });
  assert.equal(claimEarlyWorker(), null, 'claimed once');

  // From now on nothing is kept: only the claimer's listeners hear the worker.
  const heard = [];
  worker.addEventListener('message', (e) => heard.push(e.data));
  worker.dispatchEvent(new MessageEvent('message', { data: { id: 1, result: 2 } }));
  assert.deepEqual(heard, [{ id: 1, result: 2 }]);
  assert.equal(early.events.length, 2);
});

test('a changed workspace: the worker keeps its plain name', () => {
  markWorkspace(false);
  startEarlyWorker();
  assert.deepEqual(started.at(-1).options, { type: 'module', name: 'wenxi-analyzer' });
  assert.equal(claimEarlyWorker().pristine, false);
});

test("the cloud's layout worker: claimed once; one that failed to start is not handed out", () => {
  assert.equal(claimEarlyCloudWorker(), null, 'none started');
  startEarlyCloudWorker();
  const worker = started.at(-1);
  assert.match(worker.url, /cloud-worker\.js$/);
  assert.deepEqual(worker.options, { type: 'module', name: 'wenxi-cloud' });
  assert.equal(claimEarlyCloudWorker(), worker);
  assert.equal(claimEarlyCloudWorker(), null, 'claimed once');

  startEarlyCloudWorker();
  const failure = new Event('error', { cancelable: true });
  started.at(-1).dispatchEvent(failure);
  assert.ok(failure.defaultPrevented, 'not reported as uncaught');
  assert.equal(claimEarlyCloudWorker(), null, 'the cloud starts its own instead');
});
