// @ts-check
// The page's first script, kept small: it starts the analysis worker, then loads the page
// (www/main.js and the views, ~330 KB). The worker's script, the .wasm and the dictionary are
// fetched and compiled while the page's code is still loading, instead of after it has run
// (docs/performance/STARTUP.md).
import { keepEarlyDrops } from './early-drops.js';
import { startEarlyCloudWorker, startEarlyWorker } from './early-worker.js';

performance.mark('wenxi:page:boot');
// A file dropped while the page's code loads is kept for it, not lost.
keepEarlyDrops();
startEarlyWorker();
startEarlyCloudWorker();
import('./main.js');
