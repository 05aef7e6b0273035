/**
 * The one table of published figures next to their computed twins (national), with the
 * difference, the source's own arithmetic where it contradicts its printed figure, and a note.
 * Computed counts pass the same disclosure control as everywhere (national counts are large,
 * but the rule is the same). The chart beside the table shows how far each twin lies from the
 * published figure, in percent of that figure.
 */
import type { BronVermelding, ChartData } from '../../lib/charts/spec.ts';
import { AFGELEID, BESCHERMD, DREMPEL, isOnderdrukt, KLEIN, type Onderdrukt } from '../../lib/format/disclosure.ts';
import { formatAantal, formatVerschil } from '../../lib/format/nl.ts';
import { periodeUitMaanden } from '../../lib/metrics/beschut-afleiden.ts';
import type { MaandRij, PlekkenRij } from '../../lib/metrics/beschut.ts';
import type { GeschrevenTweeling } from '../../lib/metrics/beschut-voorberekend.ts';
import { tweeling, tweelingSleutel, type BeschutCijfer } from '../../lib/published/beschut.ts';
import { bronVermelding } from '../../lib/published/bronvermelding.ts';
import { bronVelden, NOOT_AANVULLEND, type Context } from './context.ts';
import { beschermMaanden } from './beveiliging.ts';
import { cel } from './onderdrukking.ts';
import type { MaandSom } from './tabel.ts';

export interface Vergelijking {
  cijfer: BeschutCijfer;
  /** The computed twin (percentages 0–100), "<10"/"x" when hidden, null when outside the data. */
  berekend: number | Onderdrukt | null;
  verschil: number | Onderdrukt | null;
}

const somId = (van: string, tot: string) => (van === tot ? van : `${van}/${tot}`);

/**
 * A hidden twin as the table prints it: a count "<10" when it is under 10 (`klein`), a share or
 * mean on such a count "x" (small), anything hidden to protect another "x" with that reason.
 */
function verborgen(c: BeschutCijfer, klein: boolean): Vergelijking {
  const m = c.berekening.maat;
  const hidden = !klein ? BESCHERMD : m === 'beoordelingen' || m === 'positief' || m === 'plekken' ? KLEIN : AFGELEID;
  return { cijfer: c, berekend: hidden, verschil: hidden === BESCHERMD ? BESCHERMD : AFGELEID };
}

/**
 * Every figure with its twin, hidden where disclosure control says so. From a voorberekende map
 * (`tweelingen`): the twins as `npm run compute` wrote them, with this function on the microdata.
 */
export function vergelijkingen(
  cijfers: readonly BeschutCijfer[], maanden: readonly MaandRij[] | null, plekken: readonly PlekkenRij[] | null, tweelingen?: readonly GeschrevenTweeling[],
): Vergelijking[] {
  if (tweelingen) {
    const geschreven = new Map(tweelingen.map((t) => [t.sleutel, t]));
    return cijfers.map((c) => {
      const t = geschreven.get(tweelingSleutel(c.berekening));
      if (!t) return { cijfer: c, berekend: null, verschil: null };
      if (t.waarde === null) return verborgen(c, t.reden !== 'bescherming');
      return { cijfer: c, berekend: t.waarde, verschil: t.waarde - c.waarde };
    });
  }
  const sommen: MaandSom[] = [];
  for (const c of cijfers) {
    const b = c.berekening;
    if (b.soort === 'adviezen' && b.van !== b.tot && !sommen.some((s) => s.id === somId(b.van, b.tot))) sommen.push({ id: somId(b.van, b.tot), van: b.van, tot: b.tot });
  }
  // A twin equal to the count UWV published is known to every reader: printed.
  const bekend = new Set<string>();
  for (const c of cijfers) {
    const b = c.berekening;
    if (b.soort !== 'adviezen' || c.waarde < DREMPEL || tweeling(c, { maanden, plekken }) !== c.waarde) continue;
    if (b.maat === 'beoordelingen') bekend.add(cel('b', somId(b.van, b.tot), b.aanvrager));
    if (b.maat === 'positief') bekend.add(cel('p', somId(b.van, b.tot), b.aanvrager));
  }
  const hier = maanden && maanden.length ? new Set(beschermMaanden(maanden, sommen, null, 'NL', bekend).verborgen.keys()) : new Set<string>();
  return cijfers.map((c) => {
    const w = tweeling(c, { maanden, plekken });
    if (w === null) return { cijfer: c, berekend: null, verschil: null };
    const b = c.berekening;
    if (b.soort === 'adviezen') {
      const u = somId(b.van, b.tot);
      const bId = cel('b', u, b.aanvrager);
      const pId = cel('p', u, b.aanvrager);
      const ids = b.maat === 'beoordelingen' || b.maat === 'gemiddeld' ? [bId] : b.maat === 'positief' ? [pId] : [bId, pId];
      // Small when a hidden count it rests on is under 10; else hidden to protect another.
      const r = periodeUitMaanden(maanden ?? [], b.van, b.tot).find((x) => x.aanvrager === b.aanvrager);
      if (ids.some((id) => hier.has(id))) return verborgen(c, ids.some((id) => hier.has(id) && (id === bId ? (r?.beoordelingen ?? 0) : (r?.positief ?? 0)) < DREMPEL));
    } else if (b.maat === 'plekken' && w < DREMPEL) return verborgen(c, true);
    return { cijfer: c, berekend: w, verschil: w - c.waarde };
  });
}

function tekst(v: number | Onderdrukt | null, procent: boolean, teken = false): string | Onderdrukt | null {
  if (v === null || isOnderdrukt(v)) return v;
  const d = procent || !Number.isInteger(v) ? 1 : 0;
  const s = teken ? formatVerschil(v, d) : formatAantal(v, d);
  return procent ? `${s}${teken ? ' procentpunt' : '%'}` : s;
}

/** The comparison as one table (display texts) and, as its chart, the difference in % of the published figure. */
export function vergelijkingData(v: readonly Vergelijking[], ctx: Context): ChartData {
  const bronnen: BronVermelding[] = v.map((x) => bronVermelding(`${x.cijfer.omschrijving}, ${x.cijfer.periode}`, x.cijfer.citatie));
  const rijen = v.map((x) => {
    const procent = x.cijfer.eenheid === 'procent';
    const afwijking = typeof x.verschil === 'number' ? (x.cijfer.waarde !== 0 ? x.verschil / x.cijfer.waarde : AFGELEID) : x.verschil;
    return {
      cijfer: `${x.cijfer.omschrijving}, ${x.cijfer.periode}`,
      gepubliceerd: procent ? `${formatAantal(x.cijfer.waarde, 0)}%` : formatAantal(x.cijfer.waarde, x.cijfer.waarde % 1 ? 1 : 0),
      berekend: x.berekend === null ? 'niet in de gegevens' : tekst(x.berekend, procent),
      verschil: tekst(x.verschil, procent, true),
      afwijking,
      rekensom: x.cijfer.rekensom ?? '',
      noot: x.cijfer.noot ?? '',
    };
  });
  const noten = [
    'Gepubliceerd: zoals in de bron, niet afgerond of herberekend. Berekend: dezelfde definitie op de geladen gegevens, voor heel Nederland. Verschil: berekend min gepubliceerd.',
    'Waar de bron zichzelf tegenspreekt, staat het gepubliceerde cijfer met de rekensom uit de eigen aantallen van de bron ernaast. De bron van elk cijfer staat in de bronvermelding per cijfer.',
  ];
  if (rijen.some((r) => isOnderdrukt(r.berekend))) noten.push(NOOT_AANVULLEND);
  return {
    titel: 'Gepubliceerde cijfers beschut werk naast de berekening',
    ondertitel: 'Heel Nederland. De gepubliceerde cijfers gaan over de werkelijke adviezen en plekken; de berekening over de geladen gegevens.',
    ...bronVelden(ctx),
    kolommen: [
      { key: 'cijfer', label: 'Cijfer', type: 'tekst' },
      { key: 'gepubliceerd', label: 'Gepubliceerd', type: 'tekst' },
      { key: 'berekend', label: 'Berekend', type: 'tekst' },
      { key: 'verschil', label: 'Verschil', type: 'tekst' },
      { key: 'afwijking', label: 'Verschil in % van het gepubliceerde cijfer', type: 'pct', decimalen: 1 },
      { key: 'rekensom', label: 'Rekensom van de bron', type: 'tekst' },
      { key: 'noot', label: 'Noot', type: 'tekst' },
    ],
    rijen,
    voetnoten: noten,
    bronnen,
  };
}
