import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { Page } from '@playwright/test';
import { clickEndOfHeading, expect, heading, screenshot, test } from './fixtures';

const clausesTab = (page: Page) => page.getByRole('tab', { name: 'Clauses' });
const clauseBlock = (page: Page, id: string) => page.locator(`.policy-editor .clause-block:has([data-clause-id="${id}"])`);

async function save(page: Page) {
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
}

test('search the library, insert a clause, see its variables filled, and be refused when typing inside it', async ({ page, app }) => {
  await clausesTab(page).click();
  const panel = page.locator('.clause-panel');
  await panel.getByRole('searchbox', { name: 'Search clauses' }).fill('long keep');
  await expect(panel.locator('.clause-item')).toHaveCount(1);
  await panel.getByRole('button', { name: /How long we keep personal information/ }).click();
  await expect(panel.locator('.clause-preview')).toContainText('We keep personal information only for as long as we need it');
  await panel.getByRole('searchbox', { name: 'Search clauses' }).fill('');
  await panel.getByRole('combobox', { name: 'Filter by tag' }).selectOption('jurisdiction:US-CA');
  await expect(panel.locator('.clause-item')).toHaveCount(1);
  await expect(panel.locator('.clause-item')).toContainText('Notice to California residents');
  await panel.getByRole('combobox', { name: 'Filter by tag' }).selectOption('');
  await panel.getByRole('searchbox', { name: 'Search clauses' }).fill('retention');
  await screenshot(page, 'clauses-panel-search');

  // Insert at the cursor, in the body of "Data Retention".
  await clickEndOfHeading(page, 'Data Retention');
  await page.keyboard.press('ArrowDown');
  await panel.getByRole('button', { name: 'Insert here' }).click();
  const inserted = clauseBlock(page, 'retention');
  await expect(inserted).toBeVisible();
  await expect(inserted.getByTestId('clause-bar')).toContainText('How long we keep personal information v1');
  await expect(inserted.getByTestId('clause-bar')).toContainText('Approved clause — locked');

  // The sample's Contact Us clause shows the project's values, as chips.
  const contact = page.locator('.policy-editor .list-item', { hasText: 'by email at' });
  await contact.scrollIntoViewIfNeeded();
  await expect(contact.locator('.variable-chip')).toHaveText('privacy@northwind-analytics.example');
  await screenshot(page, 'clauses-variables-filled');

  // Typing, Backspace and Enter inside an approved clause are refused, with the reason.
  const firstLine = page.locator('.policy-editor p.clause-locked', { hasText: 'We keep personal information only' });
  const before = (await firstLine.textContent()) ?? '';
  await firstLine.click({ position: { x: 60, y: 30 } });
  await page.keyboard.type('NOT ALLOWED');
  await page.keyboard.press('Backspace');
  await expect(page.locator('.status-bar')).toContainText('approved clause, so its text is locked');
  await expect(firstLine).toHaveText(before);
  await screenshot(page, 'clauses-locked-refused');

  await save(page);
  const saved = await app.readDocument('privacy-policy');
  expect(saved).toMatch(/"clause":\{"use":"u-[a-z0-9]+","id":"retention","source":"project","version":1,"state":"locked"\}/);
  expect(saved).not.toContain('NOT ALLOWED');
});

test('unlink to edit, then undo; the keyboard command inserts a clause as a new section', async ({ page, app }) => {
  const complaints = clauseBlock(page, 'complaints');
  await complaints.scrollIntoViewIfNeeded();
  await complaints.getByRole('button', { name: 'Unlink to edit' }).click();
  await expect(page.locator('.status-bar')).toContainText('Unlinked');
  await expect(page.locator('.policy-editor .clause-unlinked').first().getByTestId('clause-bar')).toContainText('Unlinked from “Complaints” v1');
  const text = page.locator('.policy-editor p', { hasText: 'If you are unhappy with how we have handled' });
  // The first line of text sits below the clause's bar: click there, go to the line's start, and type.
  await text.click({ position: { x: 40, y: 36 } });
  await page.keyboard.press('Home');
  await page.keyboard.type('Edited after unlinking. ');
  await expect(text).toContainText('Edited after unlinking.');
  await save(page);
  const saved = await app.readDocument('privacy-policy');
  expect(saved).toContain('"id":"complaints","source":"project","version":1,"state":"unlinked"');
  expect(saved).toContain('Edited after unlinking.');
  await screenshot(page, 'clauses-unlinked');

  // Undo the typing, then the unlink: the clause is locked again.
  await page.keyboard.press('Control+z');
  await expect(text).not.toContainText('Edited after unlinking.');
  await page.keyboard.press('Control+z');
  await expect(clauseBlock(page, 'complaints').getByTestId('clause-bar')).toContainText('Approved clause — locked');

  // Ctrl+Shift+L: a search box; Ctrl+Enter inserts the clause as a new section after the current one.
  await clickEndOfHeading(page, 'Security');
  await page.keyboard.press('Control+Shift+L');
  const palette = page.getByRole('dialog', { name: 'Insert a clause' });
  await palette.getByRole('searchbox').fill('california');
  await screenshot(page, 'clauses-insert-palette');
  await page.keyboard.press('Control+Enter');
  await expect(palette).toBeHidden();
  await expect(heading(page, 'Notice to California residents')).toBeVisible();
  await expect(heading(page, 'Notice to California residents').getByTestId('section-number')).toHaveText('9.');

  // Drag a clause from the library onto the page: it lands where it is dropped.
  await clausesTab(page).click();
  await page.getByRole('searchbox', { name: 'Search clauses' }).fill('automated');
  const target = page.locator('.policy-editor p', { hasText: 'We protect personal information with technical' });
  await target.scrollIntoViewIfNeeded();
  await page.locator('.clause-item', { hasText: 'Automated decision-making' }).dragTo(target);
  await expect(clauseBlock(page, 'automated-decisions')).toBeVisible();
  await expect(page.locator('.policy-editor .clause-block', { hasText: 'based solely on automated processing' })).toBeVisible();
});

test('change a clause in the library, see the badge, read the difference, update; unfilled variables before export', async ({ page, app }) => {
  await clausesTab(page).click();
  const panel = page.locator('.clause-panel');
  await panel.getByRole('searchbox', { name: 'Search clauses' }).fill('complaints');
  await panel.getByRole('button', { name: /^Complaints/ }).click();
  await panel.getByRole('button', { name: 'Edit' }).click();
  const editorDialog = page.getByRole('dialog', { name: /Edit clause/ });
  await expect(editorDialog).toContainText('makes version 2');
  const box = editorDialog.getByRole('textbox', { name: 'Clause text' });
  await box.fill((await box.inputValue()).replace('please contact us first', 'please write to {{contact_email}} first'));
  await screenshot(page, 'clauses-edit-dialog');
  await editorDialog.getByRole('button', { name: 'Save clause' }).click();
  await expect(editorDialog).toBeHidden();
  await expect(page.locator('.status-bar')).toContainText('Saved “Complaints”, version 2');
  const file = await fs.readFile(path.join(app.projectDir, 'clauses', 'complaints.clause.json'), 'utf8');
  expect(file).toContain('"version": 2,');
  expect(file).toContain('"history": [');

  // The document still uses version 1: the badge says so, and the project-wide list finds it.
  const badge = clauseBlock(page, 'complaints').getByRole('button', { name: 'Update available: v2' });
  await expect(badge).toBeVisible();
  await badge.scrollIntoViewIfNeeded();
  await panel.locator('.outdated').getByRole('button', { name: 'Check' }).click();
  await expect(panel.locator('.outdated')).toContainText('Privacy Policy, 9.4 Complaints: clause complaints v1, v2 available');
  await screenshot(page, 'clauses-update-badge');

  await badge.click();
  const diff = page.getByRole('dialog', { name: /version 1 here, version 2 in the library/ });
  await expect(diff.locator('ins')).toContainText(['write to privacy@northwind-analytics.example']);
  await expect(diff.locator('del')).toContainText(['contact us']);
  await screenshot(page, 'clauses-update-diff');
  await diff.getByRole('button', { name: 'Update to version 2' }).click();
  await expect(diff).toBeHidden();
  await expect(clauseBlock(page, 'complaints').getByTestId('clause-bar')).toContainText('Complaints v2');
  await expect(clauseBlock(page, 'complaints').getByRole('button', { name: /Update available/ })).toHaveCount(0);
  await expect(clauseBlock(page, 'complaints').locator('.variable-chip').first()).toHaveText('privacy@northwind-analytics.example');
  await save(page);
  expect(await app.readDocument('privacy-policy')).toContain('"id":"complaints","source":"project","version":2,"state":"locked"');

  // Empty a variable: its chips stand out, and the export dialog lists where it stands before writing [name].
  await page.getByRole('tab', { name: 'Variables' }).click();
  await page.getByRole('textbox', { name: /Minimum age/ }).fill('');
  const chip = page.locator('.policy-editor .variable-chip.unfilled', { hasText: '[minimum_age]' }).first();
  await chip.scrollIntoViewIfNeeded();
  await expect(chip).toBeVisible();
  await screenshot(page, 'clauses-variable-unfilled');
  await page.keyboard.press('Control+e');
  const exportDialog = page.getByRole('dialog', { name: /Export/ });
  await expect(exportDialog.getByTestId('unfilled-variables')).toContainText('[minimum_age] — in 10 Children’s Privacy');
  await exportDialog.getByRole('radio', { name: /Markdown/ }).check();
  await screenshot(page, 'clauses-export-unfilled');
  const [download] = await Promise.all([page.waitForEvent('download'), exportDialog.getByRole('button', { name: 'Export anyway' }).click()]);
  const out = path.join(app.home, 'out.md');
  await download.saveAs(out);
  const markdown = await fs.readFile(out, 'utf8');
  expect(markdown).toContain('children under \\[minimum\\_age\\]');
  expect(markdown).toContain('privacy@northwind-analytics.example');
  expect(JSON.parse(await fs.readFile(path.join(app.projectDir, 'variables.json'), 'utf8')).variables.minimum_age).toBe('');
});
