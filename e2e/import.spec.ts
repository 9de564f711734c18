import * as path from 'node:path';
import { ROOT, expect, outlineLabels, screenshot, test } from './fixtures';

// The copy kept with the import fixtures: the tests read nothing outside the repository.
const SEED = path.resolve(ROOT, 'shared', 'import', 'fixtures', 'privacy-policy-example.txt');

test('import a policy our users bring, then edit and save it like any other', async ({ page, app }) => {
  await page.getByLabel('Import documents').setInputFiles(SEED);
  await expect(page.locator('.documents li')).toHaveCount(4);
  // The sample has a Privacy Policy too: the two are told apart by their file names.
  const current = page.locator('.document-link.current');
  await expect(current).toContainText('Privacy Policy');
  await expect(current.locator('.document-file')).toHaveText('privacy-policy-2.policy.json');
  const outline = await outlineLabels(page);
  expect(outline.filter((label) => /^\d+\. /.test(label))).toHaveLength(5);
  expect(outline.slice(0, 4)).toEqual([
    '1. Information We Collect',
    '1.1 Information You Provide Directly',
    '1.2 Information Collected Automatically',
    '1.3 Information from Third Parties',
  ]);
  await expect(page.getByLabel('Effective date')).toHaveValue('2023-10-26');
  await expect(page.getByLabel('Last updated')).toHaveValue('2026-02-02');
  await screenshot(page, 'imported-seed');

  await page.getByLabel('Version label').fill('imported');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  expect(await app.readDocument('privacy-policy-2')).toContain('"versionLabel": "imported"');
});

test('a file that is not what its name says gets one clear message and adds nothing', async ({ page, app }) => {
  await page.getByLabel('Import documents').setInputFiles({ name: 'contract.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('this is not a zip file at all') });
  await expect(page.getByRole('alert').first()).toContainText('contract.docx');
  await expect(page.locator('.documents li')).toHaveCount(3);
  expect(app.projectDir).toBeTruthy();
});

test('a Word file numbered by a list imports with its sections, and exports back to Word', async ({ page, app }) => {
  const fixture = path.join(ROOT, 'shared', 'import', 'fixtures', 'list-numbered-bold.docx');
  await page.getByLabel('Import documents').setInputFiles(fixture);
  await expect(page.locator('.documents li')).toHaveCount(4);
  await expect.poll(() => outlineLabels(page)).toEqual(['1. What Cookies Are', '1.1 Essential Cookies', '1.2 Analytics Cookies', '2. Your Choices']);

  // Edited like any document: a new section after "Your Choices".
  await page.locator('.outline-link', { hasText: 'Your Choices' }).click();
  await expect(page.getByRole('textbox', { name: 'Policy text' })).toBeFocused();
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type('Contact Us');
  await expect(page.locator('.outline-item').last()).toHaveText(/^3\.\s*Contact Us$/);

  await page.keyboard.press('Control+e');
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('radio', { name: /Word/ }).check();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).click()]);
  const file = path.join(app.home, download.suggestedFilename());
  await download.saveAs(file);
  await screenshot(page, 'imported-docx');

  // The exported file reads back with the same outline, new section included.
  await page.getByLabel('Import documents').setInputFiles(file);
  await expect(page.locator('.documents li')).toHaveCount(5);
  await expect.poll(() => outlineLabels(page)).toEqual(['1. What Cookies Are', '1.1 Essential Cookies', '1.2 Analytics Cookies', '2. Your Choices', '3. Contact Us']);
});

test('after an import, the window says what the import decided and shows the whole report on request', async ({ page }) => {
  const fixture = path.join(ROOT, 'shared', 'import', 'fixtures', 'shapes', 'letters-summary.docx');
  await page.getByLabel('Import documents').setInputFiles(fixture);
  await expect(page.locator('.documents li')).toHaveCount(4);
  const banner = page.locator('.import-report-banner');
  await expect(banner).toContainText('letters-summary.docx: 10 headings found: 9 with typed numbers, 1 without a number (“Summary”).');
  await banner.getByRole('button', { name: 'What the import decided…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Imported “Vendor Code of Conduct”' });
  await expect(dialog.getByRole('listitem')).toHaveText([
    '10 headings found: 9 with typed numbers, 1 without a number (“Summary”).',
    'Effective date 2024-03-01 taken from “Effective date: 1 March 2024”.',
    'Version 3.2 taken from “Version 3.2”.',
  ]);
  await screenshot(page, 'import-report');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(banner).toBeHidden();
});
