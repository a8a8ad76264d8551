// The start-up snapshot: the analysis of the bundled seeds with the page's default settings,
// computed at build time by the real engine (www/pkg/wenxi_bg.wasm + wenxi.wxd, through the
// same glue the worker uses) and written to www/pkg/snapshot.json, which main.js imports. The
// page shows it on a pristine first start while the worker loads, then replaces it with the
// live analysis (docs/ARCHITECTURE.md). `cargo xtask wasm` / `build` / `test` run this right
// after the wasm build, so it cannot drift from the engine or the seeds; it is never committed.
//
// It also writes the seeds segmented (www/pkg/seeds.wxpd: each seed's prepared document,
// `prepareFile`, src/corpus/stored.rs, in index.json's order, each after its length as a 4-byte
// little-endian number), copied to dist/seeds/prepared.wxpd: a pristine start adds them as they
// are (`addPrepared`) instead of segmenting them (www/worker.js startEarly). And the same,
// segmented with posseg's model loaded (www/pkg/seeds-posseg.wxpd → dist/seeds/
// prepared-posseg.wxpd): a returning visit whose stored documents were segmented with it loads
// the model first and adds the seeds so (www/worker.js loadSeeds), instead of segmenting them
// all again when the model comes.
//
//   node scripts/snapshot.mjs          (after the wasm build; writes www/pkg/snapshot.json,
//                                       seeds.wxpd, seeds-posseg.wxpd)
import { readFileSync, writeFileSync } from 'node:fs';
import { analysisOptions, DEFAULT_SETTINGS } from '../www/defaults.js';

const ROOT = new URL('../', import.meta.url);
const PKG = new URL('www/pkg/', ROOT);
const SEEDS = new URL('seeds/', ROOT);

const { initSync, Analyzer } = await import(new URL('wenxi.js', PKG).href);
initSync({ module: readFileSync(new URL('wenxi_bg.wasm', PKG)) });
const analyzer = new Analyzer(new Uint8Array(readFileSync(new URL('wenxi.wxd', PKG))));
// As the worker's first analysis: without jieba's IDF table (fetched after it), so jieba's
// TF-IDF is null here too.

// As main.js loadFromStore() on a first visit: no user words, no stop words, then every seed
// in index.json's order (worker.js loadSeeds, nothing skipped), all of them selected.
analyzer.setUserWords([]);
analyzer.setStopWords([]);
const { files } = JSON.parse(readFileSync(new URL('index.json', SEEDS), 'utf8'));
/** @type {Uint8Array[]} */
const prepared = [];
for (const name of files) {
  const bytes = new Uint8Array(readFileSync(new URL(name, SEEDS)));
  analyzer.addDocument(name, bytes);
  const form = analyzer.prepareFile(name, bytes, {});
  prepared.push(new Uint8Array(new Uint32Array([form.length]).buffer), form);
}
const documents = analyzer.documents();
const options = analysisOptions(
  structuredClone(DEFAULT_SETTINGS),
  documents.map((d) => d.id),
);
const analysis = analyzer.analyze(options);
analyzer.free();

const preparedOut = new URL('seeds.wxpd', PKG);
writeFileSync(preparedOut, Buffer.concat(prepared));

// The seeds prepared as an engine with posseg's model prepares them.
const tagger = new Analyzer(new Uint8Array(readFileSync(new URL('wenxi.wxd', PKG))));
tagger.setPossegModel(new Uint8Array(readFileSync(new URL('wenxi.wxp', PKG))));
/** @type {Uint8Array[]} */
const tagged = [];
for (const name of files) {
  const form = tagger.prepareFile(name, new Uint8Array(readFileSync(new URL(name, SEEDS))), {});
  tagged.push(new Uint8Array(new Uint32Array([form.length]).buffer), form);
}
tagger.free();
const taggedOut = new URL('seeds-posseg.wxpd', PKG);
writeFileSync(taggedOut, Buffer.concat(tagged));
const snapshot = { seeds: files, options, documents, analysis };
const out = new URL('snapshot.json', PKG);
writeFileSync(out, `${JSON.stringify(snapshot)}\n`);
console.log(
  `snapshot: ${documents.length} seeds, ${analysis.terms.length} terms, ${analysis.network.nodes.length} nodes, ` +
    `${analysis.phrases.length} phrases -> www/pkg/snapshot.json (${readFileSync(out).length} bytes), ` +
    `www/pkg/seeds.wxpd (${readFileSync(preparedOut).length} bytes), seeds-posseg.wxpd (${readFileSync(taggedOut).length} bytes)`,
);
