/**
 * Geometry of the 35 arbeidsmarktregio's (data/geo/arbeidsmarktregios_2023.topojson).
 *
 * Takes the PARSED topology so it runs unchanged in the browser (fetch + JSON, or a bundled
 * import) and in Node (readFile + JSON.parse); no file access here. The topology is checked
 * before use: one object, 35 features keyed by `statcode`, none twice, every code of
 * REGIO_CODES present, nothing else. The map must never silently miss or double a region.
 */
import type { Feature, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { feature, mesh, neighbors } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { REGIO_CODES, REGIO_NAMEN } from '../extracts/regions.ts';

/** Path relative to the repository root / site root. */
export const REGIO_TOPOJSON_PAD = 'data/geo/arbeidsmarktregios_2023.topojson';
export const REGIO_TOPOJSON_OBJECT = 'arbeidsmarktregio_2023';
/** Attribution required by the CC-BY licence; show it under every map and in exports. */
export const KAART_BRON = 'Bron kaartgrenzen: CBS/Kadaster, via cartomap/nl, CC-BY 4.0';

export interface RegioEigenschappen {
  statcode: string;
  statnaam: string;
}

export type RegioFeature = Feature<Polygon | MultiPolygon, RegioEigenschappen> & { id: string };

export interface RegioKaart {
  /** One feature per region, in REGIO_CODES order. */
  features: RegioFeature[];
  perCode: ReadonlyMap<string, RegioFeature>;
  /** Borders between regions (each shared arc once), for a thin stroke over the fills. */
  binnengrenzen: MultiLineString;
  /** Outline of the country. */
  buitengrens: MultiLineString;
  /** Regions sharing a border (a shared arc in the topology), per code, in REGIO_CODES order. */
  buren: ReadonlyMap<string, readonly string[]>;
}

type RegioTopologie = Topology<{ [REGIO_TOPOJSON_OBJECT]: GeometryCollection<Partial<RegioEigenschappen>> }>;

/** All problems with a topology, as Dutch sentences; an empty list means it is usable. */
export function controleerRegioTopologie(topologie: unknown, bestand = REGIO_TOPOJSON_PAD): string[] {
  const t = topologie as Partial<RegioTopologie> | null;
  if (!t || typeof t !== 'object' || t.type !== 'Topology' || !t.objects || !Array.isArray(t.arcs)) {
    return [`${bestand}: geen TopoJSON-topologie (type "Topology" met objects en arcs ontbreekt).`];
  }
  const object = t.objects[REGIO_TOPOJSON_OBJECT];
  if (!object || object.type !== 'GeometryCollection' || !Array.isArray(object.geometries)) {
    return [`${bestand}: object "${REGIO_TOPOJSON_OBJECT}" (GeometryCollection) ontbreekt.`];
  }
  const problemen: string[] = [];
  const gezien = new Map<string, number>();
  object.geometries.forEach((g, i) => {
    const code = (g.properties as Partial<RegioEigenschappen> | undefined)?.statcode;
    if (typeof code !== 'string') {
      problemen.push(`${bestand}: geometrie ${i + 1} heeft geen statcode.`);
      return;
    }
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') {
      problemen.push(`${bestand}: regio ${code} is geen (multi)polygoon maar ${String(g.type)}.`);
    }
    if (!Object.hasOwn(REGIO_NAMEN, code)) problemen.push(`${bestand}: statcode ${code} is geen van de 35 arbeidsmarktregio's.`);
    if (gezien.has(code)) problemen.push(`${bestand}: statcode ${code} komt meer dan eens voor (geometrie ${gezien.get(code)! + 1} en ${i + 1}).`);
    else gezien.set(code, i);
  });
  for (const code of REGIO_CODES) {
    if (!gezien.has(code)) problemen.push(`${bestand}: regio ${code} (${REGIO_NAMEN[code]}) ontbreekt.`);
  }
  return problemen;
}

/** Checked features and borders; throws one Dutch error listing every problem. */
export function regioKaart(topologie: unknown, bestand = REGIO_TOPOJSON_PAD): RegioKaart {
  const problemen = controleerRegioTopologie(topologie, bestand);
  if (problemen.length) throw new Error(`Kaart van de arbeidsmarktregio's onbruikbaar:\n${problemen.join('\n')}`);
  const t = topologie as RegioTopologie;
  const object = t.objects[REGIO_TOPOJSON_OBJECT];
  const perCode = new Map<string, RegioFeature>();
  for (const g of object.geometries) {
    const f = feature(t, g) as Feature<Polygon | MultiPolygon, Partial<RegioEigenschappen>>;
    const code = (g.properties as RegioEigenschappen).statcode;
    // Keep only what the map needs; names from the project list so map, table and CSV agree.
    perCode.set(code, { type: 'Feature', id: code, geometry: f.geometry, properties: { statcode: code, statnaam: REGIO_NAMEN[code] } });
  }
  // Neighbours from the topology itself: two regions border when they share an arc.
  const codes = object.geometries.map((g) => (g.properties as RegioEigenschappen).statcode);
  const volgorde = new Map(REGIO_CODES.map((c, i) => [c, i]));
  const buren = new Map<string, string[]>();
  neighbors(object.geometries).forEach((idx, i) => {
    buren.set(codes[i], idx.map((j) => codes[j]).sort((a, b) => volgorde.get(a)! - volgorde.get(b)!));
  });
  return {
    features: REGIO_CODES.map((c) => perCode.get(c)!),
    perCode,
    binnengrenzen: mesh(t, object, (a, b) => a !== b),
    buitengrens: mesh(t, object, (a, b) => a === b),
    buren,
  };
}
