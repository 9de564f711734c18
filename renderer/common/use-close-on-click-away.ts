import { useEffect, useRef, type RefObject } from 'react';

/**
 * A drop-down menu closes, as a menu does, on a click anywhere but in its own box: the parent of the button that opens
 * it, which holds the button and the list.
 */
export function useCloseOnClickAway(open: boolean, button: RefObject<HTMLElement | null>, close: () => void): void {
  // `close` is a fresh function each render: the listener calls the latest one, and is added only as the menu opens.
  const latestClose = useRef(close);
  useEffect(() => {
    latestClose.current = close;
  });
  useEffect(() => {
    if (!open) return;
    const onDown = (event: MouseEvent) => {
      if (!(event.target instanceof Node && button.current?.parentElement?.contains(event.target))) latestClose.current();
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open, button]);
}
