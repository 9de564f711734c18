/**
 * A worker that sends the web host's large requests. Writing a 1,000,000-word policy's save into a request body
 * (JSON, then UTF-8 for the wire) cost the window's main thread some 500–800 ms, during which no key was taken; here
 * that work runs beside it, and the window only copies the text across (a few milliseconds).
 */
import type { Reply } from '../../shared/api/contract';
import { replyToResponse, type LargeRequest } from './request-reply';

interface WorkerScope {
  onmessage: ((event: MessageEvent<LargeRequest>) => void) | null;
  postMessage(message: unknown): void;
}
const scope = globalThis as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { id, url, input } = event.data;
  const send = async (): Promise<Reply<unknown> | null> => {
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
  };
  void send().then((reply) => scope.postMessage({ id, reply }));
};
