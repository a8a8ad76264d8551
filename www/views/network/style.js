// @ts-check
// How the network looks, as pure functions of the analysis (no DOM, no d3): community colours,
// circle and label sizes, link strengths, and scores as a person reads them. The view, the
// simulation, the table and the GEXF writer all take their colours and sizes from here.
import { emWidth } from '../text.js';

/** @typedef {{term: string, freq: number, docFreq: number, community: number}} NetworkNode */
/** @typedef {{source: number, target: number, score: number, count: number}} NetworkEdge */
/**
 * `analysis.network` (docs/API.md).
 * @typedef {{unit: string, measure: string, units?: number, nodes: NetworkNode[], edges: NetworkEdge[]}} Network
 */

export const FONT =
  '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif';
// Tableau 10: distinct hues that survive print; communities beyond it (tiny ones) share a grey,
// so that no two communities look alike by accident.
export const PALETTE = [
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
export const OTHER = '#bab0ac';
export const EDGE_GREY = '#8c959f';
// Sizes in SVG user units (= CSS px at zoom 1).
const R_MIN = 5;
const R_MAX = 22;
const FONT_MIN = 12;
const FONT_MAX = 17;

/** @param {number} community */
export const communityColour = (community) => (community < PALETTE.length ? PALETTE[community] : OTHER);

/**
 * Each node's colour: its community's, or grey for a term linked to nothing (a community of one).
 * @param {Pick<Network, 'nodes' | 'edges'>} network
 * @returns {string[]}
 */
export function nodeColours({ nodes, edges }) {
  const linked = new Array(nodes.length).fill(false);
  for (const e of edges) linked[e.source] = linked[e.target] = true;
  return nodes.map((n, i) => (linked[i] ? communityColour(n.community) : OTHER));
}

/**
 * Score as a person reads it: counts whole, G² with one decimal, the [0,1]/[-1,1] ones with three.
 * @param {number} score
 * @param {string} measure
 */
export function formatScore(score, measure) {
  if (measure === 'count') return String(Math.round(score));
  if (measure === 'llr') return score.toFixed(1);
  return score.toFixed(3);
}

/**
 * Each node's circle radius, label size and footprint: the radius and the type grow with the
 * square root of the frequency, from the rarest term drawn to the most frequent.
 * @param {NetworkNode[]} nodes
 * @returns {{r: number, fontSize: number, halfLabel: number, collide: number}[]}
 */
export function nodeSizes(nodes) {
  const sqrtFreq = nodes.map((n) => Math.sqrt(n.freq));
  const [lo, hi] = [Math.min(...sqrtFreq), Math.max(...sqrtFreq)];
  return nodes.map((n, i) => {
    const k = hi > lo ? (sqrtFreq[i] - lo) / (hi - lo) : 0.5;
    const r = R_MIN + k * (R_MAX - R_MIN);
    const fontSize = FONT_MIN + k * (FONT_MAX - FONT_MIN);
    const halfLabel = (emWidth(n.term) * fontSize) / 2;
    // The label hangs below the circle, so the footprint is taller than the circle.
    const collide = Math.max(r + 3, halfLabel + 2, (2 * r + fontSize) / 2 + 3);
    return { r, fontSize, halfLabel, collide };
  });
}

/**
 * Each link's strength in [0, 1] (the weakest drawn to the strongest). Counts and G² are
 * unbounded and skewed, so their strength follows the logarithm.
 * @param {NetworkEdge[]} edges
 * @param {string} measure
 * @returns {number[]}
 */
export function edgeStrengths(edges, measure) {
  /** @param {number} s */
  const shape = (s) => (measure === 'count' || measure === 'llr' ? Math.log1p(Math.max(0, s)) : s);
  const shaped = edges.map((e) => shape(e.score));
  const [lo, hi] = [Math.min(...shaped), Math.max(...shaped)];
  return shaped.map((s) => (hi > lo ? (s - lo) / (hi - lo) : 0.6));
}

/**
 * The identity of a link across updates: its two terms, whichever way round.
 * @param {string} a
 * @param {string} b
 */
export const pairKey = (a, b) => (a < b ? `${a}\u0001${b}` : `${b}\u0001${a}`);
