/**
 * KALIBRATIERAPPORT — literate notebook: prose, code cells and their results, rendered to a static
 * page notebooks/_site/calibration.html plus notebooks/_site/calibration.json (machine-readable).
 *   npm run notebook      (needs the extracts: npm run data)
 *
 * Why a TypeScript notebook and not Observable Notebook Kit: Notebook Kit's SQL cells run on
 * DuckDB-WASM, which downloads its Parquet extension from extensions.duckdb.org at run time — not
 * allowed here (nothing may come from another origin) and unreachable in CI. This notebook runs the
 * project's own metric functions (src/lib/metrics/*, the same ones the dashboard runs in the
 * browser) on native DuckDB, builds in CI in seconds and cannot rot: a metric change shows here.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kalibreer, samenvatting, type CalibratieRij } from './calibration/index.ts';
import { esc, Notebook, tabelHtml, type Tabel } from './calibration/notebook.ts';
import { loadPublished } from './generator/published.ts';
import { NodeEngine } from '../src/lib/engine/node.ts';
import { EXTRACT_NAMES } from '../src/lib/extracts/contracts.ts';
import { parseManifest } from '../src/lib/extracts/manifest.ts';
import { banenQuery, extraBanenQuery } from '../src/lib/metrics/banen.ts';
import { runMetric } from '../src/lib/sql/query.ts';
import { bronLabel } from '../src/lib/published/reference.ts';

const ROOT = join(import.meta.dirname, '..');
const DATA = join(ROOT, 'data');
const SITE = join(import.meta.dirname, '_site');

const nf = (d: number) => new Intl.NumberFormat('nl-NL', { minimumFractionDigits: d, maximumFractionDigits: d });
function getal(v: number | null, eenheid: CalibratieRij['eenheid'], teken = false): string {
  if (v === null || !Number.isFinite(v)) return '–';
  const d = eenheid === 'pct' ? 1 : eenheid === 'jaren' || eenheid === 'mld' ? 2 : eenheid === 'mln' ? 1 : 0;
  const s = nf(d).format(v);
  const plus = teken && v > 0 ? '+' : '';
  const suffix = eenheid === 'pct' ? (teken ? ' pp' : '%') : eenheid === 'mln' ? ' mln' : eenheid === 'mld' ? ' mld' : eenheid === 'jaren' ? ' jaar' : '';
  return `${plus}${s}${suffix}`;
}
function bron(r: CalibratieRij): string {
  const label = esc(bronLabel(r.source));
  return /^https?:/.test(r.source) ? `<a href="${esc(r.source)}" title="${esc(r.quote)}">${label}</a>` : `<span title="${esc(r.quote)}">${label}</span>`;
}
const STATUS: Record<CalibratieRij['status'], string> = { binnen: 'ja', buiten: 'NEE', uitzondering: 'nee — uitzondering', 'niet berekenbaar': '–' };

function vergelijkTabel(rijen: CalibratieRij[]): Tabel {
  return {
    kolommen: [
      { key: 'indicator', label: 'Indicator' }, { key: 'groep', label: 'Groep' }, { key: 'periode', label: 'Peildatum / periode' },
      { key: 'gepubliceerd', label: 'Gepubliceerd', uitlijning: 'rechts' }, { key: 'berekend', label: 'Berekend (synthetisch)', uitlijning: 'rechts' },
      { key: 'verschil', label: 'Verschil', uitlijning: 'rechts' }, { key: 'tolerantie', label: 'Tolerantie', uitlijning: 'rechts' },
      { key: 'binnen', label: 'Binnen tolerantie' }, { key: 'bron', label: 'Bron' },
    ],
    rijen: rijen.map((r) => ({
      indicator: `${esc(r.omschrijving)}<br><span class="noot">${esc(r.indicator)}${r.noot ? ` — ${esc(r.noot)}` : ''}${r.status === 'uitzondering' && r.uitzondering ? `<br><strong>Uitzondering:</strong> ${esc(r.uitzondering)}` : ''}</span>`,
      groep: esc(r.groep), periode: esc(r.periode),
      gepubliceerd: getal(r.gepubliceerd, r.eenheid), berekend: getal(r.berekend, r.eenheid),
      verschil: getal(r.verschil, r.eenheid, true), tolerantie: r.tolerantie === null ? '' : `±${getal(r.tolerantie, r.eenheid)}`.replace('±+', '±'),
      binnen: STATUS[r.status], bron: bron(r), status: r.status,
    })),
    klasse: (r) => (r.status === 'buiten' ? 'buiten' : r.status === 'uitzondering' ? 'uitzondering' : undefined),
  };
}

// ── Data ────────────────────────────────────────────────────────────────────────────────────
const bestanden = Object.fromEntries(EXTRACT_NAMES.map((n) => [n, join(DATA, 'extracts', `${n}.parquet`)]));
const ontbreekt = [...Object.values(bestanden), join(DATA, 'manifest.json')].filter((f) => !existsSync(f));
if (ontbreekt.length) {
  console.error(`Kalibratierapport: extracten ontbreken (${ontbreekt.map((f) => f.replace(`${ROOT}/`, '')).join(', ')}). Bouw ze eerst met: npm run data`);
  process.exit(1);
}
const manifest = parseManifest(JSON.parse(readFileSync(join(DATA, 'manifest.json'), 'utf8')));
const engine = await NodeEngine.create();
await engine.attachParquet(bestanden);
const pub = loadPublished();
const nb = new Notebook('Kalibratie van de synthetische demodata');

nb.html(`<p><span class="label">Synthetische demodata</span> Alle berekende cijfers op deze pagina komen uit
<strong>synthetische</strong> extracten (gegenereerd door <code>notebooks/generate.ts</code>, seed ${esc(manifest.extracts[0]?.seed)},
generatorversie ${esc(manifest.extracts[0]?.generatorVersion)}). Het zijn geen echte UWV-microdata; de gepubliceerde cijfers
staan er met hun bron naast.</p>`);

nb.md(`
## Waarom deze pagina

De echte microdata (doelgroepregister × polisadministratie) zijn niet openbaar. Het dashboard werkt daarom op synthetische
extracten die zich gedragen als de echte: de generator is zo afgesteld dat de **eigen metriekfuncties van het dashboard**
(\`src/lib/metrics/*\`) op deze data de gepubliceerde landelijke cijfers teruggeven. Deze pagina laat voor elk gepubliceerd
cijfer in \`data/published/\` het gepubliceerde getal zien, het berekende getal, het verschil en of dat binnen de tolerantie valt.

Tolerantie: **percentages binnen 1 procentpunt; aantallen, banen, euro's en jaren binnen 1%** (nooit strenger dan de
helft van het laatste gepubliceerde cijfer: "6,1 miljard" hoeft niet op de euro). Waar bronnen elkaar tegenspreken of een
definitie niet aansluit, staat het cijfer als **uitzondering** met de reden erbij. Cijfers zonder tegenhanger in de
extracten (doelstellingen, het nader voorlopige budget, de vangnetregeling …) staan onderaan met de reden.

Aannames waar niets gepubliceerd is (regionale verschillen, groei van FoodValley, gedrag van Wsw/Wajong/Participatiewet,
contracten van starters, decemberuren, spreiding BUIG over gemeenten): zie \`notebooks/ASSUMPTIONS.md\`.
`);

await nb.cel('De extracten', `parseManifest(data/manifest.json)`, async () => ({
  kolommen: [
    { key: 'naam', label: 'Extract' }, { key: 'rijen', label: 'Rijen', uitlijning: 'rechts' }, { key: 'mib', label: 'MiB', uitlijning: 'rechts' },
    { key: 'van', label: 'Van' }, { key: 'tot', label: 'Tot' }, { key: 'synth', label: 'Synthetisch' }, { key: 'sha', label: 'SHA-256 (begin)' },
  ],
  rijen: manifest.extracts.map((e) => ({
    naam: esc(e.name), rijen: nf(0).format(e.rows), mib: nf(1).format(e.bytes / 1048576), van: e.peildatumVan, tot: e.peildatumTot,
    synth: e.synthetic ? 'ja' : 'nee', sha: `<code>${esc(e.sha256.slice(0, 12))}</code>`,
  })),
}));

let rijen: CalibratieRij[] = [];
await nb.cel('Alle gepubliceerde cijfers naast hun berekende tegenhanger',
  `const rijen = await kalibreer(engine, loadPublished());   // notebooks/calibration/index.ts
// per cijfer: src/lib/metrics/{banen,duurzaamheid,beschut,buig}.ts op native DuckDB`, async () => {
    rijen = await kalibreer(engine, pub);
    const s = samenvatting(rijen);
    return `<p>${nf(0).format(s.totaal)} gepubliceerde cijfers: <strong>${s.binnen} binnen de tolerantie</strong>, ${s.buiten} erbuiten,
      ${s.uitzondering} gedocumenteerde uitzonderingen (definitiebreuk of bronconflict) en ${s['niet berekenbaar']} zonder berekenbare tegenhanger.</p>`;
  });

await nb.cel('Een cel ter illustratie: extra banen per jaarmeting, berekend met extraBanenQuery()',
  `await runMetric(engine, extraBanenQuery({ split: 'sector', nulmeting: '2012Q4' }))   // SQL:
${banenQuery({ split: 'sector' }).sql.replace(/\s+/g, ' ')}`, async () => {
    const e = await runMetric(engine, extraBanenQuery({ split: 'sector', nulmeting: '2012Q4' }));
    const q4 = e.filter((r) => r.kwartaal.endsWith('Q4') && r.kwartaal >= '2015');
    const jaren = [...new Set(q4.map((r) => r.kwartaal))];
    return {
      kolommen: [{ key: 'kw', label: 'Kwartaal' }, { key: 'markt', label: 'Markt (incl. inleen)', uitlijning: 'rechts' },
        { key: 'overheid', label: 'Overheid (incl. inleen)', uitlijning: 'rechts' }, { key: 'totaal', label: 'Totaal', uitlijning: 'rechts' }],
      rijen: jaren.map((kw) => {
        const m = q4.find((r) => r.kwartaal === kw && r.groep === 'markt')?.extraBanen ?? 0;
        const o = q4.find((r) => r.kwartaal === kw && r.groep === 'overheid')?.extraBanen ?? 0;
        return { kw, markt: nf(0).format(m), overheid: nf(0).format(o), totaal: nf(0).format(m + o) };
      }),
    };
  });

const ONDERWERPEN = ['Doelgroepregister', 'Banen', 'Duurzaamheid', 'Beschut werk', 'BUIG', 'Regio’s'] as const;
const TOELICHTING: Record<(typeof ONDERWERPEN)[number], string> = {
  Doelgroepregister: 'Personen in het register en werkzame personen per peildatum (`register()` in src/lib/metrics/banen.ts).',
  Banen: 'Banen = verloonde uren / (25,5 × 13) per kwartaal, extra t.o.v. de nulmeting eind 2012 (75.179 banen). In de jaarmetingen tellen inleenbanen mee bij markt en overheid; in de kwartaalcijfers betekenen markt en overheid alleen regulier (SOURCES.md §1). De microdata volgen de jaarmeting waar trend en meting verschillen.',
  Duurzaamheid: 'Cohorten van werkenden in het derde kwartaal, één jaar later (`cohortUitkomstQuery`, `startersQuery`, `contractQuery` en `uitstroomRedenenQuery` in src/lib/metrics/duurzaamheid/).',
  'Beschut werk': 'Beoordelingen per aanvrager en periode, plekken en taakstelling per peildatum (src/lib/metrics/beschut.ts).',
  BUIG: 'Saldo = definitief budget − uitgaven, landelijk als som over gemeenten (src/lib/metrics/buig.ts). Uitgaven in het extract zijn netto (na terugvordering).',
  'Regio’s': 'De weinige gepubliceerde regionale cijfers (Flevoland, Zeeland, Amersfoort) en de landelijke groei 2015–2017 uit het UWV-onderzoek naar regionale verschillen.',
};
for (const o of ONDERWERPEN) {
  const deel = rijen.filter((r) => r.onderwerp === o && r.status !== 'niet berekenbaar');
  nb.md(`## ${o}\n\n${TOELICHTING[o]}`);
  nb.html(`<p class="noot">${deel.filter((r) => r.status === 'binnen').length} van ${deel.length} binnen de tolerantie${deel.some((r) => r.status === 'uitzondering') ? `; ${deel.filter((r) => r.status === 'uitzondering').length} uitzonderingen (geel)` : ''}${deel.some((r) => r.status === 'buiten') ? `; <strong>${deel.filter((r) => r.status === 'buiten').length} buiten de tolerantie (rood)</strong>` : ''}.</p>`);
  nb.html(tabelHtml(vergelijkTabel(deel)));
}

nb.md(`## Gepubliceerde cijfers zonder berekende tegenhanger

Deze cijfers staan in \`data/published/\` maar hebben geen tegenhanger in de extracten: het zijn doelstellingen of
ramingen, of ze vragen een gegeven dat niet in de contracten zit.`);
nb.html(tabelHtml({
  kolommen: [{ key: 'bestand', label: 'Bestand' }, { key: 'indicator', label: 'Indicator' }, { key: 'groep', label: 'Groep' },
    { key: 'periode', label: 'Periode' }, { key: 'waarde', label: 'Gepubliceerd', uitlijning: 'rechts' }, { key: 'reden', label: 'Waarom niet berekend' }, { key: 'bron', label: 'Bron' }],
  rijen: rijen.filter((r) => r.status === 'niet berekenbaar').map((r) => ({
    bestand: esc(r.bestand), indicator: esc(r.indicator), groep: esc(r.groep), periode: esc(r.periode),
    waarde: getal(r.gepubliceerd, r.eenheid), reden: esc(r.nietBerekenbaar ?? ''), bron: bron(r),
  })),
}));

nb.md(`## Zo is dit gemaakt

- \`npm run data\` bouwt de extracten (seed ${manifest.extracts[0]?.seed ?? '–'}); dezelfde seed geeft identieke bestanden (test/generator.test.ts).
- \`npm run notebook\` bouwt deze pagina en \`calibration.json\`; test/calibration.test.ts faalt zodra een cijfer buiten de tolerantie valt dat geen gedocumenteerde uitzondering is.
- Uitzonderingen en redenen staan op één plek: \`notebooks/calibration/figuren.ts\`.`);

nb.schrijf(join(SITE, 'calibration.html'));
const s = samenvatting(rijen);
writeFileSync(join(SITE, 'calibration.json'), `${JSON.stringify({
  titel: 'Kalibratie van de synthetische demodata',
  synthetisch: true,
  extracten: manifest.extracts.map((e) => ({ naam: e.name, seed: e.seed, generatorVersion: e.generatorVersion, rows: e.rows, sha256: e.sha256 })),
  tolerantie: { pct: '1 procentpunt', overig: '1% (minstens de helft van het laatste gepubliceerde cijfer)' },
  samenvatting: s,
  cijfers: rijen.map((r) => ({
    id: r.id, onderwerp: r.onderwerp, bestand: r.bestand, indicator: r.indicator, omschrijving: r.omschrijving, groep: r.groep, periode: r.periode,
    eenheid: r.eenheid, gepubliceerd: r.gepubliceerd, berekend: r.berekend, verschil: r.verschil, tolerantie: r.tolerantie,
    binnenTolerantie: r.binnenTolerantie, status: r.status, uitzondering: r.status === 'uitzondering' ? r.uitzondering ?? null : null,
    nietBerekenbaar: r.nietBerekenbaar ?? null, noot: r.noot ?? null, bron: r.source,
  })),
}, null, 1)}\n`);
await engine.close();
console.log(`Kalibratierapport: ${s.binnen} binnen, ${s.buiten} buiten, ${s.uitzondering} uitzonderingen, ${s['niet berekenbaar']} niet berekenbaar → notebooks/_site/calibration.html`);
if (s.buiten > 0) {
  for (const r of rijen.filter((x) => x.status === 'buiten')) console.error(`  buiten: ${r.indicator} ${r.groep} ${r.periode}: gepubliceerd ${r.gepubliceerd}, berekend ${r.berekend}`);
  process.exit(1);
}
