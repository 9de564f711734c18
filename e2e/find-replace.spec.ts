import type { Page } from '@playwright/test';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { expect, heading, screenshot, test } from './fixtures';

const SECTIONS = 700;
const WORD = 'zephyr';
const LOCKED_USE = { use: 'u-findlock01', id: 'data-retention', source: 'project', version: 1, state: 'locked' };

/**
 * 700 sections (1,400 blocks, 30 chunks): WORD is in the bodies of sections 650 and 690, far past the first screen,
 * and twice in an approved (locked) clause after section 695.
 */
function longDocument() {
  const blocks: unknown[] = [];
  for (let n = 1; n <= SECTIONS; n++) {
    blocks.push({ kind: 'heading', id: `s-find${String(n).padStart(4, '0')}`, level: n % 7 === 1 ? 1 : 2, runs: [{ text: `Clause ${n}` }] });
    const extra = n === 650 || n === 690 ? ` The ${WORD} rule applies.` : '';
    blocks.push({ kind: 'paragraph', runs: [{ text: `Body of clause ${n}: the supplier shall keep the records.${extra}` }] });
    if (n === 695) {
      blocks.push({ kind: 'paragraph', clause: LOCKED_USE, runs: [{ text: `Approved: the ${WORD} records and the ${WORD} logs are kept.` }] });
    }
  }
  return { format: 1, title: 'Long Agreement', effectiveDate: null, lastUpdated: null, versionLabel: '', owner: '', numbering: 'decimal', blocks };
}

async function openLongDocument(page: Page, projectDir: string, cpuSlowdown = 1) {
  await fs.writeFile(path.join(projectDir, 'documents', 'privacy-policy.policy.json'), JSON.stringify(longDocument(), null, 2));
  if (cpuSlowdown > 1) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
  }
  await page.reload();
  await expect(heading(page, 'Clause 1')).toBeVisible();
}

/** How often WORD is in the editor's text now. */
async function wordCount(page: Page): Promise<number> {
  const text = (await page.locator('.policy-editor').textContent()) ?? '';
  return text.split(WORD).length - 1;
}

/** The text of the match the find bar shows as current, or null when none is painted. */
async function currentHighlight(page: Page): Promise<{ text: string; block: string } | null> {
  return page.evaluate(() => {
    // The registry and its highlights are map- and set-like; this program's DOM types leave out those methods.
    const current = (CSS.highlights as unknown as Map<string, Set<Range>>).get('find-current');
    const range = current ? [...current][0] : undefined;
    if (!range) return null;
    const block = range.startContainer.parentElement?.closest('[data-slate-node="element"]');
    return { text: range.toString(), block: block?.textContent ?? '' };
  });
}

test('Ctrl+F finds a word in a part not drawn yet, goes there, and Esc gives the focus back to the document', async ({ page, app }) => {
  await openLongDocument(page, app.projectDir, 6);
  expect(await page.locator('.chunk.pending').count(), 'chunks still waiting to be drawn').toBeGreaterThan(0);
  await heading(page, 'Clause 1').locator('.section-title').click();

  await page.keyboard.press('Control+f');
  const field = page.getByRole('textbox', { name: 'Find', exact: true });
  await expect(field).toBeFocused();
  await page.keyboard.type(WORD);
  const count = page.locator('.find-count');
  // Counted over the whole document, the parts not drawn yet included.
  await expect(count).toHaveText('4 matches');

  await page.keyboard.press('Enter');
  await expect(count).toHaveText('1 of 4');
  const target = page.locator('.policy-editor p', { hasText: 'Body of clause 650:' });
  await expect(target).toBeInViewport();
  expect(await currentHighlight(page)).toEqual({ text: WORD, block: expect.stringContaining('Body of clause 650:') });
  await expect(field, 'the focus stays in the find field').toBeFocused();
  await screenshot(page, 'find-bar');

  await page.keyboard.press('F3');
  await expect(count).toHaveText('2 of 4');
  await expect(page.locator('.policy-editor p', { hasText: 'Body of clause 690:' })).toBeInViewport();
  await page.keyboard.press('Shift+Enter');
  await expect(count).toHaveText('1 of 4');

  // Esc closes the bar; the document has the focus, with the match selected.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('search', { name: 'Find and replace' })).toHaveCount(0);
  await expect(page.locator('.policy-editor')).toBeFocused();
  await expect.poll(() => page.evaluate(() => getSelection()?.toString())).toBe(WORD);
  expect(await page.evaluate(() => (CSS.highlights as unknown as Map<string, unknown>).has('find-match'))).toBe(false);
});

test('a broken regular expression is one sentence under the field; a word with whole word and case finds only itself', async ({ page, app }) => {
  await openLongDocument(page, app.projectDir);
  await heading(page, 'Clause 1').locator('.section-title').click();
  await page.keyboard.press('Control+f');
  await page.getByRole('button', { name: 'Regular expression' }).click();
  await page.getByRole('textbox', { name: 'Find', exact: true }).fill('clause (\\d+');
  await expect(page.getByRole('alert')).toHaveText(/^This is not a regular expression that can be searched for \(.+\)\.$/);
  await expect(page.locator('.find-count')).toHaveText('');

  await page.getByRole('textbox', { name: 'Find', exact: true }).fill('clause 6\\d\\d:');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.locator('.find-count')).toHaveText('100 matches');

  await page.getByRole('button', { name: 'Regular expression' }).click();
  await page.getByRole('button', { name: 'Match case' }).click();
  await page.getByRole('button', { name: 'Whole word' }).click();
  await page.getByRole('textbox', { name: 'Find', exact: true }).fill('Clause 7');
  // Headings "Clause 7" only: not "Clause 70" nor the bodies' "clause 7:".
  await expect(page.locator('.find-count')).toHaveText('1 match');
});

test('Ctrl+H replaces all in one step that one Ctrl+Z undoes, and leaves approved clauses, saying so', async ({ page, app }) => {
  await openLongDocument(page, app.projectDir);
  await heading(page, 'Clause 1').locator('.section-title').click();
  await page.keyboard.press('Control+h');
  await expect(page.getByRole('textbox', { name: 'Find', exact: true })).toBeFocused();
  await page.keyboard.type(WORD);
  await page.getByRole('textbox', { name: 'Replace with' }).fill('breeze');
  await expect(page.locator('.find-count')).toHaveText('4 matches');
  await page.getByRole('button', { name: 'Replace all' }).click();

  await expect(page.locator('.find-notice')).toHaveText('Replaced 2 matches. 2 matches are in approved clauses and were not replaced.');
  await expect(page.locator('.find-count')).toHaveText('2 matches');
  await expect(page.locator('.policy-editor p', { hasText: 'Body of clause 650:' })).toContainText('The breeze rule applies.');
  await expect(page.locator('.policy-editor p', { hasText: 'Body of clause 690:' })).toContainText('The breeze rule applies.');
  await expect(page.locator('.policy-editor p', { hasText: 'Approved:' })).toContainText(`the ${WORD} records and the ${WORD} logs`);
  await screenshot(page, 'find-replace-all');

  // One Ctrl+Z in the document puts every replaced word back.
  await heading(page, 'Clause 1').locator('.section-title').click();
  await page.keyboard.press('Control+z');
  await expect.poll(() => wordCount(page)).toBe(4);
  expect(await page.locator('.policy-editor').textContent()).not.toContain('breeze');

  // Replace on one match: the first press goes to it, the second replaces it and goes on to the next.
  await page.keyboard.press('Control+h');
  await page.getByRole('button', { name: 'Replace', exact: true }).click();
  await expect(page.locator('.find-count')).toHaveText('1 of 4');
  await page.getByRole('button', { name: 'Replace', exact: true }).click();
  await expect(page.locator('.policy-editor p', { hasText: 'Body of clause 650:' })).toContainText('The breeze rule applies.');
  await expect(page.locator('.find-count')).toHaveText('1 of 3');
  await expect(page.locator('.policy-editor p', { hasText: 'Body of clause 690:' })).toBeInViewport();
});

test('find in all documents lists the documents with matches; a click opens one at its first match', async ({ page }) => {
  await page.locator('.policy-editor').click();
  await page.keyboard.press('Control+f');
  await expect(page.getByRole('textbox', { name: 'Find', exact: true })).toBeFocused();
  await page.keyboard.type('cookie');
  await expect(page.locator('.find-count')).toHaveText('9 matches');
  await page.getByRole('button', { name: 'Find in all documents' }).click();

  const list = page.getByRole('list', { name: 'Documents with matches' });
  await expect(list.getByRole('listitem')).toHaveText(['Privacy Policy 9 matches', 'Cookie Policy 50 matches']);
  await expect(page.locator('.find-documents [role="status"]')).toHaveText('2 documents have matches.');
  await screenshot(page, 'find-all-documents');

  await list.getByRole('button', { name: 'Cookie Policy' }).click();
  await expect(page.getByLabel('Title')).toHaveValue('Cookie Policy');
  await expect(page.getByRole('textbox', { name: 'Find', exact: true })).toHaveValue('cookie');
  await expect(page.locator('.find-count')).toHaveText('1 of 50');
  expect((await currentHighlight(page))?.text.toLowerCase()).toBe('cookie');
});
