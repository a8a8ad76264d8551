// www/protocol.js: errors keep their code and params across the worker boundary (structured
// clone), and errors without one cross as name and message.
import assert from 'node:assert/strict';
import test from 'node:test';
import { codedError, fromPayload, serveRequests, toPayload, tooLargeError } from '../../www/protocol.js';

test('a coded error crosses whole', () => {
  const err = codedError('not_text', { name: 'a.png', kind: 'png' }, 'the core says so');
  const payload = structuredClone(toPayload(err));
  assert.deepEqual(payload, {
    name: 'Error',
    message: 'the core says so',
    code: 'not_text',
    params: { name: 'a.png', kind: 'png' },
  });
  const back = fromPayload(payload);
  assert.ok(back instanceof Error);
  assert.equal(back.code, 'not_text');
  assert.deepEqual(back.params, { name: 'a.png', kind: 'png' });
  assert.equal(back.message, 'the core says so');
});

test('an error without a code crosses as name and message only', () => {
  const err = new TypeError('boom');
  const payload = toPayload(err);
  assert.deepEqual(payload, { name: 'TypeError', message: 'boom' });
  const back = fromPayload(payload);
  assert.equal(back.name, 'TypeError');
  assert.equal(back.code, undefined);
});

test('what is thrown need not be an Error; params hold only strings and numbers', () => {
  assert.deepEqual(toPayload('plain'), { name: 'Error', message: 'plain' });
  assert.deepEqual(toPayload(undefined), { name: 'Error', message: 'undefined' });
  const odd = Object.assign(new Error('x'), {
    code: 'bad_option',
    params: { option: 'a', value: 3, nested: { a: 1 } },
  });
  assert.deepEqual(toPayload(odd).params, { option: 'a', value: 3 });
});

test('codedError: message defaults to the code, params to none', () => {
  const err = codedError('worker_stopped');
  assert.equal(err.message, 'worker_stopped');
  assert.deepEqual(err.params, {});
});

test("a file refused for its size before it is read: the core's too_large, in the same units", () => {
  const err = tooLargeError('大.txt', 150_000_000, 100_000_000);
  assert.equal(err.code, 'too_large');
  assert.deepEqual(err.params, {
    name: '大.txt',
    size: '150',
    limit: '100',
    bytes: 150_000_000,
    limitBytes: 100_000_000,
  });
  assert.equal(tooLargeError('a', 2_500_000, 100_000_000).params.size, '2.5');
});

test("a worker's request loop: in arrival order, failures as payloads, a trap says so and closes", async () => {
  // A worker's globals, as the loop uses them.
  const worker = new EventTarget();
  const sent = [];
  let closed = false;
  Object.assign(globalThis, {
    self: Object.assign(worker, { close: () => (closed = true) }),
    postMessage: (message, options) => sent.push([message, options?.transfer ?? []]),
  });
  try {
    /** @type {string[]} */
    const order = [];
    serveRequests(async ({ id, action, args }) => {
      if (action === 'slow') await new Promise((resolve) => setTimeout(resolve, 20));
      order.push(action);
      if (action === 'fail') throw codedError('unknown_action', { action }, 'no');
      if (action === 'trap') throw new WebAssembly.RuntimeError('unreachable');
      const bytes = new Uint8Array(4);
      return { result: { id, args }, transfer: action === 'move' ? [bytes.buffer] : undefined };
    });
    const ask = (id, action, args) =>
      worker.dispatchEvent(Object.assign(new Event('message'), { data: { id, action, args } }));
    ask(1, 'slow', [1]);
    ask(2, 'fast');
    ask(3, 'move', [3]);
    ask(4, 'fail');
    ask(5, 'trap');
    await new Promise((resolve) => setTimeout(resolve, 80));
    assert.deepEqual(order, ['slow', 'fast', 'move', 'fail', 'trap'], 'one at a time, in arrival order');
    assert.deepEqual(sent[0][0], { id: 1, result: { id: 1, args: [1] } });
    assert.deepEqual(sent[1][0], { id: 2, result: { id: 2, args: [] } }, 'missing args are []');
    assert.equal(sent[2][1].length, 1, 'the buffers to move are moved');
    assert.deepEqual(sent[3][0], {
      id: 4,
      error: { name: 'Error', message: 'no', code: 'unknown_action', params: { action: 'fail' } },
    });
    assert.equal(sent[4][0].error.name, 'RuntimeError');
    assert.deepEqual(sent[5][0], { fatal: { name: 'RuntimeError', message: 'unreachable' } });
    assert.equal(closed, true);
  } finally {
    delete globalThis.self;
    delete globalThis.postMessage;
  }
});
