// The pool's phases in CPU time (issue 12, target 3), through the real .wasm in Node, one thread:
// what a pool worker does with a file (prepareFile: decode, clean, segment, encode) and what the
// analysis worker does with it after (addPrepared: decode the bytes, merge the vocabulary, remap
// the tokens) against the one-worker path (addFile). CPU time (process.cpuUsage), not wall time,
// so that a loaded machine changes it little: the serial share is what bounds the pool's speed-up
// (Amdahl), whoever else runs. Prints each phase's min / median of the runs and their ratios.
// Run after `cargo xtask build`:  node benches/pool-phases.mjs [--runs N] [--files N] [--mb-per-file N]
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { seedText as text } from './support/corpus.mjs';

const ROOT = new URL('../', import.meta.url);
const PKG = new URL('www/pkg/', ROOT);
const option = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = option('--runs', 3);
const FILES = option('--files', 4);
const FILE_BYTES = option('--mb-per-file', 10) * 1_000_000;

const { initSync, Analyzer } = await import(new URL('wenxi.js', PKG).href);
initSync({ module: readFileSync(new URL('wenxi_bg.wasm', PKG)) });
const WXD = new Uint8Array(readFileSync(new URL('wenxi.wxd', PKG)));

/** CPU ms of `fn` (this process: one thread does the work). */
function cpu(fn) {
  const before = process.cpuUsage();
  const value = fn();
  const used = process.cpuUsage(before);
  return { ms: (used.user + used.system) / 1000, value };
}

const files = Array.from({ length: FILES }, (_, i) => {
  const name = `pool-${String(i).padStart(2, '0')}.txt`;
  return { name, bytes: text(name, FILE_BYTES) };
});
const origin = {};
const phases = { prepare: [], add: [], addFile: [] };
for (let run = 0; run < RUNS; run++) {
  // A pool worker's engine and the analysis worker's, as on the page.
  const worker = new Analyzer(WXD);
  const main = new Analyzer(WXD);
  const alone = new Analyzer(WXD);
  let prepare = 0;
  let add = 0;
  let addFile = 0;
  for (const file of files) {
    const prepared = cpu(() => worker.prepareFile(file.name, file.bytes, origin));
    prepare += prepared.ms;
    add += cpu(() => main.addPrepared(prepared.value)).ms;
    addFile += cpu(() => alone.addFile(file.name, file.bytes, origin)).ms;
  }
  for (const a of [worker, main, alone]) a.free();
  phases.prepare.push(prepare);
  phases.add.push(add);
  phases.addFile.push(addFile);
  console.log(
    `  run ${run + 1}: prepareFile ${prepare.toFixed(0)} ms, addPrepared ${add.toFixed(0)} ms, addFile ${addFile.toFixed(0)} ms (CPU)`,
  );
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const min = (xs) => Math.min(...xs);
const [p, a, f] = [phases.prepare, phases.add, phases.addFile].map(median);
const mb = (FILES * FILE_BYTES) / 1e6;
console.log(`
| ${mb.toFixed(0)} MB (${FILES} files), ${RUNS} runs, CPU ms | min | median | thread |
| --- | ---: | ---: | --- |
| prepareFile (decode, clean, segment, encode) | ${min(phases.prepare).toFixed(0)} | ${p.toFixed(0)} | a pool worker (parallel) |
| addPrepared (decode, merge the vocabulary, remap) | ${min(phases.add).toFixed(0)} | ${a.toFixed(0)} | the analysis worker (serial) |
| addFile (segmented straight into the corpus) | ${min(phases.addFile).toFixed(0)} | ${f.toFixed(0)} | the analysis worker |

addPrepared (serial, on the analysis worker) is ${((100 * a) / p).toFixed(1)} % of prepareFile (parallel);
prepareFile is ${(p / f).toFixed(2)}× addFile (what the encoding of the prepared bytes costs; the page's one-worker
path pays it too, for the stored index). Load ${loadavg()
  .map((n) => n.toFixed(2))
  .join(' ')}`);
