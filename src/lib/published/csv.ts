/**
 * A small RFC 4180 CSV reader for the published reference files: comma separated, fields may be
 * quoted, quotes inside quoted fields are doubled, quoted fields may hold commas and line breaks.
 * Returns objects keyed by the header. Errors name the file and the line.
 */

export function parseCsv(tekst: string, bestand = 'CSV'): Record<string, string>[] {
  const rijen = leesRijen(tekst.replace(/^\uFEFF/, ''), bestand);
  if (rijen.length === 0) throw new Error(`${bestand}: leeg bestand, kopregel ontbreekt`);
  const kop = rijen[0].velden;
  if (new Set(kop).size !== kop.length) throw new Error(`${bestand}: dubbele kolomnaam in de kopregel`);
  return rijen.slice(1).map(({ velden, regel }) => {
    if (velden.length !== kop.length) {
      throw new Error(`${bestand}, regel ${regel}: ${velden.length} velden, verwacht ${kop.length} (${kop.join(', ')})`);
    }
    const uit: Record<string, string> = {};
    kop.forEach((k, i) => (uit[k] = velden[i]));
    return uit;
  });
}

function leesRijen(t: string, bestand: string): { velden: string[]; regel: number }[] {
  const rijen: { velden: string[]; regel: number }[] = [];
  let velden: string[] = [];
  let veld = '';
  let regel = 1;
  let startRegel = 1;
  let i = 0;
  let gequote = false;
  let veldBegonnen = false;
  const sluitRij = () => {
    velden.push(veld);
    // Skip blank lines (a single empty field).
    if (!(velden.length === 1 && velden[0] === '')) rijen.push({ velden, regel: startRegel });
    velden = [];
    veld = '';
    veldBegonnen = false;
  };
  while (i < t.length) {
    const c = t[i];
    if (gequote) {
      if (c === '"') {
        if (t[i + 1] === '"') {
          veld += '"';
          i += 2;
          continue;
        }
        gequote = false;
        i++;
        const volgende = t[i];
        if (volgende !== undefined && volgende !== ',' && volgende !== '\n' && volgende !== '\r') {
          throw new Error(`${bestand}, regel ${regel}: tekst na een afsluitend aanhalingsteken`);
        }
        continue;
      }
      if (c === '\n') regel++;
      veld += c;
      i++;
      continue;
    }
    if (c === '"' && !veldBegonnen) {
      gequote = true;
      veldBegonnen = true;
      i++;
      continue;
    }
    if (c === ',') {
      velden.push(veld);
      veld = '';
      veldBegonnen = false;
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      sluitRij();
      if (c === '\r' && t[i + 1] === '\n') i++;
      i++;
      regel++;
      startRegel = regel;
      continue;
    }
    veld += c;
    veldBegonnen = true;
    i++;
  }
  if (gequote) throw new Error(`${bestand}, regel ${startRegel}: aanhalingsteken niet gesloten`);
  if (veld !== '' || velden.length > 0) sluitRij();
  return rijen;
}
