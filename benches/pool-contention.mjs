// Whether two engines segmenting at once slow each other down (issue 12, target 3): the pool's
// workers spent more CPU per byte than the one analysis worker did on the same files
// (docs/performance/CORES.md). Each Node worker thread here loads the real .wasm and its own
// dictionary, as a pool worker does, and prepares the same files (prepareFile); the time per file
// alone and with N-1 others at once says what the cores' shared caches and memory cost, apart
// from anything the browser does. Run after `cargo xtask build`:
//   node benches/pool-contention.mjs [--threads N] [--files N] [--mb-per-file N] [--runs N]
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { seedText as text } from './support/corpus.mjs';

const ROOT = new URL('../', import.meta.url);
const PKG = new URL('www/pkg/', ROOT);

if (!isMainThread) {
  const { initSync, Analyzer } = await import(new URL('wenxi.js', PKG).href);
  initSync({ module: readFileSync(new URL('wenxi_bg.wasm', PKG)) });
  const analyzer = new Analyzer(new Uint8Array(readFileSync(new URL('wenxi.wxd', PKG))));
  const { files, mb } = workerData;
  const inputs = Array.from({ length: files }, (_, i) => text(`pool-${i}.txt`, mb * 1_000_000));
  // One file first, untimed: the code tiered up and the memory grown, as in a warm pool worker.
  analyzer.prepareFile('warm.txt', inputs[0], {});
  parentPort.postMessage('ready');
  parentPort.once('message', () => {
    const ms = [];
    for (const [i, bytes] of inputs.entries()) {
      const start = performance.now();
      analyzer.prepareFile(`pool-${i}.txt`, bytes, {});
      ms.push(performance.now() - start);
    }
    parentPort.postMessage(ms);
  });
} else {
  const option = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const THREADS = option('--threads', 2);
  const FILES = option('--files', 3);
  const MB = option('--mb-per-file', 10);
  const RUNS = option('--runs', 2);

  /** Prepares the files in `n` threads at once; resolves to every file's ms. */
  async function round(n) {
    const workers = Array.from(
      { length: n },
      () => new Worker(new URL(import.meta.url), { workerData: { files: FILES, mb: MB } }),
    );
    await Promise.all(workers.map((w) => new Promise((resolve) => w.once('message', resolve))));
    const results = workers.map((w) => new Promise((resolve) => w.once('message', resolve)));
    for (const w of workers) w.postMessage('go');
    const ms = (await Promise.all(results)).flat();
    await Promise.all(workers.map((w) => w.terminate()));
    return ms;
  }

  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(
    `${cpus().length} cores; load ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  console.log(`prepareFile of ${MB} MB files, ${FILES} per thread, ms per file (median of the run):`);
  const alone = [];
  const together = [];
  for (let run = 0; run < RUNS; run++) {
    alone.push(median(await round(1)));
    together.push(median(await round(THREADS)));
    console.log(`  run ${run + 1}: alone ${alone.at(-1).toFixed(0)}, ${THREADS} at once ${together.at(-1).toFixed(0)}`);
  }
  const ratio = median(together) / median(alone);
  console.log(`${THREADS} at once ÷ alone: ${ratio.toFixed(2)}× the time per file (1.00×: no contention)`);
  console.log(
    `load at the end ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
}
