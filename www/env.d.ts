// Modules that only the build provides: vite-plugin-pwa's service-worker registration.
/// <reference types="vite-plugin-pwa/client" />

/** The .wasm's hash, set by vite.config.js (`define`): what an analysis remembered across visits
 *  is keyed by (www/analysis-memo.js). */
declare const __WENXI_WASM_BUILD__: string;
