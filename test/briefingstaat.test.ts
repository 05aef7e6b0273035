/**
 * The briefing's state: editing functions, the link codec (round trip, broken links, partly
 * usable links) and the `b` parameter in the app's link parser.
 */
import { describe, expect, it } from 'vitest';
import { codeer, decodeer } from '../src/lib/briefing/link.ts';
import { legeBriefing, MAX_SECTIES, nieuwId, verplaats, verwijder, voegToe, zetOnderdelen, zetTekst, zetTitel } from '../src/lib/briefing/model.ts';
import type { Briefing } from '../src/lib/briefing/types.ts';
import { parseHash, serialiseRoute } from '../src/lib/state/url.ts';

function drie(): Briefing {
  let b = legeBriefing();
  b = voegToe(b, 'duurzaamheid/uitkomst', '?basis=2021Q3&horizon=4');
  b = voegToe(b, 'regios/kaart', 'weergave=kaart&indicator=groei');
  b = voegToe(b, 'buig/jaar', '');
  return b;
}

function b64(tekst: string): string {
  return Buffer.from(tekst, 'utf8').toString('base64url');
}

describe('editing a briefing', () => {
  it('adds sections with stable ids and the page parameters without "?"', () => {
    const b = drie();
    expect(b.secties.map((s) => [s.id, s.view, s.params])).toEqual([
      ['s1', 'duurzaamheid/uitkomst', 'basis=2021Q3&horizon=4'],
      ['s2', 'regios/kaart', 'weergave=kaart&indicator=groei'],
      ['s3', 'buig/jaar', ''],
    ]);
    expect(b.secties[0].onderdelen).toEqual({ tekst: true, grafiek: true, tabel: true });
  });

  it('removes and moves; a new section never reuses a removed id', () => {
    let b = verwijder(drie(), 's2');
    expect(b.secties.map((s) => s.id)).toEqual(['s1', 's3']);
    expect(nieuwId(b)).toBe('s4');
    b = verplaats(b, 's3', -1);
    expect(b.secties.map((s) => s.id)).toEqual(['s3', 's1']);
    // At the edge nothing changes.
    expect(verplaats(b, 's3', -1)).toBe(b);
    expect(verplaats(b, 's1', 1)).toBe(b);
  });

  it('sets parts, text and title without touching the other sections', () => {
    let b = zetOnderdelen(drie(), 's2', { grafiek: false });
    b = zetTekst(b, 's1', { sjabloon: 'Bijna {0} bleef werken.', waarden: ['87 procent'] });
    b = zetTitel(b, 'Nota banenafspraak');
    expect(b.titel).toBe('Nota banenafspraak');
    expect(b.secties[1].onderdelen).toEqual({ tekst: true, grafiek: false, tabel: true });
    expect(b.secties[0].tekst?.waarden).toEqual(['87 procent']);
    expect(zetTekst(b, 's1', null).secties[0]).not.toHaveProperty('tekst');
  });

  it(`stops at ${MAX_SECTIES} sections`, () => {
    let b = legeBriefing();
    for (let i = 0; i < MAX_SECTIES + 2; i++) b = voegToe(b, 'buig/jaar', `jaar=${2015 + (i % 8)}`);
    expect(b.secties).toHaveLength(MAX_SECTIES);
  });
});

describe('the briefing in the link', () => {
  it('round-trips title, views, parameters, parts and edited text (with non-ASCII)', () => {
    let b = zetTitel(drie(), 'Brief aan de Kamer — één overzicht');
    b = zetOnderdelen(b, 's3', { tekst: false, tabel: false });
    b = zetTekst(b, 's2', { sjabloon: 'De groei was {0}; ‘ruim’ {1}.', waarden: ['3,2 procent', '1.234'] });
    const link = codeer(b);
    expect(link).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeer(link)).toEqual({ briefing: b, fouten: [] });
  });

  it('leaves out the default title', () => {
    const link = codeer(drie());
    expect(JSON.parse(Buffer.from(link, 'base64url').toString())).toEqual({
      s: [
        ['duurzaamheid/uitkomst', 'basis=2021Q3&horizon=4', 7],
        ['regios/kaart', 'weergave=kaart&indicator=groei', 7],
        ['buig/jaar', '', 7],
      ],
    });
  });

  it('gives a reason for an unreadable link and never throws', () => {
    for (const raw of ['', '!!!', b64('niet json'), b64('[1,2]'), b64('{"s":5}'), 'x'.repeat(70_000)]) {
      expect(decodeer(raw)).toEqual({ briefing: null, fouten: ['de briefing in de link is onleesbaar'] });
    }
  });

  it('keeps the usable sections and names the others (renumbering the ids)', () => {
    const raw = b64(JSON.stringify({
      t: 'Nota',
      s: [
        ['bestaat/niet', '', 7],
        ['buig/jaar', 'jaar=2020', 5],
        ['regios/kaart', 42, 7],
        ['regios/kaart', '', 9],
        ['buig/gemeenten', '', 7, 'tekst {0}', [1]],
        'onzin',
        ['duurzaamheid/trend', 'horizon=8', 3, 'Na {0}.', ['twee jaar']],
      ],
    }));
    const { briefing, fouten } = decodeer(raw);
    expect(briefing).toEqual({
      titel: 'Nota',
      secties: [
        { id: 's1', view: 'buig/jaar', params: 'jaar=2020', onderdelen: { tekst: true, grafiek: false, tabel: true } },
        { id: 's2', view: 'duurzaamheid/trend', params: 'horizon=8', onderdelen: { tekst: true, grafiek: true, tabel: false }, tekst: { sjabloon: 'Na {0}.', waarden: ['twee jaar'] } },
      ],
    });
    expect(fouten).toEqual([
      "onderdeel 1 ('bestaat/niet') bestaat niet en is weggelaten",
      'onderdeel 3 heeft onleesbare filters en is weggelaten',
      'onderdeel 4 heeft een onbekende keuze van tekst, grafiek en tabel en is weggelaten',
      'de bewerkte tekst van onderdeel 5 is onleesbaar en is weggelaten',
      'onderdeel 6 is onleesbaar en is weggelaten',
    ]);
  });

  it('is the page parameter b: a message for what was left out, the rest shown', () => {
    const goed = serialiseRoute({ pagina: 'briefing', filters: { b: drie() } });
    expect(goed).toBe(`#/briefing?b=${codeer(drie())}`);
    const terug = parseHash(goed);
    expect(terug.meldingen).toEqual([]);
    expect((terug.route.filters as { b: Briefing }).b).toEqual(drie());

    const half = b64(JSON.stringify({ s: [['buig/jaar', '', 7], ['weg', '', 7]] }));
    const r = parseHash(`#/briefing?b=${half}`);
    expect((r.route.filters as { b: Briefing }).b.secties.map((s) => s.view)).toEqual(['buig/jaar']);
    expect(r.meldingen).toHaveLength(1);
    expect(r.meldingen[0]).toContain("onderdeel 2 ('weg') bestaat niet en is weggelaten");
    expect(r.meldingen[0]).toContain("Getoond wordt briefing: 'Briefing' met 1 onderdeel.");

    const kapot = parseHash('#/briefing?b=@@@');
    expect((kapot.route.filters as { b: Briefing | null }).b).toBeNull();
    expect(kapot.meldingen[0]).toContain('de briefing die in deze browser bewaard is');
    expect(kapot.canoniek).toBe('#/briefing');
  });
});
