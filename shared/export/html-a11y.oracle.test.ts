import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../format/parse';
import { PolicyDocumentSchema, type PolicyDocument } from '../model/document';
import { exportHtml } from './html';
import { format4Policy } from './format4-test-documents';
import { axeAudit } from '../testing/axe';
import { CHROMIUM, CHROMIUM_TIMEOUT as TIMEOUT, HAS_CHROMIUM, useChromium, withPage } from '../../testing/chromium';

/*
 * The exported HTML read by axe-core in a real browser (the system's Chromium, driven by playwright-core): an exported
 * policy is published to the public, so it must have no serious or critical accessibility violation.
 */

const SAMPLES = path.resolve(__dirname, '../../assets/sample-project/documents');
function sample(name: string): PolicyDocument {
  return parseFile(PolicyDocumentSchema, readFileSync(path.join(SAMPLES, `${name}.policy.json`), 'utf8'), `${name}.policy.json`);
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

describe.skipIf(!HAS_CHROMIUM)(`exported HTML accessibility (axe-core in Chromium; needs ${CHROMIUM})`, () => {
  const chromium = useChromium();
  const auditHtml = (html: string) => withPage(chromium.browser, html, (page) => axeAudit(page, AXE_SOURCE));

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

  it(
    'a policy with tables, headings without numbers and footnotes has no serious or critical violations',
    async () => {
      const { serious, passed } = await auditHtml(exportHtml(format4Policy(), { variables: { company_name: 'Northwind' } }));
      expect(serious).toEqual([]);
      expect(passed).toEqual(expect.arrayContaining(['th-has-data-cells', 'td-headers-attr', 'aria-allowed-role', 'aria-roles', 'link-name']));
    },
    TIMEOUT,
  );
});
