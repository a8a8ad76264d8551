// Waiting for the page during a timed start-up without timing the wait itself.
//
// Playwright's page.waitForFunction and page.evaluate first evaluate Playwright's own injected
// script (a few hundred KB) in the page's main world: 60-75 ms of the page's thread right after
// the load event (an `EvaluateScript` with no URL in Chromium's trace), in the middle of the
// page's start-up, whose work is on that thread. jieba-wasm's page, which the start-up is
// compared with, does its work in a worker and is not slowed by it. Here the wait is one small
// expression evaluated over the page's own DevTools session (Runtime.evaluate, awaitPromise),
// polling with a timer: the page's thread spends microseconds a check.

/**
 * Resolves to the truthy value of `predicate` (a function's source, run in the page every
 * `pollMs`) once it has one; rejects after `timeoutMs`. Call it after the navigation resolved.
 * @param {import('playwright-core').Page} page
 * @param {string} predicate e.g. `() => window.__done`
 */
export async function waitInPage(page, predicate, { timeoutMs = 60_000, pollMs = 20 } = {}) {
  const cdp = await page.context().newCDPSession(page);
  const expression = `new Promise((resolve) => {
    const check = () => {
      const value = (${predicate})();
      if (value) resolve(value);
      else setTimeout(check, ${pollMs});
    };
    check();
  })`;
  let timer;
  try {
    const answer = cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`waited ${timeoutMs} ms for ${predicate}`)), timeoutMs);
    });
    const { result, exceptionDetails } = await Promise.race([answer, timeout]);
    if (exceptionDetails)
      throw new Error(`${predicate}: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value;
  } finally {
    clearTimeout(timer);
    await cdp.detach().catch(() => {});
  }
}

/**
 * Resolves once the page's service worker is installed and controls the page (so that a reload
 * is served by it: a warm start); at once on a page without one. Not timed: call it after the
 * start-up being measured.
 * @param {import('playwright-core').Page} page
 */
export async function untilServiceWorkerControls(page) {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker?.ready;
    if (registration && !navigator.serviceWorker.controller)
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
  });
}
