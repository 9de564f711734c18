import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { clickEndOfHeading, expect, heading, screenshot, test } from './fixtures';

const hasGit = (() => {
  try {
    execFileSync('git', ['--version']);
    return true;
  } catch {
    return false;
  }
})();

test.describe('versions and compare', () => {
  test.use({ viewport: { width: 1440, height: 1000 } });

  test('save a version, edit, compare side by side and as a redline, export both redlines, restore', async ({ page, app }) => {
    // Save the published edition as a version.
    await clickEndOfHeading(page, 'Who We Are');
    await page.keyboard.press('Control+Shift+S');
    const dialog = page.getByRole('dialog', { name: /Versions of/ });
    await dialog.getByLabel('Version name').fill('2026-02 GDPR update');
    await dialog.getByLabel('Note').fill('Published on the website');
    await dialog.getByRole('radio', { name: /Substantive/ }).check();
    await dialog.getByLabel('Author').fill('Dana Reviewer');
    await dialog.getByRole('button', { name: 'Save version' }).click();
    const row = dialog.getByRole('row', { name: /2026-02 GDPR update/ });
    await expect(row).toContainText('Substantive');
    await expect(row).toContainText('Dana Reviewer');
    await screenshot(page, 'versions-dialog');
    await dialog.getByRole('button', { name: 'Close' }).click();

    // Edit the draft: a word in a heading, a sentence in a body, a section moved with its subsections.
    await clickEndOfHeading(page, 'Who We Are');
    await page.keyboard.type(' Today');
    await clickEndOfHeading(page, 'Data Retention');
    await page.keyboard.press('Alt+Shift+ArrowUp');
    await expect(heading(page, 'Data Retention')).toBeVisible();

    // Compare the version with the draft.
    await page.getByRole('button', { name: 'Versions…' }).click();
    await dialog.getByRole('row', { name: /2026-02 GDPR update/ }).getByRole('button', { name: 'Compare with draft' }).click();
    const view = page.getByLabel('Comparison');
    await expect(view).toBeVisible();
    const summary = view.getByRole('region', { name: 'Summary of changes' });
    await expect(summary.locator('.count-changed strong')).toHaveText('1');
    await expect(summary.locator('.count-moved strong')).toHaveText('1');
    await expect(summary.locator('.count-added strong')).toHaveText('0');
    await expect(summary.locator('.count-words .words-inserted')).toHaveText('+1');
    const changed = view.locator('.cmp-row.status-changed');
    await expect(changed.locator('.cmp-cell.new ins')).toHaveText('Today');
    await expect(changed.locator('.cmp-cell.old')).toContainText('Who We Are');
    // Moving Data Retention above its neighbour is the same as moving the neighbour below it: the shorter is said to move.
    const moved = view.locator('.cmp-row.status-moved').first();
    await expect(moved.locator('.cmp-cell.new .cmp-badge')).toHaveText(/^Moved from \d+$/);
    const title = (await moved.locator('.cmp-cell.new .cmp-heading span').nth(1).textContent()) ?? '';
    await expect(view.locator('.cmp-row.move-origin')).toContainText(`${title} — moved to`);
    await screenshot(page, 'compare-side-by-side');

    // Next change from the keyboard.
    await page.keyboard.press('Alt+ArrowDown');
    await expect(view.locator('.cmp-row.current')).toHaveCount(1);
    await view.getByRole('checkbox', { name: 'Changed sections only' }).check();
    await expect(view.locator('.cmp-row.status-unchanged')).toHaveCount(0);
    await view.getByRole('button', { name: 'Redline', exact: true }).click();
    await expect(view.locator('.cmp-row.single.status-changed ins')).toHaveText('Today');
    await screenshot(page, 'compare-redline');

    // Both redlines, as files.
    const download = async (name: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), view.getByRole('button', { name }).click()]);
      const target = path.join(app.home, file.suggestedFilename());
      await file.saveAs(target);
      return fs.readFile(target);
    };
    const html = (await download('Export HTML redline')).toString('utf8');
    expect(html).toMatch(/<ins[^>]*>\s*Today<\/ins>/);
    const docx = await download('Export Word redline');
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    await page.keyboard.press('Escape');
    await expect(view).toBeHidden();

    // Export the version itself, not the draft.
    await page.keyboard.press('Control+e');
    const exportDialog = page.getByRole('dialog', { name: /Export/ });
    await exportDialog.getByLabel('Edition').selectOption({ label: 'Version “2026-02 GDPR update”' });
    await exportDialog.getByRole('radio', { name: /HTML/ }).check();
    const [exported] = await Promise.all([page.waitForEvent('download'), exportDialog.getByRole('button', { name: 'Export' }).click()]);
    expect(exported.suggestedFilename()).toBe('Privacy Policy (2026-02 GDPR update).html');
    const versionHtml = await fs.readFile(await exported.path(), 'utf8');
    expect(versionHtml).toContain('Who We Are');
    expect(versionHtml).not.toContain('Who We Are Today');

        // Restore the version as the draft, then undo the restore.
    await page.getByRole('button', { name: 'Versions…' }).click();
    await dialog.getByRole('row', { name: /2026-02 GDPR update/ }).getByRole('button', { name: 'Restore as draft' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Restored version “2026-02 GDPR update”' })).toBeVisible();
    await expect(heading(page, 'Who We Are')).toBeVisible();
    await expect(heading(page, 'Who We Are Today')).toHaveCount(0);
    await page.getByRole('textbox', { name: 'Policy text' }).click();
    await page.keyboard.press('Control+z');
    await expect(heading(page, 'Who We Are Today')).toBeVisible();

    if (hasGit) {
      // A plain git in the folder sees the versions: the restore kept the draft as a version of its own first.
      const log = execFileSync('git', ['log', '--format=%s'], { cwd: app.projectDir, encoding: 'utf8' });
      expect(log).toContain('2026-02 GDPR update');
      expect(log).toContain('Draft before restoring');
    }
  });
});
