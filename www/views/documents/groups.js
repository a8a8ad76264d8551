// @ts-check
// The groups of a corpus as a tree (pure): every group and every group above it ("2023/上海"
// makes "2023" too), in tree order, with how many documents each holds (its subgroups'
// included, a document counted once).

/** @typedef {import('../../shapes.js').DocumentInfo} DocumentInfo */
/** @typedef {{group: string, label: string, depth: number, count: number}} GroupNode */

const collator = new Intl.Collator('zh', { numeric: true });

/** @param {DocumentInfo[]} docs @returns {GroupNode[]} */
export function groupTree(docs) {
  /** @type {Map<string, Set<number>>} */
  const members = new Map();
  for (const doc of docs) {
    for (const group of doc.groups) {
      const parts = group.split('/');
      for (let depth = 1; depth <= parts.length; depth++) {
        const node = parts.slice(0, depth).join('/');
        let set = members.get(node);
        if (!set) members.set(node, (set = new Set()));
        set.add(doc.id);
      }
    }
  }
  // Part by part, so that "2023/上海" sorts right under "2023", before "2023 年".
  const keys = [...members.keys()].sort((a, b) => {
    const [pa, pb] = [a.split('/'), b.split('/')];
    for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
      const order = collator.compare(pa[i], pb[i]);
      if (order) return order;
    }
    return pa.length - pb.length;
  });
  return keys.map((group) => {
    const parts = group.split('/');
    return { group, label: parts.at(-1) ?? group, depth: parts.length - 1, count: members.get(group)?.size ?? 0 };
  });
}

/** Every group of the corpus, once, sorted (for a list to pick from). */
export const allGroups = (/** @type {DocumentInfo[]} */ docs) => groupTree(docs).map((node) => node.group);
