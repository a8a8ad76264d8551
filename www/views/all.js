// @ts-check
// Every view of the tab bar, made in one place (the controller keeps its wiring, not the list):
// one per <section id="view-NAME"> of index.html, in tab order. `edit` changes documents'
// metadata (the document view's furniture switch). 趋势, 文本复用 and 原文 are loaded when first
// opened (www/views/lazy.js): the first word cloud does not wait for their code.
import { CloudView } from './cloud/index.js';
import { CompareView } from './compare.js';
import { KeywordsView } from './keywords.js';
import { KwicView } from './kwic.js';
import { NetworkView } from './network/index.js';
import { PhrasesView } from './phrases.js';
import { LazyView } from './lazy.js';

/**
 * @param {import('./shared.js').ViewContext} ctx
 * @param {import('./reader/index.js').ReaderActions} actions
 */
export function makeViews(ctx, actions) {
  const section = (/** @type {string} */ name) => /** @type {HTMLElement} */ (document.getElementById(`view-${name}`));
  return {
    cloud: new CloudView(section('cloud'), ctx),
    keywords: new KeywordsView(section('keywords'), ctx),
    network: new NetworkView(section('network'), ctx),
    phrases: new PhrasesView(section('phrases'), ctx),
    kwic: new KwicView(section('kwic'), ctx),
    compare: new CompareView(section('compare'), ctx),
    trends: new LazyView(() => import('./trends/index.js').then((m) => m.TrendsView), section('trends'), ctx),
    reuse: new LazyView(() => import('./reuse/index.js').then((m) => m.ReuseView), section('reuse'), ctx),
    reader: new LazyView(() => import('./reader/index.js').then((m) => m.ReaderView), section('reader'), ctx, actions),
  };
}
