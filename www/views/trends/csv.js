// @ts-check
// What the trend and dispersion CSV files hold (pure): a row per bin with each term's count and
// relative frequency, and a row per occurrence with its document and character offset.

/** @typedef {import('../../types/Trends').Trends} Trends */
/** @typedef {import('../../types/Dispersion').Dispersion} Dispersion */
/** @typedef {(key: string, vars?: import('../../i18n.js').Vars) => string} Translate */

/** @param {Trends} trends @param {Translate} t @returns {{header: string[], rows: unknown[][]}} */
export function trendTable(trends, t) {
  const header = [t('trends.csv.bin'), t('trends.csv.label'), t('trends.csv.documents'), t('trends.csv.words')];
  for (const s of trends.series)
    header.push(t('trends.csv.count', { term: s.term }), t('trends.csv.per10k', { term: s.term }));
  const rows = trends.bins.map((bin, i) => [
    bin.key,
    bin.label,
    bin.documents.length,
    bin.words,
    ...trends.series.flatMap((s) => [s.counts[i], s.perTenThousand[i]]),
  ]);
  return { header, rows };
}

/** @param {Dispersion} dispersion @param {Translate} t @returns {{header: string[], rows: unknown[][]}} */
export function dispersionTable(dispersion, t) {
  const header = [
    t('trends.csv.term'),
    t('trends.csv.id'),
    t('trends.csv.name'),
    t('trends.csv.chars'),
    t('trends.csv.offset'),
  ];
  const rows = dispersion.documents.flatMap((doc) =>
    doc.offsets.map((offset) => [dispersion.term, doc.id, doc.name, doc.chars, offset]),
  );
  return { header, rows };
}
