/**
 * One quarter, one answer (pages/regios/beveiliging-kwartaal.ts): a reader who opens two periods
 * that share a quarter, or reads an index next to the map, learns nothing the quarter's own table
 * hides. The panel below was found by a random search against the earlier per-period tables,
 * which hid different cells of 2017Q4 in the two periods: the first hid FoodValley's 21 personen
 * with Friesland's 1, the second printed the 21 — together: 147 − 19 − 40 − 66 − 21 = 1.
 *
 *              2016Q4      2017Q4      2018Q4      (personen, werkzaam)
 *   AM01     41,  7      19, 12      45,  4      Groningen
 *   AM02     12,  0       1,  0       5,  0      Friesland
 *   AM03     51, 41      40, 33      49, 33      Noord-Holland Noord
 *   AM05      6,  3      66, 12       7,  3      Zuid-Kennemerland en IJmond
 *   AM38     19,  9      21,  9       1,  0      FoodValley
 *   NL      129, 60     147, 66     107, 40
 */
import { describe, expect, it } from 'vitest';
import { audit } from '../src/lib/disclosure/audit.ts';
import type { Beveiligd } from '../src/lib/disclosure/beveilig.ts';
import type { Weergave } from '../src/lib/disclosure/tabel.ts';
import { AFGELEID, BESCHERMD, KLEIN } from '../src/lib/format/disclosure.ts';
import type { Kwartaal } from '../src/lib/kwartaal.ts';
import { overzichtUitSommen, type Reeksen } from '../src/lib/metrics/regio.ts';
import { kengetallen, UREN_PER_BAAN, type RegioSommen } from '../src/lib/metrics/regio-sommen.ts';
import { herkomstVan } from '../src/lib/query/herkomst.ts';
import { beschermCohort, beschermOverzicht } from '../src/pages/regios/beveiliging.ts';
import { vergelijkData } from '../src/pages/regios/grafieken.ts';

const PANEL: Record<string, Record<string, [number, number]>> = {
  '2016Q4': { AM01: [41, 7], AM02: [12, 0], AM03: [51, 41], AM05: [6, 3], AM38: [19, 9] },
  '2017Q4': { AM01: [19, 12], AM02: [1, 0], AM03: [40, 33], AM05: [66, 12], AM38: [21, 9] },
  '2018Q4': { AM01: [45, 4], AM02: [5, 0], AM03: [49, 33], AM05: [7, 3], AM38: [1, 0] },
};
const CODES = ['AM01', 'AM02', 'AM03', 'AM05', 'AM38'];

function som(personen: number, werkzaam: number): RegioSommen {
  const uren = werkzaam * UREN_PER_BAAN;
  return {
    personen, werkzaam, uren, uren_markt: uren, uren_overheid: 0, uren_sector_onbekend: 0,
    uren_regulier: uren, uren_uitzend: 0, uren_detachering: 0, uren_dienstverband_onbekend: 0,
  };
}

const overzicht = (basis: Kwartaal, eind: Kwartaal) =>
  overzichtUitSommen({ basis, eind }, CODES.map((c) => ({ regio_code: c, basis: som(...PANEL[basis][c]), eind: som(...PANEL[eind][c]) })));

/** The cells of a quarter a period hides, as `r:AM01.werkzaam`. */
const verborgenIn = (b: Beveiligd, m: 'b' | 'e') => [...b.onderdrukt.keys()].filter((id) => id.includes(`.${m}.`)).map((id) => id.replace(`.${m}.`, '.')).sort();

/**
 * What a reader of both periods knows, as one table: the cells of each period named by their
 * quarter (the same count in both is one cell), with the sums, nestings and shares of both. A
 * count is hidden from that reader only when every period that has it hides it.
 */
function samen(delen: { b: Beveiligd; naam: (id: string) => string }[]): { w: Weergave; onderdrukt: Map<string, 'klein' | 'bescherming'> } {
  const cellen = new Map<string, Weergave['cellen'][number]>();
  const aandelen = new Map<string, NonNullable<Weergave['aandelen']>[number]>();
  const sommen = new Map<string, NonNullable<Weergave['sommen']>[number]>();
  const nestingen = new Map<string, NonNullable<Weergave['nestingen']>[number]>();
  const onderdrukt = new Map<string, 'klein' | 'bescherming'>();
  const getoond = new Set<string>();
  for (const { b, naam } of delen) {
    for (const c of b.weergave.cellen) cellen.set(naam(c.id), { id: naam(c.id), aantal: c.aantal, getoond: c.getoond });
    for (const a of b.weergave.aandelen ?? []) {
      const id = `${naam(a.teller)}/${naam(a.noemer)}`;
      aandelen.set(id, { ...a, id, teller: naam(a.teller), noemer: naam(a.noemer) });
    }
    for (const s of b.weergave.sommen ?? []) sommen.set(`${naam(s.totaal)}=${s.delen.map(naam).join('+')}`, { totaal: naam(s.totaal), delen: s.delen.map(naam) });
    for (const n of b.weergave.nestingen ?? []) nestingen.set(naam(n.deel), { deel: naam(n.deel), geheel: naam(n.geheel) });
    for (const c of b.weergave.cellen) {
      const r = b.onderdrukt.get(c.id);
      if (r) onderdrukt.set(naam(c.id), r);
      else getoond.add(naam(c.id));
    }
  }
  for (const id of getoond) onderdrukt.delete(id);
  const w = { cellen: [...cellen.values()], aandelen: [...aandelen.values()], sommen: [...sommen.values()], nestingen: [...nestingen.values()] };
  return { w, onderdrukt };
}

/** Ids of a period's table named by quarter: `r:AM01.e.werkzaam` → `r:AM01.2017Q4.werkzaam`. */
const periode = (b: string, e: string) => (id: string) => id.replace('.b.', `.${b}.`).replace('.e.', `.${e}.`);

describe('two periods that share a quarter', () => {
  const eerder = beschermOverzicht(overzicht('2016Q4', '2017Q4')).b;
  const later = beschermOverzicht(overzicht('2017Q4', '2018Q4')).b;

  it('hide the same cells of that quarter', () => {
    // 2017Q4: Friesland (1, 0) and FoodValley's 9 werkzaam are under 10. Hidden with them, in both
    // periods: Groningen's 19 personen and 12 werkzaam, and the 12 werkzaam of AM05 (the smallest
    // complements that leave each small cell at least 10 values).
    const verwacht = ['r:AM01.personen', 'r:AM01.werkzaam', 'r:AM02.personen', 'r:AM02.werkzaam', 'r:AM05.werkzaam', 'r:AM38.werkzaam'];
    expect(verborgenIn(eerder, 'e')).toEqual(verwacht);
    expect(verborgenIn(later, 'b')).toEqual(verwacht);
  });

  it('read together, give no hidden count back', () => {
    const { w, onderdrukt } = samen([{ b: eerder, naam: periode('2016Q4', '2017Q4') }, { b: later, naam: periode('2017Q4', '2018Q4') }]);
    const a = audit(w, onderdrukt);
    expect(a.lekken.map((l) => `${l.id} [${l.min}, ${l.max}]`)).toEqual([]);
    expect(a.kleinGetoond).toEqual([]);
    // Friesland's 1 in 2017Q4 is among the cells the attacker tried: anything from 0 to 9.
    expect(a.cellen.find((c) => c.id === 'r:AM02.2017Q4.personen')).toMatchObject({ min: 0, max: 9 });
  });
});

describe('an index next to the map', () => {
  // The series of every region, 2016Q4–2018Q4, as regioReeksenQuery gives it without a choice.
  const punt = (kwartaal: Kwartaal, c: string) => ({ kwartaal, ...kengetallen(som(...PANEL[kwartaal][c])) });
  const kwartalen: Kwartaal[] = ['2016Q4', '2017Q4', '2018Q4'];
  const nl = (kwartaal: Kwartaal) => ({ kwartaal, ...kengetallen(som(...CODES.map((c) => PANEL[kwartaal][c]).reduce(([p, w], [a, b]) => [p + a, w + b], [0, 0]))) });
  const alle: Reeksen = {
    van: '2016Q4', tot: '2018Q4',
    landelijk: { regio_code: null, regio_naam: 'Nederland', landelijk: true, punten: kwartalen.map(nl) },
    regios: CODES.map((c) => ({ regio_code: c, regio_naam: c, landelijk: false, punten: kwartalen.map((k) => punt(k, c)) })),
  };
  const basis = (s: string) => s as Kwartaal;

  it('is hidden where its quarter hides the count it rests on, even when that count is 10 or more', () => {
    // Groningen's 19 personen in 2017Q4 protect Friesland's 1. Its index 19 / 41 × 100 = 46,3 next
    // to the 41 the map prints for 2016Q4 would give the 19 back, and 147 − 19 − 40 − 66 − 21 = 1.
    const d = vergelijkData(alle, 'personen', basis('2016Q4'), ['AM01', 'AM03'], herkomstVan([]));
    expect(d.rijen.map((r) => r.r_AM01)).toEqual([100, BESCHERMD, expect.closeTo((45 / 41) * 100, 9)]);
    expect(d.rijen.map((r) => r.r_AM03)).toEqual([100, expect.closeTo((40 / 51) * 100, 9), expect.closeTo((49 / 51) * 100, 9)]);
    expect(d.rijen.map((r) => r.landelijk)).toEqual([100, expect.closeTo((147 / 129) * 100, 9), expect.closeTo((107 / 129) * 100, 9)]);
    // AM05's base (6 personen) is under 10: no index at all.
    expect(vergelijkData(alle, 'personen', basis('2016Q4'), ['AM05'], herkomstVan([])).rijen.map((r) => r.r_AM05)).toEqual([AFGELEID, AFGELEID, AFGELEID]);
  });

  it('needs every region: a series of the chosen ones only would give a quarter of the wrong sum', () => {
    const alleenAM01 = { ...alle, regios: alle.regios.filter((r) => r.regio_code === 'AM01') };
    expect(() => vergelijkData(alleenAM01, 'personen', basis('2016Q4'), ['AM01'], herkomstVan([]))).toThrow(/every region/);
  });
});

describe('the funnel next to the map', () => {
  // The one-year cohort 2017Q4 → 2018Q4: n is each region's werkzaam count of 2017Q4 (Friesland has
  // none, so no cohort row), k of them still werkzaam a year later.
  const rijen = [
    { regio_code: 'AM01', n: 12, k: 10 }, { regio_code: 'AM03', n: 33, k: 30 }, { regio_code: 'AM05', n: 12, k: 11 }, { regio_code: 'AM38', n: 9, k: 5 },
  ];
  const basisKwartaal = CODES.map((c) => ({ regio_code: c, personen: PANEL['2017Q4'][c][0], werkzaam: PANEL['2017Q4'][c][1] }));
  const kaart = beschermOverzicht(overzicht('2017Q4', '2018Q4')).b;

  it('prints n as the quarter does: the 12 werkzaam of Groningen and AM05 that the map hides to protect others are "x" in the funnel too', () => {
    const c = beschermCohort(rijen, basisKwartaal);
    expect(['AM01', 'AM03', 'AM05', 'AM38'].map((code) => c.n(code))).toEqual([BESCHERMD, 33, BESCHERMD, KLEIN]);
    // Decided alone, the funnel printed Groningen's 12, which the map hides to protect Friesland's 1.
    const alleen = beschermCohort(rijen.map((r) => ({ ...r })));
    expect(alleen.n('AM01')).toBe(12);
  });

  it('read together with the map, gives no hidden count back', () => {
    const c = beschermCohort(rijen, basisKwartaal);
    const cohortNaam = (id: string) => id.replace(/\.n$/, '.2017Q4.werkzaam').replace(/\.k$/, '.2018Q4.nogWerkzaam');
    const { w, onderdrukt } = samen([{ b: kaart, naam: periode('2017Q4', '2018Q4') }, { b: c.b, naam: cohortNaam }]);
    const a = audit(w, onderdrukt);
    expect(a.lekken.map((l) => `${l.id} [${l.min}, ${l.max}]`)).toEqual([]);
    expect(a.kleinGetoond).toEqual([]);
  });
});
