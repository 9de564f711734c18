import type { Locator, Page } from '@playwright/test';
import { clickEndOfHeading, expect, heading, screenshot, test } from './fixtures';

/** Where the focus is: inside the open dialog, or a description of the element outside it that has it. */
async function focusPlace(page: Page): Promise<string> {
  return page.evaluate(() => {
    const at = document.activeElement;
    if (at?.closest('[role="dialog"]')) return 'dialog';
    return at ? `${at.tagName.toLowerCase()}${at.getAttribute('aria-label') ? `[${at.getAttribute('aria-label')}]` : ''}: ${at.textContent?.slice(0, 30) ?? ''}` : 'none';
  });
}

/**
 * A real modal: the focus is inside, Tab and Shift+Tab go round inside it however often they are pressed, the app
 * behind is inert (nothing there can be clicked, focused or typed into), and Esc closes it.
 */
async function expectModalThenEscape(page: Page, dialog: Locator) {
  await expect(dialog).toBeVisible();
  await expect.poll(() => focusPlace(page)).toBe('dialog');
  expect(await page.evaluate(() => document.getElementById('root')?.inert)).toBe(true);
  for (let i = 0; i < 14; i++) {
    await page.keyboard.press('Tab');
    expect(await focusPlace(page), `after ${i + 1} Tabs`).toBe('dialog');
  }
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Shift+Tab');
    expect(await focusPlace(page), `after ${i + 1} Shift+Tabs`).toBe('dialog');
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await page.evaluate(() => document.getElementById('root')?.inert)).toBe(false);
}

test('the header’s dialogs hold the focus, Esc closes them, and the focus goes back to the button that opened them', async ({ page }) => {
  for (const [button, title] of [
    ['Open project…', 'Open a project'],
    ['New project…', 'Create a project'],
    ['Export…', /^Export/],
    ['Versions…', /^Versions of/],
  ] as const) {
    const opener = page.getByRole('button', { name: button });
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: title });
    if (button === 'Export…') await screenshot(page, 'dialog-export-modal');
    await expectModalThenEscape(page, dialog);
    await expect(opener, `focus back on ${button}`).toBeFocused();
  }
});

test('typing with a dialog open never reaches the policy behind it; after Esc the text has the focus where the cursor was', async ({ page }) => {
  await clickEndOfHeading(page, 'Security');
  await page.keyboard.press('Control+e');
  const dialog = page.getByRole('dialog', { name: /^Export/ });
  await expect(dialog).toBeVisible();
  await page.keyboard.type('zzq');
  await page.keyboard.press('Tab');
  await page.keyboard.type('zzq');
  // A click on the page behind the backdrop reaches nothing there.
  await page.mouse.click(700, 500);
  await page.keyboard.type('zzq');
  await expect(page.locator('.policy-editor')).not.toContainText('zzq');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.keyboard.type(' and more');
  await expect(heading(page, 'Security and more')).toBeVisible();
});

test('the link, save version, insert clause and shortcuts dialogs opened from the text are modal and give the cursor back', async ({ page }) => {
  const cases = [
    ['Control+k', 'Link', ' one'],
    ['Control+Shift+S', /^Versions of/, ' two'],
    ['Control+Shift+L', 'Insert a clause', ' three'],
    ['Control+/', 'Keyboard shortcuts', ' four'],
  ] as const;
  let title = 'Security';
  for (const [keys, name, typed] of cases) {
    await clickEndOfHeading(page, title);
    await page.keyboard.press(keys);
    await expectModalThenEscape(page, page.getByRole('dialog', { name }));
    await page.keyboard.type(typed);
    title += typed;
    await expect(heading(page, title), `typing after ${keys} and Esc`).toBeVisible();
  }
});

test('the clause editor and the clause update dialogs are modal and close on Esc', async ({ page }) => {
  await page.getByRole('tab', { name: 'Clauses' }).click();
  const panel = page.locator('.clause-panel');
  await panel.getByRole('searchbox', { name: 'Search clauses' }).fill('complaints');
  await panel.getByRole('button', { name: /^Complaints/ }).click();
  const edit = panel.getByRole('button', { name: 'Edit' });
  await edit.click();
  const editor = page.getByRole('dialog', { name: /Edit clause/ });
  await expectModalThenEscape(page, editor);
  await expect(edit).toBeFocused();

  // A new version of the clause, so the document's use of it offers an update: that dialog too.
  await edit.click();
  const box = editor.getByRole('textbox', { name: 'Clause text' });
  await box.fill(`${await box.inputValue()} Changed.`);
  await editor.getByRole('button', { name: 'Save clause' }).click();
  await expect(editor).toBeHidden();
  const badge = page.locator('.policy-editor').getByRole('button', { name: 'Update available: v2' });
  await expect(badge).toBeVisible();
  await badge.scrollIntoViewIfNeeded();
  await badge.click();
  await expectModalThenEscape(page, page.getByRole('dialog', { name: /version 1 here, version 2 in the library/ }));
});

test('the new-document form closes on Esc and gives the focus back to “+ New”', async ({ page }) => {
  const create = page.getByRole('button', { name: '+ New' });
  await create.click();
  const field = page.getByRole('textbox', { name: 'New document title' });
  await expect(field).toBeFocused();
  await page.keyboard.type('Draft');
  await page.keyboard.press('Escape');
  await expect(field).toBeHidden();
  await expect(create).toBeFocused();
});
