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

/**
 * The seeds segmented at build time (scripts/snapshot.mjs: seeds/prepared.wxpd under `baseUrl`),
 * one prepared document each, in index.json's order; null when they cannot be had (the caller
 * segments the seeds instead). The single-file build has none (its seeds.js has no fetch).
 * `file`: prepared-posseg.wxpd for the seeds segmented with posseg's model loaded.
 * @param {string} baseUrl @param {string} [file]
 * @returns {Promise<Uint8Array[] | null>}
 */
export async function preparedSeeds(baseUrl, file = 'prepared.wxpd') {
  try {
    const response = await fetch(new URL(file, baseUrl));
    if (!response.ok) return null;
    const bytes = new Uint8Array(await response.arrayBuffer());
    const view = new DataView(bytes.buffer);
    const forms = [];
    for (let at = 0; at < bytes.length;) {
      if (at + 4 > bytes.length) return null;
      const length = view.getUint32(at, true);
      at += 4;
      if (at + length > bytes.length) return null;
      forms.push(bytes.subarray(at, at + length));
      at += length;
    }
    return forms;
  } catch {
    return null;
  }
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
