// @ts-check
// The page's default settings: what main.js analyses with on a first visit, and what the
// build-time snapshot of the seeds (scripts/snapshot.mjs) is computed with. Side-effect free,
// so that Node can import it too. What each may hold is in www/settings-schema.js.

// The settings are the Analyzer's options (types generated from the Rust structs, www/types/)
// with every field given, but `documents` (the controller adds the selection).
/** @typedef {Required<import('./types/FilterOptions').FilterOptions>} FilterSettings */
/** @typedef {Required<import('./types/NetworkOptions').NetworkOptions>} NetworkSettings */
/** @typedef {Required<import('./types/PhraseOptions').PhraseOptions>} PhraseSettings */
/** @typedef {import('./types/KeywordWeight').KeywordWeight} KeywordWeight */
/** @typedef {import('./types/Merge').Merge} Merge */
/**
 * The word cloud's look (www/views/cloud/): the page's own, never sent to analyze().
 * `pins`: [term, '#rrggbb'] pairs, colours a person fixed; `seed`: 重新排列's.
 * @typedef {{count: number, orientation: import('./types/Orientation').Orientation,
 *   shape: import('./types/Shape').Shape, palette: 'classic' | 'redGold' | 'mono' | 'colorBlind',
 *   colorBy: 'rank' | 'pos' | 'community' | 'group' | 'keyness', background: string, font: string, weight: number,
 *   seed: number, threshold: number, pins: [string, string][]}} CloudSettings
 */
/**
 * The comparison a person chose in 对比 (www/views/compare-choice.js), which the cloud's colour
 * by keyness uses too: each a set's key (a document's id, "group:…", "year:…", "range",
 * "shown"); `target` null until one is chosen (the first document), `reference` null for the
 * rest; `from`–`to` the date range's ('' for open).
 * @typedef {{target: string | null, reference: string | null, from: string, to: string}} CompareSettings
 */
/**
 * `countOnce` is 重复段落只计一次 (issue 9): not an analyze() option but the Analyzer's own
 * switch (setCountOnce), which main.js sets before an analysis when it changed. `termScript` is
 * the page's own (how terms are shown: www/terms.js), as are `cloud` and `compare`. The rest are
 * analyze() options.
 * @typedef {{filter: FilterSettings, topTerms: number, keywordWeight: KeywordWeight,
 *   network: NetworkSettings, phrases: PhraseSettings, merges: Merge[], separatePos: boolean,
 *   termScript: import('./terms.js').TermScript, countOnce: boolean, cloud: CloudSettings,
 *   compare: CompareSettings}} Settings
 */

/** @type {Readonly<Settings>} */
export const DEFAULT_SETTINGS = Object.freeze({
  filter: Object.freeze({
    stopWords: true,
    userStopWords: true,
    punctuation: true,
    numbers: true,
    singleChars: true,
    minLength: 1,
    minFrequency: 1,
    pos: null,
  }),
  topTerms: 200,
  keywordWeight: 'freq',
  network: Object.freeze({
    unit: 'sentence',
    window: 5,
    measure: 'npmi',
    nodes: 60,
    maxEdges: 150,
    minScore: null,
    minCount: 2,
  }),
  phrases: Object.freeze({ minCount: 3, limit: 50 }),
  merges: /** @type {Merge[]} */ (/** @type {unknown} */ (Object.freeze([]))),
  separatePos: false,
  termScript: 'auto',
  countOnce: false,
  cloud: Object.freeze({
    count: 100,
    orientation: 'mixed',
    shape: 'ellipse',
    palette: 'classic',
    colorBy: 'rank',
    background: '#ffffff',
    font: '',
    weight: 400,
    seed: 0,
    threshold: 128,
    pins: /** @type {[string, string][]} */ ([]),
  }),
  compare: Object.freeze({ target: null, reference: null, from: '', to: '' }),
});

/**
 * The options main.js sends to analyze(): the settings plus the selected document ids (the
 * cloud's look is the page's own).
 * @param {Settings} settings
 * @param {Iterable<number>} included
 */
export function analysisOptions(settings, included) {
  // The engine refuses options it does not know: how terms are shown and the cloud's look are
  // the page's own, as is the comparison chosen, and count-once is the Analyzer's switch (setCountOnce).
  // eslint-disable-next-line no-unused-vars
  const { termScript, countOnce, cloud, compare, ...options } = settings;
  return { ...options, documents: [...included] };
}
