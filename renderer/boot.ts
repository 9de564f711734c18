import { createApiClient } from '../shared/api/client';
import { hostTransport } from './api/transport';

/**
 * The first thing the page runs, before React and the editor are even evaluated: the start-up request (which brings
 * the first document with it) travels while the rest of the bundle is parsed and evaluated, a third of a second sooner
 * than from the app's first render. The built page runs this chunk as a script of its own, ahead of the bundle (see
 * vite.config.ts); main.tsx imports it first too, so that it is evaluated first wherever the page is served from.
 */
export const client = createApiClient(hostTransport());
export const startup = client.getStartup({});
// The app attaches its own handlers once it renders; until then a failure must not be reported as unhandled.
startup.catch(() => undefined);

// The window's first read of localStorage (which panels were open) loads all of it from the browser, synchronously:
// 15–17 ms, measured, in the first render after the document arrived. Read here, it is done while the request travels.
try {
  void localStorage.length;
} catch {
  // Storage refused (a private window, a policy): the panels then start as their defaults, and nothing here matters.
}
