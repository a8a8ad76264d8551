// gexfText and xmlEscape (www/views/network/gexf.js): the file Gephi opens, for a small network.
import assert from 'node:assert/strict';
import test from 'node:test';
import { gexfText, xmlEscape } from '../../www/views/network/gexf.js';

test('markup characters are escaped, and characters XML 1.0 forbids are dropped', () => {
  assert.equal(xmlEscape(`a<b>&"c"'d'`), 'a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;');
  assert.equal(xmlEscape('劳模\u0000\u0007精神\u000b\ufffe'), '劳模精神');
  // Tabs and line breaks are allowed; a lone surrogate is not, a pair is.
  assert.equal(xmlEscape('a\tb\nc\rd'), 'a\tb\nc\rd');
  assert.equal(xmlEscape('x\ud800y\udc00z'), 'xyz');
  assert.equal(xmlEscape('𠀀'), '𠀀');
  assert.equal(xmlEscape(42), '42');
});

const NETWORK = {
  unit: 'sentence',
  measure: 'npmi',
  units: 10,
  nodes: [
    { term: '劳模', freq: 9, docFreq: 3, community: 0 },
    { term: '<精神>', freq: 4, docFreq: 2, community: 1 },
    { term: '孤', freq: 1, docFreq: 1, community: 2 },
  ],
  edges: [{ source: 0, target: 1, score: 0.25, count: 3 }],
};

test('a small network: every node and edge, with attributes, colours and the layout', () => {
  const layout = new Map([['劳模', { x: 10.123, y: 20.5, r: 7.777 }]]);
  const text = gexfText(NETWORK, layout, { date: new Date('2024-05-06T12:00:00Z') });
  assert.equal(
    text,
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
      '  <meta lastmodifieddate="2024-05-06">',
      '    <creator>Wenxi 文析</creator>',
      '    <description>term co-occurrence network; unit: sentence; edge weight: npmi</description>',
      '  </meta>',
      '  <graph mode="static" defaultedgetype="undirected">',
      '    <attributes class="node">',
      '      <attribute id="freq" title="freq" type="integer"/>',
      '      <attribute id="docFreq" title="docFreq" type="integer"/>',
      '      <attribute id="community" title="community" type="integer"/>',
      '    </attributes>',
      '    <attributes class="edge">',
      '      <attribute id="count" title="count" type="integer"/>',
      '      <attribute id="measure" title="measure" type="string"><default>npmi</default></attribute>',
      '    </attributes>',
      '    <nodes>',
      '      <node id="n0" label="劳模">',
      '        <attvalues>',
      '          <attvalue for="freq" value="9"/>',
      '          <attvalue for="docFreq" value="3"/>',
      '          <attvalue for="community" value="0"/>',
      '        </attvalues>',
      '        <viz:color r="78" g="121" b="167"/>',
      '        <viz:size value="7.78"/>',
      '        <viz:position x="10.12" y="-20.5" z="0"/>',
      '      </node>',
      '      <node id="n1" label="&lt;精神&gt;">',
      '        <attvalues>',
      '          <attvalue for="freq" value="4"/>',
      '          <attvalue for="docFreq" value="2"/>',
      '          <attvalue for="community" value="1"/>',
      '        </attvalues>',
      '        <viz:color r="242" g="142" b="43"/>',
      '      </node>',
      '      <node id="n2" label="孤">',
      '        <attvalues>',
      '          <attvalue for="freq" value="1"/>',
      '          <attvalue for="docFreq" value="1"/>',
      '          <attvalue for="community" value="2"/>',
      '        </attvalues>',
      // Linked to nothing: the grey of a community of one.
      '        <viz:color r="186" g="176" b="172"/>',
      '      </node>',
      '    </nodes>',
      '    <edges>',
      '      <edge id="e0" source="n0" target="n1" weight="0.25">',
      '        <attvalues><attvalue for="count" value="3"/></attvalues>',
      '      </edge>',
      '    </edges>',
      '  </graph>',
      '</gexf>',
      '',
    ].join('\n'),
  );
});

test('a score that is not a number is written as 0, never as NaN', () => {
  const network = { ...NETWORK, edges: [{ source: 0, target: 1, score: NaN, count: Infinity }] };
  const text = gexfText(network, new Map(), { date: new Date(0) });
  assert.match(text, /<edge id="e0" source="n0" target="n1" weight="0">/);
  assert.match(text, /<attvalue for="count" value="0"\/>/);
  assert.doesNotMatch(text, /NaN|Infinity/);
});
