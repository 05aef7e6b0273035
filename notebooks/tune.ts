/**
 * How the behavioural parameters in notebooks/generator/params.ts (AFSTEMMING) were found:
 * generate, compute the published duurzaamheid figures with the project's metrics, move each
 * parameter a damped step towards "its" figure, repeat. Prints the result; it never edits
 * params.ts (copy what you accept). Each iteration is a full generation.
 *   npx tsx notebooks/tune.ts [--scale 0.25] [--iteraties 6] [--eta 0.3] [--seed 20240]
 * Use eta ≤ 0.4: the parameters interact and larger steps oscillate.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kalibreer } from './calibration/index.ts';
import { genereer, STANDAARD_SEED } from './generator/index.ts';
import { AFSTEMMING as A } from './generator/params.ts';
import { loadPublished } from './generator/published.ts';
import { NodeEngine } from '../src/lib/engine/node.ts';
import { EXTRACT_NAMES } from '../src/lib/extracts/contracts.ts';

const arg = (naam: string, standaard: number) => {
  const i = process.argv.indexOf(`--${naam}`);
  return i < 0 ? standaard : Number(process.argv[i + 1]);
};
const scale = arg('scale', 0.25);
const iters = arg('iteraties', 6);
const eta = arg('eta', 0.3);
const seed = arg('seed', STANDAARD_SEED);
const pub = loadPublished();
const dir = mkdtempSync(join(tmpdir(), 'pm-tune-'));
const mul = (o: Record<number, number>, k: number, d: number) => { o[k] = Math.min(20, Math.max(0.005, o[k] * Math.exp(d))); };
for (let it = 0; it < iters; it++) {
  await genereer({ scale, out: join(dir, 'extracts'), manifest: join(dir, 'manifest.json'), seed });
  const e = await NodeEngine.create();
  await e.attachParquet(Object.fromEntries(EXTRACT_NAMES.map((n) => [n, join(dir, 'extracts', `${n}.parquet`)])));
  const rijen = (await kalibreer(e, pub)).filter(r => r.onderwerp === 'Duurzaamheid');
  await e.close();
  const v = (ind: string, start: string, groep = 'totaal') => { const r = rijen.find(x => x.indicator === ind && x.periode.startsWith(start) && x.groep === groep); return r?.berekend ?? NaN; };
  const m = {
    waj15: v('werkzaam_na_1_jaar_pct', '2015Q3', 'Wajong'), wsw15: v('werkzaam_na_1_jaar_pct', '2015Q3', 'Wsw'),
    pw15: v('werkzaam_na_1_jaar_pct', '2015Q3', 'Participatiewet'), pw16: v('werkzaam_na_1_jaar_pct', '2016Q3', 'Participatiewet'), pw17: v('werkzaam_na_1_jaar_pct', '2017Q3', 'Participatiewet'),
    tot15: v('werkzaam_na_1_jaar_pct', '2015Q3'), steeds15: v('werkzaam_alle_tussenliggende_pct', '2015Q3'), tot16: v('werkzaam_na_1_jaar_pct', '2016Q3'), tot17: v('werkzaam_na_1_jaar_pct', '2017Q3'),
    tot21: v('werkzaam_na_1_jaar_pct', '2021Q3'), tot22: v('werkzaam_na_1_jaar_pct', '2022 '),
    st16: v('starters_werkzaam_na_1_jaar_pct', '2015Q4'), st17: v('starters_werkzaam_na_1_jaar_pct', '2016Q4'), st21: v('starters_werkzaam_na_1_jaar_pct', '2020Q4'),
    st2j: v('starters_werkzaam_na_2_jaar_pct', '2015Q4'), stzb: v('starters_zelfde_baan_pct', '2020Q4'),
    zb16: v('zelfde_baan_pct', '2016Q3'), zb21: v('zelfde_baan_pct', '2021Q3'),
    duur15: v('gem_contractduur_jaren', '2015 '), duur16: v('gem_contractduur_jaren', '2016 '), duur17: v('gem_contractduur_jaren', '2017 '), duur22: v('gem_contractduur_jaren', '2022Q3'),
    uit16: v('uit_register_pct', '2016Q3'), uit17: v('uit_register_pct', '2017Q3'), uit21: v('uit_register_pct', '2021Q3'), ws17: v('uitstroom_reden_wsw_beschut_pct', '2017Q3'),
    vl17: v('werk_verloren_pct', '2017Q3'), vl21: v('werk_verloren_pct', '2021Q3'),
  };
  console.log(`iter ${it}`, JSON.stringify(Object.fromEntries(Object.entries(m).map(([k, x]) => [k, +x.toFixed(k.startsWith('duur') ? 2 : 1)]))));
  const buiten = rijen.filter(r => r.status === 'buiten').map(r => `${r.indicator}@${r.periode}/${r.groep}: ${r.gepubliceerd} vs ${r.berekend?.toFixed(1)}`);
  console.log('  buiten:', buiten.length, buiten.join(' | '));
  if (it === iters - 1) break;
  const d = (y: number, x: number, n = 10) => eta * (x - y) / n; // positive when value above target → more loss
  mul(A.verliesWajong, 2015, d(80, m.waj15));
  mul(A.verliesWajong, 2016, d(83, m.tot16, 5));
  mul(A.verliesWajong, 2017, d(85, m.tot17, 8)); mul(A.langVerlies, 2017, d(85, m.tot17, 8));
  mul(A.verliesWajong, 2021, d(88, m.tot21, 5));
  mul(A.verliesPw, 2015, d(71, m.pw15)); mul(A.verliesPw, 2016, d(78, m.pw16)); mul(A.verliesPw, 2017, d(82, m.pw17));
  mul(A.verliesPw, 2021, d(88, m.tot21, 5)); A.verliesPw[2024] = A.verliesPw[2021] * 0.93;
  A.verliesWsw *= Math.exp(d(94, m.wsw15, 5));
  A.middenVerlies *= Math.exp(d(58, m.st2j, 10));
  mul(A.fragielKans, 2015, d(64, m.st16, 20)); mul(A.fragielKans, 2016, d(67, m.st17, 20)); mul(A.fragielKans, 2020, d(71, m.st21, 20));
  A.fragielKans[2021] = A.fragielKans[2020]; A.fragielKans[2017] = Math.sqrt(A.fragielKans[2016] * A.fragielKans[2020]);
  mul(A.wisselTijd, 2016, d(66, m.zb16)); mul(A.wisselTijd, 2021, d(71, m.zb21));
  for (const k of Object.keys(A.vroegWissel)) mul(A.vroegWissel, Number(k), d(32, m.stzb, 10));
  const gap = m.tot15 - m.steeds15;
  A.terugkeer = Math.min(0.9, A.terugkeer * Math.exp(eta * (4 - gap) / 4));
  A.startDuurJaren = A.startDuurJaren.map(x => x * Math.exp(eta * 0.4 * (8.1 - m.duur15)));
  mul(A.langWissel, 2021, eta * 3 * (m.duur22 - 5.3));
  mul(A.langWissel, 2016, eta * 1.5 * (m.duur17 - 6.6));
  mul(A.langWissel, 2015, eta * 1.5 * (m.duur16 - 7.6));
  A.wswBeschut2016 *= Math.exp(eta * 1.5 * (8 - m.uit16) / 8);
  const ws = m.uit17 * m.ws17 / 100;
  A.wswBeschut2017 *= Math.exp(eta * (4.44 - ws) / 4.44);
  mul(A.exitOverig, 2021, eta * (3 - m.uit21) / 3);
  mul(A.exitOverig, 2017, eta * (1.56 - m.uit17 * (1 - m.ws17 / 100)) / 1.56);
}
console.log('Voorstel voor AFSTEMMING in notebooks/generator/params.ts:');
console.log(JSON.stringify(A, null, 1));
rmSync(dir, { recursive: true, force: true });
