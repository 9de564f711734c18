import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { expect, screenshot, test } from './fixtures';

const ana = { id: 'c-anae2e001', by: 'Ana Reviewer', at: '2026-12-04T10:00:00Z' };
const ben = { id: 'c-bene2e001', by: 'Ben Counsel', at: '2026-12-04T11:00:00Z' };

test('the Export dialog warns while suggestions are open, and HTML publishes the text as if they were accepted', async ({ page, app }) => {
  // A reviewer's suggestions and a comment, as another window (or a returned Word file) left them on disk.
  const file = path.join(app.projectDir, 'documents', 'privacy-policy.policy.json');
  const doc = JSON.parse(await fs.readFile(file, 'utf8'));
  const second = doc.blocks[1];
  second.runs = [
    { text: 'We have written this policy in ' },
    { text: 'plain', del: ana },
    { text: 'clear', ins: ana },
    { text: ' language', comments: ['k-notee2e001'] },
    { text: ', and defined terms appear in bold.' },
    { text: ' Questions are welcome.', ins: ben },
  ];
  doc.comments = [{ id: 'k-notee2e001', by: 'Dana', at: '2026-12-04T12:00:00Z', text: 'Internal: check with the DPO' }];
  await fs.writeFile(file, JSON.stringify(doc, null, 2));
  await page.goto(app.origin);
  await expect(page.getByRole('textbox', { name: 'Policy text' })).toContainText('Questions are welcome.');

  await page.keyboard.press('Control+e');
  const dialog = page.getByRole('dialog', { name: /Export/ });
  await expect(dialog.getByRole('note')).toHaveText('This document has 2 open suggestions; HTML, Markdown and PDF publish the text as if they were accepted.');
  await screenshot(page, 'export-dialog-open-suggestions');

  await dialog.getByRole('radio', { name: /HTML/ }).check();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).click()]);
  const saved = path.join(app.home, download.suggestedFilename());
  await download.saveAs(saved);
  const html = await fs.readFile(saved, 'utf8');
  expect(html).toContain('We have written this policy in clear language, and defined terms appear in bold. Questions are welcome.');
  expect(html).not.toContain('plainclear');
  expect(html).not.toContain('check with the DPO');
});

test('the Export dialog says nothing of suggestions when there are none', async ({ page }) => {
  await page.keyboard.press('Control+e');
  const dialog = page.getByRole('dialog', { name: /Export/ });
  await expect(dialog.getByRole('radio', { name: /HTML/ })).toBeVisible();
  await expect(dialog.getByRole('note')).toHaveCount(0);
});
