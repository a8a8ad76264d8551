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
import { IdleWork } from './idle-work.js';
import { codedError, serveRequests } from './protocol.js';
import { CLOUD_FONT } from './views/cloud/style.js';

// An explicit URL makes Vite emit the .wasm as an asset of this worker (the same file the
// analysis worker loads, so it is downloaded once).
performance.mark('wenxi:cloud-worker:start');
const ready = init({ module_or_path: new URL('./pkg/wenxi_bg.wasm', import.meta.url) }).then(warmUp);

const CHARACTERS = '文析词云竖排劳模精神工匠职工会中国发展建设人民时代创新学习团结奋斗';
/** @param {number} n */
const warmUpWords = (n) =>
  Array.from({ length: n }, (_, i) => ({
    text: [...CHARACTERS].slice(i % 30, (i % 30) + 2 + (i % 3)).join(''),
    weight: n - i,
  }));

/**
 * About 260 of the most frequent characters of Chinese prose and reports, measured and drawn
 * once while the worker is idle: the first cloud then finds most of its glyphs' outlines and
 * bitmaps in the browser's font caches (per thread and per process) instead of loading them.
 */
const COMMON =
  '的一是不了人我在有他这为之大来以个中上们到说国和地也子时道出而要于就下得可你年生自会那后能对着事其里所去行过家十用发天如然作方成者多日都三小军二无同么经法当起与好看学进种将还分此心前面又定见只主没公从工动现全意开两长把机已表实利高本加电新很最想问力业外体理明月第重部因提内民相正给点文水度向间物果并各产品济社建设展政府管制改革企技术研究组织领导教育科化历史世界思精神劳模职城市农村信息数据网络服务安保障基层干群众党委员省县区乡镇街路交通环境资源质量标准规划项目投金融场价格消费收入营态治依范监督检查落推强完善升深创协调绿色放共享';
/** The sizes the engine draws glyphs at (src/cloud/engine.rs RASTER_SIZES, from 32 px up at
 * half size: src/wasm.rs coarse_size), and the size it measures runs at. */
const DRAWN_AT = [12, 16, 20, 24, 32];
const MEASURED_AT = 64;

/** How long the page must ask nothing before the next step of the warm-up runs. */
const QUIET_MS = 300;
/** Characters a warm-up step draws at one size (a step stays within a few tens of ms cold). */
const CHUNK = 48;
/** The warm-up's steps wait while the page asks for anything. */
const idle = new IdleWork(QUIET_MS);

/**
 * Gets the worker ready for the page's first cloud. At once: one small layout with box glyphs
 * (no font needed), as the browser first runs new wasm code through a quick, slow compiler and
 * optimises what runs much. The rest is idle work (www/idle-work.js), one short step each time
 * the page has asked nothing for QUIET_MS: the page's default font looked up at the engine's
 * sizes, one tiny layout with real glyphs (the canvas's code compiled), then the common
 * characters measured and drawn at those sizes, CHUNK at a time. It ran a step a task from the
 * start before, and took ~300 ms of a core cold (~260 warm, when the page asks this worker
 * nothing: its layouts are kept) while the analysis worker and the page start up beside it on
 * two cores; the first layout also waited ~60 ms behind a step (docs/performance/STARTUP.md).
 */
function warmUp() {
  performance.mark('wenxi:cloud-worker:wasm-ready');
  layoutCloud(warmUpWords(60), { width: 480, height: 320, shape: 'heart', glyphs: 'boxes' });
  const font = { family: CLOUD_FONT, weight: 400 };
  /** @type {OffscreenCanvasRenderingContext2D | null} */
  let context = null;
  const draw = (/** @type {number} */ size, /** @type {string} */ characters) => {
    context ??= /** @type {OffscreenCanvasRenderingContext2D} */ (
      new OffscreenCanvas(1024, 2 * MEASURED_AT).getContext('2d', { willReadFrequently: true })
    );
    context.font = `400 ${size}px ${CLOUD_FONT}`;
    if (size === MEASURED_AT) {
      for (const c of characters) context.measureText(c);
      return;
    }
    const perLine = Math.floor(1024 / size);
    for (let i = 0; i < characters.length; i += perLine) {
      context.clearRect(0, 0, 1024, 2 * size);
      context.fillText(characters.slice(i, i + perLine), 0, size);
      context.getImageData(0, 0, 1, 1); // drawing happens when the canvas is read
    }
  };
  const chunks = [];
  for (let i = 0; i < COMMON.length; i += CHUNK) chunks.push(COMMON.slice(i, i + CHUNK));
  /** @type {(() => void)[]} */
  const steps = [
    // The font's families looked up (a round trip to the browser each) and its sizes set up.
    () => DRAWN_AT.forEach((size) => draw(size, '文')),
    () => layoutCloud(warmUpWords(12), { width: 320, height: 200, shape: 'heart', font }),
    ...[MEASURED_AT, ...DRAWN_AT].flatMap((size) => chunks.map((chunk) => () => draw(size, chunk))),
  ];
  const next = () => {
    steps.shift()?.();
    if (steps.length > 0) idle.add(next);
  };
  idle.add(next);
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
  idle.busy();
  try {
    await ready;
    if (!Object.hasOwn(ACTIONS, action)) {
      throw codedError('unknown_action', { action: String(action) }, `unknown action "${action}"`);
    }
    performance.mark(`wenxi:cloud-worker:${action}:start`);
    const result = ACTIONS[action](...args);
    performance.mark(`wenxi:cloud-worker:${action}:end`);
    // The mask's pixels move rather than copy.
    return { result, transfer: result?.pixels instanceof Uint8Array ? [result.pixels.buffer] : [] };
  } finally {
    idle.idle();
  }
});
