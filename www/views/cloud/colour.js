// @ts-check
// The cloud's colour by document group and by keyness, as pure functions over what the core's
// colourData sends (www/types/ColourData.ts): each word's colour, and the legend that says what
// the colours mean. A word without data (not counted in the selection, a merged form) is
// NEUTRAL, never an error.

/** @typedef {import('../../types/ColourData').ColourData} ColourData */
/** @typedef {import('../../types/TermColour').TermColour} TermColour */
/** @typedef {{color: string, label: string, key: string}} LegendEntry */
/** @typedef {import('../shared.js').ViewContext['t']} Translate */
/**
 * The comparison chosen in Compare that the keyness is of, by the sets' names (shortName'd);
 * `stale`: one was chosen that is no longer there (the default reference is used).
 * @typedef {{target: string, reference: string} | null} ChosenNames
 */

/** Grey: no data, or not significantly more or less frequent than in the reference. */
export const NEUTRAL = '#9a9a9a';

/** G² at p < 0.05 (one degree of freedom): below it, a word is not coloured as key. */
export const CRITICAL_LLR = 3.84;

/**
 * Keyness bands by log2 of the ratio of relative frequencies, over-used (red) to under-used
 * (blue), for significant words: ≥ 32×, 8–32×, 2–8×, < 2× as often as in the reference, and the
 * same the other way. A diverging scale (ColorBrewer RdBu's hues, darkened to read on white).
 */
export const KEYNESS_BANDS = Object.freeze([
  { key: 'over32', min: 5, color: '#67001f' },
  { key: 'over8', min: 3, color: '#b2182b' },
  { key: 'over2', min: 1, color: '#d6604d' },
  { key: 'over1', min: 0, color: '#e08a6e' },
  { key: 'under1', min: -1, color: '#6fa3cc' },
  { key: 'under2', min: -3, color: '#4393c3' },
  { key: 'under8', min: -5, color: '#2166ac' },
  { key: 'under32', min: -Infinity, color: '#053061' },
]);

/**
 * The band of a word's keyness, or null when it has none or is not significant.
 * @param {TermColour | undefined} data
 */
export function keynessBand(data) {
  if (!data || data.llr == null || data.logRatio == null) return null;
  if (Math.abs(data.llr) < CRITICAL_LLR) return null;
  // The sign of G² and of the log ratio agree but for smoothing at zero counts: G² decides.
  const ratio = data.llr > 0 ? Math.max(0, data.logRatio) : Math.min(-1e-9, data.logRatio);
  return KEYNESS_BANDS.find((band) => ratio >= band.min) ?? null;
}

/**
 * Each word's colour by `colorBy` ('group' or 'keyness') from `data` (matched by term).
 * @param {{text: string, term?: string}[]} words
 * @param {'group' | 'keyness'} colorBy
 * @param {ColourData | null} data
 * @param {readonly string[]} palette
 * @returns {string[]}
 */
export function dataColors(words, colorBy, data, palette) {
  const byTerm = new Map((data?.terms ?? []).map((t) => [t.term, t]));
  return words.map((word) => {
    const entry = byTerm.get(word.term ?? word.text);
    if (colorBy === 'keyness') return keynessBand(entry)?.color ?? NEUTRAL;
    return entry?.group == null ? NEUTRAL : palette[entry.group % palette.length];
  });
}

/**
 * What the colours mean: for groups, each group that some word takes (its colour, its name, ""
 * as “no group” / “no source”); for keyness, each band some word falls in, then the grey, and
 * the reference named (the set chosen in Compare, when the keyness is of that comparison).
 * @param {{text: string, term?: string}[]} words
 * @param {'group' | 'keyness'} colorBy
 * @param {ColourData} data
 * @param {readonly string[]} palette
 * @param {Translate} t
 * @param {{chosen: ChosenNames, stale: boolean}} [comparison]
 * @returns {{title: string, help: string, entries: LegendEntry[]}}
 */
export function legend(words, colorBy, data, palette, t, comparison = { chosen: null, stale: false }) {
  const byTerm = new Map(data.terms.map((entry) => [entry.term, entry]));
  const shown = words.map((word) => byTerm.get(word.term ?? word.text));
  /** @type {LegendEntry[]} */
  const entries = [];
  if (colorBy === 'group') {
    const used = new Set(shown.map((entry) => entry?.group).filter((g) => g != null));
    const neutral = shown.some((entry) => entry?.group == null);
    data.groups.forEach((group, i) => {
      if (!used.has(i)) return;
      const name = group.name || t(`cloud.legend.none.${data.groupBy}`);
      entries.push({ key: `group:${group.name}`, color: palette[i % palette.length], label: name });
    });
    const help = t(data.groups.length < 2 ? 'cloud.legend.groupHelpOne' : 'cloud.legend.groupHelp', {
      by: t(`cloud.legend.by.${data.groupBy}`),
    });
    if (neutral) entries.push({ key: 'none', color: NEUTRAL, label: t('cloud.legend.noData') });
    return { title: t('cloud.legend.groupTitle', { by: t(`cloud.legend.by.${data.groupBy}`) }), help, entries };
  }
  const bands = new Set(shown.map((entry) => keynessBand(entry)?.key));
  for (const band of KEYNESS_BANDS) {
    if (bands.has(band.key)) entries.push({ key: band.key, color: band.color, label: t(`cloud.legend.${band.key}`) });
  }
  if (bands.has(undefined)) entries.push({ key: 'neutral', color: NEUTRAL, label: t('cloud.legend.notKey') });
  const chosen = data.reference === 'documents' ? comparison.chosen : null;
  const reference = chosen
    ? t('cloud.legend.reference.chosen', { name: chosen.reference })
    : t(`cloud.legend.reference.${data.reference}`);
  const help = chosen ? t('cloud.legend.keynessHelpChosen', chosen) : t('cloud.legend.keynessHelp', { reference });
  return {
    title: t('cloud.legend.keynessTitle', { reference }),
    help: comparison.stale ? `${help} ${t('cloud.legend.staleChoice')}` : help,
    entries,
  };
}
