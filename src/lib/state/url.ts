import { ACHTERGRONDEN, type Achtergrond } from '../extracts/contracts.ts';
import { GEMEENTEN } from '../extracts/gemeenten.ts';
import { REGIO_NAMEN, isRegioCode } from '../extracts/regions.ts';
import { kortWaarde } from '../extracts/meldingen.ts';
import { EERSTE_KWARTAAL, laatsteKwartaal } from '../extracts/perioden.ts';
import { kwartaalToIndex, parseKwartaal, type Kwartaal } from '../kwartaal.ts';
import { drempelParam, grootteklasseParam, optioneelJaarParam } from './buig-params.ts';
import { maandParam, minimumParam } from './beschut-params.ts';
import { briefingParam } from '../briefing/link.ts';

/**
 * Page and filters live in the URL hash (static hosting needs no server routes):
 *   #/duurzaamheid?basis=2021Q3&horizon=4&achtergrond=Wsw,Wajong&regio=AM38
 * Each page has a typed parameter schema. Parsing never throws: an impossible value gives a
 * Dutch message naming the parameter and the value, and the default is used instead.
 */

export type PaginaId = 'overzicht' | 'duurzaamheid' | 'regios' | 'beschut-werk' | 'buig' | 'briefing' | 'data';

export interface PaginaInfo {
  id: PaginaId;
  titel: string;
}

export const PAGINAS: readonly PaginaInfo[] = [
  { id: 'overzicht', titel: 'Overzicht' },
  { id: 'duurzaamheid', titel: 'Duurzaamheid' },
  { id: 'regios', titel: "Regio's" },
  { id: 'beschut-werk', titel: 'Beschut werk' },
  { id: 'buig', titel: 'BUIG' },
  { id: 'briefing', titel: 'Briefing' },
  { id: 'data', titel: 'Data' },
];

export function paginaTitel(id: PaginaId): string {
  return PAGINAS.find((p) => p.id === id)!.titel;
}

// ---------------------------------------------------------------------------------------------
// Parameters

/** A parsed value, or what was expected (Dutch, after "verwacht"). Lists may keep a valid part. */
export type Uitkomst<T> = { waarde: T; fout?: undefined } | { waarde?: T; fout: string };

export interface Param<T> {
  /** Dutch name for messages, e.g. "basiskwartaal". */
  label: string;
  standaard: T;
  parse(raw: string): Uitkomst<T>;
  /** Text for the URL; null leaves the parameter out (only for empty lists and absent optionals). */
  serialiseer(v: T): string | null;
  /** How a value reads in a Dutch sentence. */
  toon(v: T): string;
  /** Longest value read (default MAX_WAARDE); a briefing link is longer. */
  maxLengte?: number;
}

/**
 * The quarters a link may name: every quarter an extract can hold (the plausibility rules: from
 * the nulmeting, 2012Q4, up to the end of next year). Whether the loaded data have that quarter
 * is for the page to say; a link never refuses a quarter a loaded file can contain.
 */
export const KWARTAAL_MIN = EERSTE_KWARTAAL;
export const KWARTAAL_MAX = laatsteKwartaal();

export function kwartaalParam(label: string, standaard: Kwartaal, min = KWARTAAL_MIN, max = KWARTAAL_MAX): Param<Kwartaal> {
  return {
    label,
    standaard,
    parse(raw) {
      const p = parseKwartaal(raw);
      if (!p || kwartaalToIndex(raw) < kwartaalToIndex(min) || kwartaalToIndex(raw) > kwartaalToIndex(max))
        return { fout: `een kwartaal van ${min} tot en met ${max}, geschreven als 2021Q3` };
      return { waarde: raw as Kwartaal };
    },
    serialiseer: (v) => v,
    toon: (v) => v,
  };
}

/** A quarter that may be absent: null means "the page picks one from the data" (shown as leegTekst). */
export function optioneelKwartaalParam(label: string, leegTekst: string, min = KWARTAAL_MIN, max = KWARTAAL_MAX): Param<Kwartaal | null> {
  const k = kwartaalParam(label, min as Kwartaal, min, max);
  return {
    label,
    standaard: null,
    parse: (raw) => (raw === '' ? { waarde: null } : k.parse(raw)),
    serialiseer: (v) => v,
    toon: (v) => v ?? leegTekst,
  };
}

export function keuzeParam<T extends string | number>(label: string, opties: readonly T[], standaard: T, namen?: Partial<Record<string, string>>): Param<T> {
  return {
    label,
    standaard,
    parse(raw) {
      const hit = opties.find((o) => String(o) === raw);
      return hit === undefined ? { fout: `één van ${opties.map((o) => String(o)).join(', ')}` } : { waarde: hit };
    },
    serialiseer: (v) => String(v),
    toon: (v) => namen?.[String(v)] ?? String(v),
  };
}

/**
 * A comma-separated list of allowed values; the default is always empty ("alle"/"geen").
 * Invalid items are dropped with a message, valid ones kept; duplicates are removed.
 */
export function lijstParam<T extends string>(
  label: string,
  isGeldig: (s: string) => s is T,
  verwacht: string,
  leegTekst: string,
  max = Infinity,
  naam: (v: T) => string = (v) => v,
): Param<T[]> {
  return {
    label,
    standaard: [],
    parse(raw) {
      const delen = raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
      const goed: T[] = [];
      const fout: string[] = [];
      for (const d of delen) {
        if (!isGeldig(d)) fout.push(d);
        else if (!goed.includes(d)) goed.push(d);
      }
      if (goed.length > max) return { waarde: goed.slice(0, max), fout: `hoogstens ${max} waarden` };
      if (fout.length > 0) return { waarde: goed, fout: `${verwacht}; '${fout.join("', '")}' ${fout.length > 1 ? 'zijn' : 'is'} weggelaten` };
      return { waarde: goed };
    },
    serialiseer: (v) => (v.length === 0 ? null : v.join(',')),
    toon: (v) => (v.length === 0 ? leegTekst : v.map(naam).join(', ')),
  };
}

/** One optional code (region or gemeente); absent means "none". */
export function codeParam(
  label: string,
  isGeldig: (s: string) => boolean,
  verwacht: string,
  leegTekst: string,
  naam: (v: string) => string = (v) => v,
): Param<string | null> {
  return {
    label,
    standaard: null,
    parse(raw) {
      if (raw === '') return { waarde: null };
      return isGeldig(raw) ? { waarde: raw } : { fout: verwacht };
    },
    serialiseer: (v) => v,
    toon: (v) => (v === null ? leegTekst : naam(v)),
  };
}

const REGIO_VERWACHT = "een code van één van de 35 arbeidsmarktregio's, zoals AM38 (FoodValley)";
const isAchtergrond = (s: string): s is Achtergrond => (ACHTERGRONDEN as readonly string[]).includes(s);
const isRegio = (s: string): s is string => isRegioCode(s);
const GEMEENTE_NAMEN = new Map(GEMEENTEN.map((g) => [g.code, g.naam]));
const metRegioNaam = (c: string) => `${c} (${REGIO_NAMEN[c] ?? '?'})`;
const metGemeenteNaam = (c: string) => `${c} (${GEMEENTE_NAMEN.get(c) ?? '?'})`;

/** Typed parameter schema per page. Pages add their filters here. */
export const SCHEMAS = {
  overzicht: {},
  duurzaamheid: {
    // Absent: the latest third quarter that has a year after it in the data (the page decides).
    basis: optioneelKwartaalParam('basiskwartaal', 'het laatste derde kwartaal met een jaar erna'),
    horizon: keuzeParam('horizon in kwartalen', [4, 8] as const, 4, { 4: '4 kwartalen (1 jaar)', 8: '8 kwartalen (2 jaar)' }),
    achtergrond: lijstParam('achtergrond', isAchtergrond, `achtergronden uit ${ACHTERGRONDEN.join(', ')}`, 'alle achtergronden'),
    regio: lijstParam('regio', isRegio, REGIO_VERWACHT, 'heel Nederland', Infinity, metRegioNaam),
    sector: keuzeParam('sector', ['alle', 'markt', 'overheid'] as const, 'alle', { alle: 'alle sectoren' }),
  },
  regios: {
    weergave: keuzeParam('weergave', ['kaart', 'vergelijk', 'spreiding', 'trechter', 'profiel'] as const, 'kaart'),
    indicator: keuzeParam('indicator', ['banen', 'groei', 'groei_pct', 'werkzaam_pct', 'register', 'per1000', 'duurzaam'] as const, 'banen'),
    // Absent: the latest quarter in the data, and the year before it (the page fills them in).
    van: optioneelKwartaalParam('beginkwartaal', 'een jaar voor het eindkwartaal'),
    tot: optioneelKwartaalParam('eindkwartaal', 'het laatste kwartaal in de gegevens'),
    regio: codeParam('regio', isRegio, REGIO_VERWACHT, 'geen regio', metRegioNaam),
    vergelijk: lijstParam('vergelijkingsregio’s', isRegio, REGIO_VERWACHT, 'geen', 6, metRegioNaam),
    // Optional, left out of the link at its default: the start level on the scatter (absent = aandeel werkzaam).
    startniveau: codeParam('startniveau', (s) => s === 'per1000', 'per1000 (banen per 1.000 personen in het register), of weglaten voor het aandeel werkzaam', 'aandeel werkzaam', () => 'banen per 1.000 personen in het register'),
    // Short link to a region's factsheet (#/regios?profiel=AM38), same view as weergave=profiel&regio=AM38.
    profiel: codeParam('profiel', isRegio, REGIO_VERWACHT, 'geen profiel', metRegioNaam),
  },
  'beschut-werk': {
    // Default: the months of the letter of 30 June 2017 (its figures appear next to the computed ones).
    van: maandParam('beginmaand', '2017-01'),
    tot: maandParam('eindmaand', '2017-05'),
    aanvrager: keuzeParam('aanvrager', ['alle', 'gemeente', 'burger'] as const, 'alle', { alle: 'alle aanvragers' }),
    regio: codeParam('regio', isRegio, REGIO_VERWACHT, 'heel Nederland', metRegioNaam),
    gemeente: codeParam('gemeente', (s) => GEMEENTE_NAMEN.has(s), 'een gemeentecode als GM0363 uit de indeling van 2026', 'geen gemeente', metGemeenteNaam),
    // The comparison with the taakstelling: gemeenten or regions, and the smallest taakstelling ranked.
    niveau: keuzeParam('niveau', ['gemeente', 'regio'] as const, 'regio', { gemeente: 'gemeenten', regio: "arbeidsmarktregio's" }),
    minimum: minimumParam(5),
    kaart: keuzeParam('kaart', ['positief', 'verhouding', 'realisatie'] as const, 'realisatie', {
      positief: 'percentage positief',
      verhouding: 'positieve adviezen per plek van de taakstelling',
      realisatie: 'deel van de taakstelling gerealiseerd',
    }),
  },
  buig: {
    // Absent: the latest year in the data; van/tot absent: the first and last year in the data.
    jaar: optioneelJaarParam('jaar', 'het laatste jaar in de gegevens'),
    van: optioneelJaarParam('beginjaar', 'het eerste jaar in de gegevens'),
    tot: optioneelJaarParam('eindjaar', 'het laatste jaar in de gegevens'),
    regio: codeParam('regio', isRegio, REGIO_VERWACHT, 'heel Nederland', metRegioNaam),
    gemeente: codeParam('gemeente', (s) => GEMEENTE_NAMEN.has(s), 'een gemeentecode als GM0363 uit de indeling van 2026', 'geen gemeente', metGemeenteNaam),
    klasse: grootteklasseParam(),
    drempel: drempelParam(),
  },
  briefing: {
    // Absent: the briefing kept in this browser (lib/briefing/opslag.ts).
    b: briefingParam(),
  },
  data: {},
} satisfies Record<PaginaId, Record<string, Param<any>>>;

export type Schemas = typeof SCHEMAS;
export type Filters<P extends PaginaId> = { [K in keyof Schemas[P]]: Schemas[P][K] extends Param<infer T> ? T : never };

export interface Route<P extends PaginaId = PaginaId> {
  pagina: P;
  filters: Filters<P>;
}

/**
 * Checks across parameters, e.g. a period that ends before it starts. Returns messages and a fix.
 * `uitLink` holds the parameters whose value from the link is used as given: a fix should keep
 * those and adapt the ones that were refused or absent (a refused value never drops a valid one).
 */
const CONTROLES: {
  [P in PaginaId]?: (f: Filters<P>, uitLink: ReadonlySet<string>) => { melding: string; herstel: Partial<Filters<P>> } | null;
} = {
  'beschut-werk': (f, uitLink) => {
    // A period lies within one calendar year: gemeenten and regions are compared per year, and
    // every unit's months are decided per year (pages/beschut-werk/queries.ts jaarVan).
    if (f.van <= f.tot && f.van.slice(0, 4) !== f.tot.slice(0, 4)) {
      const van = `${f.tot.slice(0, 4)}-01` as typeof f.van;
      return {
        melding: `Een periode ligt binnen één kalenderjaar; ${f.van} (parameter van) en ${f.tot} (parameter tot) niet. Getoond wordt ${van} tot en met ${f.tot}.`,
        herstel: { van },
      };
    }
    if (f.van <= f.tot) return null;
    // A month from the link is kept; the other one (refused or absent) follows it.
    if (uitLink.has('tot') && !uitLink.has('van')) {
      const van = `${f.tot.slice(0, 4)}-01` as typeof f.van;
      return { melding: `De beginmaand valt na de eindmaand ${f.tot} (parameter tot). Getoond wordt ${van} tot en met ${f.tot}.`, herstel: { van } };
    }
    if (uitLink.has('van') && !uitLink.has('tot')) {
      return { melding: `De eindmaand valt vóór de beginmaand ${f.van} (parameter van). Getoond wordt alleen ${f.van}.`, herstel: { tot: f.van } };
    }
    return {
      melding: `De beginmaand ${f.van} (parameter van) ligt na de eindmaand ${f.tot} (parameter tot). Getoond wordt de standaardperiode ${SCHEMAS['beschut-werk'].van.standaard} tot en met ${SCHEMAS['beschut-werk'].tot.standaard}.`,
      herstel: { van: SCHEMAS['beschut-werk'].van.standaard, tot: SCHEMAS['beschut-werk'].tot.standaard },
    };
  },
  buig: (f) =>
    f.van !== null && f.tot !== null && f.van > f.tot
      ? {
          melding: `Het beginjaar ${f.van} (parameter van) ligt na het eindjaar ${f.tot} (parameter tot). Getoond worden alle jaren in de gegevens.`,
          herstel: { van: null, tot: null },
        }
      : null,
  regios: (f) =>
    f.van !== null && f.tot !== null && kwartaalToIndex(f.van) >= kwartaalToIndex(f.tot)
      ? {
          melding: `Het beginkwartaal ${f.van} (parameter van) ligt niet vóór het eindkwartaal ${f.tot} (parameter tot). Getoond wordt het laatste jaar in de gegevens.`,
          herstel: { van: null, tot: null },
        }
      : null,
};

// ---------------------------------------------------------------------------------------------
// Parse and serialise

export interface ParseResultaat {
  route: Route;
  /** Dutch messages about anything in the link that could not be used. */
  meldingen: string[];
  /** The hash that shows this route exactly (replaces the link in the address bar). */
  canoniek: string;
}

export function standaardFilters<P extends PaginaId>(pagina: P): Filters<P> {
  const schema = SCHEMAS[pagina] as Record<string, Param<unknown>>;
  const out: Record<string, unknown> = {};
  for (const [k, p] of Object.entries(schema)) out[k] = structuredClone(p.standaard);
  return out as Filters<P>;
}

/** Longest parameter value a link may carry (35 region codes take 174 characters). */
const MAX_WAARDE = 300;
/** Parameters read from one link; a link with more is not a link a person made. */
const MAX_PARAMETERS = 100;
/** Messages about one link; more are counted in the last one. */
const MAX_MELDINGEN = 6;

export function parseHash(hash: string): ParseResultaat {
  const meldingen: string[] = [];
  const zonderHekje = hash.replace(/^#/, '');
  const vraag = zonderHekje.indexOf('?');
  const pad = (vraag >= 0 ? zonderHekje.slice(0, vraag) : zonderHekje).replace(/^\/+|\/+$/g, '');
  const query = vraag >= 0 ? zonderHekje.slice(vraag + 1) : '';

  let pagina: PaginaId = 'overzicht';
  const padLaag = safeDecode(pad).toLowerCase();
  if (padLaag !== '' && padLaag !== 'overzicht') {
    const gevonden = PAGINAS.find((p) => p.id === padLaag);
    if (gevonden) pagina = gevonden.id;
    else meldingen.push(`De pagina '${kortWaarde(safeDecode(pad))}' uit de link bestaat niet. U ziet het Overzicht.`);
  }

  const filters = standaardFilters(pagina) as Record<string, unknown>;
  const schema = SCHEMAS[pagina] as Record<string, Param<unknown>>;
  const gezien = new Set<string>();
  /** Keys whose value from the link is used as it is (a cross check must keep them). */
  const uitLink = new Set<string>();
  // The same problem once, with how often it occurs: 2.000 copies of a parameter are one message.
  const onbekend = new Map<string, number>();
  const dubbel = new Map<string, number>();
  const params = safeParams(query);
  if (params === null) meldingen.push('De filters in de link konden niet worden gelezen en zijn genegeerd.');
  if (params && params.length > MAX_PARAMETERS)
    meldingen.push(`De link heeft ${params.length} parameters; alleen de eerste ${MAX_PARAMETERS} zijn gelezen.`);
  for (const [key, raw] of (params ?? []).slice(0, MAX_PARAMETERS)) {
    const param = Object.hasOwn(schema, key) ? schema[key] : undefined;
    if (!param) {
      onbekend.set(key, (onbekend.get(key) ?? 0) + 1);
      continue;
    }
    if (gezien.has(key)) {
      dubbel.set(key, (dubbel.get(key) ?? 0) + 1);
      continue;
    }
    gezien.add(key);
    const wie = param.label === key ? key : `${key} (${param.label})`;
    if (raw.length > (param.maxLengte ?? MAX_WAARDE)) {
      meldingen.push(
        `Link-parameter ${wie} is te lang (${raw.length} tekens, '${kortWaarde(raw)}') en is genegeerd. ` +
          `Getoond wordt de standaardwaarde: ${param.toon(param.standaard)}.`,
      );
      continue;
    }
    const u = param.parse(raw);
    if (u.waarde !== undefined) filters[key] = u.waarde;
    if (u.fout === undefined) uitLink.add(key);
    else {
      const gevolg =
        u.waarde !== undefined
          ? `Getoond wordt ${param.label}: ${param.toon(u.waarde)}.`
          : `Getoond wordt de standaardwaarde: ${param.toon(param.standaard)}.`;
      meldingen.push(`Link-parameter ${wie} heeft de ongeldige waarde '${kortWaarde(raw)}': verwacht ${u.fout}. ${gevolg}`);
    }
  }
  const keer = (n: number) => (n > 1 ? ` (${n.toLocaleString('nl-NL')} keer)` : '');
  const namen = [...onbekend];
  for (const [key, n] of namen.slice(0, 3))
    meldingen.push(`Link-parameter ${kortWaarde(key)}${keer(n)} hoort niet bij de pagina ${paginaTitel(pagina)} en is genegeerd.`);
  if (namen.length > 3) meldingen.push(`Nog ${namen.length - 3} andere link-parameters horen niet bij de pagina ${paginaTitel(pagina)} en zijn genegeerd.`);
  for (const [key, n] of dubbel)
    meldingen.push(`Link-parameter ${key} staat ${n > 1 ? `${n + 1} keer` : 'meer dan één keer'} in de link; de eerste waarde wordt gebruikt.`);

  const controle = (CONTROLES as Record<string, ((f: Record<string, unknown>, uitLink: ReadonlySet<string>) => { melding: string; herstel: Record<string, unknown> } | null) | undefined>)[pagina];
  const c = controle?.(filters, uitLink);
  if (c) {
    meldingen.push(c.melding);
    Object.assign(filters, c.herstel);
  }

  const route = { pagina, filters } as Route;
  const getoond = meldingen.length > MAX_MELDINGEN ? [...meldingen.slice(0, MAX_MELDINGEN - 1), `En nog ${meldingen.length - MAX_MELDINGEN + 1} andere meldingen over de link.`] : meldingen;
  return { route, meldingen: getoond, canoniek: serialiseRoute(route) };
}

export function serialiseRoute<P extends PaginaId>(route: Route<P>): string {
  const schema = SCHEMAS[route.pagina] as Record<string, Param<unknown>>;
  const delen: string[] = [];
  for (const [k, p] of Object.entries(schema)) {
    const v = (route.filters as Record<string, unknown>)[k];
    const s = p.serialiseer(v === undefined ? p.standaard : v);
    if (s !== null) delen.push(`${k}=${encodeWaarde(s)}`);
  }
  const pad = route.pagina === 'overzicht' ? '#/' : `#/${route.pagina}`;
  return delen.length ? `${pad}?${delen.join('&')}` : pad;
}

/** Link to a page with the given filters (others at their defaults). */
export function href<P extends PaginaId>(pagina: P, filters: Partial<Filters<P>> = {}): string {
  return serialiseRoute({ pagina, filters: { ...standaardFilters(pagina), ...filters } });
}

/** Commas, slashes and colons stay readable in links; everything else is percent-encoded. */
function encodeWaarde(s: string): string {
  return encodeURIComponent(s).replace(/%2C/gi, ',').replace(/%2F/gi, '/').replace(/%3A/gi, ':');
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function safeParams(query: string): [string, string][] | null {
  try {
    return [...new URLSearchParams(query)];
  } catch {
    return null;
  }
}

