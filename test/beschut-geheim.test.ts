/**
 * A gemeente's hidden adviezen print "x" without the reason (context.ts zonderReden): "<10" would
 * bound the count, and through the region's sums its neighbours. Regions and Nederland keep
 * "<10" and "x" with their reasons. Hand-built cells and months.
 */
import { describe, expect, it } from 'vitest';
import { toelichtingen } from '../src/lib/charts/spec.ts';
import { AFGELEID, BESCHERMD, GEHEIM, KLEIN, TOELICHTING_GEHEIM, TOELICHTING_KLEIN } from '../src/lib/format/disclosure.ts';
import type { MaandRij } from '../src/lib/metrics/beschut.ts';
import { afgeleidCel, context, telCel } from '../src/pages/beschut-werk/context.ts';
import { aantallenData } from '../src/pages/beschut-werk/maanden.ts';

describe('hidden counts of a gemeente and of a region', () => {
  const verborgen = new Set(['p|GM0363|totaal', 'b|GM0363|totaal', 'p|AM01|totaal', 'b|AM01|totaal']);

  it('a gemeente in the comparison: "x" whatever its size; a region: "<10" when small, "x" (to protect another) when larger', () => {
    expect(telCel(verborgen, 'p|GM0363|totaal', 4)).toBe(GEHEIM);
    expect(telCel(verborgen, 'b|GM0363|totaal', 25)).toBe(GEHEIM);
    expect(telCel(verborgen, 'p|AM01|totaal', 4)).toBe(KLEIN);
    expect(telCel(verborgen, 'b|AM01|totaal', 25)).toBe(BESCHERMD);
    expect(telCel(verborgen, 'p|GM0344|totaal', 4)).toBe(4);
    // A share on a hidden gemeente count says no reason either.
    expect(afgeleidCel(verborgen, [['b|GM0363|totaal', 25], ['p|GM0363|totaal', 4]], 0.16)).toBe(GEHEIM);
    // A region's share: on a small count "x" as small (AFGELEID), on two larger ones "x" to protect another.
    expect(afgeleidCel(verborgen, [['b|AM01|totaal', 25], ['p|AM01|totaal', 4]], 0.16)).toBe(AFGELEID);
    expect(afgeleidCel(verborgen, [['b|AM01|totaal', 25], ['p|AM01|totaal', 14]], 0.56)).toBe(BESCHERMD);
  });

  it("a gemeente's own months: every hidden cell \"x\", footnote without \"<10\"", () => {
    const rij = (maand: string, aanvrager: MaandRij['aanvrager'], beoordelingen: number, positief: number): MaandRij => ({ maand, aanvrager, beoordelingen, positief }) as MaandRij;
    const rijen = [rij('2019-01', 'gemeente', 3, 2), rij('2019-01', 'burger', 12, 8), rij('2019-01', 'totaal', 15, 10)];
    const weg = Object.assign(new Set(['b|2019-01|gemeente', 'p|2019-01|gemeente', 'b|2019-01|burger', 'p|2019-01|burger']), { zonderReden: true as const });
    const data = aantallenData(rijen, '2019-01', '2019-01', ['gemeente', 'burger', 'totaal'], weg, context('gemeente Amsterdam'));
    expect(data.rijen[0]).toMatchObject({ b_gemeente: GEHEIM, p_gemeente: GEHEIM, b_burger: GEHEIM, p_burger: GEHEIM, b_totaal: 15, p_totaal: 10 });
    const noten = toelichtingen(data);
    expect(noten).toContain(TOELICHTING_GEHEIM);
    expect(noten).not.toContain(TOELICHTING_KLEIN);
    expect(noten.join(' ')).not.toContain('<10');
  });
});
