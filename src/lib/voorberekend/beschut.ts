/**
 * `npm run compute` fills Beschut werk's tables (tabellen.ts declares them): per calendar year the
 * page's national view of that year — the comparison of every gemeente, region and Nederland, and
 * Nederland's months — computed by the page's own queries and protected by the page's own
 * disclosure control (the functions its worker and its month section run), each hidden cell
 * written empty with the reason the page prints: 'klein' ("<10"), 'bescherming' ("x" to protect
 * another) or 'geheim' ("x" without a reason: every gemeente's count, and a reason that would
 * narrow another cell).
 *
 * Why calendar years, not any period: the page sums months into a period the user chooses, so
 * written cells of two overlapping periods would give the hidden months between them back by
 * difference (onderdrukking.ts, "Not covered"). Years do not overlap, and one year's national view
 * is one table the page protects as a whole: what a year writes is exactly what the microdata page
 * prints for it (test/compute-beschut.test.ts). The page compares gemeenten and regions per
 * calendar year for the same reason (queries.ts jaarVan).
 */
import { readFileSync } from 'node:fs';
import { laadHighs } from '../disclosure/highs.ts';
import type { QueryEngine } from '../engine/types.ts';
import { toRows } from '../engine/rows.ts';
import { BESCHERMD, DREMPEL, GEHEIM, KLEIN, type Onderdrukt } from '../format/disclosure.ts';
import { gebieden, type AanvragerKeuze, type Gebieden } from '../metrics/beschut-afleiden.ts';
import { gemeentenQuery } from '../metrics/beschut-gemeenten.ts';
import { ADVIEZEN, perMaandQuery, plekkenQuery, type MaandRij, type PlekkenRij } from '../metrics/beschut.ts';
import { BESCHUT_GEBIED_TABEL, BESCHUT_GEPUBLICEERD_TABEL, BESCHUT_MAAND_TABEL, type KaartCel, type KaartReden } from '../metrics/beschut-voorberekend.ts';
import { benodigdeMaanden, leesGepubliceerdBeschut, tweeling, tweelingSleutel, type BeschutCijfer } from '../published/beschut.ts';
import { runMetric } from '../sql/query.ts';
import { literal } from '../sql/quote.ts';
import { jaarBesluit, jaarSommen, jaarTabel, jaarVan, type Bereik } from '../../pages/beschut-werk/queries.ts';
import type { MaandSom } from '../../pages/beschut-werk/tabel.ts';
import { beschermGebieden, cel } from '../../pages/beschut-werk/onderdrukking.ts';
import { telCel, type VerborgenCellen } from '../../pages/beschut-werk/context.ts';
import { vergelijkingen } from '../../pages/beschut-werk/gepubliceerd.ts';


const AANVRAGERS: readonly AanvragerKeuze[] = ['gemeente', 'burger', 'totaal'];
/**
 * What the page prints of adviezen: beoordelingen and positief, never the negatieve (its proofs
 * and audits treat those as not shown, pages/beschut-werk/tabel.ts; written, they would add
 * b − n = p to what was proven).
 */
const SOORTEN = ['b', 'p'] as const;

/** One written cell: the map's cell (KaartCel) with its true count, and why it is empty (null: written). */
export type BeschutCel = Omit<KaartCel, 'aantal'> & { aantal: number };

/** A calendar year as the page's comparison has it (queries.ts jaarVan), with its number. */
export type Jaar = MaandSom & { jaar: number };

/** Every calendar year of the adviezen, January to December as the page's comparison (queries.ts jaarVan). */
export async function beschutJaren(engine: QueryEngine): Promise<{ jaren: Jaar[]; bereik: Bereik }> {
  const [r] = toRows<{ van: string | null; tot: string | null }>(await engine.query(
    `SELECT strftime(min(besluitdatum), '%Y-%m') AS van, strftime(max(besluitdatum), '%Y-%m') AS tot FROM ${ADVIEZEN}`,
  ));
  if (!r?.van || !r.tot) return { jaren: [], bereik: null };
  const uit: Jaar[] = [];
  for (let j = Number(r.van.slice(0, 4)); j <= Number(r.tot.slice(0, 4)); j++) {
    uit.push({ jaar: j, ...jaarVan({ tot: `${j}-12` }) });
  }
  return { jaren: uit, bereik: { van: r.van, tot: r.tot } };
}

/** The file's reason for what the page prints (context.ts telCel decides): "<10", "x", "x" without a reason. */
const REDEN = new Map<Onderdrukt, KaartReden>([[KLEIN, 'klein'], [BESCHERMD, 'bescherming'], [GEHEIM, 'geheim']]);

function redenVan(verborgen: VerborgenCellen, id: string, aantal: number): KaartReden | null {
  const c = telCel(verborgen, id, aantal);
  return typeof c === 'number' ? null : REDEN.get(c)!;
}

/** The comparison's cells of one year: adviezen per unit, soort and aanvrager; places and taakstelling per unit. */
export function gebiedCellen(g: Gebieden, v: { adviezen: ReadonlySet<string>; plekken: ReadonlySet<string> }): BeschutCel[] {
  const uit: BeschutCel[] = [];
  for (const u of [...g.gemeenten, ...g.regios, g.nederland]) {
    for (const a of AANVRAGERS) {
      const t = { b: u.beoordelingen[a], p: u.positief[a] };
      for (const s of SOORTEN) uit.push({ eenheid: u.code, soort: s, aanvrager: a, aantal: t[s], reden: redenVan(v.adviezen, cel(s, u.code, a), t[s]) });
    }
    // Places print "<10" or "x" by their size, a gemeente's too (gebieden.ts cellen); the
    // taakstelling is a number of places set by regulation, not a count of persons.
    if (u.plekken !== null) {
      const reden = v.plekken.has(u.code) ? (u.plekken < DREMPEL ? 'klein' : 'bescherming') : null;
      uit.push({ eenheid: u.code, soort: 'plekken', aanvrager: 'totaal', aantal: u.plekken, reden });
    }
    if (u.taakstelling !== null) uit.push({ eenheid: u.code, soort: 'taakstelling', aanvrager: 'totaal', aantal: u.taakstelling, reden: null });
  }
  return uit;
}

/**
 * Nederland's months of one year with the sums of its year table (the year, every month's year to
 * date). Not the negatieve (SOORTEN): written, they gave hidden counts back (2021 on the demo
 * data: a month's positieve burgers as beoordelingen − negatieve, then the gemeenten' negatieve,
 * 2, from the printed total).
 */
export function maandCellen(rijen: readonly MaandRij[], verborgen: VerborgenCellen): BeschutCel[] {
  const uit: BeschutCel[] = [];
  const tel = (maand: string, a: AanvragerKeuze, rij?: MaandRij) => {
    const t = { b: rij?.beoordelingen ?? 0, p: rij?.positief ?? 0 };
    for (const s of SOORTEN) uit.push({ eenheid: maand, soort: s, aanvrager: a, aantal: t[s], reden: redenVan(verborgen, cel(s, maand, a), t[s]) });
  };
  for (const r of rijen) tel(r.maand, r.aanvrager, r);
  return uit;
}

/** UWV's and SZW's published figures, as the page reads them from its bundle (data/published). */
export function gepubliceerdeCijfers(): BeschutCijfer[] {
  return leesGepubliceerdBeschut(readFileSync(new URL('../../../data/published/beschut_werk.csv', import.meta.url), 'utf8')).cijfers;
}

/**
 * One year as the microdata page's national view has it: the comparison and Nederland's months,
 * with what it hides (Nederland's months print what the `gepubliceerd` figures pin anyway).
 */
export async function beschutJaar(engine: QueryEngine, j: Jaar, gepubliceerd: readonly BeschutCijfer[], bereik: Bereik = null): Promise<{ gebied: BeschutCel[]; maand: BeschutCel[]; peildatum: string | null }> {
  const f = { van: j.van, tot: j.tot };
  const g = gebieden((await runMetric(engine, gemeentenQuery(f)))!);
  const v = beschermGebieden(g, j.tot);
  const rijen = (await runMetric(engine, perMaandQuery(jaarVan(f))))!;
  const nl = { soort: 'nederland', code: 'NL', naam: 'Nederland', regio: null } as const;
  // The year table within the months the adviezen cover, as the page has it (queries.ts jaarTabel).
  const tabel = jaarTabel(f, bereik);
  const binnen = rijen.filter((r) => r.maand >= tabel.van && r.maand <= tabel.tot);
  const verborgen = jaarBesluit(nl, tabel, binnen, v, gepubliceerd);
  // The sums of the year table (the year and every month's year to date): any period the page
  // prints is one of them, a month, or the difference of two of them (queries.ts metSommen).
  const sommen: MaandRij[] = [];
  for (const s of jaarSommen(tabel, nl)) {
    for (const a of AANVRAGERS) {
      const delen = binnen.filter((r) => r.aanvrager === a && r.maand >= s.van && r.maand <= s.tot);
      const b = delen.reduce((x, r) => x + r.beoordelingen, 0);
      const p = delen.reduce((x, r) => x + r.positief, 0);
      sommen.push({ maand: s.id, aanvrager: a, beoordelingen: b, positief: p, pctPositief: null, wilsonOnder: null, wilsonBoven: null });
    }
  }
  return { gebied: gebiedCellen(g, v), maand: maandCellen([...binnen, ...sommen], verborgen), peildatum: g.nederland.plekkenPeildatum };
}

/** One written twin of a published figure: its key, its true value, and whether (and why) the section hides it. */
export interface TweelingCel {
  sleutel: string;
  waarde: number;
  klein: boolean;
  bescherming: boolean;
}

/**
 * The published section's twins as the microdata page shows them (vergelijkingen on the national
 * months within the loaded adviezen and the places), one per key; a twin outside the data is not
 * written (the page says "niet in de gegevens").
 */
export function tweelingCellen(cijfers: readonly BeschutCijfer[], maanden: readonly MaandRij[] | null, plekken: readonly PlekkenRij[]): TweelingCel[] {
  const uit = new Map<string, TweelingCel>();
  for (const v of vergelijkingen(cijfers, maanden, plekken)) {
    const w = tweeling(v.cijfer, { maanden, plekken });
    if (w === null || v.berekend === null) continue;
    const c = { sleutel: tweelingSleutel(v.cijfer.berekening), waarde: w, klein: typeof v.berekend !== 'number', bescherming: v.berekend === BESCHERMD };
    const eerder = uit.get(c.sleutel);
    // Figures sharing a key share their cells, so the section decides them alike.
    if (eerder && (eerder.klein !== c.klein || eerder.bescherming !== c.bescherming)) throw new Error(`${c.sleutel}: twee beslissingen over één tweeling`);
    uit.set(c.sleutel, c);
  }
  return [...uit.values()];
}

/** The months the published figures need within the loaded adviezen and Nederland's places, as the page asks them. */
async function gepubliceerdeTweelingen(engine: QueryEngine, gepubliceerd: readonly BeschutCijfer[], bereik: Bereik): Promise<TweelingCel[]> {
  const nodig = benodigdeMaanden(gepubliceerd);
  // Only months the loaded adviezen cover have a twin (the page's landView filters the same way).
  const maanden = nodig ? (await runMetric(engine, perMaandQuery(nodig)))!.filter((r) => !bereik || (r.maand >= bereik.van && r.maand <= bereik.tot)) : null;
  return tweelingCellen(gepubliceerd, maanden, (await runMetric(engine, plekkenQuery({})))!);
}

const waarde = (c: BeschutCel) => `${literal(c.eenheid)}, ${literal(c.soort)}, ${literal(c.aanvrager)}, ${c.aantal}, ${c.reden !== null}, ${c.reden === 'bescherming'}, ${c.reden === 'geheim'}`;

/** Fill the three tables (created empty by their `bouw`) from the microdata in `engine`: one year at a time, then the published figures' twins. */
export async function vulBeschut(engine: QueryEngine): Promise<void> {
  // The comparison's audit solves its larger models with HiGHS, as the page's worker does.
  await laadHighs();
  const { jaren, bereik } = await beschutJaren(engine);
  const gepubliceerd = gepubliceerdeCijfers();
  for (const j of jaren) {
    const { gebied, maand, peildatum } = await beschutJaar(engine, j, gepubliceerd, bereik);
    const jaar = `${j.jaar}, ${literal(j.van)}, ${literal(j.tot)}`;
    const pd = peildatum === null ? 'NULL' : literal(peildatum);
    await invoegen(engine, BESCHUT_GEBIED_TABEL, gebied.map((c) => `(${jaar}, ${waarde(c)}, ${c.soort === 'plekken' ? pd : 'NULL'})`));
    await invoegen(engine, BESCHUT_MAAND_TABEL, maand.map((c) => `(${jaar}, ${waarde(c)})`));
  }
  const tweelingen = await gepubliceerdeTweelingen(engine, gepubliceerd, bereik);
  await invoegen(engine, BESCHUT_GEPUBLICEERD_TABEL, tweelingen.map((c) => `(${literal(c.sleutel)}, ${c.waarde}, ${c.klein}, ${c.bescherming})`));
}

async function invoegen(engine: QueryEngine, tabel: string, rijen: readonly string[]): Promise<void> {
  for (let i = 0; i < rijen.length; i += 2000) await engine.query(`INSERT INTO ${tabel} VALUES ${rijen.slice(i, i + 2000).join(',\n')}`);
}
