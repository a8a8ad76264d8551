// @ts-check
// The word cloud's layout worker: its own small instance of the engine's .wasm (no dictionary,
// no Analyzer), so that a layout never waits behind an analysis and the page's thread never
// waits for a layout. Glyphs are drawn on an OffscreenCanvas inside the wasm (src/wasm.rs).
// Protocol: {id, action, args} -> {id, result} | {id, error: {name, message, code?, params?}};
// after a trap also {fatal: {name, message}}, and the worker closes (start a new one).
//   layout [words, options]  -> CloudLayout (docs/API.md, "Word cloud")
//   mask   [options]         -> {width, height, area, pixels} (pixels: 255 inside, 0 outside)
//   shapes []                -> the built-in shapes' names
import init, { cloudMask, cloudShapes, layoutCloud } from './pkg/wenxi.js';
import { codedError, serveRequests } from './protocol.js';

// An explicit URL makes Vite emit the .wasm as an asset of this worker (the same file the
// analysis worker loads, so it is downloaded once).
const ready = init({ module_or_path: new URL('./pkg/wenxi_bg.wasm', import.meta.url) }).then(warmUp);

/**
 * One small layout as soon as the engine is there, with box glyphs (no font needed): the
 * browser first runs new wasm code through a quick, slow compiler and optimises what runs
 * much; the page's first cloud, which comes later, then runs optimised (measured: about half
 * the time, benches/cloud.mjs).
 */
function warmUp() {
  const characters = '文析词云竖排劳模精神工匠职工会中国发展建设人民时代创新学习团结奋斗';
  const words = Array.from({ length: 60 }, (_, i) => ({
    text: [...characters].slice(i % 30, (i % 30) + 2 + (i % 3)).join(''),
    weight: 60 - i,
  }));
  layoutCloud(words, { width: 480, height: 320, shape: 'heart', glyphs: 'boxes' });
}

/** @type {Record<string, (...args: any[]) => any>} */
const ACTIONS = {
  layout: (words, options) => layoutCloud(words, options),
  mask: (options) => cloudMask(options),
  shapes: () => cloudShapes(),
};

// Layouts are synchronous: one at a time, as they come (the page cancels the ones it no
// longer wants, www/views/cloud/layout.js).
serveRequests(async ({ action, args }) => {
  await ready;
  if (!Object.hasOwn(ACTIONS, action)) {
    throw codedError('unknown_action', { action: String(action) }, `unknown action "${action}"`);
  }
  const result = ACTIONS[action](...args);
  // The mask's pixels move rather than copy.
  return { result, transfer: result?.pixels instanceof Uint8Array ? [result.pixels.buffer] : [] };
});
