// @ts-check
// The network's numbers as two tables (nodes, edges) in a <details> under the picture, filled
// only while it is open (most people never open it; an update then costs no table rows).
import { h } from '../shared.js';
import { formatScore, nodeColours } from './style.js';

/** @typedef {import('./style.js').Network} Network */
/** @typedef {(key: string, vars?: import('../../i18n.js').Vars) => string} Translate */

export class NetworkTables {
  constructor() {
    this.summary = h('summary');
    this.nodeCaption = h('caption');
    this.edgeCaption = h('caption');
    this.nodeTable = h('table', { class: 'net-table net-table-nodes' }, this.nodeCaption, h('thead'), h('tbody'));
    this.edgeTable = h('table', { class: 'net-table net-table-edges' }, this.edgeCaption, h('thead'), h('tbody'));
    this.element = h(
      'details',
      { class: 'net-data' },
      this.summary,
      h(
        'div',
        { class: 'net-tables' },
        h('div', { class: 'net-scroll' }, this.nodeTable),
        h('div', { class: 'net-scroll' }, this.edgeTable),
      ),
    );
    /** @type {[Network, Translate, Intl.NumberFormat] | null} what to show when opened */
    this.pending = null;
    this.element.addEventListener('toggle', () => this.#renderPending());
  }

  /**
   * Shows `network` (now if the tables are open, else when they are opened).
   * @param {Network} network
   * @param {Translate} t
   * @param {Intl.NumberFormat} nf
   */
  update(network, t, nf) {
    this.pending = [network, t, nf];
    this.#renderPending();
  }

  #renderPending() {
    if (!this.element.open || !this.pending) return;
    const [network, t, nf] = this.pending;
    this.pending = null;
    this.#render(network, t, nf);
  }

  /**
   * @param {Network} network
   * @param {Translate} t
   * @param {Intl.NumberFormat} nf
   */
  #render(network, t, nf) {
    const { nodes, edges, measure } = network;
    const colours = nodeColours(network);
    /** @param {HTMLTableElement} table @param {[string, boolean?][]} keys */
    const head = (table, keys) => {
      const tr = h('tr');
      for (const [text, num] of keys) tr.append(h('th', { scope: 'col', class: num ? 'num' : '' }, text));
      /** @type {HTMLTableSectionElement} */ (table.tHead).replaceChildren(tr);
    };
    /** @param {string | number} text */
    const cell = (text, className = '') => h('td', { class: className }, String(text));

    this.nodeCaption.textContent = t('network.table.nodes', { n: nf.format(nodes.length) });
    head(this.nodeTable, [
      [t('network.col.term')],
      [t('network.col.freq'), true],
      [t('network.col.df'), true],
      [t('network.col.community'), true],
    ]);
    this.nodeTable.tBodies[0].replaceChildren(
      ...nodes.map((n, i) => {
        const swatch = h('span', { class: 'net-swatch', 'aria-hidden': 'true' });
        swatch.style.background = colours[i];
        const community = h('td', { class: 'num' }, swatch, String(n.community));
        return h(
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
        h(
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
}
