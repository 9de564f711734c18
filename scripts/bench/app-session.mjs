// The app's launch address works once, but the bench opens the app many times, each in a fresh browser context so
// that nothing is cached: it trades the address for the session once and hands each new context that cookie.

/** The pattern of the address `policywright serve` prints. */
export const LAUNCH_ADDRESS = /(http:\/\/[a-z0-9-]+\.localhost:\d+\/\?code=[\w-]+)/;

/** Opens the launch address in a throw-away context; returns the app's root and the session cookie it set. */
export async function appSession(browser, launchUrl) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(launchUrl, { waitUntil: 'commit' });
    const cookies = await context.cookies();
    if (cookies.length === 0) throw new Error(`opening ${launchUrl} gave no session`);
    return { url: `${new URL(launchUrl).origin}/`, cookies };
  } finally {
    await context.close();
  }
}

/** A fresh context (its own cache and storage) that holds the app's session. */
export async function sessionContext(browser, session, options) {
  const context = await browser.newContext(options);
  if (session.cookies.length) await context.addCookies(session.cookies);
  return context;
}
