import type { Page } from '@playwright/test';
import { violations } from './axe-check';
import { clickEndOfHeading, expect, heading, outlineLabels, recordCopies, screenshot, sectionNumber, test, toolbarButton } from './fixtures';

const MOD = 'Control';

/** The numbers the footnote marks in the text show, in reading order. */
const markNumbers = (page: Page) => page.locator('.policy-editor .note-mark sup').allTextContents();

/** The notes at the foot of the page, as "number text". */
async function footnotes(page: Page): Promise<string[]> {
  return page.locator('.footnotes .footnote').evaluateAll((rows) =>
    rows.map((row) => `${row.querySelector('.footnote-number')?.textContent ?? ''} ${(row.querySelector('textarea') as HTMLTextAreaElement | null)?.value ?? ''}`),
  );
}

test('superscript and subscript by Word’s keys, footnotes numbered in reading order and edited at the foot of the page, a heading without number: all kept over a reload', async ({ page, app }) => {
  await clickEndOfHeading(page, 'Information We Collect');
  await page.keyboard.press('Enter');

  // Superscript (Ctrl+Shift+=) and subscript (Ctrl+=), each switched off again by its own key.
  await page.keyboard.type('Energy is E=mc');
  await page.keyboard.press(`${MOD}+Shift+Equal`);
  await expect(await toolbarButton(page, 'Superscript')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.type('2');
  await page.keyboard.press(`${MOD}+Shift+Equal`);
  await page.keyboard.type(' and water is H');
  await page.keyboard.press(`${MOD}+Equal`);
  await page.keyboard.type('2');
  await page.keyboard.press(`${MOD}+Equal`);
  await page.keyboard.type('O; personal data is defined in law');
  // Found by words no footnote mark will split.
  const paragraph = page.locator('.policy-editor p', { hasText: 'and water is H2O; personal data is defined in law' });
  await expect(paragraph).toHaveText('Energy is E=mc2 and water is H2O; personal data is defined in law');
  await expect(paragraph.locator('[data-slate-leaf] sup')).toHaveText('2');
  await expect(paragraph.locator('[data-slate-leaf] sub')).toHaveText('2');

  // Ctrl+Alt+F: a mark at the caret, numbered 1, and its note's box at the foot of the page with the cursor in it.
  await page.keyboard.press(`${MOD}+Alt+f`);
  const first = page.getByRole('textbox', { name: 'Footnote 1' });
  await expect(first).toBeFocused();
  await page.keyboard.type('GDPR, Article 4(1).');
  expect(await markNumbers(page)).toEqual(['1']);
  expect(await footnotes(page)).toEqual(['1 GDPR, Article 4(1).']);
  // Esc goes back to the text, just after the mark: typing goes on there.
  await page.keyboard.press('Escape');
  await page.keyboard.type('.');
  // (A mark, as any inline void, carries Slate's zero-width space.)
  await expect(paragraph).toContainText(/defined in law1\uFEFF?\./);

  // A second footnote before the first: it takes 1, and the first becomes 2, in the text and at the foot.
  await paragraph.getByText('Energy is E=mc').click();
  await page.keyboard.press('Home');
  for (let i = 0; i < 'Energy'.length; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press(`${MOD}+Alt+f`);
  await expect(page.getByRole('textbox', { name: 'Footnote 1' })).toBeFocused();
  await page.keyboard.type('In physics.');
  expect(await markNumbers(page)).toEqual(['1', '2']);
  expect(await footnotes(page)).toEqual(['1 In physics.', '2 GDPR, Article 4(1).']);
  await paragraph.scrollIntoViewIfNeeded();
  await screenshot(page, 'footnotes-two');
  expect(await violations(page), 'footnote marks in the text and the notes at the foot of the page').toEqual([]);

  // Backspace just after the new mark takes it whole, with its note; Ctrl+Z brings both back.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Backspace');
  expect(await markNumbers(page)).toEqual(['1']);
  expect(await footnotes(page)).toEqual(['1 GDPR, Article 4(1).']);
  await page.keyboard.press(`${MOD}+z`);
  expect(await markNumbers(page)).toEqual(['1', '2']);
  expect(await footnotes(page)).toEqual(['1 In physics.', '2 GDPR, Article 4(1).']);

  // Clicking a mark opens its note; what is typed there is one Ctrl+Z away from what it was.
  await page.locator('.policy-editor .note-mark').nth(1).click();
  const second = page.getByRole('textbox', { name: 'Footnote 2' });
  await expect(second).toBeFocused();
  await page.keyboard.type(' See also recital 26.');
  expect(await footnotes(page)).toEqual(['1 In physics.', '2 GDPR, Article 4(1). See also recital 26.']);
  await page.keyboard.press(`${MOD}+z`);
  expect(await footnotes(page)).toEqual(['1 In physics.', '2 GDPR, Article 4(1).']);
  await page.keyboard.press('Escape');

  // A heading without a number: the headings after it number as if it were not there.
  expect(await outlineLabels(page)).toContain('2.2 Information Collected Automatically');
  await clickEndOfHeading(page, 'Information You Give Us');
  await expect(await toolbarButton(page, 'Number this heading')).toHaveAttribute('aria-pressed', 'true');
  await (await toolbarButton(page, 'Number this heading')).click();
  await expect(await toolbarButton(page, 'Number this heading')).toHaveAttribute('aria-pressed', 'false');
  await expect(sectionNumber(page, 'Information You Give Us')).toHaveText('');
  await expect(sectionNumber(page, 'Information Collected Automatically')).toHaveText('2.1');
  await expect(sectionNumber(page, 'Device and Log Data')).toHaveText('2.1.1');
  const outline = await outlineLabels(page);
  expect(outline).toContain('Information You Give Us');
  expect(outline).toContain('2.1 Information Collected Automatically');
  await heading(page, 'Information We Collect').scrollIntoViewIfNeeded();
  await screenshot(page, 'footnotes-unnumbered-heading');

  // Saved: the file holds the notes by id, the marks' placeholders, the raised and lowered runs, and the switch.
  await page.keyboard.press(`${MOD}+s`);
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  const doc = JSON.parse(await app.readDocument('privacy-policy')) as {
    blocks: Array<{ kind: string; unnumbered?: true; runs?: Array<{ text: string; marks?: string[]; note?: string }> }>;
    notes?: Array<{ id: string; runs: Array<{ text: string }> }>;
  };
  expect(doc.notes?.map((n) => n.runs.map((r) => r.text).join(''))).toEqual(['In physics.', 'GDPR, Article 4(1).']);
  const runs = doc.blocks.flatMap((block) => block.runs ?? []);
  expect(runs.filter((run) => run.note).map((run) => run.note)).toEqual(doc.notes?.map((n) => n.id));
  expect(runs.filter((run) => run.note).map((run) => run.text)).toEqual(doc.notes?.map((n) => `{{note:${n.id}}}`));
  expect(runs.filter((run) => run.marks?.includes('superscript')).map((run) => run.text)).toEqual(['2']);
  expect(runs.filter((run) => run.marks?.includes('subscript')).map((run) => run.text)).toEqual(['2']);
  expect(doc.blocks.filter((block) => block.unnumbered)).toHaveLength(1);

  // A reload shows all of it again.
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Policy text' })).toBeVisible();
  expect(await markNumbers(page)).toEqual(['1', '2']);
  expect(await footnotes(page)).toEqual(['1 In physics.', '2 GDPR, Article 4(1).']);
  await expect(sectionNumber(page, 'Information You Give Us')).toHaveText('');
  await expect(sectionNumber(page, 'Information Collected Automatically')).toHaveText('2.1');
  const reloaded = page.locator('.policy-editor p', { hasText: /^Energy1\uFEFF? is E=mc2 and water is H2O/ });
  await expect(reloaded.locator('[data-slate-leaf] sup')).toHaveText('2');
  await expect(reloaded.locator('[data-slate-leaf] sub')).toHaveText('2');
  await page.locator('.footnotes').scrollIntoViewIfNeeded();
  await screenshot(page, 'footnotes-at-the-foot');
});

test('a footnote mark copied and pasted within the document is a new note with the same text, numbered after it', async ({ page, app, context }) => {
  await clickEndOfHeading(page, 'Information We Collect');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Personal data');
  await page.keyboard.press(`${MOD}+Alt+f`);
  await expect(page.getByRole('textbox', { name: 'Footnote 1' })).toBeFocused();
  await page.keyboard.type('As the GDPR defines it.');
  await page.keyboard.press('Escape');
  await page.keyboard.type(' is kept.');

  // The paragraph copied as Ctrl+C copies it (see cross-references.spec.ts: a headless key press does not reach the
  // clipboard), and pasted as a new paragraph below it.
  await recordCopies(page);
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+End');
  await expect
    .poll(() =>
      page.evaluate(() => {
        document.execCommand('copy');
        return Object.keys((window as unknown as { copied: Record<string, string> }).copied).length;
      }),
    )
    .toBeGreaterThan(0);
  const copied = await page.evaluate(() => (window as unknown as { copied: Record<string, string> }).copied);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
  await page.evaluate(async (data) => {
    const item: Record<string, Blob> = {};
    for (const type of ['text/html', 'text/plain']) if (data[type]) item[type] = new Blob([data[type] as string], { type });
    await navigator.clipboard.write([new ClipboardItem(item)]);
  }, copied);
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.press(`${MOD}+v`);

  await expect(page.locator('.policy-editor .note-mark')).toHaveCount(2);
  expect(await markNumbers(page)).toEqual(['1', '2']);
  expect(await footnotes(page)).toEqual(['1 As the GDPR defines it.', '2 As the GDPR defines it.']);
  const ids = await page.locator('.policy-editor .note-mark').evaluateAll((marks) => marks.map((mark) => mark.getAttribute('data-note')));
  expect(new Set(ids).size).toBe(2);

  // Saved as two notes, each marked once: the file is valid, and the copy's note is its own.
  await page.keyboard.press(`${MOD}+s`);
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  const doc = JSON.parse(await app.readDocument('privacy-policy')) as { notes?: Array<{ id: string }> };
  expect(doc.notes?.map((note) => note.id)).toEqual(ids);
  await screenshot(page, 'footnotes-pasted');
});
