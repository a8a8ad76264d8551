// @ts-check
// Where the bundled articles come from. The served page fetches them from seeds/ next to
// index.html (seeds/index.json lists them, in order). The single-file build (`cargo xtask
// single`) replaces this module with one that holds the same files inline (vite.config.js),
// because a page opened from file:// cannot fetch anything.
import { codedError } from './protocol.js';

/**
 * Resolves to [{name, bytes}] for every seed listed under `baseUrl` but those in `skip`
 * (fetched in parallel, kept in index.json's order).
 * @param {string} baseUrl
 * @param {string[]} [skip]
 * @returns {Promise<{name: string, bytes: Uint8Array}[]>}
 */
export async function seedFiles(baseUrl, skip = []) {
  const index = await fetchOk(new URL('index.json', baseUrl));
  const { files } = /** @type {{files: string[]}} */ (await index.json());
  return Promise.all(
    files
      .filter((f) => !skip.includes(f))
      .map(async (name) => {
        const response = await fetchOk(new URL(name, baseUrl));
        return { name, bytes: new Uint8Array(await response.arrayBuffer()) };
      }),
  );
}

/** @param {URL} url */
async function fetchOk(url) {
  const response = await fetch(url);
  if (!response.ok) {
    const file = decodeURIComponent(url.pathname.split('/').pop() ?? '');
    throw codedError('seeds_http', { file, status: response.status }, `cannot load ${url} (HTTP ${response.status})`);
  }
  return response;
}
