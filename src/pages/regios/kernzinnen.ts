/**
 * The headline sentences of the Regio's page in the style of the letters to parliament, for the
 * map/ranking view, the comparison and the region profile. Every figure is one the view prints (the
 * protected tables of beveiliging.ts, read through rangTabel, vergelijkData, profielRegels and burenData), written as the
 * table writes it ("1.234", "3,2 procent" for 3,2%); a value the table hides is not printed but
 * gets its true reason in words. Pure functions: tested in test/regio-kernzinnen.test.ts.
 */
import { celTekst, type ChartData, type Kolom } from '../../lib/charts/spec.ts';
import { procentInWoorden } from '../../lib/briefing/alinea.ts';
import { nietGetoond, REDEN_TEKST } from '../../lib/disclosure/zinnen.ts';
import type { Reden } from '../../lib/disclosure/tabel.ts';
import { REGIO_NAMEN } from '../../lib/extracts/regions.ts';
import { isOnderdrukt, type Onderdrukt } from '../../lib/format/disclosure.ts';
import { formatAantal, formatKwartaalVoluit } from '../../lib/format/nl.ts';
import { cohortBasis, type RegioOverzicht } from '../../lib/metrics/regio.ts';
import type { NiveauIndicator } from '../../lib/metrics/regio-indicatoren.ts';
import { INDICATOR_KEUZE_TEKST, PAGINA_INDICATOREN, periodeTekst, rangTabel, REEKS_LABEL, reeksKey, type KaartView, type PaginaIndicator, type PaginaTabel, type ProfielRegel } from './grafieken.ts';

type Waarde = number | Onderdrukt | null;

const reden = (v: Onderdrukt): Reden => (v.soort === 'bescherming' ? 'bescherming' : 'klein');
const naam = (code: string) => REGIO_NAMEN[code] ?? code;

/** A figure as the table prints it, in words: counts with the column's decimals, shares as "3,2 procent". */
function getal(v: number, indicator: PaginaIndicator): string {
  const info = PAGINA_INDICATOREN[indicator];
  return info.type === 'pct' ? procentInWoorden(v, { decimalen: 1 }) : formatAantal(v, info.decimalen);
}

/** A growth in percent with its sign, as a comparison in brackets: "+2,1 procent", "-0,4 procent" (the minus as the table prints it). */
export function metTeken(v: number): string {
  const t = procentInWoorden(Math.abs(v), { decimalen: 1 });
  return t === '0,0 procent' ? t : `${v > 0 ? '+' : '-'}${t}`;
}

/** "in het vierde kwartaal van 2024". */
const inKwartaal = (k: string) => `in het ${formatKwartaalVoluit(k)}`;

/** "Voor 2 regio's wordt het cijfer niet getoond, voor 1 omdat … en voor 1 om …", or null when nothing is hidden. */
export function verborgenZin(waarden: readonly unknown[], wat: string): string | null {
  const verborgen = new Map<Reden, number>();
  for (const v of waarden) if (isOnderdrukt(v)) verborgen.set(reden(v), (verborgen.get(reden(v)) ?? 0) + 1);
  const delen = (['klein', 'bescherming'] as const)
    .filter((r) => verborgen.has(r))
    .map((r) => `${verborgen.size > 1 ? `voor ${verborgen.get(r)} ` : ''}${REDEN_TEKST[r]}`);
  if (delen.length === 0) return null;
  const n = [...verborgen.values()].reduce((a, b) => a + b, 0);
  return `Voor ${n} ${n === 1 ? 'regio' : "regio's"} wordt ${wat} niet getoond, ${delen.join(' en ')}.`;
}

// ---------------------------------------------------------------------------------------------
// Map and ranking
// ---------------------------------------------------------------------------------------------

/** Nederland's banen and their growth, as the map prints them for those indicators. */
export interface NederlandBanen {
  basis: string;
  eind: string;
  banen: Waarde;
  groei: Waarde;
  groeiPct: Waarde;
}

export function nederlandBanen(o: RegioOverzicht): NederlandBanen {
  const nl = (indicator: PaginaIndicator) => rangTabel({ indicator, basis: o.basis, eind: o.eind }, o, null).landelijk;
  return { basis: o.basis, eind: o.eind, banen: nl('banen'), groei: nl('groei'), groeiPct: nl('groei_pct') };
}

/** "In het vierde kwartaal van 2017 telde Nederland 107 banen …, 3 minder dan … (-2,7 procent)." */
export function zinNederland(n: NederlandBanen): string {
  const wat = 'banen voor mensen uit het doelgroepregister';
  if (typeof n.banen !== 'number') {
    return isOnderdrukt(n.banen) ? `Het aantal ${wat} in Nederland ${nietGetoond(reden(n.banen))}.` : `Voor Nederland zijn er ${inKwartaal(n.eind)} geen cijfers over banen.`;
  }
  const begin = `${inKwartaal(n.eind).replace(/^in/, 'In')} telde Nederland ${formatAantal(n.banen)} ${wat}`;
  if (isOnderdrukt(n.groei)) return `${begin}; de groei sinds het ${formatKwartaalVoluit(n.basis)} ${nietGetoond(reden(n.groei))}.`;
  if (typeof n.groei !== 'number') return `${begin}.`;
  const pct = typeof n.groeiPct === 'number' ? ` (${metTeken(n.groeiPct)})` : '';
  if (n.groei === 0) return `${begin}, evenveel als ${inKwartaal(n.basis)}${pct}.`;
  return `${begin}, ${formatAantal(Math.abs(n.groei))} ${n.groei > 0 ? 'meer' : 'minder'} dan ${inKwartaal(n.basis)}${pct}.`;
}

/** The subject of the highest/lowest sentence per indicator. */
const ONDERWERP: Record<PaginaIndicator, string> = {
  banen: 'Het aantal banen',
  groei: 'De groei van het aantal banen',
  groei_pct: 'De procentuele groei van het aantal banen',
  werkzaam_pct: 'Het aandeel werkzaam',
  register: 'Het aantal personen in het doelgroepregister',
  per1000: 'Het aantal banen per 1.000 personen in het register',
  duurzaam: 'Het aandeel dat na 1 jaar nog werkte',
};

export interface KaartKernInvoer {
  view: KaartView;
  /** The chosen indicator's protected table: what map, ranking and table print. */
  tabel: PaginaTabel;
  nederland: NederlandBanen;
  /** The region chosen on the map (or null). */
  regio: string | null;
}

/**
 * The map view: Nederland's banen and growth, the highest and lowest region on the chosen
 * indicator (with Nederland where it is a comparable level), how many regions are hidden and why,
 * and the chosen region's value and place.
 */
export function kaartKernzinnen(k: KaartKernInvoer): string[] {
  const { indicator } = k.view;
  const uit = [zinNederland(k.nederland)];
  const getoond = k.tabel.rijen.filter((r): r is typeof r & { waarde: number; rang: number } => typeof r.waarde === 'number' && typeof r.rang === 'number');
  const wanneer = PAGINA_INDICATOREN[indicator].soort === 'cohort' ? ` (cohort ${periodeTekst(cohortBasis(k.view.eind), k.view.eind)})` : '';
  if (getoond.length > 0) {
    const h = getoond[0];
    const l = getoond[getoond.length - 1];
    const nl = typeof k.tabel.landelijk === 'number' && indicator !== 'banen' && indicator !== 'groei' && indicator !== 'groei_pct'
      ? `; voor Nederland als geheel was dat ${getal(k.tabel.landelijk, indicator)}`
      : '';
    uit.push(getoond.length === 1
      ? `${ONDERWERP[indicator]}${wanneer} wordt alleen voor ${naam(h.regio_code!)} getoond (${getal(h.waarde, indicator)})${nl}.`
      : `${ONDERWERP[indicator]}${wanneer} was het hoogst in ${naam(h.regio_code!)} (${getal(h.waarde, indicator)}) en het laagst in ${naam(l.regio_code!)} (${getal(l.waarde, indicator)})${nl}.`);
  }
  // Hidden regions by reason, so a reader knows why the ranking is shorter than 35.
  const verborgen = verborgenZin(k.tabel.rijen.map((r) => r.waarde), 'het cijfer');
  if (verborgen) uit.push(verborgen);
  const gekozen = k.regio ? k.tabel.rijen.find((r) => r.regio_code === k.regio) : undefined;
  if (gekozen && typeof gekozen.waarde === 'number' && typeof gekozen.rang === 'number') {
    uit.push(`${naam(k.regio!)} staat met ${getal(gekozen.waarde, indicator)} op plaats ${gekozen.rang} van de ${getoond.length} regio's.`);
  } else if (gekozen && isOnderdrukt(gekozen.waarde)) {
    uit.push(`${ONDERWERP[indicator]} in ${naam(k.regio!)} ${nietGetoond(reden(gekozen.waarde))}.`);
  }
  return uit;
}

// ---------------------------------------------------------------------------------------------
// Region profile
// ---------------------------------------------------------------------------------------------

export interface ProfielKernInvoer {
  code: string;
  view: KaartView;
  /** The profile's key figures (profielRegels): what its table prints. */
  regels: readonly ProfielRegel[];
  /** The neighbours' table (burenData), or null without neighbours. */
  buren: ChartData | null;
}

/** "plaats 12 van de 35 regio's". */
const plaats = (r: ProfielRegel) => `plaats ${r.rang} van de ${r.van} regio's`;

/**
 * The profile: the region's banen and their growth against Nederland, its place on that growth,
 * the growth of its neighbours, and its register and share working.
 */
export function profielKernzinnen(k: ProfielKernInvoer): string[] {
  const wie = naam(k.code);
  const regel = (i: PaginaIndicator) => k.regels.find((r) => r.indicator === i);
  const uit: string[] = [];
  const verborgen = (r: ProfielRegel, onderwerp: string) => `${onderwerp} in ${wie} ${nietGetoond(r.reden!)}.`;

  const banen = regel('banen');
  const groei = regel('groei');
  const pct = regel('groei_pct');
  if (banen?.reden) uit.push(verborgen(banen, 'Het aantal banen voor mensen uit het doelgroepregister'));
  else if (banen?.eigen !== null && banen) {
    let zin = `${inKwartaal(k.view.eind).replace(/^in/, 'In')} waren er in ${wie} ${formatAantal(banen.eigen)} banen voor mensen uit het doelgroepregister`;
    if (groei?.reden) zin += `; de groei sinds het ${formatKwartaalVoluit(k.view.basis)} ${nietGetoond(groei.reden)}`;
    else if (groei && groei.eigen !== null) {
      const nl = pct?.landelijk != null ? ` (Nederland: ${metTeken(pct.landelijk)})` : '';
      const p = pct && pct.eigen !== null ? `: een ${pct.eigen >= 0 ? 'groei' : 'daling'} van ${procentInWoorden(Math.abs(pct.eigen), { decimalen: 1 })}${nl}` : '';
      zin += groei.eigen === 0
        ? `, evenveel als ${inKwartaal(k.view.basis)}${nl}`
        : `, ${formatAantal(Math.abs(groei.eigen))} ${groei.eigen > 0 ? 'meer' : 'minder'} dan ${inKwartaal(k.view.basis)}${p}`;
    }
    uit.push(`${zin}.`);
  }
  if (pct && pct.eigen !== null && pct.rang !== null) uit.push(`Met die groei staat ${wie} op ${plaats(pct)}.`);

  const buren = (k.buren?.rijen ?? []).filter((r) => r.relatie === 'buurregio');
  const getoond = buren.filter((r) => typeof r.groei_pct === 'number').sort((a, b) => (b.groei_pct as number) - (a.groei_pct as number));
  if (getoond.length > 0) {
    // Figures in brackets: a name may hold "en" itself (Stedendriehoek en Noordwest Veluwe).
    const lijst = getoond.map((r) => `${String(r.naam)} (${metTeken(r.groei_pct as number)})`);
    const tekst = lijst.length === 1 ? lijst[0] : `${lijst.slice(0, -1).join(', ')} en ${lijst.at(-1)}`;
    uit.push(`In de ${getoond.length === 1 ? 'buurregio' : "buurregio's"} was de groei: ${tekst}.`);
  }
  for (const r of buren) if (isOnderdrukt(r.groei_pct)) uit.push(`De groei in ${String(r.naam)} ${nietGetoond(reden(r.groei_pct))}.`);

  const register = regel('register');
  const werkzaam = regel('werkzaam_pct');
  if (register?.reden) uit.push(verborgen(register, 'Het aantal personen in het doelgroepregister'));
  if (werkzaam?.reden) uit.push(verborgen(werkzaam, 'Het aandeel werkzaam'));
  if (register && register.eigen !== null && werkzaam && werkzaam.eigen !== null && werkzaam.rang !== null) {
    const nl = werkzaam.landelijk !== null ? `Nederland: ${procentInWoorden(werkzaam.landelijk, { decimalen: 1 })}; ` : '';
    uit.push(`Van de ${formatAantal(register.eigen)} personen in het doelgroepregister in ${wie} werkte ${procentInWoorden(werkzaam.eigen, { decimalen: 1 })} (${nl}${plaats(werkzaam)}).`);
  } else if (register && register.eigen !== null) {
    uit.push(`In ${wie} stonden ${formatAantal(register.eigen)} personen in het doelgroepregister.`);
  }
  return uit;
}

// ---------------------------------------------------------------------------------------------
// Compare
// ---------------------------------------------------------------------------------------------

export interface VergelijkKernInvoer {
  /** The comparison's protected table (vergelijkData): one row per quarter, Nederland and each region. */
  data: ChartData;
  /** The chosen regions in the user's order; the first is the one compared with Nederland. */
  regios: readonly string[];
  reeks: NiveauIndicator;
  maat: 'index' | 'groei_pct';
}

/** A cell as the table prints it, read back as a number ("145,2" → 145.2, "-3,0%" → -3), so a sentence never rounds differently. */
function alsGetoond(v: number, kolom: Kolom): number {
  return Number(celTekst(v, kolom).replace(/[.%\s]/g, '').replace(',', '.').replace('\u2212', '-'));
}

/**
 * The comparison at its last quarter: the first chosen region's growth since the base quarter
 * against Nederland's, the highest and lowest of the chosen regions, how many grew faster than
 * Nederland, and hidden points with their reasons. The growth is the printed index minus 100 (or
 * the printed growth); a share (aandeel werkzaam) keeps its index, as growth of a share in percent
 * would read as percentage points.
 */
export function vergelijkKernzinnen(k: VergelijkKernInvoer): string[] {
  const laatste = k.data.rijen.at(-1);
  const eerste = k.data.rijen[0];
  if (!laatste || !eerste) return [];
  const basis = String(eerste.kwartaal);
  const eind = String(laatste.kwartaal);
  const index = k.maat === 'index' && k.reeks === 'aandeel_werkzaam';
  const wat = k.reeks === 'aandeel_werkzaam' ? 'het aandeel werkzaam' : `het aantal ${REEKS_LABEL[k.reeks]}`;
  const soort = index ? 'de index' : 'de groei';
  const kolom = (key: string) => k.data.kolommen.find((c) => c.key === key)!;
  // Growth in percent (one decimal) or index, as printed; the text with its sign for brackets.
  const cijfer = (key: string): number | Waarde => {
    const v = laatste[key] as Waarde | undefined;
    if (typeof v !== 'number') return v ?? null;
    const g = alsGetoond(v, kolom(key));
    return k.maat === 'index' && !index ? Math.round((g - 100) * 10) / 10 : g;
  };
  const tekst = (g: number) => (index ? formatAantal(g, 1) : metTeken(g / 100));
  const absTekst = (g: number) => procentInWoorden(Math.abs(g) / 100, { decimalen: 1 });
  const naamVan = (key: string) => (key === 'landelijk' ? 'Nederland' : naam(key.slice(2)));
  const keys = k.regios.map(reeksKey);
  const nl = cijfer('landelijk');
  const eigen = keys.length > 0 ? cijfer(keys[0]) : null;
  const uit: string[] = [];

  const periode = `Van het ${formatKwartaalVoluit(basis)} tot het ${formatKwartaalVoluit(eind)}`;
  /** "groeide het aantal banen in Zeeland met 45,2 procent" / "daalde …" / "bleef … gelijk". */
  const groei = (g: number, wie: string) =>
    g === 0 ? `bleef ${wat} in ${wie} gelijk` : `${g > 0 ? 'groeide' : 'daalde'} ${wat} in ${wie} met ${absTekst(g)}`;
  if (index) {
    const delen = [eigen, nl].flatMap((g, i) => (typeof g === 'number' ? [`in ${i === 0 ? naamVan(keys[0]) : 'Nederland'} op index ${tekst(g)}`] : []));
    if (delen.length > 0) uit.push(`${inKwartaal(eind).replace(/^in/, 'In')} stond ${wat} ${delen.join(' en ')} (${formatKwartaalVoluit(basis)} = 100).`);
  } else if (typeof eigen === 'number' && typeof nl === 'number') {
    const zelfdeKant = Math.sign(eigen) === Math.sign(nl) && nl !== 0;
    const nlDeel = zelfdeKant ? `in Nederland met ${absTekst(nl)}` : nl === 0 ? 'in Nederland bleef het gelijk' : `in Nederland ${nl > 0 ? 'groeide' : 'daalde'} het met ${absTekst(nl)}`;
    uit.push(`${periode} ${groei(eigen, naamVan(keys[0]))}, ${nlDeel}.`);
  } else if (typeof eigen === 'number' || typeof nl === 'number') {
    uit.push(typeof eigen === 'number' ? `${periode} ${groei(eigen, naamVan(keys[0]))}.` : `${periode} ${groei(nl as number, 'Nederland')}.`);
  }

  const getoond = keys.flatMap((key) => {
    const g = cijfer(key);
    return typeof g === 'number' ? [{ key, g }] : [];
  });
  if (getoond.length > 1) {
    const volgorde = [...getoond].sort((a, b) => b.g - a.g);
    const [h, l] = [volgorde[0], volgorde.at(-1)!];
    uit.push(`Van de gekozen regio's was ${soort} het hoogst in ${naamVan(h.key)} (${tekst(h.g)}) en het laagst in ${naamVan(l.key)} (${tekst(l.g)}).`);
    if (typeof nl === 'number') {
      const n = getoond.filter((r) => r.g > nl).length;
      const m = getoond.length;
      const hoeveel = n === 0 ? `geen van de ${m}` : n === m ? (m === 2 ? 'beide' : `alle ${m}`) : `${n} van de ${m}`;
      uit.push(`In ${hoeveel} gekozen regio's was ${soort} hoger dan in Nederland.`);
    }
  }
  for (const key of ['landelijk', ...keys]) {
    const v = laatste[key];
    if (isOnderdrukt(v)) uit.push(`${soort === 'de index' ? 'De index' : 'De groei'} van ${wat} in ${naamVan(key)} ${nietGetoond(reden(v))}.`);
    else if (typeof v !== 'number') uit.push(`Voor ${naamVan(key)} zijn er ${inKwartaal(eind)} geen cijfers.`);
  }
  return uit;
}

// ---------------------------------------------------------------------------------------------
// Selection in words
// ---------------------------------------------------------------------------------------------

/** "Banen in het eindkwartaal, 4e kwartaal 2016 – 4e kwartaal 2017; gekozen regio: FoodValley". */
export function kaartSelectie(view: KaartView, regio: string | null): string {
  return `${INDICATOR_KEUZE_TEKST[view.indicator]}, ${periodeTekst(view.basis, view.eind)}${regio ? `; gekozen regio: ${naam(regio)}` : ''}`;
}

/** "Arbeidsmarktregio FoodValley (AM38), 4e kwartaal 2016 – 4e kwartaal 2017". */
export function profielSelectie(code: string, view: KaartView): string {
  return `Arbeidsmarktregio ${naam(code)} (${code}), ${periodeTekst(view.basis, view.eind)}`;
}

/** "Banen, 4e kwartaal 2015 – 4e kwartaal 2017; gekozen regio's: Groningen en FoodValley". */
export function vergelijkSelectie(reeks: NiveauIndicator, van: string, tot: string, regios: readonly string[]): string {
  const namen = regios.map(naam);
  const lijst = namen.length > 1 ? `${namen.slice(0, -1).join(', ')} en ${namen.at(-1)}` : (namen[0] ?? '');
  const label = REEKS_LABEL[reeks];
  return `${label[0].toUpperCase()}${label.slice(1)}, ${periodeTekst(van, tot)}; ${namen.length === 1 ? 'gekozen regio' : "gekozen regio's"}: ${lijst}`;
}
