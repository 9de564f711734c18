import type { Page } from '@playwright/test';
import { clickEndOfHeading, expect, heading, screenshot, test } from './fixtures';

/** The region (data-region) that has the focus, or "none". */
function focusedRegion(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.closest<HTMLElement>('[data-region]')?.dataset.region ?? 'none');
}

/** Presses Tab (or Shift+Tab) until the focused element's accessible words match, as a keyboard user would; fails after `limit`. */
async function tabTo(page: Page, name: RegExp, limit = 80, key = 'Tab') {
  for (let i = 0; i <= limit; i++) {
    if (i > 0) await page.keyboard.press(key);
    const words = await page.evaluate(() => {
      const at = document.activeElement;
      if (!at || at.getAttribute('role') === 'dialog') return '';
      const label = at instanceof HTMLInputElement ? at.labels?.[0]?.textContent : null;
      return (at.getAttribute('aria-label') ?? label ?? at.textContent ?? '').trim();
    });
    if (name.test(words)) return;
  }
  throw new Error(`${name} not reached in ${limit} presses of ${key}`);
}

test('the first Tab stop is “Skip to the policy”, which puts the focus in the text', async ({ page }) => {
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to the policy' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await screenshot(page, 'keyboard-skip-link');
  await page.keyboard.press('Enter');
  const text = page.getByRole('textbox', { name: 'Policy text' });
  await expect(text).toBeFocused();
  // The browser's (or Electron's) spellchecker checks the text, in the document's language.
  await expect(text).toHaveAttribute('spellcheck', 'true');
  await expect(text).toHaveAttribute('lang', 'en');
});

test('F6 and Shift+F6 go round the regions, and back in the text the cursor is where it was', async ({ page }) => {
  await clickEndOfHeading(page, 'Security');
  const order: string[] = [];
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('F6');
    order.push(await focusedRegion(page));
  }
  expect(order).toEqual(['panels', 'header', 'documents', 'toolbar', 'policy']);
  await expect(page.getByRole('textbox', { name: 'Policy text' })).toBeFocused();
  await page.keyboard.type(' at the cursor');
  await expect(heading(page, 'Security at the cursor')).toBeVisible();

  await page.keyboard.press('Shift+F6');
  expect(await focusedRegion(page)).toBe('toolbar');
  await page.keyboard.press('Shift+F6');
  expect(await focusedRegion(page)).toBe('documents');
});

test('Tab in a heading still demotes it; Esc then Tab leaves the text for the next region, Esc then Shift+Tab for the one before', async ({ page }) => {
  await clickEndOfHeading(page, 'Security');
  const number = heading(page, 'Security').getByTestId('section-number');
  const before = await number.textContent();
  await page.keyboard.press('Tab');
  await expect(number).not.toHaveText(before ?? '');
  await page.keyboard.press('Shift+Tab');
  await expect(number).toHaveText(before ?? '');

  await page.keyboard.press('Escape');
  await expect(page.locator('.status-bar')).toContainText('Press Tab to leave');
  await page.keyboard.press('Tab');
  expect(await focusedRegion(page)).toBe('panels');
  await expect(number, 'the Tab that left did not demote').toHaveText(before ?? '');

  await clickEndOfHeading(page, 'Security');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Shift+Tab');
  expect(await focusedRegion(page)).toBe('toolbar');

  // Any other key after Esc keeps Tab as it was.
  await clickEndOfHeading(page, 'Security');
  await page.keyboard.press('Escape');
  await page.keyboard.type('!');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: 'Policy text' })).toBeFocused();
  await expect(heading(page, 'Security!').getByTestId('section-number')).not.toHaveText(before ?? '');
});

test('Ctrl+/ shows every shortcut, grouped as the menus are', async ({ page }) => {
  await page.getByRole('textbox', { name: 'Policy text' }).click();
  await page.keyboard.press('Control+/');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole('heading', { level: 3 })).toHaveText(['File', 'Edit', 'Section', 'Format', 'Clauses', 'Review', 'Help', 'Moving around']);
  await expect(sheet.locator('dl > div', { has: page.locator('dt', { hasText: /^Redo$/ }) }).locator('kbd')).toHaveText(['Ctrl+Shift+Z', 'Ctrl+Y']);
  await expect(sheet.locator('dl > div', { has: page.locator('dt', { hasText: /^Suggesting$/ }) }).locator('kbd')).toHaveText(['Ctrl+Shift+E']);
  await expect(sheet.locator('dl > div', { has: page.locator('dt', { hasText: /^Insert clause$/ }) }).locator('kbd')).toHaveText(['Ctrl+Shift+L']);
  await expect(sheet.locator('kbd', { hasText: /^F6$/ })).toBeVisible();
  await screenshot(page, 'keyboard-shortcuts-sheet');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
});

test('the focus ring on the dark header stands out at least 3:1', async ({ page }) => {
  await page.getByRole('textbox', { name: 'Policy text' }).click();
  await page.keyboard.press('F6');
  await page.keyboard.press('F6');
  const ratio = await page.evaluate(() => {
    const at = document.activeElement as HTMLElement;
    const luminance = (color: string) => {
      const [r = 0, g = 0, b = 0] = (color.match(/\d+(\.\d+)?/g) ?? []).map(Number).map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ring = getComputedStyle(at).outlineColor;
    const header = getComputedStyle(at.closest('.app-header') as HTMLElement).backgroundColor;
    const [light, dark] = [luminance(ring), luminance(header)].sort((a, b) => b - a) as [number, number];
    return { ratio: (light + 0.05) / (dark + 0.05), style: getComputedStyle(at).outlineStyle, inHeader: at.closest('.app-header') !== null };
  });
  expect(ratio.inHeader).toBe(true);
  expect(ratio.style).not.toBe('none');
  expect(ratio.ratio).toBeGreaterThanOrEqual(3);
});

test('with the keyboard alone: draft text, insert a clause, save a version, compare, export', async ({ page }) => {
  // Into the text from the first Tab stop, to its end, and a new paragraph.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Drafted without a mouse.');
  await expect(page.locator('.policy-editor p', { hasText: 'Drafted without a mouse.' })).toBeVisible();

  // A clause, found by typing.
  await page.keyboard.press('Control+Shift+L');
  const palette = page.getByRole('dialog', { name: 'Insert a clause' });
  await expect(palette.getByRole('searchbox')).toBeFocused();
  await page.keyboard.type('california');
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page.locator('.policy-editor [data-clause-id]').last()).toContainText('Notice to California residents');

  // A version: the form opens on its name.
  await page.keyboard.press('Control+Shift+S');
  const versions = page.getByRole('dialog', { name: /Versions of/ });
  await expect(versions.getByLabel('Version name')).toBeFocused();
  await page.keyboard.type('Keyboard version');
  await page.keyboard.press('Enter');
  await expect(versions.getByRole('row', { name: /Keyboard version/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(versions).toBeHidden();

  // Compare it with the draft: F6 to the header, Tab to “Versions…”, then Tab to the row's button.
  await expect(page.getByRole('textbox', { name: 'Policy text' })).toBeFocused();
  // (The cursor is in the approved clause just inserted, which refuses typing: to the top of the policy first.)
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('Changed since. ');
  await expect(page.locator('.policy-editor')).toContainText('Changed since.');
  await page.keyboard.press('F6');
  await page.keyboard.press('F6');
  expect(await focusedRegion(page)).toBe('header');
  await tabTo(page, /^Versions…$/);
  await page.keyboard.press('Enter');
  await expect(versions).toBeVisible();
  await tabTo(page, /^Compare with draft$/);
  await page.keyboard.press('Enter');
  const view = page.locator('.compare-view');
  await expect(view).toBeVisible();
  await expect(view.locator('ins', { hasText: 'Changed since.' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(view).toBeHidden();

  // Export: Ctrl+E, the arrow keys choose the format, Enter on Export.
  await page.getByRole('textbox', { name: 'Policy text' }).focus();
  await page.keyboard.press('Control+e');
  const exporting = page.getByRole('dialog', { name: /^Export/ });
  await expect(exporting).toBeVisible();
  await tabTo(page, /Web page \(HTML\)/);
  await page.keyboard.press('ArrowDown');
  await expect(exporting.getByRole('radio', { name: /Word \(DOCX\)/ })).toBeChecked();
  await tabTo(page, /^Export$/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
});
