/**
 * Text for a briefing or Kamerbrief draft: the sentence, then title, source line and (when the
 * numbers are synthetic) a clear warning, so a copied figure never travels without its source.
 */
import { bronRegel, NOOT_SYNTHETISCH, type ChartData } from '../charts/spec.ts';

export function briefingTekst(data: ChartData, zin?: string): string {
  const regels = [zin, data.titel, `${bronRegel(data)}.`];
  if (data.synthetisch) regels.push(NOOT_SYNTHETISCH);
  return regels.filter((r): r is string => Boolean(r && r.trim())).join('\n');
}

/** Copies text to the clipboard; falls back to a hidden textarea where the Clipboard API is absent. */
export async function kopieerNaarKlembord(tekst: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(tekst);
      return true;
    }
  } catch {
    // Permission refused or insecure context: try the fallback below.
  }
  const ta = document.createElement('textarea');
  ta.value = tekst;
  ta.setAttribute('readonly', '');
  ta.style.position = 'fixed';
  ta.style.opacity = '0';
  document.body.append(ta);
  ta.select();
  let gelukt = false;
  try {
    gelukt = document.execCommand('copy');
  } catch {
    gelukt = false;
  }
  ta.remove();
  return gelukt;
}
