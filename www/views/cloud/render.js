// @ts-check
// Draws a laid-out word cloud into an <svg>: one focusable, clickable <text> per placed word,
// its own text node the word, with a <title> and a hover tooltip. The engine says where each
// piece of a word goes (pen on the alphabetic baseline); a vertical word's characters are
// placed one by one, upright, in a column, and a Latin run in it is turned a quarter clockwise
// glyph by glyph (SVG `rotate`), so the drawing is the layout exactly, text stays text, and
// nothing is ever a rotated line of Chinese. The cloud view and the compare view draw with it.
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
  for (const node of svg.querySelectorAll(':scope > text.cloud-word')) {
    const color = colors[Number(/** @type {SVGElement} */ (node).dataset.rank) - 1];
    if (color && node.getAttribute('fill') !== color) node.setAttribute('fill', color);
  }
  return true;
}

/**
 * Draws `layout` (of `words`, most important first) into `svg`.
 * @template {CloudWord} W
 * @param {SVGSVGElement} svg
 * @param {CloudLayout} layout
 * @param {W[]} words
 * @param {DrawOptions<W>} [options]
 */
export function drawCloud(svg, layout, words, options = {}) {
  const { colors, font = CLOUD_FONT, weight = 400, background = 'transparent' } = options;
  const { onWordClick, onWordMenu, label } = options;
  const { width, height } = layout;
  const describe = label ?? ((w) => `${w.text}：${w.count} / ${w.weight}`);
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
  svg.setAttribute('font-family', font);
  svg.setAttribute('font-weight', String(weight));
  // The exports keep this background (export.js adds white only to drawings without one).
  svg.dataset.background = background;
  const tip = tooltipFor(svg);
  tip.hidden = true;

  /** @type {Element[]} */
  const children = [];
  if (background !== 'transparent') {
    const rect = document.createElementNS(SVG_NS, 'rect');
    rect.setAttribute('width', String(width));
    rect.setAttribute('height', String(height));
    rect.setAttribute('fill', background);
    rect.classList.add('cloud-background');
    children.push(rect);
  }
  const en = document.documentElement.lang === 'en';
  for (const placed of layout.words) {
    const word = words[placed.index];
    const text = document.createElementNS(SVG_NS, 'text');
    text.classList.add('cloud-word');
    text.setAttribute('font-size', round(placed.size));
    text.setAttribute('fill', colors?.[placed.index] ?? defaultColor(word));
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
    if (onWordMenu) text.setAttribute('aria-haspopup', 'menu');
    const detail = describe(word);
    text.setAttribute('aria-label', `${word.text}${en ? ', ' : '，'}${detail}`);
    const title = document.createElementNS(SVG_NS, 'title');
    title.textContent = `${word.text}\n${detail}`;
    text.append(title, document.createTextNode(word.text));
    wire(text, word, { onWordClick, onWordMenu, show: () => showTip(tip, svg, text, word.text, detail), tip });
    children.push(text);
  }
  svg.replaceChildren(...children);
}

/**
 * @template {CloudWord} W
 * @param {SVGTextElement} text
 * @param {W} word
 * @param {{onWordClick?: (word: W) => void, onWordMenu?: DrawOptions<W>['onWordMenu'], show: () => void, tip: HTMLElement}} handlers
 */
function wire(text, word, { onWordClick, onWordMenu, show, tip }) {
  let pressed = false;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  text.addEventListener('click', () => {
    if (pressed) return; // a long press opened the menu instead
    onWordClick?.(word);
  });
  text.addEventListener('keydown', (event) => {
    if ((event.key === 'Enter' || event.key === ' ') && onWordClick) {
      event.preventDefault();
      onWordClick(word);
    } else if (onWordMenu && (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey))) {
      event.preventDefault();
      onWordMenu(word, text, null);
    }
  });
  if (onWordMenu) {
    text.addEventListener('contextmenu', (event) => {
      event.preventDefault();
      onWordMenu(word, text, { x: event.clientX, y: event.clientY });
    });
    text.addEventListener('pointerdown', (event) => {
      pressed = false;
      if (event.pointerType !== 'touch') return;
      timer = setTimeout(() => {
        pressed = true;
        onWordMenu(word, text, { x: event.clientX, y: event.clientY });
      }, LONG_PRESS_MS);
    });
    for (const type of ['pointerup', 'pointercancel', 'pointermove'])
      text.addEventListener(type, () => clearTimeout(timer));
  }
  const hide = () => (tip.hidden = true);
  text.addEventListener('pointerenter', show);
  text.addEventListener('focus', show);
  text.addEventListener('pointerleave', hide);
  text.addEventListener('blur', hide);
}

/** @type {WeakMap<SVGSVGElement, CloudLayouter>} */
const layouters = new WeakMap();

/**
 * Lays `words` out in the worker and draws them (the compare view's cloud): resolves with the
 * layout, or null when a newer call for the same svg overtook this one. The svg's
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
  drawCloud(svg, layout, words, { ...options, colors: words.map((w, i) => colorOf(w, i)) });
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
  let last = element.clientWidth;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const observer = new ResizeObserver(() => {
    const width = element.clientWidth;
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
