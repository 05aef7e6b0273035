/**
 * Downloads made in the browser itself: a Blob behind an object URL and a temporary link.
 * No request goes anywhere; the URL is revoked once the click has been handled.
 */

export function downloadBlob(blob: Blob, bestandsnaam: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = bestandsnaam;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadTekst(tekst: string, bestandsnaam: string, mime: string): void {
  downloadBlob(new Blob([tekst], { type: mime }), bestandsnaam);
}

/**
 * File name from title and peildatum: "Banenafspraak: extra banen" + 2022-12-31 →
 * "banenafspraak-extra-banen-2022-12-31.csv". Accents are dropped, only [a-z0-9-] remain.
 */
export function bestandsnaam(titel: string, peildatum: string, extensie: string): string {
  const slug = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  const delen = [slug(titel).slice(0, 80).replace(/-+$/, ''), slug(peildatum)].filter(Boolean);
  return `${delen.join('-') || 'export'}.${extensie}`;
}
