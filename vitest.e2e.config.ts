import { defineConfig } from 'vitest/config';

// End-to-end tests: the built site (vite build + vite preview) in Debian Chromium via playwright-core.
// One preview server for the run (globalSetup), one browser per file, files one after another:
// the machine has two cores and Chromium plus DuckDB-WASM use both.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 180_000,
    env: { TZ: 'Europe/Amsterdam' },
  },
});
