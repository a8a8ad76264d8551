// layoutNetwork (www/views/network/simulation.js): a deterministic layout that keeps what it
// can of the last one, so a slider does not scramble the picture.
import assert from 'node:assert/strict';
import test from 'node:test';
import { layoutNetwork } from '../../www/views/network/simulation.js';

const terms = ['工会', '劳模', '精神', '职工', '工匠', '发展', '孤'];
const network = {
  unit: 'sentence',
  measure: 'npmi',
  nodes: terms.map((term, i) => ({ term, freq: 50 - 6 * i, docFreq: 3, community: i < 3 ? 0 : 1 })),
  edges: [
    [0, 1, 0.9],
    [0, 2, 0.5],
    [1, 2, 0.4],
    [3, 4, 0.7],
    [4, 5, 0.3],
    [2, 3, 0.1],
  ].map(([source, target, score]) => ({ source, target, score, count: 3 })),
};
const size = { width: 900, height: 600 };
const places = (nodes) => nodes.map((n) => [n.term, +n.x.toFixed(6), +n.y.toFixed(6)]);

test('the same network gives the same layout', () => {
  const a = layoutNetwork(network, size);
  const b = layoutNetwork(network, size);
  assert.deepEqual(places(a.nodes), places(b.nodes));
  // Settled: nothing left moving, links joined to their nodes.
  assert.ok(a.simulation.alpha() < a.simulation.alphaMin());
  assert.equal(a.edges[0].source, a.nodes[0]);
  assert.equal(a.edges[0].target.term, '劳模');
});

test('no two terms overlap: circles and labels keep their footprints apart', () => {
  const { nodes } = layoutNetwork(network, size);
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const d = Math.hypot(nodes[i].x - nodes[j].x, nodes[i].y - nodes[j].y);
      const room = nodes[i].collide + nodes[j].collide;
      assert.ok(d > 0.9 * room, `${nodes[i].term} and ${nodes[j].term} are ${d.toFixed(1)} apart, need ${room}`);
    }
  }
});

test('terms that stay keep their places; a pinned term does not move', () => {
  const first = layoutNetwork(network, size);
  const positions = new Map(first.nodes.map((n) => [n.term, { x: n.x, y: n.y, pinned: n.term === '职工' }]));
  positions.delete('工匠');
  const second = layoutNetwork(network, { ...size, positions });
  for (const [i, n] of second.nodes.entries()) {
    if (n.term === '工匠') continue; // new this time
    const moved = Math.hypot(n.x - first.nodes[i].x, n.y - first.nodes[i].y);
    assert.ok(moved < 45, `${n.term} moved ${moved.toFixed(1)}`);
  }
  const pinned = second.nodes[3];
  assert.deepEqual([pinned.x, pinned.y], [positions.get('职工').x, positions.get('职工').y]);
  assert.equal(pinned.fx, pinned.x);
});
