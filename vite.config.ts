import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { dataPlugin } from './src/build/data-plugin.ts';
import { headersPlugin } from './src/build/headers.ts';
import { voorbeeldenPlugin } from './src/build/voorbeelden-plugin.ts';

// The dashboard is a static site: everything (wasm, worker, data) is served from its own origin,
// with the security headers of src/build/headers.ts. The bench page is built apart
// (vite.bench.config.ts, into dist-bench/) and never shipped with the site.
// PM_DATA_DIR / PM_DIST_DIR: another data folder and where that build goes (the bench's panel at
// twice the national scale, `npm run bench -- --scale 2`); by default data/ into dist/.
export default defineConfig({
  plugins: [svelte(), dataPlugin({ dir: process.env.PM_DATA_DIR }), voorbeeldenPlugin(), headersPlugin()],
  base: './',
  publicDir: 'public',
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000, outDir: process.env.PM_DIST_DIR ?? 'dist' },
  preview: { port: 4173, strictPort: true },
  server: { port: 5173 },
});
