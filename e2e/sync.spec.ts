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
  await expect(dialog.getByText('Section “Data Retention”')).toBeVisible();
  await expect(dialog.getByText('Yours: Data Retention by Bob')).toBeVisible();
  await expect(dialog.getByText('Theirs: Data Retention by Ann')).toBeVisible();
  await screenshot(bob, 'sync-conflict-dialog');
  expect(await seriousViolations(bob)).toEqual([]);
  await dialog.getByRole('button', { name: /^Take theirs/ }).click();
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
