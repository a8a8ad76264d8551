// @ts-check
// Terms typed for the trend chart (pure): split on commas (either width), 、, semicolons and
// spaces; each once, in order.

/** @param {string} text @returns {string[]} */
export function splitTerms(text) {
  const terms = text
    .split(/[,，、;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return [...new Set(terms)];
}
