/**
 * Reading an edited paragraph back from the page: text nodes are the user's words, the number
 * parts (elements with data-getal) stay {i}, line breaks become spaces. Braces the user typed are
 * doubled, as the template format (alinea-sjabloon.ts) expects.
 */
export function sjabloonUitDom(el: HTMLElement): string {
  let uit = '';
  const lees = (n: Node): void => {
    if (n.nodeType === Node.TEXT_NODE) {
      uit += (n.textContent ?? '').replaceAll('{', '{{').replaceAll('}', '}}');
      return;
    }
    if (!(n instanceof HTMLElement)) return;
    if (n.dataset.getal !== undefined) {
      uit += `{${n.dataset.getal}}`;
      return;
    }
    if (n.tagName === 'BR') {
      uit += ' ';
      return;
    }
    n.childNodes.forEach(lees);
    if (n.tagName === 'DIV' || n.tagName === 'P') uit += ' ';
  };
  el.childNodes.forEach(lees);
  return uit.replace(/\s+/g, ' ').trim();
}
