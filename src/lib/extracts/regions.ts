/**
 * The 35 arbeidsmarktregio's of 2023 (CBS statcodes; AM04, AM16 and AM31 do not exist).
 * Source: CBS/Kadaster via cartomap/nl (data/geo/README.md). Match on code, never on position.
 */
export const REGIO_NAMEN: Readonly<Record<string, string>> = {
  AM01: 'Groningen',
  AM02: 'Friesland',
  AM03: 'Drenthe',
  AM05: 'Twente',
  AM06: 'Stedendriehoek en Noordwest Veluwe',
  AM07: 'Midden-Gelderland',
  AM08: 'Rijk van Nijmegen',
  AM09: 'Achterhoek',
  AM10: 'Rivierenland',
  AM11: 'Flevoland',
  AM12: 'Gooi en Vechtstreek',
  AM13: 'Midden-Utrecht',
  AM14: 'Amersfoort',
  AM15: 'Noord-Holland Noord',
  AM17: 'Zaanstreek/Waterland',
  AM18: 'Groot Amsterdam',
  AM19: 'Holland Rijnland',
  AM20: 'Midden-Holland',
  AM21: 'Haaglanden',
  AM22: 'Rijnmond',
  AM23: 'Drechtsteden',
  AM24: 'Zeeland',
  AM25: 'West-Brabant',
  AM26: 'Midden-Brabant',
  AM27: 'Noordoost-Brabant',
  AM28: 'Zuidoost-Brabant',
  AM29: 'Noord-Limburg',
  AM30: 'Zuid-Limburg',
  AM32: 'Helmond-De Peel',
  AM33: 'Midden-Limburg',
  AM34: 'Zuid-Holland Centraal',
  AM35: 'Gorinchem',
  AM36: 'Regio Zwolle',
  AM37: 'Zuid-Kennemerland en IJmond',
  AM38: 'FoodValley',
};

export const REGIO_CODES: readonly string[] = Object.keys(REGIO_NAMEN);

export function isRegioCode(code: unknown): code is string {
  return typeof code === 'string' && Object.hasOwn(REGIO_NAMEN, code);
}
