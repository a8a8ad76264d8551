// www/views/network/style.js: colours, sizes and strengths of the network's picture.
import assert from 'node:assert/strict';
import test from 'node:test';
import {
  communityColour,
  edgeStrengths,
  formatScore,
  nodeColours,
  nodeSizes,
  OTHER,
  PALETTE,
  pairKey,
} from '../../www/views/network/style.js';

test('communities get distinct colours; beyond the palette and unlinked terms are grey', () => {
  assert.equal(new Set(PALETTE.map((_, i) => communityColour(i))).size, PALETTE.length);
  assert.equal(communityColour(PALETTE.length), OTHER);
  const nodes = [0, 1, 0].map((community, i) => ({ term: `t${i}`, freq: 1, docFreq: 1, community }));
  assert.deepEqual(nodeColours({ nodes, edges: [{ source: 0, target: 1, score: 1, count: 1 }] }), [
    PALETTE[0],
    PALETTE[1],
    OTHER,
  ]);
});

test('scores read as a person expects: whole counts, G² to one decimal, the rest to three', () => {
  assert.equal(formatScore(4.6, 'count'), '5');
  assert.equal(formatScore(12.345, 'llr'), '12.3');
  assert.equal(formatScore(0.12345, 'npmi'), '0.123');
  assert.equal(formatScore(-0.5, 'jaccard'), '-0.500');
});

test('circles and labels grow with the square root of the frequency', () => {
  const sizes = nodeSizes([
    { term: '工会', freq: 100, docFreq: 1, community: 0 },
    { term: '劳模', freq: 25, docFreq: 1, community: 0 },
    { term: 'AI', freq: 1, docFreq: 1, community: 0 },
  ]);
  assert.deepEqual(
    sizes.map((s) => [+s.r.toFixed(3), +s.fontSize.toFixed(3)]),
    [
      [22, 17],
      [12.556, 14.222],
      [5, 12],
    ],
  );
  // Two CJK characters are two em wide, two Latin letters about 1.2.
  assert.equal(sizes[0].halfLabel, 17);
  assert.equal(+sizes[2].halfLabel.toFixed(3), 7.2);
  // The footprint covers the circle and the label hanging under it.
  for (const s of sizes) assert.ok(s.collide >= s.r + 3 && s.collide >= s.halfLabel + 2);
  // One frequency for all: the middle size.
  assert.equal(nodeSizes([{ term: 'x', freq: 3, docFreq: 1, community: 0 }])[0].r, 13.5);
});

test('link strengths span [0, 1]; counts and G² on a log scale', () => {
  const edges = [1, 3, 7].map((score) => ({ source: 0, target: 1, score, count: score }));
  assert.deepEqual(edgeStrengths(edges, 'npmi'), [0, 1 / 3, 1]);
  const log = edgeStrengths(edges, 'count');
  assert.equal(log[0], 0);
  assert.equal(log[2], 1);
  assert.equal(+log[1].toFixed(4), +((Math.log(4) - Math.log(2)) / (Math.log(8) - Math.log(2))).toFixed(4));
  assert.deepEqual(edgeStrengths([edges[0]], 'dice'), [0.6]);
});

test('a link is the same whichever way round its terms come', () => {
  assert.equal(pairKey('劳模', '工会'), pairKey('工会', '劳模'));
  assert.notEqual(pairKey('a', 'bc'), pairKey('ab', 'c'));
});
