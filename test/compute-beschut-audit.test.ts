/**
 * What `npm run compute` writes for Beschut werk, attacked as a reader would: every empty cell's
 * interval (smallest and largest true count) given every written count of the year and what a
 * reader knows, over whole numbers ≥ 0:
 * - per unit and soort totaal = gemeente + burger; per unit and aanvrager p ≤ b;
 * - comparison: region = Σ its gemeenten (reference list gemeenten.ts), Nederland = Σ regions,
 *   places the same way; months: 'jaar' = Σ the months, 'tm<m>' = Σ the months up to m;
 * - both tables together: Nederland's b and p per aanvrager in the comparison are the month
 *   table's 'jaar' cells;
 * - the reasons: 'klein' says 0–9, 'bescherming' at least 10, 'geheim' nothing; a burger count
 *   before 2017 is a known 0 (written so).
 * The cells are those vulBeschut writes: beschutJaar on the two demo extracts, as it calls it.
 *
 * Recoverable, as audit.ts defines it: fewer than DREMPEL whole values possible (max − min <
 * DREMPEL − 1; a "<10" cell must keep all of 0–9), unless the interval is exactly what the marks
 * and relations alone give without any number written (a hidden "at least 10" total of two "<10"
 * parts tells each holds at least 1), both bounds proven. A written count under 10 is
 * recoverable too (kleinGetoond): only the known burger zeros are.
 *
 * The comparison and the months of one year are read together (2017 and 2021): 2,221–2,438
 * unknowns, largely one connected model (hidden regions link through Nederland's sums, their
 * gemeenten through the regions'). audit() on it took about 50 s a year with HiGHS, so first
 * whole-number tables the reader cannot rule out (each checked against every constraint): the
 * extremes of random sums of the unknowns (15 rounds, 30 tables, 6–10 s a year). A cell that
 * already takes DREMPEL values in them is protected, as audit.ts's own `spreiding` has it; every
 * other cell (167 in 2017, 187 in 2021) is judged by audit.ts's beoordelaar, exactly (11–19 s a
 * year). The comparison alone tells less, so its intervals are at least as wide: only the cells
 * narrower than DREMPEL values here are judged again on it.
 *
 * One empty cell is recoverable, by design: January 2017's 7 positive burger adviezen (UWV_2017
 * below), which UWV's own letter gives, since the year table prints what UWV's figures pin
 * (README, rule set, rule 7).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { audit, beoordelaar, kleinGetoond, type CelInterval } from '../src/lib/disclosure/audit.ts';
import { kennis } from '../src/lib/disclosure/kennis.ts';
import { actieveSolver, vereenvoudig, type Lin } from '../src/lib/disclosure/lp.ts';
import { WeergaveBouwer, type Reden as AuditReden, type Weergave } from '../src/lib/disclosure/tabel.ts';
import { GEMEENTEN } from '../src/lib/extracts/gemeenten.ts';
import { DREMPEL } from '../src/lib/format/disclosure.ts';
import { beschutJaar, beschutJaren, gepubliceerdeCijfers, type BeschutCel } from '../src/lib/voorberekend/beschut.ts';
import { beschutDemo } from './demo-data.ts';
import { prng } from './prng.ts';

const demo = beschutDemo();
const gepubliceerd = gepubliceerdeCijfers();
const jaren = new Map<number, { gebied: BeschutCel[]; maand: BeschutCel[] }>();

beforeAll(async () => {
  const { jaren: js, bereik } = await beschutJaren(demo());
  for (const j of js) {
    const { gebied, maand } = await beschutJaar(demo(), j, gepubliceerd, bereik);
    jaren.set(j.jaar, { gebied, maand });
  }
}, 300_000);

const AANVRAGERS = ['gemeente', 'burger', 'totaal'] as const;
const SOORTEN = ['b', 'p'] as const;

/** One reading: the cells (id `table|unit|soort|aanvrager`, true counts), the empty ones with their mark, those without a reason. */
interface Lezing {
  w: Weergave;
  onderdrukt: Map<string, AuditReden>;
  geheim: Set<string>;
}

const isMaand = (e: string) => /^\d{4}-\d{2}$/.test(e);

/** What a reader knows from the written tables of one year (gebied, maand or both). */
function lees(tabellen: { gebied?: readonly BeschutCel[]; maand?: readonly BeschutCel[] }): Lezing {
  const w = new WeergaveBouwer();
  const onderdrukt = new Map<string, AuditReden>();
  const geheim = new Set<string>();
  const ids = new Set<string>();
  const tabel = (t: 'g' | 'm', cellen: readonly BeschutCel[]) => {
    const id = (e: string, s: string, a: string) => `${t}|${e}|${s}|${a}`;
    for (const c of cellen) {
      // The taakstelling is places set by regulation, never empty and in no sum.
      if (c.soort === 'taakstelling') continue;
      const i = id(c.eenheid, c.soort, c.aanvrager);
      w.cel(i, c.aantal);
      ids.add(i);
      if (c.reden === null) continue;
      // 'geheim': the mark is unknown to the reader (redenBekend), whatever is put here.
      onderdrukt.set(i, c.reden === 'geheim' ? 'klein' : c.reden);
      if (c.reden === 'geheim') geheim.add(i);
    }
    const eenheden = [...new Set(cellen.filter((c) => c.soort === 'b').map((c) => c.eenheid))];
    for (const e of eenheden) {
      for (const s of SOORTEN) w.som(id(e, s, 'totaal'), [id(e, s, 'gemeente'), id(e, s, 'burger')]);
      for (const a of AANVRAGERS) w.nesting(id(e, 'p', a), id(e, 'b', a));
    }
    return { eenheden, id };
  };
  if (tabellen.gebied) {
    const { eenheden, id } = tabel('g', tabellen.gebied);
    const regios = eenheden.filter((e) => e.startsWith('AM'));
    const gemeenten = (r: string) => GEMEENTEN.filter((g) => g.regio === r).map((g) => g.code);
    for (const s of SOORTEN) {
      for (const a of AANVRAGERS) {
        for (const r of regios) w.som(id(r, s, a), gemeenten(r).map((g) => id(g, s, a)));
        w.som(id('NL', s, a), regios.map((r) => id(r, s, a)));
      }
    }
    const plek = (e: string) => id(e, 'plekken', 'totaal');
    for (const r of regios) {
      const delen = gemeenten(r).filter((g) => ids.has(plek(g))).map(plek);
      if (ids.has(plek(r)) && delen.length) w.som(plek(r), delen);
    }
    if (ids.has(plek('NL'))) w.som(plek('NL'), regios.filter((r) => ids.has(plek(r))).map(plek));
  }
  if (tabellen.maand) {
    const { eenheden, id } = tabel('m', tabellen.maand);
    const maanden = eenheden.filter(isMaand);
    for (const s of SOORTEN) {
      for (const a of AANVRAGERS) {
        w.som(id('jaar', s, a), maanden.map((m) => id(m, s, a)));
        for (const tm of eenheden.filter((e) => e.startsWith('tm'))) w.som(id(tm, s, a), maanden.filter((m) => m <= tm.slice(2)).map((m) => id(m, s, a)));
        // The same count in both tables.
        if (tabellen.gebied) w.som(`g|NL|${s}|${a}`, [id('jaar', s, a)]);
      }
    }
  }
  // weergave() checks that the true counts satisfy every relation declared.
  return { w: w.weergave(), onderdrukt, geheim };
}

const opties = (l: Lezing) => ({ redenBekend: (id: string) => !l.geheim.has(id) });

function voldoet(r: Lin, t: ReadonlyMap<string, number>): boolean {
  let som = 0;
  for (const [id, k] of r.termen) som += k * (t.get(id) ?? 0);
  return (r.min === undefined || som >= r.min - 1e-9) && (r.max === undefined || som <= r.max + 1e-9);
}

/**
 * The smallest and largest value of each unknown among whole-number tables the reader cannot
 * rule out: the true table and, `rondes` times, the table maximising and the one minimising the
 * sum of a random half of the unknowns. A table breaking any constraint is not used.
 */
function getuigen(rijen: readonly Lin[], waar: ReadonlyMap<string, number>, rondes: number, rng: () => number): Map<string, { min: number; max: number }> {
  const v = vereenvoudig(rijen);
  const ids = [...new Set(v.rijen.flatMap((r) => [...r.termen.keys()]))];
  const uit = new Map(ids.map((id) => [id, { min: waar.get(id)!, max: waar.get(id)! }]));
  const doel = '\u0000som';
  for (let i = 0; i < rondes; i++) {
    const helft = ids.filter(() => rng() < 0.5);
    for (const richting of ['maximize', 'minimize'] as const) {
      const som: Lin = { termen: new Map([[doel, 1], ...helft.map((id): [string, number] => [id, -1])]), ...(richting === 'maximize' ? { max: 0 } : { min: 0 }) };
      const a = actieveSolver()(doel, [...v.rijen, som], richting);
      if (a.status !== 'optimal' && a.status !== 'anders') continue;
      const t = new Map(a.variables.map(([id, x]) => [id, Math.round(x)]));
      if (!v.rijen.every((r) => voldoet(r, t))) continue;
      for (const id of ids) {
        const g = uit.get(id)!;
        g.min = Math.min(g.min, t.get(id) ?? 0);
        g.max = Math.max(g.max, t.get(id) ?? 0);
      }
    }
  }
  return uit;
}

/** Every empty cell of a reading: proven wide by the tables found, or judged by audit.ts (returned). */
function valAan(l: Lezing, seed: number): { leeg: number; beoordeeld: CelInterval[] } {
  const k = kennis(l.w, l.onderdrukt, opties(l));
  const spreiding = getuigen(k.rijen, new Map(l.w.cellen.map((c) => [c.id, c.aantal])), 15, prng(seed));
  const oordeel = beoordelaar(l.w, l.onderdrukt, opties(l));
  const beoordeeld: CelInterval[] = [];
  let leeg = 0;
  for (const c of l.w.cellen) {
    if (!l.onderdrukt.has(c.id)) continue;
    leeg++;
    const s = spreiding.get(c.id);
    if (s && s.max - s.min >= DREMPEL - 1) continue;
    beoordeeld.push(oordeel(c)!);
  }
  return { leeg, beoordeeld };
}

const smal = (c: CelInterval) => c.max - c.min < DREMPEL - 1;
const kort = (c: CelInterval) => ({ id: c.id, waarde: c.waarde, min: c.min, max: c.max, markeringen: c.markeringen, beschermd: c.beschermd });

/**
 * The one empty count a reader works out: January 2017's positive burger adviezen, 7 = 54 − 47
 * (January's total less its gemeenten, written because UWV's figures pin them or they protected
 * only what UWV's figures give, pages/beschut-werk/openbaar.ts). UWV's letter of 30 June 2017 printed it already: 12 burger
 * requests, 58% positive — only 7 of 12 rounds to 58% (6: 50%, 8: 66,7%).
 */
const UWV_2017 = { id: 'm|2017-01|p|burger', waarde: 7, min: 7, max: 7, markeringen: { min: 0, max: 9 }, beschermd: false };

describe('the written Beschut werk tables attacked as a reader would (demo data)', () => {
  it('what the reader reads: every gemeente of the reference list, 35 regions and Nederland; 12 months, the year and 10 years to date', () => {
    expect([...jaren.keys()]).toEqual(Array.from({ length: 10 }, (_, i) => 2015 + i));
    for (const { gebied, maand } of jaren.values()) {
      const eenheden = new Set(gebied.map((c) => c.eenheid));
      expect([...eenheden].filter((e) => e.startsWith('GM')).sort()).toEqual(GEMEENTEN.map((g) => g.code).sort());
      expect(eenheden.size).toBe(342 + 35 + 1);
      const m = [...new Set(maand.map((c) => c.eenheid))];
      expect([m.filter(isMaand).length, m.filter((e) => e.startsWith('tm')).length, m.length]).toEqual([12, 10, 23]);
    }
  });

  it("Nederland's months, every year 2015–2024: no empty cell recoverable but January 2017's 7 positive burger adviezen, which UWV published; the only small written counts are the known burger zeros", () => {
    const leeg: number[] = [];
    const smalste: number[] = [];
    for (const [jaar, { maand }] of jaren) {
      const l = lees({ maand });
      const a = audit(l.w, l.onderdrukt, opties(l));
      const verborgen = a.cellen.filter((c) => c.reden !== null);
      leeg.push(verborgen.length);
      const beschermd = verborgen.filter((c) => c.beschermd);
      smalste.push(Math.min(...beschermd.map((c) => c.max - c.min)));
      expect([jaar, verborgen.filter((c) => !c.beschermd).map(kort)]).toEqual([jaar, jaar === 2017 ? [UWV_2017] : []]);
      // Written and under 10: burgers before 2017 (none could ask), b and p of 12 months and 11 sums.
      const nullen = maand.filter((c) => c.reden === null && c.aantal < DREMPEL).map((c) => `m|${c.eenheid}|${c.soort}|${c.aanvrager}`);
      expect(nullen.length).toBe(jaar < 2017 ? 46 : 0);
      expect(maand.filter((c) => c.reden === null && c.aantal < DREMPEL).every((c) => jaar < 2017 && c.aanvrager === 'burger' && c.aantal === 0)).toBe(true);
      expect([...a.kleinGetoond].sort()).toEqual(nullen.sort());
      expect(a.lekken.filter((c) => c.reden !== null).map((c) => c.id)).toEqual(jaar === 2017 ? [UWV_2017.id] : []);
    }
    // Empty month counts per year (189 of 1,380; 2022 after rule 3's exchange), and the fewest values any protected one can take − 1
    // (2017: none left but the 7).
    expect(leeg).toEqual([24, 0, 1, 0, 0, 0, 38, 44, 38, 44]);
    expect(smalste).toEqual([10, Infinity, Infinity, Infinity, Infinity, Infinity, 29, 49, 49, 49]);
  });

  for (const [jaar, verwacht] of [
    [2017, { leeg: 2418 + 1, publiek: [UWV_2017], smal: [
      // Amsterdam's (AM35) positive adviezen of gemeenten and burgers, both "<10", and their total
      // hidden "at least 10": each at least 1, the total at most 18 — no more than those marks say.
      { id: 'g|AM35|p|gemeente', waarde: 8, min: 1, max: 9, markeringen: { min: 1, max: 9 }, beschermd: true },
      { id: 'g|AM35|p|burger', waarde: 8, min: 1, max: 9, markeringen: { min: 1, max: 9 }, beschermd: true },
      { id: 'g|AM35|p|totaal', waarde: 16, min: 10, max: 18, markeringen: { min: 10, max: 18 }, beschermd: true },
    ] }],
    [2021, { leeg: 2183 + 38, publiek: [], smal: [] }],
  ] as const) {
    it(`${jaar}: the comparison (gemeenten, regions, Nederland, places) and the months read together: no empty cell recoverable`, () => {
      const { gebied, maand } = jaren.get(jaar)!;
      const l = lees({ gebied, maand });
      // No written count under 10 (from 2017 burgers could ask: no known zeros).
      expect(kleinGetoond(l.w, l.onderdrukt, DREMPEL)).toEqual([]);
      const samen = valAan(l, jaar);
      expect(samen.leeg).toBe(verwacht.leeg);
      expect(samen.beoordeeld.filter((c) => !c.beschermd).map(kort)).toEqual(verwacht.publiek);
      const narrow = samen.beoordeeld.filter((c) => c.beschermd).filter(smal);
      expect(narrow.map(kort)).toEqual(verwacht.smal);
      // The comparison alone: only a cell narrower than DREMPEL values above can be narrower still.
      const alleen = lees({ gebied });
      const oordeel = beoordelaar(alleen.w, alleen.onderdrukt, opties(alleen));
      const opnieuw = narrow.map((c) => oordeel(alleen.w.cellen.find((x) => x.id === c.id)!)!);
      expect(opnieuw.map(kort)).toEqual(verwacht.smal);
    }, 300_000);
  }
});
