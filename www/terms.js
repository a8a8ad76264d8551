// @ts-check
// Terms as the person wants them: shown in 简体 or 繁體 (ctx.displayTerm), and counted with their
// merges (合并词) and `separatePos` in every request that counts (analyze, kwic, keyness, colourData,
// suggestStopWords), so no view has to remember to send them.
//
// The engine's terms are simplified (traditional documents are counted through their
// simplified form). To show them in traditional, the terms on screen go through the worker's
// `traditionalForms` once; the forms are kept here, so `display(term)` is synchronous. Lines
// of text (KWIC, documents) never go through this: they keep each document's own characters.

/** @typedef {import('./types/Scripts').Scripts} Scripts */
/** @typedef {import('./types/Merge').Merge} Merge */
/** @typedef {'auto' | 'simplified' | 'traditional'} TermScript */

/**
 * The script terms are shown in: the setting, or for 'auto' the corpus majority (a tie is
 * simplified, as the terms are).
 * @param {TermScript} setting
 * @param {Scripts | null} scripts
 * @returns {'simplified' | 'traditional'}
 */
export function effectiveScript(setting, scripts) {
  if (setting !== 'auto') return setting;
  return scripts && scripts.traditional > scripts.simplified ? 'traditional' : 'simplified';
}

/**
 * Every term an analysis puts on screen: the terms, the network's nodes, the phrases and
 * their parts.
 * @param {import('./shapes.js').Analysis | null} analysis
 * @returns {string[]}
 */
export function analysisTerms(analysis) {
  if (!analysis) return [];
  const terms = new Set(analysis.terms.map((row) => row.term));
  for (const node of analysis.network?.nodes ?? []) terms.add(node.term);
  for (const phrase of analysis.phrases ?? []) {
    terms.add(phrase.phrase);
    for (const part of phrase.parts) terms.add(part);
  }
  return [...terms];
}

// Where each counting request carries its options (docs/API.md).
/** @type {Record<string, number>} */
const OPTIONS_ARG = { analyze: 0, kwic: 1, keyness: 1, colourData: 1, suggestStopWords: 0 };

/**
 * `args` of a worker request with the merges and `separatePos` in force filled into its
 * options (what the request gives itself wins).
 * @param {string} action
 * @param {unknown[]} args
 * @param {{merges: Merge[], separatePos: boolean}} settings
 * @returns {unknown[]}
 */
export function withTermOptions(action, args, { merges, separatePos }) {
  if (!Object.hasOwn(OPTIONS_ARG, action)) return args;
  const at = OPTIONS_ARG[action];
  const out = [...args];
  while (out.length <= at) out.push(undefined);
  const given = /** @type {Record<string, unknown> | undefined} */ (out[at]) ?? {};
  out[at] = { merges, separatePos, ...given };
  return out;
}

export class TermDisplay {
  /** @type {'simplified' | 'traditional'} */
  script = 'simplified';
  /** @type {Scripts | null} */
  scripts = null;
  /** simplified term -> its traditional form, for the variant in `#variant` */
  #forms = new Map();
  #variant = '';

  /**
   * @param {{scripts: () => Promise<Scripts>, traditionalForms: (terms: string[]) => Promise<string[] | null>}} engine
   */
  constructor(engine) {
    this.engine = engine;
  }

  /**
   * Before the views draw `terms`: the script in force, and the traditional forms of the ones
   * not known yet (one request). Without the script tables terms stay simplified.
   * @param {TermScript} setting
   * @param {string[]} terms
   */
  async prepare(setting, terms) {
    this.scripts = await this.engine.scripts();
    if (this.scripts.variant !== this.#variant) {
      this.#forms.clear();
      this.#variant = this.scripts.variant;
    }
    this.script = effectiveScript(setting, this.scripts);
    await this.add(terms);
  }

  /** The traditional forms of `terms` not known yet, when terms are shown in traditional. @param {string[]} terms */
  async add(terms) {
    if (this.script !== 'traditional') return;
    const missing = [...new Set(terms)].filter((term) => !this.#forms.has(term));
    if (missing.length === 0) return;
    const forms = await this.engine.traditionalForms(missing);
    if (!forms) return;
    missing.forEach((term, i) => this.#forms.set(term, forms[i] ?? term));
  }

  /** `term` as the person wants to read it. @param {string} term */
  display(term) {
    return this.script === 'traditional' ? (this.#forms.get(term) ?? term) : term;
  }
}
