import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { clickEndOfHeading, expect, screenshot, test } from './fixtures';

test('export the open document as HTML, Word, Markdown and PDF, with unsaved edits included', async ({ page, app }) => {
  await clickEndOfHeading(page, 'Who We Are');
  await page.keyboard.type(' Today');

  const exportAs = async (name: RegExp, fragment = false) => {
    await page.keyboard.press('Control+e');
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name }).check();
    if (fragment) await dialog.getByRole('checkbox').check();
    await screenshot(page, 'export-dialog');
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).click()]);
    const file = path.join(app.home, download.suggestedFilename());
    await download.saveAs(file);
    await expect(dialog).toBeHidden();
    return file;
  };

  const html = await fs.readFile(await exportAs(/HTML/), 'utf8');
  expect(html).toMatch(/^<!doctype html>/i);
  expect(html).toContain('Who We Are Today');
  expect(html).toContain('id="s-accp7e5a0b"');

  const fragmentFile = await exportAs(/HTML/, true);
  expect(path.basename(fragmentFile)).toBe('Privacy Policy (body only).html');
  expect(await fs.readFile(fragmentFile, 'utf8')).not.toContain('<html');

  const docx = await fs.readFile(await exportAs(/Word/));
  expect(docx.subarray(0, 2).toString()).toBe('PK');

  const markdown = await fs.readFile(await exportAs(/Markdown/), 'utf8');
  expect(markdown).toMatch(/^---\n/);
  expect(markdown).toContain('1. Who We Are Today');

  const pdf = await fs.readFile(await exportAs(/PDF/));
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
});

test('the Export dialog takes the focus, closes on Escape, and gives the focus back to the button that opened it', async ({ page }) => {
  const opener = page.getByRole('button', { name: 'Export…' });
  await expect(opener).toHaveAttribute('title', 'Export (Ctrl+E)');
  await opener.click();
  const dialog = page.getByRole('dialog', { name: /Export/ });
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute('aria-modal', 'true');
  expect(await dialog.evaluate((box) => box.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});
