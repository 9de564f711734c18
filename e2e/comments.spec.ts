import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { violations } from './axe-check';
import { clickEndOfHeading, expect, heading, screenshot, test } from './fixtures';

const DOC = 'privacy-policy';

test('comments: the name asked once, a comment on words and on a section, a reply, resolve and reopen, an orphan, all kept over a reload', async ({ page, app }) => {
  const editor = page.locator('.policy-editor');
  const panel = page.getByRole('complementary', { name: 'Review changes' });

  // A comment on the words of a heading: the first comment asks who this is, once.
  await clickEndOfHeading(page, 'Who We Are');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Control+Alt+m');
  const ask = page.getByRole('dialog', { name: 'Your name' });
  await expect(ask).toBeVisible();
  await ask.getByLabel('Name').fill('Ada Lovelace');
  await ask.getByLabel('Initials (optional)').fill('AL');
  await ask.getByRole('button', { name: 'Save' }).click();
  await expect(ask).toBeHidden();
  const draft = panel.getByRole('form', { name: 'New comment' });
  await expect(draft).toContainText('“Who We Are”');
  await draft.getByLabel('Your comment').fill('Say where we are registered.');
  await draft.getByRole('button', { name: 'Comment' }).click();
  await expect(draft).toBeHidden();

  const first = panel.locator('.review-entry.comment', { hasText: 'Say where we are registered.' });
  await expect(first).toContainText('Ada Lovelace');
  await expect(first).toContainText('“Who We Are”');
  await expect(heading(page, 'Who We Are').locator('.commented')).toHaveText('Who We Are');
  const marker = heading(page, 'Who We Are').getByRole('button', { name: /^Comment on this text/ });
  await expect(marker).toBeVisible();

  // A reply, then resolved: gone from the open list, found among the resolved, reopened.
  await first.getByRole('button', { name: 'Reply' }).click();
  await first.getByLabel('Reply').fill('Bristol, as the footer says.');
  await first.getByRole('button', { name: 'Reply', exact: true }).last().click();
  await expect(first.locator('.review-replies')).toContainText('Bristol, as the footer says.');
  await first.getByRole('button', { name: 'Resolve' }).click();
  await expect(first).toHaveCount(0);
  await expect(marker).toHaveClass(/resolved/);
  await panel.getByLabel('Show').selectOption('resolved');
  await expect(first).toContainText('resolved');
  await first.getByRole('button', { name: 'Reopen' }).click();
  await panel.getByLabel('Show').selectOption('open');
  await expect(first).toBeVisible();
  await expect(marker).not.toHaveClass(/resolved/);

  // A comment on a whole section, from the caret alone: no name asked this time.
  await clickEndOfHeading(page, 'Contact Us');
  await page.keyboard.press('Control+Alt+m');
  await expect(ask).toBeHidden();
  await expect(draft).toContainText('On the whole section');
  await draft.getByLabel('Your comment').fill('Add a phone number.');
  await draft.getByRole('button', { name: 'Comment' }).click();
  const section = panel.locator('.review-entry.comment', { hasText: 'Add a phone number.' });
  await expect(section).toContainText('Whole section');

  // Words commented and then deleted: the thread stays, listed as orphaned.
  await clickEndOfHeading(page, 'Contact Us');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Keep this. Temporary words');
  // Drawn first: a key that moves the caret while typing is still held for the next frame would race it.
  await expect(editor).toContainText('Keep this. Temporary words');
  for (let i = 0; i < 'Temporary words'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
  // The list's New comment button does what Ctrl+Alt+M does, on the words selected in the text.
  await panel.getByRole('button', { name: 'New comment' }).click();
  await draft.getByLabel('Your comment').fill('These words will go.');
  await draft.getByRole('button', { name: 'Comment' }).click();
  const orphan = panel.locator('.review-entry.comment', { hasText: 'These words will go.' });
  await expect(orphan).toContainText('“Temporary words”');
  await editor.locator('.commented', { hasText: 'Temporary words' }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Backspace');
  await expect(editor).not.toContainText('Temporary words');
  await expect(orphan).toContainText('text deleted');
  await expect(orphan.getByRole('button').first()).toBeDisabled();

  // A click on an entry selects its text in the page.
  await first.locator('.review-goto').click();
  await expect(editor).toBeFocused();
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('Who We Are');

  await panel.evaluate((element) => element.scrollTo(0, 0));
  await screenshot(page, 'comments-review-list');
  // The margin, with the commented heading highlighted (the caret moved away) and its speech bubble.
  await page.locator('.policy-editor p', { hasText: 'company number 10482736' }).click();
  await page.locator('.page-scroll').evaluate((element) => element.scrollTo(0, 0));
  await expect(marker).toBeInViewport();
  await screenshot(page, 'comments-margin');
  expect(await violations(page)).toEqual([]);

  // Saved: the file holds the threads (it is written a moment after the last change), and a reload shows them all.
  await expect.poll(() => app.readDocument(DOC), { timeout: 15_000 }).toContain('These words will go.');
  const saved = await app.readDocument(DOC);
  expect(saved).toContain('Bristol, as the footer says.');
  expect(saved).toContain('Add a phone number.');
  expect(saved).toContain('"by":"Ada Lovelace"');
  await page.goto(app.origin);
  await page.getByRole('tab', { name: 'Review changes' }).click();
  await expect(panel.locator('.review-entry.comment')).toHaveCount(3);
  await expect(first).toContainText('Bristol, as the footer says.');
  await expect(orphan).toContainText('text deleted');
  await expect(heading(page, 'Who We Are').getByRole('button', { name: /^Comment on this text/ })).toBeVisible();
});

test('a version’s author is kept as the person’s name, so the first comment asks nothing; the name can be changed from the list', async ({ page, app }) => {
  await clickEndOfHeading(page, 'Who We Are');
  await page.keyboard.press('Control+Shift+S');
  const versions = page.getByRole('dialog', { name: /Versions of/ });
  await versions.getByLabel('Version name').fill('Baseline');
  await expect(versions.getByText(/Kept as your name/)).toBeVisible();
  await versions.getByLabel('Author').fill('Dana Reviewer');
  await versions.getByRole('button', { name: 'Save version' }).click();
  await expect(versions.getByRole('row', { name: /Baseline/ })).toContainText('Dana Reviewer');
  await versions.getByRole('button', { name: 'Close' }).click();

  await clickEndOfHeading(page, 'Who We Are');
  await page.keyboard.press('Control+Alt+m');
  const panel = page.getByRole('complementary', { name: 'Review changes' });
  const draft = panel.getByRole('form', { name: 'New comment' });
  await expect(draft).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Your name' })).toHaveCount(0);
  await draft.getByLabel('Your comment').fill('Checked against the register.');
  await draft.getByRole('button', { name: 'Comment' }).click();
  const thread = panel.locator('.review-entry.comment', { hasText: 'Checked against the register.' });
  await expect(thread).toContainText('Dana Reviewer');

  // Changed: the next reply carries the new name; the first comment keeps the name it was made with.
  await panel.getByRole('button', { name: 'You: Dana Reviewer' }).click();
  const ask = page.getByRole('dialog', { name: 'Your name' });
  await ask.getByLabel('Name').fill('Dana Smith');
  await ask.getByLabel('Email (optional)').fill('dana@example.org');
  await ask.getByRole('button', { name: 'Save' }).click();
  await thread.getByRole('button', { name: 'Reply' }).click();
  await thread.getByLabel('Reply').fill('And with the auditors.');
  await thread.getByRole('button', { name: 'Reply', exact: true }).last().click();
  await expect(thread.locator('.review-replies')).toContainText('Dana Smith');
  await expect.poll(async () => JSON.parse(await fs.readFile(path.join(app.home, 'settings.json'), 'utf8')).identity).toEqual({ name: 'Dana Smith', email: 'dana@example.org' });

  // Deleted, after asking: the thread goes, its text stays and is no longer marked.
  await thread.getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete this comment thread?' });
  await expect(confirm).toContainText('with 1 reply');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(thread).toBeVisible();
  await thread.getByRole('button', { name: 'Delete' }).click();
  await confirm.getByRole('button', { name: 'Delete thread' }).click();
  await expect(thread).toHaveCount(0);
  await expect(heading(page, 'Who We Are').locator('.commented')).toHaveCount(0);
  await expect(heading(page, 'Who We Are').getByRole('button', { name: /^Comment on this text/ })).toHaveCount(0);
  await expect.poll(() => app.readDocument(DOC), { timeout: 15_000 }).not.toContain('Checked against the register.');
  expect(await app.readDocument(DOC)).not.toMatch(/"comments"/);
});

test('the review list lists suggestions by author and section, accepts one, rejects the rest shown, and a click selects the text', async ({ page, app }) => {
  // Two reviewers' suggestions, as a returned review leaves them in the file.
  const file = path.join(app.projectDir, 'documents', `${DOC}.policy.json`);
  const doc = JSON.parse(await fs.readFile(file, 'utf8'));
  const at = '2026-12-01T09:00:00Z';
  const bodyAfter = (title: string) => doc.blocks[doc.blocks.findIndex((b: { runs: Array<{ text: string }> }) => b.runs[0]?.text === title) + 1];
  const who = bodyAfter('Who We Are');
  who.runs = [{ text: 'Northwind Analytics Ltd. is a ' }, { text: 'private ', ins: { id: 'c-bea0001', by: 'Bea Smith', at } }, ...structuredClone(who.runs).map((run: { text: string }, i: number) => (i === 0 ? { ...run, text: run.text.slice('Northwind Analytics Ltd. is a '.length) } : run))];
  const collect = bodyAfter('Information We Collect');
  collect.runs = [{ text: 'The information we collect ', del: { id: 'c-cy00001', by: 'Cy Jones', at } }, ...structuredClone(collect.runs).map((run: { text: string }, i: number) => (i === 0 ? { ...run, text: run.text.slice('The information we collect '.length) } : run))];
  collect.runs.splice(1, 0, { text: 'What we collect ', ins: { id: 'c-cy00001', by: 'Cy Jones', at } });
  await fs.writeFile(file, JSON.stringify(doc, null, 2));
  await page.goto(app.origin);
  await page.getByRole('tab', { name: 'Review changes' }).click();
  const panel = page.getByRole('complementary', { name: 'Review changes' });
  const bea = panel.locator('.review-entry.suggestion', { hasText: 'Bea Smith' });
  const cy = panel.locator('.review-entry.suggestion', { hasText: 'Cy Jones' });
  await expect(bea).toContainText('inserted');
  await expect(bea).toContainText('§ 1');
  await expect(cy).toContainText('What we collect');
  await expect(cy).toContainText('The information we collect');
  await expect(cy).toContainText('§ 2');
  await screenshot(page, 'comments-review-list-suggestions');

  // Filtered by author: Accept all reaches only what is shown.
  await panel.getByLabel('Author').selectOption('Cy Jones');
  await expect(bea).toHaveCount(0);
  await cy.locator('.review-goto').click();
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('The information we collect What we collect ');
  await panel.getByRole('button', { name: 'Reject all shown (1)' }).click();
  await expect(cy).toHaveCount(0);
  await panel.getByLabel('Author').selectOption('');
  await bea.getByRole('button', { name: 'Accept' }).click();
  await expect(panel.getByRole('status')).toHaveText('Nothing to review here.');
  expect(await violations(page)).toEqual([]);
  const editor = page.locator('.policy-editor');
  await expect(editor).toContainText('Northwind Analytics Ltd. is a private company');
  await expect(editor).toContainText('The information we collect depends');

  await expect.poll(() => app.readDocument(DOC), { timeout: 15_000 }).not.toContain('c-bea0001');
  const saved = await app.readDocument(DOC);
  expect(saved).not.toContain('c-cy00001');
  expect(saved).toContain('is a private company');
});
