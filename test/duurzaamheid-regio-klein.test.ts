/**
 * A protected region whose achtergrond groups are each under 10 (issue 12). The Regio's page
 * hides a small region and, to protect it, the region Duurzaamheid is filtered on; Duurzaamheid
 * prints that region's cohort per achtergrond, every group "<10". Four "<10"s say the total is at
 * most 36, which with the Regio's range gives the small region back within seven values. Hiding
 * more cannot help (the marks stay); the page prints one group's count "x" without its reason.
 */
import { describe, expect, it } from 'vitest';
import { audit } from '../src/lib/disclosure/audit.ts';
import { toelichtingen } from '../src/lib/charts/spec.ts';
import { BESCHERMD, GEHEIM, KLEIN, TOELICHTING_GEHEIM } from '../src/lib/format/disclosure.ts';
import { beschermCohorten } from '../src/pages/duurzaamheid/beveiliging.ts';
import { context, uitkomstData } from '../src/pages/duurzaamheid/grafieken.ts';
import { regioKwartalen } from '../src/pages/duurzaamheid/regio-kwartaal.ts';
import { reeksen, rij, samen, type Panel } from './duurzaamheid-regio-hulp.ts';

/**
 * 2021Q3: Nederland 289 werkzaam; AM03 (100) and AM05 (150) printed, so AM01 + AM02 = 39.
 * AM01 (9) is "<10": 0–9, so AM02 lies in 30–39 (ten values: protected).
 */
const PANEL: Panel = { '2021Q3': { AM01: [20, 9], AM02: [60, 30], AM03: [200, 100], AM05: [300, 150] } };
/** AM02's cohort of 30: 7 + 8 + 8 + 7, every count of every group under 10. */
const RIJEN = [rij('Wajong', 4, 2, 1), rij('Wsw', 5, 2, 1), rij('WIW/ID', 5, 1, 2), rij('Participatiewet', 4, 2, 1)];
const GROEPEN = ['Wajong', 'Wsw', 'WIW/ID', 'Participatiewet'];
const ctx = context('arbeidsmarktregio AM02, alle sectoren, alle achtergronden', null);

const interval = (a: ReturnType<typeof audit>) => Object.fromEntries(a.cellen.map((c) => [c.id, [c.min, c.max]]));

describe("Duurzaamheid on a region the Regio's page hides to protect another, every achtergrond under 10", () => {
  const regio = regioKwartalen(reeksen(PANEL), ['AM02']);
  const k = regio('2021Q3')!;
  const p = beschermCohorten(RIJEN, null, [], regio).get('2021Q3')!;
  const { w, onderdrukt, redenBekend } = samen(p.b, k.tabel, 'T.cohort', ['AM02']);

  it("the Regio's table hides AM01 (<10) and AM02 (x, to protect it) and says both reasons", () => {
    expect([...k.tabel.onderdrukt].sort()).toEqual([['r:AM01.werkzaam', 'klein'], ['r:AM02.werkzaam', 'bescherming']]);
    expect(k.tabel.zonderReden.size).toBe(0);
    expect(k).toMatchObject({ ids: ['r:AM02.werkzaam'], werkzaam: 30, besluit: { verborgen: 'bescherming' } });
  });

  it('with every group\'s "<10" said, both pages give AM01 back as 3–9', () => {
    // The total is at most 4 × 9 = 36, so AM02 lies in 30–36 and AM01 = 39 − AM02 in 3–9; each
    // group is the total (≥ 30) minus three groups of at most 9: 3–9.
    const a = audit(w, onderdrukt);
    const iv = interval(a);
    expect(iv['r:AM01.werkzaam']).toEqual([3, 9]);
    expect(iv['r:AM02.werkzaam']).toEqual([30, 36]);
    expect(iv['T.cohort']).toEqual([30, 36]);
    for (const g of GROEPEN) expect(iv[`g:${g}.cohort`]).toEqual([3, 9]);
    expect(a.lekken.map((c) => c.id).sort()).toEqual(['T.cohort', 'g:Participatiewet.cohort', 'g:WIW/ID.cohort', 'g:Wajong.cohort', 'g:Wsw.cohort', 'r:AM01.werkzaam', 'r:AM02.werkzaam']);
    // The cohort table looks clean only if AM01's own "<10" is not known, which the Regio's page
    // prints: before, the page withheld that reason (in its copy of the Regio's table, where
    // nothing is printed) and printed every group "<10".
    expect(audit(w, onderdrukt, { redenBekend: (id) => id !== 'r:AM01.werkzaam' }).lekken).toEqual([]);
  });

  it('the page keeps the Regio\'s reasons and prints Wsw\'s cohort "x" without a reason instead', () => {
    expect([...p.b.zonderReden]).toEqual(['g:Wsw.cohort']);
    expect(p.b.reden('r:AM01.werkzaam')).toBe('klein');
    expect(p.b.reden('T.cohort')).toBe('bescherming');
    expect(p.aantal('Wsw', 'cohort')).toBe(GEHEIM);
    for (const g of ['Wajong', 'WIW/ID', 'Participatiewet']) expect(p.aantal(g, 'cohort')).toBe(KLEIN);
    for (const g of GROEPEN) for (const v of ['werkzaam', 'verloren', 'uit'] as const) expect(p.aantal(g, v)).toBe(KLEIN);
    expect(p.aantal('totaal', 'cohort')).toBe(BESCHERMD);
    expect([p.aantal('totaal', 'verloren'), p.aantal('totaal', 'uit')]).toEqual([KLEIN, KLEIN]);
    // Wsw's shares rest on its count: "x" without a reason too.
    expect(p.aandeel('Wsw', 'werkzaam', 0)).toBe(GEHEIM);
    expect(p.b.audit.lekken).toEqual([]);
    // On screen: the table's Wsw row and the note that says why no reason is given.
    const d = uitkomstData(RIJEN, [], ctx, p)!;
    expect(d.rijen.find((r) => r.groep === 'Wsw')!.cohort).toBe(GEHEIM);
    expect(toelichtingen(d)).toContain(TOELICHTING_GEHEIM);
  });

  it('both pages read together, with the reasons each prints: nothing recoverable', () => {
    // Wsw's cohort is its werkzaam + verloren + uit, each "<10": 3–27 (the total ≥ 30 minus
    // three groups of at most 9). The groups then bound the total by 9 + 9 + 9 + 27 = 54 only,
    // so AM02 keeps the Regio's 30–39 and AM01 its 0–9; each other group 0–9.
    const a = audit(w, onderdrukt, { redenBekend });
    expect(a.lekken).toEqual([]);
    expect(a.kleinGetoond).toEqual([]);
    const iv = interval(a);
    expect(iv['r:AM01.werkzaam']).toEqual([0, 9]);
    expect(iv['r:AM02.werkzaam']).toEqual([30, 39]);
    expect(iv['T.cohort']).toEqual([30, 39]);
    expect(iv['g:Wsw.cohort']).toEqual([3, 27]);
    for (const g of ['Wajong', 'WIW/ID', 'Participatiewet']) expect(iv[`g:${g}.cohort`]).toEqual([0, 9]);
  });
});

describe('the same groups where the "<10"s say nothing new', () => {
  it('AM01 6, so AM01 + AM02 = 36: the groups\' bound 36 is no narrower than the Regio\'s 27–36, every reason said', () => {
    const regio = regioKwartalen(reeksen({ '2021Q3': { AM01: [20, 6], AM02: [60, 30], AM03: [200, 100], AM05: [300, 150] } }), ['AM02']);
    const p = beschermCohorten(RIJEN, null, [], regio).get('2021Q3')!;
    expect(p.b.zonderReden.size).toBe(0);
    for (const g of GROEPEN) expect(p.aantal(g, 'cohort')).toBe(KLEIN);
    const { w, onderdrukt, redenBekend } = samen(p.b, regio('2021Q3')!.tabel, 'T.cohort', ['AM02']);
    const a = audit(w, onderdrukt, { redenBekend });
    expect(a.lekken).toEqual([]);
    const iv = interval(a);
    expect(iv['r:AM01.werkzaam']).toEqual([0, 9]);
    expect(iv['T.cohort']).toEqual([27, 36]);
  });
});
