/**
 * A hand-built Regio's panel and Duurzaamheid rows for the tests of one count on two pages
 * (issue 12), and what a reader of both pages knows as one table.
 */
import type { Beveiligd } from '../src/lib/disclosure/beveilig.ts';
import type { RedenBekend } from '../src/lib/disclosure/kennis.ts';
import type { Weergave } from '../src/lib/disclosure/tabel.ts';
import type { Kwartaal } from '../src/lib/kwartaal.ts';
import type { UitkomstRij } from '../src/lib/metrics/duurzaamheid/uitkomst.ts';
import type { Reeksen, RegioReeks } from '../src/lib/metrics/regio.ts';
import { kengetallen, UREN_PER_BAAN } from '../src/lib/metrics/regio-sommen.ts';

/** Persons and werkzaam persons per quarter and region. */
export type Panel = Record<string, Record<string, readonly [number, number]>>;

function punt(kwartaal: Kwartaal, personen: number, werkzaam: number) {
  const uren = werkzaam * UREN_PER_BAAN;
  return {
    kwartaal,
    ...kengetallen({
      personen, werkzaam, uren, uren_markt: uren, uren_overheid: 0, uren_sector_onbekend: 0,
      uren_regulier: uren, uren_uitzend: 0, uren_detachering: 0, uren_dienstverband_onbekend: 0,
    }),
  };
}

/** Every region's series of the panel, as regioReeksenQuery without a choice of regions answers. */
export function reeksen(panel: Panel): Reeksen {
  const kwartalen = Object.keys(panel) as Kwartaal[];
  const codes = Object.keys(panel[kwartalen[0]]);
  const regios: RegioReeks[] = codes.map((c) => ({ regio_code: c, regio_naam: c, landelijk: false, punten: kwartalen.map((k) => punt(k, ...panel[k][c])) }));
  const nl = (k: Kwartaal, i: 0 | 1) => codes.reduce((a, c) => a + panel[k][c][i], 0);
  return { van: kwartalen[0], tot: kwartalen.at(-1)!, regios, landelijk: { regio_code: null, regio_naam: 'Nederland', landelijk: true, punten: kwartalen.map((k) => punt(k, nl(k, 0), nl(k, 1))) } };
}

/** An outcome row of base quarter 2021Q3, horizon 4 (everyone werkzaam stayed so, in the same job). */
export function rij(groep: string, werkzaam: number, verloren: number, uit: number): UitkomstRij {
  const cohort = werkzaam + verloren + uit;
  return {
    basis: '2021Q3', eind: '2022Q3', horizon: 4, groep, cohort, werkzaam, werkVerloren: verloren, uitRegister: uit,
    steedsWerkzaam: werkzaam, zelfdeBaan: werkzaam, werkzaamPct: 0, werkVerlorenPct: 0, uitRegisterPct: 0,
    steedsWerkzaamPct: 0, zelfdeBaanPct: 0, onderDrempel: cohort < 10,
  };
}

/**
 * What a reader of both pages knows, as one table: the Duurzaamheid table `d`, the Regio's quarter
 * table `r` (as it decided) and the one fact linking them (the cohort total IS the regions'
 * werkzaam). `redenBekend`: each page says the reasons of what it prints, except the cells it
 * prints "x" without one (zonderReden); a cell of the Regio's table is read with the Regio's word.
 */
export function samen(d: Beveiligd, r: Beveiligd, totaal: string, regios: readonly string[]): { w: Weergave; onderdrukt: Map<string, 'klein' | 'bescherming'>; redenBekend: RedenBekend } {
  const eigen = new Set(d.weergave.cellen.map((c) => c.id));
  const vanRegio = new Set(r.weergave.cellen.map((c) => c.id));
  const extra = <T>(lijst: readonly T[] | undefined, a: readonly T[] | undefined) => [...(lijst ?? []), ...(a ?? [])];
  const w: Weergave = {
    cellen: [...d.weergave.cellen, ...r.weergave.cellen.filter((c) => !eigen.has(c.id))],
    aandelen: extra(d.weergave.aandelen, r.weergave.aandelen?.filter((a) => !d.weergave.aandelen?.some((x) => x.id === a.id))),
    sommen: [...extra(d.weergave.sommen, r.weergave.sommen), { totaal, delen: regios.map((c) => `r:${c}.werkzaam`) }],
    nestingen: extra(d.weergave.nestingen, r.weergave.nestingen),
    verdelingen: d.weergave.verdelingen,
    afgeleid: d.weergave.afgeleid,
  };
  const redenBekend = (id: string) => (vanRegio.has(id) ? !r.zonderReden.has(id) : !d.zonderReden.has(id));
  return { w, onderdrukt: new Map([...r.onderdrukt, ...d.onderdrukt]), redenBekend };
}
