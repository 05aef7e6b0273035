import { cpSync, createReadStream, existsSync, statSync } from 'node:fs';
import { basename, extname, join, normalize, resolve, sep } from 'node:path';
import type { Connect, Plugin } from 'vite';
import { buildPaths } from './build-paths.ts';

/**
 * Serves the project's data/ folder at ./data/ in `vite` (dev) and `vite preview`, and copies it
 * to dist/data/ at build time, so the static site carries its own manifest, extracts (Parquet),
 * published figures (CSV) and geometry (TopoJSON). Hidden files and generator leftovers
 * (extracts/.build-*) are skipped. `copy: false` only serves (the bench build, vite.bench.config.ts,
 * which is built apart from the site and never shipped with it).
 */
export function dataPlugin(options: { dir?: string; copy?: boolean } = {}): Plugin {
  const paths = buildPaths();
  const dataDir = () => resolve(paths.root, options.dir ?? 'data');

  return {
    name: 'participatiemonitor-data',
    configResolved: paths.configResolved,
    configureServer(server) {
      server.middlewares.use(serveData(dataDir));
    },
    configurePreviewServer(server) {
      // Normally dist/data holds the copy; fall back to the source folder when it is missing.
      server.middlewares.use((req, res, next) => {
        if (existsSync(join(paths.outDir, 'data'))) return next();
        serveData(dataDir)(req, res, next);
      });
    },
    closeBundle() {
      const src = dataDir();
      if (options.copy === false || !existsSync(src)) return;
      cpSync(src, join(paths.outDir, 'data'), {
        recursive: true,
        filter: (p) => !basename(p).startsWith('.') && !basename(p).startsWith('.build-'),
      });
    },
  };
}

const TYPES: Record<string, string> = {
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.parquet': 'application/vnd.apache.parquet',
  '.topojson': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

/** GET/HEAD /data/… (any base) from the data folder; no directory listing, no paths outside it. */
function serveData(dataDir: () => string): Connect.NextHandleFunction {
  return (req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const m = /(?:^|\/)data\/(.+)$/.exec(decodeURIComponent(url.pathname));
    if (!m || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    const base = dataDir();
    const file = normalize(join(base, m[1]));
    if (!file.startsWith(base + sep) || basename(file).startsWith('.') || !existsSync(file) || !statSync(file).isFile()) return next();
    const size = statSync(file).size;
    res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    res.setHeader('Accept-Ranges', 'bytes');
    res.setHeader('Cache-Control', 'no-cache');
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    let start = 0;
    let end = size - 1;
    if (range && (range[1] || range[2])) {
      start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
      end = range[1] && range[2] ? Math.min(size - 1, Number(range[2])) : size - 1;
      if (start > end) {
        res.statusCode = 416;
        res.setHeader('Content-Range', `bytes */${size}`);
        res.end();
        return;
      }
      res.statusCode = 206;
      res.setHeader('Content-Range', `bytes ${start}-${end}/${size}`);
    }
    res.setHeader('Content-Length', String(end - start + 1));
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file, { start, end }).pipe(res);
  };
}
