import { useEffect, type RefObject } from 'react';

/**
 * A drop-down menu closes, as a menu does, on a click anywhere but in its own box: the parent of the button that opens
 * it, which holds the button and the list.
 */
export function useCloseOnClickAway(open: boolean, button: RefObject<HTMLElement | null>, close: () => void): void {
  useEffect(() => {
    if (!open) return;
    const onDown = (event: MouseEvent) => {
      if (!(event.target instanceof Node && button.current?.parentElement?.contains(event.target))) close();
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
    // `close` is a fresh function each render; only opening and closing matter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, button]);
}
