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
/**
 * @typedef {{filter: FilterSettings, topTerms: number, keywordWeight: KeywordWeight,
 *   network: NetworkSettings, phrases: PhraseSettings}} Settings
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
});

/**
 * The options main.js sends to analyze(): the settings plus the selected document ids.
 * @param {Settings} settings
 * @param {Iterable<number>} included
 */
export function analysisOptions(settings, included) {
  return { ...settings, documents: [...included] };
}
