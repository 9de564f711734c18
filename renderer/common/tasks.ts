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
