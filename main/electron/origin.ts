/**
 * The one origin Policywright's pages come from. A custom scheme rather than file://, so the page gets a real origin
 * (CSP 'self', storage, relative URLs) and nothing else on disk is reachable from it (security checklist #18).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'policywright';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Whether a URL is one of our own pages. Parsed, never prefix-matched: "app://policywright.evil/" is not ours. */
export function isAppUrl(raw: unknown): boolean {
  if (typeof raw !== 'string') return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '';
}

/**
 * Whether an IPC call comes from one of our frames. Checked on every call (checklist #17): a frame that navigated
 * elsewhere, or an iframe some content managed to add, must not reach the project on disk.
 */
export function isTrustedSender(frame: { readonly url: string } | null | undefined): boolean {
  try {
    return frame != null && isAppUrl(frame.url);
  } catch {
    // Reading a WebFrameMain whose frame has gone throws; a frame that is gone is not trusted.
    return false;
  }
}
