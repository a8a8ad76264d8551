// The co-occurrence network: the top terms as circles (size = frequency, colour = community),
// linked where they occur together, laid out by d3-force, with pan/zoom, draggable nodes,
// exports (PNG, SVG, CSV of the edges, GEXF for Gephi) and the numbers in a table.
import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY } from 'd3-force';
import { select } from 'd3-selection';
import { zoom, zoomIdentity } from 'd3-zoom';
import { drag } from 'd3-drag';
import { csvBlob, downloadBlob, fileName, pngBlob, svgBlob } from '../export.js';
import { numberFormat, onLangChange, registerStrings } from '../i18n.js';
import './network.css';

registerStrings({
  zh: {
    'network.measure': '关联度量',
    'network.measure.count': '共现次数',
    'network.measure.jaccard': 'Jaccard 系数',
    'network.measure.dice': 'Dice 系数',
    'network.measure.npmi': 'NPMI（标准化点互信息）',
    'network.measure.llr': '对数似然比',
    'network.measureShort.count': '共现次数',
    'network.measureShort.jaccard': 'Jaccard',
    'network.measureShort.dice': 'Dice',
    'network.measureShort.npmi': 'NPMI',
    'network.measureShort.llr': '对数似然比',
    'network.unit': '共现单位',
    'network.unit.sentence': '句子',
    'network.unit.window': '窗口',
    'network.window': '窗口大小（词）',
    'network.nodes': '节点数',
    'network.edges': '边数上限',
    'network.minCount': '最小共现次数',
    'network.fit': '适应窗口',
    'network.fit.title': '缩放并平移，使整个网络可见',
    'network.relayout': '重新布局',
    'network.relayout.title': '取消所有固定的节点，重新计算布局',
    'network.export': '导出',
    'network.export.png': 'PNG 图片',
    'network.export.svg': 'SVG 矢量图',
    'network.export.csv': '边 CSV',
    'network.export.gexf': 'GEXF（Gephi）',
    'network.summary.sentence': '{nodes} 个词语 · {edges} 条共现关系 · 按句子统计（{units} 句）· 度量：{measure}',
    'network.summary.window':
      '{nodes} 个词语 · {edges} 条共现关系 · 窗口 {window} 个词（{units} 个词次）· 度量：{measure}',
    'network.hint':
      '圆越大词频越高，颜色表示社群；线越粗关联越强。滚轮缩放，拖动空白处平移；拖动节点可将其固定，双击节点取消固定；点击词语（或按 Enter）查看它的语境。',
    'network.empty.none': '还没有可显示的词语。请添加文档，或放宽筛选条件。',
    'network.empty.edges': '没有达到阈值的共现。可以降低“最小共现次数”、增加节点数，或改用更大的窗口。',
    'network.aria': '词语共现网络：{nodes} 个词语，{edges} 条共现关系',
    'network.node.aria': '{term}：词频 {freq}，出现在 {df} 篇文档中。按 Enter 查看语境',
    'network.node.title': '{term}\n词频：{freq}\n文档数：{df}\n社群：{community}\n点击查看语境',
    'network.edge.title': '{a} — {b}\n{measure}：{score}\n共现次数：{count}',
    'network.table': '数据表',
    'network.table.nodes': '节点（{n}）',
    'network.table.edges': '边（{n}）',
    'network.col.term': '词语',
    'network.col.freq': '词频',
    'network.col.df': '文档数',
    'network.col.community': '社群',
    'network.col.a': '词语 A',
    'network.col.b': '词语 B',
    'network.col.count': '共现次数',
    'network.exported': '已导出 {name}',
    'network.exportFailed': '导出失败：{message}',
  },
  en: {
    'network.measure': 'Measure',
    'network.measure.count': 'Co-occurrence count',
    'network.measure.jaccard': 'Jaccard',
    'network.measure.dice': 'Dice',
    'network.measure.npmi': 'NPMI (normalised PMI)',
    'network.measure.llr': 'Log-likelihood',
    'network.measureShort.count': 'Count',
    'network.measureShort.jaccard': 'Jaccard',
    'network.measureShort.dice': 'Dice',
    'network.measureShort.npmi': 'NPMI',
    'network.measureShort.llr': 'Log-likelihood',
    'network.unit': 'Unit',
    'network.unit.sentence': 'Sentence',
    'network.unit.window': 'Window',
    'network.window': 'Window size (terms)',
    'network.nodes': 'Nodes',
    'network.edges': 'Max. edges',
    'network.minCount': 'Min. co-occurrences',
    'network.fit': 'Fit to view',
    'network.fit.title': 'Zoom and pan so that the whole network is visible',
    'network.relayout': 'Re-layout',
    'network.relayout.title': 'Release every pinned node and lay the network out afresh',
    'network.export': 'Export',
    'network.export.png': 'PNG image',
    'network.export.svg': 'SVG vector',
    'network.export.csv': 'Edges CSV',
    'network.export.gexf': 'GEXF (Gephi)',
    'network.summary.sentence':
      '{nodes} terms · {edges} links · counted per sentence ({units} sentences) · measure: {measure}',
    'network.summary.window':
      '{nodes} terms · {edges} links · window of {window} terms ({units} term tokens) · measure: {measure}',
    'network.hint':
      'Bigger circles are more frequent terms, colours are communities; thicker lines are stronger links. Scroll to zoom, drag the background to pan; drag a node to pin it, double-click it to release; click a term (or press Enter) to see it in context.',
    'network.empty.none': 'No terms to show yet. Add documents or relax the filters.',
    'network.empty.edges':
      'No co-occurrence above the threshold. Lower the minimum count, add nodes, or use a larger window.',
    'network.aria': 'Term co-occurrence network: {nodes} terms, {edges} links',
    'network.node.aria': '{term}: frequency {freq}, in {df} documents. Press Enter to see it in context',
    'network.node.title':
      '{term}\nFrequency: {freq}\nDocuments: {df}\nCommunity: {community}\nClick to see it in context',
    'network.edge.title': '{a} — {b}\n{measure}: {score}\nCo-occurrences: {count}',
    'network.table': 'Data table',
    'network.table.nodes': 'Nodes ({n})',
    'network.table.edges': 'Edges ({n})',
    'network.col.term': 'Term',
    'network.col.freq': 'Frequency',
    'network.col.df': 'Documents',
    'network.col.community': 'Community',
    'network.col.a': 'Term A',
    'network.col.b': 'Term B',
    'network.col.count': 'Count',
    'network.exported': 'Exported {name}',
    'network.exportFailed': 'Export failed: {message}',
  },
});

const SVG_NS = 'http://www.w3.org/2000/svg';
const MEASURES = ['count', 'jaccard', 'dice', 'npmi', 'llr'];
const UNITS = ['sentence', 'window'];
// The Analyzer's defaults (docs/API.md), used when the settings leave a key out.
const DEFAULTS = { unit: 'sentence', window: 5, measure: 'npmi', nodes: 60, maxEdges: 150, minCount: 2 };
const LIMITS = { window: [2, 20], nodes: [10, 150], maxEdges: [10, 400], minCount: [1, 1000] };
const FONT =
  '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif';
// Tableau 10: distinct hues that survive print; communities beyond it (tiny ones) share a grey,
// so that no two communities look alike by accident.
const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#79706e',
];
const OTHER = '#bab0ac';
const EDGE_GREY = '#8c959f';
// Sizes in SVG user units (= CSS px at zoom 1).
const R_MIN = 5;
const R_MAX = 22;
const FONT_MIN = 12;
const FONT_MAX = 17;
const HEIGHT_MIN = 460;
const HEIGHT_MAX = 680;
const DOUBLE_CLICK_MS = 250;

const communityColour = (c) => (c < PALETTE.length ? PALETTE[c] : OTHER);

/** Each node's colour: its community's, or grey for a term linked to nothing (a community of one). */
function nodeColours({ nodes, edges }) {
  const linked = new Array(nodes.length).fill(false);
  for (const e of edges) linked[e.source] = linked[e.target] = true;
  return nodes.map((n, i) => (linked[i] ? communityColour(n.community) : OTHER));
}
const clamp = (v, [lo, hi]) => Math.min(hi, Math.max(lo, v));

/** Score as a person reads it: counts whole, G² with one decimal, the [0,1]/[-1,1] ones with three. */
function formatScore(score, measure) {
  if (measure === 'count') return String(Math.round(score));
  if (measure === 'llr') return score.toFixed(1);
  return score.toFixed(3);
}

/** Rough rendered width of a label in em: CJK and full-width characters are square, the rest about half. */
function labelEms(text) {
  let ems = 0;
  for (const ch of text) ems += /[\u2e80-\uffef]/.test(ch) || ch.codePointAt(0) > 0xffff ? 1 : 0.6;
  return ems;
}

/** Text safe inside XML attributes and elements, with characters XML 1.0 forbids removed. */
export function xmlEscape(value) {
  return (
    String(value)
      // XML 1.0 forbids these control characters: removing them is the point.
      .replace(
        // eslint-disable-next-line no-control-regex
        /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
        '',
      )
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

/** GEXF 1.3 text of a network (as `analysis.network`), with the page's layout and colours if given. */
export function gexfText(network, layout = new Map()) {
  const { nodes, edges, measure, unit } = network;
  const num = (v) => (Number.isFinite(v) ? String(v) : '0');
  const colours = nodeColours(network);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta lastmodifieddate="${new Date().toISOString().slice(0, 10)}">`,
    '    <creator>Wenxi 文析</creator>',
    `    <description>${xmlEscape(`term co-occurrence network; unit: ${unit}; edge weight: ${measure}`)}</description>`,
    '  </meta>',
    '  <graph mode="static" defaultedgetype="undirected">',
    '    <attributes class="node">',
    '      <attribute id="freq" title="freq" type="integer"/>',
    '      <attribute id="docFreq" title="docFreq" type="integer"/>',
    '      <attribute id="community" title="community" type="integer"/>',
    '    </attributes>',
    '    <attributes class="edge">',
    '      <attribute id="count" title="count" type="integer"/>',
    `      <attribute id="measure" title="measure" type="string"><default>${xmlEscape(measure)}</default></attribute>`,
    '    </attributes>',
    '    <nodes>',
  ];
  nodes.forEach((node, i) => {
    lines.push(`      <node id="n${i}" label="${xmlEscape(node.term)}">`);
    lines.push('        <attvalues>');
    lines.push(`          <attvalue for="freq" value="${num(node.freq)}"/>`);
    lines.push(`          <attvalue for="docFreq" value="${num(node.docFreq)}"/>`);
    lines.push(`          <attvalue for="community" value="${num(node.community)}"/>`);
    lines.push('        </attvalues>');
    const colour = colours[i];
    const [r, g, b] = [1, 3, 5].map((k) => parseInt(colour.slice(k, k + 2), 16));
    lines.push(`        <viz:color r="${r}" g="${g}" b="${b}"/>`);
    const place = layout.get(node.term);
    if (place) {
      lines.push(`        <viz:size value="${num(+place.r.toFixed(2))}"/>`);
      // Gephi's y axis points up, the page's down.
      lines.push(`        <viz:position x="${num(+place.x.toFixed(2))}" y="${num(+(-place.y).toFixed(2))}" z="0"/>`);
    }
    lines.push('      </node>');
  });
  lines.push('    </nodes>', '    <edges>');
  edges.forEach((edge, i) => {
    lines.push(
      `      <edge id="e${i}" source="n${edge.source}" target="n${edge.target}" weight="${num(edge.score)}">`,
      `        <attvalues><attvalue for="count" value="${num(edge.count)}"/></attvalues>`,
      '      </edge>',
    );
  });
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'className') node.className = value;
    else if (typeof value === 'boolean') node[key] = value;
    else node.setAttribute(key, value);
  }
  node.append(...children);
  return node;
}

function svgEl(tag, attrs = {}) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  return node;
}

/** How fast a layout that kept most of its positions cools (d3-force's default is ~0.0228). */
const WARM_ALPHA_DECAY = 0.05;

export class NetworkView {
  constructor(container, ctx) {
    this.container = container;
    this.ctx = ctx;
    this.analysis = null;
    this.state = null;
    this.dirty = false;
    this.nodes = []; // simulation nodes of the drawn network
    this.edges = [];
    this.simulation = null;
    // term -> {x, y, pinned}: carried across updates so a slider does not scramble the layout.
    this.positions = new Map();
    this.width = 900;
    this.height = 560;
    this.i18n = []; // [element, key, attribute?] re-labelled on a language switch
    this.build();
    onLangChange(() => this.relabel());
  }

  // ---- DOM, built once -------------------------------------------------------------------

  label(element, key, attribute) {
    this.i18n.push([element, key, attribute]);
    return element;
  }

  build() {
    this.container.classList.add('network-view');

    const measure = el('select', { name: 'measure' });
    for (const m of MEASURES) measure.append(this.label(el('option', { value: m }), `network.measure.${m}`));
    const unit = el('select', { name: 'unit' });
    for (const u of UNITS) unit.append(this.label(el('option', { value: u }), `network.unit.${u}`));
    const windowInput = el('input', { type: 'number', name: 'window', min: '2', max: '20', step: '1' });
    const nodes = el('input', { type: 'range', name: 'nodes', min: '10', max: '150', step: '1' });
    const nodesOut = el('output', { className: 'net-out' });
    const edges = el('input', { type: 'range', name: 'maxEdges', min: '10', max: '400', step: '1' });
    const edgesOut = el('output', { className: 'net-out' });
    const minCount = el('input', { type: 'number', name: 'minCount', min: '1', max: '1000', step: '1' });
    this.controls = { measure, unit, window: windowInput, nodes, maxEdges: edges, minCount };
    this.outputs = { nodes: nodesOut, maxEdges: edgesOut };

    const field = (key, control, ...extra) =>
      el('label', { className: `net-field net-field-${control.name}` }, this.label(el('span'), key), control, ...extra);
    this.windowField = field('network.window', windowInput);
    const toolbar = el(
      'div',
      { className: 'net-toolbar' },
      field('network.measure', measure),
      field('network.unit', unit),
      this.windowField,
      field('network.nodes', nodes, nodesOut),
      field('network.edges', edges, edgesOut),
      field('network.minCount', minCount),
    );

    measure.addEventListener('change', () => this.apply({ measure: measure.value }));
    unit.addEventListener('change', () => {
      this.windowField.hidden = unit.value !== 'window';
      this.apply({ unit: unit.value });
    });
    // Sliders apply while they move (the controller debounces; the latest wins).
    for (const key of ['nodes', 'maxEdges']) {
      this.controls[key].addEventListener('input', () => {
        this.outputs[key].value = this.controls[key].value;
        this.apply({ [key]: clamp(Math.round(+this.controls[key].value), LIMITS[key]) });
      });
    }
    // Number boxes apply on change, so typing "12" does not analyse with 1 first.
    for (const key of ['window', 'minCount']) {
      const input = this.controls[key];
      input.addEventListener('change', () => {
        const value = Math.round(+input.value);
        if (!Number.isFinite(value) || input.value === '') return this.syncControls();
        input.value = String(clamp(value, LIMITS[key]));
        this.apply({ [key]: +input.value });
      });
    }

    const button = (action, key, titleKey) => {
      const b = el('button', { type: 'button', className: 'net-button', dataset: { action } });
      this.label(b, key);
      if (titleKey) this.label(b, titleKey, 'title');
      return b;
    };
    this.buttons = {
      fit: button('fit', 'network.fit', 'network.fit.title'),
      relayout: button('relayout', 'network.relayout', 'network.relayout.title'),
      png: button('png', 'network.export.png'),
      svg: button('svg', 'network.export.svg'),
      csv: button('csv', 'network.export.csv'),
      gexf: button('gexf', 'network.export.gexf'),
    };
    this.buttons.fit.addEventListener('click', () => this.fit());
    this.buttons.relayout.addEventListener('click', () => {
      this.positions.clear();
      this.render();
    });
    for (const kind of ['png', 'svg', 'csv', 'gexf']) {
      this.buttons[kind].addEventListener('click', () => this.export(kind));
    }
    const actions = el(
      'div',
      { className: 'net-actions' },
      this.buttons.fit,
      this.buttons.relayout,
      el(
        'span',
        { className: 'net-export', role: 'group' },
        this.label(el('span', { className: 'net-export-label' }), 'network.export'),
        this.buttons.png,
        this.buttons.svg,
        this.buttons.csv,
        this.buttons.gexf,
      ),
    );

    this.summary = el('p', { className: 'net-summary', 'aria-live': 'polite' });
    this.message = el('p', { className: 'net-empty', role: 'status', hidden: true });

    this.svg = svgEl('svg', { class: 'net-svg', role: 'group', 'font-family': FONT });
    this.viewport = svgEl('g', { class: 'net-viewport' });
    this.edgeLayer = svgEl('g', { class: 'net-edges', 'stroke-linecap': 'round' });
    this.hitLayer = svgEl('g', { class: 'net-hits' });
    this.nodeLayer = svgEl('g', { class: 'net-nodes' });
    this.viewport.append(this.edgeLayer, this.hitLayer, this.nodeLayer);
    this.svg.append(this.viewport);
    this.stage = el('div', { className: 'net-stage' }, this.svg, this.message);

    this.zoom = zoom()
      .scaleExtent([0.1, 8])
      .on('zoom', (event) => this.viewport.setAttribute('transform', event.transform.toString()));
    // Double-click releases a pinned node; it should not also zoom.
    select(this.svg).call(this.zoom).on('dblclick.zoom', null);

    this.hint = this.label(el('p', { className: 'net-hint' }), 'network.hint');

    this.nodeCaption = el('caption');
    this.edgeCaption = el('caption');
    this.nodeTable = el(
      'table',
      { className: 'net-table net-table-nodes' },
      this.nodeCaption,
      el('thead'),
      el('tbody'),
    );
    this.edgeTable = el(
      'table',
      { className: 'net-table net-table-edges' },
      this.edgeCaption,
      el('thead'),
      el('tbody'),
    );
    this.details = el(
      'details',
      { className: 'net-data' },
      this.label(el('summary'), 'network.table'),
      el(
        'div',
        { className: 'net-tables' },
        el('div', { className: 'net-scroll' }, this.nodeTable),
        el('div', { className: 'net-scroll' }, this.edgeTable),
      ),
    );

    this.container.append(toolbar, actions, this.summary, this.stage, this.hint, this.details);
    this.relabel();
    this.syncControls();
  }

  relabel() {
    const t = this.ctx.t;
    for (const [element, key, attribute] of this.i18n) {
      if (attribute) element.setAttribute(attribute, t(key));
      else element.textContent = t(key);
    }
    if (this.analysis) {
      this.renderText();
      this.renderTable();
    }
  }

  apply(patch) {
    this.ctx.setSettings({ network: patch });
  }

  settings() {
    return { ...DEFAULTS, ...(this.state?.settings?.network ?? {}) };
  }

  syncControls() {
    const s = this.settings();
    for (const [key, control] of Object.entries(this.controls)) {
      // Leave the control a person is typing into alone.
      if (document.activeElement === control && control.type === 'number') continue;
      control.value = String(s[key]);
    }
    this.outputs.nodes.value = String(s.nodes);
    this.outputs.maxEdges.value = String(s.maxEdges);
    this.windowField.hidden = s.unit !== 'window';
  }

  // ---- the contract ----------------------------------------------------------------------

  update(analysis, state) {
    this.analysis = analysis;
    this.state = state;
    this.syncControls();
    if (this.isVisible()) this.render();
    else this.dirty = true;
  }

  show() {
    if (!this.dirty) return;
    if (this.isVisible()) this.render();
    // The controller may reveal the section just after calling show().
    else requestAnimationFrame(() => this.dirty && this.render());
  }

  isVisible() {
    return this.container.getClientRects().length > 0;
  }

  // ---- drawing ---------------------------------------------------------------------------

  network() {
    return this.analysis?.network ?? { unit: 'sentence', measure: 'npmi', units: 0, nodes: [], edges: [] };
  }

  render() {
    this.dirty = false;
    this.saveLayout();
    this.simulation?.stop();
    const network = this.network();
    this.renderText();
    this.renderTable();

    const hasNodes = network.nodes.length > 0;
    const hasEdges = network.edges.length > 0;
    this.message.hidden = hasEdges;
    this.message.textContent = hasEdges ? '' : this.ctx.t(hasNodes ? 'network.empty.edges' : 'network.empty.none');
    this.svg.style.display = hasEdges ? '' : 'none';
    this.hint.hidden = !hasEdges;
    for (const kind of ['fit', 'relayout', 'png', 'svg', 'csv']) this.buttons[kind].disabled = !hasEdges;
    this.buttons.gexf.disabled = !hasNodes;
    if (!hasEdges) {
      this.nodes = [];
      this.edges = [];
      this.edgeLayer.replaceChildren();
      this.hitLayer.replaceChildren();
      this.nodeLayer.replaceChildren();
      return;
    }

    this.width = Math.max(320, Math.round(this.stage.clientWidth || 900));
    this.height = Math.round(clamp(this.width * 0.66, [HEIGHT_MIN, HEIGHT_MAX]));
    this.svg.setAttribute('viewBox', `0 0 ${this.width} ${this.height}`);

    this.layout(network);
    this.draw(network);
    this.fit();
  }

  /** Builds simulation nodes and links and settles the layout synchronously. */
  layout(network) {
    const { nodes, edges, measure } = network;
    const sqrtFreq = nodes.map((n) => Math.sqrt(n.freq));
    const [fLo, fHi] = [Math.min(...sqrtFreq), Math.max(...sqrtFreq)];
    const size = (n) => (fHi > fLo ? (Math.sqrt(n.freq) - fLo) / (fHi - fLo) : 0.5);
    // Counts and G² are unbounded and skewed, so their width follows the logarithm.
    const shape = (s) => (measure === 'count' || measure === 'llr' ? Math.log1p(Math.max(0, s)) : s);
    const shaped = edges.map((e) => shape(e.score));
    const [sLo, sHi] = [Math.min(...shaped), Math.max(...shaped)];
    const strength = (s) => (sHi > sLo ? (shape(s) - sLo) / (sHi - sLo) : 0.6);

    const degree = new Array(nodes.length).fill(0);
    for (const e of edges) {
      degree[e.source] += 1;
      degree[e.target] += 1;
    }
    const colours = nodeColours(network);
    let kept = 0;
    this.nodes = nodes.map((n, index) => {
      const k = size(n);
      const r = R_MIN + k * (R_MAX - R_MIN);
      const fontSize = FONT_MIN + k * (FONT_MAX - FONT_MIN);
      const halfLabel = (labelEms(n.term) * fontSize) / 2;
      const node = {
        ...n,
        index,
        r,
        fontSize,
        halfLabel,
        degree: degree[index],
        colour: colours[index],
        // The label hangs below the circle, so the footprint is taller than the circle.
        collide: Math.max(r + 3, halfLabel + 2, (2 * r + fontSize) / 2 + 3),
      };
      const before = this.positions.get(n.term);
      if (before) {
        kept += 1;
        node.x = before.x;
        node.y = before.y;
        if (before.pinned) {
          node.fx = before.x;
          node.fy = before.y;
        }
      }
      return node;
    });
    this.edges = edges.map((e, i) => ({ ...e, index: i, w: strength(e.score), source: e.source, target: e.target }));

    // A new term starts next to its strongest neighbour that kept its place, not in the middle.
    if (kept > 0) {
      for (const e of [...this.edges].sort((a, b) => b.w - a.w)) {
        const [a, b] = [this.nodes[e.source], this.nodes[e.target]];
        const [from, to] = a.x === undefined ? [b, a] : [a, b];
        if (from.x !== undefined && to.x === undefined) {
          const angle = (to.index * 2.399) % (2 * Math.PI); // golden angle: spread, deterministic
          to.x = from.x + Math.cos(angle) * (from.collide + to.collide);
          to.y = from.y + Math.sin(angle) * (from.collide + to.collide);
        }
      }
    }

    const aspect = this.width / this.height;
    const simulation = forceSimulation(this.nodes)
      .stop()
      .force(
        'link',
        forceLink(this.edges)
          .distance((e) => 24 + (1 - e.w) * 60 + e.source.collide + e.target.collide)
          .strength((e) => (0.25 + 0.75 * e.w) / Math.max(1, Math.min(e.source.degree, e.target.degree))),
      )
      .force(
        'charge',
        forceManyBody()
          .strength((n) => -40 - 4 * n.r)
          .distanceMax(500),
      )
      // Weak pulls to the middle keep separate components and lone terms in view; the stronger
      // vertical one spreads the network to the landscape canvas.
      .force('x', forceX(0).strength(0.04 / Math.sqrt(aspect)))
      .force('y', forceY(0).strength(0.04 * Math.sqrt(aspect)))
      .force('collide', forceCollide((n) => n.collide).iterations(2))
      .force('center', forceCenter(0, 0));
    // Settle before the first paint (deterministic: d3-force seeds its own random source). A
    // network that kept most of its positions only needs a gentle adjustment.
    // Cooling twice as fast from there halves the ticks (and most of an update's time), and a
    // layout that starts settled does not need the slow cooling a fresh one does.
    const warm = kept >= this.nodes.length / 2;
    const alpha = warm ? 0.3 : 1;
    const defaultDecay = simulation.alphaDecay();
    simulation.alpha(alpha).alphaDecay(warm ? WARM_ALPHA_DECAY : defaultDecay);
    const ticks = Math.ceil(Math.log(simulation.alphaMin() / alpha) / Math.log(1 - simulation.alphaDecay()));
    simulation.tick(ticks);
    simulation.alphaDecay(defaultDecay);
    // Centring shifts every node each tick; while a node is dragged that would make the rest
    // drift, so after the first layout the weak x/y pulls alone keep the network in place.
    simulation.force('center', null);
    simulation.on('tick', () => this.paint());
    this.simulation = simulation;
    this.measure = measure;
  }

  draw(network) {
    const t = this.ctx.t;
    const nf = numberFormat();
    const { measure } = network;
    this.svg.setAttribute('aria-label', t('network.aria', { nodes: this.nodes.length, edges: this.edges.length }));

    this.edgeLayer.replaceChildren();
    this.hitLayer.replaceChildren();
    this.nodeLayer.replaceChildren();
    this.edgeEls = [];
    this.hitEls = [];
    this.nodeEls = [];
    this.neighbours = this.nodes.map(() => new Set());

    // Weakest first, so the strong links are drawn on top.
    const order = [...this.edges].sort((a, b) => a.w - b.w);
    for (const e of order) {
      this.neighbours[e.source.index].add(e.target.index);
      this.neighbours[e.target.index].add(e.source.index);
      const same = e.source.community === e.target.community;
      const line = svgEl('line', {
        class: 'net-edge',
        stroke: same ? e.source.colour : EDGE_GREY,
        'stroke-width': (0.8 + 4.2 * e.w).toFixed(2),
        'stroke-opacity': (0.3 + 0.5 * e.w).toFixed(2),
      });
      // A wide invisible twin takes the pointer: a 1-px line is hard to hover.
      const hit = svgEl('line', { class: 'net-hit', stroke: '#000', 'stroke-opacity': 0, 'stroke-width': 10 });
      hit.dataset.edge = String(e.index);
      const title = svgEl('title');
      hit.append(title);
      hit.addEventListener('pointerenter', () => this.highlightEdge(e));
      hit.addEventListener('pointerleave', () => this.clearHighlight());
      e.el = line;
      e.hit = hit;
      e.title = title;
      this.edgeLayer.append(line);
      this.hitLayer.append(hit);
    }

    for (const n of this.nodes) {
      const g = svgEl('g', { class: 'net-node', tabindex: 0, role: 'button' });
      g.dataset.term = n.term;
      const circle = svgEl('circle', { r: n.r.toFixed(2), fill: n.colour, stroke: '#ffffff', 'stroke-width': 1.5 });
      const text = svgEl('text', {
        class: 'net-label',
        'text-anchor': 'middle',
        y: (n.r + n.fontSize * 0.95).toFixed(1),
        'font-size': n.fontSize.toFixed(1),
        'font-family': FONT,
        fill: '#1f2328',
        stroke: '#ffffff',
        'stroke-width': 3,
        'stroke-linejoin': 'round',
        'paint-order': 'stroke',
      });
      text.textContent = n.term;
      const title = svgEl('title');
      g.append(circle, text, title);
      if (n.fx !== undefined && n.fx !== null) g.classList.add('is-pinned');
      n.el = g;
      n.title = title;
      g.addEventListener('pointerenter', () => this.highlightNode(n));
      g.addEventListener('pointerleave', () => this.clearHighlight());
      g.addEventListener('focus', () => this.highlightNode(n));
      g.addEventListener('blur', () => this.clearHighlight());
      // A click opens the contexts only once it is clear it is not the start of the double-click
      // that releases a pinned node.
      g.addEventListener('click', (event) => {
        clearTimeout(this.clickTimer);
        if (event.detail > 1) return;
        this.clickTimer = setTimeout(() => this.ctx.showContexts(n.term), event.detail === 1 ? DOUBLE_CLICK_MS : 0);
      });
      g.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          this.ctx.showContexts(n.term);
        }
      });
      g.addEventListener('dblclick', (event) => {
        event.stopPropagation();
        clearTimeout(this.clickTimer);
        n.fx = null;
        n.fy = null;
        g.classList.remove('is-pinned');
        this.simulation.alpha(0.2).restart();
      });
      this.nodeLayer.append(g);
    }
    // Nodes are appended in the Analyzer's order (most frequent first), which is also the Tab
    // order. d3-drag needs each element's datum, bound here in the same order.
    select(this.nodeLayer)
      .selectAll('g.net-node')
      .data(this.nodes)
      .call(
        drag()
          .clickDistance(4)
          // A press without a move is a click: it must not pin the node or stir the layout.
          .on('start', (event, n) => {
            n.moved = false;
          })
          .on('drag', (event, n) => {
            if (!n.moved) {
              n.moved = true;
              this.simulation.alphaTarget(0.3).restart();
            }
            n.fx = event.x;
            n.fy = event.y;
          })
          .on('end', (event, n) => {
            if (!n.moved) return;
            if (!event.active) this.simulation.alphaTarget(0);
            // Dropped nodes stay where they were put, until double-clicked.
            n.el.classList.add('is-pinned');
          }),
      );
    this.renderTitles(measure, nf);
    this.paint();
  }

  renderTitles(measure = this.measure, nf = numberFormat()) {
    const t = this.ctx.t;
    const measureName = t(`network.measureShort.${measure}`);
    for (const n of this.nodes) {
      const vars = { term: n.term, freq: nf.format(n.freq), df: nf.format(n.docFreq), community: n.community };
      n.title.textContent = t('network.node.title', vars);
      n.el.setAttribute('aria-label', t('network.node.aria', vars));
    }
    for (const e of this.edges) {
      e.title.textContent = t('network.edge.title', {
        a: e.source.term,
        b: e.target.term,
        measure: measureName,
        score: formatScore(e.score, measure),
        count: nf.format(e.count),
      });
    }
  }

  paint() {
    for (const e of this.edges) {
      for (const line of [e.el, e.hit]) {
        line.setAttribute('x1', e.source.x.toFixed(1));
        line.setAttribute('y1', e.source.y.toFixed(1));
        line.setAttribute('x2', e.target.x.toFixed(1));
        line.setAttribute('y2', e.target.y.toFixed(1));
      }
    }
    for (const n of this.nodes) n.el.setAttribute('transform', `translate(${n.x.toFixed(1)},${n.y.toFixed(1)})`);
  }

  /** Zooms so the whole network (labels included) fills the canvas. */
  fit() {
    if (this.nodes.length === 0) return;
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const n of this.nodes) {
      const half = Math.max(n.r, n.halfLabel);
      x0 = Math.min(x0, n.x - half);
      x1 = Math.max(x1, n.x + half);
      y0 = Math.min(y0, n.y - n.r);
      y1 = Math.max(y1, n.y + n.r + n.fontSize * 1.3);
    }
    const pad = 16;
    const k = Math.min(
      2,
      (this.width - 2 * pad) / Math.max(1, x1 - x0),
      (this.height - 2 * pad) / Math.max(1, y1 - y0),
    );
    const transform = zoomIdentity
      .translate(this.width / 2 - (k * (x0 + x1)) / 2, this.height / 2 - (k * (y0 + y1)) / 2)
      .scale(k);
    select(this.svg).call(this.zoom.transform, transform);
  }

  saveLayout() {
    for (const n of this.nodes) {
      this.positions.set(n.term, { x: n.x, y: n.y, pinned: n.fx !== undefined && n.fx !== null });
    }
  }

  highlightNode(n) {
    this.svg.classList.add('is-focused');
    n.el.classList.add('is-hl', 'is-hover');
    for (const i of this.neighbours[n.index]) this.nodes[i].el.classList.add('is-hl');
    for (const e of this.edges) {
      if (e.source === n || e.target === n) e.el.classList.add('is-hl');
    }
  }

  highlightEdge(e) {
    this.svg.classList.add('is-focused');
    e.el.classList.add('is-hl');
    e.source.el.classList.add('is-hl');
    e.target.el.classList.add('is-hl');
  }

  clearHighlight() {
    this.svg.classList.remove('is-focused');
    for (const node of this.svg.querySelectorAll('.is-hl')) node.classList.remove('is-hl', 'is-hover');
  }

  // ---- text and tables -------------------------------------------------------------------

  renderText() {
    const t = this.ctx.t;
    const nf = numberFormat();
    const network = this.network();
    const s = this.settings();
    this.summary.textContent = network.nodes.length
      ? t(`network.summary.${network.unit === 'window' ? 'window' : 'sentence'}`, {
          nodes: nf.format(network.nodes.length),
          edges: nf.format(network.edges.length),
          units: nf.format(network.units ?? 0),
          window: s.window,
          measure: t(`network.measureShort.${network.measure}`),
        })
      : '';
    if (!this.message.hidden) {
      this.message.textContent = t(network.nodes.length ? 'network.empty.edges' : 'network.empty.none');
    }
    if (this.nodes.length) {
      this.renderTitles(network.measure, nf);
      this.svg.setAttribute('aria-label', t('network.aria', { nodes: this.nodes.length, edges: this.edges.length }));
    }
  }

  renderTable() {
    const t = this.ctx.t;
    const nf = numberFormat();
    const network = this.network();
    const { nodes, edges, measure } = network;
    const colours = nodeColours(network);
    const head = (table, keys) => {
      const tr = el('tr');
      for (const [text, num] of keys) tr.append(el('th', { scope: 'col', className: num ? 'num' : '' }, text));
      table.tHead.replaceChildren(tr);
    };
    const cell = (text, className = '') => el('td', { className }, String(text));

    this.nodeCaption.textContent = t('network.table.nodes', { n: nf.format(nodes.length) });
    head(this.nodeTable, [
      [t('network.col.term')],
      [t('network.col.freq'), true],
      [t('network.col.df'), true],
      [t('network.col.community'), true],
    ]);
    this.nodeTable.tBodies[0].replaceChildren(
      ...nodes.map((n, i) => {
        const swatch = el('span', { className: 'net-swatch', 'aria-hidden': 'true' });
        swatch.style.background = colours[i];
        const community = el('td', { className: 'num' }, swatch, String(n.community));
        return el(
          'tr',
          {},
          cell(n.term, 'term'),
          cell(nf.format(n.freq), 'num'),
          cell(nf.format(n.docFreq), 'num'),
          community,
        );
      }),
    );

    this.edgeCaption.textContent = t('network.table.edges', { n: nf.format(edges.length) });
    head(this.edgeTable, [
      [t('network.col.a')],
      [t('network.col.b')],
      [t('network.col.count'), true],
      [t(`network.measureShort.${measure}`), true],
    ]);
    this.edgeTable.tBodies[0].replaceChildren(
      ...edges.map((e) =>
        el(
          'tr',
          {},
          cell(nodes[e.source]?.term ?? '', 'term'),
          cell(nodes[e.target]?.term ?? '', 'term'),
          cell(nf.format(e.count), 'num'),
          cell(formatScore(e.score, measure), 'num score'),
        ),
      ),
    );
  }

  // ---- exports ---------------------------------------------------------------------------

  async export(kind) {
    const network = this.network();
    try {
      let name;
      let blob;
      if (kind === 'png') {
        name = fileName('network', 'png');
        blob = await pngBlob(this.svg, 2);
      } else if (kind === 'svg') {
        name = fileName('network', 'svg');
        blob = svgBlob(this.svg);
      } else if (kind === 'csv') {
        name = fileName('network-edges', 'csv');
        blob = csvBlob(
          ['source', 'target', 'count', 'score', 'measure'],
          network.edges.map((e) => [
            network.nodes[e.source]?.term ?? '',
            network.nodes[e.target]?.term ?? '',
            e.count,
            e.score,
            network.measure,
          ]),
        );
      } else {
        name = fileName('network', 'gexf');
        const layout = new Map(this.nodes.map((n) => [n.term, { x: n.x, y: n.y, r: n.r }]));
        blob = new Blob([gexfText(network, layout)], { type: 'application/gexf+xml' });
      }
      downloadBlob(name, blob);
    } catch (err) {
      this.ctx.notify(this.ctx.t('network.exportFailed', { message: err?.message ?? String(err) }), 'error');
    }
  }
}
