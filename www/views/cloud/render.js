// @ts-check
// Draws a laid-out word cloud into an <svg>: one focusable, clickable <text> per placed word,
// its own text node the word, with a <title> and a hover tooltip. The engine says where each
// piece of a word goes (pen on the alphabetic baseline); a vertical word's characters are
// placed one by one, upright, in a column, and a Latin run in it is turned a quarter clockwise
// glyph by glyph (SVG `rotate`), so the drawing is the layout exactly, text stays text, and
// nothing is ever a rotated line of Chinese. The cloud view and the compare view draw with it.
import { afterFrame, nextSlice, WORDS_PER_FRAME } from './frames.js';
import { CloudLayouter } from './layout.js';
import './render.css';
import { CLOUD_FONT, defaultColor } from './style.js';

/** @typedef {import('./style.js').CloudWord} CloudWord */
/** @typedef {import('./layout.js').CloudLayout} CloudLayout */
/** @typedef {import('../../types/PlacedWord').PlacedWord} PlacedWord */
/**
 * @template {CloudWord} W
 * @typedef {object} DrawOptions
 * @property {string[]} [colors] by index into the words
 * @property {string} [font] the CSS font family list the layout was made with
 * @property {number} [weight]
 * @property {string} [background] a colour, or 'transparent'
 * @property {(word: W) => void} [onWordClick]
 * @property {(word: W, node: SVGTextElement, at: {x: number, y: number} | null) => void} [onWordMenu]
 *   right click, long press, the context-menu key or Shift+F10
 * @property {(word: W) => string} [label] the tooltip's text
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
const LONG_PRESS_MS = 550;

/** The tooltip of a cloud: one element, shared by every word, inside the svg's parent. @param {SVGSVGElement} svg */
function tooltipFor(svg) {
  const box = /** @type {HTMLElement} */ (svg.parentElement);
  let tip = /** @type {HTMLElement | null} */ (box.querySelector(':scope > .cloud-tip'));
  if (!tip) {
    tip = document.createElement('div');
    tip.className = 'cloud-tip';
    tip.setAttribute('role', 'tooltip');
    tip.hidden = true;
    box.append(tip);
  }
  return tip;
}

/** @param {HTMLElement} tip @param {SVGSVGElement} svg @param {Element} node @param {string} text @param {string} detail */
function showTip(tip, svg, node, text, detail) {
  const head = document.createElement('strong');
  head.textContent = text;
  const body = document.createElement('span');
  body.textContent = detail;
  tip.replaceChildren(head, body);
  tip.hidden = false;
  const box = /** @type {HTMLElement} */ (svg.parentElement).getBoundingClientRect();
  const r = node.getBoundingClientRect();
  const tipWidth = tip.offsetWidth;
  const left = Math.min(Math.max(0, r.left - box.left + r.width / 2 - tipWidth / 2), Math.max(0, box.width - tipWidth));
  const above = r.top - box.top - tip.offsetHeight - 6;
  tip.style.left = `${left}px`;
  tip.style.top = `${above >= 0 ? above : r.bottom - box.top + 6}px`;
}

/** @type {CanvasRenderingContext2D | null} */
let measurer = null;
/** The advance of `text` in `font` (a CSS shorthand), for runs of several characters. */
function advance(/** @type {string} */ text, /** @type {string} */ font) {
  measurer ??= /** @type {CanvasRenderingContext2D} */ (document.createElement('canvas').getContext('2d'));
  measurer.font = font;
  return measurer.measureText(text).width;
}

const round = (/** @type {number} */ v) => String(Math.round(v * 100) / 100);

/**
 * Each character's pen position and turn: a piece's first character at the piece's pen, the
 * next ones one advance further along the piece's direction (down, for a turned run).
 * @param {PlacedWord} placed
 * @param {string} font the CSS font shorthand at the word's size
 */
export function characterPlaces(placed, font) {
  /** @type {{x: number, y: number, rotate: number}[]} */
  const places = [];
  for (const piece of placed.pieces) {
    const chars = [...piece.text];
    chars.forEach((_, i) => {
      const along = i === 0 ? 0 : advance(chars.slice(0, i).join(''), font);
      places.push(
        piece.rotated ? { x: piece.x, y: piece.y + along, rotate: 90 } : { x: piece.x + along, y: piece.y, rotate: 0 },
      );
    });
  }
  return places;
}

/**
 * New colours and background for what `drawCloud` drew last, without drawing it again.
 * @param {SVGSVGElement} svg
 * @param {string[]} colors by index into the words
 * @param {string} background a colour, or 'transparent'
 * @returns {boolean} false when the drawing has no such background to change (draw it again)
 */
export function recolorCloud(svg, colors, background) {
  const rect = svg.querySelector(':scope > rect.cloud-background');
  if ((background === 'transparent') !== !rect) return false;
  rect?.setAttribute('fill', background);
  svg.dataset.background = background;
  const drawing = drawings.get(svg);
  if (drawing) drawing.colors = colors; // for the words not drawn yet
  for (const node of svg.querySelectorAll(':scope > text.cloud-word')) {
    const color = colors[Number(/** @type {SVGElement} */ (node).dataset.rank) - 1];
    if (color && node.getAttribute('fill') !== color) node.setAttribute('fill', color);
  }
  return true;
}

/**
 * What an svg shows or is drawing: the words its nodes stand for (by `data-rank`), the
 * callbacks, and the drawing under way. One set of listeners on the svg serves every word.
 * @typedef {object} Drawing
 * @property {CloudWord[]} words
 * @property {string[] | undefined} colors
 * @property {DrawOptions<any>} options
 * @property {(word: any) => string} describe
 * @property {HTMLElement} tip
 * @property {number} generation
 * @property {Promise<boolean>} done true once every word is drawn, false when overtaken
 */
/** @type {WeakMap<SVGSVGElement, Drawing>} */
const drawings = new WeakMap();

/** One word's `<text>`, with its `<title>` and label (no listeners: the svg has them). */
function wordNode(
  /** @type {PlacedWord} */ placed,
  /** @type {CloudWord} */ word,
  /** @type {Drawing} */ drawing,
  /** @type {{font: string, weight: number, en: boolean}} */ { font, weight, en },
) {
  const text = document.createElementNS(SVG_NS, 'text');
  text.classList.add('cloud-word');
  text.setAttribute('font-size', round(placed.size));
  text.setAttribute('fill', drawing.colors?.[placed.index] ?? defaultColor(word));
  text.dataset.orientation = placed.orientation;
  text.dataset.rank = String(placed.index + 1);
  text.dataset.count = String(word.count);
  if (placed.orientation === 'horizontal') {
    text.setAttribute('x', round(placed.pieces[0].x));
    text.setAttribute('y', round(placed.pieces[0].y));
  } else {
    const places = characterPlaces(placed, `${weight} ${placed.size}px ${font}`);
    text.setAttribute('x', places.map((p) => round(p.x)).join(' '));
    text.setAttribute('y', places.map((p) => round(p.y)).join(' '));
    if (places.some((p) => p.rotate)) text.setAttribute('rotate', places.map((p) => p.rotate).join(' '));
  }
  text.setAttribute('tabindex', '0');
  text.setAttribute('role', 'button');
  if (drawing.options.onWordMenu) text.setAttribute('aria-haspopup', 'menu');
  const detail = drawing.describe(word);
  text.setAttribute('aria-label', `${word.text}${en ? ', ' : '，'}${detail}`);
  const title = document.createElementNS(SVG_NS, 'title');
  title.textContent = `${word.text}\n${detail}`;
  text.append(title, document.createTextNode(word.text));
  return text;
}

/**
 * Draws `layout` (of `words`, most important first) into `svg`: the first words at once, the
 * rest a frame at a time ({@link WORDS_PER_FRAME}, then as {@link nextSlice} says), so that no
 * task of the page's thread builds and lays out the whole cloud. A newer drawing, or the svg emptied meanwhile, stops an
 * unfinished one.
 * @template {CloudWord} W
 * @param {SVGSVGElement} svg
 * @param {CloudLayout} layout
 * @param {W[]} words
 * @param {DrawOptions<W>} [options]
 * @returns {Promise<boolean>} true once every word is drawn, false when overtaken
 */
export function drawCloud(svg, layout, words, options = {}) {
  const { colors, font = CLOUD_FONT, weight = 400, background = 'transparent', label } = options;
  const { width, height } = layout;
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
  svg.setAttribute('font-family', font);
  svg.setAttribute('font-weight', String(weight));
  // The exports keep this background (export.js adds white only to drawings without one).
  svg.dataset.background = background;
  const tip = tooltipFor(svg);
  tip.hidden = true;
  if (!drawings.has(svg)) listen(svg);
  const generation = (drawings.get(svg)?.generation ?? 0) + 1;
  /** @type {(complete: boolean) => void} */
  let finish = () => {};
  /** @type {Drawing} */
  const drawing = {
    words,
    colors,
    options,
    describe: label ?? ((w) => `${w.text}：${w.count} / ${w.weight}`),
    tip,
    generation,
    done: new Promise((resolve) => (finish = resolve)),
  };
  drawings.set(svg, drawing);

  /** @type {Element[]} */
  const first = [];
  if (background !== 'transparent') {
    const rect = document.createElementNS(SVG_NS, 'rect');
    rect.setAttribute('width', String(width));
    rect.setAttribute('height', String(height));
    rect.setAttribute('fill', background);
    rect.classList.add('cloud-background');
    first.push(rect);
  }
  const look = { font, weight, en: document.documentElement.lang === 'en' };
  const slice = (/** @type {number} */ from, /** @type {number} */ size) => {
    const nodes = layout.words.slice(from, from + size);
    return nodes.map((placed) => wordNode(placed, words[placed.index], drawing, look));
  };
  svg.replaceChildren(...first, ...slice(0, WORDS_PER_FRAME));
  // The first node drawn: gone from the svg when someone emptied it (stop drawing then).
  const anchor = svg.firstElementChild;
  /** @param {number} from @param {number} last the slice drawn in the last frame (its size, and
   *  when that frame started) */
  const next =
    (from, last, lastStart = NaN) =>
    (/** @type {number} */ frameStart) => {
      if (drawings.get(svg) !== drawing || (anchor && anchor.parentNode !== svg)) return finish(false);
      if (from >= layout.words.length) return finish(true);
      // The first frame's length is not known: the next slice is as big as the first.
      const size = Number.isNaN(lastStart) ? last : nextSlice(last, frameStart - lastStart);
      // Built off the page, then added at once.
      const fragment = document.createDocumentFragment();
      fragment.append(...slice(from, size));
      svg.append(fragment);
      afterFrame(next(from + size, size, frameStart));
    };
  if (layout.words.length <= WORDS_PER_FRAME) finish(true);
  else afterFrame(next(WORDS_PER_FRAME, WORDS_PER_FRAME));
  return drawing.done;
}

/**
 * Resolves once `svg`'s latest drawing is complete (every word in it), for an export; at once
 * when nothing is being drawn.
 * @param {SVGSVGElement} svg
 */
export async function cloudDrawn(svg) {
  for (;;) {
    const drawing = drawings.get(svg);
    if (!drawing || (await drawing.done) || drawings.get(svg) === drawing) return;
  }
}

/** The word a node of the cloud stands for, and its `<text>`. @param {SVGSVGElement} svg @param {EventTarget | null} target */
function wordAt(svg, target) {
  const node = target instanceof Element ? target.closest('text.cloud-word') : null;
  const drawing = drawings.get(svg);
  if (!node || !drawing || !svg.contains(node)) return null;
  const word = drawing.words[Number(/** @type {SVGTextElement} */ (node).dataset.rank) - 1];
  return word ? { word, node: /** @type {SVGTextElement} */ (node), drawing } : null;
}

/**
 * The svg's listeners, for every word it will ever draw: click and Enter (contexts), the
 * menu (right click, long press, the context-menu key, Shift+F10), the tooltip (hover, focus).
 * @param {SVGSVGElement} svg
 */
function listen(svg) {
  let pressed = false;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  /** @type {Element | null} the word the tooltip is about */
  let shown = null;
  svg.addEventListener('click', (event) => {
    const at = wordAt(svg, event.target);
    if (!at || pressed) return; // a long press opened the menu instead
    at.drawing.options.onWordClick?.(at.word);
  });
  svg.addEventListener('keydown', (event) => {
    const at = wordAt(svg, event.target);
    if (!at) return;
    const { onWordClick, onWordMenu } = at.drawing.options;
    if ((event.key === 'Enter' || event.key === ' ') && onWordClick) {
      event.preventDefault();
      onWordClick(at.word);
    } else if (onWordMenu && (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey))) {
      event.preventDefault();
      onWordMenu(at.word, at.node, null);
    }
  });
  svg.addEventListener('contextmenu', (event) => {
    const at = wordAt(svg, event.target);
    const onWordMenu = at?.drawing.options.onWordMenu;
    if (!at || !onWordMenu) return;
    event.preventDefault();
    onWordMenu(at.word, at.node, { x: event.clientX, y: event.clientY });
  });
  svg.addEventListener('pointerdown', (event) => {
    pressed = false;
    const at = wordAt(svg, event.target);
    const onWordMenu = at?.drawing.options.onWordMenu;
    if (!at || !onWordMenu || event.pointerType !== 'touch') return;
    timer = setTimeout(() => {
      pressed = true;
      onWordMenu(at.word, at.node, { x: event.clientX, y: event.clientY });
    }, LONG_PRESS_MS);
  });
  for (const type of ['pointerup', 'pointercancel', 'pointermove'])
    svg.addEventListener(type, () => clearTimeout(timer));
  /** @param {EventTarget | null} target */
  const show = (target) => {
    const at = wordAt(svg, target);
    if (!at || at.node === shown) return;
    shown = at.node;
    showTip(at.drawing.tip, svg, at.node, at.word.text, at.drawing.describe(at.word));
  };
  /** @param {EventTarget | null} to where the pointer or the focus went */
  const hide = (to) => {
    if (shown && wordAt(svg, to)?.node === shown) return;
    shown = null;
    const drawing = drawings.get(svg);
    if (drawing) drawing.tip.hidden = true;
  };
  svg.addEventListener('pointerover', (event) => show(event.target));
  svg.addEventListener('focusin', (event) => show(event.target));
  svg.addEventListener('pointerout', (event) => hide(event.relatedTarget));
  svg.addEventListener('focusout', (event) => hide(event.relatedTarget));
}

/** @type {WeakMap<SVGSVGElement, CloudLayouter>} */
const layouters = new WeakMap();

/**
 * Lays `words` out in the worker and draws them (the compare view's cloud): resolves with the
 * layout once it is all drawn, or null when a newer call for the same svg overtook this one. The svg's
 * `data-state` is `laying-out` from the call until it is `drawn`.
 * @template {CloudWord} W
 * @param {SVGSVGElement} svg
 * @param {W[]} words
 * @param {DrawOptions<W> & {width?: number, height?: number, colorOf?: (word: W, index: number) => string}} [options]
 * @returns {Promise<CloudLayout | null>}
 */
export async function renderCloud(svg, words, options = {}) {
  const width = Math.max(120, Math.round(options.width ?? 800));
  const height = Math.max(120, Math.round(options.height ?? 500));
  let layouter = layouters.get(svg);
  if (!layouter) layouters.set(svg, (layouter = new CloudLayouter()));
  // Set before the first await: whoever sees the new words elsewhere sees this too.
  svg.dataset.state = 'laying-out';
  const layout = await layouter.run(
    words.map((w) => ({ text: w.text, weight: w.weight })),
    { width, height, font: { family: CLOUD_FONT, weight: 400 } },
  );
  if (!layout) return null;
  const colorOf = options.colorOf ?? defaultColor;
  if (!(await drawCloud(svg, layout, words, { ...options, colors: words.map((w, i) => colorOf(w, i)) }))) return null;
  svg.dataset.state = 'drawn';
  return layout;
}

/**
 * Calls `onWidth(width)` (debounced) when `element` is shown at a new width, not while it is
 * hidden (width 0) and not for the small jitters that a scroll bar appearing causes.
 * @param {HTMLElement} element
 * @param {(width: number) => void} onWidth
 */
export function observeWidth(element, onWidth, { delay = 150, threshold = 16 } = {}) {
  // Known from the observer's first report: reading clientWidth here laid the half-built page
  // out (~100 ms of a cold start-up, docs/performance/STARTUP.md).
  let last = -1;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const observer = new ResizeObserver(() => {
    const width = element.clientWidth;
    if (last < 0) return void (last = width);
    if (width === 0 || Math.abs(width - last) < threshold) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      last = element.clientWidth;
      if (last > 0) onWidth(last);
    }, delay);
  });
  observer.observe(element);
  return {
    /** Tells the observer the width that was just rendered, so it is not rendered again. @param {number} width */
    rendered: (width) => (last = width),
    disconnect: () => observer.disconnect(),
  };
}

/** A new, empty cloud drawing: the box (which the tooltip is positioned against) and its svg. */
export function cloudBox(/** @type {string} */ extraClass = '') {
  const svg = /** @type {SVGSVGElement} */ (document.createElementNS(SVG_NS, 'svg'));
  svg.classList.add('cloud-svg');
  svg.setAttribute('role', 'group');
  const box = document.createElement('div');
  box.className = extraClass ? `cloud-box ${extraClass}` : 'cloud-box';
  box.append(svg);
  return { box, svg };
}
