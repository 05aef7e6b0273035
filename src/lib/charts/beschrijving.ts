/**
 * Text alternatives for charts (aria labels and <desc>), built from the same cells and the same
 * formatting as the table twin, so a screen reader hears the numbers the table shows.
 */
import { alsGetal, celTekst, kolom, type ChartData, type LijnSerie } from './spec.ts';

/** "Werkzaam: 16,5%"-lines of one row for a tooltip and a focus label: column label and cell text. */
export function celRegels(data: ChartData, keys: readonly string[], rij: Record<string, unknown>): { label: string; tekst: string }[] {
  return keys.map((key) => {
    const k = kolom(data, key);
    return { label: k.label, tekst: celTekst(rij[key], k) };
  });
}

/** Summary of a line chart: period covered and, per series, first and last value shown. */
export function beschrijfLijnen(data: ChartData, x: string, series: readonly LijnSerie[]): string {
  const xk = kolom(data, x);
  const rijen = data.rijen;
  if (rijen.length === 0) return 'Lijngrafiek zonder gegevens.';
  const van = celTekst(rijen[0][x], xk);
  const tot = celTekst(rijen[rijen.length - 1][x], xk);
  const zinnen = [`Lijngrafiek van ${van} tot en met ${tot}.`];
  for (const s of series) {
    const k = kolom(data, s.key);
    const metWaarde = rijen.filter((r) => alsGetal(r[s.key]) !== null);
    const naam = s.label ?? k.label;
    if (metWaarde.length === 0) {
      zinnen.push(`${naam}: geen waarden.`);
      continue;
    }
    const eerste = metWaarde[0];
    const laatste = metWaarde[metWaarde.length - 1];
    zinnen.push(
      metWaarde.length === 1
        ? `${naam}: ${celTekst(eerste[s.key], k)} in ${celTekst(eerste[x], xk)}.`
        : `${naam}: van ${celTekst(eerste[s.key], k)} in ${celTekst(eerste[x], xk)} naar ${celTekst(laatste[s.key], k)} in ${celTekst(laatste[x], xk)}.`,
    );
  }
  zinnen.push('De tabelweergave toont alle waarden.');
  return zinnen.join(' ');
}

/** Summary of a bar chart: every category with its value, in the order drawn. */
export function beschrijfStaven(data: ChartData, categorie: string, waarde: string, volgorde: readonly Record<string, unknown>[]): string {
  const ck = kolom(data, categorie);
  const wk = kolom(data, waarde);
  const delen = volgorde.map((r) => `${celTekst(r[categorie], ck)} ${celTekst(r[waarde], wk)}`);
  return `Staafdiagram, ${wk.label}: ${delen.join('; ')}.`;
}

/** Summary of a 100% stacked bar chart: every category with its parts. */
export function beschrijfGestapeld(data: ChartData, categorie: string, delen: readonly string[]): string {
  const ck = kolom(data, categorie);
  const zinnen = data.rijen.map((r) => {
    const stukken = delen.map((d) => {
      const k = kolom(data, d);
      return `${k.label} ${celTekst(r[d], k)}`;
    });
    return `${celTekst(r[categorie], ck)}: ${stukken.join(', ')}`;
  });
  return `Gestapeld staafdiagram (100%). ${zinnen.join('. ')}.`;
}
