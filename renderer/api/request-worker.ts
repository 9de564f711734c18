/**
 * The page's worker: sends the web host's large requests. Writing a 1,000,000-word policy's save into a request body
 * (JSON, then UTF-8 for the wire) cost the window's main thread some 500–800 ms, during which no key was taken; here
 * that work runs beside it, and the window only copies the data across (some 80 ms for that policy).
 */
import type { Reply } from '../../shared/api/contract';
import { replyToResponse, type WorkerJob, type WorkerResult } from './request-reply';

interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerJob & { id: number }>) => void) | null;
  postMessage(message: WorkerResult): void;
}
const scope = globalThis as unknown as WorkerScope;

scope.onmessage = (event) => {
  const job = event.data;
  void send(job.url, job.input).then((reply) => scope.postMessage({ id: job.id, reply }));
};

async function send(url: string, input: unknown): Promise<Reply<unknown> | null> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input ?? {}),
      credentials: 'same-origin',
    });
    return await replyToResponse(response);
  } catch {
    return null;
  }
}
