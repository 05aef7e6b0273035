/**
 * The page's headline sentences as one paragraph for a letter. On the page each sentence stands
 * alone and names its cohort; read in a row that is eight times "Van de mensen die in het derde
 * kwartaal van 2023 werkten". Here the cohort is named once ("Van hen …" after that) and the
 * sentences per achtergrond become one list. Only the wording changes: every figure is the
 * sentence's own, in the same order (the briefing's rounding words follow that order). A
 * sentence of another form — a share that is not shown, with its reason — stays as it is.
 */
const BEGIN = /^(Van de .+? die in het .+? werkten), (.+)$/;
const GROEP = /^Van de mensen met achtergrond (.+?) die in het .+? werkten, werkte (.+?) (\S+ procent) nog steeds\.$/;

interface Groep {
  zin: string;
  naam: string;
  later: string;
  aandeel: string;
}

/** "a, b en c". */
function opsomming(delen: readonly string[]): string {
  return delen.length < 2 ? delen.join('') : `${delen.slice(0, -1).join(', ')} en ${delen.at(-1)}`;
}

export function alineaZinnen(zinnen: readonly string[]): string[] {
  const uit: string[] = [];
  let cohort: string | null = null;
  let groepen: Groep[] = [];
  const sluitGroepen = () => {
    const later = groepen[0]?.later;
    if (groepen.length > 1 && groepen.every((g) => g.later === later)) {
      uit.push(`Naar achtergrond werkte ${later} nog: ${opsomming(groepen.map((g) => `${g.naam} ${g.aandeel}`))}.`);
    } else uit.push(...groepen.map((g) => g.zin));
    groepen = [];
  };
  for (const zin of zinnen) {
    const g = GROEP.exec(zin);
    if (g) {
      groepen.push({ zin, naam: g[1], later: g[2], aandeel: g[3] });
      continue;
    }
    sluitGroepen();
    const b = BEGIN.exec(zin);
    if (b && b[1] === cohort) uit.push(`Van hen ${b[2]}`);
    else {
      if (b) cohort = b[1];
      uit.push(zin);
    }
  }
  sluitGroepen();
  return uit;
}
