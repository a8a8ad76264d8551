// @ts-check
// A document's text as the reader shows it (pure): line by line, each line set aside as page
// furniture marked with its kind and the rule that set it aside (the core's furniture(), by
// line index), and how much of it to draw at once.

/** @typedef {import('../../types/FurnitureLine').FurnitureLine} FurnitureLine */
/** @typedef {{text: string, furniture: FurnitureLine | null}} ReaderLine */

/** Lines drawn at first; a longer text shows a button for the rest. */
export const FIRST_LINES = 2000;

/**
 * @param {string} text the document's cleaned text (documentText)
 * @param {FurnitureLine[]} furniture its lines set aside
 * @returns {ReaderLine[]}
 */
export function readerLines(text, furniture) {
  const byLine = new Map(furniture.map((f) => [f.line, f]));
  return text.split('\n').map((line, index) => ({ text: line, furniture: byLine.get(index) ?? null }));
}

/** How many lines and characters are set aside. @param {ReaderLine[]} lines */
export function setAside(lines) {
  let count = 0;
  let chars = 0;
  for (const line of lines) {
    if (!line.furniture) continue;
    count++;
    chars += [...line.text].length;
  }
  return { lines: count, chars };
}
