/**
 * Which cells of the Duurzaamheid page's national cohort table (`agg_duurzaamheid_cohort`) a
 * voorberekende map leaves empty, decided per base quarter in two steps:
 *
 * 1. The page's OWN disclosure control (pages/duurzaamheid/beveiliging.ts) on the exact rows, for
 *    every view that shows them: each horizon, with no achtergrond chosen and with each single
 *    achtergrond (the trends judge a base quarter by the same table). Whatever any view hides is
 *    hidden in the file (hiding more only widens what a reader can infer), so the page drawn from
 *    the map hides at least what it hides on the microdata.
 * 2. One table of everything the map writes about that base quarter, with what a reader knows
 *    between the cells: per achtergrond and for the total, werkzaam + werk verloren + uit het
 *    register = the cohort (one cohort for both horizons: the same people), steeds werkzaam and
 *    zelfde baan ≤ werkzaam, the uitstroom reasons adding up to uit het register, the achtergronden
 *    adding up to the total; and the counts of the same people other tables of the map print: the
 *    regions' werkzaam of the quarter (agg_regio_kwartaal) and their werkzaam a year later
 *    (agg_regio_cohort) add up to the total's cohort and werkzaam, the Banen tile's table prints the
 *    national werkzamen (the total's cohort), and the Duurzaamheid tile the total's cohort and its
 *    three parts of a third quarter. Those are fixed as written there
 *    (printed: `vast`, empty: `verborgen`). `beveilig` adds what the union of step 1 still leaves
 *    open; when its audit cannot close every leak, the base quarter is not written at all.
 */
import { beveilig } from '../disclosure/beveilig.ts';
import { WeergaveBouwer, type Reden, type Weergave } from '../disclosure/tabel.ts';
import { DREMPEL } from '../format/disclosure.ts';
import type { Kwartaal } from '../kwartaal.ts';
import type { Horizon } from '../metrics/duurzaamheid/filters.ts';
import type { StartersRij } from '../metrics/duurzaamheid/starters.ts';
import type { UitkomstRij } from '../metrics/duurzaamheid/uitkomst.ts';
import type { UitstroomRij } from '../metrics/duurzaamheid/uitstroom.ts';
import { COHORT_KOLOMMEN, STARTERS_HORIZON, STARTERS_KOLOMMEN, TOTAAL_GROEP, UITSTROOM_PREFIX } from '../metrics/duurzaamheid/voorberekend.ts';
import { beschermCohort, beschermStarters } from '../../pages/duurzaamheid/beveiliging.ts';

/** A count of another table of the map about the same people: its value and whether that table writes it. */
export interface GeschrevenElders {
  code: string;
  aantal: number;
  geschreven: boolean;
}

/** Everything about one base quarter the decision needs. */
export interface BasisInvoer {
  basis: Kwartaal;
  /** The outcome rows per achtergrond of this base quarter, per horizon (a horizon past the data: absent). */
  uitkomst: ReadonlyMap<Horizon, readonly UitkomstRij[]>;
  uitstroom: ReadonlyMap<Horizon, readonly UitstroomRij[]>;
  /** The starters per achtergrond of this base quarter (none when the data begin too late). */
  starters?: readonly StartersRij[];
  /** Werkzaam per region in the quarter (agg_regio_kwartaal). */
  regio?: readonly GeschrevenElders[];
  /** Werkzaam a year later per region of this cohort (agg_regio_cohort; `code` 'onbekend' without region). */
  regioCohort?: readonly GeschrevenElders[];
  /** The Overzicht tile prints the total's cohort, werkzaam, werk verloren and uit het register (horizon 4). */
  tegel: boolean;
  /** The Banen tile's table prints the national werkzamen of the quarter: the total's cohort. */
  landelijk?: boolean;
}

/** One written cell: `reden` null when the count is written, else why it is left empty. */
export interface CelBesluit {
  /** The starters' cells have none: STARTERS_HORIZON. */
  horizon: Horizon | typeof STARTERS_HORIZON;
  groep: string;
  veld: string;
  aantal: number;
  reden: Reden | null;
}

type CohortKolom = (typeof COHORT_KOLOMMEN)[number];
type StartersKolom = (typeof STARTERS_KOLOMMEN)[number];

const VELD_VAN_PAGINA: Readonly<Record<string, CohortKolom>> = {
  cohort: 'cohort', werkzaam: 'werkzaam', verloren: 'werk_verloren', uit: 'uit_register', steeds: 'steeds_werkzaam', zelfde: 'zelfde_baan',
};

const WAARDE: Readonly<Record<CohortKolom, (r: UitkomstRij) => number>> = {
  cohort: (r) => r.cohort, werkzaam: (r) => r.werkzaam, werk_verloren: (r) => r.werkVerloren,
  uit_register: (r) => r.uitRegister, steeds_werkzaam: (r) => r.steedsWerkzaam, zelfde_baan: (r) => r.zelfdeBaan,
};

/** Id of a cell of the map: the cohort is one cell for both horizons. */
export function celId(h: Horizon, groep: string, veld: string): string {
  return veld === 'cohort' ? `c|${groep}` : `${h}|${groep}|${veld}`;
}

/** The page's ids (`T.werkzaam`, `g:Wsw.uit`, `U:AOW`) of one view as cells of the map. */
function vanPagina(id: string, h: Horizon, groepVanT: string, groepVanU: string): string | null {
  if (id.startsWith('U:')) return celId(h, groepVanU, `${UITSTROOM_PREFIX}${id.slice(2)}`);
  const punt = id.lastIndexOf('.');
  const veld = VELD_VAN_PAGINA[id.slice(punt + 1)];
  const wie = id.slice(0, punt);
  if (!veld || !(wie === 'T' || wie.startsWith('g:'))) return null;
  return celId(h, wie === 'T' ? groepVanT : wie.slice(2), veld);
}

/** Step 1: every cell that some view of the page hides on the exact rows. */
function paginaVerbergt(b: BasisInvoer): Set<string> {
  const uit = new Set<string>();
  for (const [h, rijen] of b.uitkomst) {
    const redenen = b.uitstroom.get(h) ?? [];
    const groepen = rijen.map((r) => r.groep);
    const keuzes: (string | null)[] = [null, ...(groepen.length > 1 ? groepen : [])];
    for (const g of keuzes) {
      const p = beschermCohort(g ? rijen.filter((r) => r.groep === g) : rijen, g ? redenen.filter((r) => r.groep === g) : redenen);
      // With one group shown, the page's total is that group.
      const enige = g ?? (groepen.length === 1 ? groepen[0] : TOTAAL_GROEP);
      for (const id of p.b.onderdrukt.keys()) {
        const cel = vanPagina(id, h, enige, enige);
        if (cel) uit.add(cel);
      }
    }
  }
  return uit;
}

/** The map's cells of one base quarter: per group and the total, each horizon, with their counts. */
function cellen(b: BasisInvoer): Map<string, CelBesluit> {
  const uit = new Map<string, CelBesluit>();
  const zet = (h: Horizon, groep: string, veld: string, aantal: number) => {
    const id = celId(h, groep, veld);
    const eerder = uit.get(id);
    if (eerder && eerder.aantal !== aantal) throw new Error(`duurzaamheid: ${id} differs between horizons (${eerder.aantal}, ${aantal})`);
    if (!eerder) uit.set(id, { horizon: h, groep, veld, aantal, reden: null });
  };
  for (const [h, rijen] of b.uitkomst) {
    for (const k of COHORT_KOLOMMEN) {
      for (const r of rijen) zet(h, r.groep, k, WAARDE[k](r));
      zet(h, TOTAAL_GROEP, k, rijen.reduce((a, r) => a + WAARDE[k](r), 0));
    }
    const perReden = new Map<string, number>();
    for (const r of b.uitstroom.get(h) ?? []) {
      zet(h, r.groep, `${UITSTROOM_PREFIX}${r.reden}`, r.aantal);
      perReden.set(r.reden, (perReden.get(r.reden) ?? 0) + r.aantal);
    }
    for (const [reden, n] of perReden) zet(h, TOTAAL_GROEP, `${UITSTROOM_PREFIX}${reden}`, n);
  }
  return uit;
}

/** Hidden elsewhere: small when under 10, else (as far as this table knows) to protect another. */
function redenVan(aantal: number): Reden {
  return aantal < DREMPEL ? 'klein' : 'bescherming';
}

/**
 * The table of everything the map writes about one base quarter (ids as `celId`), with the
 * regions' and the tile's counts of the same people; `verborgen`: cells hidden from the start.
 */
export function kaartTabel(b: BasisInvoer, verborgen: ReadonlySet<string>): { weergave: Weergave; cellen: Map<string, CelBesluit> } {
  const cel = cellen(b);
  const vast = new Set<string>();
  const h4 = b.uitkomst.has(4) ? (4 as const) : null;
  if (b.tegel && h4) for (const k of ['cohort', 'werkzaam', 'werk_verloren', 'uit_register']) vast.add(celId(h4, TOTAAL_GROEP, k));
  if (b.landelijk) vast.add(celId(4, TOTAAL_GROEP, 'cohort'));
  const w = new WeergaveBouwer();
  for (const [id, c] of cel) {
    // The national total weighs 10: protected by an achtergrond before the total goes.
    const gewicht = c.groep === TOTAAL_GROEP ? 10 : 1;
    w.cel(id, c.aantal, vast.has(id) ? { vast: true, gewicht } : verborgen.has(id) ? { verborgen: redenVan(c.aantal), gewicht } : { gewicht });
  }
  const som = (totaal: string, delen: string[]) => {
    if (cel.has(totaal) && delen.length > 0 && delen.every((d) => cel.has(d))) w.som(totaal, delen);
  };
  const groepen = [...new Set([...cel.values()].map((c) => c.groep))].filter((g) => g !== TOTAAL_GROEP);
  for (const h of b.uitkomst.keys()) {
    for (const g of [...groepen, TOTAAL_GROEP]) {
      const id = (v: string) => celId(h, g, v);
      som(id('cohort'), [id('werkzaam'), id('werk_verloren'), id('uit_register')]);
      for (const v of ['steeds_werkzaam', 'zelfde_baan']) if (cel.has(id(v))) w.nesting(id(v), id('werkzaam'));
      const redenen = [...cel.values()].filter((c) => c.horizon === h && c.groep === g && c.veld.startsWith(UITSTROOM_PREFIX)).map((c) => id(c.veld));
      som(id('uit_register'), redenen);
    }
    const velden = new Set([...cel.values()].filter((c) => c.horizon === h && c.groep === TOTAAL_GROEP).map((c) => c.veld));
    for (const v of velden) som(celId(h, TOTAAL_GROEP, v), groepen.map((g) => celId(h, g, v)).filter((id) => cel.has(id)));
  }
  // The same people in the regions' tables: their cells as those tables decided them.
  const elders = (prefix: string, lijst: readonly GeschrevenElders[] | undefined, totaal: string) => {
    if (!lijst?.length || !cel.has(totaal) || lijst.reduce((a, r) => a + r.aantal, 0) !== cel.get(totaal)!.aantal) return [];
    const ids = lijst.map((r) => {
      const id = `${prefix}|${r.code}`;
      w.cel(id, r.aantal, r.geschreven ? { vast: true } : { verborgen: redenVan(r.aantal) });
      return id;
    });
    w.som(totaal, ids);
    return ids;
  };
  const regio = elders('R', b.regio, celId(4, TOTAAL_GROEP, 'cohort'));
  const cohort = h4 ? elders('RC', b.regioCohort, celId(h4, TOTAAL_GROEP, 'werkzaam')) : [];
  for (const id of cohort) if (regio.includes(`R|${id.slice(3)}`)) w.nesting(id, `R|${id.slice(3)}`);

  return { weergave: w.weergave(), cellen: cel };
}

/**
 * Step 2 and the result: every cell of the base quarter with its decision; none at all when no
 * suppression passes the audit (for example when the regions' tables print the total's cohort and
 * werkzaam, so that the stated reasons "≥ 10" of the parts narrow a small total left the register).
 * Such a base quarter is not written: the page says that the map left it empty.
 */
export function beslisBasis(b: BasisInvoer): CelBesluit[] {
  const { weergave, cellen: cel } = kaartTabel(b, paginaVerbergt(b));
  const besluit = beveilig(weergave);
  // A reason the file would state that narrows a cell (zonderReden) is a leak too: the file states every reason.
  if (besluit.audit.lekken.length > 0 || besluit.audit.kleinGetoond.length > 0 || besluit.zonderReden.size > 0) return [];
  return [...cel.entries()].map(([id, c]) => ({ ...c, reden: besluit.onderdrukt.get(id) ?? null }));
}

const STARTERS_WAARDE: Readonly<Record<StartersKolom, (r: StartersRij) => number | null>> = {
  starters: (r) => r.starters, werkzaam_1: (r) => r.werkzaamNa1Jaar, zelfde_baan_1: (r) => r.zelfdeBaanNa1Jaar, werkzaam_2: (r) => r.werkzaamNa2Jaar,
};
const STARTERS_VAN_PAGINA: Readonly<Record<string, StartersKolom>> = { starters: 'starters', na1: 'werkzaam_1', zelfde: 'zelfde_baan_1', na2: 'werkzaam_2' };

/**
 * The starters of one base quarter (another group of people, their own table on the page): the
 * page's starters table with no achtergrond and with each single one, then one table of the
 * achtergronden and their total (sums, werkzaam na 1 jaar and na 2 jaar ≤ starters, zelfde baan
 * ≤ werkzaam na 1 jaar). A count not yet known (the data end too soon) is not written; nothing
 * at all when no suppression passes the audit.
 */
export function beslisStarters(rijen: readonly StartersRij[]): CelBesluit[] {
  if (rijen.length === 0) return [];
  const groepen = rijen.map((r) => r.groep);
  const verborgen = new Set<string>();
  for (const g of [null, ...(groepen.length > 1 ? groepen : [])]) {
    const p = beschermStarters(g ? rijen.filter((r) => r.groep === g) : rijen);
    const enige = g ?? (groepen.length === 1 ? groepen[0] : TOTAAL_GROEP);
    for (const id of p.b.onderdrukt.keys()) {
      const punt = id.lastIndexOf('.');
      const wie = id.slice(0, punt);
      verborgen.add(`s|${wie === 'T' ? TOTAAL_GROEP : wie === `g:${enige}` ? enige : wie.slice(2)}|${STARTERS_VAN_PAGINA[id.slice(punt + 1)]}`);
    }
  }
  const cel = new Map<string, CelBesluit>();
  for (const k of STARTERS_KOLOMMEN) {
    const waarden = rijen.map(STARTERS_WAARDE[k]);
    // Not yet known for one group: for none (the same quarters for all).
    if (waarden.some((v) => v === null)) continue;
    rijen.forEach((r, i) => cel.set(`s|${r.groep}|${k}`, { horizon: STARTERS_HORIZON, groep: r.groep, veld: k, aantal: waarden[i]!, reden: null }));
    cel.set(`s|${TOTAAL_GROEP}|${k}`, { horizon: STARTERS_HORIZON, groep: TOTAAL_GROEP, veld: k, aantal: waarden.reduce((a, v) => a! + v!, 0)!, reden: null });
  }
  const w = new WeergaveBouwer();
  for (const [id, c] of cel) w.cel(id, c.aantal, { gewicht: c.groep === TOTAAL_GROEP ? 10 : 1, ...(verborgen.has(id) ? { verborgen: redenVan(c.aantal) } : {}) });
  for (const g of [...groepen, TOTAAL_GROEP]) {
    const id = (k: StartersKolom) => `s|${g}|${k}`;
    for (const k of ['werkzaam_1', 'werkzaam_2'] as const) if (cel.has(id(k))) w.nesting(id(k), id('starters'));
    if (cel.has(id('zelfde_baan_1'))) w.nesting(id('zelfde_baan_1'), cel.has(id('werkzaam_1')) ? id('werkzaam_1') : id('starters'));
  }
  for (const k of STARTERS_KOLOMMEN) if (cel.has(`s|${TOTAAL_GROEP}|${k}`)) w.som(`s|${TOTAAL_GROEP}|${k}`, groepen.map((g) => `s|${g}|${k}`));
  const besluit = beveilig(w.weergave());
  if (besluit.audit.lekken.length > 0 || besluit.audit.kleinGetoond.length > 0 || besluit.zonderReden.size > 0) return [];
  return [...cel.entries()].map(([id, c]) => ({ ...c, reden: besluit.onderdrukt.get(id) ?? null }));
}

/** The rows of the table: the cohort cell once per horizon. */
export function tabelRijen(basis: number, besluiten: readonly CelBesluit[], horizonten: readonly Horizon[]): (CelBesluit & { kw: number })[] {
  // The cohort cell's horizon is the first one it was declared with: it is written under each.
  return besluiten.flatMap((c) => (c.veld === 'cohort' ? horizonten.map((h) => ({ ...c, horizon: h, kw: basis })) : [{ ...c, kw: basis }]));
}
