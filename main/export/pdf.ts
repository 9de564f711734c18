import { existsSync } from 'node:fs';
import { UserError } from '../store/errors';

/** Turns a standalone HTML page into PDF bytes. Electron prints with its own Chromium; elsewhere the system's. */
export type PdfRenderer = (html: string) => Promise<Uint8Array>;

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  return CANDIDATES.find((candidate) => existsSync(candidate)) ?? null;
}

/** PDF through the system's Chromium, driven by playwright-core: the web host's and the CLI's way to print. */
export const chromiumPdf: PdfRenderer = async (html) => {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new UserError('PDF export needs Chromium, which is not installed here: install it (on Debian, apt-get install chromium) or export from the desktop app.');
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    // The page is our own export: no scripts, no external requests; JavaScript stays off all the same.
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, margin: { top: '20mm', bottom: '20mm', left: '18mm', right: '18mm' } });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
};
