import type { TabCost } from './browser.ts';
import type { figures } from './figures.ts';

/** The bench's report on stdout (bench/run.ts): the raw timings, then every figure against native DuckDB. */

export interface Timing {
  medianMs: number;
  firstMs: number;
  runs: number[];
  error?: string;
}

export interface CaseResult {
  name: string;
  module?: string;
  wasm?: Timing;
  native?: Timing;
}

const ms = (x: number | null | undefined) => (x === null || x === undefined || Number.isNaN(x) ? '—' : x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${Math.round(x)} ms`);
export const fmt = (t: Timing) => (t.error ? `FOUT ${t.error.slice(0, 60)}` : `${ms(t.medianMs).padStart(8)} (1e ${ms(t.firstMs)})`);
const mb = (c: TabCost) => `${c.rssMB} MB (piek ${c.peakMB} MB, JS-heap pagina ${c.jsHeapMB} MB, CPU ${c.cpuS.toFixed(1)} s)`;

export function printReport(r: Record<string, any>, resultFile: string): void {
  const w = r.wasm;
  const lines: string[] = [];
  lines.push('', `Participatiemonitor — bench (${r.startedAt}, ${r.machine.cpus} cores, load ${r.machine.loadAvgAtStart.toFixed(1)} → ${r.loadAvgAtEnd?.toFixed(1)}, Chromium ${r.chromium})`);
  if (w) {
    lines.push('', 'DuckDB-WASM in Chromium');
    lines.push(`  bundel ${w.start.timings.bundle}; instantiate ${ms(w.start.timings.instantiateMs)}; open ${ms(w.start.timings.openMs)}; eerste query ${ms(w.start.firstQueryMs)}`);
    lines.push(`  cache: ${w.cold.cache ? 'OPFS' : `geen (${w.cold.cacheReden})`}`);
    lines.push('', '  Koude start (geen cache): tijd tot bevraagbaar per extract');
    for (const [name, l] of Object.entries<any>(w.cold.loads))
      lines.push(
        `    ${name.padEnd(22)} ${ms(l.ms).padStart(8)}  ${String(l.rijen).padStart(10)} rijen  (lezen ${ms(l.readMs)}, decoderen ${ms(l.decodeMs)}, invoegen ${ms(l.insertMs)}, wachten ${ms(l.waitMs)}; ${l.categorical})`,
      );
    for (const f of w.cold.results.filter((x: any) => !x.ok)) lines.push(`    NIET GELADEN ${f.bestand}: ${f.problemen.join(' ')}`);
    lines.push(`    totaal loadDemo ${ms(w.cold.totalMs)}; ${w.cold.progressEvents} voortgangsmeldingen; CPU van het tabblad ${(w.cost.cold.cpuS - w.cost.start.cpuS).toFixed(1)} s`);
    lines.push(`  Achtergrondkopie naar OPFS-cache: ${Object.entries<any>(w.persist.persisted).map(([n, p]) => `${n} ${'ms' in p ? ms(p.ms) : `fout: ${p.fout}`}`).join(', ') || '—'}`);
    if (w.nocache) {
      lines.push('', '  Koude start zonder OPFS-cache (categorieën direct als ENUM)');
      for (const [name, l] of Object.entries<any>(w.nocache.loads))
        lines.push(`    ${name.padEnd(22)} ${ms(l.ms).padStart(8)}  (lezen ${ms(l.readMs)}, decoderen ${ms(l.decodeMs)}, invoegen ${ms(l.insertMs)}; ${l.categorical})`);
      lines.push(`    totaal loadDemo ${ms(w.nocache.totalMs)}; geheugen ${mb(w.nocache.cost.loaded)}; CPU ${(w.nocache.cost.loaded.cpuS - w.nocache.cost.start.cpuS).toFixed(1)} s`);
    }
    lines.push('', '  Herladen (cache)');
    for (const [name, l] of Object.entries<any>(w.reload.loads)) lines.push(`    ${name.padEnd(22)} ${ms(l.ms).padStart(8)}  (${l.bron})`);
    lines.push(`    totaal loadDemo ${ms(w.reload.totalMs)}; eerste volledige scan van doelgroep_kwartaal ${ms(w.reload.firstFullScanMs)}`);
    lines.push('', '  Geheugen van het tabblad (renderer-proces, RSS uit /proc; alle threads incl. workers en WASM)');
    lines.push(`    na start           ${mb(w.cost.start)}`);
    lines.push(`    na koude load      ${mb(w.cost.cold)}`);
    lines.push(`    na cachekopie      ${mb(w.cost.persisted)}`);
    lines.push(`    na vrijgeven       ${mb(w.cost.released)} (nieuwe DuckDB-worker op het cachebestand: ${w.released.ms === null ? `niet gedaan${w.released.fout ? `: ${w.released.fout}` : ''}` : ms(w.released.ms)})`);
    lines.push(`    en een volle scan  ${mb(w.cost.releasedScan)} (${ms(w.released.scanMs)})`);
    lines.push(`    na herladen        ${mb(w.cost.reload)}`);
    lines.push(`    na de cases        ${mb(w.cost.afterCases)}`);
    lines.push(`  Verzoeken naar een andere origin: ${w.foreignRequests.length === 0 ? 'geen' : w.foreignRequests.join(', ')}`);
  }
  if (r.cases?.length) {
    lines.push('', `Cases: mediaan van ${r.runs} runs na één eerste run (WASM na herladen uit cache; native @duckdb/node-api, ${r.native?.threads ?? '?'} thread(s))`);
    lines.push(`  ${'WASM'.padStart(8)} ${'native'.padStart(8)} ${'×'.padStart(5)}  case`);
    for (const c of r.cases as CaseResult[]) {
      const ratio = c.wasm && c.native && !c.wasm.error && !c.native.error ? (c.wasm.medianMs / c.native.medianMs).toFixed(1) : '';
      const cell = (t?: Timing) => (t ? (t.error ? 'FOUT' : ms(t.medianMs)) : '—');
      lines.push(`  ${cell(c.wasm).padStart(8)} ${cell(c.native).padStart(8)} ${ratio.padStart(5)}  ${c.name}`);
    }
  }
  if (r.native) lines.push('', `Native laden (CREATE TABLE AS read_parquet): ${Object.entries<number>(r.native.loadMs).map(([n, v]) => `${n} ${ms(v)}`).join(', ')}`);
  if (r.figures?.length) {
    lines.push('', 'Cijfers tegen native DuckDB van deze run (verhouding; doel uit issue 15)');
    for (const f of r.figures as ReturnType<typeof figures>) {
      const v = f.value === null ? '—' : f.unit === 'MB' ? `${Math.round(f.value)} MB` : ms(f.value);
      const doel = f.target === null ? '' : `  doel ≤ ${f.target}${f.unit === 'MB' ? ' MB' : '×'}: ${f.met === null ? '?' : f.met ? 'gehaald' : 'NIET gehaald'}`;
      lines.push(`  ${v.padStart(8)} ${f.native === null ? ''.padStart(8) : ms(f.native).padStart(8)} ${f.ratio === null ? ''.padStart(5) : f.ratio.toFixed(2).padStart(5)}  ${f.what}${doel}`);
    }
  }
  lines.push('', `Resultaten: ${resultFile}`, '');
  console.log(lines.join('\n'));
}

