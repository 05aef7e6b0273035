/**
 * Disclosure control. Cells about fewer than DREMPEL persons are never shown or exported as
 * numbers; a share computed on such a group (or whose numerator is such a group) is suppressed
 * too, because share × group size would give the small count back.
 *
 * Suppression is applied to the data BEFORE it reaches a chart: a suppressed cell holds a
 * marker object instead of a number, so no component (aria labels, tooltips, CSV, SVG) can
 * leak the value by accident.
 */
export const DREMPEL = 10;

/** Display text of a suppressed count. */
export const TEKST_KLEIN = '<10';
/** Display text of a suppressed share/average (CBS convention: x = geheim). */
export const TEKST_AFGELEID = 'x';

export const TOELICHTING_KLEIN = '<10: minder dan 10 personen; het precieze aantal wordt niet getoond.';
export const TOELICHTING_AFGELEID = 'x: niet getoond, omdat de groep (of de teller) kleiner is dan 10 personen.';
export const TOELICHTING_BESCHERMD = 'x: niet getoond, om een kleine groep elders in de tabel te beschermen (anders zou die uit de andere cijfers te berekenen zijn).';
export const TOELICHTING_GEHEIM =
  'x: niet getoond: een groep van minder dan 10 personen, of verborgen om zo’n groep elders te beschermen (welke van de twee wordt niet gezegd, omdat dat zelf iets verraadt).';

export interface Onderdrukt {
  readonly onderdrukt: true;
  /**
   * 'aantal': a person count below the threshold; 'afgeleid': a share or mean on a small group;
   * 'bescherming': a count, share or mean hidden to protect a small group elsewhere in the view
   * (lib/disclosure); 'geheim': hidden without saying why (Beschut werk's gemeenten, where the
   * reason would narrow the count). The last three all print "x"; the footnote gives each its own reason.
   */
  readonly soort: 'aantal' | 'afgeleid' | 'bescherming' | 'geheim';
}

export const KLEIN: Onderdrukt = Object.freeze({ onderdrukt: true, soort: 'aantal' });
export const AFGELEID: Onderdrukt = Object.freeze({ onderdrukt: true, soort: 'afgeleid' });
export const BESCHERMD: Onderdrukt = Object.freeze({ onderdrukt: true, soort: 'bescherming' });
export const GEHEIM: Onderdrukt = Object.freeze({ onderdrukt: true, soort: 'geheim' });

export function isOnderdrukt(v: unknown): v is Onderdrukt {
  return typeof v === 'object' && v !== null && (v as { onderdrukt?: unknown }).onderdrukt === true;
}

export function onderdruktTekst(v: Onderdrukt): string {
  return v.soort === 'aantal' ? TEKST_KLEIN : TEKST_AFGELEID;
}

/** A count of persons: below the threshold (0 included) it becomes KLEIN. */
export function veiligAantal(n: number, drempel = DREMPEL): number | Onderdrukt {
  return n < drempel ? KLEIN : n;
}

/** A share teller/noemer as a fraction, suppressed when either count is below the threshold. */
export function veiligAandeel(teller: number, noemer: number, drempel = DREMPEL): number | Onderdrukt {
  if (noemer < drempel || teller < drempel) return AFGELEID;
  return teller / noemer;
}

/** A mean or other derived value over a group of n persons. */
export function veiligGemiddelde(waarde: number, n: number, drempel = DREMPEL): number | Onderdrukt {
  return n < drempel ? AFGELEID : waarde;
}

export interface OnderdrukRegels {
  /** Columns holding person counts. */
  aantallen?: readonly string[];
  /** Columns holding shares (fractions), with the count columns they were computed from. */
  aandelen?: readonly { key: string; teller: string; noemer: string }[];
  /** Columns holding means/derived values over the group counted in `n`. */
  afgeleid?: readonly { key: string; n: string }[];
}

/**
 * Applies the rules to aggregated rows (numbers straight from SQL). Shares are judged on the
 * raw counts, so the order of the rules does not matter. Rows are copied, never mutated.
 */
export function onderdruk<T extends Record<string, unknown>>(
  rijen: readonly T[],
  regels: OnderdrukRegels,
  drempel = DREMPEL,
): Record<string, unknown>[] {
  return rijen.map((rij) => {
    const uit: Record<string, unknown> = { ...rij };
    for (const a of regels.aandelen ?? []) {
      const t = getal(rij[a.teller]);
      const n = getal(rij[a.noemer]);
      if (t === null || n === null) continue;
      if (t < drempel || n < drempel) uit[a.key] = AFGELEID;
    }
    for (const a of regels.afgeleid ?? []) {
      const n = getal(rij[a.n]);
      if (n !== null && n < drempel) uit[a.key] = AFGELEID;
    }
    for (const key of regels.aantallen ?? []) {
      const n = getal(rij[key]);
      if (n !== null && n < drempel) uit[key] = KLEIN;
    }
    return uit;
  });
}

/**
 * Which parts of a partition to hide: those below the threshold, the `verborgen` ones (parts the
 * table does not show but that a reader knows add up with the rest), and then the smallest others
 * until no hidden part can be worked out.
 */
/** Shared by every page whose parts add up to a total a reader knows (secondary suppression). */
export function onderdrukDelen(delen: Readonly<Record<string, number>>, verborgen: readonly string[] = [], drempel = DREMPEL): Set<string> {
  const namen = Object.keys(delen);
  const s = new Set<string>([...namen.filter((k) => delen[k] < drempel), ...verborgen]);
  if (s.size === 0) return s;
  const som = () => [...s].reduce((a, k) => a + delen[k], 0);
  while (s.size < namen.length && (s.size === 1 || som() < drempel)) {
    const volgende = namen.filter((k) => !s.has(k)).sort((a, b) => delen[a] - delen[b])[0];
    s.add(volgende);
  }
  return s;
}

/** Whether any cell of the rows is suppressed, and of which kinds (for footnotes). */
export function onderdrukteSoorten(rijen: readonly Record<string, unknown>[]): Set<Onderdrukt['soort']> {
  const s = new Set<Onderdrukt['soort']>();
  for (const r of rijen) for (const v of Object.values(r)) if (isOnderdrukt(v)) s.add(v.soort);
  return s;
}

function getal(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
