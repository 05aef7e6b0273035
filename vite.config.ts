import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { dataPlugin } from './src/build/data-plugin.ts';

// The dashboard is a static site: everything (wasm, worker, data) is served from its own origin.
export default defineConfig({
  plugins: [svelte(), dataPlugin()],
  base: './',
  publicDir: 'public',
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  preview: { port: 4173, strictPort: true },
  server: { port: 5173 },
});
