/**
 * The last CONSISTENT view of a section: answers that all belong to one selection, with that
 * selection. While a new selection is computed the section keeps showing the previous one
 * (dimmed by QueryStatus) instead of mixing an old answer with new filters. `maak` returns null
 * until every answer the section needs answers the current question (QueryState.current).
 * Call during component initialisation, after the useQuery calls it reads.
 */
export function momentopname<T>(maak: () => T | null): { readonly waarde: T | null } {
  let waarde = $state.raw<T | null>(null);
  $effect(() => {
    const w = maak();
    if (w !== null) waarde = w;
  });
  return {
    get waarde() {
      return waarde;
    },
  };
}
