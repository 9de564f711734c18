import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { Page } from '@playwright/test';
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { expect, screenshot, startApp, test } from './fixtures';
import { readJournalFileText } from '../main/store/journal-file';

/** Types at the end of the document's first paragraph. */
async function typeInFirstParagraph(page: Page, text: string) {
  await page.locator('.policy-editor p').first().click();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
}

async function createProject(page: Page, dir: string, name: string) {
  await page.getByRole('button', { name: 'New project…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('New project folder').fill(dir);
  await dialog.getByLabel('Project name').fill(name);
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(page.locator('.project-name')).toHaveText(name);
}

/** A copy of the sample project in a home of its own, and the app started on it: one the test may kill and start again. */
async function appOfItsOwn(app: { home: string; projectDir: string }, name: string) {
  const home = path.join(app.home, name);
  const projectDir = path.join(home, 'Northwind');
  await fs.mkdir(home, { recursive: true });
  await fs.cp(app.projectDir, projectDir, { recursive: true });
  return { home, projectDir, first: await startApp(projectDir, home, []) };
}

const privacyFile = (dir: string) => path.join(dir, 'documents', 'privacy-policy.policy.json');

test('switching projects while a save is pending writes each sentence into its own project', async ({ page, app }) => {
  const y = path.join(app.home, 'Project Y');
  const x = path.join(app.home, 'Project X');
  await createProject(page, y, 'Project Y');
  await typeInFirstParagraph(page, 'Typed in Y.');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');

  await createProject(page, x, 'Project X');
  await typeInFirstParagraph(page, 'Typed in X.');
  // Within the autosave's second: straight to Recent → Y.
  await page.getByRole('button', { name: 'Open project…' }).click();
  await page.getByRole('dialog').locator('.recent').getByRole('button', { name: /Project Y/ }).click();
  await expect(page.locator('.project-name')).toHaveText('Project Y');

  await expect(page.locator('.policy-editor')).toContainText('Typed in Y.');
  await expect(page.locator('.policy-editor')).not.toContainText('Typed in X.');
  const yFile = await fs.readFile(privacyFile(y), 'utf8');
  expect(yFile).toContain('Typed in Y.');
  expect(yFile).not.toContain('Typed in X.');
  expect(await fs.readFile(privacyFile(x), 'utf8')).toContain('Typed in X.');
});

test('a file changed outside while the window has no edits is reloaded by itself', async ({ page, app }) => {
  const file = privacyFile(app.projectDir);
  const theirs = (await fs.readFile(file, 'utf8')).replace('"title": "Privacy Policy"', '"title": "Privacy Policy (pulled)"');
  expect(theirs).toContain('(pulled)');
  await fs.writeFile(file, theirs);
  await expect(page.getByLabel('Title')).toHaveValue('Privacy Policy (pulled)', { timeout: 10_000 });
  await expect(page.getByRole('status').filter({ hasText: 'changed outside this window and has been reloaded' })).toBeVisible();
  expect(await fs.readFile(file, 'utf8')).toBe(theirs);
});

test('a file changed outside while the window has edits is not overwritten: reload theirs keeps mine as a copy', async ({ page, app }) => {
  const file = privacyFile(app.projectDir);
  await typeInFirstParagraph(page, ' My unsaved sentence.');
  const theirs = (await fs.readFile(file, 'utf8')).replace('"versionLabel": "', '"versionLabel": "pulled ');
  await fs.writeFile(file, theirs);
  const banner = page.getByTestId('conflict');
  await expect(banner).toContainText('changed outside this window', { timeout: 10_000 });
  expect(await fs.readFile(file, 'utf8')).toBe(theirs);
  await screenshot(page, 'conflict-banner');

  await banner.getByRole('button', { name: /Reload theirs/ }).click();
  await expect(page.getByLabel('Version label')).toHaveValue(/^pulled /);
  await expect(page.locator('.policy-editor')).not.toContainText('My unsaved sentence.');
  const copy = page.locator('.document-link', { hasText: /Privacy Policy \(my edits, / });
  await expect(copy).toHaveCount(1);
  await copy.click();
  await expect(page.locator('.policy-editor')).toContainText('My unsaved sentence.');
  expect(await fs.readFile(file, 'utf8')).toBe(theirs);
});

test('two tabs on one document: the second save sees the first, and keep mine keeps theirs as a copy', async ({ page, app }) => {
  const second = await page.context().newPage();
  await second.goto(new URL('/', page.url()).href);
  await expect(second.getByRole('textbox', { name: 'Policy text' })).toBeVisible();

  await typeInFirstParagraph(second, ' Written in the second tab.');
  await typeInFirstParagraph(page, ' Written in the first tab.');
  // One of the two saves lands first; the other tab is told, and nothing is overwritten.
  const banners = [page.getByTestId('conflict'), second.getByTestId('conflict')];
  await expect.poll(async () => (await banners[0]!.count()) + (await banners[1]!.count()), { timeout: 10_000 }).toBe(1);
  const loser = (await banners[0]!.count()) === 1 ? page : second;
  const loserText = loser === page ? 'Written in the first tab.' : 'Written in the second tab.';
  const winnerText = loser === page ? 'Written in the second tab.' : 'Written in the first tab.';
  const file = privacyFile(app.projectDir);
  expect(await fs.readFile(file, 'utf8')).toContain(winnerText);
  expect(await fs.readFile(file, 'utf8')).not.toContain(loserText);

  await loser.getByTestId('conflict').getByRole('button', { name: /Keep mine/ }).click();
  await expect(loser.getByTestId('save-status')).toHaveText('Saved');
  expect(await fs.readFile(file, 'utf8')).toContain(loserText);
  const copyName = /Privacy Policy \(changed outside, /;
  await expect(loser.locator('.document-link', { hasText: copyName })).toHaveCount(1);
  const manifest = JSON.parse(await fs.readFile(path.join(app.projectDir, 'policywright.json'), 'utf8')) as { documents: string[] };
  const copies = await Promise.all(manifest.documents.map((id) => app.readDocument(id)));
  expect(copies.filter((text) => text.includes(winnerText) && !text.includes(loserText))).toHaveLength(1);
  await second.close();
});

test('a document deleted outside keeps the text in the window until it is saved again', async ({ page, app }) => {
  const file = privacyFile(app.projectDir);
  await typeInFirstParagraph(page, ' Kept after deletion.');
  await fs.rm(file);
  const banner = page.getByTestId('conflict');
  await expect(banner).toContainText('deleted or renamed outside this window', { timeout: 10_000 });
  await expect(page.locator('.policy-editor')).toContainText('Kept after deletion.');
  expect(await fs.stat(file).catch(() => null)).toBeNull();
  await banner.getByRole('button', { name: 'Save my text again' }).click();
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  expect(await fs.readFile(file, 'utf8')).toContain('Kept after deletion.');
});

test('a document another writer took off the list while it was open keeps its text, and saved again is back on the list', async ({ page, app }) => {
  await typeInFirstParagraph(page, ' Kept after its removal.');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  // Another writer (another window's Delete, a pull) takes it off the list and moves its file away.
  const manifestFile = path.join(app.projectDir, 'policywright.json');
  const manifest = JSON.parse(await fs.readFile(manifestFile, 'utf8')) as { documents: string[] };
  await fs.writeFile(manifestFile, `${JSON.stringify({ ...manifest, documents: manifest.documents.filter((id) => id !== 'privacy-policy') }, null, 2)}\n`);
  await fs.rm(privacyFile(app.projectDir));
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  const entry = page.locator('.document-link[data-document-id="privacy-policy"]');
  await expect(entry).toHaveCount(0);
  const banner = page.getByTestId('conflict');
  await expect(banner).toContainText('deleted or renamed outside this window', { timeout: 10_000 });
  await expect(page.locator('.policy-editor')).toContainText('Kept after its removal.');
  await banner.getByRole('button', { name: 'Save my text again' }).click();
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  expect(await fs.readFile(privacyFile(app.projectDir), 'utf8')).toContain('Kept after its removal.');
  expect((JSON.parse(await fs.readFile(manifestFile, 'utf8')) as { documents: string[] }).documents).toContain('privacy-policy');
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(entry).toHaveCount(1);
});

test('the host killed mid-typing loses nothing: on reopen the edits are offered back and restored', async ({ page: firstPage, context, app }) => {
  let page = firstPage;
  const { home, projectDir, first } = await appOfItsOwn(app, 'crash-home');
  await page.goto(first.url);
  await expect(page.getByRole('textbox', { name: 'Policy text' })).toBeVisible();

  await page.locator('.policy-editor p').first().click();
  await page.keyboard.press('End');
  // Typing that never pauses long enough for the autosave.
  const words = Array.from({ length: 30 }, (_, i) => `w${i}`);
  for (const word of words) await page.keyboard.type(` ${word}`, { delay: 15 });
  first.child.kill('SIGKILL');
  await once(first.child, 'exit');
  expect(await fs.readFile(path.join(projectDir, 'documents', 'privacy-policy.policy.json'), 'utf8')).not.toContain('w29');
  // The tab goes on keeping the edits itself; the failed save says so without advising a reload.
  await expect(page.getByTestId('save-status')).toContainText('kept in this browser', { timeout: 10_000 });

  // The tab that typed goes too (a closed browser); the next one finds the edits the tab kept.
  await page.waitForTimeout(1500);
  await page.close();
  const second = await startApp(projectDir, home, []);
  expect(new URL(second.url).origin).toBe(new URL(first.url).origin);
  try {
    page = await context.newPage();
    await page.goto(second.url);
    const banner = page.getByTestId('recovery');
    await expect(banner).toContainText('were never saved before Policywright stopped');
    await expect(page.locator('.policy-editor')).not.toContainText('w29');
    await screenshot(page, 'recovery-banner');
    await banner.getByRole('button', { name: 'Restore them' }).click();
    await expect(page.locator('.policy-editor')).toContainText(words.join(' '));
    await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 10_000 });
    expect(await fs.readFile(path.join(projectDir, 'documents', 'privacy-policy.policy.json'), 'utf8')).toContain(words.join(' '));
    // Saved: nothing is offered again.
    await page.reload();
    await expect(page.getByRole('textbox', { name: 'Policy text' })).toBeVisible();
    await page.waitForTimeout(500);
    await expect(page.getByTestId('recovery')).toHaveCount(0);
  } finally {
    second.child.kill('SIGTERM');
  }
});

test('the app keeps unsaved edits as patches of the file they were read from, and offers them back whole', async ({ page: firstPage, context, app }) => {
  let page = firstPage;
  const { home, projectDir, first } = await appOfItsOwn(app, 'patch-home');
  const entries: Array<Record<string, unknown>> = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/writeJournal')) entries.push((request.postDataJSON() as { entry: Record<string, unknown> }).entry);
  });
  // No save reaches the app: the edits are in its journal alone.
  await page.route('**/api/saveDocument', (route) => route.abort());
  await page.goto(first.url);
  await expect(page.getByRole('textbox', { name: 'Policy text' })).toBeVisible();
  // The window checks what it read against the file in its first idle moments.
  await page.waitForTimeout(500);
  await page.locator('.policy-editor p').first().click();
  await page.keyboard.press('End');
  const words = Array.from({ length: 40 }, (_, i) => `p${i}`);
  for (const word of words) await page.keyboard.type(` ${word}`, { delay: 15 });

  const journalled = async () => {
    const found = await fs.readdir(path.join(home, 'journal'), { recursive: true }).catch(() => [] as string[]);
    const file = found.find((name) => name.includes('privacy-policy') && name.endsWith('.json'));
    return file ? ((readJournalFileText(await fs.readFile(path.join(home, 'journal', file), 'utf8')) as { text?: string } | null)?.text ?? '') : '';
  };
  await expect.poll(journalled, { timeout: 10_000 }).toContain(words.join(' '));
  expect(entries.length).toBeGreaterThanOrEqual(2);
  // Every entry was what changed, the first of them a change of the file as read (named by its stamp).
  expect(entries.filter((entry) => 'text' in entry)).toEqual([]);
  expect(entries[0]?.after).toMatch(/^sha256-/);
  for (const entry of entries) expect((entry.insert as string).length).toBeLessThan(1000);

  first.child.kill('SIGKILL');
  await once(first.child, 'exit');
  await page.close();
  const second = await startApp(projectDir, home, []);
  try {
    page = await context.newPage();
    await page.goto(second.url);
    const banner = page.getByTestId('recovery');
    // The app's copy, built from the changes it was sent (the tab kept none: the app could be reached throughout).
    await expect(banner).toContainText('were never saved before Policywright stopped; Policywright kept them.');
    await screenshot(page, 'recovery-banner-app');
    await banner.getByRole('button', { name: 'Restore them' }).click();
    await expect(page.locator('.policy-editor')).toContainText(words.join(' '));
  } finally {
    second.child.kill('SIGTERM');
  }
});

test('after a save, the next journal entry is a patch of the file just saved', async ({ page }) => {
  const entries: Array<Record<string, unknown>> = [];
  const stamps: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/writeJournal')) entries.push((request.postDataJSON() as { entry: Record<string, unknown> }).entry);
  });
  page.on('response', async (response) => {
    if (response.url().endsWith('/api/saveDocument')) stamps.push(((await response.json()) as { value: { stamp: string } }).value.stamp);
  });
  await typeInFirstParagraph(page, ' Saved first.');
  await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 10_000 });
  expect(stamps).toHaveLength(1);
  const before = entries.length;
  // Typing that never pauses long enough for the next save: a journal entry is taken meanwhile.
  await page.locator('.policy-editor p').first().click();
  await page.keyboard.press('End');
  for (const word of Array.from({ length: 30 }, (_, i) => `s${i}`)) await page.keyboard.type(` ${word}`, { delay: 15 });
  await expect.poll(() => entries.length, { timeout: 10_000 }).toBeGreaterThan(before);
  expect(entries[before]).toMatchObject({ after: stamps[0] });
  expect(entries[before]).not.toHaveProperty('text');
});

test('a read-only project opens with a banner saying why, keeps the file byte for byte, and work goes on in a copy', async ({ page, app }) => {
  const mounted = await readOnlyCopy(app.projectDir, path.join(app.home, 'Shared'));
  try {
    const file = privacyFile(mounted);
    const before = await fs.readFile(file);
    await page.getByRole('button', { name: 'Open project…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Project folder').fill(mounted);
    await dialog.getByRole('button', { name: 'Open', exact: true }).click();
    const banner = page.getByTestId('read-only');
    await expect(banner).toContainText('read-only disk or folder');

    await typeInFirstParagraph(page, ' Typed in a read-only project.');
    await expect(page.getByTestId('save-status')).toContainText('could not be saved: the disk or folder is read-only', { timeout: 10_000 });
    expect(Buffer.compare(await fs.readFile(file), before)).toBe(0);
    await screenshot(page, 'read-only-project');

    const copy = path.join(app.home, 'My copy');
    await banner.getByRole('button', { name: 'Save a copy as…' }).click();
    await page.getByRole('dialog').getByLabel('Folder for the copy').fill(copy);
    await page.getByRole('dialog').getByRole('button', { name: 'Save copy' }).click();
    await expect(page.getByTestId('read-only')).toHaveCount(0);
    await expect(page.locator('.policy-editor')).toContainText('Typed in a read-only project.');
    expect(await fs.readFile(privacyFile(copy), 'utf8')).toContain('Typed in a read-only project.');
    expect(Buffer.compare(await fs.readFile(file), before)).toBe(0);
  } finally {
    await new Promise((resolve) => execFile('umount', [mounted], resolve));
  }
});

test('switching away after a failed save keeps the edits with their own project, and offers them back there', async ({ page, app }) => {
  const mounted = await readOnlyCopy(app.projectDir, path.join(app.home, 'Locked'));
  try {
    await page.getByRole('button', { name: 'Open project…' }).click();
    await page.getByRole('dialog').getByLabel('Project folder').fill(mounted);
    await page.getByRole('dialog').getByRole('button', { name: 'Open', exact: true }).click();
    await expect(page.getByTestId('read-only')).toBeVisible();
    await typeInFirstParagraph(page, ' Typed where it cannot be saved.');
    await expect(page.getByTestId('save-status')).toContainText('could not be saved', { timeout: 10_000 });

    await page.getByRole('button', { name: 'Open project…' }).click();
    await page.getByRole('dialog').locator('.recent').getByRole('button', { name: new RegExp(escapeRegExp(app.projectDir)) }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'its unsaved edits are kept' })).toBeVisible();
    await expect(page.getByTestId('read-only')).toHaveCount(0);
    await expect(page.locator('.policy-editor')).not.toContainText('Typed where it cannot be saved.');
    expect(await fs.readFile(privacyFile(app.projectDir), 'utf8')).not.toContain('Typed where it cannot be saved.');

    await page.getByRole('button', { name: 'Open project…' }).click();
    await page.getByRole('dialog').locator('.recent').getByRole('button', { name: new RegExp(escapeRegExp(mounted)) }).click();
    const banner = page.getByTestId('recovery');
    await expect(banner).toContainText('were never saved');
    await banner.getByRole('button', { name: 'Restore them' }).click();
    await expect(page.locator('.policy-editor')).toContainText('Typed where it cannot be saved.');
  } finally {
    await new Promise((resolve) => execFile('umount', [mounted], resolve));
  }
});

/**
 * A copy of the project at `at`, seen read-only at `<at> (read-only)` through a read-only bind mount: root, which the
 * tests run as, ignores file modes but not a read-only mount. Skips the test where the mount is not allowed.
 */
async function readOnlyCopy(project: string, at: string): Promise<string> {
  const mounted = `${at} (read-only)`;
  await fs.cp(project, at, { recursive: true });
  await fs.mkdir(mounted);
  const mount = (args: string[]) => new Promise<boolean>((resolve) => execFile('mount', args, (error) => resolve(!error)));
  test.skip(!(await mount(['--bind', at, mounted])), 'needs root to bind-mount a folder (the tests run as root in CI)');
  if (!(await mount(['-o', 'remount,bind,ro', mounted]))) {
    await new Promise((resolve) => execFile('umount', [mounted], resolve));
    throw new Error(`${mounted} could not be made read-only`);
  }
  return mounted;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
