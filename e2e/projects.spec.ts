import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { expect, sectionNumber, test } from './fixtures';

test('create a project, add a document, and reopen a recent project', async ({ page, app }) => {
  const newDir = path.join(app.home, 'Acme Policies');
  await page.getByRole('button', { name: 'New project…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('New project folder').fill(newDir);
  await dialog.getByLabel('Project name').fill('Acme Policies');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(page.locator('.project-name')).toHaveText('Acme Policies');
  await expect(sectionNumber(page, 'Introduction')).toHaveText('1.');
  expect(JSON.parse(await fs.readFile(path.join(newDir, 'policywright.json'), 'utf8'))).toMatchObject({ name: 'Acme Policies', documents: ['privacy-policy'] });

  await page.getByRole('button', { name: '+ New' }).click();
  await page.getByLabel('New document title').fill('Acceptable Use Policy');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Acceptable Use Policy' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByLabel('Title')).toHaveValue('Acceptable Use Policy');
  await expect(fs.stat(path.join(newDir, 'documents', 'acceptable-use-policy.policy.json'))).resolves.toBeTruthy();

  await page.getByRole('button', { name: 'Open project…' }).click();
  const recent = page.getByRole('dialog').locator('.recent');
  await expect(recent.getByRole('button')).toHaveCount(2);
  await recent.getByRole('button', { name: /Northwind Analytics Policies/ }).click();
  await expect(page.locator('.project-name')).toHaveText('Northwind Analytics Policies');
  await expect(page.locator('.documents li')).toHaveCount(3);
});

test('opening a folder that is not a project says so and changes nothing', async ({ page, app }) => {
  const stranger = path.join(app.home, 'not-a-project');
  await fs.mkdir(stranger);
  await page.getByRole('button', { name: 'Open project…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Project folder').fill(stranger);
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(dialog.getByRole('alert')).toHaveText(`${stranger} is not a Policywright project: it has no policywright.json.`);
  expect(await fs.readdir(stranger)).toEqual([]);
});

test('a damaged document file is named with what is wrong, and never overwritten', async ({ page, app }) => {
  const file = path.join(app.projectDir, 'documents', 'cookie-policy.policy.json');
  const broken = (await fs.readFile(file, 'utf8')).replace('"level":1', '"level":9');
  await fs.writeFile(file, broken);
  await page.reload();
  const entry = page.locator('.document-link.broken');
  await expect(entry).toHaveCount(1);
  await entry.click();
  await expect(page.getByRole('alert').first()).toContainText('documents/cookie-policy.policy.json');
  await expect(page.getByRole('alert').first()).toContainText(/blocks\[\d+\]\.level/);
  // The privacy policy stays open and editable; the damaged file is exactly as it was.
  await expect(page.getByLabel('Title')).toHaveValue('Privacy Policy');
  expect(await fs.readFile(file, 'utf8')).toBe(broken);
});

test('switching documents saves the open one first; nothing is lost', async ({ page, app }) => {
  await page.locator('.policy-editor p').first().click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Switching saves this.');
  await page.getByRole('button', { name: 'Cookie Policy' }).click();
  await expect(page.getByLabel('Title')).toHaveValue('Cookie Policy');
  expect(await app.readDocument('privacy-policy')).toContain('Switching saves this.');
  await expect(sectionNumber(page, 'About Cookies')).toHaveText('§ 1');
});
