import { test as base, type Browser, type Page } from '@playwright/test';
import { execFile, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { HAS_HTTP_BACKEND, startTestGitServer, type TestGitServer } from '../main/sync/test-git-server';
import { seriousViolations } from './axe-check';
import { ROOT, clickEndOfHeading, expect, heading, screenshot, startApp } from './fixtures';

// Two people (two app homes, two clones) share the sample project through a real git server with authentication.
const test = base;
const PEOPLE = { ann: 'secret-a', bob: 'secret-b' } as const;
type Person = keyof typeof PEOPLE;

let tmp: string;
let server: TestGitServer;
const children: ChildProcess[] = [];

test.beforeAll(async () => {
  if (!HAS_HTTP_BACKEND) return;
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-e2e-sync-'));
  await fs.mkdir(path.join(tmp, 'server'));
  server = await startTestGitServer(path.join(tmp, 'server'), PEOPLE);
});

test.afterAll(async () => {
  for (const child of children) child.kill('SIGTERM');
  if (!HAS_HTTP_BACKEND) return;
  await server.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

function credentials(person: Person, password: string = PEOPLE[person]): Record<string, string> {
  return { POLICYWRIGHT_GIT_USERNAME: person, POLICYWRIGHT_GIT_PASSWORD: password };
}

/** The built CLI, as a team's script would run it; never synchronously, for the server answers from this process. */
async function cli(person: Person, args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [path.join(ROOT, 'bin', 'policywright.mjs'), ...args], {
    env: { ...process.env, ...credentials(person), POLICYWRIGHT_HOME: path.join(tmp, `${person}-home`) },
    encoding: 'utf8',
  });
  return stdout;
}

/** A window of the web host on the person's clone, with their credentials in its environment. */
async function windowOf(browser: Browser, person: Person, projectDir: string, password?: string): Promise<Page> {
  const { child, url } = await startApp(projectDir, path.join(tmp, `${person}-home`), ['--port', '0'], credentials(person, password));
  children.push(child);
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await page.goto(url);
  await expect(page.getByRole('textbox', { name: 'Policy text' })).toBeVisible();
  return page;
}

async function type(page: Page, title: string, words: string): Promise<void> {
  await clickEndOfHeading(page, title);
  await page.keyboard.type(words);
  await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 10_000 });
}

const syncButton = (page: Page) => page.getByRole('button', { name: /^Sync: / });

test.skip(!HAS_HTTP_BACKEND, 'needs git http-backend (git’s smart-HTTP program) for the test server');

test('two people sync edits of different sections, then resolve a conflicting edit in the dialog', async ({ browser }) => {
  test.setTimeout(120_000);
  const url = await server.createRepo('policies.git');
  const annDir = path.join(tmp, 'ann', 'Northwind');
  const bobDir = path.join(tmp, 'bob', 'Northwind');
  await fs.cp(path.join(ROOT, 'assets', 'sample-project'), annDir, { recursive: true });
  expect(await cli('ann', ['sync', annDir, '--remote', url, '--author', 'Ann'])).toMatch(/^Synced: sent 1 change/);
  expect(await cli('bob', ['clone', url, bobDir])).toMatch(/^Cloned /);

  const ann = await windowOf(browser, 'ann', annDir);
  const bob = await windowOf(browser, 'bob', bobDir);
  await expect(syncButton(ann)).toHaveText(/Up to date/);
  await expect(syncButton(bob)).toHaveText(/Up to date/);

  // Different sections: both edits arrive on both sides, merged without a question.
  await type(ann, 'Who We Are', ' (Ann)');
  await expect(syncButton(ann)).toHaveText(/Edits to send/);
  await syncButton(ann).click();
  await expect(syncButton(ann)).toHaveText(/Up to date/);
  await expect(ann.getByTestId('sync-message')).toHaveText(/^Synced: sent 1 change\(s\), received 0\./);
  await type(bob, 'Security', ' (Bob)');
  await syncButton(bob).click();
  await expect(syncButton(bob)).toHaveText(/Up to date/);
  await expect(bob.getByTestId('sync-message')).toHaveText(/received 1, merged by section\./);
  await expect(heading(bob, 'Who We Are (Ann)')).toBeVisible();
  await expect(heading(bob, 'Security (Bob)')).toBeVisible();
  await syncButton(ann).click();
  await expect(syncButton(ann)).toHaveText(/Up to date/);
  await expect(heading(ann, 'Security (Bob)')).toBeVisible();
  await expect(heading(ann, 'Who We Are (Ann)')).toBeVisible();
  await screenshot(ann, 'sync-status');

  // The same heading changed by both: Bob's sync needs attention, and he takes Ann's in the dialog.
  await type(ann, 'Data Retention', ' by Ann');
  await syncButton(ann).click();
  await expect(syncButton(ann)).toHaveText(/Up to date/);
  await type(bob, 'Data Retention', ' by Bob');
  await syncButton(bob).click();
  const dialog = bob.getByRole('dialog', { name: 'Changes to resolve' });
  await expect(dialog).toBeVisible();
  await expect(syncButton(bob)).toHaveText(/Needs attention/);
  await expect(dialog.getByRole('heading', { name: 'Privacy Policy' })).toBeVisible();
  const section = dialog.getByRole('region', { name: 'Section “Data Retention”' });
  await expect(section.getByRole('group', { name: 'Yours: Section “Data Retention”' })).toContainText('Data Retention by Bob');
  await expect(section.getByRole('group', { name: 'Theirs: Section “Data Retention”' })).toContainText('Data Retention by Ann');
  await screenshot(bob, 'sync-conflict-dialog');
  expect(await seriousViolations(bob)).toEqual([]);
  await section.getByRole('button', { name: 'Take theirs' }).click();
  await dialog.getByRole('button', { name: 'Resolve Privacy Policy' }).click();
  await expect(dialog).toBeHidden();
  await expect(syncButton(bob)).toHaveText(/Up to date/);
  await expect(heading(bob, 'Data Retention by Ann')).toBeVisible();
  await syncButton(ann).click();
  await expect(syncButton(ann)).toHaveText(/Up to date/);
  await expect(heading(ann, 'Data Retention by Ann')).toBeVisible();
  await expect(heading(ann, 'Security (Bob)')).toBeVisible();
});

test('a sync while the server is down says offline and works later; a wrong password is one sentence', async ({ browser }) => {
  test.setTimeout(120_000);
  const url = await server.createRepo('offline.git');
  const annDir = path.join(tmp, 'offline', 'Northwind');
  await fs.cp(path.join(ROOT, 'assets', 'sample-project'), annDir, { recursive: true });
  await cli('ann', ['sync', annDir, '--remote', url, '--author', 'Ann']);
  const ann = await windowOf(browser, 'ann', annDir);
  await expect(syncButton(ann)).toHaveText(/Up to date/);

  await server.stop();
  await type(ann, 'Who We Are', ' (offline)');
  await syncButton(ann).click();
  await expect(syncButton(ann)).toHaveText(/Offline/);
  await expect(ann.getByTestId('sync-message')).toHaveText(/^The server at http:\/\/127\.0\.0\.1:\d+ cannot be reached \(offline\?\); your work is kept here and will be synced later\.$/);
  await expect(syncButton(ann)).toHaveAttribute('title', /cannot be reached/);
  await screenshot(ann, 'sync-offline');
  // Typing goes on while offline, and the text stays.
  await type(ann, 'Security', ' (still typing)');
  await server.start();
  await syncButton(ann).click();
  await expect(syncButton(ann)).toHaveText(/Up to date/);
  // The commit made while offline and the one after it both go.
  await expect(ann.getByTestId('sync-message')).toHaveText(/^Synced: sent 2 change\(s\), received 0\.$/);

  const wrong = await windowOf(browser, 'ann', annDir, 'not-the-password');
  await type(wrong, 'Data Retention', ' (wrong password)');
  await syncButton(wrong).click();
  await expect(syncButton(wrong)).toHaveText(/Needs attention/);
  await expect(wrong.getByTestId('sync-message')).toHaveText(/^The server at http:\/\/127\.0\.0\.1:\d+ refused the user name or password\.$/);
  await expect(wrong.getByRole('dialog')).toHaveCount(0);
});

test('cloning from the window with a user name and password, then a conflict settled section by section', async ({ browser }) => {
  test.setTimeout(150_000);
  const url = await server.createRepo('window.git');
  const annDir = path.join(tmp, 'window', 'ann', 'Northwind');
  const annDoc = path.join(annDir, 'documents', 'privacy-policy.policy.json');
  await fs.cp(path.join(ROOT, 'assets', 'sample-project'), annDir, { recursive: true });
  await cli('ann', ['sync', annDir, '--remote', url, '--author', 'Ann']);

  // Bob's window starts on a scratch project, with no credentials in its environment: he types them.
  const home = path.join(tmp, 'window', 'bob-home');
  const scratch = path.join(tmp, 'window', 'scratch');
  await fs.cp(path.join(ROOT, 'assets', 'sample-project'), scratch, { recursive: true });
  const { child, url: address } = await startApp(scratch, home);
  children.push(child);
  const bob = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await bob.goto(address);
  await expect(bob.getByRole('textbox', { name: 'Policy text' })).toBeVisible();
  await bob.getByRole('button', { name: 'Open project…' }).click();
  const dialog = bob.getByRole('dialog');
  await dialog.getByRole('tab', { name: 'Clone' }).click();
  await expect(dialog.getByRole('heading', { name: 'Clone from a git server' })).toBeVisible();
  await dialog.getByLabel('Server address').fill(url);
  // The destination through the app's folder chooser: the folder to put it in, then the new folder's name.
  await dialog.getByLabel('New folder for the project').fill(path.join(tmp, 'window', 'bob'));
  await fs.mkdir(path.join(tmp, 'window', 'bob'));
  await dialog.getByRole('button', { name: 'Browse…' }).click();
  await dialog.getByRole('button', { name: 'Choose this folder' }).click();
  await expect(dialog.getByLabel('New folder for the project')).toHaveValue(`${path.join(tmp, 'window', 'bob')}/`);
  await dialog.getByLabel('New folder for the project').press('End');
  await dialog.getByLabel('New folder for the project').pressSequentially('Northwind');
  await dialog.getByLabel('User name').fill('bob');
  await dialog.getByLabel('Password or access token').fill('not-the-password');
  await screenshot(bob, 'sync-clone-dialog');
  await dialog.getByRole('button', { name: 'Clone', exact: true }).click();
  await expect(dialog.getByRole('alert')).toHaveText(/^The server at http:\/\/127\.0\.0\.1:\d+ refused the user name or password\.$/);
  await dialog.getByLabel('Password or access token').fill(PEOPLE.bob);
  await dialog.getByRole('button', { name: 'Clone', exact: true }).click();
  await expect(dialog).toBeHidden();
  const bobDir = path.join(tmp, 'window', 'bob', 'Northwind');
  await expect(bob.locator('.project-name')).toHaveAttribute('title', bobDir);
  await expect(syncButton(bob)).toHaveText(/Up to date/);
  // The password is kept in the settings folder, never in the project's git configuration.
  await expect.poll(() => fs.readFile(path.join(home, 'git-credentials.json'), 'utf8').catch(() => ''), { timeout: 10_000 }).toContain('"username": "bob"');
  await expect.poll(() => fs.readFile(path.join(bobDir, '.git', 'config'), 'utf8').catch(() => '')).toContain(url);
  expect(await fs.readFile(path.join(bobDir, '.git', 'config'), 'utf8')).not.toContain(PEOPLE.bob);

  // Both change the same two headings: one is settled with theirs, the other with a result Bob writes.
  const annText = await fs.readFile(annDoc, 'utf8');
  await fs.writeFile(annDoc, annText.replace('"runs":[{"text":"Data Retention"}]', '"runs":[{"text":"Data Retention by Ann"}]').replace('"runs":[{"text":"Security"}]', '"runs":[{"text":"Security by Ann"}]'));
  await cli('ann', ['sync', annDir, '--author', 'Ann']);
  await type(bob, 'Data Retention', ' by Bob');
  await type(bob, 'Security', ' by Bob');
  await syncButton(bob).click();
  const conflicts = bob.getByRole('dialog', { name: 'Changes to resolve' });
  await expect(conflicts).toBeVisible();
  const retention = conflicts.getByRole('region', { name: 'Section “Data Retention”' });
  await expect(retention.getByRole('group', { name: 'Common base: Section “Data Retention”' })).toContainText('Data Retention');
  await expect(retention.getByRole('group', { name: 'Yours: Section “Data Retention”' })).toContainText('Data Retention by Bob');
  await expect(retention.getByRole('group', { name: 'Theirs: Section “Data Retention”' })).toContainText('Data Retention by Ann');
  await retention.getByRole('button', { name: 'Take theirs' }).click();
  const security = conflicts.getByRole('region', { name: 'Section “Security”' });
  await security.getByRole('button', { name: 'Edit the result' }).click();
  const result = security.getByRole('textbox');
  const mine = await result.inputValue();
  expect(mine.split('\n')[0]).toBe('Security by Bob');
  await result.fill(['Security, agreed by Ann and Bob', ...mine.split('\n').slice(1)].join('\n'));
  await screenshot(bob, 'sync-conflict-sections');
  expect(await seriousViolations(bob)).toEqual([]);
  await conflicts.getByRole('button', { name: 'Resolve Privacy Policy' }).click();
  await expect(conflicts).toBeHidden();
  await expect(syncButton(bob)).toHaveText(/Up to date/);
  await expect(heading(bob, 'Data Retention by Ann')).toBeVisible();
  await expect(heading(bob, 'Security, agreed by Ann and Bob')).toBeVisible();
  await cli('ann', ['sync', annDir, '--author', 'Ann']);
  await expect.poll(() => fs.readFile(annDoc, 'utf8')).toContain('"runs":[{"text":"Security, agreed by Ann and Bob"}]');
  expect(await fs.readFile(annDoc, 'utf8')).toContain('"runs":[{"text":"Data Retention by Ann"}]');
});
