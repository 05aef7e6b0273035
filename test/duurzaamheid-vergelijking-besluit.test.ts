/**
 * The UWV comparison takes the page's disclosure decisions (pages/duurzaamheid/vergelijking-besluit.ts):
 * a computed share the page's tables hide is hidden in the comparison with the same reason. Before,
 * the comparison judged each share on its own counts (both at least 10) and printed a share the
 * uitstroom table hid to protect a small group.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AFGELEID, BESCHERMD } from '../src/lib/format/disclosure.ts';
import type { StartersRij } from '../src/lib/metrics/duurzaamheid/starters.ts';
import type { UitkomstRij } from '../src/lib/metrics/duurzaamheid/uitkomst.ts';
import type { UitstroomRij } from '../src/lib/metrics/duurzaamheid/uitstroom.ts';
import { leesGepubliceerdeDuurzaamheid, vergelijk } from '../src/lib/published/duurzaamheid.ts';
import { beschermCohort, beschermCohorten, beschermStarters, beschermStartersPerBasis } from '../src/pages/duurzaamheid/beveiliging.ts';
import { berekendeCijfers } from '../src/pages/duurzaamheid/selectie.ts';
import { vergelijkingBesluit } from '../src/pages/duurzaamheid/vergelijking-besluit.ts';

const CSV = readFileSync(new URL('../data/published/duurzaamheid.csv', import.meta.url), 'utf8');
const BASIS = '2017Q3';

function rij(groep: string, werkzaam: number, verloren: number, uit: number): UitkomstRij {
  const cohort = werkzaam + verloren + uit;
  return {
    basis: BASIS, eind: '2018Q3', horizon: 4, groep, cohort, werkzaam, werkVerloren: verloren, uitRegister: uit,
    steedsWerkzaam: werkzaam, zelfdeBaan: werkzaam, werkzaamPct: 0, werkVerlorenPct: 0, uitRegisterPct: 0,
    steedsWerkzaamPct: 0, zelfdeBaanPct: 0, onderDrempel: false,
  };
}

/**
 * Everyone who left the register in 2017Q3 → 2018Q3: 500 = AOW 300 + Wsw-beschut 14 + overleden 6
 * + geen arbeidsvermogen 180 (Wsw 300, Wajong 200 of them). Overleden (6) is under 10; the
 * smallest reason that can hide it is Wsw-beschut (14): 14 + 6 = 20, so either runs 0 … 20.
 */
const redenen: [string, number, number][] = [['AOW', 200, 100], ['Wsw-beschut', 10, 4], ['overleden', 4, 2], ['geen arbeidsvermogen', 86, 94]];
const uitstroom = redenen.flatMap(([reden, wsw, wajong]) => [
  { basis: BASIS, eind: '2018Q3', horizon: 4, groep: 'Wsw', reden, aantal: wsw, uitRegister: 300, pct: 0, onderDrempel: false },
  { basis: BASIS, eind: '2018Q3', horizon: 4, groep: 'Wajong', reden, aantal: wajong, uitRegister: 200, pct: 0, onderDrempel: false },
] as UitstroomRij[]);
const cohort = [rij('Wsw', 3000, 400, 300), rij('Wajong', 2000, 300, 200)];

describe('the UWV comparison on the page’s disclosure tables', () => {
  it('hides Wsw-beschut’s share where the uitstroom table hides its count to protect overleden', () => {
    // The page's own uitstroom table (every achtergrond, national).
    expect(beschermCohort(cohort, uitstroom, null, true).reden('Wsw-beschut')?.aantal).toBe(BESCHERMD);
    expect(vergelijkingBesluit(cohort, uitstroom, [])({ soort: 'uitstroom', basis: BASIS, reden: 'Wsw-beschut' })).toBe(BESCHERMD);
    // AOW (300) and werkzaam (5000 of 6200) are printed by the page: the comparison decides nothing about them.
    expect(vergelijkingBesluit(cohort, uitstroom, [])({ soort: 'uitstroom', basis: BASIS, reden: 'AOW' })).toBeNull();
    expect(vergelijkingBesluit(cohort, uitstroom, [])({ soort: 'cohort', basis: BASIS, veld: 'werkzaamPct', groep: 'totaal' })).toBeNull();

    const cijfers = leesGepubliceerdeDuurzaamheid(CSV);
    const v = vergelijk(cijfers, berekendeCijfers(cohort, uitstroom, [], []));
    const wswBeschut = v.find((x) => x.cijfer.berekening?.soort === 'uitstroom' && x.cijfer.berekening.basis === BASIS)!;
    // 14 of 500 = 2,8% on its own counts (both at least 10): printed before.
    expect(wswBeschut).toMatchObject({ berekend: null, status: 'onderdrukt', toelichting: 'Niet getoond: om een kleine groep elders in de tabel te beschermen.' });
    // The same base quarter's uit het register, 500 of 6200 = 8,1%, is compared.
    const uit = v.find((x) => x.cijfer.berekening?.soort === 'cohort' && x.cijfer.berekening.basis === BASIS && x.cijfer.berekening.veld === 'uitRegisterPct')!;
    expect(uit.berekend).toBeCloseTo((500 / 6200) * 100, 9);
  });

  it('says why a share under 10 persons is not compared, in the page’s words', () => {
    // Participatiewet 2017Q3 → 2018Q3: 5 of 8 werkzaam; a group under 10 hides its share.
    const klein = rij('Participatiewet', 5, 2, 1);
    const bron = { cohort: (basis: string, groep: string) => (basis === BASIS && groep === 'Participatiewet' ? klein : undefined), uitstroom: () => undefined, starters: () => undefined, contract: () => undefined };
    const v = vergelijk(leesGepubliceerdeDuurzaamheid(CSV), bron);
    const pw = v.find((x) => x.cijfer.berekening?.soort === 'cohort' && x.cijfer.berekening.basis === BASIS && x.cijfer.berekening.groep === 'Participatiewet')!;
    expect(pw).toMatchObject({ berekend: null, status: 'onderdrukt', toelichting: 'Niet getoond: omdat het om minder dan 10 personen gaat.' });
  });

  it('takes the page’s own tables when it has them, and builds a base quarter they lack', () => {
    const wswBeschut = { soort: 'uitstroom', basis: BASIS, reden: 'Wsw-beschut' } as const;
    // The page's national tables with every achtergrond are the same tables: the same decision.
    expect(vergelijkingBesluit(cohort, uitstroom, [], { cohort: beschermCohorten(cohort, uitstroom, []) })(wswBeschut)).toBe(BESCHERMD);
    // A table given is used as it is (not built again): one without the reasons knows no Wsw-beschut.
    const zonderRedenen = new Map([[BASIS, beschermCohort(cohort, [], null, true)] as const]);
    expect(vergelijkingBesluit(cohort, uitstroom, [], { cohort: zonderRedenen })(wswBeschut)).toBeNull();
    // A base quarter the page has no table for is built here.
    expect(vergelijkingBesluit(cohort, uitstroom, [], { cohort: new Map() })(wswBeschut)).toBe(BESCHERMD);
  });

  it('takes the page’s starters tables too', () => {
    // Starting in 2016Q4 … 2017Q3: Wsw 30 and Wajong 30, each 4 werkzaam a year on: 8 of 60, under 10.
    const starter = (groep: string, na1: number): StartersRij => ({
      basis: BASIS, vanaf: '2016Q4', groep, starters: 30, werkzaamNa1Jaar: na1, zelfdeBaanNa1Jaar: null, werkzaamNa2Jaar: null,
      werkzaamNa1JaarPct: null, zelfdeBaanNa1JaarPct: null, werkzaamNa2JaarPct: null, onderDrempel: false,
    });
    const klein = [starter('Wsw', 4), starter('Wajong', 4)];
    const na1 = { soort: 'starters', basis: BASIS, veld: 'werkzaamNa1JaarPct' } as const;
    expect(vergelijkingBesluit([], [], klein)(na1)).toBe(AFGELEID);
    expect(vergelijkingBesluit([], [], klein, { starters: beschermStartersPerBasis(klein, []) })(na1)).toBe(AFGELEID);
    // The table given decides: one with 20 + 20 werkzaam prints the share.
    const groot = new Map([[BASIS, beschermStarters([starter('Wsw', 20), starter('Wajong', 20)], true)] as const]);
    expect(vergelijkingBesluit([], [], klein, { starters: groot })(na1)).toBeNull();
  });
});
