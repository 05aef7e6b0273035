/**
 * A reason said is a mark (lib/disclosure/verzwijgen.ts): where "hidden to protect another" (at
 * least 10) would itself narrow another hidden cell, and hiding more cannot help, the cell prints
 * "x" without its reason. Hand-built: the Beschut werk case of a period from November 2016, whose
 * burger requests are January's and February's only.
 */
import { describe, expect, it } from 'vitest';
import { audit } from '../src/lib/disclosure/audit.ts';
import { beveilig } from '../src/lib/disclosure/beveilig.ts';
import { verzwijgRedenen } from '../src/lib/disclosure/verzwijgen.ts';
import { toelichtingen } from '../src/lib/disclosure/zinnen.ts';
import { WeergaveBouwer } from '../src/lib/disclosure/tabel.ts';
import { GEHEIM, TOELICHTING_GEHEIM } from '../src/lib/format/disclosure.ts';

/** January 12 (7 positive, 5 negative), February 80 (46, 34); the period's 92 and 53 printed elsewhere (fixed). */
function periode() {
  const w = new WeergaveBouwer();
  for (const [m, b, p] of [['jan', 12, 7], ['feb', 80, 46]] as const) {
    w.cel(`${m}.b`, b).cel(`${m}.p`, p).cel(`${m}.n`, b - p, { getoond: false }).som(`${m}.b`, [`${m}.p`, `${m}.n`]);
  }
  w.cel('per.b', 92, { vast: true }).cel('per.p', 53, { vast: true }).cel('per.n', 39, { getoond: false }).som('per.b', ['per.p', 'per.n']);
  for (const s of ['b', 'p', 'n']) w.som(`per.${s}`, [`jan.${s}`, `feb.${s}`]);
  return w.weergave();
}

describe('reasons withheld where saying them narrows a cell', () => {
  it('January’s total says no reason: with "at least 10" February’s would be 92 − 18 … 92 − 10', () => {
    const w = periode();
    // Every cell of both months hidden (January's positive and negative are small; the rest follow).
    const onderdrukt = new Map([
      ['jan.p', 'klein'], ['jan.n', 'klein'], ['jan.b', 'bescherming'], ['feb.b', 'bescherming'], ['feb.p', 'bescherming'],
    ] as const);
    const met = audit(w, onderdrukt);
    // jan.b ∈ [10, 18] by its marks alone (accepted), feb.b = 92 − jan.b ∈ [74, 82]: 9 values;
    // feb.p = 53 − jan.p with jan.p = jan.b − jan.n ≥ 10 − 9 = 1: [44, 52].
    expect(met.lekken.map((c) => `${c.id} ${c.min}–${c.max}`)).toEqual(['feb.b 74–82', 'feb.p 44–52']);
    const v = verzwijgRedenen(w, onderdrukt);
    expect([...v.zonderReden]).toEqual(['jan.b']);
    expect(v.audit.lekken).toEqual([]);
    // jan.b ∈ [0, 18]: feb.b ∈ [74, 92], feb.p ∈ [44, 53] (10 values each at least).
    const iv = (id: string) => v.audit.cellen.find((c) => c.id === id)!;
    expect([iv('jan.b'), iv('feb.b'), iv('feb.p')].map((c) => `${c.min}–${c.max}`)).toEqual(['0–18', '74–92', '44–53']);
  });

  it('where no reason helps but a "<10" does, that one is withheld', () => {
    const w = periode();
    // January's total printed: 7 + 5 = 12 with both "<10" pins the positive to 3–9, and
    // February's positive (53 minus January's) to 44–50.
    const onderdrukt = new Map([['jan.p', 'klein'], ['jan.n', 'klein'], ['feb.p', 'bescherming']] as const);
    expect(audit(w, onderdrukt).lekken.map((c) => `${c.id} ${c.min}–${c.max}`)).toEqual(['jan.p 3–9', 'jan.n 3–9', 'feb.p 44–50']);
    // The positive printed as "x" (0–12 as far as its own mark goes), the negative as "<10":
    // positive = 12 − negative, 3–12 (10 values); negative 0–9, all its mark says; February's
    // positive 41–50.
    const v = verzwijgRedenen(w, onderdrukt);
    expect([...v.zonderReden]).toEqual(['jan.p']);
    expect(v.audit.lekken).toEqual([]);
    expect(v.audit.cellen.map((c) => `${c.id} ${c.min}–${c.max}`)).toEqual(['jan.p 3–12', 'jan.n 0–9', 'feb.p 41–50']);
  });

  it('beveilig() hides both months and prints January’s total as "x" without its reason, in the footnote too', () => {
    const b = beveilig(periode());
    expect(Object.fromEntries(b.onderdrukt)).toEqual({ 'jan.p': 'klein', 'jan.n': 'klein', 'jan.b': 'bescherming', 'feb.b': 'bescherming', 'feb.p': 'bescherming' });
    expect([...b.zonderReden]).toEqual(['jan.b']);
    expect(b.aantal('jan.b')).toBe(GEHEIM);
    expect(b.reden('jan.b')).toBe('geheim');
    expect(b.reden('feb.b')).toBe('bescherming');
    expect(toelichtingen(b)).toContain(TOELICHTING_GEHEIM);
    expect(b.audit.lekken).toEqual([]);
    expect(audit(b.weergave, b.onderdrukt, { redenBekend: (id) => !b.zonderReden.has(id) }).lekken).toEqual([]);
  });
});
