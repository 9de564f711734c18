import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { Page } from '@playwright/test';
import { PolicyDocumentSchema, type Block, type PolicyDocument } from '../shared/model/document';
import { serializeDocument } from '../shared/format/serialize';
import { clickEndOfHeading, expect, heading, screenshot, test } from './fixtures';

/**
 * Compare of what format 4 brought, in the app: a version with a table, a footnote and a link, against a draft where a
 * cell was edited, a row added and one deleted, the note's text changed, the link's address alone changed, and a
 * heading put in the middle of a section. The editions are written as the project's own file (as an outside edit is)
 * and the app opened on them again.
 */

const DOC = 'privacy-policy';
const cells = (rows: string[][]) => rows.map((row) => ({ cells: row.map((text) => ({ runs: [{ text }] })) }));

function edition(base: PolicyDocument, next: boolean): PolicyDocument {
  const retention: Block[] = [
    { kind: 'heading', id: 's-e2eret01', level: 1, runs: [{ text: 'How Long We Keep Data' }] },
    { kind: 'paragraph', runs: [{ text: 'We keep data only as long as we need it', }, { text: '{{note:n-e2enote1}}', note: 'n-e2enote1' }, { text: '.' }] },
    {
      kind: 'table',
      header: true,
      rows: cells(
        next
          ? [['Data', 'Kept for'], ['Account details', 'seven years'], ['Payment records', 'ten years'], ['Server logs', '90 days']]
          : [['Data', 'Kept for'], ['Account details', 'six years'], ['Server logs', '90 days'], ['Marketing choices', 'until you change them']],
      ),
    },
    { kind: 'paragraph', runs: [{ text: 'Ask ' }, { text: 'our privacy team', link: next ? 'mailto:dpo@northwind-analytics.example' : 'mailto:privacy@northwind-analytics.example' }, { text: ' for the details.' }] },
    ...(next ? [{ kind: 'heading' as const, id: 's-e2edel01', level: 1, runs: [{ text: 'Deleting Data' }] }] : []),
    { kind: 'paragraph', runs: [{ text: 'When the time is up we delete the data, or make it anonymous so it no longer identifies you.' }] },
    { kind: 'paragraph', runs: [{ text: 'Backups are overwritten within 35 days.' }] },
  ];
  const first = base.blocks.findIndex((block) => block.kind === 'heading');
  return PolicyDocumentSchema.parse({
    ...base,
    blocks: [...base.blocks.slice(0, first), ...retention, ...base.blocks.slice(first)],
    notes: [...(base.notes ?? []), { id: 'n-e2enote1', runs: [{ text: next ? 'As the law and our contracts require.' : 'As the law requires.' }] }],
  });
}

/** Writes an edition as the project's file and opens the app on it again. */
async function open(page: Page, origin: string, file: string, doc: PolicyDocument) {
  await fs.writeFile(file, serializeDocument(doc));
  await page.goto(origin);
  await expect(heading(page, 'How Long We Keep Data')).toBeVisible();
}

test.describe('compare of tables, footnotes, links and a split section', () => {
  test.use({ viewport: { width: 1440, height: 1000 } });

  test('shows rows added and deleted, a cell edited, a link change, a changed note and a split, side by side and as a redline', async ({ page, app }) => {
    const file = path.join(app.projectDir, 'documents', `${DOC}.policy.json`);
    const base = PolicyDocumentSchema.parse(JSON.parse(await fs.readFile(file, 'utf8')));
    await open(page, app.origin, file, edition(base, false));

    await clickEndOfHeading(page, 'How Long We Keep Data');
    await page.keyboard.press('Control+Shift+S');
    const dialog = page.getByRole('dialog', { name: /Versions of/ });
    await dialog.getByLabel('Version name').fill('Before the table edit');
    await dialog.getByRole('button', { name: 'Save version' }).click();
    await expect(dialog.getByRole('row', { name: /Before the table edit/ })).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).click();

    await open(page, app.origin, file, edition(base, true));
    await page.getByRole('button', { name: 'Versions…' }).click();
    await dialog.getByRole('row', { name: /Before the table edit/ }).getByRole('button', { name: 'Compare with draft' }).click();
    const view = page.getByLabel('Comparison');
    await expect(view).toBeVisible();

    const summary = view.getByRole('region', { name: 'Summary of changes' });
    await expect(summary.locator('.count-split strong')).toHaveText('1');
    await expect(summary.locator('.count-links strong')).toHaveText('1');
    await expect(summary.locator('.count-added strong')).toHaveText('0');

    const retention = view.locator('.cmp-row.status-changed', { hasText: 'How Long We Keep Data' });
    const newTable = retention.locator('.cmp-cell.new .cmp-table');
    await expect(newTable.locator('tr.row-inserted')).toContainText('Payment records');
    await expect(newTable.locator('td ins')).toContainText(['seven', 'Payment records']);
    const oldTable = retention.locator('.cmp-cell.old .cmp-table');
    await expect(oldTable.locator('tr.row-deleted')).toContainText('Marketing choices');
    await expect(oldTable.locator('td del').first()).toHaveText('six');
    // The link: the same words, named as a link change, not deleted and inserted.
    await expect(retention.locator('.cmp-cell.new .cmp-link-changed')).toHaveAttribute('title', /from mailto:privacy@.* to mailto:dpo@/);
    await expect(retention.locator('.cmp-cell.new ins', { hasText: 'our privacy team' })).toHaveCount(0);
    // The footnote's mark, by number, says its note changed; the notes part shows the words.
    await expect(retention.locator('.cmp-cell.new .cmp-note.changed')).toHaveCount(1);
    await expect(view.locator('.cmp-notes ins')).toHaveText('and our contracts require');

    const split = view.locator('.cmp-row.status-split');
    await expect(split.locator('.cmp-badge')).toHaveText(/^Split from \d+$/);
    await expect(split.locator('.cmp-cell.new ins')).toHaveText('Deleting Data');
    await expect(split.locator('.cmp-cell.new del')).toHaveCount(0);
    await retention.scrollIntoViewIfNeeded();
    await screenshot(page, 'compare-format4-side-by-side');

    await view.getByRole('button', { name: 'Redline', exact: true }).click();
    const single = view.locator('.cmp-row.single.status-changed', { hasText: 'How Long We Keep Data' });
    await expect(single.locator('tr.row-inserted')).toContainText('Payment records');
    await expect(single.locator('tr.row-deleted')).toContainText('Marketing choices');
    await single.scrollIntoViewIfNeeded();
    await screenshot(page, 'compare-format4-redline');
  });
});
