// @ts-check
// Every view of the tab bar, made in one place (the controller keeps its wiring, not the list):
// one per <section id="view-NAME"> of index.html, in tab order. `edit` changes documents'
// metadata (the document view's furniture switch). Every view but the cloud and 语境 (a click on
// a word opens it) is loaded when first opened (www/views/lazy.js): the first word cloud waits
// neither for their code (main.js 357 → 247 KB; the network view alone is 87 KB) nor for making
// them (~80 ms of a cold start's page thread).
import { CloudView } from './cloud/index.js';
import { KwicView } from './kwic.js';
import { LazyView } from './lazy.js';

/**
 * @param {import('./shared.js').ViewContext} ctx
 * @param {import('./reader/index.js').ReaderActions} actions
 */
export function makeViews(ctx, actions) {
  const section = (/** @type {string} */ name) => /** @type {HTMLElement} */ (document.getElementById(`view-${name}`));
  return {
    cloud: new CloudView(section('cloud'), ctx),
    keywords: new LazyView(() => import('./keywords.js').then((m) => m.KeywordsView), section('keywords'), ctx),
    network: new LazyView(() => import('./network/index.js').then((m) => m.NetworkView), section('network'), ctx),
    phrases: new LazyView(() => import('./phrases.js').then((m) => m.PhrasesView), section('phrases'), ctx),
    kwic: new KwicView(section('kwic'), ctx),
    compare: new LazyView(() => import('./compare.js').then((m) => m.CompareView), section('compare'), ctx),
    trends: new LazyView(() => import('./trends/index.js').then((m) => m.TrendsView), section('trends'), ctx),
    reuse: new LazyView(() => import('./reuse/index.js').then((m) => m.ReuseView), section('reuse'), ctx),
    reader: new LazyView(() => import('./reader/index.js').then((m) => m.ReaderView), section('reader'), ctx, actions),
  };
}
