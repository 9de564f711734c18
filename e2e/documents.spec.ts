import { execFile } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { Page } from '@playwright/test';
import { ROOT, expect, screenshot, startApp, test } from './fixtures';
import { seriousViolations } from './axe-check';

const documentButton = (page: Page, name: string) => page.locator('.document-link', { has: page.locator('.document-title', { hasText: new RegExp(`^${name.replace(/[()]/g, '\\$&')}$`) }) });
const titleField = (page: Page) => page.getByRole('complementary', { name: 'Document' }).getByRole('textbox', { name: 'Title' });
const listTitles = (page: Page) => page.locator('.documents .document-title').allTextContents();
const manifest = async (dir: string) => (JSON.parse(await fs.readFile(path.join(dir, 'policywright.json'), 'utf8')) as { documents: string[] }).documents;

const menuButton = (page: Page, title: string) => page.locator('.document-item', { has: documentButton(page, title) }).getByRole('button', { name: 'Document actions' });

async function menuAction(page: Page, documentTitle: string, action: string) {
  await menuButton(page, documentTitle).click();
  await page.getByRole('menu', { name: `Actions for ${documentTitle}` }).getByRole('menuitem', { name: action }).click();
}

test('rename a document from its menu and the open one with F2; the file name stays', async ({ page, app }) => {
  await menuAction(page, 'Cookie Policy', 'Rename…');
  const dialog = page.getByRole('dialog', { name: 'Rename “Cookie Policy”' });
  await expect(dialog.getByLabel('Title')).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByLabel('Title').fill('Cookie Notice');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(documentButton(page, 'Cookie Notice')).toBeVisible();
  expect(JSON.parse(await app.readDocument('cookie-policy')).title).toBe('Cookie Notice');

  // The open document: renamed through its editor, so the Title field and the file agree, with no conflict.
  await documentButton(page, 'Privacy Policy').focus();
  await page.keyboard.press('F2');
  await page.getByRole('dialog').getByLabel('Title').fill('Privacy Notice');
  await page.getByRole('dialog').getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(titleField(page)).toHaveValue('Privacy Notice');
  await expect(page).toHaveTitle(/^(● )?Privacy Notice — Northwind Analytics Policies — Policywright$/);
  await expect.poll(async () => JSON.parse(await app.readDocument('privacy-policy')).title).toBe('Privacy Notice');
  await expect(page.locator('.banner.conflict')).toHaveCount(0);
  expect(await manifest(app.projectDir)).toEqual(['privacy-policy', 'cookie-policy', 'terms-of-service']);

  // A title typed in the Document panel reaches the list once it is saved.
  await titleField(page).fill('Privacy Statement');
  await expect(documentButton(page, 'Privacy Statement')).toHaveAttribute('aria-current', 'page');
});

test('duplicate a document; twin titles are told apart by their file names', async ({ page, app }) => {
  await menuAction(page, 'Privacy Policy', 'Duplicate');
  await expect(documentButton(page, 'Privacy Policy (copy)')).toHaveAttribute('aria-current', 'page');
  expect(await listTitles(page)).toEqual(['Privacy Policy', 'Privacy Policy (copy)', 'Cookie Policy', 'Terms of Service']);
  expect(await manifest(app.projectDir)).toEqual(['privacy-policy', 'privacy-policy-copy', 'cookie-policy', 'terms-of-service']);
  expect(JSON.parse(await app.readDocument('privacy-policy-copy')).blocks).toEqual(JSON.parse(await app.readDocument('privacy-policy')).blocks);

  await menuAction(page, 'Privacy Policy (copy)', 'Rename…');
  await page.getByRole('dialog').getByLabel('Title').fill('Privacy Policy');
  await page.keyboard.press('Enter');
  const twins = page.locator('.document-link', { hasText: 'Privacy Policy' });
  await expect(twins.locator('.document-file')).toHaveText(['privacy-policy.policy.json', 'privacy-policy-copy.policy.json']);
  await expect(page.locator('.document-link', { hasText: 'Cookie Policy' }).locator('.document-file')).toHaveCount(0);
  await screenshot(page, 'documents-twins');
  expect(await seriousViolations(page)).toEqual([]);
});

test('delete into the trash and restore, from the undo and from Deleted documents', async ({ page, app }) => {
  // The open document, with an edit not yet saved: saved first, then moved to trash/ with it.
  await page.locator('.policy-editor p').first().click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Kept through deletion.');
  await documentButton(page, 'Privacy Policy').focus();
  await page.keyboard.press('Delete');
  await expect(page.getByRole('status').filter({ hasText: 'Deleted “Privacy Policy”.' })).toBeVisible();
  expect(await listTitles(page)).toEqual(['Cookie Policy', 'Terms of Service']);
  await expect(titleField(page)).toHaveValue('Cookie Policy');
  await expect(documentButton(page, 'Cookie Policy')).toBeFocused();
  expect(await fs.readFile(path.join(app.projectDir, 'trash', 'privacy-policy.policy.json'), 'utf8')).toContain('Kept through deletion.');
  await expect(fs.stat(path.join(app.projectDir, 'documents', 'privacy-policy.policy.json'))).rejects.toThrow();
  await screenshot(page, 'documents-deleted');

  await page.locator('.document-toast').getByRole('button', { name: 'Restore' }).click();
  await expect(documentButton(page, 'Privacy Policy')).toHaveAttribute('aria-current', 'page');
  expect(await listTitles(page)).toEqual(['Privacy Policy', 'Cookie Policy', 'Terms of Service']);
  expect(await app.readDocument('privacy-policy')).toContain('Kept through deletion.');

  await menuAction(page, 'Terms of Service', 'Delete');
  await page.getByRole('button', { name: 'Dismiss' }).last().click();
  await page.getByRole('button', { name: 'Deleted documents…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Deleted documents' });
  await expect(dialog.getByRole('listitem')).toHaveCount(1);
  await screenshot(page, 'documents-deleted-list');
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Restore Terms of Service' }).click();
  await expect(dialog).toBeHidden();
  expect(await listTitles(page)).toEqual(['Privacy Policy', 'Cookie Policy', 'Terms of Service']);
  expect(await manifest(app.projectDir)).toEqual(['privacy-policy', 'cookie-policy', 'terms-of-service']);
});

test('reorder with the keyboard alone: Alt+Shift+arrows and the menu', async ({ page, app }) => {
  const terms = documentButton(page, 'Terms of Service');
  await terms.focus();
  await page.keyboard.press('Alt+Shift+ArrowUp');
  await expect.poll(() => listTitles(page)).toEqual(['Privacy Policy', 'Terms of Service', 'Cookie Policy']);
  await page.keyboard.press('Alt+Shift+ArrowUp');
  await expect.poll(() => listTitles(page)).toEqual(['Terms of Service', 'Privacy Policy', 'Cookie Policy']);
  await expect(terms).toBeFocused();
  expect(await manifest(app.projectDir)).toEqual(['terms-of-service', 'privacy-policy', 'cookie-policy']);

  // The menu from the keyboard: Tab to "⋯", Enter, arrows to "Move down", Enter; the focus comes back to "⋯".
  await page.keyboard.press('Tab');
  await expect(menuButton(page, 'Terms of Service')).toBeFocused();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: 'Actions for Terms of Service' });
  await expect(menu.getByRole('menuitem', { name: 'Rename…' })).toBeFocused();
  await expect(menu.getByRole('menuitem', { name: /Move up/ })).toBeDisabled();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: /Move down/ })).toBeFocused();
  await screenshot(page, 'documents-menu');
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Enter');
  await expect.poll(() => listTitles(page)).toEqual(['Privacy Policy', 'Terms of Service', 'Cookie Policy']);
  await expect(menuButton(page, 'Terms of Service')).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(menuButton(page, 'Terms of Service')).toBeFocused();
  await page.reload();
  await expect.poll(() => listTitles(page)).toEqual(['Privacy Policy', 'Terms of Service', 'Cookie Policy']);
});

test('the project reopens on the document opened last', async ({ page, app }) => {
  await documentButton(page, 'Cookie Policy').click();
  await expect(titleField(page)).toHaveValue('Cookie Policy');
  await page.goto(app.origin);
  await expect(titleField(page)).toHaveValue('Cookie Policy');
  await expect(documentButton(page, 'Cookie Policy')).toHaveAttribute('aria-current', 'page');

  // Through Open project too, after another project was open.
  await page.getByRole('button', { name: 'New project…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('New project folder').fill(path.join(app.home, 'Other'));
  await dialog.getByLabel('Project name').fill('Other');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(page.locator('.project-name')).toHaveText('Other');
  await page.getByRole('button', { name: 'Open project…' }).click();
  await page.getByRole('dialog').locator('.recent').getByRole('button', { name: /Northwind/ }).click();
  await expect(titleField(page)).toHaveValue('Cookie Policy');
});

test('an export is named from the document title', async ({ page, app }) => {
  await menuAction(page, 'Privacy Policy', 'Rename…');
  await page.getByRole('dialog').getByLabel('Title').fill('Privacy: EU/UK');
  await page.keyboard.press('Enter');
  await expect(titleField(page)).toHaveValue('Privacy: EU/UK');
  // The rename dialog stays until the renamed document is saved, and the page behind a dialog takes no shortcut.
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.keyboard.press('Control+e');
  const dialog = page.getByRole('dialog', { name: 'Export “Privacy: EU/UK”' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('radio', { name: /Markdown/ }).check();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: /^Export/ }).click()]);
  expect(download.suggestedFilename()).toBe('Privacy EU UK.md');
  const file = path.join(app.home, download.suggestedFilename());
  await download.saveAs(file);
  expect(await fs.readFile(file, 'utf8')).toContain('Privacy: EU/UK');
});

test('the web host’s folder chooser browses from home to a project and opens it', async ({ page, app }) => {
  // A second host whose person's home folder is a test folder, holding a project two folders down.
  const home = path.join(app.home, 'person');
  const project = path.join(home, 'Work', 'Acme Policies');
  await fs.mkdir(path.join(home, '.hidden-folder'), { recursive: true });
  await fs.cp(app.projectDir, project, { recursive: true });
  const manifestFile = path.join(project, 'policywright.json');
  await fs.writeFile(manifestFile, (await fs.readFile(manifestFile, 'utf8')).replace('Northwind Analytics Policies', 'Acme Policies'));
  await fs.writeFile(path.join(home, 'Work', 'notes.txt'), 'a file, never listed');
  const { child, url } = await startApp(app.projectDir, path.join(app.home, 'second-host'), ['--port', '0'], { HOME: home });
  try {
    await page.goto(url);
    await page.getByRole('button', { name: 'Open project…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Browse…' }).click();
    const chooser = dialog.getByRole('region', { name: 'Choose a folder' });
    await expect(chooser.locator('.folder-path')).toHaveText(home);
    await expect(chooser.locator('.folder-entry')).toHaveText(['▸ Work']);
    await chooser.getByRole('checkbox', { name: 'Show hidden folders' }).check();
    await expect(chooser.locator('.folder-entry')).toHaveText(['▸ .hidden-folder', '▸ Work']);
    // Down with the keyboard: the first folder takes the focus in each listing.
    await chooser.getByRole('button', { name: 'Work' }).focus();
    await page.keyboard.press('Enter');
    await expect(chooser.locator('.folder-path')).toHaveText(path.join(home, 'Work'));
    await expect(chooser.getByRole('button', { name: 'Acme Policies Policywright project' })).toBeFocused();
    await screenshot(page, 'folder-chooser');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await expect(chooser.locator('.folder-path')).toHaveText(project);
    await chooser.getByRole('button', { name: 'Up to the folder above' }).click();
    await expect(chooser.locator('.folder-path')).toHaveText(path.join(home, 'Work'));
    await chooser.getByRole('button', { name: 'Acme Policies Policywright project' }).click();
    await chooser.getByRole('button', { name: 'Open this project' }).click();
    await expect(page.locator('.project-name')).toHaveText('Acme Policies');
    await expect(titleField(page)).toHaveValue('Privacy Policy');

    // Create: the chosen folder goes into the field, and the new project's own folder name is typed after it.
    await page.getByRole('button', { name: 'New project…' }).click();
    const create = page.getByRole('dialog', { name: 'Create a project' });
    await create.getByRole('button', { name: 'Browse…' }).click();
    await create.getByRole('button', { name: 'Work', exact: true }).click();
    await expect(create.locator('.folder-path')).toHaveText(path.join(home, 'Work'));
    await create.getByRole('button', { name: 'Choose this folder' }).click();
    const field = create.getByLabel('New project folder');
    await expect(field).toHaveValue(`${path.join(home, 'Work')}/`);
    await expect(field).toBeFocused();
    await page.keyboard.type('Beta Policies');
    await create.getByLabel('Project name').fill('Beta Policies');
    await create.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(page.locator('.project-name')).toHaveText('Beta Policies');
    await expect(fs.stat(path.join(home, 'Work', 'Beta Policies', 'policywright.json'))).resolves.toBeTruthy();
  } finally {
    child.kill('SIGTERM');
  }
});

test('the clause search finds "retain" in the retention clause, and not what only starts alike', async ({ page }) => {
  await page.getByRole('tab', { name: 'Clauses' }).click();
  const search = page.getByRole('searchbox', { name: 'Search clauses' });
  await search.fill('retain');
  await expect(page.locator('.clause-item', { hasText: 'How long we keep personal information' })).toBeVisible();
  await search.fill('retail');
  await expect(page.locator('.clause-item')).toHaveCount(0);
});

test('documents another writer adds show when the window gets the focus back and on a reload; a long list keeps its place when one far down opens', async ({ page, app }) => {
  const importFile = async (title: string) => {
    const file = path.join(app.home, `${title}.md`);
    await fs.writeFile(file, `# ${title}\n\n## Scope\n\nWhat ${title} covers.\n`);
    await new Promise<void>((resolve, reject) =>
      execFile(process.execPath, [path.join(ROOT, 'bin', 'policywright.mjs'), 'import', file, '--into', app.projectDir], (error) => (error ? reject(error) : resolve())),
    );
  };
  // The command line, while the window is open: the list shows it once the window is back in front, with no reload.
  await importFile('Supplier Code');
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(documentButton(page, 'Supplier Code')).toBeVisible();

  for (let i = 1; i <= 30; i++) await importFile(`Annex ${String(i).padStart(2, '0')}`);
  await page.reload();
  await expect(page.locator('.document-link')).toHaveCount(34);

  const column = page.locator('.left-column');
  const last = documentButton(page, 'Annex 30');
  await last.scrollIntoViewIfNeeded();
  const scrolled = await column.evaluate((element) => element.scrollTop);
  expect(scrolled).toBeGreaterThan(0);
  await last.click();
  await expect(titleField(page)).toHaveValue('Annex 30');
  await expect(last).toHaveAttribute('aria-current', 'page');
  // Drawn anew with the document, the column is not back at its top (it keeps its place as far as the new outline
  // under the list lets it scroll), and the document chosen is in view in it.
  await expect.poll(() => column.evaluate((element) => element.scrollTop)).toBeGreaterThan(0);
  await expect(last).toBeInViewport({ ratio: 1 });
  await screenshot(page, 'documents-long-list');
});
