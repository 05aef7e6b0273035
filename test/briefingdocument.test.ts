/**
 * The Briefing page's parts that need no browser: every view key has exactly one registry entry on
 * its own page, and the neutral export document is built from what a section shows (parts left
 * out stay out; the synthetic note only on synthetic data; the briefing's peildatum is the latest).
 */
import { describe, expect, it } from 'vitest';
import { VIEWS } from '../src/lib/briefing/sleutels.ts';
import type { BriefingInhoud } from '../src/lib/briefing/types.ts';
import { briefingDocument, briefingPeildatum, datumInWoorden, documentSectie } from '../src/pages/briefing/document.ts';
import { NOOT_SYNTHETISCH } from '../src/lib/charts/spec.ts';
import { REGISTER } from '../src/pages/briefing/register.ts';

const inhoud = (synthetisch: boolean, peildatum = '2024-12-31'): BriefingInhoud => ({
  kop: 'BUIG: resultaat 2024',
  alinea: ['In 2024 had ', { getal: 'ruim 72 procent' }, ' een tekort.'],
  data: {
    titel: 'Resultaat per jaar',
    bron: 'Synthetische demodata; bewerking Participatiemonitor',
    peildatum,
    synthetisch,
    kolommen: [{ key: 'jaar', label: 'Jaar', type: 'jaar' }],
    rijen: [{ jaar: 2024 }],
    voetnoten: ['Resultaat = budget − uitgaven.'],
  },
});

describe('the view registry', () => {
  it('has one entry per view key, on the page the key names', () => {
    expect([...REGISTER.keys()].sort()).toEqual(Object.keys(VIEWS).sort());
    for (const [sleutel, view] of REGISTER) {
      expect(view.sleutel).toBe(sleutel);
      expect(view.pagina).toBe(VIEWS[sleutel as keyof typeof VIEWS].pagina);
      expect(sleutel.startsWith(`${view.pagina}/`)).toBe(true);
    }
  });
});

describe('the export document', () => {
  it('takes the parts the section shows', () => {
    const alles = documentSectie(inhoud(true), { tekst: true, grafiek: true, tabel: true }, 'In 2024 had ruim 72 procent een tekort.', '<svg/>');
    expect(alles).toEqual({
      kop: 'BUIG: resultaat 2024',
      alinea: 'In 2024 had ruim 72 procent een tekort.',
      tabel: inhoud(true).data,
      grafiekSvg: '<svg/>',
      bronRegel: 'Bron: Synthetische demodata; bewerking Participatiemonitor; peildatum 31-12-2024',
      synthetischeNoot: NOOT_SYNTHETISCH,
      voetnoten: ['Resultaat = budget − uitgaven.'],
    });
    const kaal = documentSectie(inhoud(false), { tekst: false, grafiek: false, tabel: false }, 'tekst', '<svg/>');
    expect(kaal).toEqual({ kop: 'BUIG: resultaat 2024', bronRegel: 'Bron: Synthetische demodata; bewerking Participatiemonitor; peildatum 31-12-2024', voetnoten: ['Resultaat = budget − uitgaven.'] });
  });

  it('dates in words; the peildatum of the briefing is the latest of its sections', () => {
    expect(datumInWoorden(new Date(2026, 11, 6))).toBe('6 december 2026');
    expect(briefingPeildatum(['2024-09-30', '2024-12-31', '2023-03-31'])).toBe('31 december 2024');
    expect(briefingPeildatum(['2015–2017'])).toBe('2015–2017');
    expect(briefingPeildatum([])).toBe('onbekend');
    const doc = briefingDocument('Nota', new Date(2026, 0, 2), [{ sectie: documentSectie(inhoud(false), { tekst: true, grafiek: false, tabel: false }, 'x', undefined), peildatum: '2024-06-30' }], 'https://voorbeeld/#/briefing?b=abc');
    expect(doc).toMatchObject({ titel: 'Nota', datum: '2 januari 2026', peildatum: '30 juni 2024', adres: 'https://voorbeeld/#/briefing?b=abc' });
    expect(doc.secties).toHaveLength(1);
  });
});
