/**
 * The window's regions, as Word and VS Code have them: F6 and Shift+F6 go from one to the next (the header, the
 * document list and outline, the toolbar, the editor, the side panels), and Esc then Tab leaves the editor to the next.
 * A region is any element marked `data-region` (its value names it); the order is the page's.
 */
import { focusElement, tabbables } from './focus-targets';

/** The index of the region to go to from `current` (-1 when the focus is in none), wrapping around. Pure. */
export function nextRegionIndex(count: number, current: number, step: 1 | -1): number {
  if (count === 0) return -1;
  if (current < 0) return step === 1 ? 0 : count - 1;
  return (current + step + count) % count;
}

function regions(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('[data-region]')].filter((element) => !element.closest('[inert]') && element.getClientRects().length > 0);
}

/** Moves the focus to the next (or previous) region; returns the name of the region it went to. */
export function moveToRegion(step: 1 | -1, from: Element | null = document.activeElement): string | null {
  const all = regions();
  const current = all.findIndex((region) => from !== null && region.contains(from));
  const index = nextRegionIndex(all.length, current, step);
  const region = all[index];
  if (!region) return null;
  focusRegion(region);
  return region.dataset.region ?? null;
}

/** Focuses a region: the editor where its cursor was, otherwise the region's first control, or the region itself. */
export function focusRegion(region: HTMLElement): void {
  const editable = region.querySelector<HTMLElement>('[data-slate-editor]');
  if (editable) {
    focusElement(editable);
    return;
  }
  const first = tabbables(region)[0];
  if (first) first.focus();
  else {
    if (!region.hasAttribute('tabindex')) region.tabIndex = -1;
    region.focus();
  }
}
