/**
 * The 200 rapid filter changes on Duurzaamheid, one mix for the e2e settle test and the bench:
 * five base quarters (third quarters read from the trends, others with their own queries), four
 * achtergrond choices, five region choices, three sectors; the last selection is a fourth
 * quarter, one region, one sector, Wajong (its own queries).
 */
import { indexToKwartaal, kwartaalToIndex, type Kwartaal } from '../../src/lib/kwartaal.ts';

export interface Wissels {
  links: string[];
  laatste: { basis: Kwartaal; regio: string; sector: 'markt'; achtergrond: 'Wajong' };
}

export function wissels(standaard: Kwartaal): Wissels {
  const k = (n: number) => indexToKwartaal(kwartaalToIndex(standaard) + n);
  const bases: Kwartaal[] = [standaard, k(-4), k(-8), k(-3), k(-6)];
  const achtergronden = ['', 'Wsw', 'Wajong', 'Wajong,Wsw'];
  const regios = ['', 'AM38', 'AM01', 'AM18', 'AM38,AM01'];
  const sectoren = ['alle', 'markt', 'overheid'];
  const link = (basis: string, achtergrond: string, regio: string, sector: string) =>
    `#/duurzaamheid?basis=${basis}&horizon=4${achtergrond ? `&achtergrond=${achtergrond}` : ''}${regio ? `&regio=${regio}` : ''}&sector=${sector}`;
  const links = Array.from({ length: 199 }, (_, i) =>
    link(bases[i % bases.length], achtergronden[(i >> 1) % achtergronden.length], regios[(i >> 2) % regios.length], sectoren[(i >> 3) % sectoren.length]));
  const laatste = { basis: k(-7), regio: 'AM38', sector: 'markt', achtergrond: 'Wajong' } as const;
  links.push(link(laatste.basis, laatste.achtergrond, laatste.regio, laatste.sector));
  return { links, laatste };
}
