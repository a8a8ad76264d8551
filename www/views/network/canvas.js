// @ts-check
// The network's picture: an <svg> with pan/zoom, one <line> per link (and a wide invisible twin
// that takes the pointer), one focusable group per term, draggable. Drawn with keyed joins
// (terms by name, links by their pair of terms), so an update moves and restyles the elements
// that stay instead of rebuilding every node and edge.
import { drag } from 'd3-drag';
import { select } from 'd3-selection';
import { zoom, zoomIdentity } from 'd3-zoom';
import { EDGE_GREY, FONT, formatScore, pairKey } from './style.js';

/** @typedef {import('./simulation.js').SimNode} SimNode */
/** @typedef {import('./simulation.js').SimEdge} SimEdge */
/** @typedef {(key: string, vars?: import('../../i18n.js').Vars) => string} Translate */

const SVG_NS = 'http://www.w3.org/2000/svg';
const DOUBLE_CLICK_MS = 250;

/** @param {string} tag @param {Record<string, string | number>} [attrs] */
function svgEl(tag, attrs = {}) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  return node;
}

/** Sets an attribute only when it changes: an update leaves what stayed the same untouched. */
function setAttr(/** @type {Element} */ node, /** @type {string} */ name, /** @type {string} */ value) {
  if (node.getAttribute(name) !== value) node.setAttribute(name, value);
}

/** @param {Node} node @param {string} text */
function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

/** @param {SimEdge} e */
const edgeKey = (e) => pairKey(e.source.term, e.target.term);
/** @param {SimNode} n */
const isPinned = (n) => n.fx !== undefined && n.fx !== null;

export class NetworkCanvas {
  /** @param {{onOpen: (term: string) => void}} options `onOpen(term)`: a term was clicked or Enter pressed. */
  constructor({ onOpen }) {
    this.onOpen = onOpen;
    /** @type {SimNode[]} */
    this.nodes = [];
    /** @type {SimEdge[]} */
    this.edges = [];
    /** @type {Set<number>[]} */
    this.neighbours = [];
    /** @type {any} d3-force's simulation of the drawn nodes */
    this.simulation = null;
    this.width = 900;
    this.height = 560;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.clickTimer = undefined;
    /** @type {{term: string} | {edge: string} | null} what the pointer or the focus lights up */
    this.lit = null;

    this.svg = svgEl('svg', { class: 'net-svg', role: 'group', 'font-family': FONT });
    this.viewport = svgEl('g', { class: 'net-viewport' });
    this.edgeLayer = svgEl('g', { class: 'net-edges', 'stroke-linecap': 'round' });
    this.hitLayer = svgEl('g', { class: 'net-hits' });
    this.nodeLayer = svgEl('g', { class: 'net-nodes' });
    this.viewport.append(this.edgeLayer, this.hitLayer, this.nodeLayer);
    this.svg.append(this.viewport);

    // Wheel, drag on the background and (on a touch screen) pinch and one-finger pan.
    this.zoom = zoom()
      .scaleExtent([0.1, 8])
      .on('zoom', (event) => this.viewport.setAttribute('transform', event.transform.toString()));
    // Double-click releases a pinned node; it should not also zoom.
    select(this.svg).call(this.zoom).on('dblclick.zoom', null);

    this.drag = drag()
      .clickDistance(4)
      // Two fingers are a pinch, for the zoom, even where one of them lands on a term.
      .filter((event) => !event.ctrlKey && !event.button && !(event.touches?.length > 1))
      // A press without a move is a click: it must not pin the node or stir the layout.
      .on('start', (_event, /** @type {SimNode} */ n) => {
        n.moved = false;
        n.pinch = false;
        n.before = [n.fx, n.fy];
      })
      .on('drag', (event, /** @type {SimNode} */ n) => {
        // A second finger came down: this finger is half of a pinch (the zoom's), not a drag.
        if (n.pinch || event.sourceEvent?.touches?.length > 1) {
          n.pinch = true;
          [n.fx, n.fy] = n.before ?? [null, null];
          return;
        }
        if (!n.moved) {
          n.moved = true;
          this.simulation.alphaTarget(0.3).restart();
        }
        n.fx = event.x;
        n.fy = event.y;
      })
      .on('end', (event, /** @type {SimNode} */ n) => {
        if (!n.moved) return;
        if (!event.active) this.simulation.alphaTarget(0);
        // Dropped nodes stay where they were put, until double-clicked.
        if (!n.pinch) n.el.classList.add('is-pinned');
      });
  }

  /** Sets the drawing's size in user units (= CSS px at zoom 1). */
  resize(/** @type {number} */ width, /** @type {number} */ height) {
    this.width = width;
    this.height = height;
    setAttr(this.svg, 'viewBox', `0 0 ${width} ${height}`);
  }

  /**
   * Draws the laid-out `nodes` and `edges` (simulation.js), reusing the elements of the terms
   * and links that were drawn before, and follows the simulation's ticks from now on.
   * @param {SimNode[]} nodes
   * @param {SimEdge[]} edges
   * @param {any} simulation
   */
  draw(nodes, edges, simulation) {
    const lit = this.lit;
    this.clearHighlight();
    this.simulation?.stop().on('tick', null);
    this.simulation = simulation;
    this.nodes = nodes;
    this.edges = edges;
    this.neighbours = nodes.map(() => new Set());
    for (const e of edges) {
      this.neighbours[e.source.index].add(e.target.index);
      this.neighbours[e.target.index].add(e.source.index);
    }
    // Weakest first, so the strong links are drawn on top.
    const order = [...edges].sort((a, b) => a.w - b.w);
    this.#joinEdges(order);
    this.#joinHits(order);
    this.#joinNodes(nodes);
    simulation?.on('tick', () => this.paint());
    this.paint();
    // The pointer (or the focus) is still on the element it was on, which stayed: light it again.
    const node = lit && 'term' in lit && nodes.find((n) => n.term === lit.term);
    const edge = lit && 'edge' in lit && edges.find((e) => edgeKey(e) === lit.edge);
    if (node) this.highlightNode(node);
    else if (edge) this.highlightEdge(edge);
  }

  /** Removes every node and edge. */
  clear() {
    this.draw([], [], null);
  }

  /** @param {SimEdge[]} order */
  #joinEdges(order) {
    select(this.edgeLayer)
      .selectAll('line.net-edge')
      .data(order, edgeKey)
      .join((enter) => enter.append('line').attr('class', 'net-edge'))
      .each(
        /** @this {Element} */ function (/** @type {SimEdge} */ e) {
          const same = e.source.community === e.target.community;
          setAttr(this, 'stroke', same ? e.source.colour : EDGE_GREY);
          setAttr(this, 'stroke-width', (0.8 + 4.2 * e.w).toFixed(2));
          setAttr(this, 'stroke-opacity', (0.3 + 0.5 * e.w).toFixed(2));
          e.el = this;
        },
      )
      .order();
  }

  /** A wide invisible twin of every link takes the pointer: a 1-px line is hard to hover. */
  #joinHits(/** @type {SimEdge[]} */ order) {
    select(this.hitLayer)
      .selectAll('line.net-hit')
      .data(order, edgeKey)
      .join((enter) => {
        const hit = enter
          .append('line')
          .attr('class', 'net-hit')
          .attr('stroke', '#000')
          .attr('stroke-opacity', 0)
          .attr('stroke-width', 10);
        hit.append('title');
        return hit
          .on('pointerenter', (_event, /** @type {SimEdge} */ e) => this.highlightEdge(e))
          .on('pointerleave', () => this.clearHighlight());
      })
      .each(
        /** @this {Element} */ function (/** @type {SimEdge} */ e) {
          setAttr(this, 'data-edge', String(e.index));
          e.hit = this;
          e.title = /** @type {Node} */ (this.firstChild);
        },
      )
      .order();
  }

  /**
   * The terms in the Analyzer's order (most frequent first), which is also the Tab order.
   * @param {SimNode[]} nodes
   */
  #joinNodes(nodes) {
    select(this.nodeLayer)
      .selectAll('g.net-node')
      .data(nodes, (/** @type {SimNode} */ n) => n.term)
      .join((enter) => this.#enterNodes(enter))
      .each(
        /** @this {Element} */ function (/** @type {SimNode} */ n) {
          const [circle, text, title] = this.children;
          setAttr(circle, 'r', n.r.toFixed(2));
          setAttr(circle, 'fill', n.colour);
          setAttr(text, 'y', (n.r + n.fontSize * 0.95).toFixed(1));
          setAttr(text, 'font-size', n.fontSize.toFixed(1));
          this.classList.toggle('is-pinned', isPinned(n));
          n.el = this;
          n.title = title;
        },
      )
      .order();
  }

  /** New terms: a circle, a label below it and a tooltip; hover, focus, click, keys and drag. */
  #enterNodes(enter) {
    const g = enter
      .append('g')
      .attr('class', 'net-node')
      .attr('tabindex', 0)
      .attr('role', 'button')
      .attr('data-term', (/** @type {SimNode} */ n) => n.term);
    g.append('circle')
      .attr('r', (n) => n.r.toFixed(2))
      .attr('fill', (n) => n.colour)
      .attr('stroke', '#ffffff')
      .attr('stroke-width', 1.5);
    g.append('text')
      .attr('class', 'net-label')
      .attr('text-anchor', 'middle')
      .attr('y', (n) => (n.r + n.fontSize * 0.95).toFixed(1))
      .attr('font-size', (n) => n.fontSize.toFixed(1))
      .attr('font-family', FONT)
      .attr('fill', '#1f2328')
      .attr('stroke', '#ffffff')
      .attr('stroke-width', 3)
      .attr('stroke-linejoin', 'round')
      .attr('paint-order', 'stroke')
      .text((n) => n.term);
    g.append('title');
    return (
      g
        .on('pointerenter focus', (_event, n) => this.highlightNode(n))
        .on('pointerleave blur', () => this.clearHighlight())
        // A click opens the contexts only once it is clear it is not the start of the
        // double-click that releases a pinned node.
        .on('click', (event, n) => {
          clearTimeout(this.clickTimer);
          if (event.detail > 1) return;
          this.clickTimer = setTimeout(() => this.onOpen(n.term), event.detail === 1 ? DOUBLE_CLICK_MS : 0);
        })
        .on('keydown', (event, n) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            this.onOpen(n.term);
          }
        })
        .on('dblclick', (event, n) => {
          event.stopPropagation();
          clearTimeout(this.clickTimer);
          n.fx = null;
          n.fy = null;
          event.currentTarget.classList.remove('is-pinned');
          this.simulation.alpha(0.2).restart();
        })
        .call(this.drag)
    );
  }

  /**
   * Tooltips and accessible names, in the current language.
   * @param {string} measure
   * @param {Translate} t
   * @param {Intl.NumberFormat} nf
   */
  renderTitles(measure, t, nf) {
    const measureName = t(`network.measureShort.${measure}`);
    for (const n of this.nodes) {
      const vars = { term: n.term, freq: nf.format(n.freq), df: nf.format(n.docFreq), community: n.community };
      setText(n.title, t('network.node.title', vars));
      setAttr(n.el, 'aria-label', t('network.node.aria', vars));
    }
    for (const e of this.edges) {
      setText(
        e.title,
        t('network.edge.title', {
          a: e.source.term,
          b: e.target.term,
          measure: measureName,
          score: formatScore(e.score, measure),
          count: nf.format(e.count),
        }),
      );
    }
  }

  /** Moves every element to its node's place (after the layout, and on each tick of a drag). */
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

  /** @param {SimNode} n */
  highlightNode(n) {
    this.lit = { term: n.term };
    this.svg.classList.add('is-focused');
    n.el.classList.add('is-hl', 'is-hover');
    for (const i of this.neighbours[n.index]) this.nodes[i].el.classList.add('is-hl');
    for (const e of this.edges) {
      if (e.source === n || e.target === n) e.el.classList.add('is-hl');
    }
  }

  /** @param {SimEdge} e */
  highlightEdge(e) {
    this.lit = { edge: edgeKey(e) };
    this.svg.classList.add('is-focused');
    e.el.classList.add('is-hl');
    e.source.el.classList.add('is-hl');
    e.target.el.classList.add('is-hl');
  }

  clearHighlight() {
    this.lit = null;
    this.svg.classList.remove('is-focused');
    for (const node of this.svg.querySelectorAll('.is-hl')) node.classList.remove('is-hl', 'is-hover');
  }
}
