/**
 * The security headers have one source (src/build/headers.ts); the nginx snippet in deploy/ and
 * the `_headers` file the build writes say exactly the same, and the policy allows only the
 * site's own origin (plus WebAssembly compilation) and no framing.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { BEVEILIGINGSKOPPEN, CSP, headersBestand, nginxRegels } from '../src/build/headers.ts';

test('the nginx snippet holds exactly the headers of src/build/headers.ts', () => {
  const conf = readFileSync('deploy/nginx-headers.conf', 'utf8');
  const regels = conf.split('\n').filter((r) => r.startsWith('add_header '));
  expect(regels.join('\n')).toBe(nginxRegels());
  expect(regels).toHaveLength(3);
});

test('the _headers file applies them to every path', () => {
  expect(headersBestand()).toBe(
    '/*\n' +
      `  Content-Security-Policy: ${CSP}\n` +
      '  X-Content-Type-Options: nosniff\n' +
      '  Referrer-Policy: no-referrer\n',
  );
});

test('the policy: own origin only, WebAssembly allowed, no eval, no framing, no plugins', () => {
  const d = new Map(CSP.split('; ').map((x) => [x.split(' ')[0], x.split(' ').slice(1)]));
  expect(d.get('default-src')).toEqual(["'self'"]);
  expect(d.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  expect(d.get('frame-ancestors')).toEqual(["'none'"]);
  expect(d.get('object-src')).toEqual(["'none'"]);
  expect(CSP).not.toContain("'unsafe-eval'");
  expect(CSP).not.toMatch(/https?:/);
  expect(Object.keys(BEVEILIGINGSKOPPEN)).toEqual(['Content-Security-Policy', 'X-Content-Type-Options', 'Referrer-Policy']);
});
