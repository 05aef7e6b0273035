import { describe, expect, it } from 'vitest';
import { alineaZinnen } from '../src/pages/duurzaamheid/alinea.ts';

// The page's sentences as kernzinnen.ts writes them (national, 3e kwartaal 2023, one year).
const COHORT = 'Van de mensen die in het derde kwartaal van 2023 werkten';
const groep = (naam: string, p: string) => `Van de mensen met achtergrond ${naam} die in het derde kwartaal van 2023 werkten, werkte een jaar later ${p} nog steeds.`;

describe('alineaZinnen (the Duurzaamheid paragraph of a briefing)', () => {
  it('names the cohort once and lists the achtergronden in one sentence, figures in the same order', () => {
    const zinnen = [
      `${COHORT}, werkte een jaar later 88 procent nog steeds.`,
      'Gepubliceerd voor hetzelfde cohort: 87 procent (UWV).',
      `${COHORT}, had een jaar later 9 procent het werk verloren en was 3 procent uit het doelgroepregister gestroomd.`,
      `${COHORT}, had 84 procent ook op alle tussenliggende peilmomenten werk.`,
      groep('Wajong', '87 procent'),
      groep('Wsw', '95 procent'),
      groep('WIW/ID', '91 procent'),
    ];
    expect(alineaZinnen(zinnen)).toEqual([
      `${COHORT}, werkte een jaar later 88 procent nog steeds.`,
      'Gepubliceerd voor hetzelfde cohort: 87 procent (UWV).',
      'Van hen had een jaar later 9 procent het werk verloren en was 3 procent uit het doelgroepregister gestroomd.',
      'Van hen had 84 procent ook op alle tussenliggende peilmomenten werk.',
      'Naar achtergrond werkte een jaar later nog: Wajong 87 procent, Wsw 95 procent en WIW/ID 91 procent.',
    ]);
  });

  it('keeps a sentence with a hidden share (and its reason) as it is, and does not list a single group', () => {
    const verborgen = 'Van de mensen met achtergrond Wajong die in het derde kwartaal van 2023 werkten: het aandeel dat een jaar later nog werkte, wordt niet getoond, om een kleine groep elders in de tabel te beschermen.';
    expect(alineaZinnen([verborgen, groep('Wsw', '95 procent')])).toEqual([verborgen, groep('Wsw', '95 procent')]);
  });

  it('a different cohort is named again', () => {
    const ander = 'Van de mensen die in het vierde kwartaal van 2022 werkten, werkte twee jaar later 80 procent nog steeds.';
    expect(alineaZinnen([`${COHORT}, werkte een jaar later 88 procent nog steeds.`, ander])).toEqual([`${COHORT}, werkte een jaar later 88 procent nog steeds.`, ander]);
  });
});
