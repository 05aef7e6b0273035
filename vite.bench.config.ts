import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { dataPlugin } from './src/build/data-plugin.ts';

// The bench page (`npm run bench`, test/e2e/engine.test.ts): the browser engine without the app,
// built into dist-bench/ apart from the site, so its looser policy ('unsafe-eval' for Arquero)
// never ships on the site's origin. The data are served from data/ (or PM_DATA_DIR), not copied.
export default defineConfig({
  plugins: [dataPlugin({ dir: process.env.PM_DATA_DIR, copy: false })],
  base: './',
  publicDir: false,
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  build: {
    target: 'es2022',
    outDir: 'dist-bench',
    chunkSizeWarningLimit: 2000,
    rolldownOptions: { input: { bench: resolve(import.meta.dirname, 'bench/index.html') } },
  },
  preview: { port: 4174, strictPort: true },
});
