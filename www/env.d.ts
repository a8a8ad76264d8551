// Modules that only the build provides: vite-plugin-pwa's service-worker registration.
/// <reference types="vite-plugin-pwa/client" />
