import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from '@playwright/test';
import { violations } from './axe-check';
import { clickEndOfHeading, expect, screenshot, startApp, test } from './fixtures';

/**
 * Two people review one policy. A window's person is its host's user name (POLICYWRIGHT_USER_NAME), never a name the
 * window sends, so the second approver is a second web host on the same project folder, with its own name, in its own
 * browser context: as a colleague at another machine working on the same clone would be.
 */
const AUTHOR = 'Dana Author';
const APPROVER = 'Bea Approver';

test.beforeAll(() => {
  process.env.POLICYWRIGHT_USER_NAME = AUTHOR;
});
test.afterAll(() => {
  delete process.env.POLICYWRIGHT_USER_NAME;
});

test.use({ viewport: { width: 1440, height: 1000 } });

async function openReviewTab(page: Page) {
  // Opened afresh, the panel reads the workflow again (another person may have taken a step meanwhile).
  await page.getByRole('tab', { name: 'Document' }).click();
  await page.getByRole('tab', { name: 'Review', exact: true }).click();
  return page.locator('.review-panel');
}

test('draft → review with a summary → changes requested → edit → two approvals → published; the trail and its CSV', async ({ page, app, browser }) => {
  // A version to compare against: the summary of changes is prefilled from it.
  await clickEndOfHeading(page, 'Who We Are');
  await page.keyboard.press('Control+Shift+S');
  const versions = page.getByRole('dialog', { name: /Versions of/ });
  await versions.getByLabel('Version name').fill('Baseline');
  await versions.getByRole('radio', { name: /Substantive/ }).check();
  await versions.getByRole('button', { name: 'Save version' }).click();
  await expect(versions.getByRole('row', { name: /Baseline/ })).toBeVisible();
  await versions.getByRole('button', { name: 'Close' }).click();
  await clickEndOfHeading(page, 'Who We Are');
  await page.keyboard.type(' Today');
  await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 10_000 });

  let panel = await openReviewTab(page);
  await expect(panel.getByTestId('review-state')).toHaveText('Draft');
  await panel.getByRole('button', { name: 'Send for review…' }).click();
  const send = page.getByRole('dialog', { name: 'Send for review' });
  const summary = send.getByLabel('Summary of changes');
  await expect(summary).toHaveValue('Changes since Version “Baseline”:\nChanged: Who We Are Today.');
  await summary.press('End');
  await summary.press('Control+End');
  await summary.pressSequentially('\nWe now say who we are today.');
  await send.getByLabel(/^Approvers/).fill(`${AUTHOR}, ${APPROVER}`);
  await screenshot(page, 'review-send-dialog');
  expect(await violations(page)).toEqual([]);
  await send.getByRole('button', { name: 'Send for review', exact: true }).click();
  await expect(send).toBeHidden();
  await expect(panel.getByTestId('review-state')).toHaveText('In review');
  await expect(panel.getByRole('list', { name: 'Approvers' })).toContainText(`${APPROVER} Waiting`);

  // The second person, in a second host and browser context on the same project.
  const beaHome = await fs.mkdtemp(path.join(os.tmpdir(), 'policywright-e2e-bea-'));
  const bea = await startApp(app.projectDir, beaHome, ['--port', '0'], { POLICYWRIGHT_USER_NAME: APPROVER });
  const beaContext = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  try {
    const beaPage = await beaContext.newPage();
    await beaPage.goto(bea.url);
    await expect(beaPage.getByRole('textbox', { name: 'Policy text' })).toBeVisible();
    let beaPanel = await openReviewTab(beaPage);
    await expect(beaPanel.getByTestId('review-state')).toHaveText('In review');
    await beaPanel.getByLabel(`Your note (${APPROVER})`).fill('Say what "today" means.');
    await beaPanel.getByRole('button', { name: 'Request changes' }).click();
    await expect(beaPanel.getByRole('list', { name: 'Approvers' })).toContainText(`${APPROVER} Changes requested`);

    // The author edits; approvals are of the text as it is now.
    await clickEndOfHeading(page, 'Who We Are Today');
    await page.keyboard.type(' (2026)');
    await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 10_000 });
    panel = await openReviewTab(page);
    await expect(panel.locator('.review-edited')).toBeVisible();
    await panel.getByRole('button', { name: 'Approve' }).click();
    await expect(panel.getByRole('list', { name: 'Approvers' })).toContainText(`${AUTHOR} Approved`);
    await expect(panel.getByTestId('review-state')).toHaveText('In review');

    beaPanel = await openReviewTab(beaPage);
    await beaPanel.getByLabel(`Your note (${APPROVER})`).fill('Good now.');
    await beaPanel.getByRole('button', { name: 'Approve' }).click();
    await expect(beaPanel.getByTestId('review-state')).toHaveText('Approved');
    await screenshot(beaPage, 'review-approved-by-second-person');
  } finally {
    await beaContext.close();
    bea.child.kill('SIGTERM');
    await fs.rm(beaHome, { recursive: true, force: true });
  }

  panel = await openReviewTab(page);
  await expect(panel.getByTestId('review-state')).toHaveText('Approved');
  await panel.getByRole('button', { name: 'Publish' }).click();
  await expect(panel.getByTestId('review-state')).toHaveText('Published');

  const trail = panel.getByRole('list', { name: 'Audit trail' }).locator('li');
  const shown = await trail.evaluateAll((items) => items.map((li) => li.querySelector('div')?.textContent ?? ''));
  // Newest first in the panel.
  expect(shown).toEqual([
    `Published · ${AUTHOR}`,
    `Approved · ${APPROVER}`,
    `Approved · ${AUTHOR}`,
    `Edited · ${AUTHOR}`,
    `Changes requested · ${APPROVER}`,
    `Review opened · ${AUTHOR}`,
  ]);
  await expect(trail.nth(4)).toContainText('Say what "today" means.');
  await expect(trail.nth(0)).toContainText(/Version "Published [a-z-]+ \d{4}-\d\d-\d\d \d\d:\d\d:\d\d"/);
  await panel.evaluate((element) => element.scrollTo(0, 0));
  await screenshot(page, 'review-panel-published');
  expect(await violations(page)).toEqual([]);

  // The published version's HTML is the approved text, whatever the draft becomes.
  await clickEndOfHeading(page, 'Who We Are Today (2026)');
  await page.keyboard.type(' Later');
  await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 10_000 });
  const [html] = await Promise.all([page.waitForEvent('download'), panel.getByRole('group', { name: 'Export the published version' }).getByRole('button', { name: 'HTML' }).click()]);
  const htmlFile = path.join(app.home, 'published.html');
  await html.saveAs(htmlFile);
  const exported = await fs.readFile(htmlFile, 'utf8');
  expect(exported).toContain('Who We Are Today (2026)');
  expect(exported).not.toContain('(2026) Later');

  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Export trail as CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/-review-trail\.csv$/);
  const file = path.join(app.home, download.suggestedFilename());
  await download.saveAs(file);
  const csv = await fs.readFile(file, 'utf8');
  const records = csv.trimEnd().split('\r\n');
  expect(records[0]).toBe('time,person,step,state,note,edition,commit');
  // Oldest first in the CSV: the panel's list read the other way round.
  const stepsInCsv = records.slice(1).map((line) => {
    const [, person, step] = line.split('","');
    return `${step} · ${person}`;
  });
  expect(stepsInCsv).toEqual([...shown].reverse());
  expect(csv).toContain('"Say what ""today"" means."');

  // A review interval from the publication: due a year on. With the window's clock 13 months on, it is overdue.
  await panel.getByLabel('Review every (months)').fill('12');
  await panel.getByLabel('Warn days before').fill('30');
  await panel.getByRole('button', { name: 'Set', exact: true }).click();
  await expect(panel.getByTestId('review-due')).toContainText('not due yet');
  await page.clock.setFixedTime(new Date(Date.now() + 396 * 24 * 3600 * 1000));
  panel = await openReviewTab(page);
  await expect(panel.getByTestId('review-due')).toContainText('overdue');
  await expect(panel.locator('.review-edited')).toHaveText('The text changed since it was published: send it for review to publish the change.');
  await screenshot(page, 'review-panel-overdue');

  // The state file changed outside Policywright: the panel says so rather than show it as recorded.
  const stateFile = path.join(app.projectDir, 'workflow', 'privacy-policy.json');
  await fs.writeFile(stateFile, (await fs.readFile(stateFile, 'utf8')).replace('"published"', '"retired"'));
  panel = await openReviewTab(page);
  await expect(panel.getByRole('alert')).toContainText('changed outside Policywright');
  await expect(panel.getByTestId('review-state')).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Retire…' })).toHaveCount(0);
  await expect(panel.getByRole('list', { name: 'Audit trail' }).locator('li')).toHaveCount(7);
  await screenshot(page, 'review-panel-problem');
});
