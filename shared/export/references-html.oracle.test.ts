import { describe, expect, it } from 'vitest';
import type { Block, NumberingStyle, PolicyDocument } from '../model/document';
import { MISSING_REFERENCE_TEXT } from '../model/reference-text';
import { p } from '../testing/builders';
import { referringPolicy } from '../testing/reference-documents';
import { CHROMIUM, CHROMIUM_TIMEOUT as TIMEOUT, HAS_CHROMIUM, useChromium, withPage } from '../../testing/chromium';
import { exportHtml } from './html';
import { prepareDocument } from './prepare';

/**
 * Every cross-reference in the exported HTML is a working link, as a reader's browser follows it: clicking it goes
 * to its section's heading (the page scrolls there and the address names it), and the link shows the number
 * Policywright shows. Each section is padded with text, so a link that went nowhere would leave the heading out of view.
 */

const padded = (numbering: NumberingStyle): PolicyDocument => {
  const doc = referringPolicy(numbering);
  const filler: Block[] = Array.from({ length: 12 }, () => p('Text that fills the page between sections, so that following a link has to scroll. '.repeat(4)));
  return { ...doc, blocks: doc.blocks.flatMap((block) => (block.kind === 'heading' ? [block] : [block, ...filler])) };
};

describe.skipIf(!HAS_CHROMIUM)(`references in exported HTML are working links (Chromium; needs ${CHROMIUM})`, () => {
  const chromium = useChromium();

  for (const numbering of ['decimal', 'letter-decimal', 'article-section', 'section-sign'] as const) {
    it(`${numbering}: each link leads to its section’s heading, the section the reference points at`, async () => {
      const doc = padded(numbering);
      const references = prepareDocument(doc).blocks.flatMap((block) =>
        (block.kind === 'list' ? block.items.flatMap((item) => item.runs) : block.kind === 'paragraph' ? block.runs : []).flatMap((run) => (run.ref ? [run] : [])),
      );
      expect(references.length).toBe(4);
      await withPage(chromium.browser, exportHtml(doc), async (page) => {
        const links = await page.locator('main a[href^="#"]').evaluateAll((anchors) => anchors.map((a) => ({ href: a.getAttribute('href') ?? '', text: a.textContent ?? '' })));
        expect(links.map((link) => link.text)).toEqual(references.map((run) => run.text));
        for (const [index, link] of links.entries()) {
          await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
          await page.locator('main a[href^="#"]').nth(index).click();
          const target = await page.evaluate((hash) => {
            const heading = document.getElementById(hash.slice(1));
            const box = heading?.getBoundingClientRect();
            return {
              hash: location.hash,
              tag: heading?.tagName ?? '',
              number: heading?.querySelector('.section-number')?.textContent ?? '',
              inView: box !== undefined && box.top >= -1 && box.top < window.innerHeight,
            };
          }, link.href);
          expect(target.hash).toBe(link.href);
          expect(target.tag).toMatch(/^H[2-6]$/);
          expect(target.inView).toBe(true);
          // The heading reached is the section the reference points at.
          expect(link.href).toBe(`#${references[index]?.ref?.section}`);
          expect(target.number).not.toBe('');
        }
        expect(await page.locator('main').textContent()).toContain(MISSING_REFERENCE_TEXT);
        expect(await page.locator(`main a:has-text("${MISSING_REFERENCE_TEXT}")`).count()).toBe(0);
      });
    }, TIMEOUT);
  }
});
