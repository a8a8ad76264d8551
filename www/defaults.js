// @ts-check
// The page's default settings: what main.js analyses with on a first visit, and what the
// build-time snapshot of the seeds (scripts/snapshot.mjs) is computed with. Side-effect free,
// so that Node can import it too. What each may hold is in www/settings-schema.js.

/**
 * @typedef {{stopWords: boolean, userStopWords: boolean, punctuation: boolean, numbers: boolean,
 *   singleChars: boolean, minLength: number, minFrequency: number, pos: string[] | null}} FilterSettings
 * @typedef {'freq' | 'tfidf' | 'tfidfCorpus' | 'textrank'} KeywordWeight
 * @typedef {{unit: 'sentence' | 'window', window: number, measure: 'count' | 'jaccard' | 'dice' | 'npmi' | 'llr',
 *   nodes: number, maxEdges: number, minScore: number | null, minCount: number}} NetworkSettings
 * @typedef {{minCount: number, limit: number}} PhraseSettings
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
