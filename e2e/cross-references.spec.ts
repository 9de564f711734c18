import { violations } from './axe-check';
import { clickEndOfHeading, expect, giveName, heading, recordCopies, screenshot, sectionNumber, test } from './fixtures';

const MOD = 'Control';
const TARGET = 'How We Use Information';

test('a cross-reference follows its section when it moves, is flagged when it is deleted, and Ctrl+click goes there', async ({ page, app }) => {
  // A new paragraph under "Information We Collect" (section 2), referring to section 3.
  await clickEndOfHeading(page, 'Information We Collect');
  await page.keyboard.press('Enter');
  await page.keyboard.type('How we use it is set out in Section ');
  await page.keyboard.press(`${MOD}+Shift+R`);
  const picker = page.getByRole('dialog', { name: 'Insert a cross-reference' });
  await expect(picker).toBeVisible();
  await picker.getByLabel('Find a section').fill('how we use');
  await expect(picker.getByRole('option').first()).toContainText(TARGET);
  await screenshot(page, 'cross-references-picker');
  expect(await violations(page), 'the cross-reference list').toEqual([]);
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  // The caret is after the reference: typing goes on there.
  await page.keyboard.type(' below.');

  const reference = page.locator('.policy-editor .reference');
  await expect(reference).toHaveCount(1);
  await expect(sectionNumber(page, TARGET)).toHaveText('3.');
  await expect(reference).toHaveText('3');
  await expect(page.locator('.policy-editor p', { hasText: 'How we use it is set out in Section 3 below.' })).toBeVisible();
  const badge = page.locator(`.outline-item:has(.outline-title:text-is("${TARGET}")) .outline-references`);
  await expect(badge).toHaveAttribute('aria-label', '1 reference');

  // The target moves up past section 2 with the app's move command: the reference follows.
  await clickEndOfHeading(page, TARGET);
  await page.keyboard.press('Alt+Shift+ArrowUp');
  await expect(sectionNumber(page, TARGET)).toHaveText('2.');
  await expect(reference).toHaveText('2');
  await expect(sectionNumber(page, 'Information We Collect')).toHaveText('3.');
  await reference.scrollIntoViewIfNeeded();
  await screenshot(page, 'cross-references');
  expect(await violations(page), 'a reference in the page, and the outline’s count').toEqual([]);

  // Stored by the section's id, never its number.
  await page.keyboard.press(`${MOD}+s`);
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  const onDisk = await app.readDocument('privacy-policy');
  const targetId = await heading(page, TARGET).getAttribute('data-section-id');
  expect(onDisk).toContain(`{"text":"{{ref:${targetId}}}","ref":"${targetId}"}`);

  // Ctrl+click follows the reference: the caret goes to its section's heading, as the outline's jump does.
  await clickEndOfHeading(page, 'Contact Us');
  await reference.click({ modifiers: ['Control'] });
  await expect
    .poll(() => page.evaluate(() => window.getSelection()?.anchorNode?.parentElement?.closest('.section-heading')?.getAttribute('data-section-id')))
    .toBe(targetId);

  // The target's heading deleted (emptied, then joined to the text before it): the reference stays, flagged.
  await heading(page, TARGET).locator('.section-title').click();
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await expect(heading(page, TARGET)).toHaveCount(0);
  await expect(reference).toHaveText('[missing section]');
  await expect(reference).toHaveClass(/missing/);
  await expect(reference).toHaveAttribute('title', /was deleted/);
  await reference.scrollIntoViewIfNeeded();
  await screenshot(page, 'cross-references-missing');
  expect(await violations(page), 'a flagged reference in the page, and the outline’s counts').toEqual([]);

  // Undo brings the section back, and the reference shows its number again.
  await page.keyboard.press(`${MOD}+z`);
  await page.keyboard.press(`${MOD}+z`);
  await expect(sectionNumber(page, TARGET)).toHaveText('2.');
  await expect(reference).toHaveText('2');
});

test('typing "Section 3" and pausing offers a reference: Tab takes it, Esc keeps the text, one Ctrl+Z undoes it', async ({ page }) => {
  await clickEndOfHeading(page, 'Information We Collect');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Its uses are in Section 3');
  const offer = page.locator('.reference-offer');
  await expect(offer).toContainText(`3 ${TARGET}`);
  await screenshot(page, 'cross-references-completion');
  expect(await violations(page), 'the offer under the caret').toEqual([]);
  await page.keyboard.press('Tab');
  await expect(offer).toBeHidden();
  const paragraph = page.locator('.policy-editor p', { hasText: 'Its uses are in Section' });
  // The text as read, without the zero-width character Slate keeps in a reference for the caret.
  const shown = () => paragraph.evaluate((element) => (element.textContent ?? '').replace(/\uFEFF/g, ''));
  await expect(paragraph.locator('.reference')).toHaveText('3');
  // Tab went to the offer, not to the section's level.
  await expect(sectionNumber(page, 'Information We Collect')).toHaveText('2.');
  // One undo step: the typed number comes back; redo makes it the reference again.
  await page.keyboard.press(`${MOD}+z`);
  await expect(paragraph.locator('.reference')).toHaveCount(0);
  await expect.poll(shown).toBe('Its uses are in Section 3');
  await page.keyboard.press(`${MOD}+Shift+z`);
  await expect(paragraph.locator('.reference')).toHaveText('3');
  await page.keyboard.press('End');
  await page.keyboard.type('; see also Section 1');
  await expect(offer).toContainText('1 Who We Are');
  await page.keyboard.press('Escape');
  await expect(offer).toBeHidden();
  await expect.poll(shown).toBe('Its uses are in Section 3; see also Section 1');
  await expect(paragraph.locator('.reference')).toHaveCount(1);

  // Typing on dismisses an offer without taking it.
  await page.keyboard.type('. Section 2');
  await expect(offer).toBeVisible();
  await page.keyboard.type(' says');
  await expect(offer).toBeHidden();
  await expect(paragraph.locator('.reference')).toHaveCount(1);
  await expect.poll(shown).toBe('Its uses are in Section 3; see also Section 1. Section 2 says');
});

test('a copied reference pastes as a reference within the app, and as its number anywhere else', async ({ page, app, context }) => {
  await clickEndOfHeading(page, 'Information We Collect');
  await page.keyboard.press('Enter');
  await page.keyboard.type('See ');
  await page.keyboard.press(`${MOD}+Shift+R`);
  await page.getByLabel('Find a section').fill('how we use');
  await page.keyboard.press('Enter');
  await page.keyboard.type('.');
  const paragraph = page.locator('.policy-editor p', { hasText: /^See / });
  await expect(paragraph.locator('.reference')).toHaveText('3');

  // What the app puts on the clipboard as the paragraph is copied: read as it leaves, since the test cannot paste
  // into another program.
  await recordCopies(page);
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+End');
  // The copy command, as Ctrl+C gives it (a key press in a headless browser does not reach the clipboard commands),
  // once the editor has taken the selection from the page (it does so a moment after the key).
  const copiedText = () =>
    page.evaluate(() => {
      document.execCommand('copy');
      return (window as unknown as { copied: Record<string, string> }).copied['text/plain']?.replace(/\uFEFF/g, '');
    });
  await expect.poll(copiedText).toBe('See 3.');
  const copied = await page.evaluate(() => (window as unknown as { copied: Record<string, string> }).copied);

  // Pasted back into the document it is a reference again. The system clipboard carries the HTML and the text (where
  // Slate keeps its own copy of what was copied).
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
  await page.evaluate(async (data) => {
    const item: Record<string, Blob> = {};
    for (const type of ['text/html', 'text/plain']) if (data[type]) item[type] = new Blob([data[type] as string], { type });
    await navigator.clipboard.write([new ClipboardItem(item)]);
  }, copied);
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.press(`${MOD}+v`);
  await expect(page.locator('.policy-editor .reference')).toHaveCount(2);
  await expect(page.locator('.policy-editor .reference').nth(1)).toHaveText('3');
});

test('while suggesting, an inserted reference is a suggested insertion in the reviewer’s name', async ({ page, app }) => {
  await clickEndOfHeading(page, 'Information We Collect');
  await page.keyboard.press('Enter');
  await page.keyboard.type('See ');
  await page.locator('.status-mode-tools').getByRole('button', { name: 'Suggesting', exact: true }).click();
  await giveName(page, 'Ana Reviewer');
  await clickEndOfHeading(page, 'Information We Collect');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.press(`${MOD}+Shift+R`);
  await page.getByLabel('Find a section').fill('how we use');
  await page.keyboard.press('Enter');
  const reference = page.locator('.policy-editor .reference');
  await expect(reference).toHaveText('3');
  await expect(reference).toHaveClass(/sugg-ins/);
  await expect(reference).toHaveAttribute('title', /Ana Reviewer/);
  await page.keyboard.press(`${MOD}+s`);
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  const targetId = await heading(page, TARGET).getAttribute('data-section-id');
  expect(await app.readDocument('privacy-policy')).toMatch(new RegExp(`\\{"text":"\\{\\{ref:${targetId}\\}\\}","ref":"${targetId}","ins":\\{"id":"[^"]+","by":"Ana Reviewer"`));
});
