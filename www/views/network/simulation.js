// @ts-check
// The network's layout: d3-force over the drawn terms, settled synchronously before the first
// paint (deterministic: d3-force seeds its own random source), starting from the positions the
// last layout left so that a slider does not scramble the picture. No DOM: runs in Node too.
import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY } from 'd3-force';
import { edgeStrengths, nodeColours, nodeSizes } from './style.js';

/** @typedef {import('./style.js').Network} Network */
/** @typedef {import('./style.js').NetworkNode} NetworkNode */
/** @typedef {import('./style.js').NetworkEdge} NetworkEdge */
/** @typedef {{x: number, y: number, pinned: boolean}} Position */
/**
 * A term as the simulation and the drawing know it: the analysis's node, its sizes and colour,
 * and d3-force's x, y (fx, fy while pinned); `el` and `title` are its drawing's (canvas.js).
 * @typedef {NetworkNode & {index: number, r: number, fontSize: number, halfLabel: number,
 *   collide: number, degree: number, colour: string, x: number, y: number,
 *   fx?: number | null, fy?: number | null, vx?: number, vy?: number,
 *   moved?: boolean, pinch?: boolean, before?: [number | null | undefined, number | null | undefined],
 *   el: Element, title: Node}} SimNode
 */
/**
 * A link: the analysis's edge with its strength `w` in [0, 1]; d3-force replaces `source` and
 * `target` (indexes) by the nodes themselves. `el`, `hit` and `title` are its drawing's.
 * @typedef {{index: number, w: number, score: number, count: number, source: SimNode, target: SimNode,
 *   el: Element, hit: Element, title: Node}} SimEdge
 */

/** How fast a layout that kept most of its positions cools (d3-force's default is ~0.0228). */
const WARM_ALPHA_DECAY = 0.05;

/**
 * Builds the simulation's nodes and links for `network`, starting each term where
 * `positions` (term → last place) says, and settles the layout. Returns the nodes, the links
 * and the simulation (stopped; the caller restarts it while a node is dragged).
 * @param {Network} network
 * @param {{positions?: Map<string, Position>, width: number, height: number}} options
 */
export function layoutNetwork(network, { positions = new Map(), width, height }) {
  const { nodes, edges, measure } = network;
  const sizes = nodeSizes(nodes);
  const strengths = edgeStrengths(edges, measure);
  const degree = new Array(nodes.length).fill(0);
  for (const e of edges) {
    degree[e.source] += 1;
    degree[e.target] += 1;
  }
  const colours = nodeColours(network);
  let kept = 0;
  const simNodes = nodes.map((n, index) => {
    const node = /** @type {SimNode} */ ({
      ...n,
      index,
      ...sizes[index],
      degree: degree[index],
      colour: colours[index],
    });
    const before = positions.get(n.term);
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
  const simEdges = edges.map((e, i) => ({ ...e, index: i, w: strengths[i] }));

  // A new term starts next to its strongest neighbour that kept its place, not in the middle.
  if (kept > 0) {
    for (const e of [...simEdges].sort((a, b) => b.w - a.w)) {
      const [a, b] = [simNodes[e.source], simNodes[e.target]];
      const [from, to] = a.x === undefined ? [b, a] : [a, b];
      if (from.x !== undefined && to.x === undefined) {
        const angle = (to.index * 2.399) % (2 * Math.PI); // golden angle: spread, deterministic
        to.x = from.x + Math.cos(angle) * (from.collide + to.collide);
        to.y = from.y + Math.sin(angle) * (from.collide + to.collide);
      }
    }
  }

  const aspect = width / height;
  const simulation = forceSimulation(simNodes)
    .stop()
    .force(
      'link',
      forceLink(simEdges)
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
  // A network that kept most of its positions only needs a gentle adjustment: cooling twice as
  // fast from there halves the ticks (and most of an update's time), and a layout that starts
  // settled does not need the slow cooling a fresh one does.
  const warm = kept >= simNodes.length / 2;
  const alpha = warm ? 0.3 : 1;
  const defaultDecay = simulation.alphaDecay();
  simulation.alpha(alpha).alphaDecay(warm ? WARM_ALPHA_DECAY : defaultDecay);
  const ticks = Math.ceil(Math.log(simulation.alphaMin() / alpha) / Math.log(1 - simulation.alphaDecay()));
  simulation.tick(ticks);
  simulation.alphaDecay(defaultDecay);
  // Centring shifts every node each tick; while a node is dragged that would make the rest
  // drift, so after the first layout the weak x/y pulls alone keep the network in place.
  simulation.force('center', null);
  return {
    nodes: simNodes,
    edges: /** @type {SimEdge[]} */ (/** @type {unknown} */ (simEdges)),
    simulation,
  };
}
