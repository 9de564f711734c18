import { useCallback, useEffect, useState } from 'react';

/**
 * How many of `total` items to draw: `first` at once, then `step` more per task until all are there. A long list
 * (two thousand outline entries, two thousand compared sections) then costs its first screen up front, and the rest
 * arrives in tasks short enough to leave the page responsive.
 */
export function useProgressiveCount(total: number, first: number, step: number): { count: number; atLeast: (n: number) => void } {
  const [count, setCount] = useState(() => Math.min(total, first));
  useEffect(() => {
    if (count >= total) return;
    const timer = setTimeout(() => setCount((c) => Math.min(total, c + step)), 0);
    return () => clearTimeout(timer);
  }, [count, total, step]);
  const atLeast = useCallback((n: number) => setCount((c) => Math.max(c, Math.min(total, n))), [total]);
  return { count: Math.min(count, total), atLeast };
}
