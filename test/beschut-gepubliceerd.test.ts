import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AFGELEID, BESCHERMD, isOnderdrukt } from '../src/lib/format/disclosure.ts';
import type { MaandRij, PlekkenRij } from '../src/lib/metrics/beschut.ts';
import { benodigdeMaanden, leesGepubliceerdBeschut } from '../src/lib/published/beschut.ts';
import { vergelijkingData, vergelijkingen } from '../src/pages/beschut-werk/gepubliceerd.ts';

const csv = readFileSync(new URL('../data/published/beschut_werk.csv', import.meta.url), 'utf8');
const { cijfers, nietVergeleken } = leesGepubliceerdBeschut(csv);
const vind = (omschrijving: RegExp, periode: string) => cijfers.find((c) => omschrijving.test(c.omschrijving) && c.periode === periode)!;

/** National months as the letter of 30 June 2017 counts them: 2016 gemeente 540 / 388; 2017 Jan–May gemeente 320 / 261, burger 570 / 340. */
function maanden(): MaandRij[] {
  const uit: MaandRij[] = [];
  const zet = (maand: string, g: [number, number], b: [number, number]) => {
    for (const [aanvrager, [n, p]] of [['burger', b], ['gemeente', g], ['totaal', [g[0] + b[0], g[1] + b[1]]]] as const) {
      uit.push({ maand, aanvrager, beoordelingen: n, positief: p, pctPositief: n ? (100 * p) / n : null, wilsonOnder: null, wilsonBoven: null });
    }
  };
  for (let m = 1; m <= 12; m++) zet(`2016-${String(m).padStart(2, '0')}`, [45, m <= 4 ? 33 : 32], [0, 0]);
  const g2017: [number, number][] = [[60, 47], [62, 49], [68, 57], [62, 51], [68, 57]];
  const b2017: [number, number][] = [[12, 7], [80, 46], [144, 83], [155, 89], [179, 115]];
  for (let m = 0; m < 5; m++) zet(`2017-0${m + 1}`, g2017[m], b2017[m]);
  return uit;
}
const plekken: PlekkenRij[] = [
  ['2016-12-31', 313, 0], ['2017-09-30', 966, 2600], ['2017-12-31', 1184, 2600], ['2018-03-31', 1465, 4600],
].map(([peildatum, p, t]) => ({ peildatum: peildatum as string, plekken: p as number, taakstelling: t as number, realisatiePct: null, gemeenten: 342, gemeentenZonderPlek: 100, pctGemeentenZonderPlek: 29.24 }));

describe('published beschut werk figures with their computed twins', () => {
  it('reads the letter of 30 June 2017 and the later stocks, and keeps the contradiction with its arithmetic', () => {
    expect(vind(/^Beoordelingen, op verzoek van gemeenten/, 'januari t/m mei 2017').waarde).toBe(320);
    expect(vind(/^Positieve adviezen, op verzoek van burgers/, 'januari t/m mei 2017').waarde).toBe(340);
    const pct = vind(/^Percentage positief, totaal/, 'januari t/m mei 2017');
    expect(pct.waarde).toBe(71);
    expect(pct.rekensom).toBe('601 / 890 = 67,5%');
    expect(pct.noot).toMatch(/^De bron noemt 71%, maar de eigen aantallen van de bron geven 67,5%/);
    // Only that percentage contradicts its own counts (261/320 = 81,6 → 82; 340/570 = 59,6 → 60; 388/540 = 71,9 → 72).
    expect(cijfers.filter((c) => c.rekensom).map((c) => c.regel)).toEqual([pct.regel]);
    expect(vind(/^Beoordelingen, op verzoek van gemeenten/, 'heel 2016').waarde).toBe(540);
    expect(['januari 2017', 'maart 2017', 'mei 2017'].map((p) => vind(/^Beoordelingen, op verzoek van burgers/, p).waarde)).toEqual([12, 144, 179]);
    expect(['31 december 2016', '31 december 2017', '31 maart 2018'].map((p) => vind(/^Mensen werkzaam/, p).waarde)).toEqual([313, 1184, 1465]);
    expect(cijfers[0].citatie.label).toBe('Brief van de staatssecretaris van SZW aan de Eerste Kamer, 30 juni 2017 (Kamerstukken I, 33 981, N)');
    expect(nietVergeleken.map((r) => r.indicator)).toContain('bonus_beschut_uitgekeerd_mln_eur');
    expect(benodigdeMaanden(cijfers)).toEqual({ van: '2016-01', tot: '2017-05' });
  });

  it('sets each published figure next to its computed twin with the difference', () => {
    const v = vergelijkingen(cijfers, maanden(), plekken);
    const twin = (re: RegExp, periode: string) => v.find((x) => re.test(x.cijfer.omschrijving) && x.cijfer.periode === periode)!;
    expect([twin(/^Beoordelingen, totaal/, 'januari t/m mei 2017').berekend, twin(/^Positieve adviezen, totaal/, 'januari t/m mei 2017').berekend]).toEqual([890, 601]);
    const pct = twin(/^Percentage positief, totaal/, 'januari t/m mei 2017');
    expect(pct.berekend).toBeCloseTo((100 * 601) / 890, 10);
    expect(pct.verschil).toBeCloseTo((100 * 601) / 890 - 71, 10);
    expect(twin(/^Beoordelingen per maand/, 'januari t/m mei 2017').berekend).toBe(64);
    expect(twin(/^Positieve adviezen, op verzoek van gemeenten/, 'heel 2016').berekend).toBe(388);
    expect(twin(/^Beoordelingen, op verzoek van burgers/, 'maart 2017').berekend).toBe(144);
    expect(twin(/^Mensen werkzaam/, '31 december 2017')).toMatchObject({ berekend: 1184, verschil: 0 });
    // Not in these months or peildata: no twin rather than a wrong one.
    expect(twin(/^Mensen werkzaam/, '30 juni 2022').berekend).toBeNull();
    // The monthly 58% of burgers in January rests on 7 of 12: 5 negative (< 10) → hidden, never a number.
    const jan = twin(/^Percentage positief, op verzoek van burgers/, 'januari 2017');
    expect(isOnderdrukt(jan.berekend)).toBe(true);
    const data = vergelijkingData(v, { selectie: '', bron: 'test', peildatum: '2017-05-31', synthetisch: false });
    const rij = data.rijen.find((r) => r.cijfer === 'Percentage positief, totaal, januari t/m mei 2017')!;
    expect([rij.gepubliceerd, rij.berekend, rij.verschil, rij.rekensom]).toEqual(['71%', '67,5%', '-3,5 procentpunt', '601 / 890 = 67,5%']);
    expect(data.rijen.find((r) => r.cijfer === 'Beoordelingen, totaal, januari t/m mei 2017')).toMatchObject({ gepubliceerd: '890', berekend: '890', verschil: '0' });
  });

  it('a hidden twin says its true reason: "x" to protect another where its counts are 10 or more, small only where one is under 10', () => {
    const v = vergelijkingen(cijfers, maanden(), plekken);
    const verborgen = v.filter((x) => isOnderdrukt(x.berekend)).map((x) => [x.cijfer.omschrijving.replace('Percentage positief, op verzoek van ', ''), x.cijfer.periode, x.berekend, x.verschil]);
    // January's burgers: 7 of 12 (7 < 10, a share on a small group); the others 46–115 of 60–179,
    // hidden to protect January's (before: every hidden share said "kleiner dan 10").
    expect(verborgen).toEqual([
      ['burgers', 'januari 2017', AFGELEID, AFGELEID],
      ['burgers', 'mei 2017', BESCHERMD, BESCHERMD],
      ['gemeenten', 'januari 2017', BESCHERMD, BESCHERMD],
      ['gemeenten', 'maart 2017', BESCHERMD, BESCHERMD],
      ['gemeenten', 'mei 2017', BESCHERMD, BESCHERMD],
    ]);
    expect(vergelijkingData(v, { selectie: '', bron: 'x', peildatum: 'x', synthetisch: true }).rijen.find((r) => r.cijfer === 'Percentage positief, op verzoek van gemeenten, maart 2017')?.afwijking).toBe(BESCHERMD);
  });
});

