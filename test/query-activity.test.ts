/**
 * The browser engine's bookkeeping of page queries (src/lib/engine/activity.ts): the background
 * cache copy starts only when no page query is in flight, and its checkpoint gets an exclusive
 * turn — it waits for queries in flight and holds new ones back. Order of events, never times.
 */
import { describe, expect, it } from 'vitest';
import { QueryActivity } from '../src/lib/engine/activity.ts';

function handmatig() {
  let klaar!: () => void;
  const p = new Promise<void>((r) => (klaar = r));
  return { p, klaar };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('QueryActivity', () => {
  it('quiet waits until the page queries in flight have ended', async () => {
    const a = new QueryActivity();
    const log: string[] = [];
    const q = handmatig();
    const loopt = a.run(async () => {
      await q.p;
      log.push('query klaar');
    });
    const stil = a.quiet(0).then(() => log.push('stil'));
    await tick();
    expect(log).toEqual([]);
    q.klaar();
    await Promise.all([loopt, stil]);
    expect(log).toEqual(['query klaar', 'stil']);
  });

  it('quiet gives up when told to stop (an engine that closes)', async () => {
    const a = new QueryActivity();
    const q = handmatig();
    void a.run(() => q.p);
    await expect(a.quiet(0, () => true)).resolves.toBeUndefined();
    q.klaar();
  });

  it('an exclusive turn waits for queries in flight and holds new ones until it is done', async () => {
    const a = new QueryActivity();
    const log: string[] = [];
    const eerste = handmatig();
    const q1 = a.run(async () => {
      await eerste.p;
      log.push('q1');
    });
    const beurt = handmatig();
    const checkpoint = a.exclusive(async () => {
      log.push('checkpoint begint');
      await beurt.p;
      log.push('checkpoint klaar');
    });
    const q2 = a.run(async () => log.push('q2'));
    await tick();
    expect(log).toEqual([]);
    eerste.klaar();
    await q1;
    await tick();
    expect(log).toEqual(['q1', 'checkpoint begint']);
    beurt.klaar();
    await Promise.all([checkpoint, q2]);
    expect(log).toEqual(['q1', 'checkpoint begint', 'checkpoint klaar', 'q2']);
  });

  it('background work gives way: a page query that starts meanwhile interrupts it and it answers false', async () => {
    const a = new QueryActivity();
    const log: string[] = [];
    const werk = handmatig();
    // The interrupt makes the engine end the statement with an error, as cancelSent does.
    const kopie = a.wijkend(async () => {
      await werk.p;
      if (log.includes('afgebroken')) throw new Error('INTERRUPT');
      log.push('kopie klaar');
    }, () => {
      log.push('afgebroken');
      werk.klaar();
    });
    await tick();
    await a.run(async () => void log.push('paginavraag'));
    await expect(kopie).resolves.toBe(false);
    expect(log).toEqual(['afgebroken', 'paginavraag']);
    // Without a page query it runs to the end; its own errors still surface.
    const rustig = handmatig();
    const tweede = a.wijkend(() => rustig.p, () => log.push('onterecht afgebroken'));
    rustig.klaar();
    await expect(tweede).resolves.toBe(true);
    await expect(a.wijkend(async () => Promise.reject(new Error('schijf vol')), () => undefined)).rejects.toThrow('schijf vol');
    // A page query after the work has ended interrupts nothing.
    await a.run(async () => undefined);
    expect(log).not.toContain('onterecht afgebroken');
  });
});
