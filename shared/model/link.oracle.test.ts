import { describe, expect, it } from 'vitest';
import { CHROMIUM, HAS_CHROMIUM, launchChromium } from '../../testing/chromium';
import { ACCEPTED, REFUSED, generatedAddresses } from '../testing/link-addresses';
import { safeLink } from './link';

describe.skipIf(!HAS_CHROMIUM)(`safeLink agrees with Chromium's URL parser (needs ${CHROMIUM})`, () => {
  it('every address it accepts, Chromium parses as typed and reads its normalized form back unchanged', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const strings = [...ACCEPTED.map(([raw]) => raw), ...REFUSED.filter((raw): raw is string => typeof raw === 'string')];
      const parsed = await page.evaluate((list) => list.map((raw) => (URL.canParse(raw.trim()) ? new URL(raw.trim()).href : null)), strings);
      const normalized = strings.map((raw) => safeLink(raw));
      const reparsed = await page.evaluate((list) => list.map((href) => (href === null ? null : URL.canParse(href) ? new URL(href).href : 'unparsable')), normalized);
      let accepted = 0;
      strings.forEach((raw, i) => {
        const href = normalized[i];
        if (href === null || href === undefined) return;
        accepted++;
        expect(parsed[i], `Chromium cannot parse ${JSON.stringify(raw)}`).not.toBeNull();
        expect(reparsed[i], `Chromium reads ${href} differently`).toBe(href);
      });
      expect(accepted).toBe(ACCEPTED.length);

      // Generated hosts, where the parsers differ most: every one safeLink accepts, Chromium reads as Node does.
      const generated = generatedAddresses();
      const ours = generated.map((raw) => safeLink(raw));
      const [rawReads, ourReads] = await page.evaluate(
        ([raws, hrefs]) => [raws, hrefs].map((list) => list.map((u) => (u !== null && URL.canParse(u) ? new URL(u).href : null))),
        [generated, ours] as const,
      );
      let agreed = 0;
      generated.forEach((raw, i) => {
        const href = ours[i];
        if (href === null || href === undefined) return;
        agreed++;
        expect(rawReads?.[i], `Chromium cannot parse ${JSON.stringify(raw)}`).not.toBeNull();
        // the same place: a host is where parsers have disagreed
        expect(new URL(rawReads?.[i] as string).host, `Chromium reads the host of ${JSON.stringify(raw)} otherwise`).toBe(new URL(href).host);
        expect(ourReads?.[i], `Chromium reads ${href} (from ${JSON.stringify(raw)}) otherwise`).toBe(href);
      });
      console.log(`safeLink and Chromium: ${generated.length} generated addresses, ${agreed} accepted and read alike, the rest refused`);
      expect(agreed).toBeGreaterThan(50);
    } finally {
      await browser.close();
    }
  });
});
