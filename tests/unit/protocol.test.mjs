// www/protocol.js: errors keep their code and params across the worker boundary (structured
// clone), and errors without one cross as name and message.
import assert from 'node:assert/strict';
import test from 'node:test';
import { codedError, fromPayload, toPayload, tooLargeError } from '../../www/protocol.js';

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
