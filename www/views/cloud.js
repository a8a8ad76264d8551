// The word cloud (词云): the top terms of the analysis, sized by the keyword weight the user
// picks. `renderCloud` lays out and draws any [{text, weight, count}] list into an <svg>; the
// compare view uses it too, for its keyness cloud.
import cloud from 'd3-cloud';
import { downloadBlob, fileName, pngBlob, svgBlob } from '../export.js';
import { numberFormat, onLangChange, registerStrings } from '../i18n.js';
import './cloud.css';
import { h } from './shared.js';

registerStrings({
  zh: {
    'cloud.weight': '权重',
    'cloud.weight.freq': '频次',
    'cloud.weight.tfidf': 'TF-IDF',
    'cloud.weight.tfidfCorpus': 'TF-IDF（语料 IDF）',
    'cloud.weight.textrank': 'TextRank',
    'cloud.count': '词数',
    'cloud.exportPng': '导出 PNG',
    'cloud.exportSvg': '导出 SVG',
    'cloud.aria': '词云：字越大，权重越高。点击一个词查看它的语境。',
    'cloud.tipFreq': '频次 {count}',
    'cloud.empty': '没有可以显示的词。请添加文档，或放宽左侧的筛选条件。',
    'cloud.dropped': '版面放不下 {dropped} 个权重较低的词，它们仍列在下方的数据表中。',
    'cloud.numbers': '数据表',
    'cloud.rank': '排名',
    'cloud.term': '词语',
    'cloud.freq': '频次',
    'cloud.inCloud': '在词云中',
    'cloud.yes': '是',
    'cloud.no': '否（放不下）',
    'cloud.exportFailed': '导出失败：{message}',
  },
  en: {
    'cloud.weight': 'Weight',
    'cloud.weight.freq': 'Frequency',
    'cloud.weight.tfidf': 'TF-IDF',
    'cloud.weight.tfidfCorpus': 'TF-IDF (corpus IDF)',
    'cloud.weight.textrank': 'TextRank',
    'cloud.count': 'Words',
    'cloud.exportPng': 'Export PNG',
    'cloud.exportSvg': 'Export SVG',
    'cloud.aria': 'Word cloud: the larger the word, the higher its weight. Click a word to see its contexts.',
    'cloud.tipFreq': 'frequency {count}',
    'cloud.empty': 'No words to show. Add documents, or relax the filters on the left.',
    'cloud.dropped': '{dropped} lower-weight words did not fit; they are still listed in the table below.',
    'cloud.numbers': 'Numbers',
    'cloud.rank': 'Rank',
    'cloud.term': 'Term',
    'cloud.freq': 'Frequency',
    'cloud.inCloud': 'In the cloud',
    'cloud.yes': 'yes',
    'cloud.no': 'no (did not fit)',
    'cloud.exportFailed': 'Export failed: {message}',
  },
});

/** System CJK fonts only (nothing may be fetched); the same stack for layout and drawing. */
export const CLOUD_FONT =
  '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif';

// Categorical colours, each at least 4.5:1 against white so small words stay readable.
const PALETTE = ['#1f5fa8', '#b3261e', '#2b7a3d', '#7b3fa0', '#a14f00', '#00707a', '#8a5a2b', '#b0185a', '#4a5a8c'];

const WEIGHTS = ['freq', 'tfidf', 'tfidfCorpus', 'textrank'];
const COUNTS = [50, 100, 150];
const MUST_PLACE = 30; // the top words that shrinking guarantees a place
const MAX_ATTEMPTS = 12;
const SVG_NS = 'http://www.w3.org/2000/svg';

/** A stable small hash of a string (FNV-1a), for seeds and colours. */
function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a tiny seeded generator, so the same words always give the same cloud. */
function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const defaultColor = (word) => PALETTE[hash(word.text) % PALETTE.length];

/** Font sizes (px) by weight: a square-root scale from `min` to `max`. */
function fontSizes(words, min, max) {
  const weights = words.map((w) => Math.max(0, w.weight));
  const lo = Math.min(...weights);
  const hi = Math.max(...weights);
  return weights.map((w) => (hi > lo ? min + (max - min) * Math.sqrt((w - lo) / (hi - lo)) : (min + max) / 2));
}

/**
 * What d3-cloud measured of a word at a size and angle: its bitmap and box. Drawing words on a
 * 2048² canvas and reading the pixels back is most of a layout's time, and a settings change or
 * a retry at a smaller scale asks for most of the same words at the same sizes again.
 */
const spriteCache = new Map();
const SPRITE_CACHE_LIMIT = 4000;
const SPRITE_FIELDS = ['sprite', 'width', 'height', 'x0', 'x1', 'y0', 'y1'];
const spriteKey = (text, size, rotate) => `${size}|${rotate}|${text}`;

/** One canvas for every layout (d3-cloud would allocate a new 2048² one per run). */
let layoutCanvas = null;
const canvasForLayout = () => (layoutCanvas ??= document.createElement('canvas'));

/** One d3-cloud run; synchronous because timeInterval is left at Infinity. */
function runLayout(words, sizes, rotations, width, height, seed) {
  let result = { placed: [], bounds: null };
  const input = words.map((w, i) => {
    // d3-cloud truncates sizes to whole pixels; so does the cache key.
    const d = { text: w.text, size: sizes[i], rotate: rotations[i], index: i };
    const known = spriteCache.get(spriteKey(w.text, Math.trunc(sizes[i]), rotations[i]));
    if (known) Object.assign(d, known, { hasText: true });
    return d;
  });
  const remember = (d) => {
    // The first bitmap of a word at a size stays: d3-cloud draws sprites in batches, and the
    // same word drawn elsewhere in a batch can come out a pixel different, which would give
    // the same words another layout after a round trip through other settings.
    const key = spriteKey(d.text, d.size, d.rotate);
    if (spriteCache.has(key)) return;
    if (spriteCache.size >= SPRITE_CACHE_LIMIT) spriteCache.clear();
    const entry = {};
    for (const field of SPRITE_FIELDS) entry[field] = d[field];
    spriteCache.set(key, entry);
  };
  cloud()
    .canvas(canvasForLayout)
    .size([width, height])
    .words(input)
    .padding(2)
    .font(CLOUD_FONT)
    .fontSize((d) => d.size)
    .rotate((d) => d.rotate)
    .spiral('archimedean')
    .random(seededRandom(seed))
    // Placed words still have their bitmap here (d3-cloud deletes it before 'end').
    .on('word', (d) => d.sprite && remember(d))
    .on('end', (placed, bounds) => (result = { placed, bounds }))
    .start();
  return result;
}

/**
 * Lays out `words` ([{text, weight, count}], most important first) in a width × height box.
 * d3-cloud silently drops words that do not fit, so when any of the top words is missing the
 * whole cloud is shrunk and laid out again. Returns {placed, bounds, dropped, fontMax}.
 */
export function layoutCloud(words, width, height) {
  if (!words.length) return { placed: [], bounds: null, dropped: [], fontMax: 0 };
  // Bigger containers get bigger type, up to 72 px for the first word.
  let max = Math.max(24, Math.min(72, Math.round(Math.min(width / 9, height / 5))));
  let min = max >= 48 ? 12 : 10;
  const seed = hash(words.map((w) => w.text).join('\u0001'));
  const pick = seededRandom(seed ^ 0x9e3779b9);
  // Mostly horizontal; some smaller words upright (90°). Big words stay horizontal to read.
  const rotations = words.map((_, i) => (i >= 5 && pick() < 0.18 ? 90 : 0));

  // Start near a size that can fit: CJK glyphs are about square, and a cloud fills ~60% of its box.
  const area = (sizes) => sizes.reduce((sum, s, i) => sum + s * s * Math.max(1, [...words[i].text].length) * 1.15, 0);
  const room = width * height * 0.6;
  const need = area(fontSizes(words, min, max));
  if (need > room) {
    // Only the large end shrinks: smaller small words would save little room and not be read.
    const k = Math.max(0.35, Math.sqrt(room / need));
    max = Math.max(min + 8, max * k);
  }

  // A long word can never be wider than the box, whatever the scale says; nor stand upright
  // taller than it (then it lies down).
  const chars = words.map((w) => Math.max(1, [...w.text].length));
  const fit = (sizes) => sizes.map((s, i) => Math.min(s, (width * 0.92) / (chars[i] * 1.05)));
  const turn = (sizes) =>
    rotations.map((r, i) => (r && sizes[i] <= sizes[0] * 0.5 && chars[i] * sizes[i] * 1.05 < height * 0.8 ? r : 0));

  const must = Math.min(MUST_PLACE, words.length);
  let best = null;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const sizes = fit(fontSizes(words, min, max));
    const { placed, bounds } = runLayout(words, sizes, turn(sizes), width, height, seed);
    const at = new Set(placed.map((d) => d.index));
    let topPlaced = 0;
    while (topPlaced < must && at.has(topPlaced)) topPlaced++;
    best = { placed, bounds, at, fontMax: max };
    // Done when all the top words and nearly all the others are in.
    if (topPlaced === must && placed.length >= Math.ceil(words.length * 0.9)) break;
    max = Math.max(8, max * 0.85);
    min = Math.min(max, Math.max(6, min * 0.92));
  }
  const dropped = words.filter((_, i) => !best.at.has(i));
  return { placed: best.placed, bounds: best.bounds, dropped, fontMax: best.fontMax };
}

/** The tooltip of a cloud: one element, shared by every word, inside the svg's parent. */
function tooltipFor(svg) {
  const box = svg.parentElement;
  let tip = box.querySelector(':scope > .cloud-tip');
  if (!tip) {
    tip = document.createElement('div');
    tip.className = 'cloud-tip';
    tip.setAttribute('role', 'tooltip');
    tip.hidden = true;
    box.append(tip);
  }
  return tip;
}

function showTip(tip, svg, node, word, detail) {
  const head = document.createElement('strong');
  head.textContent = word.text;
  const body = document.createElement('span');
  body.textContent = detail;
  tip.replaceChildren(head, body);
  tip.hidden = false;
  const box = svg.parentElement.getBoundingClientRect();
  const r = node.getBoundingClientRect();
  const tipWidth = tip.offsetWidth;
  const left = Math.min(Math.max(0, r.left - box.left + r.width / 2 - tipWidth / 2), Math.max(0, box.width - tipWidth));
  const above = r.top - box.top - tip.offsetHeight - 6;
  tip.style.left = `${left}px`;
  tip.style.top = `${above >= 0 ? above : r.bottom - box.top + 6}px`;
}

/**
 * Lays out and draws `words` ([{text, weight, count}], most important first) into `svg` as
 * <text> elements: focusable, clickable (Enter too), with a <title> and a hover tooltip.
 * Options: onWordClick(word), width, height, colorOf(word, index), label(word) → tooltip text.
 * Returns the layout ({placed, dropped, ...}).
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
 */
export function observeWidth(element, onWidth, { delay = 150, threshold = 16 } = {}) {
  let last = element.clientWidth;
  let timer = null;
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
    /** Tells the observer the width that was just rendered, so it is not rendered again. */
    rendered: (width) => (last = width),
    disconnect: () => observer.disconnect(),
  };
}

/** The height of a cloud for a container `width` wide: wide, but never a strip. */
export const cloudHeight = (width) => Math.round(Math.min(640, Math.max(320, width * 0.6)));

export class CloudView {
  #ctx;
  #analysis = null;
  #state = null;
  #count = 100;
  #renderedKey = null;
  #dirty = false;
  #layout = null;
  #resize;

  constructor(container, ctx) {
    this.container = container;
    this.#ctx = ctx;
    container.classList.add('cloud-view');

    this.weightLabel = h('span');
    this.weightSelect = h('select', { name: 'weight' });
    for (const w of WEIGHTS) this.weightSelect.append(h('option', { value: w }));
    this.weightSelect.addEventListener('change', () => {
      ctx.setSettings({ keywordWeight: this.weightSelect.value });
    });

    this.countLabel = h('span');
    this.countSelect = h('select', { name: 'count' });
    for (const n of COUNTS) this.countSelect.append(h('option', { value: String(n) }, String(n)));
    this.countSelect.value = String(this.#count);
    this.countSelect.addEventListener('change', () => {
      this.#count = Number(this.countSelect.value);
      this.#render();
    });

    this.pngButton = h('button', { type: 'button', dataset: { action: 'export-png' } });
    this.svgButton = h('button', { type: 'button', dataset: { action: 'export-svg' } });
    this.pngButton.addEventListener('click', () => this.#export('png'));
    this.svgButton.addEventListener('click', () => this.#export('svg'));

    const toolbar = h(
      'div',
      { class: 'cloud-toolbar' },
      h('label', {}, this.weightLabel, this.weightSelect),
      h('label', {}, this.countLabel, this.countSelect),
      h('span', { class: 'cloud-spacer' }),
      this.pngButton,
      this.svgButton,
    );

    this.note = h('p', { class: 'cloud-note', hidden: true });
    this.svg = document.createElementNS(SVG_NS, 'svg');
    this.svg.classList.add('cloud-svg');
    this.svg.setAttribute('role', 'group');
    this.box = h('div', { class: 'cloud-box' }, this.svg);

    this.numbersSummary = h('summary');
    this.numbersHead = h('thead');
    this.numbersBody = h('tbody');
    this.numbers = h(
      'details',
      { class: 'cloud-numbers' },
      this.numbersSummary,
      h('div', { class: 'cloud-table-scroll' }, h('table', { class: 'data' }, this.numbersHead, this.numbersBody)),
    );

    container.append(toolbar, this.note, this.box, this.numbers);
    this.#resize = observeWidth(this.box, () => this.#render());
    this.#label();
    onLangChange(() => {
      this.#label();
      this.#renderedKey = null; // tooltips and the table are in the old language
      this.#render();
    });
  }

  update(analysis, state) {
    this.#analysis = analysis;
    this.#state = state;
    const weight = state?.settings?.keywordWeight;
    if (WEIGHTS.includes(weight)) this.weightSelect.value = weight;
    this.#render();
  }

  show() {
    if (this.#dirty || this.box.clientWidth !== this.#lastWidth) this.#render();
  }

  #lastWidth = 0;

  // The section, not the box: the box itself is hidden while there are no words.
  get #visible() {
    return this.container.clientWidth > 0;
  }

  #weightField() {
    const weight = this.#state?.settings?.keywordWeight;
    return WEIGHTS.includes(weight) ? weight : 'freq';
  }

  /** The top terms by the chosen weight, as cloud words. */
  #pickWords() {
    const field = this.#weightField();
    const terms = [...(this.#analysis?.terms ?? [])];
    // The analysis orders by the same weight; sort again so a mismatch cannot break the cloud.
    terms.sort((a, b) => (b[field] ?? 0) - (a[field] ?? 0) || b.freq - a.freq);
    return terms
      .filter((t) => (t[field] ?? 0) > 0)
      .slice(0, this.#count)
      .map((t) => ({ text: t.term, weight: t[field], count: t.freq }));
  }

  #label() {
    const t = this.#ctx.t;
    this.weightLabel.textContent = t('cloud.weight');
    for (const option of this.weightSelect.options) option.textContent = t(`cloud.weight.${option.value}`);
    this.countLabel.textContent = t('cloud.count');
    this.pngButton.textContent = t('cloud.exportPng');
    this.svgButton.textContent = t('cloud.exportSvg');
    this.svg.setAttribute('aria-label', t('cloud.aria'));
    this.numbersSummary.textContent = t('cloud.numbers');
  }

  #formatWeight(value, field) {
    if (field === 'freq') return numberFormat().format(value);
    return new Intl.NumberFormat(this.#ctx.lang() === 'en' ? 'en-US' : 'zh-CN', {
      maximumSignificantDigits: 4,
    }).format(value);
  }

  #render() {
    // Hidden: remember to draw when shown (update() must stay cheap then).
    if (!this.#visible) {
      this.#dirty = true;
      return;
    }
    this.#dirty = false;
    const t = this.#ctx.t;
    const field = this.#weightField();
    const words = this.#pickWords();
    this.box.hidden = words.length === 0;
    const width = this.box.clientWidth;
    const height = cloudHeight(width);
    const key = `${field}|${width}x${height}|${words.map((w) => `${w.text}:${w.weight}`).join(',')}`;
    if (key === this.#renderedKey) return;
    this.#renderedKey = key;
    this.#lastWidth = width;
    this.#resize.rendered(width);

    const empty = words.length === 0;
    this.pngButton.disabled = empty;
    this.svgButton.disabled = empty;
    if (empty) {
      this.svg.replaceChildren();
      this.#layout = null;
      this.note.textContent = t('cloud.empty');
      this.note.hidden = false;
      this.#fillTable(words, field, new Set());
      return;
    }

    const weightName = t(`cloud.weight.${field}`);
    this.#layout = renderCloud(this.svg, words, {
      width,
      height,
      onWordClick: (word) => this.#ctx.showContexts(word.text),
      label: (w) =>
        field === 'freq'
          ? t('cloud.tipFreq', { count: numberFormat().format(w.count) })
          : `${t('cloud.tipFreq', { count: numberFormat().format(w.count) })} · ${weightName} ${this.#formatWeight(w.weight, field)}`,
    });
    const dropped = new Set(this.#layout.dropped.map((w) => w.text));
    this.note.hidden = dropped.size === 0;
    this.note.textContent = dropped.size ? t('cloud.dropped', { dropped: dropped.size }) : '';
    this.#fillTable(words, field, dropped);
  }

  #fillTable(words, field, dropped) {
    const t = this.#ctx.t;
    const th = (text, cls) => h('th', { scope: 'col', ...(cls ? { class: cls } : {}) }, text);
    this.numbersHead.replaceChildren(
      h(
        'tr',
        {},
        th(t('cloud.rank'), 'num'),
        th(t('cloud.term')),
        th(t('cloud.freq'), 'num'),
        // By frequency the weight is the frequency: one column is enough.
        ...(field === 'freq' ? [] : [th(t(`cloud.weight.${field}`), 'num')]),
        th(t('cloud.inCloud')),
      ),
    );
    this.numbersBody.replaceChildren(
      ...words.map((w, i) =>
        h(
          'tr',
          dropped.has(w.text) ? { class: 'cloud-dropped' } : {},
          h('td', { class: 'num' }, String(i + 1)),
          h('td', { class: 'term' }, w.text),
          h('td', { class: 'num' }, numberFormat().format(w.count)),
          ...(field === 'freq' ? [] : [h('td', { class: 'num' }, this.#formatWeight(w.weight, field))]),
          h('td', {}, dropped.has(w.text) ? t('cloud.no') : t('cloud.yes')),
        ),
      ),
    );
  }

  async #export(kind) {
    if (!this.#layout) return;
    try {
      const field = this.#weightField();
      const name = fileName(`wordcloud-${field}`, kind);
      downloadBlob(name, kind === 'png' ? await pngBlob(this.svg, 2) : svgBlob(this.svg));
    } catch (err) {
      this.#ctx.notify(this.#ctx.t('cloud.exportFailed', { message: err?.message ?? String(err) }), 'error');
    }
  }
}
