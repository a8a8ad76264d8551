// @ts-check
// Types only (nothing here runs): the shapes that cross from the Analyzer (docs/API.md), and the
// page's own: the controller's state and the context it gives views (docs/PAGE.md). Until the
// types generated from the Rust structs are in www/types/, the Analyzer's are written by hand
// after docs/API.md.

/**
 * @typedef {{id: number, name: string, title: string, encoding: string, bytes: number,
 *   chars: number, tokens: number, sentences: number}} DocumentInfo
 */
/**
 * @typedef {{term: string, pos: string, freq: number, docFreq: number, tfidf: number,
 *   tfidfCorpus: number, textrank: number}} TermRow
 */
/** @typedef {{id: number, term: string, freq: number, docFreq: number, community: number}} NetworkNode */
/** @typedef {{source: number, target: number, count: number, score: number}} NetworkEdge */
/** @typedef {{unit: string, measure: string, units: number, nodes: NetworkNode[], edges: NetworkEdge[]}} Network */
/**
 * @typedef {{phrase: string, parts: string[], count: number, pmi: number, llr: number,
 *   leftEntropy: number, rightEntropy: number, score: number}} Phrase
 */
/**
 * @typedef {{documents: number, tokens: number, termTokens: number, vocabulary: number,
 *   terms: TermRow[], network: Network, phrases: Phrase[]}} Analysis
 */
/**
 * @typedef {{target: number[], targetTokens: number, referenceTokens: number,
 *   terms: {term: string, targetFreq: number, referenceFreq: number, llr: number, logRatio: number}[]}} Keyness
 */

/**
 * The controller's state (www/main.js); views read it, never change it.
 * @typedef {{documents: DocumentInfo[], included: Set<number>, settings: import('./defaults.js').Settings,
 *   userWords: string[], stopWords: string[], analysis: Analysis | null}} State
 */
/**
 * What a notice shows: a sentence in the current language, a message in both languages
 * (www/errors.js), or an error (rendered from its code; one without a code shows its message).
 * @typedef {string | import('./errors.js').Bilingual | Error} NoticeMessage
 * @typedef {'info' | 'ok' | 'error'} NoticeKind
 * @typedef {(message: NoticeMessage, kind?: NoticeKind) => void} Notify
 */
/**
 * What a view may use (docs/PAGE.md).
 * @typedef {{
 *   t: (key: string, vars?: import('./i18n.js').Vars) => string,
 *   lang: () => import('./i18n.js').Lang,
 *   showContexts: (term: string) => void,
 *   setSettings: (patch: object) => Promise<void>,
 *   request: (action: string, ...args: unknown[]) => Promise<any>,
 *   addUserWords: (words: string[]) => Promise<void>,
 *   notify: Notify,
 *   errorText: (err: unknown) => string,
 *   builtinStopWords: () => Promise<string[]>,
 * }} ViewContext
 */

export {};
