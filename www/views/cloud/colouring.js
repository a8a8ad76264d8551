// @ts-check
// Each word's colour, as the look and the data say (style.js's palettes, rank, part of speech,
// community; colour.js's document group and keyness), and the legend under the toolbar that
// says what the colours mean. The data for group and keyness comes from the core
// (`colourData`), asked once per set of words and selection; until it is in, and for a word it
// has nothing on, the word is grey. Keyness is of the analysed documents, or, once a reference
// set is chosen in Compare (settings.compare), of Compare's target against it: Compare's numbers.
import { isStale } from '../../analyzer.js';
import { chosenComparison, liveKey, shortName } from '../compare-sets.js';
import { SHOWN_EVENT } from '../documents/filter.js';
import { formatNumber, h } from '../shared.js';
import { dataColors, legend } from './colour.js';
import { PALETTES, wordColors } from './style.js';

/** @typedef {import('../shared.js').ViewContext} ViewContext */
/** @typedef {import('../shared.js').ViewState} ViewState */
/** @typedef {import('./style.js').CloudWord} CloudWord */
/** @typedef {import('../../defaults.js').CloudSettings} CloudSettings */
/** @typedef {import('./colour.js').ColourData} ColourData */
/** @typedef {import('../compare-sets.js').CompareSet} CompareSet */

/** What can be offered: by rank always; the others when the data has them. */
export const DATA_COLOR_BY = /** @type {const} */ (['group', 'keyness']);

export class CloudColouring {
  #ctx;
  /** @type {{key: string, data: ColourData} | null} */
  #data = null;
  /** The key asked for last. */
  #asked = '';
  /** Analyses seen: each may follow a change of groups, sources or merges. */
  #analyses = 0;
  #onData;
  /** The documents the panel's search and filters show (Compare's "shown" set). @type {number[]} */
  #shownIds = [];

  /** @param {ViewContext} ctx @param {() => void} onData the data came: colour again */
  constructor(ctx, onData) {
    this.#ctx = ctx;
    this.#onData = onData;
    this.title = h('strong', { class: 'cloud-legend-title' });
    this.list = h('ul', { class: 'cloud-legend-list' });
    this.help = h('p', { class: 'cloud-legend-help' });
    this.element = h('div', { class: 'cloud-legend', role: 'note', hidden: true }, this.title, this.list, this.help);
    document.addEventListener(SHOWN_EVENT, (event) => {
      this.#shownIds = /** @type {CustomEvent<{ids: number[]}>} */ (event).detail.ids;
    });
  }

  /** A new analysis came: the data is asked for again when next needed (meanwhile the last shows). */
  analysed() {
    this.#analyses++;
  }

  /**
   * What the data offers to colour by.
   * @param {{terms?: {pos?: string}[], network?: {nodes?: unknown[]}} | null} analysis
   */
  offer(analysis) {
    const terms = analysis?.terms ?? [];
    return [
      'rank',
      ...(terms.some((term) => term.pos) ? ['pos'] : []),
      ...(analysis?.network?.nodes?.length ? ['community'] : []),
      ...(terms.length ? DATA_COLOR_BY : []),
    ];
  }

  /**
   * Each word's colour; for group and keyness, asks the core for what it lacks (onData then).
   * @param {CloudWord[]} words
   * @param {CloudSettings} look
   * @param {any} analysis
   * @param {ViewState | null} state
   * @returns {string[]}
   */
  colors(words, look, analysis, state) {
    const offer = this.offer(analysis);
    const colorBy = offer.includes(look.colorBy) ? look.colorBy : 'rank';
    const palette = PALETTES[look.palette] ?? PALETTES.classic;
    const pins = Object.fromEntries(look.pins);
    if (colorBy === 'group' || colorBy === 'keyness') {
      const comparison = colorBy === 'keyness' ? this.#comparison(state) : { sets: null, stale: false };
      const data = this.#dataFor(words, state, comparison.sets);
      const colors = dataColors(words, colorBy, data, palette);
      const chosen = comparison.sets && {
        target: shortName(comparison.sets.target.label),
        reference: shortName(comparison.sets.reference.label),
      };
      this.#showLegend(data && legend(words, colorBy, data, palette, this.#ctx.t, { chosen, stale: comparison.stale }));
      return words.map((word, i) => pins[word.term ?? word.text] ?? colors[i]);
    }
    this.#showLegend(null);
    const terms = new Map((analysis?.terms ?? []).map((/** @type {any} */ term) => [term.term, term]));
    const communities = new Map((analysis?.network?.nodes ?? []).map((/** @type {any} */ n) => [n.term, n.community]));
    return wordColors(words, {
      palette: look.palette,
      colorBy: /** @type {any} */ (colorBy),
      pins,
      pos: words.map((w) => terms.get(w.term ?? w.text)?.pos),
      community: words.map((w) => communities.get(w.term ?? w.text)),
    });
  }

  /**
   * The sets chosen in Compare, when a reference is chosen and both hold included documents.
   * @param {ViewState | null} state
   * @returns {{sets: {target: CompareSet, reference: CompareSet} | null, stale: boolean}}
   */
  #comparison(state) {
    const choice = state?.settings?.compare;
    if (!state || choice?.reference == null) return { sets: null, stale: false };
    const t = this.#ctx.t;
    const included = state.documents.filter((d) => state.included.has(d.id));
    const live = (/** @type {string | null} */ key) => liveKey(key, state.documents, this.#ctx.documentKey);
    const kept = { ...choice, target: live(choice.target), reference: live(choice.reference) };
    const { target, reference, stale } = chosenComparison(kept, included, this.#shownIds, {
      range: (n) => t('compare.range', { from: choice.from || '…', to: choice.to || '…', n: formatNumber(n) }),
      shown: (n) => t('compare.filtered', { n: formatNumber(n) }),
    });
    if (!target?.ids.length || !reference?.ids.length) return { sets: null, stale: true };
    return { sets: { target, reference }, stale };
  }

  /**
   * The data for these words and this selection (or the sets chosen in Compare), if it is in
   * (else asked for).
   * @param {CloudWord[]} words @param {ViewState | null} state
   * @param {{target: CompareSet, reference: CompareSet} | null} sets
   */
  #dataFor(words, state, sets) {
    const settings = state?.settings;
    const terms = words.map((w) => w.term ?? w.text);
    // ctx.request adds the merges and separatePos in force (www/terms.js). With Compare's sets,
    // the target is the selection and the reference its own (Compare's keyness of the same).
    const options = sets
      ? { documents: sets.target.ids, reference: sets.reference.ids, filter: settings?.filter }
      : { documents: state ? [...state.included] : null, filter: settings?.filter };
    const key = JSON.stringify([this.#analyses, terms, options]);
    if (this.#data?.key === key) return this.#data.data;
    if (this.#asked !== key) {
      this.#asked = key;
      this.#ctx.request('colourData', terms, options).then(
        (/** @type {ColourData} */ data) => {
          if (this.#asked !== key) return; // overtaken
          this.#data = { key, data };
          this.#onData();
        },
        (/** @type {unknown} */ err) => {
          if (this.#asked === key) this.#asked = ''; // asked again next time
          // Stale: asked of the start-up snapshot; the live analysis's update asks again.
          if (!isStale(err)) this.#ctx.notify(/** @type {Error} */ (err), 'error');
        },
      );
    }
    return this.#data?.data ?? null; // the last data meanwhile: words it knows keep their colour
  }

  /** @param {ReturnType<typeof legend> | null} shown */
  #showLegend(shown) {
    this.element.hidden = !shown;
    if (!shown) return;
    this.title.textContent = shown.title;
    this.help.textContent = shown.help;
    this.list.replaceChildren(
      ...shown.entries.map((entry) =>
        h('li', { dataset: { key: entry.key, color: entry.color } }, swatch(entry.color), entry.label),
      ),
    );
  }
}

/** A square of `color` (set through the CSSOM: the page's CSP refuses style attributes). @param {string} color */
function swatch(color) {
  const node = h('span', { class: 'cloud-legend-swatch' });
  node.style.backgroundColor = color;
  return node;
}
