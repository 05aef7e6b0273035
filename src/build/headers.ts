import type { Plugin } from 'vite';

/**
 * The security headers of the site, for the page and for every worker and data file: a
 * Content-Security-Policy that only allows the site's own origin (plus WebAssembly compilation,
 * which DuckDB-WASM and the decoders need), never in a frame, no MIME sniffing, no referrer.
 * A `<meta>` policy cannot set frame-ancestors and does not reach workers, so these are HTTP
 * headers: `vite preview` sends them, the build writes `_headers` (Netlify, Cloudflare Pages) and
 * deploy/nginx-headers.conf holds the same lines for nginx (a test keeps the three equal).
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self' blob: data:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const BEVEILIGINGSKOPPEN: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** The `_headers` file: every path of the site gets the headers. */
export function headersBestand(): string {
  return ['/*', ...Object.entries(BEVEILIGINGSKOPPEN).map(([k, v]) => `  ${k}: ${v}`), ''].join('\n');
}

/** The nginx lines (inside a server or location block); `always` also sets them on error responses. */
export function nginxRegels(): string {
  return Object.entries(BEVEILIGINGSKOPPEN)
    .map(([k, v]) => `add_header ${k} "${v}" always;`)
    .join('\n');
}

/** `vite preview` sends the headers on every response; `vite build` writes dist/_headers. */
export function headersPlugin(): Plugin {
  return {
    name: 'participatiemonitor-headers',
    configurePreviewServer(server) {
      server.middlewares.use((_req, res, next) => {
        for (const [k, v] of Object.entries(BEVEILIGINGSKOPPEN)) res.setHeader(k, v);
        next();
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: headersBestand() });
    },
  };
}
