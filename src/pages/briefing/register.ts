/**
 * Every view a briefing can hold, by key: the pages' own registries (pages/<pagina>/briefing.ts).
 */
import type { BriefingView } from '../../lib/briefing/types.ts';
import { BESCHUT_VIEWS } from '../beschut-werk/briefing.ts';
import { BUIG_VIEWS } from '../buig/briefing.ts';
import { DUURZAAMHEID_VIEWS } from '../duurzaamheid/briefing.ts';
import { REGIO_VIEWS } from '../regios/briefing.ts';

export const REGISTER: ReadonlyMap<string, BriefingView> = new Map([...DUURZAAMHEID_VIEWS, ...REGIO_VIEWS, ...BUIG_VIEWS, ...BESCHUT_VIEWS].map((v) => [v.sleutel, v]));
