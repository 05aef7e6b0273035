/**
 * The funnel's headline sentences: the national share, which regions lie above and below the
 * control limits (named, with the share the table prints) and how many hidden shares are not
 * judged. Read from the funnel's protected table (trechter.ts) only; style as kernzinnen.ts.
 */
import { procentInWoorden } from '../../lib/briefing/alinea.ts';
import { nietGetoond } from '../../lib/disclosure/zinnen.ts';
import { isOnderdrukt } from '../../lib/format/disclosure.ts';
import { formatKwartaalVoluit } from '../../lib/format/nl.ts';
import { cohortBasis } from '../../lib/metrics/regio.ts';
import { periodeTekst } from './grafieken.ts';
import { verborgenZin } from './kernzinnen.ts';
import type { Signaal, TrechterModel } from './trechter.ts';

const pct = (p: number) => procentInWoorden(p, { decimalen: 1 });

/**
 * "Boven de 95%-grens liggen 2 regio's: Friesland (90,0 procent) en Twente (88,1 procent; ook boven
 * de 99,8%-grens)"; when every one also passes the 99,8% limit that is said once, before the list.
 */
function buitenZin(rijen: readonly { naam: string; p: number; ver: boolean }[], kant: 'boven' | 'onder'): string {
  const n = rijen.length;
  const allen = rijen.every((r) => r.ver);
  const delen = rijen.map((r) => `${r.naam} (${pct(r.p)}${r.ver && !allen ? `; ook ${kant} de 99,8%-grens` : ''})`);
  const lijst = n === 1 ? delen[0] : `${delen.slice(0, -1).join(', ')} en ${delen.at(-1)}`;
  const aantal = n === 1 ? 'ligt 1 regio' : `liggen ${n} regio's`;
  const ook = allen ? `, ${n === 1 ? 'ook' : n === 2 ? 'beide ook' : `alle ${n} ook`} ${kant} de 99,8%-grens` : '';
  return `${kant === 'boven' ? 'Boven' : 'Onder'} de 95%-grens ${aantal}${ook}: ${lijst}.`;
}

export function trechterKernzinnen(m: Pick<TrechterModel, 'data' | 'landelijk'>, eind: string): string[] {
  const uit: string[] = [];
  const basis = formatKwartaalVoluit(cohortBasis(eind));
  uit.push(
    typeof m.landelijk === 'number'
      ? `Van wie in het ${basis} in het register stond en werkte, werkte in het ${formatKwartaalVoluit(eind)} in Nederland nog ${pct(m.landelijk)}.`
      : `Het landelijke percentage ${nietGetoond(m.landelijk.soort === 'bescherming' ? 'bescherming' : 'klein')}.`,
  );
  // Only a shown share is judged (trechter.ts gives a hidden one 'binnen' and oordeel 'x').
  const getoond = m.data.rijen
    .filter((r) => typeof r.p === 'number')
    .map((r) => ({ naam: String(r.regio_naam), p: r.p as number, signaal: r.signaal as Signaal }));
  const kant = (k: 'boven' | 'onder') =>
    getoond
      .filter((r) => r.signaal.startsWith(k))
      .sort((a, b) => (k === 'boven' ? b.p - a.p : a.p - b.p))
      .map((r) => ({ ...r, ver: r.signaal.endsWith('998') }));
  const boven = kant('boven');
  const onder = kant('onder');
  const binnen = getoond.length - boven.length - onder.length;
  if (boven.length + onder.length === 0) {
    if (getoond.length > 0) uit.push('Geen enkele regio ligt buiten de 95%-grenzen: de verschillen met Nederland zijn niet groter dan toeval verklaart.');
  } else {
    if (boven.length > 0) uit.push(buitenZin(boven, 'boven'));
    if (onder.length > 0) uit.push(buitenZin(onder, 'onder'));
    if (binnen > 0) uit.push(`Binnen de grenzen ${binnen === 1 ? 'ligt 1 regio' : `liggen ${binnen} regio's`}: daar is het verschil met Nederland niet groter dan toeval verklaart.`);
  }
  const verborgen = verborgenZin(m.data.rijen.map((r) => r.p), 'het percentage');
  if (verborgen) uit.push(verborgen);
  return uit;
}


/** "Werkzaam na 1 jaar, cohort 4e kwartaal 2016 – 4e kwartaal 2017". */
export function trechterSelectie(eind: string): string {
  return `Werkzaam na 1 jaar, cohort ${periodeTekst(cohortBasis(eind), eind)}`;
}
