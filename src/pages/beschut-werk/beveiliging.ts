/**
 * Disclosure control of the Beschut werk page through the one module (lib/disclosure): what the
 * page shows together is declared as tables (tabel.ts) and beveilig() chooses what to hide.
 *
 * - The comparison of one period (map, funnel, ranking, profile): every gemeente, region and
 *   Nederland, b/p/n per aanvrager, gemeenten adding up to their region and regions to Nederland.
 *   Places at the last peildatum are another table (gemeenten → region → Nederland); a region's
 *   and Nederland's places are printed in their own series, so they are never hidden to protect.
 * - The months of a unit (months from January of the year of `tot` or `van`, the period, the year
 *   to date): Nederland's on their own; a region's or gemeente's in ONE table of the region (all
 *   its gemeenten and the region, gemeenten adding up to the region month by month), the same for
 *   every unit in the region, so a gemeente's view and its neighbour's agree. The period's cells
 *   are the comparison's cells: what the comparison hides stays hidden, what it prints is never
 *   hidden here.
 * - A gemeente's places per peildatum: one table per peildatum of its region (gemeenten adding up
 *   to the printed region total); at the comparison's peildatum the comparison decides.
 * Not covered: a hidden region month next to Nederland and the other 34 regions (each on its own
 * view), and differences between two periods asked one after the other.
 *
 * WIRED for places (beschermPlekken, beschermGemeentePlekken: 0,3–1,5 s in Node on the demo data),
 * for the months of Nederland and of a region (beschermMaanden), and for the comparison's regions
 * and Nederland (beschermRegios: hypercubes with a proof per cell, 1–2 s in Node; the page's own
 * rules then hide the gemeenten around them, and what the proofs need among the gemeenten).
 * beschermGebieden proves the gemeenten too (lib/disclosure/lagen.ts), but takes 4–6 s a period
 * on the demo data: not yet for the page (README, "Beschut werk").
 * Hand-built panels: test/beschut-beveiliging.test.ts.
 */
import type { Beveiligd } from '../../lib/disclosure/beveilig.ts';
import { beveilig } from '../../lib/disclosure/beveilig.ts';
import { kubussen } from '../../lib/disclosure/kubus.ts';
import { audit } from '../../lib/disclosure/audit.ts';
import { onderdruk } from '../../lib/disclosure/onderdrukking.ts';
import { beveiligInLagen, neerDragen } from '../../lib/disclosure/lagen.ts';
import { WeergaveBouwer, type Reden, type Weergave } from '../../lib/disclosure/tabel.ts';
import { DREMPEL } from '../../lib/format/disclosure.ts';
import type { AanvragerKeuze, Gebied, Gebieden } from '../../lib/metrics/beschut-afleiden.ts';
import type { GemeenteMaandRij, GemeentePlekRij } from '../../lib/metrics/beschut-gemeenten.ts';
import type { MaandRij } from '../../lib/metrics/beschut.ts';
import { AdviesTabel, cel, hernoem, telGemeenteMaanden, telMaanden, type Elders, type MaandSom, type Tel, type Verborgen } from './tabel.ts';

/** Weight of Nederland's cells: hidden to protect another only when nothing smaller will do. */
const GEWICHT_NL = 10;

export interface GebiedBescherming {
  adviezen: Verborgen;
  /** Unit codes whose places are hidden. */
  plekken: Verborgen;
  /** The comparison's adviezen as one table (for an audit of the whole). */
  weergave: Weergave;
  /** Hidden adviezen cells without a proof (lib/disclosure/lagen.ts): empty when every one is proven. */
  onbewezen: readonly string[];
}

const voor2017 = (tot: string) => tot < '2017-01';

/**
 * The comparison's adviezen in two layers (lib/disclosure/lagen.ts): the regions and Nederland
 * (`boven`), and per region its gemeenten with the region (`delen`, the region's counts fixed).
 */
function vergelijkingLagen(g: Gebieden, tot: string) {
  const declareer = (t: AdviesTabel, units: readonly Gebied[]) => {
    for (const u of units) {
      t.eenheid(u.code, (a) => ({ b: u.beoordelingen[a], p: u.positief[a] }), {
        burgerNul: voor2017(tot) && u.beoordelingen.burger === 0,
        ...(u.code === 'NL' ? { gewicht: GEWICHT_NL } : {}),
      });
    }
  };
  const kinderen = (r: Gebied) => g.gemeenten.filter((x) => x.regio === r.code);
  const boven = new AdviesTabel();
  declareer(boven, [...g.regios, g.nederland]);
  boven.som(g.nederland.code, g.regios.map((r) => r.code));
  const delen = g.regios.map((r) => {
    const t = new AdviesTabel();
    declareer(t, [...kinderen(r), r]);
    t.som(r.code, kinderen(r).map((x) => x.code));
    return { t, ouder: r.code };
  });
  const laag = { w: boven.weergave(), bl: boven.blokken() };
  const lagen = delen.map((d) => ({ w: d.t.weergave(), bl: d.t.blokken(), ouder: d.ouder }));
  const alles = () => {
    const t = new AdviesTabel();
    declareer(t, [...g.gemeenten, ...g.regios, g.nederland]);
    for (const r of g.regios) t.som(r.code, kinderen(r).map((x) => x.code));
    t.som(g.nederland.code, g.regios.map((r) => r.code));
    return t;
  };
  return { boven, delen, laag, lagen, alles };
}

/**
 * Gemeenten, regions and Nederland of one period: adviezen (per aanvrager) and places, every
 * hidden adviezen cell with a proof (lagen.ts). On the demo data 4–6 s for a period: the
 * page protects the regions and Nederland this way (beschermRegios) and its gemeenten with its own
 * rules (onderdrukking.ts) until the parts are fast enough (README, "Beschut werk").
 */
export function beschermGebieden(g: Gebieden, tot: string): GebiedBescherming {
  const l = vergelijkingLagen(g, tot);
  const uit = beveiligInLagen(l.laag, l.lagen, { delenRedenBekend: false });
  const adviezen = new Map([...l.boven.pagina(uit.onderdrukt), ...l.delen.flatMap((d) => [...d.t.pagina(uit.onderdrukt)])]);
  const plekken = beschermPlekken(g);
  return { adviezen, plekken: plekken.onderdrukt, weergave: l.alles().weergave(), onbewezen: uit.onbewezen };
}

/**
 * The regions and Nederland of one period by hypercubes (the comparison's top layer, each hidden
 * cell with a proof: about 1 s on the demo data), and a check for the gemeenten as another method
 * hides them: `dragen(verborgen)` gives the gemeente cells that must be hidden too so that every
 * change behind a proof can be carried down into the gemeenten (`niet`: top cells it cannot).
 */
export function beschermRegios(g: Gebieden, tot: string): {
  verborgen: Map<string, Reden>;
  dragen: (gemeenten: ReadonlySet<string>) => { extra: Set<string>; niet: Set<string> };
} {
  const l = vergelijkingLagen(g, tot);
  const top = kubussen(l.laag.w, l.laag.bl);
  const waarde = new Map(l.lagen.flatMap((d) => d.w.cellen.map((c) => [c.id, c.aantal] as const)));
  return {
    verborgen: l.boven.pagina(top.onderdrukt),
    dragen: (gemeenten) => {
      const s = new Map<string, Reden>();
      for (const id of gemeenten) {
        const n = waarde.get(id);
        if (n !== undefined) s.set(id, n < DREMPEL ? 'klein' : 'bescherming');
      }
      // A gemeente's hidden count prints "x" without its reason (context.ts zonderReden): no marks below the region.
      return neerDragen(l.laag, top, l.lagen, s, { delenRedenBekend: false });
    },
  };
}

/**
 * The gemeenten of each region as another method hid them (`verborgen`, page ids), attacked with
 * the region as the comparison prints it (its hidden cells with their marks, the others fixed)
 * and every gemeente's "x" saying no reason; where the exact audit narrows a cell, the
 * linear-programming heuristic hides more gemeente cells (the region is never touched: the top
 * decided it). Returns the page ids to hide as well (usually none). On the demo data the page's
 * rules left 21 gemeente cells narrowed in July–December 2021 (a region of four gemeenten whose
 * totals are all marked) and 29 in June 2017. `schoon`: per region the hidden cells of its part
 * the audit last found nothing in (kept up to date here; a part hidden alike is not attacked again).
 */
export function dichtGemeenten(g: Gebieden, tot: string, verborgen: ReadonlySet<string>, schoon = new Map<string, string>()): Set<string> {
  const l = vergelijkingLagen(g, tot);
  const extra = new Set<string>();
  for (const d of l.delen) {
    const w0 = d.t.weergave();
    const vanOuder = (id: string) => id.split('|')[1] === d.ouder;
    const s = new Map<string, Reden>();
    // Every page id of the part (aliases included) with the cell behind it.
    for (const [pagina] of d.t.pagina(new Map(w0.cellen.map((c) => [c.id, 'klein' as const])))) {
      const id = d.t.id(pagina);
      const c = id && verborgen.has(pagina) ? w0.cellen.find((x) => x.id === id)! : null;
      // A negative count is never printed: it carries a mark only when small (the reader may guess that much).
      if (c && (c.getoond !== false || c.aantal < DREMPEL)) s.set(c.id, c.aantal < DREMPEL ? 'klein' : 'bescherming');
    }
    // The region's printed cells are fixed, every hidden cell stays hidden (hidden elsewhere: no
    // clean-up shows it again); the region's hidden ones keep their marks (the reader sees them).
    const w: Weergave = {
      ...w0,
      cellen: w0.cellen.map((c) => (s.has(c.id) ? { ...c, verborgen: s.get(c.id)! } : vanOuder(c.id) && c.getoond !== false ? { ...c, vast: true } : c)),
    };
    const sleutel = [...s.keys()].sort().join(',');
    if (schoon.get(d.ouder) === sleutel) continue;
    const a = audit(w, s, { redenBekend: vanOuder });
    if (a.lekken.length === 0 && a.kleinGetoond.length === 0) {
      schoon.set(d.ouder, sleutel);
      continue;
    }
    const { onderdrukt } = onderdruk(w, { start: s, redenBekend: vanOuder });
    const nieuw = new Map([...onderdrukt].filter(([id]) => !s.has(id)));
    for (const id of d.t.pagina(nieuw).keys()) extra.add(id);
  }
  return extra;
}

/**
 * Places at the last peildatum: gemeenten → region → Nederland. A region's and Nederland's places
 * are printed in their own series (never hidden here: a gemeente is hidden instead). What the
 * page uses (the comparison and every gemeente's profile).
 */
export function beschermPlekken(g: Gebieden): Beveiligd {
  const alle = [...g.gemeenten, ...g.regios, g.nederland];
  const w = new WeergaveBouwer();
  const heeft = new Set(alle.filter((u) => u.plekken !== null).map((u) => u.code));
  for (const u of alle) {
    if (u.plekken === null) continue;
    const totaal = u.code === 'NL' || u.code.startsWith('AM');
    w.cel(u.code, u.plekken, totaal ? { vast: true } : {});
  }
  for (const r of g.regios) {
    const delen = g.gemeenten.filter((x) => x.regio === r.code && heeft.has(x.code)).map((x) => x.code);
    if (heeft.has(r.code) && delen.length) w.som(r.code, delen);
  }
  const regios = g.regios.filter((r) => heeft.has(r.code)).map((r) => r.code);
  if (heeft.has('NL') && regios.length) w.som('NL', regios);
  return beveilig(w.weergave());
}

/** The months of the sums (inclusive). */
const maandenIn = (maanden: readonly string[], s: MaandSom) => maanden.filter((m) => m >= s.van && m <= s.tot);

/**
 * The months and sums of one unit `u` into table `t` (unit ids `prefix + month/sum id`). A sum of
 * one month is that month; a sum equal to an earlier one is that one.
 */
function declareerMaanden(t: AdviesTabel, prefix: string, maanden: readonly string[], sommen: readonly MaandSom[], tel: (ms: readonly string[]) => (a: AanvragerKeuze) => Tel, opties: { gewicht?: number; gewichtTotaal?: number } = {}): void {
  const burgerNul = (m: string) => voor2017(m) && tel([m])('burger').b === 0;
  for (const m of maanden) t.eenheid(prefix + m, tel([m]), { ...opties, burgerNul: burgerNul(m) });
  const gezien = new Map<string, string>();
  // The burger counts of a sum are those of its months where burgers could ask: two sums (or a
  // sum and a month) with the same such months share their burger cells.
  const burgers = new Map<string, string>(maanden.filter((m) => !burgerNul(m)).map((m) => [m, prefix + m]));
  for (const s of sommen) {
    const ms = maandenIn(maanden, s);
    const sleutel = ms.join(',');
    const eerder = ms.length === 1 ? prefix + ms[0] : gezien.get(sleutel);
    if (eerder) {
      t.gelijk(prefix + s.id, eerder);
      continue;
    }
    gezien.set(sleutel, prefix + s.id);
    const metBurgers = ms.filter((m) => !burgerNul(m)).join(',');
    const burgerAls = metBurgers ? burgers.get(metBurgers) : undefined;
    t.eenheid(prefix + s.id, tel(ms), { ...opties, burgerNul: voor2017(s.tot) && tel(ms)('burger').b === 0, ...(burgerAls ? { burgerAls } : {}) });
    if (metBurgers && !burgerAls) burgers.set(metBurgers, prefix + s.id);
    t.som(prefix + s.id, ms.map((m) => prefix + m));
  }
}

/**
 * What the comparison decided about unit `code`, for the period cells (the year: the first sum) of a
 * months table: hidden with its reason, or (the page's own rules give only the ids) hidden.
 */
function uitVergelijking(vergelijking: Verborgen | ReadonlySet<string> | null, paren: readonly (readonly [string, string])[]): Elders {
  if (!vergelijking) return () => undefined;
  const naar = new Map<string, Reden | 'verborgen' | 'getoond'>();
  const besluit = (id: string) => (vergelijking instanceof Map ? vergelijking.get(id) : vergelijking.has(id) ? 'verborgen' : undefined);
  for (const [eenheid, code] of paren) {
    for (const s of ['b', 'p', 'n'] as const) {
      for (const a of ['gemeente', 'burger', 'totaal'] as const) naar.set(cel(s, eenheid, a), besluit(cel(s, code, a)) ?? 'getoond');
    }
  }
  return (id) => naar.get(id);
}

/**
 * Monthly counts of one unit (every aanvrager and totaal, every month of `sommen`) with the sums.
 * `vergelijking`: what the comparison decided for this unit (`code`) — the period of the first
 * sum —, or null (no comparison);
 * `gepubliceerd`: ids of counts UWV published (the page prints them next to their twin);
 * `ruil`: rule 3's exchange of large hidden cells (lib/disclosure/beveilig.ts), for a year table.
 */
export function beschermMaanden(
  rijen: readonly MaandRij[],
  sommen: readonly MaandSom[],
  vergelijking: Verborgen | ReadonlySet<string> | null = null,
  code = 'NL',
  gepubliceerd: ReadonlySet<string> = new Set(),
  ruil = false,
): { verborgen: Verborgen; geheim: Set<string>; b: Beveiligd } {
  const maanden = [...new Set(rijen.map((r) => r.maand))].sort();
  const tel = telMaanden(rijen);
  const elders = uitVergelijking(vergelijking, sommen.length ? [[sommen[0].id, code]] : []);
  // A count UWV published is known to every reader: printed, never hidden (another cell is).
  const t = new AdviesTabel((id) => (gepubliceerd.has(id) ? 'getoond' : elders(id)));
  // The totals of both aanvragers weigh more: split counts protect small groups first.
  declareerMaanden(t, '', maanden, sommen, tel, { gewichtTotaal: 10 });
  const { b, verborgen } = t.bescherm(ruil);
  // Cells whose reason would narrow another (lib/disclosure/verzwijgen.ts) print "x" without it.
  return { b, verborgen, geheim: new Set(t.pagina(new Map([...b.zonderReden].map((id) => [id, b.onderdrukt.get(id)!]))).keys()) };
}

/**
 * The months of every gemeente in region `regio` and of the region (region month = Σ its
 * gemeenten) as one table, page ids `soort|unit@month or sum id|aanvrager`: what a reader who
 * opens every month table of the region sees together (the page prints a gemeente's whole year
 * only, onderdrukking.ts gemeenteMaanden; the tests audit this table).
 */
export function regioMaandenTabel(
  rijen: readonly GemeenteMaandRij[],
  regio: string,
  gemeenten: readonly string[],
  maanden: readonly string[],
  sommen: readonly MaandSom[],
  vergelijking: Verborgen | null,
): AdviesTabel {
  const tel = telGemeenteMaanden(rijen);
  const units = [...gemeenten, regio];
  // The first sum is the comparison's period (the calendar year), as in beschermMaanden.
  const t = new AdviesTabel(uitVergelijking(vergelijking, sommen.length ? units.map((u) => [`${u}@${sommen[0].id}`, u] as const) : []));
  for (const u of units) declareerMaanden(t, `${u}@`, maanden, sommen, tel(u === regio ? gemeenten : [u]));
  for (const e of [...maanden, ...sommen.map((s) => s.id)]) t.som(`${regio}@${e}`, gemeenten.map((g) => `${g}@${e}`));
  return t;
}

/**
 * Places of one region's gemeenten per peildatum, against the region total (printed on the
 * region's own view, never hidden here); at `peildatum` the comparison's answer (`plekken`).
 * Returns the hidden `gemeente@peildatum` with their reason.
 */
export function beschermGemeentePlekken(rijen: readonly GemeentePlekRij[], vergelijking: { peildatum: string | null; plekken: Verborgen } | null = null): { verborgen: Map<string, Reden>; tabellen: Beveiligd[] } {
  const verborgen = new Map<string, Reden>();
  const tabellen: Beveiligd[] = [];
  for (const d of [...new Set(rijen.map((r) => r.peildatum))]) {
    const op = rijen.filter((r) => r.peildatum === d);
    if (vergelijking && d === vergelijking.peildatum) {
      for (const r of op) {
        const reden = vergelijking.plekken.get(r.gemeente) ?? (r.plekken < DREMPEL ? 'klein' : undefined);
        if (reden) verborgen.set(`${r.gemeente}@${d}`, reden);
      }
      continue;
    }
    const w = new WeergaveBouwer().cel('regio', op.reduce((a, r) => a + r.plekken, 0), { vast: true });
    for (const r of op) w.cel(r.gemeente, r.plekken);
    const b = beveilig(w.som('regio', op.map((r) => r.gemeente)).weergave());
    for (const [id, r] of b.onderdrukt) if (id !== 'regio') verborgen.set(`${id}@${d}`, r);
    tabellen.push(b);
  }
  return { verborgen, tabellen };
}
