import type { Transport } from '../../shared/api/client';
import type { PolicywrightBridge } from '../../shared/api/bridge';
import { pageWorker } from './page-worker';
import { largerThan, replyToResponse } from './request-reply';

declare global {
  interface Window {
    policywright?: PolicywrightBridge;
  }
}

/** Inside Electron the preload's bridge carries calls over IPC. */
function bridgeTransport(bridge: PolicywrightBridge): Transport {
  return (method, input) => bridge.api[method](input);
}

/** Requests larger than this (in characters) are written out and sent by the request worker, off the main thread. */
const LARGE_REQUEST_CHARS = 256 * 1024;
const NOT_RUNNING = 'Policywright is not running, so nothing could be saved; your edits are kept in this browser and offered back when you start Policywright again and open the address it prints.';

/** From the web host, the same calls are POST /api/<method>; the launch token travels as a same-site cookie. */
const webTransport: Transport = async (method, input) => {
  if (largerThan(input, LARGE_REQUEST_CHARS)) {
    const done = await pageWorker.run({ url: new URL(`api/${method}`, document.baseURI).href, input });
    if (done) return done.reply ?? { ok: false, error: { message: NOT_RUNNING } };
  }
  let response: Response;
  const body = JSON.stringify(input ?? {});
  try {
    response = await fetch(`api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
      credentials: 'same-origin',
      // A save started as the page closes must still arrive; browsers cap keepalive bodies at 64 kB.
      keepalive: method === 'saveDocument' && body.length < 60_000,
    });
  } catch {
    return { ok: false, error: { message: NOT_RUNNING } };
  }
  return replyToResponse(response);
};

export function hostTransport(): Transport {
  return window.policywright ? bridgeTransport(window.policywright) : webTransport;
}

export function onMenuCommand(listener: Parameters<PolicywrightBridge['onMenuCommand']>[0]): () => void {
  return window.policywright ? window.policywright.onMenuCommand(listener) : () => undefined;
}
