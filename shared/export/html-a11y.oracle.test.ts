import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFile } from '../format/parse';
import { PolicyDocumentSchema, type PolicyDocument } from '../model/document';
import { exportHtml } from './html';
import { axeAudit } from '../testing/axe';

/*
 * The exported HTML read by axe-core in a real browser (the system's Chromium, driven by playwright-core): an exported
 * policy is published to the public, so it must have no serious or critical accessibility violation.
 */

const CHROMIUM = '/usr/bin/chromium';
const TIMEOUT = 60_000;

const SAMPLES = path.resolve(__dirname, '../../assets/sample-project/documents');
function sample(name: string): PolicyDocument {
  return parseFile(PolicyDocumentSchema, readFileSync(path.join(SAMPLES, `${name}.policy.json`), 'utf8'), `${name}.policy.json`);
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const audit = (page: Page) => axeAudit(page, AXE_SOURCE);

describe.skipIf(!existsSync(CHROMIUM))('exported HTML accessibility (axe-core in Chromium; needs /usr/bin/chromium)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
  });

  async function auditHtml(html: string): Promise<{ serious: string[]; passed: string[] }> {
    const page = await browser.newPage();
    try {
      // The export fetches nothing, so the page is complete once set.
      await page.setContent(html, { waitUntil: 'load' });
      return await audit(page);
    } finally {
      await page.close();
    }
  }

  it(
    'the sample privacy policy has no serious or critical violations',
    async () => {
      const { serious, passed } = await auditHtml(exportHtml(sample('privacy-policy')));
      expect(serious).toEqual([]);
      // The checks that matter most for a long policy really ran and passed (an empty verdict would prove nothing).
      expect(passed).toEqual(expect.arrayContaining(['html-has-lang', 'document-title', 'color-contrast', 'heading-order', 'list', 'listitem', 'link-name']));
    },
    TIMEOUT,
  );

  it.each(['cookie-policy', 'terms-of-service'])(
    'the sample %s has no serious or critical violations',
    async (name) => {
      expect((await auditHtml(exportHtml(sample(name)))).serious).toEqual([]);
    },
    TIMEOUT,
  );
});
