/**
 * What each section of the Beschut werk page draws from: answers of one selection with that
 * selection (momentopname.svelte.ts), and the cells disclosure control hides in them.
 */
import type { Gebieden } from '../../lib/metrics/beschut-afleiden.ts';
import type { MaandRij, PlekkenRij } from '../../lib/metrics/beschut.ts';
import type { Herkomst } from '../../lib/query/herkomst.ts';
import type { Eenheid } from './context.ts';
import type { Verborgen } from './gebieden.ts';
import type { Totalen } from './maanden.ts';
import type { PlekPunt } from './plekken.ts';

export interface MaandView {
  van: string;
  tot: string;
  eenheid: Eenheid;
  rijen: MaandRij[];
  verborgen: Set<string>;
  totalen: Totalen;
  /** The unit's taakstelling for the year of `tot`. */
  taakstelling: number | null;
  herkomst: (Herkomst | null)[];
}

export interface GebiedView {
  van: string;
  tot: string;
  g: Gebieden;
  verborgen: Verborgen;
  herkomst: Herkomst | null;
}

export interface PlekView {
  eenheid: Eenheid;
  tot: string;
  punten: PlekPunt[];
  herkomst: Herkomst | null;
}

export interface LandView {
  maanden: MaandRij[];
  plekken: PlekkenRij[];
  herkomst: (Herkomst | null)[];
}
