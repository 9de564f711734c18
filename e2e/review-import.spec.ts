import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import JSZip from 'jszip';
import { expect, screenshot, test } from './fixtures';

test('a Word file a reviewer edited without track changes comes back into the document as their suggestions', async ({ page, app }) => {
  // Out to Word, as the reviewer gets it
  await page.keyboard.press('Control+e');
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('radio', { name: /Word/ }).check();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).click()]);
  const exported = path.join(app.home, download.suggestedFilename());
  await download.saveAs(exported);
  await expect(dialog).toBeHidden();

  // The reviewer renames a heading's word in Word, track changes off, and saves under their name
  const zip = await JSZip.loadAsync(await fs.readFile(exported));
  const xml = await zip.file('word/document.xml')!.async('string');
  expect(xml).toContain('Who We Are');
  // (everywhere: the table of contents names the heading too)
  zip.file('word/document.xml', xml.split('Who We Are').join('Who We Really Are'));
  const core = await zip.file('docProps/core.xml')!.async('string');
  zip.file('docProps/core.xml', core.replace(/<cp:lastModifiedBy>[^<]*<\/cp:lastModifiedBy>/, '<cp:lastModifiedBy>Rita Reviewer</cp:lastModifiedBy>'));
  const returned = path.join(app.home, 'Privacy Policy (reviewed).docx');
  await fs.writeFile(returned, await zip.generateAsync({ type: 'uint8array' }));

  // Back in, through the open document's menu
  await page.locator('.document-link.current').locator('xpath=..').getByRole('button', { name: 'Document actions' }).click();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('menuitem', { name: 'Import as suggestions…' }).click()]);
  await chooser.setFiles(returned);
  await expect(page.getByText(/Privacy Policy \(reviewed\)\.docx is in “Privacy Policy” as 1 suggestion \(untracked edits by Rita Reviewer\)/)).toBeVisible();
  await screenshot(page, 'imported-as-suggestions');

  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  const saved = JSON.parse(await app.readDocument('privacy-policy')) as { blocks: Array<{ runs: Array<{ text: string; ins?: { by: string } }> }> };
  const inserted = saved.blocks.flatMap((block) => block.runs).filter((run) => run.ins);
  expect(inserted.map((run) => [run.text.trim(), run.ins?.by])).toEqual([['Really', 'Rita Reviewer']]);
});
