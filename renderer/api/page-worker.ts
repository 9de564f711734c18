import type { WorkerJob, WorkerResult } from './request-reply';

/**
 * The page's one worker (request-worker.ts), started on the first job it is given. `run` resolves with the job's
 * result, or undefined when no worker can run here (its script refused, say): the caller then does the job itself.
 */
export const pageWorker = (() => {
  let worker: Worker | null | undefined;
  let next = 0;
  const waiting = new Map<number, (result: WorkerResult | undefined) => void>();
  const start = (): Worker | null => {
    try {
      const started = new Worker(new URL('./request-worker.ts', import.meta.url), { type: 'module', name: 'requests' });
      started.onmessage = (event: MessageEvent<WorkerResult>) => {
        waiting.get(event.data.id)?.(event.data);
        waiting.delete(event.data.id);
      };
      // A worker that cannot run never did what it was given: those jobs, and all later ones, are done the ordinary way.
      started.onerror = () => {
        worker = null;
        for (const resolve of waiting.values()) resolve(undefined);
        waiting.clear();
      };
      return started;
    } catch {
      return null;
    }
  };
  return {
    run(job: WorkerJob): Promise<WorkerResult | undefined> {
      if (worker === undefined) worker = start();
      if (!worker) return Promise.resolve(undefined);
      const id = next++;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        worker?.postMessage({ ...job, id });
      });
    },
  };
})();
