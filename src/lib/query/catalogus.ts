/**
 * The catalog of loaded extracts with their provenance, rebuilt after every load: demo extracts
 * take source, synthetic flag and peildatum range from the manifest; a user's own file is named
 * by its file name, never synthetic, and its peildatum range is read from the data itself.
 * An extract keeps its version while it is the same load, so unrelated caches survive.
 */
import type { LoadedExtractInfo } from '../engine/client-types.ts';
import { toRows } from '../engine/rows.ts';
import type { ExtractName, QueryEngine } from '../engine/types.ts';
import type { Manifest } from '../extracts/manifest.ts';
import { ident } from '../sql/quote.ts';
import type { ExtractHerkomst } from './herkomst.ts';

/** The column that dates each contract's rows (BUIG counts whole years). */
const PEILDATUM_KOLOM: Record<ExtractName, { kolom: string; jaar?: true }> = {
  doelgroep_kwartaal: { kolom: 'peildatum' },
  doelgroep_uitstroom: { kolom: 'peildatum' },
  beschut_adviezen: { kolom: 'besluitdatum' },
  beschut_plekken: { kolom: 'peildatum' },
  buig_gemeente: { kolom: 'jaar', jaar: true },
};

let volgende = 0;

export async function catalogus(
  engine: QueryEngine,
  geladen: readonly LoadedExtractInfo[],
  manifest: Manifest | null,
  vorige: readonly ExtractHerkomst[],
): Promise<ExtractHerkomst[]> {
  const uit: ExtractHerkomst[] = [];
  for (const g of geladen) {
    const eerder = vorige.find((v) => v.extract === g.extract);
    const zelfde = eerder && eerder.bestand === g.bestand && eerder.geladenOp === g.geladenOp && (eerder.soort === 'demo') === (g.bron === 'demo');
    if (zelfde) {
      uit.push(eerder);
      continue;
    }
    const m = g.bron === 'demo' ? manifest?.extracts.find((e) => e.name === g.extract) : undefined;
    const bereik = m ? { van: m.peildatumVan, tot: m.peildatumTot } : await peildatumBereik(engine, g.extract);
    uit.push({
      extract: g.extract,
      soort: g.bron === 'demo' ? 'demo' : 'eigen',
      bestand: g.bestand,
      bron: m ? m.source : `eigen bestand ${g.bestand}`,
      synthetisch: m?.synthetic ?? false,
      peildatumVan: bereik.van,
      peildatumTot: bereik.tot,
      schemaVersie: m?.schemaVersion ?? 1,
      geladenOp: g.geladenOp,
      versie: ++volgende,
      ...(m ? { identiteit: identiteit(m) } : {}),
    });
  }
  return uit;
}

/** A demo extract's content: its file's hash and the schema it is read with. */
function identiteit(m: Manifest['extracts'][number]): string {
  return `${m.sha256}|schema${m.schemaVersion}`;
}

/**
 * The demo extracts about to be loaded, before the engine has them (a provisional catalog): views
 * can ask at once and draw answers kept from an earlier visit. Contracts with a user's kept file
 * are left out (that file will be loaded instead). The catalog of what is really loaded follows.
 */
export function voorlopigeCatalogus(manifest: Manifest, behalve: readonly ExtractName[]): ExtractHerkomst[] {
  return manifest.extracts
    .filter((m) => !behalve.includes(m.name))
    .map((m) => ({
      extract: m.name,
      soort: 'demo',
      bestand: m.file,
      bron: m.source,
      synthetisch: m.synthetic,
      peildatumVan: m.peildatumVan,
      peildatumTot: m.peildatumTot,
      schemaVersie: m.schemaVersion,
      geladenOp: '',
      versie: ++volgende,
      identiteit: identiteit(m),
    }));
}

async function peildatumBereik(engine: QueryEngine, extract: ExtractName): Promise<{ van: string | null; tot: string | null }> {
  const { kolom, jaar } = PEILDATUM_KOLOM[extract];
  const k = ident(kolom);
  const expr = (f: string) => (jaar ? `make_date(${f}(${k})::INTEGER, 12, 31)` : `${f}(${k})::DATE`);
  try {
    const [r] = toRows<{ van: string | null; tot: string | null }>(
      await engine.query(`SELECT strftime(${expr('min')}, '%Y-%m-%d') AS van, strftime(${expr('max')}, '%Y-%m-%d') AS tot FROM ${ident(extract)}`),
    );
    return { van: r?.van ?? null, tot: r?.tot ?? null };
  } catch {
    return { van: null, tot: null };
  }
}
