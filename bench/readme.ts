import { readFileSync, writeFileSync } from 'node:fs';
import type { Figure } from './figures.ts';

/**
 * The README's bench table is written from the latest run, between two markers, so it never shows
 * numbers older than bench/results/latest.json. Only the part between the markers is replaced.
 */

export const START = '<!-- bench:start (written by npm run bench from bench/results/latest.json) -->';
export const END = '<!-- bench:end -->';

const nl = (x: number, digits = 0) => x.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const value = (f: Figure) => (f.value === null ? '—' : f.unit === 'MB' ? `${nl(f.value)} MB` : `${nl(f.value)} ms`);

interface Run {
  startedAt: string;
  machine: { cpus: number; loadAvgAtStart: number; model?: string };
  loadAvgAtEnd?: number;
  chromium?: string;
  figures: Figure[];
}

const row = (f: Figure, prefix = '') => {
  const native = f.native === null ? '—' : `${nl(f.native)} ms`;
  const ratio = f.ratio === null ? '—' : nl(f.ratio, 2);
  const target = f.target === null ? '' : `${f.unit === 'MB' ? `≤ ${nl(f.target)} MB` : `≤ ${nl(f.target, 1)}×`}${f.met === null ? '' : f.met ? ' met' : ' **not met**'}`;
  return `| ${prefix}${f.what} | ${value(f)} | ${native} | ${ratio} | ${target} |`;
};

export function benchTable(r: Run & { scaleRuns?: (Run & { scale: number })[] }): string {
  const lines: string[] = [];
  const load = `${r.machine.loadAvgAtStart.toFixed(2)} → ${r.loadAvgAtEnd?.toFixed(2) ?? '?'}`;
  lines.push(
    `Latest run: ${r.startedAt.slice(0, 16).replace('T', ' ')} UTC, ${r.machine.cpus} cores, load average ${load}, Chromium ${r.chromium ?? '?'}.`,
    'Ratio = browser ÷ native DuckDB of the same run; target from issue 15 (ratio, or MB for memory).',
    '',
    '| What | Browser | Native DuckDB (same run) | Ratio | Target |',
    '|---|---:|---:|---:|---|',
  );
  for (const f of r.figures) lines.push(row(f));
  for (const s of r.scaleRuns ?? []) {
    const load = `${s.machine.loadAvgAtStart.toFixed(2)} → ${s.loadAvgAtEnd?.toFixed(2) ?? '?'}`;
    lines.push(`| **${s.scale}× panel** (\`npm run bench -- --scale ${s.scale}\`, run ${s.startedAt.slice(0, 16).replace('T', ' ')} UTC, load average ${load}; native = the ${s.scale}× panel's own load) | | | | |`);
    for (const f of s.figures) lines.push(row(f, `${s.scale}×: `));
  }
  return lines.join('\n');
}

/** Replace the table between the markers; false when the README has no markers. */
export function writeReadmeTable(path: string, table: string): boolean {
  const text = readFileSync(path, 'utf8');
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < a) return false;
  writeFileSync(path, `${text.slice(0, a + START.length)}\n${table}\n${text.slice(b)}`);
  return true;
}
