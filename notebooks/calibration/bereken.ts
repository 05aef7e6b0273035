/**
 * Computes the twin of every published figure with the project's own metric functions
 * (src/lib/metrics/*), on whatever engine holds the extracts. Each metric runs once per distinct
 * parameter set (memoised), so the whole report costs a few dozen queries.
 */
import type { QueryEngine } from '../../src/lib/engine/types.ts';
import * as banenM from '../../src/lib/metrics/banen.ts';
import * as beschutM from '../../src/lib/metrics/beschut.ts';
import * as buigM from '../../src/lib/metrics/buig.ts';
import { panelBereikQuery, type PanelBereik } from '../../src/lib/metrics/duurzaamheid/bereik.ts';
import { contractQuery, type ContractRij } from '../../src/lib/metrics/duurzaamheid/contract.ts';
import { startersQuery } from '../../src/lib/metrics/duurzaamheid/starters.ts';
import { cohortUitkomstQuery } from '../../src/lib/metrics/duurzaamheid/uitkomst.ts';
import { uitstroomRedenenQuery } from '../../src/lib/metrics/duurzaamheid/uitstroom.ts';
import { runMetric } from '../../src/lib/sql/query.ts';
import type { Kwartaal } from '../../src/lib/kwartaal.ts';
import { kwPlus, NULMETING_KW, type Berekening } from './figuren.ts';

export class Rekenaar {
  private cache = new Map<string, Promise<unknown>>();
  private bereik: Promise<PanelBereik | null>;

  constructor(private readonly engine: QueryEngine) {
    this.bereik = runMetric(engine, panelBereikQuery());
  }

  private async panel(): Promise<PanelBereik> {
    const b = await this.bereik;
    if (!b) throw new Error('Het doelgroepregister (doelgroep_kwartaal) bevat geen rijen.');
    return b;
  }

  private eenmaal<T>(sleutel: string, f: () => Promise<T>): Promise<T> {
    if (!this.cache.has(sleutel)) this.cache.set(sleutel, f());
    return this.cache.get(sleutel) as Promise<T>;
  }

  private register(regio?: string) {
    return this.eenmaal(`reg|${regio ?? ''}`, () => runMetric(this.engine, banenM.registerQuery({ regio: regio ? [regio] : undefined })));
  }
  private banen(split: banenM.BanenSplitsing, regio?: string) {
    return this.eenmaal(`banen|${split}|${regio ?? ''}`, () => runMetric(this.engine, banenM.banenQuery({ split, regio: regio ? [regio] : undefined })));
  }
  private async banenWaarde(kw: string, split: banenM.BanenSplitsing, groep: string, regio?: string): Promise<number> {
    const rij = (await this.banen(split, regio)).find((r) => r.kwartaal === kw && r.groep === groep);
    return rij?.banen ?? 0;
  }
  private async extra(kw: string, split: banenM.BanenSplitsing, groep: string, regio?: string): Promise<number> {
    return (await this.banenWaarde(kw, split, groep, regio)) - (await this.banenWaarde(NULMETING_KW, split, groep, regio));
  }
  private async cohort(basis: string, split: 'none' | 'achtergrond') {
    const b = await this.panel();
    return this.eenmaal(`cohort|${basis}|${split}`, () => runMetric(this.engine, cohortUitkomstQuery({ basis: basis as Kwartaal, horizon: 4, split }, b)));
  }
  private async uitstroom(basis: string) {
    const b = await this.panel();
    return this.eenmaal(`uit|${basis}`, () => runMetric(this.engine, uitstroomRedenenQuery({ basis: basis as Kwartaal, horizon: 4 }, b)));
  }
  private async starters(basis: string) {
    const b = await this.panel();
    return this.eenmaal(`start|${basis}`, () => runMetric(this.engine, startersQuery({ basis: basis as Kwartaal }, b)));
  }
  private contract(kw: string) {
    return this.eenmaal(`contract|${kw}`, () => runMetric(this.engine, contractQuery({ kwartaal: kw as Kwartaal })));
  }
  private plekken(regio?: string) {
    return this.eenmaal(`plek|${regio ?? ''}`, () => runMetric(this.engine, beschutM.plekkenQuery({ regio: regio ? [regio] : undefined })));
  }
  private buig() {
    return this.eenmaal('buig', () => runMetric(this.engine, buigM.landelijkQuery()));
  }

  /** The computed value, or null when the data hold nothing for it (e.g. a quarter outside the panel). */
  async waarde(b: Berekening): Promise<number | null> {
    switch (b.k) {
      case 'register': {
        const r = (await this.register(b.regio)).find((x) => x.kwartaal === b.kw);
        return r ? r[b.veld] : null;
      }
      case 'registerVerschil': {
        const rijen = await this.register(b.regio);
        const a = rijen.find((x) => x.kwartaal === b.kw);
        const n = rijen.find((x) => x.kwartaal === NULMETING_KW);
        return a && n ? a.personen - n.personen : null;
      }
      case 'werkzaamGroei': {
        const rijen = await this.register();
        const a = rijen.find((x) => x.kwartaal === b.van);
        const z = rijen.find((x) => x.kwartaal === b.tot);
        return a && z ? 100 * (z.werkzaam / a.werkzaam - 1) : null;
      }
      case 'banen':
        return b.extra ? this.extra(b.kw, b.split, b.groep, b.regio) : this.banenWaarde(b.kw, b.split, b.groep, b.regio);
      case 'banenMutatie': {
        const nu = await this.banenWaarde(b.kw, b.split, b.groep);
        const toen = await this.banenWaarde(kwPlus(b.kw, -b.terug), b.split, b.groep);
        return b.pct ? 100 * (nu / toen - 1) : nu - toen;
      }
      case 'aandeelInleen': {
        const m = await this.banenWaarde(b.kw, 'sector_inleen', 'markt inleen');
        const o = await this.banenWaarde(b.kw, 'sector_inleen', 'overheid inleen');
        return (100 * (b.sector === 'markt' ? m : o)) / (m + o);
      }
      case 'achterstand':
        return b.doel - (await this.extra(b.kw, 'totaal', 'totaal'));
      case 'groei': {
        const g = await this.eenmaal(`groei|${b.van}|${b.tot}`, () => runMetric(this.engine, banenM.groeiQuery({ van: b.van as Kwartaal, tot: b.tot as Kwartaal })));
        return b.pct ? g[0]?.groeiPct ?? null : g[0]?.groei ?? null;
      }
      case 'cohort': {
        const rijen = await this.cohort(b.basis, b.groep === 'totaal' ? 'none' : 'achtergrond');
        return rijen.find((r) => r.groep === b.groep)?.[b.veld] ?? null;
      }
      case 'uitstroomReden':
        return (await this.uitstroom(b.basis)).find((r) => r.groep === 'totaal' && r.reden === b.reden)?.pct ?? null;
      case 'contract':
        return (await this.contract(b.kw)).find((r) => r.groep === 'totaal')?.[b.veld] ?? null;
      case 'contractGroei': {
        const a = (await this.contract(b.van)).find((r) => r.groep === 'totaal');
        const z = (await this.contract(b.tot)).find((r) => r.groep === 'totaal');
        if (!a || !z) return null;
        const v = (r: ContractRij) => (b.veld === 'uren' ? r.uren : b.veld === 'urenOnbepaald' ? r.urenOnbepaald : r.uren - r.urenOnbepaald);
        return 100 * (v(z) / v(a) - 1);
      }
      case 'starters':
        return (await this.starters(b.basis)).find((r) => r.groep === 'totaal')?.[b.veld] ?? null;
      case 'beschutPeriode': {
        const rijen = await this.eenmaal(`besch|${b.van}|${b.tot}`, () => runMetric(this.engine, beschutM.periodeTotaalQuery({ van: b.van, tot: b.tot })));
        return rijen.find((r) => r.aanvrager === b.aanvrager)?.[b.veld] ?? null;
      }
      case 'beschutCumPositief':
        return this.eenmaal(`cum|${b.tot}`, () => runMetric(this.engine, beschutM.cumulatiefPositiefQuery({ tot: b.tot })));
      case 'plekken': {
        const r = (await this.plekken(b.regio)).find((x) => x.peildatum === b.peildatum);
        return r ? r[b.veld] : null;
      }
      case 'plekkenMutatie': {
        const rijen = await this.plekken();
        const a = rijen.find((x) => x.peildatum === b.peildatum);
        const v = rijen.find((x) => x.peildatum === b.vorige);
        return a && v ? a.plekken - v.plekken : null;
      }
      case 'buig': {
        const r = (await this.buig()).find((x) => x.jaar === b.jaar);
        if (!r) return null;
        const v = r[b.veld];
        if (v === null) return null;
        const mln = ['voorlopig', 'definitief', 'uitgaven', 'saldo', 'bijstelling', 'mutatieDefinitief'].includes(b.veld);
        return b.teken * (mln ? v / 1e6 : v);
      }
      case 'buigVerschil': {
        const rijen = await this.buig();
        const r = rijen.find((x) => x.jaar === b.jaar);
        const v = rijen.find((x) => x.jaar === b.jaar - 1);
        return r && v ? (r.voorlopig - v.definitief) / 1e6 : null;
      }
      case 'buigCum': {
        const c = await this.eenmaal(`bcum|${b.van}|${b.tot}`, () => runMetric(this.engine, buigM.cumulatiefQuery({ van: b.van, tot: b.tot })));
        return b.veld === 'saldo' ? c.saldo / 1e6 : c.saldoPct;
      }
    }
  }
}

