import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const seedsDir = fileURLToPath(new URL('./seeds/', import.meta.url));

// The worker fetches seeds/index.json and then each file it names, so the seeds are copied to
// dist/seeds/ under their own names (no hashing). In dev, Vite serves them from the project root.
function copySeeds() {
  return {
    name: 'wenxi:copy-seeds',
    apply: 'build',
    generateBundle() {
      for (const name of readdirSync(seedsDir)) {
        this.emitFile({
          type: 'asset',
          fileName: `seeds/${name}`,
          source: readFileSync(seedsDir + name),
        });
      }
    },
  };
}

export default defineConfig({
  // Relative URLs: dist/ works from any path on a static host.
  base: './',
  // seeds/ is copied by the plugin above; there is no other public folder.
  publicDir: false,
  plugins: [copySeeds()],
  worker: {
    // The worker is an ES module (it imports the wasm-bindgen glue); the default is iife.
    format: 'es',
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Never turn the .wasm into a data: URL: the CSP's connect-src 'self' would block fetching it.
    assetsInlineLimit: (file) => (file.endsWith('.wasm') ? false : undefined),
  },
  server: {
    host: '127.0.0.1',
  },
});
