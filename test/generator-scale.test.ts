/**
 * The generator's scale factor (issue 15, target 4): up to 1.5 the baan_id step stays 2^20, so the
 * national demo data (scale 1) keep their exact bytes and calibration; above it the step grows so
 * twice the national panel fits, and baan_id still fits an INTEGER over every quarter.
 */
import { describe, expect, it } from 'vitest';
import { genereer } from '../notebooks/generator/index.ts';
import { BAAN_STAP, baanStap } from '../notebooks/generator/panel.ts';

describe('generator scale', () => {
  it('keeps the baan_id step of the national data up to scale 1.5 and widens it above', () => {
    expect(baanStap(1)).toBe(2 ** 20);
    expect(baanStap(1)).toBe(BAAN_STAP);
    expect(baanStap(1.5)).toBe(2 ** 20);
    expect(baanStap(2)).toBe(2 ** 22);
    // 2012Q4 … 2024Q4 is 49 quarters; the last quarter's ids with 2^22 − 1 persons stay below 2^31.
    expect(48 * baanStap(3) + baanStap(3) - 1).toBeLessThan(2 ** 31);
  });

  it('refuses a scale above 3 before doing any work', async () => {
    await expect(genereer({ scale: 3.5, out: '/nonexistent/never-written' })).rejects.toThrow('scale moet tussen 0 en 3 liggen, niet 3.5');
  });
});
