import type { Transport } from '../../shared/api/client';
import type { PolicywrightBridge } from '../../shared/api/bridge';
import type { Reply } from '../../shared/api/contract';

declare global {
  interface Window {
    policywright?: PolicywrightBridge;
  }
}

/** Inside Electron the preload's bridge carries calls over IPC. */
function bridgeTransport(bridge: PolicywrightBridge): Transport {
  return (method, input) => bridge.api[method](input);
}

/** From the web host, the same calls are POST /api/<method>; the launch token travels as a same-site cookie. */
const webTransport: Transport = async (method, input) => {
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
    return {
      ok: false,
      error: { message: 'Policywright is not running, so nothing could be saved; your edits are kept in this browser and offered back when you start Policywright again and open the address it prints.' },
    };
  }
  const type = response.headers.get('content-type') ?? '';
  if (!type.startsWith('application/json')) {
    return { ok: false, error: { message: `The app refused the request (${response.status}): ${(await response.text()).slice(0, 200)}` } };
  }
  return (await response.json()) as Reply<unknown>;
};

export function hostTransport(): Transport {
  return window.policywright ? bridgeTransport(window.policywright) : webTransport;
}

export function onMenuCommand(listener: Parameters<PolicywrightBridge['onMenuCommand']>[0]): () => void {
  return window.policywright ? window.policywright.onMenuCommand(listener) : () => undefined;
}
