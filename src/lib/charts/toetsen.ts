/**
 * Keyboard navigation shared by the charts' focus stops (roving tabindex): one key press, the
 * index it moves to. Arrow keys step, Home/End jump, Escape closes the tooltip.
 */
export type Stap = { soort: 'naar'; index: number } | { soort: 'sluit' } | null;

export function stapVoor(toets: string, huidig: number, aantal: number): Stap {
  if (aantal === 0) return null;
  if (toets === 'ArrowRight' || toets === 'ArrowDown') return { soort: 'naar', index: Math.min(aantal - 1, huidig + 1) };
  if (toets === 'ArrowLeft' || toets === 'ArrowUp') return { soort: 'naar', index: Math.max(0, huidig - 1) };
  if (toets === 'Home') return { soort: 'naar', index: 0 };
  if (toets === 'End') return { soort: 'naar', index: aantal - 1 };
  if (toets === 'Escape') return { soort: 'sluit' };
  return null;
}
