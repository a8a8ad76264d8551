// @ts-check
// The order of a sortable table's rows. Pure: rows and a column in, rows out.

/**
 * `rows` ordered by `value(row)`: numbers by size, anything else as text in the language's
 * collation (Chinese by pinyin); values not known yet (null or undefined) last either way. Ties
 * keep the rows' original order, so sorting is stable and predictable. A new array; `rows` is
 * left as it was.
 * @template T
 * @param {T[]} rows
 * @param {(row: T) => unknown} value
 * @param {'asc' | 'desc'} dir
 * @param {string} [lang] 'zh' or 'en'
 * @returns {T[]}
 */
export function sortRows(rows, value, dir, lang = 'zh') {
  const sign = dir === 'asc' ? 1 : -1;
  const collator = new Intl.Collator(lang === 'en' ? 'en' : 'zh-CN');
  const indexed = rows.map((row, index) => ({ row, index, key: value(row) }));
  indexed.sort((a, b) => {
    const x = a.key;
    const y = b.key;
    if (x == null || y == null) return (x == null ? 1 : 0) - (y == null ? 1 : 0) || a.index - b.index;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return order * sign || a.index - b.index;
  });
  return indexed.map(({ row }) => row);
}
