// @ts-check
// The co-occurrence network (共现网络): the top terms as circles (size = frequency, colour =
// community), linked where they occur together, with its settings, pan/zoom, draggable nodes,
// exports (PNG, SVG, CSV of the edges, GEXF for Gephi) and the numbers in a table. The layout is
// simulation.js, the picture canvas.js, the tables table.js; this file wires them to the page.
import { DEFAULT_SETTINGS } from '../../defaults.js';
import { csvBlob, downloadBlob, fileName, pngBlob, svgBlob } from '../../export.js';
import { numberFormat, onLangChange } from '../../i18n.js';
import { h } from '../shared.js';
import { NetworkCanvas } from './canvas.js';
import { gexfText } from './gexf.js';
import './network.css';
import { layoutNetwork } from './simulation.js';
import { NetworkTables } from './table.js';

/** @typedef {import('./style.js').Network} Network */
/** @typedef {import('./simulation.js').Position} Position */
/** @typedef {import('../shared.js').ViewContext} ViewContext */
/** @typedef {import('../shared.js').ViewState} ViewState */
/** @typedef {'measure' | 'unit' | 'window' | 'nodes' | 'maxEdges' | 'minCount'} Control */

const MEASURES = ['count', 'jaccard', 'dice', 'npmi', 'llr'];
const UNITS = ['sentence', 'window'];
/** @type {Record<'window' | 'nodes' | 'maxEdges' | 'minCount', [number, number]>} */
const LIMITS = { window: [2, 20], nodes: [10, 150], maxEdges: [10, 400], minCount: [1, 1000] };
const HEIGHT_MIN = 460;
const HEIGHT_MAX = 680;
/** @type {Network} */
const NO_NETWORK = { unit: 'sentence', measure: 'npmi', units: 0, nodes: [], edges: [] };

/** @param {number} v @param {[number, number]} range */
const clamp = (v, [lo, hi]) => Math.min(hi, Math.max(lo, v));

export class NetworkView {
  /** @param {HTMLElement} container @param {ViewContext} ctx */
  constructor(container, ctx) {
    this.container = container;
    this.ctx = ctx;
    /** @type {{network?: Network} | null} */
    this.analysis = null;
    /** @type {ViewState | null} */
    this.state = null;
    this.dirty = false;
    // term -> {x, y, pinned}: carried across updates so a slider does not scramble the layout.
    /** @type {Map<string, Position>} */
    this.positions = new Map();
    /** @type {[Element, string, string?][]} element, string key, attribute: re-labelled on a language switch */
    this.i18n = [];
    this.canvas = new NetworkCanvas({ onOpen: (term) => ctx.showContexts(term) });
    this.tables = new NetworkTables();
    this.label(this.tables.summary, 'network.table');
    this.controls = this.#controls();
    this.outputs = { nodes: h('output', { class: 'net-out' }), maxEdges: h('output', { class: 'net-out' }) };
    this.windowField = this.#field('network.window', 'window');
    this.buttons = this.#buttons();
    this.summary = h('p', { class: 'net-summary', 'aria-live': 'polite' });
    this.message = h('p', { class: 'net-empty', role: 'status', hidden: true });
    this.stage = h('div', { class: 'net-stage' }, this.canvas.svg, this.message);
    // Fingers pinch and drag where a mouse scrolls and drags.
    const touch = matchMedia('(pointer: coarse)').matches;
    this.hint = this.label(h('p', { class: 'net-hint' }), touch ? 'network.hintTouch' : 'network.hint');
    this.#build();
    onLangChange(() => this.relabel());
  }

  // ---- DOM, built once -------------------------------------------------------------------

  /** @template {Element} E @param {E} element @param {string} key @param {string} [attribute] */
  label(element, key, attribute) {
    this.i18n.push([element, key, attribute]);
    return element;
  }

  /** The settings' controls, named as the settings they change. */
  #controls() {
    const select = (/** @type {string} */ name, /** @type {string[]} */ values, /** @type {string} */ prefix) =>
      h('select', { name }, ...values.map((v) => this.label(h('option', { value: v }), `${prefix}.${v}`)));
    const number = (/** @type {string} */ name, /** @type {[number, number]} */ [min, max], type = 'number') =>
      h('input', { type, name, min: String(min), max: String(max), step: '1' });
    /** @type {Record<Control, HTMLInputElement | HTMLSelectElement>} */
    const controls = {
      measure: select('measure', MEASURES, 'network.measure'),
      unit: select('unit', UNITS, 'network.unit'),
      window: number('window', LIMITS.window),
      nodes: number('nodes', LIMITS.nodes, 'range'),
      maxEdges: number('maxEdges', LIMITS.maxEdges, 'range'),
      minCount: number('minCount', LIMITS.minCount),
    };
    return controls;
  }

  /** A control under its label. @param {string} key @param {Control} name @param {Node[]} extra */
  #field(key, name, ...extra) {
    return h(
      'label',
      { class: `net-field net-field-${name}` },
      this.label(h('span'), key),
      this.controls[name],
      ...extra,
    );
  }

  #buttons() {
    const button = (/** @type {string} */ action, /** @type {string} */ key, /** @type {string} */ titleKey = '') => {
      const b = this.label(h('button', { type: 'button', class: 'net-button', dataset: { action } }), key);
      if (titleKey) this.label(b, titleKey, 'title');
      return b;
    };
    return {
      fit: button('fit', 'network.fit', 'network.fit.title'),
      relayout: button('relayout', 'network.relayout', 'network.relayout.title'),
      png: button('png', 'network.export.png'),
      svg: button('svg', 'network.export.svg'),
      csv: button('csv', 'network.export.csv'),
      gexf: button('gexf', 'network.export.gexf'),
    };
  }

  #build() {
    this.container.classList.add('network-view');
    const toolbar = h(
      'div',
      { class: 'net-toolbar' },
      this.#field('network.measure', 'measure'),
      this.#field('network.unit', 'unit'),
      this.windowField,
      this.#field('network.nodes', 'nodes', this.outputs.nodes),
      this.#field('network.edges', 'maxEdges', this.outputs.maxEdges),
      this.#field('network.minCount', 'minCount'),
    );
    this.#listen();
    this.buttons.fit.addEventListener('click', () => this.canvas.fit());
    this.buttons.relayout.addEventListener('click', () => {
      this.positions.clear();
      this.render();
    });
    for (const kind of /** @type {const} */ (['png', 'svg', 'csv', 'gexf'])) {
      this.buttons[kind].addEventListener('click', () => this.export(kind));
    }
    const { fit, relayout, png, svg, csv, gexf } = this.buttons;
    const exportLabel = this.label(h('span', { class: 'net-export-label' }), 'network.export');
    const actions = h(
      'div',
      { class: 'net-actions' },
      fit,
      relayout,
      h('span', { class: 'net-export', role: 'group' }, exportLabel, png, svg, csv, gexf),
    );
    this.container.append(toolbar, actions, this.summary, this.stage, this.hint, this.tables.element);
    this.relabel();
    this.syncControls();
  }

  #listen() {
    const { measure, unit } = this.controls;
    measure.addEventListener('change', () => this.apply({ measure: measure.value }));
    unit.addEventListener('change', () => {
      this.windowField.hidden = unit.value !== 'window';
      this.apply({ unit: unit.value });
    });
    // Sliders apply while they move (the controller debounces; the latest wins).
    for (const key of /** @type {const} */ (['nodes', 'maxEdges'])) {
      this.controls[key].addEventListener('input', () => {
        this.outputs[key].value = this.controls[key].value;
        this.apply({ [key]: clamp(Math.round(+this.controls[key].value), LIMITS[key]) });
      });
    }
    // Number boxes apply on change, so typing "12" does not analyse with 1 first.
    for (const key of /** @type {const} */ (['window', 'minCount'])) {
      const input = this.controls[key];
      input.addEventListener('change', () => {
        const value = Math.round(+input.value);
        if (!Number.isFinite(value) || input.value === '') return this.syncControls();
        input.value = String(clamp(value, LIMITS[key]));
        this.apply({ [key]: +input.value });
      });
    }
  }

  relabel() {
    const t = this.ctx.t;
    for (const [element, key, attribute] of this.i18n) {
      if (attribute) element.setAttribute(attribute, t(key));
      else element.textContent = t(key);
    }
    if (this.analysis) {
      this.renderText();
      this.tables.update(this.network(), t, numberFormat());
    }
  }

  /** @param {Record<string, unknown>} patch */
  apply(patch) {
    this.ctx.setSettings({ network: patch });
  }

  /** The network settings, the defaults filling in what the state leaves out. */
  settings() {
    return { ...DEFAULT_SETTINGS.network, ...(this.state?.settings?.network ?? {}) };
  }

  syncControls() {
    const s = this.settings();
    for (const [key, control] of Object.entries(this.controls)) {
      // Leave the control a person is typing into alone.
      if (document.activeElement === control && control.type === 'number') continue;
      control.value = String(s[/** @type {Control} */ (key)]);
    }
    this.outputs.nodes.value = String(s.nodes);
    this.outputs.maxEdges.value = String(s.maxEdges);
    this.windowField.hidden = s.unit !== 'window';
  }

  // ---- the contract ----------------------------------------------------------------------

  /** @param {{network?: Network}} analysis @param {ViewState} state */
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

  /** @returns {Network} */
  network() {
    return this.analysis?.network ?? NO_NETWORK;
  }

  render() {
    this.dirty = false;
    this.saveLayout();
    const network = this.network();
    this.renderText({ titles: false });
    this.tables.update(network, this.ctx.t, numberFormat());

    const hasNodes = network.nodes.length > 0;
    const hasEdges = network.edges.length > 0;
    this.message.hidden = hasEdges;
    this.message.textContent = hasEdges ? '' : this.ctx.t(hasNodes ? 'network.empty.edges' : 'network.empty.none');
    this.canvas.svg.style.display = hasEdges ? '' : 'none';
    this.hint.hidden = !hasEdges;
    for (const kind of /** @type {const} */ (['fit', 'relayout', 'png', 'svg', 'csv'])) {
      this.buttons[kind].disabled = !hasEdges;
    }
    this.buttons.gexf.disabled = !hasNodes;
    if (!hasEdges) {
      this.canvas.clear();
      return;
    }

    const width = Math.max(320, Math.round(this.stage.clientWidth || 900));
    const height = Math.round(clamp(width * 0.66, [HEIGHT_MIN, HEIGHT_MAX]));
    this.canvas.resize(width, height);
    const { nodes, edges, simulation } = layoutNetwork(network, { positions: this.positions, width, height });
    this.canvas.draw(nodes, edges, simulation);
    this.canvas.renderTitles(network.measure, this.ctx.t, numberFormat());
    this.#labelSvg();
    this.canvas.fit();
  }

  /** Remembers where every drawn term is (and whether it is pinned) for the next layout. */
  saveLayout() {
    for (const n of this.canvas.nodes) {
      this.positions.set(n.term, { x: n.x, y: n.y, pinned: n.fx !== undefined && n.fx !== null });
    }
  }

  #labelSvg() {
    const { nodes, edges } = this.canvas;
    this.canvas.svg.setAttribute(
      'aria-label',
      this.ctx.t('network.aria', { nodes: nodes.length, edges: edges.length }),
    );
  }

  /** The summary, the message and (unless a redraw follows) the tooltips, in the current language. */
  renderText({ titles = true } = {}) {
    const t = this.ctx.t;
    const nf = numberFormat();
    const network = this.network();
    this.summary.textContent = network.nodes.length
      ? t(`network.summary.${network.unit === 'window' ? 'window' : 'sentence'}`, {
          nodes: nf.format(network.nodes.length),
          edges: nf.format(network.edges.length),
          units: nf.format(network.units ?? 0),
          window: this.settings().window,
          measure: t(`network.measureShort.${network.measure}`),
        })
      : '';
    if (!this.message.hidden) {
      this.message.textContent = t(network.nodes.length ? 'network.empty.edges' : 'network.empty.none');
    }
    if (titles && this.canvas.nodes.length) {
      this.canvas.renderTitles(network.measure, t, nf);
      this.#labelSvg();
    }
  }

  // ---- exports ---------------------------------------------------------------------------

  /** @param {'png' | 'svg' | 'csv' | 'gexf'} kind */
  async export(kind) {
    const network = this.network();
    const svg = /** @type {SVGSVGElement} */ (this.canvas.svg);
    try {
      let name;
      let blob;
      if (kind === 'png') {
        name = fileName('network', 'png');
        blob = await pngBlob(svg, 2);
      } else if (kind === 'svg') {
        name = fileName('network', 'svg');
        blob = svgBlob(svg);
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
        const layout = new Map(this.canvas.nodes.map((n) => [n.term, { x: n.x, y: n.y, r: n.r }]));
        blob = new Blob([gexfText(network, layout)], { type: 'application/gexf+xml' });
      }
      downloadBlob(name, blob);
    } catch (/** @type {any} */ err) {
      this.ctx.notify(this.ctx.t('network.exportFailed', { message: this.ctx.errorText(err) }), 'error');
    }
  }
}
