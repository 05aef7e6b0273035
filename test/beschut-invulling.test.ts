/**
 * Stand-ins for the empty cells of Beschut werk's voorberekende map (invulling.ts): whole numbers
 * within their reason's bounds such that every sum the page prints from gemeente rows and month
 * rows gives exactly the written cells. Hand-built (with negatieve cells, which the solver must
 * then also meet): values the written cells force, worked out by hand, and damaged maps. Demo
 * data: 2017 and 2021 as `npm run compute` writes them (beoordelingen and positief only).
 */
import { describe, expect, it } from 'vitest';
import { GEMEENTEN } from '../src/lib/extracts/gemeenten.ts';
import { REGIO_NAMEN } from '../src/lib/extracts/regions.ts';
import { gebieden, type AanvragerKeuze, type Gebied } from '../src/lib/metrics/beschut-afleiden.ts';
import type { GemeenteRij } from '../src/lib/metrics/beschut-gemeenten.ts';
import { metInterval, type MaandRij } from '../src/lib/metrics/beschut.ts';
import type { KaartCel, KaartReden } from '../src/lib/metrics/beschut-voorberekend.ts';
import { beschutJaar, beschutJaren, gepubliceerdeCijfers } from '../src/lib/voorberekend/beschut.ts';
import { vulGebieden, vulMaanden } from '../src/pages/beschut-werk/invulling.ts';
import { beschutDemo } from './demo-data.ts';

const AANVRAGERS = ['gemeente', 'burger', 'totaal'] as const;
const SOORTEN = ['b', 'p', 'n'] as const;
const id = (c: KaartCel) => `${c.soort}|${c.eenheid}|${c.aanvrager}`;
const BOUW = /kloppen niet met elkaar/;

/** b, p and n of one unit for one aanvrager. */
const tellingen = (u: Gebied, a: AanvragerKeuze) => ({ b: u.beoordelingen[a], p: u.positief[a], n: u.beoordelingen[a] - u.positief[a] });

/** Every cell of a comparison as the page derives it: the counts of every unit, places and taakstelling (null: none). */
function gebiedWaarden(rijen: readonly GemeenteRij[]): Map<string, number | null> {
  const g = gebieden(rijen);
  const uit = new Map<string, number | null>();
  for (const u of [...g.gemeenten, ...g.regios, g.nederland]) {
    for (const a of AANVRAGERS) for (const s of SOORTEN) uit.set(`${s}|${u.code}|${a}`, tellingen(u, a)[s]);
    uit.set(`plekken|${u.code}|totaal`, u.plekken).set(`taakstelling|${u.code}|totaal`, u.taakstelling);
  }
  return uit;
}

/** The map of a comparison with the cells in `weg` emptied with their reason. */
function gebiedKaart(rijen: readonly GemeenteRij[], weg: ReadonlyMap<string, KaartReden>): KaartCel[] {
  return [...gebiedWaarden(rijen)].filter(([, v]) => v !== null).map(([k, v]) => {
    const [soort, eenheid, aanvrager] = k.split('|') as [string, string, 'totaal'];
    return { eenheid, soort, aanvrager, aantal: weg.has(k) ? null : v, reden: weg.get(k) ?? null };
  });
}

/** The bounds a stand-in must keep. */
function binnen(v: number, reden: KaartReden): boolean {
  return Number.isInteger(v) && (reden === 'klein' ? v >= 0 && v <= 9 : reden === 'bescherming' ? v >= 10 : v >= 0);
}

/** Every written cell as the filled rows give it, every empty one within its reason: the cells that fail. */
function afwijkingen(kaart: readonly KaartCel[], waarden: ReadonlyMap<string, number | null | undefined>): string[] {
  return kaart.flatMap((c) => {
    const v = waarden.get(id(c));
    if (c.reden === null) return v === c.aantal ? [] : [`${id(c)}: ${v} ≠ ${c.aantal}`];
    return typeof v === 'number' && binnen(v, c.reden) ? [] : [`${id(c)}: ${v} niet ${c.reden}`];
  });
}

const gm = (code: string, regio: string, bg: number, pg: number, bb: number, pb: number, plekken: number | null): GemeenteRij =>
  ({ code, naam: code, regio, beoordelingenGemeente: bg, positiefGemeente: pg, beoordelingenBurger: bb, positiefBurger: pb, taakstelling: 20, plekken, plekkenPeildatum: '2021-12-31' });

/** The same gemeenten with provisional counts, as the page has them before the map's counts are in. */
const voorlopig = (rijen: readonly GemeenteRij[]) => rijen.map((r) => ({ ...r, beoordelingenGemeente: 0, positiefGemeente: 0, beoordelingenBurger: 0, positiefBurger: 0, plekken: 0 }));

describe('stand-ins of the comparison (hand-built)', () => {
  // AM01: Groningen, Stadskanaal, Veendam; AM02: Ameland, Harlingen. The other 33 regions are 0.
  const waar = [
    gm('GM0014', 'AM01', 40, 25, 20, 12, 15),
    gm('GM0037', 'AM01', 12, 5, 4, 1, 0),
    gm('GM0047', 'AM01', 6, 2, 3, 2, 10),
    gm('GM0060', 'AM02', 3, 1, 0, 0, null),
    gm('GM0072', 'AM02', 30, 18, 12, 6, 25),
  ];
  const weg = new Map<string, KaartReden>();
  for (const g of ['GM0037', 'GM0047', 'GM0060']) for (const s of SOORTEN) for (const a of AANVRAGERS) weg.set(`${s}|${g}|${a}`, 'geheim');
  for (const s of SOORTEN) for (const a of ['burger', 'totaal']) weg.set(`${s}|GM0014|${a}`, 'geheim');
  // AM02 burger: b 12, p 6, n 6.
  weg.set('b|AM02|burger', 'bescherming').set('p|AM02|burger', 'klein').set('n|AM02|burger', 'klein');
  weg.set('n|AM01|totaal', 'geheim');
  weg.set('plekken|GM0037|totaal', 'klein').set('plekken|GM0047|totaal', 'bescherming');
  const kaart = gebiedKaart(waar, weg);

  it('reproduces every written cell of gemeenten, regions and Nederland; stand-ins within their reason', () => {
    const { rijen } = vulGebieden(voorlopig(waar), kaart);
    expect(afwijkingen(kaart, gebiedWaarden(rijen))).toEqual([]);
    // Written by hand: AM01 gemeente b = 40 + 12 + 6 = 58, NL totaal b = 58 + 27 + 33 + 12 = 130.
    const g = gebieden(rijen);
    expect([g.regios[0].beoordelingen.gemeente, g.nederland.beoordelingen.totaal, g.nederland.positief.totaal]).toEqual([58, 130, 72]);
    expect(rijen.map((r) => [r.code, r.naam, r.regio, r.taakstelling, r.plekkenPeildatum])).toEqual(waar.map((r) => [r.code, r.naam, r.regio, 20, '2021-12-31']));
  });

  it('values the written cells force: Ameland from AM02 minus Harlingen, AM02 burger from Nederland minus AM01', () => {
    const { rijen } = vulGebieden(voorlopig(waar), kaart);
    const ameland = rijen.find((r) => r.code === 'GM0060')!;
    // AM02 gemeente b 33 − 30 = 3, p 19 − 18 = 1; burger: NL 39 − AM01 27 = 12 = Harlingen's 12, so 0.
    expect([ameland.beoordelingenGemeente, ameland.positiefGemeente, ameland.beoordelingenBurger, ameland.positiefBurger]).toEqual([3, 1, 0, 0]);
    const am02 = gebieden(rijen).regios[1];
    expect([am02.beoordelingen.burger, am02.positief.burger]).toEqual([12, 6]);
    // AM01 n totaal = 85 − 47; Stadskanaal + Veendam gemeente b = 58 − 40 = 18, burger (with Groningen's) 27.
    expect(gebieden(rijen).regios[0].beoordelingen.totaal - gebieden(rijen).regios[0].positief.totaal).toBe(38);
    const am01 = rijen.filter((r) => r.regio === 'AM01');
    expect(am01.slice(1).reduce((x, r) => x + r.beoordelingenGemeente, 0)).toBe(18);
    expect(am01.reduce((x, r) => x + r.beoordelingenBurger, 0)).toBe(27);
    // Places: Stadskanaal (0–9) + Veendam (≥ 10) = AM01 25 − Groningen 15 = 10, so 0 and 10; Ameland has none.
    expect(rijen.map((r) => r.plekken)).toEqual([15, 0, 10, null, 25]);
  });

  it('verborgen: every empty count, `geheim` only for units other than gemeenten; places by unit', () => {
    const { verborgen } = vulGebieden(voorlopig(waar), kaart);
    const adviezen = [...weg.keys()].filter((k) => !k.startsWith('plekken'));
    expect(adviezen.length).toBe(27 + 6 + 3 + 1);
    expect([...verborgen.adviezen].sort()).toEqual(adviezen.sort());
    expect([...(verborgen.adviezen as { geheim?: ReadonlySet<string> }).geheim ?? []]).toEqual(['n|AM01|totaal']);
    expect([...verborgen.plekken].sort()).toEqual(['GM0037', 'GM0047']);
  });

  it('a damaged map throws: a written total its parts cannot reach', () => {
    // Nederland's gemeente b 91 written as 95: AM01 (58) + AM02 (33) + 33 regions of 0 cannot give it.
    const nl = kaart.map((c) => (id(c) === 'b|NL|gemeente' ? { ...c, aantal: 95 } : c));
    expect(() => vulGebieden(voorlopig(waar), nl)).toThrow(BOUW);
    // AM02's gemeente b 25 < Harlingen's written 30.
    const am02 = kaart.map((c) => (id(c) === 'b|AM02|gemeente' ? { ...c, aantal: 25 } : c));
    expect(() => vulGebieden(voorlopig(waar), am02)).toThrow(BOUW);
    // A "<10" region whose gemeenten written alone give 30.
    const klein = kaart.map((c) => (id(c) === 'b|AM02|gemeente' ? { ...c, aantal: null, reden: 'klein' as const } : c));
    expect(() => vulGebieden(voorlopig(waar), klein)).toThrow(BOUW);
    expect(() => vulGebieden(voorlopig(waar), kaart.filter((c) => id(c) !== 'p|GM0072|burger'))).toThrow(/p\|GM0072\|burger ontbreekt/);
  });
});

/** The months' cells as the filled rows give them: each month, the year and every year to date. */
function maandWaarden(rijen: readonly MaandRij[], eenheden: readonly string[]): Map<string, number> {
  const uit = new Map<string, number>();
  for (const e of eenheden) {
    const mee = rijen.filter((r) => (e === 'jaar' ? true : e.startsWith('tm') ? r.maand <= e.slice(2) : r.maand === e));
    for (const a of AANVRAGERS) {
      const b = mee.filter((r) => r.aanvrager === a).reduce((x, r) => x + r.beoordelingen, 0);
      const p = mee.filter((r) => r.aanvrager === a).reduce((x, r) => x + r.positief, 0);
      uit.set(`b|${e}|${a}`, b).set(`p|${e}|${a}`, p).set(`n|${e}|${a}`, b - p);
    }
  }
  return uit;
}

const rij = (maand: string, aanvrager: 'gemeente' | 'burger' | 'totaal', b: number, p: number): MaandRij =>
  metInterval({ maand, aanvrager, beoordelingen: b, positief: p, pctPositief: null, wilsonOnder: null, wilsonBoven: null });

describe('stand-ins of Nederland\'s months (hand-built)', () => {
  const maanden = ['2017-01', '2017-02', '2017-03', '2017-04', '2017-05', '2017-06'];
  const gem = [[15, 10], [12, 6], [11, 7], [12, 7], [8, 3], [22, 12]];
  const bur = [[10, 4], [11, 5], [10, 5], [12, 6], [14, 7], [13, 6]];
  const waar = maanden.flatMap((m, i) => [
    rij(m, 'gemeente', gem[i][0], gem[i][1]), rij(m, 'burger', bur[i][0], bur[i][1]), rij(m, 'totaal', gem[i][0] + bur[i][0], gem[i][1] + bur[i][1]),
  ]);
  const eenheden = [...maanden, 'jaar', ...maanden.slice(1).map((m) => `tm${m}`)];
  // May hidden for gemeenten ("<10") and in total ("x"); the year to date of May with it.
  const weg = new Map<string, KaartReden>([
    ['b|2017-05|gemeente', 'klein'], ['p|2017-05|gemeente', 'klein'], ['n|2017-05|gemeente', 'klein'],
    ['b|2017-05|totaal', 'bescherming'], ['p|2017-05|totaal', 'bescherming'], ['n|2017-05|totaal', 'geheim'],
    ...AANVRAGERS.filter((a) => a !== 'burger').flatMap((a) => SOORTEN.map((s) => [`${s}|tm2017-05|${a}`, 'bescherming'] as const)),
  ]);
  const kaart: KaartCel[] = [...maandWaarden(waar, eenheden)].map(([k, v]) => {
    const [soort, eenheid, aanvrager] = k.split('|') as [string, string, AanvragerKeuze];
    return { eenheid, soort, aanvrager, aantal: weg.has(k) ? null : v, reden: weg.get(k) ?? null };
  });
  const leeg = waar.map((r) => rij(r.maand, r.aanvrager, 0, 0));

  it('May follows from the years to date around it: tm04 50, tm06 80, June 22 → 8', () => {
    const { rijen } = vulMaanden(leeg, kaart);
    expect(afwijkingen(kaart, maandWaarden(rijen, eenheden))).toEqual([]);
    const mei = (a: string) => rijen.find((r) => r.maand === '2017-05' && r.aanvrager === a)!;
    // b: 80 − 50 − 22 = 8; p: 45 − 30 − 12 = 3; totaal with burger's written 14 and 7.
    expect([mei('gemeente').beoordelingen, mei('gemeente').positief, mei('totaal').beoordelingen, mei('totaal').positief]).toEqual([8, 3, 22, 10]);
    expect(mei('gemeente').pctPositief).toBeCloseTo(37.5, 10);
    expect(rijen.map((r) => [r.maand, r.aanvrager])).toEqual(waar.map((r) => [r.maand, r.aanvrager]));
  });

  it('the same without negatieve on the map (compute writes b and p only); a month beyond the table is 0', () => {
    const bp = kaart.filter((c) => c.soort !== 'n');
    const juli = (['gemeente', 'burger', 'totaal'] as const).map((a) => rij('2017-07', a, 5, 5));
    const { rijen, verborgen } = vulMaanden([...leeg, ...juli], bp);
    expect(afwijkingen(bp, maandWaarden(rijen, eenheden))).toEqual([]);
    const mei = rijen.find((r) => r.maand === '2017-05' && r.aanvrager === 'gemeente')!;
    expect([mei.beoordelingen, mei.positief]).toEqual([8, 3]);
    expect(rijen.filter((r) => r.maand === '2017-07').map((r) => [r.beoordelingen, r.positief, r.pctPositief])).toEqual([[0, 0, null], [0, 0, null], [0, 0, null]]);
    expect([...verborgen].sort()).toEqual([...weg.keys()].filter((k) => !k.startsWith('n|')).sort());
    expect(verborgen.geheim).toBeUndefined();
  });

  it('verborgen: every empty cell, geheim the one without a reason', () => {
    const { verborgen } = vulMaanden(leeg, kaart);
    expect([...verborgen].sort()).toEqual([...weg.keys()].sort());
    expect([...verborgen.geheim ?? []]).toEqual(['n|2017-05|totaal']);
  });

  it('a damaged map throws', () => {
    const jaar = kaart.map((c) => (id(c) === 'b|jaar|gemeente' ? { ...c, aantal: 81 } : c));
    expect(() => vulMaanden(leeg, jaar)).toThrow(/De voorberekende tabellen van Beschut werk kloppen niet met elkaar \(jaar 2017\)/);
    // June written as 31 would leave May 80 − 50 − 31 = −1.
    const juni = kaart.map((c) => (id(c) === 'b|2017-06|gemeente' ? { ...c, aantal: 31 } : c));
    expect(() => vulMaanden(leeg, juni)).toThrow(BOUW);
  });
});

describe('stand-ins on the demo data, as compute writes 2017 and 2021', () => {
  const engine = beschutDemo();

  for (const jaar of [2017, 2021]) {
    it(`${jaar}: every written cell exact, every stand-in within its reason, verborgen = the cells with a reason`, async () => {
      const { jaren, bereik } = await beschutJaren(engine());
      const { gebied, maand, peildatum } = await beschutJaar(engine(), jaren.find((j) => j.jaar === jaar)!, gepubliceerdeCijfers(), bereik);
      const alsKaart = (c: (typeof gebied)[number]): KaartCel => ({ ...c, aantal: c.reden === null ? c.aantal : null });
      const kaart = gebied.map(alsKaart);
      const taak = new Map(kaart.filter((c) => c.soort === 'taakstelling').map((c) => [c.eenheid, c.aantal]));
      const metPlekken = new Set(kaart.filter((c) => c.soort === 'plekken').map((c) => c.eenheid));
      const rijen = GEMEENTEN.map((g): GemeenteRij => ({
        code: g.code, naam: g.naam, regio: g.regio, beoordelingenGemeente: 0, positiefGemeente: 0, beoordelingenBurger: 0, positiefBurger: 0,
        taakstelling: taak.get(g.code) ?? null, plekken: null, plekkenPeildatum: metPlekken.has(g.code) ? peildatum : null,
      }));
      const g = vulGebieden(rijen, kaart);
      expect(afwijkingen(kaart, gebiedWaarden(g.rijen))).toEqual([]);
      // No negatieve on the map: positief ≤ beoordelingen must hold by itself.
      expect(g.rijen.filter((r) => r.positiefGemeente > r.beoordelingenGemeente || r.positiefBurger > r.beoordelingenBurger)).toEqual([]);
      const personen = kaart.filter((c) => ['b', 'p', 'n'].includes(c.soort));
      expect([...g.verborgen.adviezen].sort()).toEqual(personen.filter((c) => c.reden !== null).map(id).sort());
      const geheim = personen.filter((c) => c.reden === 'geheim' && !c.eenheid.startsWith('GM')).map(id);
      expect([...(g.verborgen.adviezen as { geheim?: ReadonlySet<string> }).geheim ?? []].sort()).toEqual(geheim.sort());
      expect([...g.verborgen.plekken].sort()).toEqual(kaart.filter((c) => c.soort === 'plekken' && c.reden !== null).map((c) => c.eenheid).sort());
      expect(g.rijen.filter((r) => r.plekken === null).map((r) => r.code)).toEqual(GEMEENTEN.filter((x) => !metPlekken.has(x.code)).map((x) => x.code));
      // The map holds every gemeente, region and Nederland, and hides many of them.
      expect(kaart.filter((c) => c.soort === 'b' && c.aanvrager === 'totaal').length).toBe(GEMEENTEN.length + Object.keys(REGIO_NAMEN).length + 1);
      expect(g.verborgen.adviezen.size).toBeGreaterThan(1000);

      const mk = maand.map(alsKaart);
      const maanden = [...new Set(mk.map((c) => c.eenheid).filter((e) => /^\d{4}-\d{2}$/.test(e)))].sort();
      expect(maanden).toEqual(Array.from({ length: 12 }, (_, i) => `${jaar}-${String(i + 1).padStart(2, '0')}`));
      const m = vulMaanden(maanden.flatMap((x) => AANVRAGERS.map((a) => rij(x, a, 0, 0))), mk);
      expect(afwijkingen(mk, maandWaarden(m.rijen, [...new Set(mk.map((c) => c.eenheid))]))).toEqual([]);
      expect([...m.verborgen].sort()).toEqual(mk.filter((c) => c.reden !== null).map(id).sort());
      expect([...m.verborgen.geheim ?? []].sort()).toEqual(mk.filter((c) => c.reden === 'geheim').map(id).sort());
      for (const r of m.rijen) expect(r).toEqual(metInterval({ ...r }));
      expect(m.rijen.filter((r) => r.positief > r.beoordelingen)).toEqual([]);
      // The totaal rows are gemeente + burger.
      for (const x of maanden) {
        const [gg, bb, tt] = AANVRAGERS.map((a) => m.rijen.find((r) => r.maand === x && r.aanvrager === a)!);
        expect([tt.beoordelingen, tt.positief]).toEqual([gg.beoordelingen + bb.beoordelingen, gg.positief + bb.positief]);
      }
    }, 300_000);
  }
});
