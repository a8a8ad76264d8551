// Where the bundled articles come from. The served page fetches them from seeds/ next to
// index.html (seeds/index.json lists them, in order). The single-file build (`cargo xtask
// single`) replaces this module with one that holds the same files inline (vite.config.js),
// because a page opened from file:// cannot fetch anything.

/** Resolves to [{name, bytes}] for every seed listed under `baseUrl` but those in `skip`
 *  (fetched in parallel, kept in index.json's order). */
export async function seedFiles(baseUrl, skip = []) {
  const index = await fetchOk(new URL('index.json', baseUrl), '示例文章目录');
  const { files } = await index.json();
  return Promise.all(
    files
      .filter((f) => !skip.includes(f))
      .map(async (name) => {
        const response = await fetchOk(new URL(name, baseUrl), `示例文章「${name}」`);
        return { name, bytes: new Uint8Array(await response.arrayBuffer()) };
      }),
  );
}

async function fetchOk(url, what) {
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`无法加载${what}（HTTP ${response.status}）。 / Cannot load ${url} (HTTP ${response.status}).`);
  }
  return response;
}
