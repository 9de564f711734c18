import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { PolicyDocumentSchema, type PolicyDocument } from '../shared/model/document';
import { acceptAll, rejectAll } from '../shared/review/resolve';
import { listComments, listSuggestions } from '../shared/review/list';
import { blockText } from '../shared/model/text';
import type { VariableValues } from '../shared/model/variables';
import { clickEndOfHeading, expect, giveName, screenshot, test } from './fixtures';

/**
 * A whole review round, as issue 15 asks of it: suggest (type, delete, move a section), comment, reply, resolve,
 * accept one and reject one, export to Word, import the Word file again, and find the same review in it.
 */
test.use({ viewport: { width: 1800, height: 1100 } });

const DOC = 'privacy-policy';
const texts = (doc: Pick<PolicyDocument, 'blocks'>, values: VariableValues = {}) => doc.blocks.map((block) => blockText(block, values));

test('a full review round: suggest, comment, reply, resolve, accept one, reject one, Word out and back, the same state', async ({ page, app }) => {
  test.setTimeout(180_000);
  const panel = page.getByRole('complementary', { name: 'Review changes' });

  // Suggest: an insertion, a deletion, a deleted word to reject, a moved section.
  await clickEndOfHeading(page, 'Who We Are');
  await page.keyboard.press('Control+Shift+E');
  await giveName(page, 'Ana Reviewer');
  await clickEndOfHeading(page, 'Who We Are');
  await page.keyboard.type(' Today');
  await clickEndOfHeading(page, 'Our Role as Controller and as Processor');
  await page.keyboard.press('Control+Backspace');
  await clickEndOfHeading(page, 'Information We Collect');
  await page.keyboard.type(' and Why');
  await clickEndOfHeading(page, 'Our Data Protection Officer');
  await page.keyboard.press('Alt+Shift+ArrowUp');
  await expect(page.locator('.policy-editor .section-heading.change-move-to', { hasText: 'Our Data Protection Officer' })).toBeVisible();

  // Comment on words, reply, resolve; a second thread stays open.
  await page.keyboard.press('Control+Shift+E');
  await clickEndOfHeading(page, 'Contact Us');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Control+Alt+m');
  const draft = panel.getByRole('form', { name: 'New comment' });
  await draft.getByLabel('Your comment').fill('Add a phone number.');
  await draft.getByRole('button', { name: 'Comment' }).click();
  const thread = panel.locator('.review-entry.comment', { hasText: 'Add a phone number.' });
  await thread.getByRole('button', { name: 'Reply' }).click();
  await thread.getByLabel('Reply').fill('Done in the footer.');
  await thread.getByRole('button', { name: 'Reply', exact: true }).last().click();
  await expect(thread.locator('.review-replies')).toContainText('Done in the footer.');
  await thread.getByRole('button', { name: 'Resolve' }).click();
  await clickEndOfHeading(page, 'Who We Are Today');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Control+Alt+m');
  await draft.getByLabel('Your comment').fill('Is “Today” needed?');
  await draft.getByRole('button', { name: 'Comment' }).click();
  await expect(panel.locator('.review-entry.comment', { hasText: 'Is “Today” needed?' })).toBeVisible();

  // Accept one (the “and Why”), reject one (the deleted “Processor”).
  const andWhy = panel.locator('.review-entry.suggestion', { hasText: 'and Why' });
  await andWhy.getByRole('button', { name: 'Accept' }).click();
  await expect(andWhy).toHaveCount(0);
  const processor = panel.locator('.review-entry.suggestion', { hasText: 'Processor' });
  await processor.getByRole('button', { name: 'Reject' }).click();
  await expect(processor).toHaveCount(0);
  await screenshot(page, 'review-round');

  // The saved file holds the review: two open suggestions (the insertion, the move), two threads.
  const file = path.join(app.projectDir, 'documents', `${DOC}.policy.json`);
  const read = async () => PolicyDocumentSchema.parse(JSON.parse(await fs.readFile(file, 'utf8')));
  await expect.poll(async () => listSuggestions(await read()).length, { timeout: 20_000 }).toBe(2);
  await expect.poll(async () => (await read()).comments?.length ?? 0, { timeout: 20_000 }).toBe(2);
  const saved = await read();
  expect(texts(acceptAll(saved))).toContain('Who We Are Today');
  expect(texts(acceptAll(saved))).toContain('Information We Collect and Why');
  expect(texts(rejectAll(saved))).toContain('Our Role as Controller and as Processor');

  // Word out: the export says suggestions are open, and keeps them as tracked changes.
  await page.keyboard.press('Control+e');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(/2 open suggestions/);
  await dialog.getByRole('radio', { name: /Word/ }).check();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).click()]);
  const docx = path.join(app.home, 'returned.docx');
  await download.saveAs(docx);
  await expect(dialog).toBeHidden();

  // Word back in: a new document with the same suggestions and comments.
  const before = new Set(await fs.readdir(path.join(app.projectDir, 'documents')));
  await page.getByLabel('Import documents').setInputFiles(docx);
  let imported = '';
  await expect
    .poll(async () => {
      imported = (await fs.readdir(path.join(app.projectDir, 'documents'))).find((name) => !before.has(name)) ?? '';
      return imported;
    }, { timeout: 30_000 })
    .not.toBe('');
  const back = PolicyDocumentSchema.parse(JSON.parse(await fs.readFile(path.join(app.projectDir, 'documents', imported), 'utf8')));
  // Word holds the variables' values, as every export does.
  const values = JSON.parse(await fs.readFile(path.join(app.projectDir, 'variables.json'), 'utf8')).variables as VariableValues;
  expect(texts(acceptAll(back), values)).toEqual(texts(acceptAll(saved), values));
  expect(texts(rejectAll(back), values)).toEqual(texts(rejectAll(saved), values));
  expect(new Set(listSuggestions(back).map((s) => s.by))).toEqual(new Set(['Ana Reviewer']));
  const threads = (doc: PolicyDocument) =>
    listComments(doc)
      .map((c) => ({ by: c.thread.by, text: c.thread.text, resolved: c.thread.resolved ?? false, replies: (c.thread.replies ?? []).map((r) => r.text), quote: c.quote }))
      .sort((a, b) => a.text.localeCompare(b.text));
  expect(threads(back)).toEqual(threads(saved));
  await expect(page.locator('.policy-editor .sugg-ins', { hasText: 'Today' })).toBeVisible();
  await screenshot(page, 'review-round-reimported');
});

test('the draft compared with itself before its open suggestions shows them as a redline', async ({ page }) => {
  await clickEndOfHeading(page, 'Who We Are');
  await page.keyboard.press('Control+Shift+E');
  await giveName(page, 'Ana Reviewer');
  await clickEndOfHeading(page, 'Who We Are');
  await page.keyboard.type(' Today');
  await page.keyboard.press('Control+Shift+E');

  await page.getByRole('button', { name: 'Versions…' }).click();
  const dialog = page.getByRole('dialog', { name: /Versions of/ });
  await dialog.getByRole('checkbox', { name: /Older edition before its open suggestions/ }).check();
  await dialog.getByRole('button', { name: 'Compare', exact: true }).click();
  const view = page.getByLabel('Comparison');
  await expect(view).toBeVisible();
  await expect(view.getByRole('region', { name: 'Summary of changes' }).locator('.count-words .words-inserted')).toHaveText('+1');
  await expect(view.locator('.cmp-row.status-changed .cmp-cell.new ins')).toHaveText('Today');
  await screenshot(page, 'compare-own-suggestions');
});
