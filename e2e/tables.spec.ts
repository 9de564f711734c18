import type { Page } from '@playwright/test';
import { clickEndOfHeading, expect, screenshot, test } from './fixtures';

interface StoredTable {
  kind: 'table';
  header?: true;
  caption?: Array<{ text: string }>;
  rows: Array<{ cells: Array<{ runs: Array<{ text: string }> }> }>;
}

const table = (page: Page) => page.locator('.policy-editor table.policy-table');

/** The table's cells' texts, row by row, as the page shows them. */
async function cells(page: Page): Promise<string[][]> {
  return table(page)
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => Array.from(row.querySelectorAll('td, th')).map((cell) => (cell.textContent ?? '').replace(/\uFEFF/g, ''))));
}

/** Runs a command of the Table menu in the status bar (always there; the toolbar has one too when the window is wide). */
async function tableCommand(page: Page, label: string) {
  await page.locator('.status-mode-tools').getByRole('button', { name: 'Table ▾' }).click();
  await page.getByRole('group', { name: 'Table' }).getByRole('button', { name: new RegExp(`^${label}`) }).click();
}

async function storedTables(app: { readDocument(id: string): Promise<string> }): Promise<StoredTable[]> {
  const blocks = (JSON.parse(await app.readDocument('privacy-policy')) as { blocks: Array<{ kind: string }> }).blocks;
  return blocks.filter((block): block is StoredTable => block.kind === 'table');
}

test('a table: inserted from the Table menu, typed in with Tab, rows and columns in and out, header row, undo, kept over a reload', async ({ page, app }) => {
  await clickEndOfHeading(page, 'Who We Are');
  await page.keyboard.press('Enter');
  await tableCommand(page, 'Insert table');
  const ask = page.getByRole('dialog', { name: 'Insert table' });
  await expect(ask.getByLabel('Rows')).toHaveValue('3');
  await expect(ask.getByLabel('Columns')).toHaveValue('3');
  await ask.getByRole('button', { name: 'Insert' }).click();
  await expect(table(page)).toHaveCount(1);
  await expect(table(page).locator('th[scope="col"]')).toHaveCount(3);

  // Typed cell by cell with Tab; Tab in the last cell adds a row, as in Word.
  for (const [k, word] of ['Data', 'Kept for', 'Why', 'Logs', '30 days', 'Security', 'Backups', '1 year', 'Recovery'].entries()) {
    if (k > 0) await page.keyboard.press('Tab');
    await page.keyboard.type(word);
  }
  await page.keyboard.press('Tab');
  await page.keyboard.type('Extra');
  expect(await cells(page)).toEqual([
    ['Data', 'Kept for', 'Why'],
    ['Logs', '30 days', 'Security'],
    ['Backups', '1 year', 'Recovery'],
    ['Extra', '', ''],
  ]);
  // Shift+Tab goes back a cell, its text selected: typing replaces it.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.type('Archive');
  expect((await cells(page))[2]).toEqual(['Backups', '1 year', 'Archive']);

  await page.locator('.policy-editor td', { hasText: 'Extra' }).click();
  await tableCommand(page, 'Delete row');
  expect(await cells(page)).toHaveLength(3);
  await page.locator('.policy-editor td', { hasText: '30 days' }).click();
  await tableCommand(page, 'Insert column right');
  expect((await cells(page))[1]).toEqual(['Logs', '30 days', '', 'Security']);
  await tableCommand(page, 'Delete column');
  expect((await cells(page))[1]).toEqual(['Logs', '30 days', 'Security']);
  await tableCommand(page, 'Insert row above');
  expect((await cells(page))[1]).toEqual(['', '', '']);
  // The caret stays in its column, now in the new row.
  await page.keyboard.type('Emails');
  expect((await cells(page))[1]).toEqual(['', '', 'Emails']);
  for (let k = 0; k < 'Emails'.length; k++) await page.keyboard.press('Backspace');
  await table(page).locator('tbody tr').nth(1).locator('td').first().click();
  await page.keyboard.type('Emails');

  // Header row off, then undone: one step each.
  await tableCommand(page, 'Header row');
  await expect(table(page).locator('th')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(table(page).locator('th[scope="col"]')).toHaveCount(3);
  await page.locator('.status-mode-tools').getByRole('button', { name: 'Table ▾' }).click();
  await expect(page.getByRole('group', { name: 'Table' }).getByRole('button', { name: 'Header row ✓' })).toBeVisible();
  await screenshot(page, 'tables-menu');
  await page.locator('.status-mode-tools').getByRole('button', { name: 'Table ▾' }).click();
  await tableCommand(page, 'Caption');
  await page.keyboard.type('How long we keep data');
  await expect(table(page).locator('caption')).toHaveText('How long we keep data');

  // Enter in a cell breaks the line there; the cell stays one cell.
  await page.locator('.policy-editor td', { hasText: 'Emails' }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('and chats');
  expect((await cells(page))[1]).toEqual(['Emails\nand chats', '', '']);
  await screenshot(page, 'tables-editing');

  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  const [stored] = await storedTables(app);
  expect(stored?.header).toBe(true);
  expect(stored?.caption?.map((run) => run.text).join('')).toBe('How long we keep data');
  expect(stored?.rows.map((row) => row.cells.map((cell) => cell.runs.map((run) => run.text).join('')))).toEqual([
    ['Data', 'Kept for', 'Why'],
    ['Emails\nand chats', '', ''],
    ['Logs', '30 days', 'Security'],
    ['Backups', '1 year', 'Archive'],
  ]);

  await page.goto(app.origin);
  await expect(table(page)).toHaveCount(1);
  expect(await cells(page)).toEqual([
    ['Data', 'Kept for', 'Why'],
    ['Emails\nand chats', '', ''],
    ['Logs', '30 days', 'Security'],
    ['Backups', '1 year', 'Archive'],
  ]);
  await expect(table(page).locator('th[scope="col"]')).toHaveCount(3);
  await table(page).scrollIntoViewIfNeeded();
  await screenshot(page, 'tables-reloaded');
});

test.describe('suggesting', () => {
  test.use({ identity: 'Ana Reviewer' });

  test('a new table is a suggested insertion, typing in a cell is suggested text, and a standing table’s rows are not changed unrecorded', async ({ page }) => {
    // A table that stands, made before suggesting.
    await clickEndOfHeading(page, 'Who We Are');
    await page.keyboard.press('Enter');
    await tableCommand(page, 'Insert table');
    await page.getByRole('dialog', { name: 'Insert table' }).getByLabel('Rows').fill('2');
    await page.getByRole('dialog', { name: 'Insert table' }).getByRole('button', { name: 'Insert' }).click();
    await page.keyboard.type('Name');
    await page.locator('.status-mode-tools').getByRole('button', { name: 'Suggesting', exact: true }).click();

    // Typing in a cell of the standing table: suggested text, the table itself unchanged.
    await page.keyboard.type(' of cookie');
    await expect(table(page).first().locator('.sugg-ins')).toHaveText(' of cookie');
    await tableCommand(page, 'Insert row below');
    await expect(page.locator('.status-bar')).toContainText('Table structure changes (rows, columns, header row, caption) cannot be suggested yet');
    expect(await cells(page)).toEqual([
      ['Name of cookie', '', ''],
      ['', '', ''],
    ]);

    // A new table while suggesting: a suggested insertion, shaped freely by its author.
    await page.locator('.policy-editor p', { hasText: 'Northwind Analytics Ltd. is a company' }).click();
    await page.keyboard.press('End');
    await tableCommand(page, 'Insert table');
    await page.getByRole('dialog', { name: 'Insert table' }).getByRole('button', { name: 'Insert' }).click();
    const suggested = page.locator('.policy-editor .table-block.change-insert');
    await expect(suggested).toHaveCount(1);
    await page.keyboard.type('Purpose');
    await expect(suggested.locator('td .sugg-ins, th .sugg-ins', { hasText: 'Purpose' })).toHaveCount(1);
    await tableCommand(page, 'Insert row below');
    await expect(suggested.locator('tbody tr')).toHaveCount(4);
    await suggested.scrollIntoViewIfNeeded();
    await screenshot(page, 'tables-suggesting');
  });
});

test('a table pasted from Word or a web page stays a table', async ({ page, app, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
  await clickEndOfHeading(page, 'Who We Are');
  await page.keyboard.press('Enter');
  await page.evaluate(async () => {
    const html =
      '<html><body><!--StartFragment--><table class=MsoTableGrid border=1><thead><tr><th><p class=MsoNormal><b>Cookie</b></p></th><th><p class=MsoNormal><b>Lasts</b></p></th></tr></thead>' +
      '<tbody><tr><td><p class=MsoNormal>session</p></td><td><p class=MsoNormal>until you close the browser</p></td></tr></tbody></table><!--EndFragment--></body></html>';
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/html': new Blob([html], { type: 'text/html' }),
        'text/plain': new Blob(['Cookie\tLasts\nsession\tuntil you close the browser'], { type: 'text/plain' }),
      }),
    ]);
  });
  await page.keyboard.press('Control+v');
  await expect(table(page)).toHaveCount(1, { timeout: 3_000 });
  expect(await cells(page)).toEqual([
    ['Cookie', 'Lasts'],
    ['session', 'until you close the browser'],
  ]);
  await screenshot(page, 'tables-pasted');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  const [stored] = await storedTables(app);
  expect(stored?.header).toBe(true);
});
