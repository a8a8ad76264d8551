// @ts-check
// Types only (nothing here runs): the page's own shapes, the controller's state and the context
// it gives views (docs/PAGE.md), and the Analyzer's (docs/API.md) under the names the page uses,
// taken from the types generated from the Rust structs (www/types/), so that they cannot drift.

/** @typedef {import('./types/DocumentInfo').DocumentInfo} DocumentInfo */
/** @typedef {import('./types/TermRow').TermRow} TermRow */
/** @typedef {import('./types/NetworkNode').NetworkNode} NetworkNode */
/** @typedef {import('./types/NetworkEdge').NetworkEdge} NetworkEdge */
/** @typedef {import('./types/Network').Network} Network */
/** @typedef {import('./types/Phrase').Phrase} Phrase */
/** @typedef {import('./types/Analysis').Analysis} Analysis */
/** @typedef {import('./types/Keyness').Keyness} Keyness */
/** @typedef {import('./types/Kwic').Kwic} Kwic */
/**
 * A failure of the core as it reaches the page: an Error with the core's {code, params}.
 * @typedef {Error & import('./types/ErrorPayload').ErrorPayload} AnalyzerError
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
 * `details`: lines shown under the notice, collapsed (the files a large batch refused).
 * @typedef {(message: NoticeMessage, kind?: NoticeKind, details?: string[]) => void} Notify
 */
/**
 * What a view may use (docs/PAGE.md).
 * @typedef {{
 *   t: (key: string, vars?: import('./i18n.js').Vars) => string,
 *   lang: () => import('./i18n.js').Lang,
 *   showContexts: (term: string) => void,
 *   showTrend: (term: string) => void,
 *   setSettings: (patch: object) => Promise<void>,
 *   request: (action: string, ...args: unknown[]) => Promise<any>,
 *   addUserWords: (words: string[]) => Promise<void>,
 *   addStopWords: (words: string[]) => Promise<void>,
 *   notify: Notify,
 *   errorText: (err: unknown) => string,
 *   builtinStopWords: () => Promise<string[]>,
 *   displayTerm: (term: string) => string,
 *   displayTerms: (terms: string[]) => Promise<void>,
 *   mergeTerms: (terms: string[]) => void,
 *   openMerge: (term: string) => void,
 *   setMerges: (merges: import('./types/Merge').Merge[]) => Promise<void>,
 *   posFilter: () => import('./ui/pos-filter.js').PosFilter,
 *   viewData: {get: (name: string) => Promise<unknown>, set: (name: string, value: unknown) => Promise<void>},
 *   documentKey: (id: number) => string | null,
 * }} ViewContext
 */

export {};
