import { describe, expect, it } from 'vitest';
import type { Kwartaal } from '../src/lib/kwartaal.ts';
import { parseHash } from '../src/lib/state/url.ts';
import { geenCohortMelding, gekozenPeriode, isUwvPeriode, UWV_PERIODE } from '../src/pages/regios/periode.ts';

const reeks = (van: number, tot: number): Kwartaal[] => {
  const uit: Kwartaal[] = [];
  for (let j = van; j <= tot; j++) for (const q of [1, 2, 3, 4]) uit.push(`${j}Q${q}` as Kwartaal);
  return uit;
};

describe("Regio's: the period shown", () => {
  it('without van/tot in the link: the last quarter in the data and the year before it', () => {
    expect(gekozenPeriode(null, null, reeks(2015, 2024))).toEqual({ van: '2023Q4', tot: '2024Q4' });
    // A user's panel that stops in 2020Q2.
    expect(gekozenPeriode(null, null, [...reeks(2019, 2019), '2020Q1', '2020Q2'])).toEqual({ van: '2019Q2', tot: '2020Q2' });
  });

  it('less than a year of data: since the first quarter', () => {
    expect(gekozenPeriode(null, null, ['2021Q2', '2021Q3', '2021Q4'])).toEqual({ van: '2021Q2', tot: '2021Q4' });
  });

  it('keeps what the link says, also outside the data (the page then says so)', () => {
    expect(gekozenPeriode('2015Q4', '2017Q4', reeks(2019, 2020))).toEqual(UWV_PERIODE);
    expect(gekozenPeriode(null, '2020Q3', reeks(2019, 2020))).toEqual({ van: '2019Q3', tot: '2020Q3' });
  });

  it('the UWV study is a preset; a plain link to the page asks for the latest period', () => {
    expect(isUwvPeriode({ van: '2015Q4', tot: '2017Q4' })).toBe(true);
    expect(isUwvPeriode({ van: '2016Q4', tot: '2017Q4' })).toBe(false);
    expect(parseHash('#/regios').route.filters).toMatchObject({ van: null, tot: null });
    expect(parseHash('#/regios?van=2015Q4&tot=2017Q4').route.filters).toMatchObject(UWV_PERIODE);
  });

  it('warns about an end quarter without a cohort a year before it, naming both quarters', () => {
    expect(geenCohortMelding('2015Q4')).toBe(
      'Voor het eindkwartaal 4e kwartaal 2015 is er geen cohort een jaar eerder (4e kwartaal 2014) in de gegevens. Kies een later eindkwartaal.',
    );
  });
});
