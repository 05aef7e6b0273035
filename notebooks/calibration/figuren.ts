/**
 * Every published figure in data/published/, mapped to how the dashboard computes its twin from the
 * extracts (a `Berekening`), or to the reason why it has none. Rules that apply to a whole group of
 * figures (definition breaks, source conflicts) are written here once, with their reason.
 */
import type { PublishedSet } from '../../src/lib/published/reference.ts';
import type { BanenSplitsing } from '../../src/lib/metrics/banen.ts';

export type Eenheid = 'aantal' | 'banen' | 'pct' | 'mln' | 'mld' | 'jaren';

export type Berekening =
  | { k: 'register'; kw: string; veld: 'personen' | 'werkzaam' | 'werkzaamPct'; regio?: string }
  | { k: 'registerVerschil'; kw: string; regio?: string }
  | { k: 'werkzaamGroei'; van: string; tot: string }
  | { k: 'banen'; kw: string; split: BanenSplitsing; groep: string; extra: boolean; regio?: string }
  | { k: 'banenMutatie'; kw: string; terug: number; split: BanenSplitsing; groep: string; pct: boolean }
  | { k: 'aandeelInleen'; kw: string; sector: 'markt' | 'overheid' }
  | { k: 'achterstand'; kw: string; doel: number }
  | { k: 'groei'; van: string; tot: string; pct: boolean }
  | { k: 'cohort'; basis: string; veld: 'werkzaamPct' | 'werkVerlorenPct' | 'uitRegisterPct' | 'steedsWerkzaamPct' | 'zelfdeBaanPct'; groep: string }
  | { k: 'uitstroomReden'; basis: string; reden: string }
  | { k: 'contract'; kw: string; veld: 'urenOnbepaaldPct' | 'gemBaanduurJaren' }
  | { k: 'contractGroei'; van: string; tot: string; veld: 'uren' | 'urenOnbepaald' | 'urenBepaald' }
  | { k: 'starters'; basis: string; veld: 'werkzaamNa1JaarPct' | 'werkzaamNa2JaarPct' | 'zelfdeBaanNa1JaarPct' }
  | { k: 'beschutPeriode'; van: string; tot: string; aanvrager: string; veld: 'beoordelingen' | 'positief' | 'pctPositief' | 'gemiddeldPerMaand' }
  | { k: 'beschutCumPositief'; tot: string }
  | { k: 'plekken'; peildatum: string; regio?: string; veld: 'plekken' | 'taakstelling' | 'pctGemeentenZonderPlek' }
  | { k: 'plekkenMutatie'; peildatum: string; vorige: string }
  | { k: 'buig'; jaar: number; veld: BuigVeld; teken: 1 | -1 }
  | { k: 'buigVerschil'; jaar: number; veld: 'voorlopigMinDefVorig' }
  | { k: 'buigCum'; van: number; tot: number; veld: 'saldo' | 'saldoPct' };

export type BuigVeld =
  | 'voorlopig' | 'definitief' | 'uitgaven' | 'saldo' | 'saldoPct' | 'bijstelling' | 'mutatieDefinitief'
  | 'mutatieDefinitiefPct' | 'mutatieUitgavenPct' | 'pctGemeentenTekort' | 'pctGemeentenTekort5' | 'gemeentenTekort';

export type Onderwerp = 'Doelgroepregister' | 'Banen' | 'Duurzaamheid' | 'Beschut werk' | 'BUIG' | 'Regio’s';

export interface Figuur {
  id: string;
  onderwerp: Onderwerp;
  bestand: string;
  indicator: string;
  /** Human label of the indicator (Dutch). */
  omschrijving: string;
  groep: string;
  /** Peildatum or period as published. */
  periode: string;
  gepubliceerd: number;
  eenheid: Eenheid;
  source: string;
  quote: string;
  berekening: Berekening | null;
  /** Why there is no computed twin (when berekening is null). */
  nietBerekenbaar?: string;
  /** A documented definition break or source conflict: shown, but not held to the tolerance. */
  uitzondering?: string;
  /** A note shown with the figure (e.g. a corrected peildatum). */
  noot?: string;
}

/** 'yyyy-mm-dd' → '2021Q3'. */
export function kwVanDatum(d: string): string {
  const m = /^(\d{4})-(\d{2})/.exec(d);
  if (!m) throw new Error(`geen datum: ${d}`);
  return `${m[1]}Q${Math.floor((Number(m[2]) - 1) / 3) + 1}`;
}
function kwPlus(kw: string, n: number): string {
  const [j, q] = kw.split('Q').map(Number);
  const i = j * 4 + q - 1 + n;
  return `${Math.floor(i / 4)}Q${(i % 4) + 1}`;
}
function kwEinde(kw: string): string {
  const [j, q] = kw.split('Q').map(Number);
  return new Date(Date.UTC(j, q * 3, 0)).toISOString().slice(0, 10);
}

const NULMETING_KW = '2012Q4';

/** Trend figures at a Q4 that also has a jaarmeting: the microdata follow the jaarmeting (SOURCES.md §1). */
const TREND_VS_METING = 'Trendcijfer over een vierde kwartaal waarvoor ook een officiële jaarmeting bestaat; trend en meting zijn "niet geheel op dezelfde gegevensset gebaseerd" (SOURCES.md §1). De microdata volgen de jaarmeting, dus dit trendcijfer (of een mutatie die dat kwartaal raakt) kan afwijken.';

export function figuren(pub: PublishedSet): Figuur[] {
  const uit: Figuur[] = [];
  let n = 0;
  const voeg = (f: Omit<Figuur, 'id'>) => uit.push({ id: `${f.bestand.replace('.csv', '')}#${++n}`, ...f });

  // ── doelgroepregister.csv ──
  for (const r of pub.register) {
    const kw = kwVanDatum(r.peildatum);
    const basis = { onderwerp: 'Doelgroepregister' as const, bestand: 'doelgroepregister.csv', indicator: r.indicator, groep: 'totaal', periode: r.peildatum, gepubliceerd: r.waarde, source: r.source, quote: r.quote };
    const breuk = r.peildatum === '2015-09-30'
      ? 'Definitiebreuk: de eerste trendrapportage (Q3 2015) telde personen met een geldige grondslag inclusief Wsw-beschut; vanaf Q4 2015 exclusief, met een herziene nulmeting (SOURCES.md §2). Niet aan te sluiten op de latere reeks.'
      : undefined;
    if (r.indicator === 'verschil_tov_nulmeting') {
      voeg({ ...basis, omschrijving: 'Verschil register t.o.v. nulmeting', eenheid: 'aantal', berekening: { k: 'registerVerschil', kw }, uitzondering: breuk });
    } else if (r.indicator === 'werkzame_personen') {
      voeg({ ...basis, omschrijving: 'Werkzame personen uit de doelgroep', eenheid: 'aantal', berekening: { k: 'register', kw, veld: 'werkzaam' } });
    } else if (r.indicator === 'pct_werkzaam') {
      voeg({ ...basis, omschrijving: 'Aandeel werkzaam', eenheid: 'pct', berekening: { k: 'register', kw, veld: 'werkzaamPct' } });
    } else {
      voeg({ ...basis, omschrijving: 'Personen in het doelgroepregister', eenheid: 'aantal', berekening: { k: 'register', kw, veld: 'personen' }, uitzondering: breuk,
        noot: r.indicator === 'personen_doelgroep_banenafspraak' ? 'Dashboard-definitie "personen in de doelgroep banenafspraak"; hier gelijkgesteld aan het register.' : undefined });
    }
  }

  // ── banenafspraak_realisatie.csv ──
  const jmKw = new Set(pub.realisatie.filter((r) => /jaarmeting/.test(r.meting)).map((r) => kwVanDatum(r.peildatum)));
  for (const r of pub.realisatie) {
    const kw = kwVanDatum(r.peildatum);
    const jm = /jaarmeting/.test(r.meting);
    const spec: Record<string, [BanenSplitsing, string]> = jm
      ? { totaal: ['totaal', 'totaal'], markt: ['sector', 'markt'], overheid: ['sector', 'overheid'] }
      : { totaal: ['totaal', 'totaal'], regulier: ['inleen', 'regulier'], inleen: ['inleen', 'inleen'], markt: ['sector_inleen', 'markt regulier'], overheid: ['sector_inleen', 'overheid regulier'] };
    const [split, groep] = spec[r.sector];
    voeg({
      onderwerp: 'Banen', bestand: 'banenafspraak_realisatie.csv', indicator: `extra banen (${r.meting})`,
      omschrijving: `Extra banen t.o.v. nulmeting, ${jm ? r.sector + (r.sector === 'totaal' ? '' : ' (incl. inleen)') : r.sector === 'markt' || r.sector === 'overheid' ? r.sector + ' (regulier)' : r.sector}`,
      groep: r.sector, periode: r.peildatum, gepubliceerd: r.extraBanen, eenheid: 'banen', source: r.source, quote: r.quote,
      berekening: { k: 'banen', kw, split, groep, extra: true },
      uitzondering: !jm && jmKw.has(kw) ? TREND_VS_METING : undefined,
    });
  }

  // ── banenafspraak_aanvullend.csv ──
  for (const r of pub.aanvullend) {
    const kw = kwVanDatum(r.peildatum);
    const basis = { onderwerp: 'Banen' as const, bestand: 'banenafspraak_aanvullend.csv', indicator: r.indicator, periode: r.peildatum, gepubliceerd: r.waarde, source: r.source, quote: r.quote };
    const m = /^mutatie_(jaar|kwartaal)_(inleen|regulier|markt|overheid|totaal)(_jaarmeting)?(_pct)?$/.exec(r.indicator);
    if (r.indicator === 'nulmeting_totaal_banen' || r.indicator.startsWith('totaal_banen_incl_nulmeting')) {
      voeg({ ...basis, omschrijving: 'Totaal banen incl. nulmeting', groep: 'totaal', eenheid: 'banen', berekening: { k: 'banen', kw, split: 'totaal', groep: 'totaal', extra: false },
        uitzondering: r.indicator.endsWith('kwartaalcijfers') && jmKw.has(kw) ? TREND_VS_METING : undefined });
    } else if (r.indicator.startsWith('aandeel_inleenuren_')) {
      const sector = r.indicator.includes('markt') ? 'markt' : 'overheid';
      voeg({ ...basis, omschrijving: `Aandeel inleenuren bij ${sector} (verdeelsleutel SEO)`, groep: sector, eenheid: 'pct', berekening: { k: 'aandeelInleen', kw, sector } });
    } else if (r.indicator === 'achterstand_op_doelstelling') {
      const doel = pub.doelen.find((d) => d.jaar === Number(r.peildatum.slice(0, 4)) && d.sector === 'totaal');
      voeg({ ...basis, omschrijving: 'Achterstand op de doelstelling', groep: 'totaal', eenheid: 'banen', berekening: doel ? { k: 'achterstand', kw, doel: doel.doelCumulatief } : null,
        nietBerekenbaar: doel ? undefined : 'Geen doelstelling voor dit jaar gepubliceerd.' });
    } else if (m) {
      const terug = m[1] === 'jaar' ? 4 : 1;
      const jmVar = m[3] !== undefined;
      const wat = m[2];
      const [split, groep]: [BanenSplitsing, string] = wat === 'totaal' ? ['totaal', 'totaal']
        : wat === 'inleen' || wat === 'regulier' ? ['inleen', wat]
        : jmVar ? ['sector', wat] : ['sector_inleen', `${wat} regulier`];
      const raakt = jmKw.has(kw) || jmKw.has(kwPlus(kw, -terug));
      voeg({ ...basis, omschrijving: `Mutatie ${m[1] === 'jaar' ? 'in een jaar' : 'in een kwartaal'}, ${wat}${!jmVar && (wat === 'markt' || wat === 'overheid') ? ' (regulier)' : ''}${m[4] ? ' (%)' : ''}`,
        groep: wat, eenheid: m[4] ? 'pct' : 'banen', berekening: { k: 'banenMutatie', kw, terug, split, groep, pct: m[4] !== undefined },
        uitzondering: !jmVar && raakt ? TREND_VS_METING : undefined });
    } else {
      voeg({ ...basis, omschrijving: r.indicator, groep: 'totaal', eenheid: 'banen', berekening: null, nietBerekenbaar: 'Geen berekening gedefinieerd.' });
    }
  }

  // ── banenafspraak_doelen.csv: targets, not measurements ──
  for (const d of pub.doelen) {
    voeg({ onderwerp: 'Banen', bestand: 'banenafspraak_doelen.csv', indicator: 'doel_extra_banen_cumulatief', omschrijving: `Doelstelling extra banen, ${d.sector}`,
      groep: d.sector, periode: String(d.jaar), gepubliceerd: d.doelCumulatief, eenheid: 'banen', source: d.source, quote: d.quote,
      berekening: null, nietBerekenbaar: 'Doelstelling (sociaal akkoord, wet), geen meting: er is niets om uit de microdata te berekenen.' });
  }

  // ── duurzaamheid.csv ──
  for (const r of pub.duurzaamheid) {
    const basis = { onderwerp: 'Duurzaamheid' as const, bestand: 'duurzaamheid.csv', indicator: r.indicator, groep: r.groep, periode: `${r.periodeStart} → ${r.periodeEind}`, gepubliceerd: r.waarde, source: r.source, quote: r.quote };
    const start = /Q/.test(r.periodeStart) ? r.periodeStart : `${r.periodeStart}Q3`;
    const noot = /Q/.test(r.periodeStart) ? undefined : `De bron noemt alleen het jaar; berekend op ${start} (het peilmoment van de andere UWV-studies).`;
    const cohortVeld: Record<string, 'werkzaamPct' | 'werkVerlorenPct' | 'uitRegisterPct' | 'steedsWerkzaamPct' | 'zelfdeBaanPct'> = {
      werkzaam_na_1_jaar_pct: 'werkzaamPct', werk_verloren_pct: 'werkVerlorenPct', uit_register_pct: 'uitRegisterPct',
      werkzaam_alle_tussenliggende_pct: 'steedsWerkzaamPct', zelfde_baan_pct: 'zelfdeBaanPct',
    };
    const oms: Record<string, string> = {
      werkzaam_na_1_jaar_pct: 'Na een jaar (weer) werkzaam', werk_verloren_pct: 'Werk verloren na een jaar', uit_register_pct: 'Uit het register na een jaar',
      werkzaam_alle_tussenliggende_pct: 'Werkzaam op alle tussenliggende peilmomenten', zelfde_baan_pct: 'Na een jaar in dezelfde baan',
      uren_vast_contract_pct: 'Aandeel verloonde uren met vast contract', gem_contractduur_jaren: 'Gemiddelde duur lopende banen (jaren)',
      starters_werkzaam_na_1_jaar_pct: 'Starters: werkzaam een jaar na de start', starters_werkzaam_na_2_jaar_pct: 'Starters: werkzaam twee jaar na de start',
      starters_zelfde_baan_pct: 'Starters: na een jaar in dezelfde baan', uitstroom_reden_wsw_beschut_pct: 'Uitstroom uit het register: naar Wsw-beschut',
      toename_inkomstenverhoudingen_pct: 'Toename inkomstenverhoudingen in een jaar', zelfde_baan_meer_dan_jaar_pct: 'Langer dan een jaar in dezelfde baan',
      groei_uren_onbepaalde_tijd_pct: 'Groei uren met vast contract', groei_uren_bepaalde_tijd_pct: 'Groei uren met tijdelijk contract', groei_verloonde_uren_pct: 'Groei verloonde uren',
    };
    const omschrijving = oms[r.indicator] ?? r.indicator;
    const eenheid: Eenheid = r.indicator.endsWith('_jaren') ? 'jaren' : 'pct';
    let berekening: Berekening | null = null;
    let nietBerekenbaar: string | undefined;
    if (cohortVeld[r.indicator]) berekening = { k: 'cohort', basis: start, veld: cohortVeld[r.indicator], groep: r.groep };
    else if (r.indicator === 'uitstroom_reden_wsw_beschut_pct') berekening = { k: 'uitstroomReden', basis: start, reden: 'Wsw-beschut' };
    else if (r.indicator === 'uren_vast_contract_pct') berekening = { k: 'contract', kw: r.periodeEind, veld: 'urenOnbepaaldPct' };
    else if (r.indicator === 'gem_contractduur_jaren') berekening = { k: 'contract', kw: /Q/.test(r.periodeEind) ? r.periodeEind : `${r.periodeEind}Q3`, veld: 'gemBaanduurJaren' };
    else if (r.indicator.startsWith('starters_')) {
      const basisKw = kwPlus(r.periodeStart, 3); // start window s = t−3 … t
      const veld = r.indicator === 'starters_werkzaam_na_2_jaar_pct' ? 'werkzaamNa2JaarPct' : r.indicator === 'starters_zelfde_baan_pct' ? 'zelfdeBaanNa1JaarPct' : 'werkzaamNa1JaarPct';
      berekening = { k: 'starters', basis: basisKw, veld };
    } else if (r.indicator === 'toename_inkomstenverhoudingen_pct') berekening = { k: 'werkzaamGroei', van: r.periodeStart, tot: r.periodeEind };
    else if (r.indicator.startsWith('groei_')) {
      const veld = r.indicator === 'groei_uren_onbepaalde_tijd_pct' ? 'urenOnbepaald' : r.indicator === 'groei_uren_bepaalde_tijd_pct' ? 'urenBepaald' : 'uren';
      berekening = { k: 'contractGroei', van: r.periodeStart, tot: r.periodeEind, veld };
    } else if (r.indicator === 'zelfde_baan_meer_dan_jaar_pct') {
      nietBerekenbaar = 'De brief zegt niet of dit alle werkenden of alleen starters betreft (SOURCES.md §3); zonder definitie geen berekening.';
    }
    voeg({ ...basis, omschrijving, eenheid, berekening, nietBerekenbaar, noot });
  }

  // ── beschut_werk.csv ──
  for (const r of pub.beschut) {
    const basis = { onderwerp: 'Beschut werk' as const, bestand: 'beschut_werk.csv', indicator: r.indicator, groep: r.aanvrager, periode: r.periode, gepubliceerd: r.waarde, source: r.source, quote: r.quote };
    const periode = /^(\d{4})-(\d{2})\/(\d{4})-(\d{2})$/.exec(r.periode);
    const maand = /^(\d{4})-(\d{2})$/.exec(r.periode);
    const jaar = /^(\d{4})$/.exec(r.periode);
    const [van, tot] = periode ? [`${periode[1]}-${periode[2]}`, `${periode[3]}-${periode[4]}`] : maand ? [r.periode, r.periode] : jaar ? [`${jaar[1]}-01`, `${jaar[1]}-12`] : [null, null];
    const veld = { beoordelingen: 'beoordelingen', beoordelingen_positief: 'positief', pct_positief: 'pctPositief', beoordelingen_gemiddeld_per_maand: 'gemiddeldPerMaand' }[r.indicator] as
      'beoordelingen' | 'positief' | 'pctPositief' | 'gemiddeldPerMaand' | undefined;
    if (veld && van && tot) {
      const oms = { beoordelingen: 'Beoordelingen beschut werk', positief: 'Positieve adviezen', pctPositief: 'Aandeel positief', gemiddeldPerMaand: 'Beoordelingen per maand (gemiddeld)' }[veld];
      voeg({ ...basis, omschrijving: `${oms}, aanvrager ${r.aanvrager}`, eenheid: veld === 'pctPositief' ? 'pct' : 'aantal', berekening: { k: 'beschutPeriode', van, tot, aanvrager: r.aanvrager, veld },
        uitzondering: r.indicator === 'pct_positief' && r.aanvrager === 'totaal' && r.periode === '2017-01/2017-05'
          ? 'Bron inconsistent: 601 positief van 890 beoordelingen is 67,5%, de tabel in de brief noemt 71% (het ongewogen gemiddelde van 82% en 60%). De aantallen zijn gekalibreerd, het percentage volgt daaruit.'
          : undefined });
    } else if (r.indicator === 'werkzaam_beschut') {
      const pd = r.periode === '2016 (medio)' ? '2016-06-30' : r.periode === '2020-03-31' ? '2021-03-31' : r.periode;
      voeg({ ...basis, omschrijving: 'Werkzaam op een beschutte werkplek', eenheid: 'aantal', berekening: { k: 'plekken', peildatum: pd, veld: 'plekken' },
        noot: r.periode === '2020-03-31' ? 'Gedrukt als 31 maart 2020; uit publicatiedatum en reeks volgt 31 maart 2021 (SOURCES.md §4). Vergeleken op 2021-03-31.'
          : r.periode === '2016 (medio)' ? 'Vergeleken op 30 juni 2016.' : undefined });
    } else if (r.indicator === 'mutatie_kwartaal_werkzaam_beschut') {
      const pd = r.periode === '2020-03-31' ? '2021-03-31' : r.periode;
      const vorige = kwEinde(kwPlus(kwVanDatum(pd), -1));
      voeg({ ...basis, omschrijving: 'Toename werkzaam beschut in een kwartaal', eenheid: 'aantal', berekening: { k: 'plekkenMutatie', peildatum: pd, vorige },
        noot: r.periode === '2020-03-31' ? 'Gedrukt als 31 maart 2020, vergeleken op 2021-03-31 (SOURCES.md §4).' : undefined });
    } else if (r.indicator === 'personen_met_advies_beschut' || r.indicator === 'personen_met_positief_advies_beschut') {
      const pd = r.periode === '2020-03-31' ? '2021-03-31' : r.periode;
      voeg({ ...basis, omschrijving: 'Personen met een positief advies beschut werk (cumulatief)', eenheid: 'aantal', berekening: { k: 'beschutCumPositief', tot: pd },
        noot: `Berekend als het aantal positieve adviezen sinds 2015 tot en met ${pd} (één advies per persoon).${r.periode === '2020-03-31' ? ' Gedrukt als 31 maart 2020 (SOURCES.md §4).' : ''}` });
    } else if (r.indicator.startsWith('taakstelling')) {
      voeg({ ...basis, omschrijving: `Taakstelling beschut werk (${r.indicator.replace('taakstelling_', '').replaceAll('_', ' ')})`, eenheid: 'aantal',
        berekening: { k: 'plekken', peildatum: `${r.periode}-12-31`, veld: 'taakstelling' },
        noot: r.indicator === 'taakstelling_beoogd' ? 'De bron zegt "De bedoeling was…": een voornemen, niet de regeling zelf.' : undefined });
    } else if (r.indicator === 'pct_gemeenten_geen_beschut_werk' && r.periode === '2016') {
      voeg({ ...basis, omschrijving: 'Aandeel gemeenten zonder beschut werk', eenheid: 'pct', berekening: { k: 'plekken', peildatum: '2016-12-31', veld: 'pctGemeentenZonderPlek' },
        noot: 'Berekend als het aandeel gemeenten zonder gerealiseerde plek op 31-12-2016.' });
    } else {
      const reden: Record<string, string> = {
        raming_financiering_werkplekken: 'Raming voor de financiering, geen realisatie.',
        pct_met_baan_3_maanden_na_positief_advies: 'Vraagt een koppeling advies → persoon → plek; de extracten koppelen adviezen en plekken niet op persoonsniveau.',
        bonus_beschut_beschikbaar_mln_eur: 'Financiële regeling (bonus), niet in de extracten.',
        bonus_beschut_uitgekeerd_mln_eur: 'Financiële regeling (bonus), niet in de extracten.',
        pct_gemeenten_geen_beschut_werk: 'Enquête naar het voornemen van gemeenten (2015), geen registratie van plekken.',
      };
      voeg({ ...basis, omschrijving: r.indicator, eenheid: r.indicator.startsWith('pct') ? 'pct' : 'aantal', berekening: null, nietBerekenbaar: reden[r.indicator] ?? 'Geen berekening gedefinieerd.' });
    }
  }

  // ── buig_macrobudget.csv ──
  for (const r of pub.buig) {
    const eenheid: Eenheid = r.eenheid === 'mln_eur' ? 'mln' : r.eenheid === 'mld_eur' ? 'mld' : r.eenheid === 'pct' ? 'pct' : 'aantal';
    const basis = { onderwerp: 'BUIG' as const, bestand: 'buig_macrobudget.csv', indicator: r.indicator, groep: 'landelijk', periode: r.jaar, gepubliceerd: r.waarde, eenheid, source: r.source, quote: r.quote };
    const jaar = Number(r.jaar);
    const b = (veld: BuigVeld, teken: 1 | -1 = 1): Berekening => ({ k: 'buig', jaar, veld, teken });
    const ind = r.indicator;
    let berekening: Berekening | null = null;
    let nietBerekenbaar: string | undefined;
    let uitzondering: string | undefined;
    let omschrijving = ind;
    if (/^tekort_landelijk(_ca_szw_voorlopig|_excl_vangnet)?$/.test(ind)) { berekening = b('saldo', -1); omschrijving = 'Landelijk tekort (budget − uitgaven)'; }
    else if (/^tekort_landelijk_pct(_szw_voorlopig)?$/.test(ind)) { berekening = b('saldoPct', -1); omschrijving = 'Landelijk tekort in % van het budget'; }
    else if (/^overschot_landelijk(_ca|_voorlopig)?$/.test(ind)) { berekening = b('saldo'); omschrijving = 'Landelijk overschot'; }
    else if (ind === 'overschot_landelijk_pct_voorlopig') { berekening = b('saldoPct'); omschrijving = 'Landelijk overschot in % van het budget'; }
    else if (ind === 'saldo_cumulatief_ca' || ind === 'saldo_cumulatief_pct') {
      const [v, t] = r.jaar.split('-').map(Number);
      berekening = { k: 'buigCum', van: v, tot: t, veld: ind.endsWith('pct') ? 'saldoPct' : 'saldo' };
      omschrijving = ind.endsWith('pct') ? 'Cumulatief saldo in % van het cumulatieve budget' : 'Cumulatief saldo';
    } else if (ind === 'pct_gemeenten_met_tekort') { berekening = b('pctGemeentenTekort'); omschrijving = 'Aandeel gemeenten met een tekort'; }
    else if (ind === 'pct_gemeenten_tekort_min_5pct') { berekening = b('pctGemeentenTekort5'); omschrijving = 'Aandeel gemeenten met een tekort van minstens 5%'; }
    else if (ind === 'aantal_gemeenten_met_tekort') {
      berekening = b('gemeentenTekort'); omschrijving = 'Aantal gemeenten met een tekort';
      uitzondering = 'Telling op de gemeentelijke indeling van 2017 (380 gemeenten); de extracten gebruiken de indeling van 2026 (342 gemeenten). Het aandeel (79%) is wel gekalibreerd.';
    } else if (/^voorlopig_macrobudget(_alt)?$/.test(ind) || ind === 'rijksbegroting_macrobudget_vastgestelde_begroting') {
      berekening = b('voorlopig'); omschrijving = 'Voorlopig macrobudget';
      if (ind.startsWith('rijksbegroting')) {
        uitzondering = 'Begrotingsregel "Macrobudget participatiewetuitkering en intertemporele tegemoetkoming": bevat de intertemporele tegemoetkoming, niet precies het macrobudget (SOURCES.md §5). Ter vergelijking getoond.';
      }
    } else if (['macrobudget_beschikbaar', 'macrobudget_gebundelde_uitkering_tabel', 'budget_na_aftrek_vangnetreservering', 'rijksbegroting_macrobudget_stand_2e_suppletoire'].includes(ind)) {
      berekening = b('definitief'); omschrijving = 'Definitief macrobudget';
      if (ind.startsWith('rijksbegroting')) uitzondering = 'Begrotingsregel inclusief intertemporele tegemoetkoming (SOURCES.md §5); ter vergelijking met het definitieve budget getoond.';
    } else if (ind === 'mutatie_definitief_tov_voorlopig') { berekening = b('bijstelling'); omschrijving = 'Definitief t.o.v. voorlopig budget'; }
    else if (ind === 'mutatie_definitief_tov_vorig_jaar') { berekening = b('mutatieDefinitief'); omschrijving = 'Definitief budget t.o.v. vorig jaar'; }
    else if (ind === 'mutatie_tov_vorig_jaar_pct') { berekening = b('mutatieDefinitiefPct'); omschrijving = 'Definitief budget t.o.v. vorig jaar (%)'; }
    else if (ind === 'mutatie_bijstandsuitgaven_pct') { berekening = b('mutatieUitgavenPct'); omschrijving = 'Mutatie bijstandsuitgaven (%)'; }
    else if (ind === 'voorlopig_macrobudget_tov_definitief_2016' || ind === 'voorlopig_macrobudget_tov_definitief_vorig_jaar') {
      berekening = { k: 'buigVerschil', jaar, veld: 'voorlopigMinDefVorig' }; omschrijving = 'Voorlopig budget t.o.v. definitief budget vorig jaar';
    } else if (['uitgaven_bijstandsuitkeringen', 'uitgaven_bijstand', 'bijstandslasten'].includes(ind)) {
      berekening = b('uitgaven'); omschrijving = 'Uitgaven bijstand';
      uitzondering = 'Bruto uitgaven (lasten vóór terugvordering en verhaal); het extract bevat de netto uitgaven die tegen het budget worden afgezet (bijv. 2022: 6.134 − 123 baten = 6.011 mln).';
    } else if (ind === 'tekort_landelijk_divosa_voorlopig' || ind === 'tekort_landelijk_pct_divosa_voorlopig') {
      berekening = ind.endsWith('pct_divosa_voorlopig') ? b('saldoPct', -1) : b('saldo', -1); omschrijving = ind.includes('pct') ? 'Landelijk tekort in % (Divosa)' : 'Landelijk tekort (Divosa)';
      uitzondering = 'Bronconflict 2016: SZW noemt ca. € 270 mln (4,8%), Divosa € 332 mln (5,9%) na aftrek van de vangnetreservering. Gekalibreerd op SZW.';
    } else {
      const reden: Record<string, string> = {
        nader_voorlopig_macrobudget: 'Het extract kent voorlopig en definitief budget, niet het nader voorlopige.',
        nader_voorlopig_macrobudget_alt: 'Het extract kent voorlopig en definitief budget, niet het nader voorlopige.',
        mutatie_nader_voorlopig_tov_voorlopig: 'Vraagt het nader voorlopige budget, dat niet in het extract staat.',
        mutatie_nader_voorlopig_tov_voorlopig_pct: 'Vraagt het nader voorlopige budget, dat niet in het extract staat.',
        mutatie_tov_macrobudget_vorig_jaar: 'Vergelijkt het nader voorlopige budget 2017 met 2016; het nader voorlopige budget staat niet in het extract.',
        rijksbegroting_macrobudget_stand_1e_suppletoire: 'Begrotingsstand (1e suppletoire); geen budgetstadium in het extract.',
        kosten_vangnetregeling: 'Vangnetregeling staat niet in het extract.',
        kosten_vangnetregeling_2020: 'Vangnetregeling staat niet in het extract.',
        kosten_vangnetuitkering_verrekend: 'Vangnetregeling staat niet in het extract.',
        overschot_na_aftrek_vangnet_voorlopig: 'Vangnetregeling staat niet in het extract.',
        terugvordering: 'Terugvordering (baten) staat niet apart in het extract.',
        baten_terugvordering_verhaal: 'Terugvordering (baten) staat niet apart in het extract.',
        verwachte_bijstelling_wml_verhoging_ca: 'Verwachting bij het nader voorlopige budget, geen realisatie.',
      };
      nietBerekenbaar = reden[ind] ?? 'Geen berekening gedefinieerd.';
    }
    voeg({ ...basis, omschrijving, berekening, nietBerekenbaar, uitzondering });
  }

  // ── regionale_groei.csv ──
  for (const r of pub.regionaleGroei) {
    const basis = { onderwerp: 'Regio’s' as const, bestand: 'regionale_groei.csv', indicator: r.indicator, groep: r.regioNaam, periode: r.peildatum, gepubliceerd: r.waarde, source: r.source, quote: r.quote };
    const regio = r.regioCode ?? undefined;
    const datum = /^\d{4}-\d{2}-\d{2}$/.test(r.peildatum) ? r.peildatum : null;
    if (r.indicator === 'groei_aantal_banen_doelgroep' || r.indicator === 'groei_aantal_banen_doelgroep_pct') {
      const pct = r.indicator.endsWith('pct');
      voeg({ ...basis, omschrijving: `Landelijke groei banen 2015 – eind 2017${pct ? ' (%)' : ''}`, eenheid: pct ? 'pct' : 'banen', berekening: { k: 'groei', van: '2015Q4', tot: '2017Q4', pct },
        noot: 'Vergeleken als eind 2015 → eind 2017 (de jaarmetingen: 96.236 → 112.083 banen).' });
    } else if (datum && regio && r.indicator === 'extra_banen_tov_nulmeting') {
      voeg({ ...basis, omschrijving: 'Extra banen t.o.v. nulmeting', eenheid: 'banen', berekening: { k: 'banen', kw: kwVanDatum(datum), split: 'totaal', groep: 'totaal', extra: true, regio } });
    } else if (datum && regio && (r.indicator === 'personen_doelgroepregister' || r.indicator === 'personen_doelgroep_banenafspraak')) {
      voeg({ ...basis, omschrijving: 'Personen in het doelgroepregister', eenheid: 'aantal', berekening: { k: 'register', kw: kwVanDatum(datum), veld: 'personen', regio } });
    } else if (datum && regio && r.indicator === 'verschil_doelgroepregister_tov_nulmeting') {
      voeg({ ...basis, omschrijving: 'Verschil register t.o.v. nulmeting', eenheid: 'aantal', berekening: { k: 'registerVerschil', kw: kwVanDatum(datum), regio } });
    } else if (datum && regio && r.indicator === 'werkzame_personen') {
      voeg({ ...basis, omschrijving: 'Werkzame personen', eenheid: 'aantal', berekening: { k: 'register', kw: kwVanDatum(datum), veld: 'werkzaam', regio } });
    } else if (datum && regio && r.indicator === 'pct_werkzaam') {
      voeg({ ...basis, omschrijving: 'Aandeel werkzaam', eenheid: 'pct', berekening: { k: 'register', kw: kwVanDatum(datum), veld: 'werkzaamPct', regio } });
    } else if (regio && r.indicator === 'beschut_werk_geplaatst_cumulatief') {
      const pd = r.peildatum.split('/').pop()!;
      voeg({ ...basis, omschrijving: 'Beschut werk: geplaatst (cumulatief)', eenheid: 'aantal', berekening: { k: 'plekken', peildatum: pd, regio, veld: 'plekken' },
        noot: 'Vergeleken met het aantal plekken op de einddatum (geplaatste mensen die nog werken).' });
    } else if (regio && (r.indicator === 'beschut_werk_streefcijfer' || r.indicator === 'beschut_werk_taakstelling')) {
      voeg({ ...basis, omschrijving: 'Beschut werk: taakstelling/streefcijfer van de regio', eenheid: 'aantal', berekening: { k: 'plekken', peildatum: `${r.peildatum}-12-31`, regio, veld: 'taakstelling' },
        noot: r.indicator === 'beschut_werk_streefcijfer' ? 'Streefcijfer van de regio, vergeleken met de som van de taakstellingen van haar gemeenten.' : undefined });
    } else {
      const reden = r.indicator.startsWith('indicatieve_taakstelling') || r.indicator === 'indicatie_minimaal_aantal_banen'
        ? 'Doelstelling of indicatie van de Werkkamer, geen meting.'
        : r.indicator.startsWith('pct_van_indicatie_werkkamer') ? 'Vraagt de indicatie van de Werkkamer, die niet in de gegevens staat.' : 'Geen berekening gedefinieerd.';
      voeg({ ...basis, omschrijving: r.indicator.replaceAll('_', ' '), eenheid: r.indicator.startsWith('pct') ? 'pct' : 'aantal', berekening: null, nietBerekenbaar: reden });
    }
  }
  return uit;
}

export { NULMETING_KW, kwPlus, kwEinde };
