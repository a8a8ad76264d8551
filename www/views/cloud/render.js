// @ts-check
// Draws a word cloud into an <svg>: lays the words out (layout.js), then one focusable,
// clickable <text> per placed word, with a <title> and a hover tooltip. The cloud view and the
// compare view's keyness cloud both draw with it.
import { layoutCloud } from './layout.js';
import './render.css';
import { CLOUD_FONT, defaultColor } from './style.js';

/** @typedef {import('./style.js').CloudWord} CloudWord */
/** @typedef {import('./layout.js').CloudLayout} CloudLayout */
/**
 * @template {CloudWord} W
 * @typedef {object} RenderOptions
 * @property {(word: W) => void} [onWordClick]
 * @property {number} [width]
 * @property {number} [height]
 * @property {(word: W, index: number) => string} [colorOf]
 * @property {(word: W) => string} [label] the tooltip's text
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

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

/**
 * @param {HTMLElement} tip
 * @param {SVGSVGElement} svg
 * @param {Element} node
 * @param {CloudWord} word
 * @param {string} detail
 */
function showTip(tip, svg, node, word, detail) {
  const head = document.createElement('strong');
  head.textContent = word.text;
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

/**
 * Lays out and draws `words` (most important first) into `svg`. Returns the layout.
 * @template {CloudWord} W
 * @param {SVGSVGElement} svg
 * @param {W[]} words
 * @param {RenderOptions<W>} [options]
 * @returns {CloudLayout}
 */
export function renderCloud(
  svg,
  words,
  { onWordClick, width = 800, height = 500, colorOf = defaultColor, label } = {},
) {
  width = Math.max(120, Math.round(width));
  height = Math.max(120, Math.round(height));
  const layout = layoutCloud(words, width, height);
  const describe = label ?? ((w) => `${w.text}：${w.count} / ${w.weight}`);

  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
  svg.setAttribute('font-family', CLOUD_FONT);
  const tip = tooltipFor(svg);
  tip.hidden = true;

  // Centre the words' bounding box in the view: d3-cloud starts from a random point.
  const b = layout.bounds;
  const dx = b ? width / 2 - (b[0].x + b[1].x) / 2 : 0;
  const dy = b ? height / 2 - (b[0].y + b[1].y) / 2 : 0;
  const group = document.createElementNS(SVG_NS, 'g');
  group.setAttribute('font-family', CLOUD_FONT);
  group.setAttribute('transform', `translate(${Math.round(width / 2 + dx)},${Math.round(height / 2 + dy)})`);

  for (const d of layout.placed) {
    const word = words[d.index];
    const text = document.createElementNS(SVG_NS, 'text');
    text.classList.add('cloud-word');
    text.setAttribute('text-anchor', 'middle');
    text.setAttribute('transform', `translate(${d.x},${d.y})${d.rotate ? ` rotate(${d.rotate})` : ''}`);
    text.setAttribute('font-size', String(Math.round(d.size)));
    text.setAttribute('fill', colorOf(word, d.index));
    text.setAttribute('tabindex', '0');
    text.setAttribute('role', 'button');
    text.dataset.rank = String(d.index + 1);
    text.dataset.count = String(word.count);
    const detail = describe(word);
    text.setAttribute('aria-label', `${word.text}${document.documentElement.lang === 'en' ? ', ' : '，'}${detail}`);
    const title = document.createElementNS(SVG_NS, 'title');
    title.textContent = `${word.text}\n${detail}`;
    text.append(title, document.createTextNode(word.text));
    if (onWordClick) {
      text.addEventListener('click', () => onWordClick(word));
      text.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onWordClick(word);
        }
      });
    }
    const show = () => showTip(tip, svg, text, word, detail);
    const hide = () => (tip.hidden = true);
    text.addEventListener('pointerenter', show);
    text.addEventListener('focus', show);
    text.addEventListener('pointerleave', hide);
    text.addEventListener('blur', hide);
    group.append(text);
  }
  svg.replaceChildren(group);
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
