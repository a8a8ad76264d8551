// @ts-check
// GEXF 1.3 (the format Gephi reads) of a co-occurrence network. Pure: text in, text out.
import { nodeColours } from './style.js';

/** @typedef {import('./style.js').Network} Network */
/** @typedef {{x: number, y: number, r: number}} Place */

/**
 * Text safe inside XML attributes and elements, with characters XML 1.0 forbids removed.
 * @param {unknown} value
 */
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

/** @param {number} v */
const num = (v) => (Number.isFinite(v) ? String(v) : '0');

/**
 * GEXF 1.3 text of a network (as `analysis.network`), with the page's layout (term → place)
 * and colours where given. `date` is the file's last-modified date (today by default).
 * @param {Network} network
 * @param {Map<string, Place>} [layout]
 * @param {{date?: Date}} [options]
 */
export function gexfText(network, layout = new Map(), { date = new Date() } = {}) {
  const { nodes, edges, measure, unit } = network;
  const colours = nodeColours(network);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta lastmodifieddate="${date.toISOString().slice(0, 10)}">`,
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
