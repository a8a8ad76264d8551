// www/views/cloud/frames.js: the cloud draws more words a frame while frames stay short, fewer
// when one was long, within bounds.
import assert from 'node:assert/strict';
import test from 'node:test';
import { nextSlice, WORDS_PER_FRAME } from '../../www/views/cloud/frames.js';

test('short frames double the slice, up to 96 words; long ones halve it, down to 12', () => {
  assert.equal(nextSlice(WORDS_PER_FRAME, 16.7), 48);
  assert.equal(nextSlice(48, 17), 96);
  assert.equal(nextSlice(96, 10), 96, 'capped');
  assert.equal(nextSlice(48, 30), 48, 'a frame a little long: kept');
  assert.equal(nextSlice(48, 60), 24);
  assert.equal(nextSlice(24, 120), 12);
  assert.equal(nextSlice(12, 500), 12, 'never below 12');
});

test('200 words: four frames on a quiet machine, slices of 24 or fewer on a busy one', () => {
  const frames = (frameMs) => {
    let drawn = WORDS_PER_FRAME;
    let size = WORDS_PER_FRAME;
    let count = 1;
    const sizes = [size];
    while (drawn < 200) {
      size = nextSlice(size, frameMs);
      drawn += size;
      sizes.push(size);
      count++;
    }
    return { count, sizes };
  };
  assert.deepEqual(frames(16.7), { count: 4, sizes: [24, 48, 96, 96] });
  assert.ok(
    frames(80)
      .sizes.slice(1)
      .every((n) => n <= 24),
  );
});
