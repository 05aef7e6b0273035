import type { ExtractName } from '../engine/types.ts';

/**
 * A small example extract per contract, offered for download on the Data page: a few made-up rows
 * with the right column names and types that pass every check, as a template for an analyst. The
 * build writes them as Parquet with native DuckDB (src/build/voorbeelden-plugin.ts); the tests
 * check that each one is accepted.
 */

/** Where the example of a contract is served, relative to the site. */
export function voorbeeldPad(extract: ExtractName): string {
  return `data/voorbeelden/${extract}_voorbeeld.parquet`;
}

/** Two people in Amsterdam over five quarters (enough for an outcome after a year). */
const KWARTAAL = `
  SELECT persoon_id::BIGINT AS persoon_id, peildatum::DATE AS peildatum, achtergrond, regio_code, gemeente_code, werkzaam,
         baan_id::BIGINT AS baan_id, sector, dienstverband, contract, uren::DOUBLE AS uren, baan_startdatum::DATE AS baan_startdatum
  FROM (VALUES
    (1001, '2023-03-31', 'Wajong', 'AM18', 'GM0363', true,  5001, 'markt', 'regulier', 'onbepaald', 312.0, '2022-09-01'),
    (1001, '2023-06-30', 'Wajong', 'AM18', 'GM0363', true,  5001, 'markt', 'regulier', 'onbepaald', 320.5, '2022-09-01'),
    (1001, '2023-09-30', 'Wajong', 'AM18', 'GM0363', true,  5001, 'markt', 'regulier', 'onbepaald', 298.0, '2022-09-01'),
    (1001, '2023-12-31', 'Wajong', 'AM18', 'GM0363', true,  5001, 'markt', 'regulier', 'onbepaald', 305.0, '2022-09-01'),
    (1001, '2024-03-31', 'Wajong', 'AM18', 'GM0363', true,  5001, 'markt', 'regulier', 'onbepaald', 310.0, '2022-09-01'),
    (1002, '2023-03-31', 'Participatiewet', 'AM18', 'GM0363', false, NULL, NULL, NULL, NULL, 0.0, NULL),
    (1002, '2023-06-30', 'Participatiewet', 'AM18', 'GM0363', true,  5002, 'overheid', 'detachering', 'bepaald', 156.0, '2023-05-15'),
    (1002, '2023-09-30', 'Participatiewet', 'AM18', 'GM0363', true,  5002, 'overheid', 'detachering', 'bepaald', 240.0, '2023-05-15'),
    (1002, '2023-12-31', 'Participatiewet', 'AM18', 'GM0363', false, NULL, NULL, NULL, NULL, 0.0, NULL),
    (1002, '2024-03-31', 'Participatiewet', 'AM18', 'GM0363', false, NULL, NULL, NULL, NULL, 0.0, NULL)
  ) AS v(persoon_id, peildatum, achtergrond, regio_code, gemeente_code, werkzaam, baan_id, sector, dienstverband, contract, uren, baan_startdatum)`;

export const VOORBEELD_SQL: Readonly<Record<ExtractName, string>> = {
  doelgroep_kwartaal: KWARTAAL,
  doelgroep_uitstroom: `
    SELECT persoon_id::BIGINT AS persoon_id, peildatum::DATE AS peildatum, reden
    FROM (VALUES (1003, '2023-06-30', 'AOW'), (1004, '2023-12-31', 'overig')) AS v(persoon_id, peildatum, reden)`,
  beschut_adviezen: `
    SELECT advies_id::INTEGER AS advies_id, besluitdatum::DATE AS besluitdatum, gemeente_code, aanvrager, uitkomst
    FROM (VALUES (1, '2023-02-14', 'GM0363', 'gemeente', 'positief'), (2, '2023-03-02', 'GM0518', 'burger', 'negatief'),
                 (3, '2023-03-20', 'GM0599', 'gemeente', 'positief')) AS v(advies_id, besluitdatum, gemeente_code, aanvrager, uitkomst)`,
  beschut_plekken: `
    SELECT gemeente_code, peildatum::DATE AS peildatum, plekken::INTEGER AS plekken, taakstelling::INTEGER AS taakstelling
    FROM (VALUES ('GM0363', '2023-12-31', 410, 452), ('GM0518', '2023-12-31', 265, 250), ('GM0599', '2023-12-31', 301, 318))
      AS v(gemeente_code, peildatum, plekken, taakstelling)`,
  buig_gemeente: `
    SELECT gemeente_code, jaar::INTEGER AS jaar, budget_voorlopig::DOUBLE AS budget_voorlopig,
           budget_definitief::DOUBLE AS budget_definitief, uitgaven::DOUBLE AS uitgaven
    FROM (VALUES ('GM0363', 2022, 402000000, 398500000, 401200000), ('GM0363', 2023, 415000000, 419800000, 410300000))
      AS v(gemeente_code, jaar, budget_voorlopig, budget_definitief, uitgaven)`,
};
