// CLI scaling (issue 12): `wenxi keywords` over a directory of files, with RAYON_NUM_THREADS = 1,
// 2, ... up to the machine's cores. The corpus is the seeds repeated into FILES files of
// MB_PER_FILE megabytes each, in a temporary directory. Prints min / median / max wall time per
// thread count and the speed-up against one thread (medians, same run).
//   cargo build --release -p wenxi-cli && node benches/cli.mjs [--runs N] [--files N] [--mb N]
// Numbers, not pass/fail: compare the ratios of one run; a busy machine lowers them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const option = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = option('--runs', 5);
const FILES = option('--files', 16);
const MB_PER_FILE = option('--mb', 4);
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'target', 'release', 'wenxi');

const seeds = JSON.parse(readFileSync(join(ROOT, 'seeds', 'index.json'), 'utf8')).files.map((name) =>
  readFileSync(join(ROOT, 'seeds', name), 'utf8'),
);
const dir = mkdtempSync(join(tmpdir(), 'wenxi-cli-bench-'));
try {
  const text = seeds.join('\n');
  const copies = Math.ceil((MB_PER_FILE * 1e6) / Buffer.byteLength(text));
  for (let i = 0; i < FILES; i++) {
    // Each file starts elsewhere in the seeds, so that no two are the same.
    const shift = (i * 997) % text.length;
    const rotated = text.slice(shift) + text.slice(0, shift);
    writeFileSync(join(dir, `${String(i).padStart(3, '0')}.txt`), Array(copies).fill(rotated).join('\n'));
  }
  const mb = (copies * Buffer.byteLength(text) * FILES) / 1e6;
  const cores = availableParallelism();
  const threads = [...new Set([1, 2, cores].filter((n) => n <= Math.max(2, cores)))];
  /** @type {Map<number, number[]>} */
  const times = new Map(threads.map((n) => [n, []]));
  /** @type {Map<number, string>} */
  const phases = new Map();
  // Interleaved, so that a change in the machine's load touches every thread count alike.
  for (let run = 0; run < RUNS; run++) {
    for (const n of threads) {
      const started = performance.now();
      // WENXI_TIMINGS: the CLI says on stderr where the time went (engine, segmenting, adding,
      // analysis); the last run's line per thread count is printed below the table.
      const { status, stderr } = spawnSync(BIN, ['keywords', '--top', '20', dir], {
        env: { ...process.env, RAYON_NUM_THREADS: String(n), WENXI_TIMINGS: '1' },
        stdio: ['ignore', 'ignore', 'pipe'],
        encoding: 'utf8',
      });
      times.get(n).push(performance.now() - started);
      if (status !== 0) throw new Error(`wenxi exited with ${status}: ${stderr}`);
      phases.set(n, stderr.trim());
    }
  }
  const median = (/** @type {number[]} */ xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const base = median(times.get(1));
  console.log(
    `wenxi keywords: ${FILES} files, ${mb.toFixed(0)} MB; ${cpus()[0]?.model ?? '?'}, ${cores} cores; ${RUNS} runs`,
  );
  console.log('| threads | min s | median s | max s | MB/s (median) | speed-up vs 1 |');
  console.log('|---|---|---|---|---|---|');
  for (const [n, xs] of times) {
    const s = (/** @type {number} */ ms) => (ms / 1000).toFixed(2);
    console.log(
      `| ${n} | ${s(Math.min(...xs))} | ${s(median(xs))} | ${s(Math.max(...xs))} | ${(mb / (median(xs) / 1000)).toFixed(1)} | ${(base / median(xs)).toFixed(2)}× |`,
    );
  }
  for (const line of phases.values()) console.log(line);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
