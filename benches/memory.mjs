// Wasm memory of one large add, through the real .wasm in Node (the glue the page uses): the
// seeds added as the page adds them, then one file of about 100 MB (the seeds repeated, as
// benches/browser.mjs builds it) added with addFile, as the page's corpus.js does. Wasm memory
// never shrinks, so its size afterwards is the peak. Also prints the time of the add and of
// `new Analyzer(wxd)` (the dictionary load on the start-up path), the minimum of `--runs`
// fresh processes' worth of runs (each run is a fresh instance).
// Run after `cargo xtask build` (or `cargo xtask wasm`):
//   node benches/memory.mjs [--mb 99.9] [--runs 3]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { seedCorpus } from './support/corpus.mjs';

const { values } = parseArgs({
  options: { mb: { type: 'string', default: '99.9' }, runs: { type: 'string', default: '1' } },
});
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const PKG = join(ROOT, 'www', 'pkg');
const glue = join(PKG, 'wenxi.js');
const MODULE = readFileSync(join(PKG, 'wenxi_bg.wasm'));
const WXD = new Uint8Array(readFileSync(join(PKG, 'wenxi.wxd')));
const MIB = 2 ** 20;

const { files } = JSON.parse(readFileSync(join(ROOT, 'seeds', 'index.json'), 'utf8'));
const seeds = files.map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(ROOT, 'seeds', name))) }));
const big = new Uint8Array(seedCorpus(Math.round(Number(values.mb) * 1e6)));

const runs = [];
for (let run = 0; run < Number(values.runs); run++) {
  // A fresh module instance per run: memory is per instance and never shrinks.
  const { initSync, Analyzer } = await import(`${glue}?run=${run}`);
  const wasm = initSync({ module: MODULE });
  let t = performance.now();
  const analyzer = new Analyzer(WXD);
  const load = performance.now() - t;
  for (const { name, bytes } of seeds) analyzer.addDocument(name, bytes);
  const seedsMemory = wasm.memory.buffer.byteLength;
  t = performance.now();
  const info = analyzer.addFile('corpus.txt', big, {});
  const add = performance.now() - t;
  const memory = wasm.memory.buffer.byteLength;
  runs.push({ load, seedsMemory, add, memory, tokens: info.tokens });
  analyzer.free();
}
const min = (key) => Math.min(...runs.map((r) => r[key]));
const mb = big.length / 1e6;
console.log(
  `${mb.toFixed(1)} MB, ${runs[0].tokens} tokens; new Analyzer(wxd) ${min('load').toFixed(0)} ms; ` +
    `wasm memory after the seeds ${(min('seedsMemory') / MIB).toFixed(0)} MiB, after the file ${(min('memory') / MIB).toFixed(0)} MiB ` +
    `(${(min('memory') / MIB / mb).toFixed(2)}× its text, MiB ÷ MB); add ${(min('add') / 1000).toFixed(2)} s ` +
    `(${(mb / (min('add') / 1000)).toFixed(1)} MB/s); runs ${runs.length}`,
);
