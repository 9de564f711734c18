import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import type { Download, Page } from '@playwright/test';
import { violations } from './axe-check';
import { ROOT, clickEndOfHeading, expect, screenshot, startApp, test } from './fixtures';

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

test('draft → review with a summary → changes requested → edit → two approvals → published with dates and its files; the trail, its CSV and PDF', async ({ page, app, browser }) => {
  // Two hosts, two people, and two PDFs printed by Chromium (the published version and the trail report) on 2 cores.
  test.setTimeout(180_000);
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

    // Bea's window shows the edited text first (it reloads a file changed elsewhere, which resets its tabs).
    await expect(beaPage.locator('.policy-editor')).toContainText('Who We Are Today (2026)', { timeout: 10_000 });
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
  await panel.getByRole('button', { name: 'Publish…' }).click();
  const publishDialog = page.getByRole('dialog', { name: 'Publish' });
  await publishDialog.getByLabel('Effective date', { exact: true }).fill('2026-04-01');
  await expect(publishDialog.getByRole('checkbox', { name: /Set “last updated” to today/ })).toBeChecked();
  await expect(publishDialog.getByRole('checkbox', { name: 'Export the published version as HTML, DOCX and PDF' })).toBeChecked();
  await screenshot(page, 'review-publish-dialog');
  expect(await violations(page)).toEqual([]);
  const published: Download[] = [];
  const collect = (download: Download) => void published.push(download);
  page.on('download', collect);
  await publishDialog.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(publishDialog).toBeHidden({ timeout: 30_000 });
  // The three files of exactly the published version, offered as it was saved.
  await expect.poll(() => published.length, { timeout: 30_000 }).toBe(3);
  page.off('download', collect);
  const names = published.map((d) => d.suggestedFilename());
  expect(names.map((name) => name.replace(/\(Published privacy-policy [\d -]+\)/, '(V)'))).toEqual([
    'Privacy Policy (V).html',
    'Privacy Policy (V).docx',
    'Privacy Policy (V).pdf',
  ]);
  const exportedFiles = await Promise.all(published.map(async (d) => fs.readFile((await d.path()) ?? '')));
  const [publishedHtml, publishedDocx, publishedPdf] = exportedFiles.map((bytes) => bytes ?? Buffer.alloc(0));
  expect(publishedHtml?.toString('utf8')).toContain('<time datetime="2026-04-01">');
  expect(publishedHtml?.toString('utf8')).toContain('Who We Are Today (2026)');
  expect(publishedDocx?.subarray(0, 2).toString('latin1')).toBe('PK');
  expect(publishedPdf?.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // The dates are in the document itself, and the window shows the text with them.
  await expect.poll(async () => JSON.parse(await app.readDocument('privacy-policy')).effectiveDate as string).toBe('2026-04-01');
  // The window notices its file changed (the dates) and shows it again, on the Document tab.
  await expect(page.getByText('has been reloaded')).toBeVisible({ timeout: 10_000 });
  await expect(page.locator('.policy-editor').locator('..')).toContainText('Effective date: 1 April 2026');
  panel = await openReviewTab(page);
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
  expect(records[0]).toBe('time,person,step,state,note,edition,commit,signed');
  // Oldest first in the CSV: the panel's list read the other way round.
  const stepsInCsv = records.slice(1).map((line) => {
    const [, person, step] = line.split('","');
    return `${step} · ${person}`;
  });
  expect(stepsInCsv).toEqual([...shown].reverse());
  expect(csv).toContain('"Say what ""today"" means."');

  // The same trail as a PDF report for auditors.
  const [report] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Export trail as PDF' }).click()]);
  expect(report.suggestedFilename()).toBe('Privacy Policy (audit trail).pdf');
  expect((await fs.readFile((await report.path()) ?? '')).subarray(0, 5).toString('latin1')).toBe('%PDF-');

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
  // Opened again, the project says so in one sentence before any tab is opened.
  await page.reload();
  await expect(page.getByTestId('workflow-problem')).toContainText('(workflow/privacy-policy.json) differs from the one the project\'s history records');
});

/** Sends the open document for review with the author as its one approver, approves it and publishes it. */
async function reviewAndPublish(page: Page, options: { pickReviewer?: boolean } = {}) {
  let panel = await openReviewTab(page);
  await panel.getByRole('button', { name: 'Send for review…' }).click();
  const send = page.getByRole('dialog', { name: 'Send for review' });
  await expect(send.getByLabel('Summary of changes')).not.toHaveValue('');
  await send.getByLabel(/^Approvers/).fill(AUTHOR);
  if (options.pickReviewer) {
    // Names are typed, or picked from the people who have worked in the project.
    await send.getByRole('group', { name: 'Add to reviewers' }).getByRole('button', { name: AUTHOR }).click();
    await expect(send.getByLabel(/^Reviewers/)).toHaveValue(AUTHOR);
    await expect(send.getByRole('group', { name: 'Add to reviewers' })).toHaveCount(0);
  }
  await send.getByRole('button', { name: 'Send for review', exact: true }).click();
  await expect(send).toBeHidden();
  await panel.getByRole('button', { name: 'Approve' }).click();
  await expect(panel.getByTestId('review-state')).toHaveText('Approved');
  await panel.getByRole('button', { name: 'Publish…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Publish' });
  // No dates written and no files: the text stays as it is and nothing reloads.
  await dialog.getByRole('checkbox', { name: 'Set the effective date' }).uncheck();
  await dialog.getByRole('checkbox', { name: /Set “last updated” to today/ }).uncheck();
  await dialog.getByRole('checkbox', { name: 'Export the published version as HTML, DOCX and PDF' }).uncheck();
  await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(dialog).toBeHidden();
  panel = await openReviewTab(page);
  await expect(panel.getByTestId('review-state')).toHaveText('Published');
  return panel;
}

async function openDocument(page: Page, title: string) {
  await page.locator('.document-link', { has: page.locator('.document-title', { hasText: new RegExp(`^${title}$`) }) }).click();
  await expect(page.getByRole('textbox', { name: 'Policy text' })).toBeVisible();
}

test('a document that depends on another shows "review needed" when the other is published again, and `status` says so', async ({ page, app }) => {
  // Three reviews and publications (each a version saved) and the CLI: more steps than one minute holds on 2 cores.
  test.setTimeout(150_000);
  await openDocument(page, 'Cookie Policy');
  let panel = await openReviewTab(page);
  const links = panel.getByRole('form', { name: 'Depends on' });
  await links.getByRole('checkbox', { name: 'Privacy Policy' }).check();
  await links.getByRole('button', { name: 'Save links' }).click();
  await expect(panel.getByRole('list', { name: 'Audit trail' }).locator('li').first()).toContainText('Links set');
  await expect(links.getByRole('checkbox', { name: 'Privacy Policy' })).toBeChecked();
  await expect.poll(async () => JSON.parse(await fs.readFile(path.join(app.projectDir, 'workflow', 'cookie-policy.json'), 'utf8').catch(() => '{}')).dependsOn).toEqual(['privacy-policy']);

  // The editorial exemption is the document's own setting, recorded as a step.
  await panel.getByRole('checkbox', { name: /Editorial edits keep approvals/ }).click();
  await expect(panel.getByRole('list', { name: 'Audit trail' }).locator('li').first()).toContainText('Editorial edits set');
  await expect(panel.getByRole('checkbox', { name: /Editorial edits keep approvals/ })).toBeChecked();

  await openDocument(page, 'Privacy Policy');
  await reviewAndPublish(page, { pickReviewer: true });
  await openDocument(page, 'Cookie Policy');
  panel = await reviewAndPublish(page);
  await expect(panel.getByTestId('review-needed')).toHaveCount(0);

  // The privacy policy changes and is published again: the cookie policy needs a look.
  await openDocument(page, 'Privacy Policy');
  await clickEndOfHeading(page, 'Who We Are');
  await page.keyboard.type(' Now');
  await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 10_000 });
  await reviewAndPublish(page);
  await openDocument(page, 'Cookie Policy');
  panel = await openReviewTab(page);
  await expect(panel.getByTestId('review-needed')).toContainText(/Review needed: Privacy Policy was published .*, after this document was\./);
  await panel.evaluate((element) => element.scrollTo(0, 0));
  await screenshot(page, 'review-needed');
  expect(await violations(page)).toEqual([]);

  const status = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'policywright.mjs'), 'status', app.projectDir], { encoding: 'utf8' });
  expect(status.status).toBe(0);
  expect(status.stdout).toMatch(/Cookie Policy \(cookie-policy\): Published\n(?:.*\n)*? {2}review needed: Privacy Policy \(privacy-policy\) was published \d{4}-\d\d-\d\d, after this document/);

  // Read against the new privacy policy, the cookie policy needs no change: recorded, and the note goes.
  await panel.getByTestId('review-needed').getByRole('button', { name: 'No change needed' }).click();
  await expect(panel.getByTestId('review-needed')).toHaveCount(0);
  await expect(panel.getByRole('list', { name: 'Audit trail' }).locator('li').first()).toContainText('Links checked');
});
