// ESLint (flat config) for the page, its build scripts and its tests. `cargo xtask test` runs it.
import js from '@eslint/js';
import globals from 'globals';

export default [
  {
    ignores: [
      'target/**',
      'node_modules/**',
      'www/pkg/**',
      'dist/**',
      'dist-single/**',
      'fuzz/**',
      'tests/e2e/artifacts/**',
    ],
  },
  js.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2025, sourceType: 'module' },
    rules: {
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-var': 'error',
      'prefer-const': 'error',
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    // The page and its worker.
    files: ['www/**/*.js'],
    // __WENXI_WASM_BUILD__: a constant vite.config.js defines (www/env.d.ts).
    languageOptions: { globals: { ...globals.browser, ...globals.worker, __WENXI_WASM_BUILD__: 'readonly' } },
    // A module past 400 lines does more than one thing: split it (docs/PAGE.md).
    rules: { 'max-lines': ['error', { max: 400 }] },
  },
  {
    // Node: the build, tests, benchmarks and scripts.
    files: [
      'vite.config.js',
      'eslint.config.js',
      'tests/**/*.mjs',
      'tests/**/*.js',
      'benches/**/*.mjs',
      'scripts/**/*.mjs',
    ],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-console': 'off' },
  },
  {
    // Browser tests pass functions to page.evaluate(): they run in the page.
    files: ['tests/e2e/**/*.mjs', 'benches/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
];
