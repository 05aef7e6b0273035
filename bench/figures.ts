/**
 * The bench's figures (issue 15, target 6): every measured number next to the native DuckDB
 * reference of the same run and the ratio, with the target ratio where there is one.
 * Built from the raw result that bench/run.ts collects; written into bench/results/latest.json
 * and rendered as the README's table (bench/readme.ts). A report, never a pass/fail test.
 */

export interface Figure {
  id: string;
  /** What was measured (English, for the README). */
  what: string;
  /** The browser's figure (ms, or MB for memory). */
  value: number | null;
  unit: 'ms' | 'MB';
  /** The native reference of the same run (ms) and what it is. */
  native: number | null;
  nativeWhat: string | null;
  /** value / native. */
  ratio: number | null;
  /** Target: at most this ratio (or at most this many MB), from issue 15. */
  target: number | null;
  met: boolean | null;
}

/** Target 4: at twice the scale the cold first view within 1.5× of target 1 (0.8×), the tab within 1.5 GB. */
const SCALE_HEADLINE_TARGET = 1.2;
const SCALE_MEMORY_MB = 1500;

export function figures(r: any): Figure[] {
  const out: Figure[] = [];
  const scale: number = r.scale ?? 1;
  const nativeLoads: Record<string, number> = r.native?.loadMs ?? {};
  const panelNative = nativeLoads.doelgroep_kwartaal ?? null;
  const allNative = Object.keys(nativeLoads).length ? Object.values(nativeLoads).reduce((a, b) => a + b, 0) : null;
  const threads = r.native?.threads ?? 1;
  const panelRef = `native load of the panel (CREATE TABLE AS read_parquet, ${threads} thread${threads === 1 ? '' : 's'})`;
  const allRef = `native load of all extracts (${threads} thread${threads === 1 ? '' : 's'})`;
  const add = (id: string, what: string, value: number | null | undefined, native: number | null, nativeWhat: string | null, target: number | null = null) => {
    const v = value ?? null;
    const ratio = v !== null && native ? v / native : null;
    out.push({ id, what, value: v, unit: 'ms', native, nativeWhat: native === null ? null : nativeWhat, ratio, target, met: target === null || ratio === null ? null : ratio <= target });
  };
  const mem = (id: string, what: string, mb: number | null | undefined, budget: number | null) => {
    const v = mb ?? null;
    out.push({ id, what, value: v, unit: 'MB', native: null, nativeWhat: null, ratio: null, target: budget, met: budget === null || v === null ? null : v <= budget });
  };

  const app = r.app;
  if (app && scale !== 1) {
    scaleFigures(app, add, mem, panelNative, panelRef);
    return out;
  }
  if (app) {
    add('app.cold.headline', 'Duurzaamheid, first visit: key sentence on screen (from navigation; the demo\'s answers computed ahead)', app.cold?.headlineMs, panelNative, panelRef, 0.8);
    add('app.cold.firstView', 'Duurzaamheid, first visit: whole first view drawn', app.cold?.firstViewMs, panelNative, panelRef);
    add('app.cacheCopy', 'Duurzaamheid, first visit: background OPFS copy done', app.cacheCopyDoneMs, panelNative, panelRef);
    add('app.reload.headline', 'Duurzaamheid, reload: key sentence on screen', app.reload?.headlineMs, panelNative, panelRef, 0.3);
    add('app.reload.firstView', 'Duurzaamheid, reload: whole first view drawn', app.reload?.firstViewMs, panelNative, panelRef);
    mem('app.mem.cold', 'Tab memory, Duurzaamheid after first view (first visit)', app.cold?.cost?.rssMB, 1000);
    mem('app.mem.copy', 'Tab memory, Duurzaamheid after the cache copy', app.afterCopy?.rssMB, 1000);
    add('app.release', 'Duurzaamheid, first visit: heap given back (fresh DuckDB worker on the cache)', app.releaseDoneMs, panelNative, panelRef);
    mem('app.mem.release', 'Tab memory, Duurzaamheid after the heap was given back (steady state)', app.afterRelease?.rssMB, 1000);
    mem('app.mem.reload', 'Tab memory, Duurzaamheid after reload', app.reload?.cost?.rssMB, 1000);
    if (app.computed) {
      add('app.computed.headline', 'Duurzaamheid, first visit computed in the tab (no answers computed ahead, as for a user\'s own file): key sentence', app.computed.headlineMs, panelNative, panelRef);
      add('app.computed.firstView', 'Duurzaamheid, first visit computed in the tab: whole first view drawn', app.computed.firstViewMs, panelNative, panelRef);
    }
    pageFigures(app.pages, add, mem, 1000);
    if (app.settle) add('app.settle', `Duurzaamheid: ${app.settle.changes} rapid filter changes, settled on the last selection after the last change (issue 8: ≤ 3,000 ms)`, app.settle.settledMs, null, null);
  }
  const w = r.wasm;
  if (w) {
    add('engine.panel.cold', 'Engine: panel queryable, cold (download + decode + insert)', w.cold?.loads?.doelgroep_kwartaal?.ms, panelNative, panelRef);
    add('engine.all.cold', 'Engine: all demo extracts queryable, cold', w.cold?.totalMs, allNative, allRef);
    add('engine.all.nocache', 'Engine: all demo extracts, browser without OPFS (ENUMs directly)', w.nocache?.totalMs, allNative, allRef);
    add('engine.all.reload', 'Engine: all demo extracts, reload from the OPFS cache', w.reload?.totalMs, allNative, allRef);
    add('engine.panel.firstScan', 'Engine: first full scan of the panel after reload', w.reload?.firstFullScanMs, null, null);
    mem('engine.mem.cold', 'Bench tab memory after cold load', w.cost?.cold?.rssMB, null);
    mem('engine.mem.persisted', 'Bench tab memory after the cache copy', w.cost?.persisted?.rssMB, null);
    mem('engine.mem.released', 'Bench tab memory after a fresh DuckDB worker on the cache (investigation)', w.cost?.released?.rssMB, null);
    mem('engine.mem.releasedScan', '… and after a full scan of the panel', w.cost?.releasedScan?.rssMB, null);
  }
  for (const c of r.cases ?? []) {
    const ok = (t: any) => (t && !t.error ? t.medianMs : null);
    add(`case.${c.name}`, `Case: ${c.name} (median)`, ok(c.wasm), ok(c.native), `the same case in native DuckDB (${threads} thread${threads === 1 ? '' : 's'})`);
  }
  return out;
}

type Add = (id: string, what: string, value: number | null | undefined, native: number | null, nativeWhat: string | null, target?: number | null) => void;
type Mem = (id: string, what: string, mb: number | null | undefined, budget: number | null) => void;

/** Every page drawn after the heap was given back (null when it did not draw or showed an error), and the tab then. */
function pageFigures(pages: any[] | null | undefined, add: Add, mem: Mem, budget: number): void {
  if (!pages) return;
  for (const p of pages) {
    const fout = p.errors?.length ? ` — FAILED: ${String(p.errors[0]).slice(0, 120).replaceAll('|', '/')}` : p.drawnMs === null ? ' — NOT drawn' : '';
    add(`page.${p.hash}`, `Page ${p.name}: first view drawn (route set → nothing busy)${fout}`, p.errors?.length ? null : p.drawnMs, null, null);
  }
  const most = Math.max(...pages.map((p) => p.cost?.rssMB ?? 0));
  mem('page.mem.max', 'Tab memory, the most after any page (steady state)', most, budget);
}

/**
 * At twice the scale: the first visit (answers computed ahead from the 2× panel, as the 1× site
 * has them from data/; a run without them computes it in the tab), the same visit computed in the
 * tab, memory (peak and steady) and every page.
 */
function scaleFigures(app: any, add: Add, mem: Mem, panelNative: number | null, panelRef: string): void {
  const hoe = app.shipped ? 'the 2× panel\'s answers computed ahead' : 'computed in the tab';
  add('app.cold.headline', `Duurzaamheid, first visit (${hoe}): key sentence on screen`, app.cold?.headlineMs, panelNative, panelRef, SCALE_HEADLINE_TARGET);
  add('app.cold.firstView', `Duurzaamheid, first visit (${hoe}): whole first view drawn`, app.cold?.firstViewMs, panelNative, panelRef);
  if (app.computed) {
    add('app.computed.headline', 'Duurzaamheid, first visit computed in the tab (as for a user\'s own file): key sentence', app.computed.headlineMs, panelNative, panelRef);
    add('app.computed.firstView', 'Duurzaamheid, first visit computed in the tab: whole first view drawn', app.computed.firstViewMs, panelNative, panelRef);
  }
  add('app.release', 'Duurzaamheid, first visit: heap given back (fresh DuckDB worker on the cache)', app.releaseDoneMs, panelNative, panelRef);
  add('app.reload.headline', 'Duurzaamheid, reload: key sentence on screen', app.reload?.headlineMs, panelNative, panelRef);
  const costs = [app.cold?.cost, app.afterCopy, app.afterRelease, app.reload?.cost, ...(app.pages ?? []).map((p: any) => p.cost), app.computed?.cost].filter(Boolean);
  mem('app.mem.peak', 'Tab memory, peak over the whole visit (cold load, copy, every page, reload; and the computed first visit)', Math.max(...costs.map((c: any) => c.peakMB ?? 0)), SCALE_MEMORY_MB);
  mem('app.mem.cold', 'Tab memory after the first view (first visit)', app.cold?.cost?.rssMB, SCALE_MEMORY_MB);
  mem('app.mem.release', 'Tab memory after the heap was given back', app.afterRelease?.rssMB, SCALE_MEMORY_MB);
  pageFigures(app.pages, add, mem, SCALE_MEMORY_MB);
}
