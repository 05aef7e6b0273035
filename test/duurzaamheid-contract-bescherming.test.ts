// The contract trend counts the same people as the cohort total of a base quarter (werkzaam then,
// same selection). Where the cohort table hides that total to protect a small group, the trend
// must not print it either (nor the hours share and mean duration resting on it).
import { describe, expect, it } from 'vitest';
import { AFGELEID, BESCHERMD, KLEIN } from '../src/lib/format/disclosure.ts';
import { X_BESCHERMING } from '../src/lib/disclosure/zinnen.ts';
import type { Kwartaal } from '../src/lib/kwartaal.ts';
import type { ContractRij } from '../src/lib/metrics/duurzaamheid/contract.ts';
import type { CohortBescherming } from '../src/pages/duurzaamheid/beveiliging.ts';
import { contractData } from '../src/pages/duurzaamheid/grafieken.ts';

const rij = (kwartaal: Kwartaal, werkzamen: number): ContractRij => ({
  kwartaal, groep: 'totaal', werkzamen, uren: 100 * werkzamen, urenOnbepaald: 60 * werkzamen, urenOnbepaaldPct: 60, gemBaanduurJaren: 4.5, onderDrempel: werkzamen < 10,
});

/** A cohort table's verdict on its total: only `aantal('totaal', 'cohort')` is read here. */
function cohortTotaal(waarde: number | typeof BESCHERMD): CohortBescherming {
  return { aantal: (groep: string, veld: string) => (groep === 'totaal' && veld === 'cohort' ? waarde : 0) } as unknown as CohortBescherming;
}

const ctx = { selectie: 'arbeidsmarktregio Zeeland', bron: 'eigen bestand', peildatum: '2024-12-31', synthetisch: false };

describe('contract trend and the cohort table', () => {
  it('hides a quarter whose cohort total the table protects, keeps the others, and says why', () => {
    const rijen = [rij('2023Q2', 190), rij('2023Q3', 205), rij('2023Q4', 7)];
    const cohorten = new Map<Kwartaal, CohortBescherming>([['2023Q3', cohortTotaal(BESCHERMD)], ['2023Q2', cohortTotaal(190)]]);
    const d = contractData(rijen, {}, ctx, cohorten);
    const per = new Map(d.rijen.map((r) => [r.kwartaal, r]));
    expect(per.get('2023Q3')).toMatchObject({ werkzamen: BESCHERMD, uren_pct: BESCHERMD, duur: BESCHERMD });
    expect(per.get('2023Q2')).toMatchObject({ werkzamen: 190, uren_pct: 0.6, duur: 4.5 });
    // 7 werkzamen: under 10 by itself ("<10"), its average and share follow it.
    expect(per.get('2023Q4')).toMatchObject({ werkzamen: KLEIN, uren_pct: AFGELEID, duur: AFGELEID });
    expect(d.voetnoten).toContain(X_BESCHERMING);
  });

  it('without cohort tables on screen only the primary rule applies', () => {
    const d = contractData([rij('2023Q3', 205)], {}, ctx);
    expect(d.rijen[0]).toMatchObject({ werkzamen: 205, uren_pct: 0.6 });
    expect(d.voetnoten).not.toContain(X_BESCHERMING);
  });
});
