import { useEffect, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { onIdle } from '../common/tasks';

/**
 * `value` as of the first render, then each later change once the browser is idle (or 2 s later, onIdle's timeout,
 * under steady typing): for a change of look that costs the page a restyle, which would otherwise land in the frame
 * of the key that caused it. The change is drawn in the idle moment itself, and `element` (the one whose look changes)
 * laid out there too: left to the next frame, the restyle would only have moved to the next key's. A change back
 * before that moment costs nothing.
 */
export function useIdleValue<T>(value: T, element?: RefObject<HTMLElement | null>): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (Object.is(shown, value)) return undefined;
    return onIdle(() => {
      flushSync(() => setShown(value));
      void element?.current?.offsetHeight;
      return false;
    });
  }, [shown, value, element]);
  return shown;
}
