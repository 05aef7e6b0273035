import { describe, expect, it } from 'vitest';
import { href, parseHash } from '../src/lib/state/url.ts';

describe('Beschut werk link parameters', () => {
  it('reads period, aanvrager, region, gemeente, level, minimum taakstelling and map indicator from the link', () => {
    const r = parseHash('#/beschut-werk?van=2018-03&tot=2018-06&aanvrager=burger&regio=AM38&gemeente=GM0228&niveau=regio&minimum=12&kaart=realisatie');
    expect(r.meldingen).toEqual([]);
    expect(r.route.filters).toEqual({
      van: '2018-03', tot: '2018-06', aanvrager: 'burger', regio: 'AM38', gemeente: 'GM0228', niveau: 'regio', minimum: 12, kaart: 'realisatie',
    });
    expect(href('beschut-werk', { van: '2017-03', gemeente: 'GM0228' })).toBe(
      '#/beschut-werk?van=2017-03&tot=2017-05&aanvrager=alle&gemeente=GM0228&niveau=regio&minimum=5&kaart=realisatie',
    );
  });

  it('gives a Dutch message and the default for an impossible month, gemeente or minimum', () => {
    const r = parseHash('#/beschut-werk?van=2017-13&gemeente=GM9999&minimum=-3');
    expect(r.route.filters).toMatchObject({ van: '2017-01', gemeente: null, minimum: 5 });
    expect(r.meldingen).toEqual([
      "Link-parameter van (beginmaand) heeft de ongeldige waarde '2017-13': verwacht een maand van 2015-01 tot en met 2030-12, geschreven als 2017-05. Getoond wordt de standaardwaarde: 2017-01.",
      "Link-parameter gemeente heeft de ongeldige waarde 'GM9999': verwacht een gemeentecode als GM0363 uit de indeling van 2026. Getoond wordt de standaardwaarde: geen gemeente.",
      "Link-parameter minimum (minimale taakstelling) heeft de ongeldige waarde '-3': verwacht een geheel aantal plekken van 0 tot en met 1000. Getoond wordt de standaardwaarde: 5 plekken.",
    ]);
  });

  it('resets a period that ends before it starts', () => {
    const r = parseHash('#/beschut-werk?van=2018-06&tot=2017-02');
    expect(r.route.filters).toMatchObject({ van: '2017-01', tot: '2017-05' });
    expect(r.meldingen).toEqual([
      'De beginmaand 2018-06 (parameter van) ligt na de eindmaand 2017-02 (parameter tot). Getoond wordt de standaardperiode 2017-01 tot en met 2017-05.',
    ]);
  });

  it('keeps a period within one calendar year (gemeenten and regions are compared per year): a period across years starts in January of its last year', () => {
    const r = parseHash('#/beschut-werk?van=2017-03&tot=2018-06');
    expect(r.route.filters).toMatchObject({ van: '2018-01', tot: '2018-06' });
    expect(r.meldingen).toEqual([
      'Een periode ligt binnen één kalenderjaar; 2017-03 (parameter van) en 2018-06 (parameter tot) niet. Getoond wordt 2018-01 tot en met 2018-06.',
    ]);
  });
});
