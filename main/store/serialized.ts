const queues = new Map<string, Promise<unknown>>();

/**
 * Runs tasks with the same key one after another, in this process: two saves of one file cannot interleave their
 * check and write, and two version saves cannot interleave their index and ref updates.
 */
export function serialized<T>(key: string, task: () => Promise<T>): Promise<T> {
  const run = (queues.get(key) ?? Promise.resolve()).then(task, task);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return run;
}
