import { describe, expect, it } from 'vitest';
import { Router, paginaFilters, type HashOmgeving } from '../src/lib/state/router.svelte.ts';
import { KWARTAAL_MAX, href, parseHash, serialiseRoute, standaardFilters } from '../src/lib/state/url.ts';

describe('parsing a link', () => {
  it('reads page and typed filters from the example link', () => {
    const r = parseHash('#/duurzaamheid?basis=2021Q3&horizon=4&achtergrond=Wsw,Wajong&regio=AM38');
    expect(r.meldingen).toEqual([]);
    expect(r.route).toEqual({
      pagina: 'duurzaamheid',
      filters: { basis: '2021Q3', horizon: 4, achtergrond: ['Wsw', 'Wajong'], regio: ['AM38'], sector: 'alle' },
    });
    expect(r.canoniek).toBe('#/duurzaamheid?basis=2021Q3&horizon=4&achtergrond=Wsw,Wajong&regio=AM38&sector=alle');
  });

  it('opens the overview for an empty hash, #/ and #/overzicht', () => {
    for (const h of ['', '#', '#/', '#/overzicht', '#/Overzicht/']) {
      const r = parseHash(h);
      expect(r.route.pagina, h).toBe('overzicht');
      expect(r.meldingen, h).toEqual([]);
      expect(r.canoniek).toBe('#/');
    }
  });

  it('names an unknown page and falls back to the overview', () => {
    const r = parseHash('#/kaart?x=1');
    expect(r.route.pagina).toBe('overzicht');
    expect(r.meldingen[0]).toBe("De pagina 'kaart' uit de link bestaat niet. U ziet het Overzicht.");
  });

  it('names an impossible quarter and uses the default', () => {
    const r = parseHash('#/duurzaamheid?basis=2099Q9');
    expect(r.route.filters).toMatchObject({ basis: null });
    expect(r.meldingen).toEqual([
      `Link-parameter basis (basiskwartaal) heeft de ongeldige waarde '2099Q9': verwacht een kwartaal van 2012Q4 tot en met ${KWARTAAL_MAX}, ` +
        'geschreven als 2021Q3. Getoond wordt de standaardwaarde: het laatste derde kwartaal met een jaar erna.',
    ]);
    // No basis in the link: the page picks the latest Q3 with a year after it from the data.
    expect(r.canoniek).toBe('#/duurzaamheid?horizon=4&sector=alle');
  });

  it('refuses a well-formed quarter outside the range any extract can hold, and accepts the nulmeting 2012Q4', () => {
    expect(parseHash('#/duurzaamheid?basis=2099Q3').meldingen[0]).toContain("de ongeldige waarde '2099Q3'");
    expect(parseHash('#/duurzaamheid?basis=2012Q3').route.filters).toMatchObject({ basis: null });
    expect(parseHash('#/duurzaamheid?basis=2012Q4').route.filters).toMatchObject({ basis: '2012Q4' });
    expect(KWARTAAL_MAX).toBe(`${new Date().getFullYear() + 1}Q4`);
  });

  it('names an impossible horizon and uses 4', () => {
    const r = parseHash('#/duurzaamheid?horizon=5');
    expect(r.route.filters).toMatchObject({ horizon: 4 });
    expect(r.meldingen).toEqual([
      "Link-parameter horizon (horizon in kwartalen) heeft de ongeldige waarde '5': verwacht één van 4, 8. " +
        'Getoond wordt de standaardwaarde: 4 kwartalen (1 jaar).',
    ]);
  });

  it('drops an unknown region from a list and keeps the valid ones', () => {
    const r = parseHash('#/duurzaamheid?regio=AM38,AM99,AM18');
    expect(r.route.filters).toMatchObject({ regio: ['AM38', 'AM18'] });
    expect(r.meldingen).toEqual([
      "Link-parameter regio heeft de ongeldige waarde 'AM38,AM99,AM18': verwacht een code van één van de 35 " +
        "arbeidsmarktregio's, zoals AM38 (FoodValley); 'AM99' is weggelaten. Getoond wordt regio: AM38 (FoodValley), AM18 (Groot Amsterdam).",
    ]);
  });

  it('falls back to the whole country when the only region is impossible', () => {
    const r = parseHash('#/duurzaamheid?regio=AM99');
    expect(r.route.filters).toMatchObject({ regio: [] });
    expect(r.meldingen[0]).toMatch(/'AM99' is weggelaten\. Getoond wordt regio: heel Nederland\.$/);
    expect(r.canoniek).toBe('#/duurzaamheid?horizon=4&sector=alle');
  });

  it('names an unknown achtergrond, decodes WIW/ID and removes duplicates', () => {
    const r = parseHash('#/duurzaamheid?achtergrond=WIW%2FID,Wsw,Wsw,Bijstand');
    expect(r.route.filters).toMatchObject({ achtergrond: ['WIW/ID', 'Wsw'] });
    expect(r.meldingen[0]).toContain("'Bijstand' is weggelaten");
  });

  it('reports a parameter that belongs to no filter of the page and ignores it', () => {
    const r = parseHash('#/data?basis=2021Q3');
    expect(r.route).toEqual({ pagina: 'data', filters: {} });
    expect(r.meldingen).toEqual(['Link-parameter basis hoort niet bij de pagina Data en is genegeerd.']);
    expect(r.canoniek).toBe('#/data');
  });

  it('keeps the first of a repeated parameter', () => {
    const r = parseHash('#/buig?jaar=2014&jaar=2015');
    expect(r.route.filters).toMatchObject({ jaar: 2014 });
    expect(r.meldingen).toEqual(['Link-parameter jaar staat meer dan één keer in de link; de eerste waarde wordt gebruikt.']);
  });

  it('checks a gemeente code against the reference list', () => {
    expect(parseHash('#/buig?gemeente=GM0363').route.filters).toMatchObject({ gemeente: 'GM0363' });
    const r = parseHash('#/buig?gemeente=GM9999');
    expect(r.route.filters).toMatchObject({ gemeente: null });
    expect(r.meldingen[0]).toContain("Link-parameter gemeente heeft de ongeldige waarde 'GM9999'");
  });

  it('resets a period that ends before it starts, naming both parameters', () => {
    const r = parseHash('#/regios?van=2018Q4&tot=2016Q4');
    expect(r.route.filters).toMatchObject({ van: null, tot: null });
    expect(r.meldingen).toEqual([
      'Het beginkwartaal 2018Q4 (parameter van) ligt niet vóór het eindkwartaal 2016Q4 (parameter tot). Getoond wordt het laatste jaar in de gegevens.',
    ]);
  });

  it('limits the comparison to six regions', () => {
    const r = parseHash('#/regios?vergelijk=AM01,AM02,AM03,AM05,AM06,AM07,AM08');
    expect(r.route.filters).toMatchObject({ vergelijk: ['AM01', 'AM02', 'AM03', 'AM05', 'AM06', 'AM07'] });
    expect(r.meldingen[0]).toContain('verwacht hoogstens 6 waarden');
  });

  it('never throws on garbage', () => {
    for (const h of ['#/%E0%A4%A', '#/duurzaamheid?%zz=1&basis=%', '#/duurzaamheid?=&&&', '#///?', '#/regios?van=&tot=']) {
      expect(() => parseHash(h), h).not.toThrow();
    }
  });
});

describe('serialising a route', () => {
  it('round-trips every page at its defaults', () => {
    for (const p of ['overzicht', 'duurzaamheid', 'regios', 'beschut-werk', 'buig', 'briefing', 'data'] as const) {
      const hash = serialiseRoute({ pagina: p, filters: standaardFilters(p) });
      const r = parseHash(hash);
      expect(r.meldingen, hash).toEqual([]);
      expect(r.route, hash).toEqual({ pagina: p, filters: standaardFilters(p) });
      expect(r.canoniek).toBe(hash);
    }
  });

  it('writes a readable link with commas and slashes kept', () => {
    expect(href('duurzaamheid', { basis: '2017Q3', horizon: 8, achtergrond: ['WIW/ID', 'Wsw'] })).toBe(
      '#/duurzaamheid?basis=2017Q3&horizon=8&achtergrond=WIW/ID,Wsw&sector=alle',
    );
    expect(href('regios', { weergave: 'profiel', regio: 'AM38' })).toBe(
      '#/regios?weergave=profiel&indicator=banen&regio=AM38',
    );
    expect(href('overzicht')).toBe('#/');
  });
});

/** A browser history in memory: push, replace, back, forward, with hashchange on push/back/forward. */
function nepGeschiedenis(begin: string) {
  const stapel = [begin];
  let i = 0;
  const luisteraars = new Set<() => void>();
  const meld = () => luisteraars.forEach((cb) => cb());
  const omgeving: HashOmgeving = {
    lees: () => stapel[i],
    duw: (h) => {
      stapel.splice(i + 1, stapel.length, h);
      i += 1;
      meld();
    },
    vervang: (h) => {
      stapel[i] = h;
    },
    luister: (cb) => {
      luisteraars.add(cb);
      return () => luisteraars.delete(cb);
    },
  };
  return {
    omgeving,
    stapel,
    terug: () => {
      i -= 1;
      meld();
    },
    vooruit: () => {
      i += 1;
      meld();
    },
    get hash() {
      return stapel[i];
    },
  };
}

describe('router state', () => {
  it('opens a copied link in the same view and writes the effective link back', () => {
    const g = nepGeschiedenis('#/duurzaamheid?regio=AM38&basis=2017Q3');
    const router = new Router();
    router.start(g.omgeving);
    expect(router.pagina).toBe('duurzaamheid');
    expect(router.filters('duurzaamheid')).toEqual({ basis: '2017Q3', horizon: 4, achtergrond: [], regio: ['AM38'], sector: 'alle' });
    expect(g.hash).toBe('#/duurzaamheid?basis=2017Q3&horizon=4&regio=AM38&sector=alle');
    expect(g.stapel).toHaveLength(1);
  });

  it('walks back and forward through filter changes and pages', () => {
    const g = nepGeschiedenis('#/duurzaamheid');
    const router = new Router();
    router.start(g.omgeving);
    router.zet('duurzaamheid', { horizon: 8 });
    router.zet('duurzaamheid', { achtergrond: ['Wsw'] });
    router.ga({ pagina: 'data', filters: {} });
    expect(router.pagina).toBe('data');
    expect(router.wissels).toBe(1);

    g.terug();
    expect(router.pagina).toBe('duurzaamheid');
    expect(router.filters('duurzaamheid')).toMatchObject({ horizon: 8, achtergrond: ['Wsw'] });
    g.terug();
    expect(router.filters('duurzaamheid')).toMatchObject({ horizon: 8, achtergrond: [] });
    g.terug();
    expect(router.filters('duurzaamheid')).toMatchObject({ horizon: 4 });
    g.vooruit();
    expect(router.filters('duurzaamheid')).toMatchObject({ horizon: 8 });
  });

  it('shows messages for an impossible link, keeps the app running and clears them on the next navigation', () => {
    const g = nepGeschiedenis('#/duurzaamheid?horizon=5');
    const router = new Router();
    router.start(g.omgeving);
    expect(router.meldingen).toHaveLength(1);
    expect(router.filters('duurzaamheid').horizon).toBe(4);
    expect(g.hash).toBe('#/duurzaamheid?horizon=4&sector=alle');
    router.zet('duurzaamheid', { horizon: 8 });
    expect(router.meldingen).toEqual([]);
  });

  it('remembers the last filters per page for the navigation links', () => {
    const g = nepGeschiedenis('#/buig?jaar=2014');
    const router = new Router();
    router.start(g.omgeving);
    router.ga({ pagina: 'data', filters: {} });
    expect(router.navHref('buig')).toBe('#/buig?jaar=2014');
    expect(router.navHref('beschut-werk')).toBe('#/beschut-werk?van=2017-01&tot=2017-05&aanvrager=alle&niveau=regio&minimum=5&kaart=realisatie');
  });

  it('does not add a history entry when the view does not change', () => {
    const g = nepGeschiedenis('#/buig?jaar=2014');
    const router = new Router();
    router.start(g.omgeving);
    router.zet('buig', { jaar: 2014 });
    expect(g.stapel).toEqual(['#/buig?jaar=2014']);
  });
});

describe('page filters as bindable properties', () => {
  it('reads the current filters and writes a new link on assignment', () => {
    const g = nepGeschiedenis('#/duurzaamheid?horizon=8');
    const router = new Router();
    router.start(g.omgeving);
    const f = paginaFilters('duurzaamheid', router);
    expect(f.horizon).toBe(8);
    expect(Object.keys(f)).toEqual(['basis', 'horizon', 'achtergrond', 'regio', 'sector']);
    f.regio = ['AM38'];
    expect(g.hash).toBe('#/duurzaamheid?horizon=8&regio=AM38&sector=alle');
    expect(f.regio).toEqual(['AM38']);
    expect(g.stapel).toHaveLength(2);
  });
});

describe('in-page links', () => {
  it('jump to their element and keep the current view', () => {
    const g = nepGeschiedenis('#/buig?jaar=2014');
    const gesprongen: string[] = [];
    g.omgeving.anker = (id) => (id === 'bron-3' ? (gesprongen.push(id), true) : false);
    const router = new Router();
    router.start(g.omgeving);
    g.omgeving.duw('#bron-3');
    expect(gesprongen).toEqual(['bron-3']);
    expect(router.pagina).toBe('buig');
    expect(router.meldingen).toEqual([]);
    expect(g.hash).toBe('#/buig?jaar=2014');
  });

  it('treat a hash without a matching element as an unknown page', () => {
    const g = nepGeschiedenis('#/buig');
    g.omgeving.anker = () => false;
    const router = new Router();
    router.start(g.omgeving);
    g.omgeving.duw('#nergens');
    expect(router.pagina).toBe('overzicht');
    expect(router.meldingen).toEqual(["De pagina 'nergens' uit de link bestaat niet. U ziet het Overzicht."]);
  });
});

describe('Beschut werk: a refused month never drops the valid one', () => {
  it('keeps a valid tot when van is refused, and starts in January of that year', () => {
    const r = parseHash('#/beschut-werk?van=2017-13&tot=2016-06');
    const f = r.route.filters as { van: string; tot: string };
    expect(f.tot).toBe('2016-06');
    expect(f.van).toBe('2016-01');
    expect(r.meldingen.some((m) => m.includes('2017-13'))).toBe(true);
  });

  it('resets both to the standard period when both came from the link', () => {
    const r = parseHash('#/beschut-werk?van=2018-03&tot=2017-02');
    const f = r.route.filters as { van: string; tot: string };
    expect([f.van, f.tot]).toEqual(['2017-01', '2017-05']);
  });
});
