import type { Page } from '@playwright/test';
import { seriousViolations, violations } from './axe-check';
import { clickEndOfHeading, expect, test } from './fixtures';

async function expectClean(page: Page, screen: string) {
  expect(await violations(page), screen).toEqual([]);
}

test('every screen of the editor has no accessibility violations: each side panel, the More menu, a clause in the page', async ({ page }) => {
  await expectClean(page, 'the editor, Document panel');
  await page.getByRole('tab', { name: 'Clauses' }).click();
  await page.locator('.clause-panel .clause-title').first().click();
  await expectClean(page, 'the Clauses panel with a clause open');
  await page.getByRole('tab', { name: 'Variables' }).click();
  await expectClean(page, 'the Variables panel');
  await page.getByRole('tab', { name: 'Check' }).click();
  await expect(page.getByRole('complementary', { name: 'Check' }).getByRole('status')).toBeVisible();
  await expectClean(page, 'the Check panel');
  const check = page.getByRole('complementary', { name: 'Check' });
  await check.getByRole('button', { name: /^Dismiss: /u }).first().click();
  await expectClean(page, 'the Check panel asking why a finding is dismissed');
  await check.getByRole('button', { name: 'Cancel' }).click();
  await check.getByRole('checkbox', { name: 'EU GDPR' }).click();
  await expect(check.getByText('Covered').first()).toBeVisible();
  await expectClean(page, 'the Check panel with a law’s required disclosures');
  await page.getByRole('tab', { name: 'Terms' }).click();
  await page.getByRole('complementary', { name: 'Terms' }).getByText('Uses of “Service”').click();
  await expectClean(page, 'the Terms panel with a term’s uses open');
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.getByRole('button', { name: /More/ }).click();
  await expectClean(page, 'the toolbar’s More menu');
  await page.getByRole('button', { name: 'Hide the side panels' }).click();
  await page.getByRole('button', { name: 'Hide the documents and outline' }).click();
  await expectClean(page, 'both side columns hidden');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expectClean(page, 'the skip link shown');
});

test('every dialog has no accessibility violations', async ({ page }) => {
  const check = async (open: () => Promise<void>, name: string | RegExp) => {
    await open();
    const dialog = page.getByRole('dialog', { name });
    await expect(dialog).toBeVisible();
    await expectClean(page, `the dialog ${name}`);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  };
  await check(() => page.getByRole('button', { name: 'Open project…' }).click(), 'Open a project');
  await check(() => page.getByRole('button', { name: 'New project…' }).click(), 'Create a project');
  await check(() => page.getByRole('button', { name: 'Export…' }).click(), /^Export/);
  await check(() => page.getByRole('button', { name: 'Versions…' }).click(), /^Versions of/);
  await clickEndOfHeading(page, 'Security');
  await check(() => page.keyboard.press('Control+Shift+S'), /^Versions of/);
  await clickEndOfHeading(page, 'Security');
  await check(() => page.keyboard.press('Control+k'), 'Link');
  await clickEndOfHeading(page, 'Security');
  await check(() => page.keyboard.press('Control+Shift+L'), 'Insert a clause');
  await check(() => page.keyboard.press('Control+/'), 'Keyboard shortcuts');
  await page.getByRole('tab', { name: 'Clauses' }).click();
  const panel = page.locator('.clause-panel');
  await panel.getByRole('searchbox', { name: 'Search clauses' }).fill('complaints');
  await panel.getByRole('button', { name: /^Complaints/ }).click();
  await check(() => panel.getByRole('button', { name: 'Edit' }).click(), /Edit clause/);
});

test('the comparison screen, side by side and as a redline, has no accessibility violations', async ({ page }) => {
  await clickEndOfHeading(page, 'Security');
  await page.keyboard.press('Control+Shift+S');
  const versions = page.getByRole('dialog', { name: /Versions of/ });
  await versions.getByLabel('Version name').fill('Before');
  await versions.getByRole('button', { name: 'Save version' }).click();
  await versions.getByRole('row', { name: /Before/ }).getByRole('button', { name: 'Compare with draft' }).click();
  await expect(page.locator('.compare-view')).toBeVisible();
  await expectClean(page, 'the comparison, side by side');
  await page.getByRole('button', { name: 'Redline', exact: true }).click();
  await expectClean(page, 'the comparison as a redline');
});

test('at 200% zoom, with a side column open over the page, there are no accessibility violations', async ({ page }) => {
  await page.setViewportSize({ width: 512, height: 350 });
  await expectClean(page, 'the editor at 200% zoom');
  await page.getByRole('button', { name: 'Show the side panels' }).click();
  await expectClean(page, 'the side panels open over the page');
});

test('the find and replace bar, with its list of documents, has no serious or critical accessibility violations', async ({ page }) => {
  await page.locator('.policy-editor').click();
  await page.keyboard.press('Control+h');
  await page.keyboard.type('cookie');
  await page.getByRole('button', { name: 'Find in all documents' }).click();
  await expect(page.getByRole('list', { name: 'Documents with matches' })).toBeVisible();
  await page.keyboard.press('F3');
  await expect(page.locator('.find-count')).toHaveText(/^\d+ of \d+$/);
  expect(await seriousViolations(page)).toEqual([]);
});
