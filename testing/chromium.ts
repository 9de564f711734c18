import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

/**
 * Lives outside shared/ because it reads the file system (whether Chromium is installed): shared/ never touches Node.
 * The system's Chromium for the oracle tests that read a page as a browser does (axe-core, the URL parser): where it
 * is, whether it is there (a test skips, saying so, where it is not), and one browser for a describe block.
 */
export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);

/**
 * Lives outside shared/ because it reads the file system (whether Chromium is installed): shared/ never touches Node. No sandbox (tests run as root in containers), no GPU, and nothing the browser would fetch or sync on its own. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Starting Chromium on a busy two-core machine can take many seconds. */
export const CHROMIUM_TIMEOUT = 60_000;

export const launchChromium = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });

/** Registers the hooks that start Chromium before the describe block's tests and close it after; read `browser` inside a test. */
export function useChromium(): { readonly browser: Browser } {
  const state = {} as { browser: Browser };
  beforeAll(async () => {
    state.browser = await launchChromium();
  }, CHROMIUM_TIMEOUT);
  afterAll(async () => {
    await state.browser?.close();
  });
  return state;
}

/** A new page showing `html`, handed to `use` and closed after. The pages tested fetch nothing, so they are complete once set. */
export async function withPage<T>(browser: Browser, html: string, use: (page: Page) => Promise<T>): Promise<T> {
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    return await use(page);
  } finally {
    await page.close();
  }
}
