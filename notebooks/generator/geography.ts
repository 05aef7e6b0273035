/**
 * Gemeenten and regions for the synthetic data. Sizes are ASSUMPTIONS, not published register
 * counts: rough resident numbers (thousands, around 2023, from general knowledge) for the larger
 * gemeenten; every other gemeente gets a random size around 25,000 (lognormal, seeded). A region's
 * share of the doelgroepregister is its residents times a regional factor (more Wajong/Wsw in the
 * north, the east and Zuid-Limburg; fewer in the wealthier Randstad regions).
 */
import type { GemeenteRij } from '../../src/lib/published/reference.ts';
import { REGIO_CODES } from '../../src/lib/extracts/regions.ts';
import { normal } from './rng.ts';

/** Approximate residents (thousands); names as in gemeenten_arbeidsmarktregio.csv. */
const INWONERS: Readonly<Record<string, number>> = {
  Amsterdam: 918, Rotterdam: 655, "'s-Gravenhage": 552, Utrecht: 367, Eindhoven: 238, Groningen: 238,
  Tilburg: 224, Almere: 218, Breda: 185, Nijmegen: 179, Apeldoorn: 165, Arnhem: 164, Haarlem: 162,
  Enschede: 160, Haarlemmermeer: 160, Amersfoort: 159, Zaanstad: 157, "'s-Hertogenbosch": 157,
  Zwolle: 131, Zoetermeer: 126, Leiden: 125, Leeuwarden: 125, Maastricht: 121, Dordrecht: 120,
  Ede: 119, 'Alphen aan den Rijn': 114, Westland: 113, Alkmaar: 110, Emmen: 108, Delft: 104,
  Venlo: 102, Deventer: 101, Helmond: 93, Oss: 93, Purmerend: 93, Amstelveen: 92, Hilversum: 92,
  'Land van Cuijk': 92, 'Súdwest-Fryslân': 91, 'Sittard-Geleen': 91, 'Dijk en Waard': 89,
  'Hoeksche Waard': 89, Hengelo: 88, Heerlen: 87, Nissewaard: 86, Meierijstad: 83, Lelystad: 81,
  Schiedam: 80, Roosendaal: 78, 'Leidschendam-Voorburg': 78, Vlaardingen: 75, Gouda: 74, Hoorn: 74,
  Almelo: 74, 'Voorne aan Zee': 71, Assen: 69, Velsen: 69, 'Bergen op Zoom': 68, Veenendaal: 68,
  'Capelle aan den IJssel': 67, Katwijk: 67, Zeist: 66, 'Stichtse Vecht': 65, Nieuwegein: 64,
  Westerkwartier: 64, Lansingerland: 64, Barneveld: 61, 'Midden-Groningen': 61, Hardenberg: 61,
  Maashorst: 61, Roermond: 59, Doetinchem: 59, 'Gooise Meren': 58, Oosterhout: 57, Smallingerland: 57,
  'Pijnacker-Nootdorp': 57, Krimpenerwaard: 57, Vijfheerenlanden: 57, Altena: 57, Hoogeveen: 56,
  'Den Helder': 56, Rijswijk: 56, Terneuzen: 55, Kampen: 55, Woerden: 53, 'West Betuwe': 52,
  'De Fryske Marren': 52, Heerenveen: 51, Houten: 50, Weert: 50, 'Goeree-Overflakkee': 50,
  Middelburg: 49, Waalwijk: 49, 'Hollands Kroon': 49, Overbetuwe: 49, Zutphen: 48, Harderwijk: 48,
  'Het Hogeland': 48, Noordoostpolder: 48, Lingewaard: 48, Schagen: 47, Ridderkerk: 47, Soest: 47,
  Waadhoeke: 47, Heusden: 46, Veldhoven: 46, Medemblik: 46, Eemsdelta: 46, Vlissingen: 45,
  'Noardeast-Fryslân': 45, 'Etten-Leur': 45, Kerkrade: 45, Steenwijkerland: 45, Molenlanden: 45,
  Venray: 44, 'Peel en Maas': 44, Zevenaar: 44, Rheden: 44, 'Horst aan de Maas': 43, Tiel: 42,
  Wijchen: 41, 'Geldrop-Mierlo': 40, Oldambt: 39, Goes: 39, 'Rijssen-Holten': 39, Raalte: 38,
  Landgraaf: 37, Moerdijk: 37, Hellendoorn: 36, Beekdaelen: 36, Leudal: 36, Meppel: 35,
  'Hof van Twente': 35, Coevorden: 35, Tynaarlo: 34, 'Schouwen-Duiveland': 34, Twenterand: 34,
  Boxtel: 33, Oisterwijk: 33, Deurne: 33, 'Midden-Drenthe': 33, Noordenveld: 32, Stadskanaal: 32,
  Oldenzaal: 32, Bernheze: 32, 'Echt-Susteren': 32, Tytsjerksteradiel: 32, Renkum: 31,
  'Gemert-Bakel': 31, Valkenswaard: 31, Halderberge: 30, Zaltbommel: 30, 'Sint-Michielsgestel': 30,
  Best: 30, Culemborg: 29, Dalfsen: 29, Veendam: 28, Brunssum: 28, Vught: 27, Hulst: 27, Drimmelen: 27,
  'Gilze en Rijen': 27, Westerwolde: 26, Tholen: 26, Dongen: 26, 'Eijsden-Margraten': 26,
  Dinkelland: 26, 'Aa en Hunze': 25, 'Borger-Odoorn': 25, Steenbergen: 25, Stein: 25, Wierden: 25,
  Borne: 24, Haaksbergen: 24, 'De Wolden': 24, Goirle: 24, 'Loon op Zand': 24, Oldebroek: 24,
  Maasgouw: 24, Losser: 23, Zwartewaterland: 23, Elburg: 23, Borsele: 23, Reimerswaal: 23, Sluis: 23,
  Rucphen: 23, Laarbeek: 23, 'Nuenen, Gerwen en Nederwetten': 23, Urk: 22, Veere: 22, Woensdrecht: 22,
  Zundert: 22, Geertruidenberg: 22, Tubbergen: 21, Cranendonck: 21, Roerdalen: 21, Westerveld: 20,
  Bladel: 20, Heerde: 19, Eersel: 19, Bergeijk: 19, Oirschot: 19, Someren: 19, Meerssen: 19,
  Staphorst: 18, Ommen: 18, 'Olst-Wijhe': 18, Waalre: 18, Asten: 17, 'Son en Breugel': 17, Gennep: 17,
  Nederweert: 17, Hilvarenbeek: 16, 'Heeze-Leende': 16, Beek: 16, 'Valkenburg aan de Geul': 16,
  Pekela: 12, 'Gulpen-Wittem': 14, Beesel: 14, 'Reusel-De Mierden': 13, Kapelle: 13, 'Bergen (L.)': 13,
  Hattem: 12, Voerendaal: 12, Boekel: 11, 'Alphen-Chaam': 10, Vaals: 10, Simpelveld: 10,
  'Noord-Beveland': 8, 'Mook en Middelaar': 8, 'Baarle-Nassau': 7, Ameland: 4, Terschelling: 5,
  Vlieland: 1.2, Schiermonnikoog: 1, Texel: 13, Rozendaal: 1.6, Renswoude: 5.5, Oostzaan: 10,
};

/** Regional factor on the register share per resident (assumption; see the module comment). */
const REGIO_FACTOR: Readonly<Record<string, number>> = {
  AM01: 1.3, AM02: 1.15, AM03: 1.25, AM05: 1.2, AM09: 1.15, AM15: 1.05, AM17: 1.0, AM18: 0.85,
  AM12: 0.75, AM13: 0.85, AM14: 0.9, AM19: 0.9, AM21: 1.0, AM22: 1.1, AM24: 1.1, AM28: 0.95,
  AM29: 1.05, AM30: 1.3, AM32: 1.1, AM33: 1.15, AM37: 0.8,
};

export interface Gemeente {
  idx: number;
  code: string;
  naam: string;
  regio: string;
  regioIdx: number;
  /** Residents in thousands (assumed). */
  inwoners: number;
}

export interface Regio {
  idx: number;
  code: string;
  gemeenten: Gemeente[];
  inwoners: number;
  /** Relative weight in the doelgroepregister. */
  registerGewicht: number;
}

export interface Geografie {
  gemeenten: Gemeente[];
  regios: Regio[];
}

export function bouwGeografie(rijen: readonly GemeenteRij[], seed: number): Geografie {
  const sorted = [...rijen].sort((a, b) => a.code.localeCompare(b.code));
  const regios: Regio[] = REGIO_CODES.map((code, idx) => ({ idx, code, gemeenten: [], inwoners: 0, registerGewicht: 0 }));
  const gemeenten = sorted.map((r, idx): Gemeente => {
    const regioIdx = REGIO_CODES.indexOf(r.regioCode);
    if (regioIdx < 0) throw new Error(`gemeente ${r.code}: onbekende regio ${r.regioCode}`);
    const num = Number(r.code.slice(2));
    const inwoners = INWONERS[r.naam] ?? Math.min(60, Math.max(6, 25 * Math.exp(0.45 * normal(seed, num, 9101))));
    return { idx, code: r.code, naam: r.naam, regio: r.regioCode, regioIdx, inwoners };
  });
  for (const g of gemeenten) {
    regios[g.regioIdx].gemeenten.push(g);
    regios[g.regioIdx].inwoners += g.inwoners;
  }
  for (const r of regios) {
    if (r.gemeenten.length === 0) throw new Error(`regio ${r.code} heeft geen gemeenten`);
    r.registerGewicht = r.inwoners * (REGIO_FACTOR[r.code] ?? 1);
  }
  return { gemeenten, regios };
}
