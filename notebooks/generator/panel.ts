/**
 * The person × quarter panel, simulated quarter by quarter in DuckDB SQL (set-based, never row by
 * row in JS). State of quarter t−1 → quarter t:
 *   1. every person draws exit / job loss / job change / contract conversion from hazards that
 *      depend on achtergrond, year, tenure in the job and contract (params.ts);
 *   2. per region, the register count R_r(t) is met exactly: new entrants fill the gap, or — when
 *      the register shrinks faster than the hazards give (the Wajong herbeoordeling of 2016) —
 *      non-working Wajong people leave with reden 'geen arbeidsvermogen';
 *   3. per region, the working count W_r(t) is met exactly: hires are drawn without replacement,
 *      weighted by achtergrond, personal propensity and how recently the person last worked
 *      (people who just lost a job are found again quickly).
 * Every random draw is uu(persoon, t, purpose) = hash(seed, persoon, t, purpose) / 2^64, and every
 * ranking breaks ties on persoon_id, so the result does not depend on threads or run order.
 * Hours are raw here (weekly hours × 13); calibrate.ts scales them onto the banen targets.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Geografie } from './geography.ts';
import {
  AFSTEMMING, GEPLANDE_UITSTROOM, kwartaalParams, PROPENSITEIT_SD, Q4_EXTRA, REDEN_GEEN_ARBEIDSVERMOGEN,
  START_MIX, START_RECENT_VERLOREN, START_WERK_GEWICHT, VERLIES_CONTRACT, WEEKUREN, type KwartaalParams,
} from './params.ts';
import type { RegioPaden } from './regio-paden.ts';
import { allocate } from './rng.ts';
import { NULMETING_REGISTER } from './targets.ts';
import { kwartaalBegin, kwartaalVan, NT, peildatum, T0 } from './time.ts';

/** Element of a constant list by a 0-based integer SQL expression (CASE: much faster than list literals). */
const kies = (xs: readonly number[], idx: string) =>
  `(CASE ${idx} ${xs.map((x, i) => `WHEN ${i} THEN ${x}::DOUBLE`).join(' ')} END)`;
const cum = (xs: readonly number[]) => xs.map((_, i) => xs.slice(0, i + 1).reduce((s, v) => s + v, 0));

function duurKlasse(dq: string, m: readonly number[]): string {
  return `(CASE WHEN ${dq} <= 1 THEN ${m[0]} WHEN ${dq} <= 3 THEN ${m[1]} WHEN ${dq} <= 7 THEN ${m[2]} ELSE ${m[3]} END)`;
}

/** Is the current spell of work (started in quarter bkw) fragile? Recomputed from the same draw each time. */
/** Is the current spell of work fragile? `fr` is drawn when the spell starts; it matters in its first year. */
function fragielSql(T: number): string {
  return `(fr AND ${T} - bkw <= 3)`;
}

/** Quarterly job-loss probability: fragile spells in their first year, else by time in work. */
function verliesSql(T: number, p: KwartaalParams): string {
  const stabiel = `${kies(p.verlies, 'a')} * (CASE WHEN ${T} - bkw <= 3 THEN ${p.verliesDuur[0]} WHEN ${T} - bkw <= 7 THEN ${p.verliesDuur[2]} ELSE ${p.verliesDuur[3]} END) * ${kies(VERLIES_CONTRACT, 'ct')}`;
  return `(CASE WHEN ${fragielSql(T)} THEN ${p.fragielVerlies} ELSE ${stabiel} END)`;
}

/** Job change: fragile spells change often; otherwise by time in the JOB (since baan_startdatum). */
function wisselSql(T: number, p: KwartaalParams): string {
  const inBaan = `(${T + T0} - (year(bstart) * 4 + quarter(bstart) - 1))`;
  return `(CASE WHEN ${fragielSql(T)} THEN ${p.fragielWissel} ELSE ${kies(p.wissel, 'a')} * ${duurKlasse(inBaan, p.wisselDuur)} END)`;
}

/** Columns of a NEW job started in quarter T (salts 20–25). */
function nieuweBaan(T: number, p: KwartaalParams): Record<'sec' | 'dv' | 'ct' | 'wk' | 'bstart', string> {
  const inl = `(uu(pid, ${T}, 20) < ${kies(p.kansInleen, 'a')})`;
  const dagen = (Date.parse(peildatum(T)) - Date.parse(kwartaalBegin(T))) / 86400000 + 1;
  return {
    sec: `(CASE WHEN uu(pid, ${T}, 21) < (CASE WHEN ${inl} THEN ${p.kansOverheidInleen} ELSE ${p.kansOverheidRegulier} END) THEN 1 ELSE 0 END)::TINYINT`,
    dv: `(CASE WHEN NOT ${inl} THEN 0 WHEN uu(pid, ${T}, 22) < ${kies(p.kansDetacheringBinnenInleen, 'a')} THEN 2 ELSE 1 END)::TINYINT`,
    ct: `(CASE WHEN uu(pid, ${T}, 23) < ${kies(p.kansBepaald, 'a')} THEN 1 ELSE 0 END)::TINYINT`,
    wk: `least(40.0, greatest(6.0, ${kies(WEEKUREN, 'a')} * (0.7 + 0.6 * uu(pid, ${T}, 24))))`,
    bstart: `(DATE '${kwartaalBegin(T)}' + floor(uu(pid, ${T}, 25) * ${dagen})::INTEGER)`,
  };
}

function urenRaw(T: number): string {
  const q4 = kwartaalVan(T).kw === 4 ? 1 + Q4_EXTRA : 1;
  return `(CASE WHEN w THEN round(wk * 13 * ${q4} * (0.94 + 0.12 * uu(pid, ${T}, 9)))::INTEGER ELSE 0 END)`;
}

/**
 * uu(persoon, t, purpose): uniform in (0, 1). DuckDB's multi-argument hash() combines the argument
 * hashes too weakly for this use — hash(s, p, t, 15) and hash(s, p, t, 21) correlate at −0.97 —
 * so the combined hash is hashed once more (full avalanche), which makes draws for different
 * purposes independent (test/generator.test.ts checks this).
 */
export function uniformMacro(seed: number): string {
  return `CREATE OR REPLACE MACRO uu(p, t, s) AS ((hash(hash(${seed}::BIGINT, p::BIGINT, t::BIGINT, s::BIGINT)) >> 11)::DOUBLE + 0.5) / 9007199254740992.0`;
}

/**
 * baan_id of a job started in quarter t by person p: t × 2^20 + p. Unique (one new job per person
 * per quarter at most), stable while the job lasts, and needs no counter across rows. Above
 * scale 1.5 there are more than 2^20 persons: the step is 2^22 (49 quarters × 2^22 still fits an
 * INTEGER); up to 1.5 it stays 2^20, so the national demo data keep their exact bytes.
 */
export const BAAN_STAP = 1048576;
export const baanStap = (scale: number): number => (scale <= 1.5 ? BAAN_STAP : 4 * BAAN_STAP);

const PANEL_KOLOMMEN = 'pid, r, g, a, w, baan, sec, dv, ct, bstart';

export interface PanelStats {
  personen: number;
  instroom: number;
  stapMs: number[];
}

export async function simuleerPanel(conn: DuckDBConnection, seed: number, geo: Geografie, paden: RegioPaden, stap = BAAN_STAP): Promise<PanelStats> {
  const run = (sql: string) => conn.run(sql);
  const rows = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
  const nR = geo.regios.length;

  await run(uniformMacro(seed));
  await run(`CREATE OR REPLACE MACRO nrm(p, t, s) AS sqrt(-2 * ln(uu(p, t, s))) * cos(2 * pi() * uu(p, t, s + 1000))`);

  // Gemeente choice within a region: cumulative shares by residents.
  const gemRijen: string[] = [];
  for (const r of geo.regios) {
    const tot = r.gemeenten.reduce((s, g) => s + g.inwoners, 0);
    let lo = 0;
    r.gemeenten.forEach((g, i) => {
      const hi = i === r.gemeenten.length - 1 ? 1.000001 : lo + g.inwoners / tot;
      gemRijen.push(`(${g.idx}, ${r.idx}, ${lo}, ${hi})`);
      lo = hi;
    });
  }
  await run(`CREATE OR REPLACE TEMP TABLE gem AS SELECT * FROM (VALUES ${gemRijen.join(', ')}) v(g, r, lo, hi)`);
  // The panel is also the simulation state: prop, entry, wk, bkw and lastw are dropped when written.
  await run(`CREATE OR REPLACE TABLE panel (t SMALLINT, pid INTEGER, r TINYINT, g SMALLINT, a TINYINT, w BOOLEAN, baan INTEGER,
    sec TINYINT, dv TINYINT, ct TINYINT, uraw INTEGER, bstart DATE, prop DOUBLE, entry SMALLINT, wk DOUBLE, bkw SMALLINT, lastw SMALLINT, fr BOOLEAN)`);

  // ── t = 0: the nulmeting ───────────────────────────────────────────────
  const p0 = kwartaalParams(0);
  const nb0 = nieuweBaan(0, p0);
  const mixCum = cum(START_MIX);
  const rc0 = geo.regios.map((r) => `(${r.idx}, ${paden.register[r.idx][0]}, ${paden.werkzaam[r.idx][0]})`).join(', ');
  await run(`CREATE OR REPLACE TEMP TABLE st AS
    WITH rc AS (SELECT * FROM (VALUES ${rc0}) v(r, n, nw)),
    p AS (SELECT (row_number() OVER (ORDER BY rc.r, i))::INTEGER AS pid, rc.r FROM rc, range(rc.n) t(i)),
    q AS (
      SELECT pid, p.r, (CASE WHEN uu(pid, 0, 11) < ${mixCum[0]} THEN 0 WHEN uu(pid, 0, 11) < ${mixCum[1]} THEN 1
                            WHEN uu(pid, 0, 11) < ${mixCum[2]} THEN 2 ELSE 3 END)::TINYINT AS a,
             exp(${PROPENSITEIT_SD} * nrm(pid, 0, 13)) AS prop
      FROM p),
    qg AS (SELECT q.*, gem.g::SMALLINT AS g FROM q JOIN gem ON gem.r = q.r AND uu(q.pid, 0, 12) >= gem.lo AND uu(q.pid, 0, 12) < gem.hi),
    rk AS (SELECT qg.*, row_number() OVER (PARTITION BY qg.r ORDER BY -ln(uu(pid, 0, 14)) / (${kies(START_WERK_GEWICHT, 'a')} * prop), pid) AS rnk FROM qg),
    w AS (SELECT rk.*, rnk <= rc.nw AS w,
                 least(40 * 365.25, -${kies(AFSTEMMING.startDuurJaren, 'a')} * 365.25 * ln(uu(pid, 0, 15))) AS dagen
          FROM rk JOIN rc USING (r))
    SELECT pid, r::TINYINT AS r, g, a, prop, (-1)::SMALLINT AS entry, w,
      CASE WHEN w THEN pid END AS baan,
      CASE WHEN w THEN ${nb0.sec} END AS sec,
      CASE WHEN w THEN ${nb0.dv} END AS dv,
      CASE WHEN w THEN (CASE WHEN uu(pid, 0, 16) < (CASE WHEN dagen > 730 THEN 0.92 ELSE 0.35 END) THEN 0 ELSE 1 END)::TINYINT END AS ct,
      CASE WHEN w THEN ${nb0.wk} END AS wk,
      CASE WHEN w THEN DATE '${peildatum(0)}' - dagen::INTEGER END AS bstart,
      CASE WHEN w THEN (-floor(dagen / 91.31))::SMALLINT END AS bkw,
      CASE WHEN w THEN 0 WHEN uu(pid, 0, 17) < ${START_RECENT_VERLOREN} THEN (-1 - floor(uu(pid, 0, 18) * 4))::SMALLINT END::SMALLINT AS lastw,
      false AS fr
    FROM w`);
  await run(`INSERT INTO panel SELECT 0, ${PANEL_KOLOMMEN.replace('bstart', `${urenRaw(0)}, bstart`)}, prop, entry, wk, bkw, lastw, fr FROM st ORDER BY pid`);
  let nextPid = Number((await rows('SELECT max(pid) AS m FROM st'))[0].m) + 1;
  const stapMs: number[] = [];
  const schaal = paden.register.reduce((s, rr) => s + rr[0], 0) / NULMETING_REGISTER;
  let instroomTotaal = 0;

  for (let T = 1; T < NT; T++) {
    const t0 = performance.now();
    const p = kwartaalParams(T);
    const xwSom = p.exitWerkend.map((r) => r.reduce((s, v) => s + v, 0));
    const xnSom = p.exitNietWerkend.map((r) => r.reduce((s, v) => s + v, 0));
    // 1. hazards of quarter T on the state of T−1
    await run(`CREATE OR REPLACE TEMP TABLE s1 AS
      WITH prev AS (SELECT * EXCLUDE (t, uraw) FROM panel WHERE t = ${T - 1})
        SELECT prev.*,
          CASE WHEN w THEN uu(pid, ${T}, 1) < ${kies(xwSom, 'a')} ELSE uu(pid, ${T}, 1) < ${kies(xnSom, 'a')} END AS ex,
          coalesce(w AND uu(pid, ${T}, 3) < ${verliesSql(T, p)}, false) AS lose,
          coalesce(w AND uu(pid, ${T}, 4) < ${wisselSql(T, p)}, false) AS swi,
          coalesce(w AND ct = 1 AND ${T} - bkw >= 2 AND uu(pid, ${T}, 5) < ${p.omzetting}, false) AS conv
        FROM prev`);
    // 2. counts per region → inflow, forced exits, hires
    const tel = await rows(`SELECT r, count(*) FILTER (WHERE NOT ex) AS surv,
        count(*) FILTER (WHERE NOT ex AND w AND NOT lose) AS wstay,
        count(*) FILTER (WHERE NOT ex AND NOT w) AS nw
      FROM s1 GROUP BY r ORDER BY r`);
    const perRegio = new Map(tel.map((x) => [Number(x.r), { surv: Number(x.surv), wstay: Number(x.wstay), nw: Number(x.nw) }]));
    const regGewicht = geo.regios.map((r) => paden.register[r.idx][T]);
    const minInstroom = allocate(Math.round(p.instroomMin * schaal), regGewicht);
    const gepland = allocate(Math.round((GEPLANDE_UITSTROOM.get(T) ?? 0) * schaal), regGewicht);
    const rc: string[] = [];
    let geforceerd = 0;
    let instroomStap = 0;
    let extraVerlies = 0;
    for (let r = 0; r < nR; r++) {
      const c = perRegio.get(r) ?? { surv: 0, wstay: 0, nw: 0 };
      const need = paden.register[r][T] - c.surv; // net change needed, before forced exits
      let forced = gepland[r];
      let inflow = Math.max(minInstroom[r], need + forced);
      forced = Math.min(c.nw, inflow - need);
      inflow = Math.max(0, need + forced);
      const hires = paden.werkzaam[r][T] - c.wstay;
      rc.push(`(${r}, ${forced}, ${inflow}, ${Math.max(0, hires)}, ${Math.max(0, -hires)})`);
      instroomTotaal += inflow;
      instroomStap += inflow;
      geforceerd += forced;
      extraVerlies += Math.max(0, -hires);
    }
    await run(`CREATE OR REPLACE TEMP TABLE rc AS SELECT * FROM (VALUES ${rc.join(', ')}) v(r, nf, ni, nh, nl)`);
    // 3. forced exits (non-working Wajong first: herbeoordeling), entrants, hires, new jobs
    const nb = nieuweBaan(T, p);
    const mix = cum(p.instroomMix);
    const recent = `(CASE WHEN lastw IS NULL THEN ${p.recent[4]} WHEN ${T} - lastw <= 1 THEN ${p.recent[0]}
      WHEN ${T} - lastw <= 2 THEN ${p.recent[1]} WHEN ${T} - lastw <= 4 THEN ${p.recent[2]}
      WHEN ${T} - lastw <= 8 THEN ${p.recent[3]} ELSE ${p.recent[4]} END)`;
    // A short interruption (drawn once per loss event, keyed on the quarter of the last job) puts
    // the person at the front of the queue for the next two quarters, back in the same job (e.g.
    // between two contracts with the same employer). Only after a stable spell of work; a fragile
    // one scars instead (below). Not working, the job columns still hold the last job (state only).
    const fragielVorig = `(fr AND lastw - bkw <= 3)`;
    const terugflag = `coalesce(NOT w AND baan IS NOT NULL AND lastw >= ${T - 2} AND NOT ${fragielVorig} AND uu(pid, lastw, 30) < ${p.terugkeer}, false)`;
    const terug = `(CASE WHEN terugflag THEN 1000 ELSE 1 END)`;
    // A fragile spell that ended scars: lower hiring weight for two years.
    const litteken = `(CASE WHEN lastw IS NOT NULL AND ${T} - lastw <= 8 AND ${fragielVorig} THEN ${p.litteken} ELSE 1 END)`;
    const gewicht = `(${kies(p.wervingsGewicht, 'a')} * prop * ${recent} * ${terug} * ${litteken} * (CASE WHEN entry = ${T} THEN ${kies(p.instroomBoost, 'a')} ELSE 1 END))`;
    await run(`INSERT INTO panel
      WITH
      ${geforceerd > 0 ? `stay AS (SELECT s1.*, row_number() OVER (PARTITION BY r, w ORDER BY (a <> 0), uu(pid, ${T}, 6), pid) AS frk FROM s1 WHERE NOT ex),
      kept AS (SELECT stay.* EXCLUDE (frk) FROM stay JOIN rc USING (r) WHERE w OR frk > rc.nf),` : 'kept AS (SELECT * FROM s1 WHERE NOT ex),'}
      nwp AS (SELECT (${nextPid - 1} + row_number() OVER (ORDER BY rc.r, i))::INTEGER AS pid, rc.r FROM rc, range(rc.ni) t(i)),
      nwa AS (
        SELECT nwp.pid, nwp.r::TINYINT AS r, gem.g::SMALLINT AS g,
          (CASE WHEN uu(nwp.pid, 0, 11) < ${mix[0]} THEN 0 WHEN uu(nwp.pid, 0, 11) < ${mix[1]} THEN 1
                WHEN uu(nwp.pid, 0, 11) < ${mix[2]} THEN 2 ELSE 3 END)::TINYINT AS a,
          exp(${PROPENSITEIT_SD} * nrm(nwp.pid, 0, 13)) AS prop, ${T}::SMALLINT AS entry, false AS w,
          false AS lose, false AS swi, false AS conv
        FROM nwp JOIN gem ON gem.r = nwp.r AND uu(nwp.pid, 0, 12) >= gem.lo AND uu(nwp.pid, 0, 12) < gem.hi),
      pool0 AS (SELECT * EXCLUDE (ex) FROM kept UNION ALL BY NAME SELECT * FROM nwa),
      pool AS (SELECT *, ${terugflag} AS terugflag FROM pool0),
      rk AS (SELECT pool.*, row_number() OVER (PARTITION BY r, w, lose
               ORDER BY CASE WHEN w THEN ${extraVerlies > 0 ? `uu(pid, ${T}, 8)` : '0'} ELSE -ln(uu(pid, ${T}, 7)) / ${gewicht} END, pid) AS rnk FROM pool),
      dec AS (SELECT rk.*, (NOT w AND rnk <= rc.nh) AS hired, (w AND NOT lose AND rnk <= rc.nl) AS xlose FROM rk JOIN rc USING (r)),
      fin AS (SELECT *, (w AND NOT lose AND NOT xlose) AS keep,
                        ((hired AND NOT terugflag) OR (w AND NOT lose AND NOT xlose AND swi)) AS newjob FROM dec),
      uit AS (
        SELECT pid, r, g, a, prop, entry, (keep OR hired) AS w,
          CASE WHEN newjob THEN (${T * stap} + pid)::INTEGER ELSE baan END AS baan,
          CASE WHEN newjob THEN ${nb.sec} ELSE sec END AS sec,
          CASE WHEN newjob THEN ${nb.dv} ELSE dv END AS dv,
          CASE WHEN newjob THEN ${nb.ct} WHEN keep AND conv THEN 0::TINYINT ELSE ct END AS ct,
          CASE WHEN newjob THEN ${nb.wk} ELSE wk END AS wk,
          CASE WHEN newjob THEN ${nb.bstart} ELSE bstart END AS bstart,
          -- bkw: first quarter of the current spell of work (a job-to-job change continues the spell;
          -- hazards depend on time in work, not in the job). Not working: start of the last spell.
          CASE WHEN hired AND NOT terugflag THEN ${T}::SMALLINT ELSE bkw END AS bkw,
          CASE WHEN keep OR hired THEN ${T}::SMALLINT ELSE lastw END AS lastw,
          CASE WHEN hired AND NOT terugflag THEN uu(pid, ${T}, 31) < ${kies(p.fragielKans(T), 'a')} ELSE coalesce(fr, false) END AS fr
        FROM fin)
      SELECT ${T} AS t, ${PANEL_KOLOMMEN.replace('bstart', `${urenRaw(T)} AS uraw, bstart`)}, prop, entry, wk, bkw, lastw, fr FROM uit ORDER BY pid`);
    nextPid += instroomStap;
    if (nextPid >= stap) throw new Error(`te veel personen (${nextPid}) voor baan_id = kwartaal × ${stap} + persoon_id; verklein --scale`);
    stapMs.push(performance.now() - t0);
  }
  await run('DROP TABLE IF EXISTS st; DROP TABLE IF EXISTS rc; DROP TABLE IF EXISTS s1');
  return { personen: nextPid - 1, instroom: instroomTotaal, stapMs };
}

/**
 * doelgroep_uitstroom from the panel: a person whose last quarter t < the last one left during
 * quarter t+1. The reden is recomputed from the same draws the simulation used: a hazard exit
 * (uu(p, t+1, 1) below the exit probability) takes its reden from uu(p, t+1, 2); otherwise the
 * person was one of the forced exits of the herbeoordeling ('geen arbeidsvermogen').
 */
export async function bouwUitstroom(conn: DuckDBConnection): Promise<void> {
  const rijen: string[] = [];
  for (let T = 1; T < NT; T++) {
    const p = kwartaalParams(T);
    for (let a = 0; a < 4; a++) {
      for (const w of [true, false]) {
        const h = w ? p.exitWerkend[a] : p.exitNietWerkend[a];
        const som = h.reduce((s, v) => s + v, 0);
        const c = cum(h).map((v) => (som > 0 ? v / som : 0));
        rijen.push(`(${T}, ${a}, ${w}, ${som}, ${c[0]}, ${c[1]}, ${c[2]}, ${c[3]})`);
      }
    }
  }
  await conn.run(`CREATE OR REPLACE TEMP TABLE hzall AS SELECT * FROM (VALUES ${rijen.join(', ')}) v(tt, a, w, xsum, c0, c1, c2, c3)`);
  await conn.run(`CREATE OR REPLACE TABLE uitstroom AS
    WITH laatst AS (SELECT pid, max(t) AS t, arg_max(a, t) AS a, arg_max(w, t) AS w FROM panel GROUP BY pid HAVING max(t) < ${NT - 1})
    SELECT pid, t, (CASE WHEN uu(pid, t + 1, 1) < h.xsum THEN
        (CASE WHEN uu(pid, t + 1, 2) < h.c0 THEN 0 WHEN uu(pid, t + 1, 2) < h.c1 THEN 1 WHEN uu(pid, t + 1, 2) < h.c2 THEN 2
              WHEN uu(pid, t + 1, 2) < h.c3 THEN 3 ELSE 4 END)
      ELSE ${REDEN_GEEN_ARBEIDSVERMOGEN} END)::TINYINT AS reden
    FROM laatst JOIN hzall h ON h.tt = laatst.t + 1 AND h.a = laatst.a AND h.w = laatst.w
    ORDER BY t, pid`);
  await conn.run('DROP TABLE hzall');
}
