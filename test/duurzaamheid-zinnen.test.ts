import { describe, expect, it } from 'vitest';
import {
  groepOmschrijving, zinBaanduur, zinContract, zinStarters, zinSteedsWerkzaam, zinUitkomsten, zinUitstroom,
  zinWerkzaam, zinZelfdeBaan,
} from '../src/lib/metrics/duurzaamheid/zinnen.ts';
import type { ContractRij } from '../src/lib/metrics/duurzaamheid/contract.ts';
import type { StartersRij } from '../src/lib/metrics/duurzaamheid/starters.ts';
import type { UitkomstRij } from '../src/lib/metrics/duurzaamheid/uitkomst.ts';
import type { UitstroomRij } from '../src/lib/metrics/duurzaamheid/uitstroom.ts';

function uitkomst(over: Partial<UitkomstRij>): UitkomstRij {
  const r = {
    basis: '2021Q3', eind: '2022Q3', horizon: 4, groep: 'totaal',
    cohort: 1000, werkzaam: 880, werkVerloren: 90, uitRegister: 30, steedsWerkzaam: 830, zelfdeBaan: 710,
    ...over,
  } as UitkomstRij;
  return {
    ...r,
    werkzaamPct: (r.werkzaam / r.cohort) * 100, werkVerlorenPct: (r.werkVerloren / r.cohort) * 100,
    uitRegisterPct: (r.uitRegister / r.cohort) * 100, steedsWerkzaamPct: (r.steedsWerkzaam / r.cohort) * 100,
    zelfdeBaanPct: (r.zelfdeBaan / r.cohort) * 100, onderDrempel: r.cohort < 10,
  };
}

describe('duurzaamheid headline sentences', () => {
  it('writes the retention sentence of the 2023 letter from the counts', () => {
    expect(zinWerkzaam(uitkomst({}))).toBe(
      'Van de mensen die in het derde kwartaal van 2021 werkten, werkte een jaar later 88 procent nog steeds.',
    );
    // 8.715 of 10.000 = 87,15% → 87; 2 years ahead
    expect(zinWerkzaam(uitkomst({ cohort: 10000, werkzaam: 8715, horizon: 8, eind: '2023Q3' }))).toBe(
      'Van de mensen die in het derde kwartaal van 2021 werkten, werkte twee jaar later 87 procent nog steeds.',
    );
  });

  it('names the group of a split row', () => {
    expect(zinWerkzaam(uitkomst({ groep: 'Wsw', cohort: 200, werkzaam: 188 }), 'achtergrond')).toBe(
      'Van de mensen met achtergrond Wsw die in het derde kwartaal van 2021 werkten, werkte een jaar later 94 procent nog steeds.',
    );
    expect(groepOmschrijving('AM01', 'regio_code')).toBe('mensen in de arbeidsmarktregio Groningen');
    expect(groepOmschrijving('overheid', 'sector')).toBe('mensen met een baan bij de overheid');
    expect(groepOmschrijving('totaal', 'none')).toBe('mensen');
  });

  it('gives no number for a group below 10 persons, nor for a small numerator', () => {
    const klein = zinWerkzaam(uitkomst({ groep: 'WIW/ID', cohort: 9, werkzaam: 9 }), 'achtergrond');
    expect(klein).toBe(
      'Van de mensen met achtergrond WIW/ID die in het derde kwartaal van 2021 werkten: het aandeel dat een jaar later nog werkte, wordt niet getoond, omdat het om minder dan 10 personen gaat.',
    );
    expect(klein).not.toMatch(/\d+ procent/);
    // 3 of 100 uitgestroomd: 3% of a shown 100 would reveal the 3 persons
    expect(zinUitkomsten(uitkomst({ cohort: 100, werkzaam: 85, werkVerloren: 12, uitRegister: 3 }))).toBe(
      'Van de mensen die in het derde kwartaal van 2021 werkten, had een jaar later 12 procent het werk verloren; het aandeel dat uit het doelgroepregister stroomde, wordt niet getoond, omdat het om minder dan 10 personen gaat.',
    );
  });

  it('writes the outcome, continuity and same-job sentences', () => {
    expect(zinUitkomsten(uitkomst({}))).toBe(
      'Van de mensen die in het derde kwartaal van 2021 werkten, had een jaar later 9 procent het werk verloren en was 3 procent uit het doelgroepregister gestroomd.',
    );
    expect(zinSteedsWerkzaam(uitkomst({}))).toBe(
      'Van de mensen die in het derde kwartaal van 2021 werkten, had 83 procent ook op alle tussenliggende peilmomenten werk.',
    );
    expect(zinZelfdeBaan(uitkomst({}))).toBe(
      'Van de mensen die in het derde kwartaal van 2021 werkten, werkte 71 procent een jaar later nog in dezelfde baan.',
    );
  });

  it('writes the starters sentences, leaving out what is not known yet', () => {
    const rij: StartersRij = {
      basis: '2021Q3', vanaf: '2020Q4', groep: 'totaal', starters: 500,
      werkzaamNa1Jaar: 355, zelfdeBaanNa1Jaar: 160, werkzaamNa2Jaar: null,
      werkzaamNa1JaarPct: 71, zelfdeBaanNa1JaarPct: 32, werkzaamNa2JaarPct: null, onderDrempel: false,
    };
    expect(zinStarters(rij)).toBe(
      'Van de mensen die in de periode van het vierde kwartaal van 2020 tot en met het derde kwartaal van 2021 begonnen zijn met werken, heeft 71 procent een jaar later nog steeds werk. Van deze groep is 32 procent een jaar later nog werkzaam in dezelfde baan.',
    );
    expect(zinStarters({ ...rij, werkzaamNa2Jaar: 290 })).toMatch(/ Twee jaar na de start werkt nog 58 procent\.$/);
  });

  it('writes the contract and duration sentences with nl-NL decimals', () => {
    const rij: ContractRij = {
      kwartaal: '2022Q3', groep: 'totaal', werkzamen: 1200, uren: 100000, urenOnbepaald: 60000,
      urenOnbepaaldPct: 60, gemBaanduurJaren: 5.3, onderDrempel: false,
    };
    expect(zinContract(rij)).toBe(
      'In het derde kwartaal van 2022 werd 60 procent van de verloonde uren gewerkt op basis van een contract voor onbepaalde tijd.',
    );
    expect(zinBaanduur(rij)).toBe('De gemiddelde duur van de huidige banen was in het derde kwartaal van 2022 5,3 jaar.');
    expect(zinBaanduur({ ...rij, groep: 'Wajong', gemBaanduurJaren: 7.25 }, 'achtergrond')).toBe(
      'De gemiddelde duur van de huidige banen van mensen met achtergrond Wajong was in het derde kwartaal van 2022 7,3 jaar.',
    );
    expect(zinBaanduur({ ...rij, werkzamen: 4 })).not.toMatch(/\d jaar/);
  });

  it('names the main reason for leaving the register', () => {
    const r = (reden: UitstroomRij['reden'], aantal: number): UitstroomRij => ({
      basis: '2017Q3', eind: '2018Q3', horizon: 4, groep: 'totaal', reden, aantal, uitRegister: 100, pct: aantal, onderDrempel: false,
    });
    expect(zinUitstroom([r('AOW', 14), r('Wsw-beschut', 74), r('overig', 12)])).toBe(
      'De voornaamste reden voor uitstroom is de overgang naar Wsw beschut werk (74 procent).',
    );
    expect(zinUitstroom([])).toBeNull();
    // Fewer than 10 left the register: no share, and a sentence that agrees with its subject.
    expect(zinUitstroom([{ ...r('AOW', 5), uitRegister: 8 }, { ...r('overig', 3), uitRegister: 8 }])).toBe(
      'Het aandeel per reden van uitstroom wordt niet getoond, omdat het om minder dan 10 personen gaat.',
    );
  });
});
