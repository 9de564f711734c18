/** Yields to the browser: runs `callback` in a task of its own, so a key pressed meanwhile is handled first (no 4 ms timer clamp). */
export function nextTask(callback: () => void): () => void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    callback();
  };
  channel.port2.postMessage(null);
  return () => channel.port1.close();
}

/** Runs `callback` in the first task after the next frame has been painted. */
export function afterNextPaint(callback: () => void): () => void {
  let cancelTask: (() => void) | null = null;
  const frame = requestAnimationFrame(() => {
    cancelTask = nextTask(callback);
  });
  return () => {
    cancelAnimationFrame(frame);
    cancelTask?.();
  };
}

/**
 * Runs `step` in the browser's idle periods, again and again while it returns true: background work that must never
 * stand in the way of a key. A step may go on while its idle period has time left (`deadline`, where there is one).
 * Returns a function that stops it.
 */
export function onIdle(step: (deadline?: IdleDeadline) => boolean): () => void {
  let handle: number | null = null;
  let stopped = false;
  const run = (deadline?: IdleDeadline) => {
    handle = null;
    if (!stopped && step(deadline)) schedule();
  };
  const schedule = () => {
    handle = typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 2000 }) : window.setTimeout(run, 50);
  };
  schedule();
  return () => {
    stopped = true;
    if (handle === null) return;
    if (typeof cancelIdleCallback === 'function') cancelIdleCallback(handle);
    else clearTimeout(handle);
  };
}
