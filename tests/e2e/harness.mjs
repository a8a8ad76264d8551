// Browser test harness: serves dist/ with the xtask static server on a free port, drives
// Debian's Chromium headless through playwright-core, and records what the page did.
// Every test should end with `session.assertClean()`: no console error, no uncaught error,
// and no request to any origin but the page's own.
//
// The server is the xtask binary named by WENXI_XTASK_BIN (set by `cargo xtask test`), or
// `cargo xtask serve --no-build` when the tests are run by hand after `cargo xtask build`.
// startFileSession() opens a page from the file system instead (the single-file build), with no
// server; there only file:, data: and blob: URLs count as local.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox', // CI runs as root, where Chromium's sandbox cannot start
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-gpu',
];
const SERVER_START_TIMEOUT_MS = 120_000; // `cargo xtask` may have to compile xtask first

/**
 * Starts the static server on a free port; resolves to {url, origin, close()}. `dir` (absolute,
 * or relative to the project root) serves another folder than dist/, e.g. a copy a test changes.
 */
export function startServer({ dir } = {}) {
  const bin = process.env.WENXI_XTASK_BIN;
  const serveArgs = ['serve', '--no-build', '--port', '0', ...(dir ? ['--dir', dir] : [])];
  const [command, args] = bin ? [bin, serveArgs] : ['cargo', ['xtask', ...serveArgs]];
  const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`the server did not start within ${SERVER_START_TIMEOUT_MS} ms:\n${output}`));
    }, SERVER_START_TIMEOUT_MS);
    const fail = (why) => {
      clearTimeout(timer);
      reject(new Error(`${command} ${args.join(' ')}: ${why}\n${output}`));
    };
    child.on('error', (err) => fail(err.message));
    child.on('exit', (code) => fail(`exited with ${code} before serving`));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /^Serving .* at (http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      const url = match[1];
      resolve({
        url,
        origin: new URL(url).origin,
        close: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill();
          }),
      });
    });
  });
}

/**
 * Starts the server and a browser with one page, recording console errors, uncaught errors and
 * every request. Resolves to a session: {page, context, url, consoleErrors, pageErrors, requests,
 * foreignRequests(), screenshot(name), assertClean(), close()}. `options.dir`: see startServer().
 * `options.context`: Playwright's browser context options over the desktop default (1280×900),
 * e.g. a phone: `{viewport: {width: 390, height: 844}, hasTouch: true, isMobile: true}`.
 */
export async function startSession(options = {}) {
  const server = await startServer(options);
  const isLocal = (url) => {
    if (url.startsWith('data:') || url.startsWith('blob:')) return true;
    return new URL(url).origin === server.origin;
  };
  let session;
  try {
    session = await launch(isLocal, options.context);
  } catch (err) {
    await server.close();
    throw err;
  }
  const closeBrowser = session.close;
  return Object.assign(session, {
    url: server.url,
    async close() {
      await closeBrowser();
      await server.close();
    },
  });
}

/**
 * A browser with one page and no server, for a page opened from the file system: the same
 * session as startSession() but with `url` the file: URL of `path` (absolute, or relative to the
 * project root), and only file:, data: and blob: requests counted as local (no http at all).
 */
export async function startFileSession(path) {
  const url = pathToFileURL(resolvePath(ROOT, path)).href;
  const isLocal = (requested) => /^(file|data|blob):/.test(requested);
  return Object.assign(await launch(isLocal), { url });
}

/** Launches Chromium with one recorded page; `isLocal(url)` says which requests are allowed. */
async function launch(isLocal, contextOptions = {}) {
  let browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  } catch (err) {
    throw new Error(`cannot launch ${CHROMIUM} (apt-get install chromium): ${err.message}`, { cause: err });
  }
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
    ...contextOptions,
  });
  const consoleErrors = [];
  const pageErrors = [];
  const requests = [];
  // Context-wide, so that the worker's messages and fetches are seen too.
  context.on('console', (message) => {
    if (message.type() === 'error') {
      const { url, lineNumber } = message.location();
      consoleErrors.push(`${message.text()} (${url}:${lineNumber})`);
    }
  });
  context.on('weberror', (webError) => pageErrors.push(String(webError.error())));
  context.on('request', (request) => requests.push(request.url()));
  const page = await context.newPage();
  page.on('pageerror', (err) => pageErrors.push(String(err)));

  return {
    page,
    context,
    consoleErrors,
    pageErrors,
    requests,
    foreignRequests: () => requests.filter((url) => !isLocal(url)),

    async screenshot(name) {
      mkdirSync(ARTIFACTS, { recursive: true });
      const path = `${ARTIFACTS}${name}.png`;
      await page.screenshot({ path, fullPage: true });
      return path;
    },

    assertClean() {
      assert.deepEqual(consoleErrors, [], 'the page logged errors to the console');
      assert.deepEqual([...new Set(pageErrors)], [], 'the page threw uncaught errors');
      assert.deepEqual(this.foreignRequests(), [], 'the page made requests to other origins');
      assert.ok(requests.length > 0, 'no request was recorded at all');
    },

    async close() {
      await browser.close().catch(() => {});
    },
  };
}
