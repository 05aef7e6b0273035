/**
 * The map of the 35 regions, read once for the page and its briefing views: the features keyed
 * by statcode and the neighbours per region, or a Dutch error listing what is wrong.
 */
import regioTopojson from '../../../data/geo/arbeidsmarktregios_2023.topojson?raw';
import { regioKaart, type RegioKaart } from '../../lib/metrics/regio-geo.ts';

export const geladenKaart: { kaart: RegioKaart; fout: null } | { kaart: null; fout: string } = (() => {
  try {
    return { kaart: regioKaart(JSON.parse(regioTopojson)), fout: null };
  } catch (e) {
    return { kaart: null, fout: (e as Error).message };
  }
})();
