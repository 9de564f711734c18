import type { Page } from '@playwright/test';
import { clickEndOfHeading, expect, heading, test } from './fixtures';

async function save(page: Page) {
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
}

test('a new section, its title, Enter and its text save one body paragraph, with no empty one after it', async ({ page, app }) => {
  await clickEndOfHeading(page, 'Security');
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type('Audits');
  await page.keyboard.press('Enter');
  await page.keyboard.type('We audit once a year.');
  await save(page);
  const blocks = (JSON.parse(await app.readDocument('privacy-policy')) as { blocks: Array<{ kind: string; runs: Array<{ text: string }> }> }).blocks;
  const at = blocks.findIndex((block) => block.kind === 'heading' && block.runs[0]?.text === 'Audits');
  expect(blocks.slice(at + 1, at + 3).map((block) => [block.kind, block.runs.map((run) => run.text).join('')])).toEqual([
    ['paragraph', 'We audit once a year.'],
    ['heading', 'Your Rights and Choices'],
  ]);
});

test('deleting a selected section with its list leaves no empty bullet', async ({ page, app }) => {
  // "Responding to Security Incidents" ends with a numbered list: select from its heading to the end of that list.
  await clickEndOfHeading(page, 'Responding to Security Incidents');
  await page.keyboard.press('Home');
  const last = page.locator('.policy-editor .list-item', { hasText: 'record what happened and what we changed' });
  await last.click({ modifiers: ['Shift'] });
  await page.keyboard.press('Shift+End');
  // Delete takes what the person sees selected: from the heading to the end of the list.
  await expect
    .poll(() => page.evaluate(() => window.getSelection()?.toString() ?? ''))
    .toMatch(/^Responding to Security Incidents\s[\s\S]*stop it from happening again\.$/);
  await page.keyboard.press('Delete');
  await expect(heading(page, 'Responding to Security Incidents')).toHaveCount(0);
  await expect(page.locator('.policy-editor .list-item', { hasText: /^$/ })).toHaveCount(0);
  await save(page);
  const saved = await app.readDocument('privacy-policy');
  expect(saved).not.toContain('"runs": []');
  expect(saved).not.toContain('"runs":[]');
});
