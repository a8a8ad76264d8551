// Text reuse through the real .wasm in Node (V8, the engine of the page's worker): the corpus
// that `cargo bench --bench reuse` writes to target/reuse-corpus/ (5,000 documents, 20 MB), added
// with addFile (path = its folder/name, as a dropped folder gives them), then reuse() timed from
// scratch several times (a furniture switch on one document makes the next call recompute), and
// once analyze() with 重复段落只计一次 on. Prints min / median / max.
//   cargo bench --bench reuse     # writes the corpus (once)
//   cargo xtask wasm              # builds www/pkg/
//   node benches/reuse.mjs [--runs N]
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const PKG = join(ROOT, 'www/pkg');
const CORPUS = join(ROOT, 'target/reuse-corpus');
const i = process.argv.indexOf('--runs');
const RUNS = i > 0 ? Number(process.argv[i + 1]) : 5;

for (const [path, how] of [
  [join(PKG, 'wenxi_bg.wasm'), 'cargo xtask wasm'],
  [join(CORPUS, 'CORPUS'), 'cargo bench --bench reuse'],
]) {
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`${how}\` first`);
}
const { initSync, Analyzer } = await import(join(PKG, 'wenxi.js'));
initSync({ module: readFileSync(join(PKG, 'wenxi_bg.wasm')) });
const analyzer = new Analyzer(new Uint8Array(readFileSync(join(PKG, 'wenxi.wxd'))));

const files = [];
for (const folder of readdirSync(CORPUS)
  .filter((f) => f.startsWith('g'))
  .sort()) {
  for (const name of readdirSync(join(CORPUS, folder)).sort()) {
    files.push({ path: `reuse-corpus/${folder}/${name}`, name, bytes: readFileSync(join(CORPUS, folder, name)) });
  }
}
const megabytes = files.reduce((n, f) => n + f.bytes.length, 0) / 1e6;
let started = performance.now();
for (const f of files) analyzer.addFile(f.name, f.bytes, { path: f.path });
console.log(
  `added ${files.length} documents, ${megabytes.toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

const first = analyzer.documents()[0].id;
const times = [];
let pairs = 0;
for (let run = 0; run < RUNS; run++) {
  analyzer.updateDocuments([first], { countFurniture: run % 2 === 0 });
  started = performance.now();
  pairs = analyzer.reuse({}).totalPairs;
  times.push(performance.now() - started);
}
started = performance.now();
analyzer.reuse({});
const cached = performance.now() - started;
analyzer.setCountOnce(true);
started = performance.now();
analyzer.analyze({});
const countOnce = performance.now() - started;
analyzer.setCountOnce(false);
started = performance.now();
analyzer.analyze({});
const plain = performance.now() - started;

const sorted = [...times].sort((a, b) => a - b);
const ms = (x) => `${Math.round(x)} ms`;
console.log(
  `reuse() from scratch, ${RUNS} runs: min ${ms(sorted[0])}, median ${ms(sorted[Math.floor(RUNS / 2)])}, max ${ms(sorted[RUNS - 1])}; ${pairs} pairs`,
);
console.log(`reuse() again (cached): ${ms(cached)}`);
console.log(`analyze() with 重复段落只计一次 (index cached): ${ms(countOnce)}; without: ${ms(plain)}`);
