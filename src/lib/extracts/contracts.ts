import type { ExtractName } from '../engine/types.ts';

/**
 * Extract contracts, schema v1. Columns may be added in a later version, never silently changed.
 * Integer widths (INTEGER/BIGINT…) and string encodings (VARCHAR, ENUM, dictionary) are free as
 * long as the values match: `kind` names the family a physical type must belong to.
 */
export type ColumnKind = 'integer' | 'double' | 'varchar' | 'boolean' | 'date';

export interface ColumnContract {
  name: string;
  kind: ColumnKind;
  nullable: boolean;
  /** Allowed values for a categorical column. */
  domain?: readonly string[];
  /** Reference list a code must belong to (checked against data/published). */
  reference?: 'regio' | 'gemeente';
  /** Date columns: must be the last day of a quarter. */
  quarterEnd?: boolean;
  description: string;
}

export interface ExtractContract {
  name: ExtractName;
  schemaVersion: 1;
  title: string;
  description: string;
  /** What the extract is, in plain Dutch for a policy officer (the Data page). */
  uitleg: string;
  columns: readonly ColumnContract[];
  key: readonly string[];
}

export const ACHTERGRONDEN = ['Wajong', 'Wsw', 'Participatiewet', 'WIW/ID'] as const;
export const SECTOREN = ['markt', 'overheid'] as const;
export const DIENSTVERBANDEN = ['regulier', 'uitzend', 'detachering'] as const;
export const CONTRACTEN = ['onbepaald', 'bepaald'] as const;
export const UITSTROOM_REDENEN = ['AOW', 'Wsw-beschut', 'geen arbeidsvermogen', 'overleden', 'overig'] as const;
export const AANVRAGERS = ['gemeente', 'burger'] as const;
export const UITKOMSTEN = ['positief', 'negatief'] as const;

export type Achtergrond = (typeof ACHTERGRONDEN)[number];
export type Sector = (typeof SECTOREN)[number];
export type Dienstverband = (typeof DIENSTVERBANDEN)[number];
export type Aanvrager = (typeof AANVRAGERS)[number];

/** The code column of every extract per gemeente (beschut werk, BUIG). */
const GEMEENTE_CODE: ColumnContract = { name: 'gemeente_code', kind: 'varchar', nullable: false, reference: 'gemeente', description: 'Gemeente (GMxxxx)' };

export const CONTRACTS: Readonly<Record<ExtractName, ExtractContract>> = {
  doelgroep_kwartaal: {
    name: 'doelgroep_kwartaal',
    schemaVersion: 1,
    title: 'Doelgroepregister per kwartaal',
    description: 'Eén rij per persoon per kwartaal zolang de persoon in het doelgroepregister staat, met het werk in dat kwartaal (polisadministratie).',
    uitleg:
      'Wie er in het doelgroepregister staat en of die persoon werkt: per kwartaal één regel per persoon, met de baan, de uren en de woongemeente. ' +
      'Hieruit komen de banen, de duurzaamheid van banen en de cijfers per arbeidsmarktregio.',
    key: ['persoon_id', 'peildatum'],
    columns: [
      { name: 'persoon_id', kind: 'integer', nullable: false, description: 'Gepseudonimiseerd persoonsnummer' },
      { name: 'peildatum', kind: 'date', nullable: false, quarterEnd: true, description: 'Laatste dag van het kwartaal' },
      { name: 'achtergrond', kind: 'varchar', nullable: false, domain: ACHTERGRONDEN, description: 'Achtergrond in het register' },
      { name: 'regio_code', kind: 'varchar', nullable: false, reference: 'regio', description: 'Arbeidsmarktregio (AMxx)' },
      { name: 'gemeente_code', kind: 'varchar', nullable: false, reference: 'gemeente', description: 'Woongemeente (GMxxxx), in die regio' },
      { name: 'werkzaam', kind: 'boolean', nullable: false, description: 'Heeft een dienstverband in de polisadministratie' },
      { name: 'baan_id', kind: 'integer', nullable: true, description: 'Baan; leeg als niet werkzaam, gelijk zolang dezelfde baan' },
      { name: 'sector', kind: 'varchar', nullable: true, domain: SECTOREN, description: 'markt of overheid' },
      { name: 'dienstverband', kind: 'varchar', nullable: true, domain: DIENSTVERBANDEN, description: 'regulier, uitzend of detachering' },
      { name: 'contract', kind: 'varchar', nullable: true, domain: CONTRACTEN, description: 'onbepaalde of bepaalde tijd' },
      { name: 'uren', kind: 'double', nullable: false, description: 'Verloonde uren in het kwartaal (0 als niet werkzaam)' },
      { name: 'baan_startdatum', kind: 'date', nullable: true, description: 'Begindatum van de huidige baan' },
    ],
  },
  doelgroep_uitstroom: {
    name: 'doelgroep_uitstroom',
    schemaVersion: 1,
    title: 'Uitstroom uit het doelgroepregister',
    description: 'Eén rij per vertrek uit het register: laatste kwartaal in het register en de reden.',
    uitleg: 'Wie het doelgroepregister verlaat, in welk kwartaal en waarom (bijvoorbeeld AOW of overlijden), zodat vertrek uit het register apart wordt geteld.',
    key: ['persoon_id', 'peildatum'],
    columns: [
      { name: 'persoon_id', kind: 'integer', nullable: false, description: 'Gepseudonimiseerd persoonsnummer' },
      { name: 'peildatum', kind: 'date', nullable: false, quarterEnd: true, description: 'Laatste kwartaal in het register' },
      { name: 'reden', kind: 'varchar', nullable: false, domain: UITSTROOM_REDENEN, description: 'Reden van uitstroom' },
    ],
  },
  beschut_adviezen: {
    name: 'beschut_adviezen',
    schemaVersion: 1,
    title: 'Adviezen beschut werk',
    description: 'Eén rij per beoordeling van UWV voor beschut werk.',
    uitleg: 'Elke beoordeling van UWV of iemand beschut werk nodig heeft: de datum, de gemeente, wie het aanvroeg en de uitkomst.',
    key: ['advies_id'],
    columns: [
      { name: 'advies_id', kind: 'integer', nullable: false, description: 'Nummer van de beoordeling' },
      { name: 'besluitdatum', kind: 'date', nullable: false, description: 'Datum van het advies' },
      GEMEENTE_CODE,
      { name: 'aanvrager', kind: 'varchar', nullable: false, domain: AANVRAGERS, description: 'Aangevraagd door gemeente of burger' },
      { name: 'uitkomst', kind: 'varchar', nullable: false, domain: UITKOMSTEN, description: 'positief of negatief' },
    ],
  },
  beschut_plekken: {
    name: 'beschut_plekken',
    schemaVersion: 1,
    title: 'Plekken beschut werk',
    description: 'Gerealiseerde plekken beschut werk en taakstelling per gemeente per peildatum.',
    uitleg: 'Hoeveel plekken beschut werk elke gemeente heeft, naast het aantal dat zij volgens de taakstelling zou moeten hebben.',
    key: ['gemeente_code', 'peildatum'],
    columns: [
      GEMEENTE_CODE,
      { name: 'peildatum', kind: 'date', nullable: false, description: 'Peildatum' },
      { name: 'plekken', kind: 'integer', nullable: false, description: 'Gerealiseerde plekken' },
      { name: 'taakstelling', kind: 'integer', nullable: false, description: 'Taakstelling (ministeriële regeling)' },
    ],
  },
  buig_gemeente: {
    name: 'buig_gemeente',
    schemaVersion: 1,
    title: 'BUIG per gemeente',
    description: 'Gebundelde uitkering per gemeente per jaar: voorlopig en definitief budget en uitgaven (euro).',
    uitleg: 'Per gemeente en jaar het budget voor bijstandsuitkeringen (BUIG, voorlopig en definitief) en wat er werkelijk aan uitkeringen is uitgegeven.',
    key: ['gemeente_code', 'jaar'],
    columns: [
      GEMEENTE_CODE,
      { name: 'jaar', kind: 'integer', nullable: false, description: 'Jaar' },
      { name: 'budget_voorlopig', kind: 'double', nullable: false, description: 'Voorlopig budget (euro)' },
      { name: 'budget_definitief', kind: 'double', nullable: false, description: 'Definitief budget (euro)' },
      { name: 'uitgaven', kind: 'double', nullable: false, description: 'Gerealiseerde uitgaven (euro)' },
    ],
  },
};

export const EXTRACT_NAMES = Object.keys(CONTRACTS) as ExtractName[];
