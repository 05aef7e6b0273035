/**
 * Links are read defensively: a parameter value is capped in length (a 10 kB value gives one short
 * message, not a page that overflows), the same problem gives one message however often it occurs,
 * a link gives at most a handful of messages, and the quarters a link may name are those any
 * extract can hold (from the nulmeting 2012Q4), so a quarter in the loaded data is never refused.
 */
import { describe, expect, it } from 'vitest';
import { KWARTAAL_MAX, KWARTAAL_MIN, parseHash } from '../src/lib/state/url.ts';

describe('caps and deduplication', () => {
  it('refuses a 10 kB value with one short message that quotes only its start', () => {
    const r = parseHash(`#/duurzaamheid?basis=${'9'.repeat(10_000)}&horizon=8`);
    expect(r.route.filters).toMatchObject({ basis: null, horizon: 8 });
    expect(r.meldingen).toEqual([
      `Link-parameter basis (basiskwartaal) is te lang (10000 tekens, '${'9'.repeat(39)}…') en is genegeerd. ` +
        'Getoond wordt de standaardwaarde: het laatste derde kwartaal met een jaar erna.',
    ]);
  });

  it('cuts an invalid value it quotes', () => {
    const r = parseHash(`#/duurzaamheid?horizon=${'x'.repeat(250)}`);
    expect(r.meldingen).toHaveLength(1);
    expect(r.meldingen[0]).toContain(`'${'x'.repeat(39)}…'`);
    expect(r.meldingen[0].length).toBeLessThan(200);
  });

  it('gives 2.000 copies of an unknown parameter one message', () => {
    const r = parseHash(`#/duurzaamheid?${Array(2000).fill('x=1').join('&')}`);
    // Only the first 100 parameters of a link are read; the copies among them are one message.
    expect(r.meldingen).toEqual([
      'De link heeft 2000 parameters; alleen de eerste 100 zijn gelezen.',
      'Link-parameter x (100 keer) hoort niet bij de pagina Duurzaamheid en is genegeerd.',
    ]);
  });

  it('names three unknown parameters and counts the rest, and never shows more than six messages', () => {
    const r = parseHash(`#/duurzaamheid?${Array.from({ length: 40 }, (_, i) => `p${i}=1`).join('&')}&horizon=5&basis=1`);
    expect(r.meldingen.slice(0, 2).map((m) => m.slice(0, 36))).toEqual(['Link-parameter horizon (horizon in k', 'Link-parameter basis (basiskwartaal)']);
    expect(r.meldingen.slice(2)).toEqual([
      'Link-parameter p0 hoort niet bij de pagina Duurzaamheid en is genegeerd.',
      'Link-parameter p1 hoort niet bij de pagina Duurzaamheid en is genegeerd.',
      'Link-parameter p2 hoort niet bij de pagina Duurzaamheid en is genegeerd.',
      'Nog 37 andere link-parameters horen niet bij de pagina Duurzaamheid en zijn genegeerd.',
    ]);
    const veel = parseHash(`#/duurzaamheid?horizon=5&basis=1&regio=AM99&sector=x&achtergrond=y&a=1&a=2&b=1&b=1`);
    expect(veel.meldingen).toHaveLength(6);
    expect(veel.meldingen[5]).toBe('En nog 2 andere meldingen over de link.');
  });

  it('says how often a filter is repeated, once', () => {
    const r = parseHash('#/duurzaamheid?horizon=8&horizon=4&horizon=4');
    expect(r.route.filters).toMatchObject({ horizon: 8 });
    expect(r.meldingen).toEqual(['Link-parameter horizon staat 3 keer in de link; de eerste waarde wordt gebruikt.']);
  });

  it('cuts an unknown page name', () => {
    const r = parseHash(`#/${'a'.repeat(5000)}`);
    expect(r.meldingen[0].length).toBeLessThan(120);
  });
});

describe('period bounds', () => {
  it('accepts every quarter an extract can hold, from the nulmeting 2012Q4 to the end of next year', () => {
    expect([KWARTAAL_MIN, KWARTAAL_MAX]).toEqual(['2012Q4', `${new Date().getFullYear() + 1}Q4`]);
    expect(parseHash('#/duurzaamheid?basis=2012Q4').meldingen).toEqual([]);
    expect(parseHash(`#/duurzaamheid?basis=${KWARTAAL_MAX}`).meldingen).toEqual([]);
    expect(parseHash('#/duurzaamheid?basis=2012Q3').meldingen[0]).toContain(`verwacht een kwartaal van 2012Q4 tot en met ${KWARTAAL_MAX}`);
  });
});

describe('a refused parameter never drops a valid one', () => {
  it("Regio's: a refused beginkwartaal leaves the eindkwartaal from the link in place", () => {
    const r = parseHash('#/regios?van=2012Q3&tot=2014Q4');
    expect(r.route.filters).toMatchObject({ van: null, tot: '2014Q4' });
    expect(r.meldingen).toHaveLength(1);
    expect(r.meldingen[0]).toMatch(/^Link-parameter van \(beginkwartaal\) heeft de ongeldige waarde '2012Q3'/);
  });

  it('a list keeps its valid items and the other parameters stay', () => {
    const r = parseHash('#/duurzaamheid?regio=AM99,AM18&horizon=8&basis=2013Q3');
    expect(r.route.filters).toMatchObject({ regio: ['AM18'], horizon: 8, basis: '2013Q3' });
  });
});
