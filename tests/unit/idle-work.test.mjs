// www/idle-work.js: work runs once, only after nothing was asked for its delay.
import assert from 'node:assert/strict';
import { mock, test } from 'node:test';
import { IdleWork } from '../../www/idle-work.js';

test('work waits while requests come, runs once when they stop', () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    const idle = new IdleWork(400);
    let runs = 0;
    idle.add(() => runs++);
    mock.timers.tick(300);
    idle.busy(); // a request begins
    mock.timers.tick(500);
    assert.equal(runs, 0, 'not while a request is served');
    idle.idle(); // served
    mock.timers.tick(399);
    assert.equal(runs, 0);
    mock.timers.tick(1);
    assert.equal(runs, 1);
    idle.idle();
    mock.timers.tick(1000);
    assert.equal(runs, 1, 'once');
  } finally {
    mock.timers.reset();
  }
});
