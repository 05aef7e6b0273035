import { readFileSync } from 'node:fs';
import { geoArea, geoBounds } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { REGIO_CODES } from '../src/lib/extracts/regions.ts';
import { controleerRegioTopologie, REGIO_TOPOJSON_OBJECT, REGIO_TOPOJSON_PAD, regioKaart } from '../src/lib/metrics/regio-geo.ts';

const lees = () => JSON.parse(readFileSync(REGIO_TOPOJSON_PAD, 'utf8'));

describe('kaart van de 35 arbeidsmarktregio\'s', () => {
  it('has every one of the 35 region codes exactly once', () => {
    const kaart = regioKaart(lees());
    const codes = kaart.features.map((f) => f.properties.statcode);
    expect(codes).toHaveLength(35);
    expect(new Set(codes).size).toBe(35);
    expect([...codes].sort()).toEqual([...REGIO_CODES].sort());
    expect(codes).toEqual(REGIO_CODES);
    expect(kaart.perCode.get('AM38')!.properties.statnaam).toBe('FoodValley');
  });

  it('uses the same region names as the geometry file', () => {
    const topo = lees();
    const kaart = regioKaart(topo);
    for (const g of topo.objects[REGIO_TOPOJSON_OBJECT].geometries) {
      expect(kaart.perCode.get(g.properties.statcode)!.properties.statnaam).toBe(g.properties.statnaam);
    }
  });

  it('gives each region a small area inside the Netherlands (rings wound the way d3-geo expects)', () => {
    // A ring wound the wrong way makes d3-geo fill the rest of the globe (area ≈ 4π sr).
    for (const f of regioKaart(lees()).features) {
      expect(geoArea(f)).toBeGreaterThan(0);
      expect(geoArea(f)).toBeLessThan(0.001);
      const [[west, zuid], [oost, noord]] = geoBounds(f);
      expect(west).toBeGreaterThan(3.3);
      expect(oost).toBeLessThan(7.3);
      expect(zuid).toBeGreaterThan(50.7);
      expect(noord).toBeLessThan(53.6);
    }
  });

  it('draws inner borders and the outline as separate meshes', () => {
    const kaart = regioKaart(lees());
    expect(kaart.binnengrenzen.coordinates.length).toBeGreaterThan(0);
    expect(kaart.buitengrens.coordinates.length).toBeGreaterThan(0);
  });
});

describe('controle van een kaartbestand', () => {
  it('accepts the bundled file', () => {
    expect(controleerRegioTopologie(lees())).toEqual([]);
  });

  it('reports a region that appears twice and the one it replaced', () => {
    const topo = lees();
    const gs = topo.objects[REGIO_TOPOJSON_OBJECT].geometries;
    gs[1] = { ...gs[1], properties: { ...gs[1].properties, statcode: 'AM01' } };
    const p = controleerRegioTopologie(topo, 'kaart.topojson');
    expect(p).toContain('kaart.topojson: statcode AM01 komt meer dan eens voor (geometrie 1 en 2).');
    expect(p).toContain('kaart.topojson: regio AM02 (Friesland) ontbreekt.');
    expect(() => regioKaart(topo)).toThrow(/AM01 komt meer dan eens voor/);
  });

  it('reports a code that is not one of the 35', () => {
    const topo = lees();
    const gs = topo.objects[REGIO_TOPOJSON_OBJECT].geometries;
    gs[0] = { ...gs[0], properties: { ...gs[0].properties, statcode: 'AM04' } };
    expect(controleerRegioTopologie(topo)).toEqual([
      `${REGIO_TOPOJSON_PAD}: statcode AM04 is geen van de 35 arbeidsmarktregio's.`,
      `${REGIO_TOPOJSON_PAD}: regio AM01 (Groningen) ontbreekt.`,
    ]);
  });

  it('reports a missing object or something that is not TopoJSON', () => {
    expect(controleerRegioTopologie({ type: 'FeatureCollection', features: [] })[0]).toMatch(/geen TopoJSON-topologie/);
    const topo = lees();
    topo.objects = { iets: topo.objects[REGIO_TOPOJSON_OBJECT] };
    expect(controleerRegioTopologie(topo)[0]).toMatch(/object "arbeidsmarktregio_2023"/);
  });
});

describe('neighbouring regions from the topology', () => {
  const kaart = regioKaart(lees());

  it('Groot Amsterdam borders Gooi en Vechtstreek, Midden-Utrecht, Zaanstreek/Waterland, Holland Rijnland and Zuid-Kennemerland en IJmond', () => {
    // Checked on the map: Weesp/Gooise Meren, De Ronde Venen/Amstelveen, the IJ, Haarlemmermeer/Kaag, Haarlem/Haarlemmermeer.
    expect(kaart.buren.get('AM18')).toEqual(['AM12', 'AM13', 'AM17', 'AM19', 'AM37']);
  });

  it('Zuid-Limburg only borders Midden-Limburg; Zeeland borders Rijnmond and West-Brabant', () => {
    expect(kaart.buren.get('AM30')).toEqual(['AM33']);
    expect(kaart.buren.get('AM24')).toEqual(['AM22', 'AM25']);
  });

  it('every region has a neighbour, and bordering goes both ways', () => {
    expect(kaart.buren.size).toBe(35);
    for (const [code, buren] of kaart.buren) {
      expect(buren.length, code).toBeGreaterThan(0);
      expect(buren).not.toContain(code);
      for (const b of buren) expect(kaart.buren.get(b), `${b} ↔ ${code}`).toContain(code);
    }
  });
});
