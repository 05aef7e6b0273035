import { WasmEngine } from '../src/lib/engine/browser.ts';
import { removeCacheFiles } from '../src/lib/engine/cache.ts';
import { loadCases, type BenchCaseDef } from './cases.ts';

/**
 * The bench page (dist-bench/bench/index.html, built by vite.bench.config.ts): exposes the browser engine and the bench cases to
 * bench/run.ts as `window.__pm`. Not linked from the dashboard.
 */
declare global {
  interface Window {
    __pm: {
      WasmEngine: typeof WasmEngine;
      removeCacheFiles: typeof removeCacheFiles;
      cases: () => Promise<BenchCaseDef[]>;
      /** Data folder of the site (this page lives in bench/). */
      dataBase: string;
    };
  }
}

window.__pm = {
  WasmEngine,
  removeCacheFiles,
  cases: () => loadCases(import.meta.glob('./cases/*.ts')),
  dataBase: new URL('../data/', document.baseURI).href,
};
document.body.dataset.ready = 'true';
