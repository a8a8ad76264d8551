// @ts-check
// The cloud's drawing a frame at a time (render.js): how many words each frame adds, and the
// next frame's task. Pure but for afterFrame (tests/unit/cloud-frames.test.mjs).

/** How many words the first frame draws: the biggest first, so the cloud shows at once and
 * fills in. Later frames draw twice as many while frames stay short, and half as many when one
 * was long ({@link nextSlice}): a quiet machine draws 200 words in five frames (not nine), a busy one in
 * slices small enough that no task of the page's thread lays out and paints the whole cloud. */
export const WORDS_PER_FRAME = 24;
const MIN_WORDS_PER_FRAME = 12;
const MAX_WORDS_PER_FRAME = 96;
/** A frame at most this long (ms between frames) had time to spare; one over twice it did not. */
const SHORT_FRAME_MS = 20;

/** The next slice's size after one of `size` words drawn in a frame `ms` long (from its start
 * to the next frame's). */
export function nextSlice(/** @type {number} */ size, /** @type {number} */ ms) {
  if (ms <= SHORT_FRAME_MS) return Math.min(MAX_WORDS_PER_FRAME, size * 2);
  if (ms > 2 * SHORT_FRAME_MS) return Math.max(MIN_WORDS_PER_FRAME, Math.floor(size / 2));
  return size;
}

/** `then(frame start)` in a task of its own after the next frame (the frame's
 * requestAnimationFrame time): each frame lays out and paints one slice (added in a frame's
 * callback, a slice was laid out with the one before, in one longer task). Two frames' start
 * times apart say how long the frame between them took, the slice's layout and paint in it. */
export const afterFrame = (/** @type {(frameStart: number) => void} */ then) =>
  requestAnimationFrame((at) => setTimeout(() => then(at), 0));
