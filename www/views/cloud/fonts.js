// @ts-check
// Which CJK fonts the computer has, found by measuring (nothing is ever downloaded): a family
// that is installed draws a sample the same whatever the fallback after it, one that is not
// falls back, and two different fallbacks then differ. Pure; the view passes the measure.

/** Families people have on Windows, macOS, Linux and Android, Simplified and Traditional. */
export const CANDIDATE_FONTS = Object.freeze([
  'Noto Sans CJK SC',
  'Noto Serif CJK SC',
  'Source Han Sans SC',
  'Source Han Serif SC',
  'WenQuanYi Micro Hei',
  'WenQuanYi Zen Hei',
  'AR PL UKai CN',
  'AR PL UMing CN',
  'PingFang SC',
  'Hiragino Sans GB',
  'Songti SC',
  'Kaiti SC',
  'STHeiti',
  'Microsoft YaHei',
  'SimSun',
  'SimHei',
  'KaiTi',
  'FangSong',
  'DengXian',
  'Microsoft JhengHei',
  'PingFang TC',
  'Noto Sans CJK TC',
]);

/** Latin and CJK: the fallbacks below differ in both. */
export const SAMPLE = '文析词云竖排 Wenxi mmlli 0123';
const FALLBACKS = ['monospace', 'serif'];

/**
 * The candidates that are installed: those whose sample measures the same with either fallback.
 * @param {(font: string) => number} measure the width of SAMPLE in a CSS font shorthand
 * @param {readonly string[]} [candidates]
 * @returns {string[]}
 */
export function installedFonts(measure, candidates = CANDIDATE_FONTS) {
  const base = FALLBACKS.map((f) => measure(`40px ${f}`));
  return candidates.filter((family) => {
    const widths = FALLBACKS.map((f) => measure(`40px "${family}", ${f}`));
    // Installed: the fallbacks are not used, so both widths are the family's; and the family
    // is not just one of the fallbacks under another name.
    return widths[0] === widths[1] && (widths[0] !== base[0] || widths[1] !== base[1]);
  });
}

/** The weights a person can choose (CSS numbers); a font without one draws the nearest. */
export const FONT_WEIGHTS = Object.freeze([300, 400, 500, 700, 900]);
