/**
 * Nederland's year table (the month section) and the published section read together (README,
 * "Beschut werk across periods, what is left"): the published section decides its twins in its
 * own table of the published periods; here everything both sections print for one calendar year
 * is attacked at once by the exact audit (lib/disclosure/audit.ts), for each year the published
 * adviezen touch (2016 and 2017).
 *
 * Every adviezen twin is a cell of the year table already: January–May 2017 is May's year to date
 * ('tm2017-05'), heel 2016 is 2016's 'jaar', a single month is that month. So the attack is the
 * year table's Weergave (as test/beschut-maanden-demo.test.ts builds it) with
 * - printed: the counts the published section prints (a twin shown; the monthly mean of five
 *   months, its count / 5 with one decimal, gives that count exactly) and UWV's counts where they
 *   equal their twin (printed in the column "Gepubliceerd" anyway);
 * - every percentage the section prints as a share: the twin with one decimal ("81,6%"), and UWV's
 *   own in whole percents where the loaded counts round to it (the 71% of January–May, which UWV's
 *   own 601 of 890 contradict, says nothing about them and is left out). The module reads a share
 *   only when its counts are printed (kennis.ts aandeelGetoond), but the page prints UWV's 58%
 *   next to a hidden 7 of 12: so each share is declared on never-printed copies of its counts
 *   ('~' + id, equal to the cell by a sum).
 * A cell is recoverable by the audit's own criterion (audit.ts, module comment): fewer than
 * DREMPEL whole values remain possible, and the numbers shown narrow it further than the marks
 * alone. Such a cell is public anyway when UWV's figures alone (with the relations, no marks)
 * narrow it exactly as far.
 *
 * The year table is the page's: the module's choice less what UWV's figures pin anyway
 * (pages/beschut-werk/openbaar.ts). Without that step this audit found, in 2017, eleven cells
 * given away beyond UWV's figures: the module hid b|2017-01|burger (12) and b|2017-03|burger (144)
 * to protect January's burgers, but UWV published both; with the year table's own printed totals
 * that gives nine more cells of at least 10 exactly: b|2017-03|gemeente 68 (212 − 144), b|tm2017-02|gemeente 122
 * (190 − 68), b|tm2017-02|burger 92 (214 − 122), b|2017-02|burger 80 (92 − 12); and with UWV's
 * monthly percentages p|2017-03|gemeente 57 (84% of 68), p|2017-03|burger 83 (140 − 57),
 * p|tm2017-02|gemeente 96 (153 − 57), p|tm2017-02|burger 53 (149 − 96), p|2017-02|burger 46 (53 − 7).
 * The page prints those eleven now, and the eight hidden only to protect January's 7 and 5 (which
 * UWV's figures give alone); the audit finds nothing beyond UWV's figures.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { afgerondHalf } from '../src/lib/disclosure/afronding.ts';
import { audit } from '../src/lib/disclosure/audit.ts';
import { kennis } from '../src/lib/disclosure/kennis.ts';
import { Oplosser, type Grenzen } from '../src/lib/disclosure/lp.ts';
import type { Aandeel, Cel, Reden, Som, Weergave } from '../src/lib/disclosure/tabel.ts';
import { DREMPEL, isOnderdrukt } from '../src/lib/format/disclosure.ts';
import { formatAantal } from '../src/lib/format/nl.ts';
import { gebieden } from '../src/lib/metrics/beschut-afleiden.ts';
import { gemeentenQuery } from '../src/lib/metrics/beschut-gemeenten.ts';
import { perMaandQuery } from '../src/lib/metrics/beschut.ts';
import { benodigdeMaanden, leesGepubliceerdBeschut, tweeling } from '../src/lib/published/beschut.ts';
import { runMetric } from '../src/lib/sql/query.ts';
import { beschermMaanden } from '../src/pages/beschut-werk/beveiliging.ts';
import { vergelijkingData, vergelijkingen } from '../src/pages/beschut-werk/gepubliceerd.ts';
import { beschermGebieden } from '../src/pages/beschut-werk/onderdrukking.ts';
import { jaarBesluit, jaarSommen, jaarVan } from '../src/pages/beschut-werk/queries.ts';
import { cel } from '../src/pages/beschut-werk/tabel.ts';
import { beschutDemo } from './demo-data.ts';

const engine = beschutDemo();
const csv = readFileSync(new URL('../data/published/beschut_werk.csv', import.meta.url), 'utf8');
const { cijfers } = leesGepubliceerdBeschut(csv);

/** The year table's unit of a published period within `jaar` (null: another year). */
function eenheidInJaar(van: string, tot: string, jaar: string): string | null {
  if (van.slice(0, 4) !== jaar || tot.slice(0, 4) !== jaar) return null;
  if (van === tot) return van;
  if (van !== `${jaar}-01`) throw new Error(`${van}–${tot} is no cell of the year table`);
  return tot === `${jaar}-12` ? 'jaar' : `tm${tot}`;
}

const kopie = (id: string) => `~${id}`;

/** Both sections of one calendar year as the page prints them (one attack), and UWV's figures alone. */
async function lezing(jaar: string) {
  const j = jaarVan({ tot: `${jaar}-12` });
  const rijen = (await runMetric(engine(), perMaandQuery({ van: j.van, tot: j.tot })))!;
  const adviezen = beschermGebieden(gebieden((await runMetric(engine(), gemeentenQuery(j)))!), j.tot).adviezen;
  const { b } = beschermMaanden(rijen, jaarSommen(j, { soort: 'nederland' }), adviezen, 'NL');
  // What the page hides: the module's choice less the counts UWV's figures pin anyway (openbaar.ts).
  const besluit = jaarBesluit({ soort: 'nederland', code: 'NL', naam: 'Nederland', regio: null }, j, rijen, { adviezen, plekken: new Set() }, cijfers);
  const vrij = [...b.onderdrukt.keys()].filter((id) => !besluit.has(id));
  // The published section as the page computes it: its national months, its own table.
  const land = (await runMetric(engine(), perMaandQuery(benodigdeMaanden(cijfers)!)))!;
  const v = vergelijkingen(cijfers, land, null);
  const tekst = vergelijkingData(v, { selectie: '', bron: '', peildatum: '', synthetisch: true }).rijen;

  const waarde = new Map(b.weergave.cellen.map((c) => [c.id, c.aantal]));
  // Before 2017 a burger count is a known zero (no cell) and the gemeente counts are the totals.
  const celId = (soort: 'b' | 'p', unit: string, a: 'gemeente' | 'burger' | 'totaal'): string | null => {
    if (waarde.has(cel(soort, unit, a))) return cel(soort, unit, a);
    if (!waarde.has(cel(soort, unit, 'totaal'))) throw new Error(`no cell ${cel(soort, unit, a)}`);
    return a === 'gemeente' ? cel(soort, unit, 'totaal') : null;
  };

  const twins: string[] = [];
  const getoond = new Set<string>(); // counts the published section prints
  const uwv = new Set<string>(); // UWV's counts equal to their twin
  const twinAandelen: Aandeel[] = [];
  const uwvAandelen: Aandeel[] = [];
  const kopieen = new Set<string>();
  const aandeel = (id: string, p: string, n: string, decimalen: number): Aandeel => {
    kopieen.add(p).add(n);
    return { id, teller: kopie(p), noemer: kopie(n), decimalen };
  };
  v.forEach((x, i) => {
    const c = x.cijfer;
    const bw = c.berekening;
    const unit = bw.soort === 'adviezen' ? eenheidInJaar(bw.van, bw.tot, jaar) : null;
    if (bw.soort !== 'adviezen' || unit === null) return;
    twins.push(`${bw.maat} ${unit} ${bw.aanvrager}`);
    const [bId, pId] = [celId('b', unit, bw.aanvrager), celId('p', unit, bw.aanvrager)];
    if (bId === null || pId === null) throw new Error(`a burger twin before 2017: ${c.omschrijving}`);
    const t = tweeling(c, { maanden: land, plekken: null })!;
    if (bw.maat === 'pct') {
      if (afgerondHalf(waarde.get(pId)!, waarde.get(bId)!, 0) === c.waarde) uwvAandelen.push(aandeel(`uwv:${pId}`, pId, bId, 0));
      if (isOnderdrukt(x.berekend)) return;
      // What the page prints is the module's rounding: half up, one decimal.
      expect(tekst[i].berekend).toBe(`${formatAantal(afgerondHalf(waarde.get(pId)!, waarde.get(bId)!, 1) / 10, 1)}%`);
      twinAandelen.push(aandeel(`twin:${pId}`, pId, bId, 1));
      return;
    }
    // A hidden count twin would print its mark; none is hidden in these years (asserted below).
    if (isOnderdrukt(x.berekend)) throw new Error(`count twin hidden: ${c.omschrijving}`);
    // The mean of five months with one decimal is its count exactly.
    if (bw.maat === 'gemiddeld') expect([Number.isInteger(10 * t), tekst[i].berekend]).toEqual([true, formatAantal(t, Number.isInteger(t) ? 0 : 1)]);
    const id = bw.maat === 'positief' ? pId : bId;
    getoond.add(id);
    if (c.waarde === t) uwv.add(id);
  });

  const cellen: Cel[] = [...b.weergave.cellen, ...[...kopieen].map((id) => ({ id: kopie(id), aantal: waarde.get(id)!, getoond: false }))];
  const sommen: Som[] = [...(b.weergave.sommen ?? []), ...[...kopieen].map((id) => ({ totaal: kopie(id), delen: [id] }))];
  const w = (aandelen: readonly Aandeel[]): Weergave => ({ ...b.weergave, cellen, sommen, aandelen: [...(b.weergave.aandelen ?? []), ...aandelen] });
  // UWV alone: every cell unknown (no marks) but the counts UWV published.
  const alleenUwv = new Map<string, Reden>(b.weergave.cellen.filter((c) => !uwv.has(c.id)).map((c) => [c.id, 'bescherming']));
  const uk = kennis(w(uwvAandelen), alleenUwv, { redenBekend: false });
  const uo = new Oplosser(uk.rijen, new Map(cellen.map((c) => [c.id, c.aantal])));
  return {
    b, besluit, vrij, twins, getoond, uwv, twinAandelen, uwvAandelen,
    w: w([...twinAandelen, ...uwvAandelen]),
    onderdrukt: new Map([...b.onderdrukt].filter(([id]) => besluit.has(id))),
    /** The exact bounds UWV's figures alone leave a cell. */
    uwvGrenzen: (id: string): Grenzen => (uk.bekend.has(id) ? { min: uk.bekend.get(id)!, max: uk.bekend.get(id)!, exact: true } : uo.grenzen(id)),
  };
}

describe('the month section and the published section read together (Nederland, demo data)', () => {
  it('the published adviezen touch 2016 and 2017 only', () => {
    const jaren = cijfers.flatMap((c) => (c.berekening.soort === 'adviezen' ? [c.berekening.van.slice(0, 4), c.berekening.tot.slice(0, 4)] : []));
    expect([...new Set(jaren)].sort()).toEqual(['2016', '2017']);
  });

  it('2016: neither section hides anything and no count is under 10, so nothing is there to recover (69 cells; 3 twins, all printed)', async () => {
    const l = await lezing('2016');
    expect(l.twins).toEqual(['beoordelingen jaar gemeente', 'positief jaar gemeente', 'pct jaar gemeente']);
    // The gemeente counts of 2016 are the totals (burgers could not ask yet): 540 and 388.
    expect([...l.getoond].map((id) => `${id} ${l.b.weergave.cellen.find((c) => c.id === id)!.aantal}`)).toEqual(['b|jaar|totaal 540', 'p|jaar|totaal 388']);
    expect([...l.uwv]).toEqual([...l.getoond]);
    expect([l.twinAandelen.length, l.uwvAandelen.length]).toEqual([1, 1]);
    expect([l.b.weergave.cellen.length, l.b.onderdrukt.size, l.onderdrukt.size]).toEqual([69, 0, 0]);
    // The smallest count: 10 negative adviezen in January (35 − 25).
    expect(Math.min(...l.b.weergave.cellen.map((c) => c.aantal))).toBe(DREMPEL);
    const a = audit(l.w, l.onderdrukt, { redenBekend: (id) => !l.b.zonderReden.has(id) });
    expect([a.cellen.length, a.lekken.length, a.kleinGetoond]).toEqual([0, 0, []]);
  }, 60_000);

  it('2017: nothing under 10 is given away beyond what UWV published (12 burger requests in January, 58% positive: 7 and 5)', async () => {
    const l = await lezing('2017');
    expect(l.twins).toHaveLength(18);
    // The section prints nine counts of 2017, all UWV's own; two of them the year table hides.
    expect([...l.getoond].sort()).toEqual([
      'b|2017-01|burger', 'b|2017-03|burger', 'b|2017-05|burger',
      'b|tm2017-05|burger', 'b|tm2017-05|gemeente', 'b|tm2017-05|totaal',
      'p|tm2017-05|burger', 'p|tm2017-05|gemeente', 'p|tm2017-05|totaal',
    ]);
    expect([...l.uwv].sort()).toEqual([...l.getoond].sort());
    // The module hid two of them to protect January's burgers; they, and the nine counts they
    // give with the year table's totals and UWV's percentages, are printed (openbaar.ts, step 1),
    // each worked out in the module comment. Then January's 7 and 5, which UWV's 12 and 58% give
    // alone, need no protection: the eight counts hidden for them are printed too (step 2).
    const waarde = new Map(l.b.weergave.cellen.map((c) => [c.id, c.aantal]));
    expect(l.vrij.map((id) => `${id} ${waarde.get(id)} ${l.b.onderdrukt.get(id)}`).sort()).toEqual([
      'b|2017-01|burger 12 bescherming', 'b|2017-01|gemeente 60 bescherming', 'b|2017-01|totaal 72 bescherming',
      'b|2017-02|burger 80 bescherming', 'b|2017-02|gemeente 62 bescherming', 'b|2017-02|totaal 142 bescherming',
      'b|2017-03|burger 144 bescherming', 'b|2017-03|gemeente 68 bescherming',
      'b|tm2017-02|burger 92 bescherming', 'b|tm2017-02|gemeente 122 bescherming',
      'p|2017-01|gemeente 47 bescherming', 'p|2017-01|totaal 54 bescherming',
      'p|2017-02|burger 46 bescherming', 'p|2017-02|gemeente 49 bescherming', 'p|2017-02|totaal 95 bescherming',
      'p|2017-03|burger 83 bescherming', 'p|2017-03|gemeente 57 bescherming',
      'p|tm2017-02|burger 53 bescherming', 'p|tm2017-02|gemeente 96 bescherming',
    ]);
    expect([...l.getoond].filter((id) => l.besluit.has(id))).toEqual([]);
    // Shares: the three twins of January–May it prints (the monthly ones are hidden), and UWV's
    // whole percents but the 71% (its own 601 of 890 give 67,5%).
    expect(l.twinAandelen.map((a) => a.id)).toEqual(['twin:p|tm2017-05|gemeente', 'twin:p|tm2017-05|burger', 'twin:p|tm2017-05|totaal']);
    expect(l.uwvAandelen.map((a) => a.id)).toEqual([
      'uwv:p|tm2017-05|gemeente', 'uwv:p|tm2017-05|burger',
      'uwv:p|2017-01|burger', 'uwv:p|2017-05|burger', 'uwv:p|2017-01|gemeente', 'uwv:p|2017-03|gemeente', 'uwv:p|2017-05|gemeente',
    ]);
    // The twins' percentages rest on counts the reader has: their difference to UWV's adds nothing.
    for (const a of l.twinAandelen) expect([a.teller, a.noemer].filter((k) => l.onderdrukt.has(k.slice(1)))).toEqual([]);

    const a = audit(l.w, l.onderdrukt, { redenBekend: (id) => !l.b.zonderReden.has(id) });
    const eigen = a.cellen.filter((c) => !c.id.startsWith('~'));
    expect([l.b.weergave.cellen.length, l.b.onderdrukt.size, l.onderdrukt.size, eigen.length]).toEqual([207, 21, 2, 2]);
    // The small ones: January's burger requests, pinned by UWV's 12 and 58% alone (7 of 12 = 58,3%).
    const klein = eigen.filter((c) => c.waarde < DREMPEL);
    const metUwv = (c: { id: string; waarde: number; min: number; max: number }) => {
      const u = l.uwvGrenzen(c.id);
      return `${c.id} ${c.waarde} in ${c.min}–${c.max}, UWV alone ${u.min}–${u.max}${u.exact ? '' : ' (not exact)'}`;
    };
    expect(klein.map(metUwv)).toEqual(['p|2017-01|burger 7 in 7–7, UWV alone 7–7', 'n|2017-01|burger 5 in 5–5, UWV alone 5–5']);
    // UWV's 58% is about those 7 of 12: a share of a small group the page prints (as published).
    expect(a.kleinGetoond).toEqual(['uwv:p|2017-01|burger']);
    // Nothing else is hidden, so nothing is given away beyond UWV's figures.
    const verder = a.lekken.filter((c) => !c.id.startsWith('~')).filter((c) => {
      const u = l.uwvGrenzen(c.id);
      return !(u.exact && c.exact && u.min === c.min && u.max === c.max);
    });
    expect(verder.map(metUwv)).toEqual([]);
  }, 60_000);
});
