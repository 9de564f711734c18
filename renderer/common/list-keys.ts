import type { KeyboardEvent } from 'react';

/**
 * The keys of a search box over a list of choices: ↓ and ↑ move the active choice within the list, Enter takes it
 * (when there is one). Handled keys do nothing else; every other key types in the box.
 */
export function handleListKeys(event: KeyboardEvent, count: number, setActive: (change: (active: number) => number) => void, enter: (() => void) | null): void {
  if (event.key === 'ArrowDown') setActive((a) => Math.min(a + 1, count - 1));
  else if (event.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
  else if (event.key === 'Enter' && enter) enter();
  else return;
  event.preventDefault();
}
