import type { Page } from '@playwright/test';
import { clickEndOfHeading, expect, screenshot, test } from './fixtures';

/** The width of the policy's text (the page less its padding), and how the toolbar row sits. */
async function measure(page: Page) {
  return page.evaluate(() => {
    const text = document.querySelector('.policy-editor') as HTMLElement;
    const row = document.querySelector('.toolbar-row') as HTMLElement;
    // The groups drawn on the row (those waiting under More are not drawn at all), and More when it shows.
    const tools = Array.from(document.querySelectorAll<HTMLElement>('.toolbar > .toolbar-group, .toolbar > .toolbar-more'))
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => el.getBoundingClientRect().top);
    return {
      textWidth: text.getBoundingClientRect().width,
      rowHeight: row.getBoundingClientRect().height,
      toolbarRows: new Set(tools.map((top) => Math.round(top))).size,
      pageOverflows: document.documentElement.scrollWidth > document.documentElement.clientWidth,
    };
  });
}

/** Whether anything of the side columns lies over the policy's text. */
async function sideCovers(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const text = (document.querySelector('.policy-editor') as HTMLElement).getBoundingClientRect();
    return Array.from(document.querySelectorAll<HTMLElement>('.left-column, .right-column')).some((column) => {
      const r = column.getBoundingClientRect();
      return r.width > 40 && r.left < text.right && r.right > text.left && r.top < text.bottom && r.bottom > text.top;
    });
  });
}

test.describe('at 1024×700', () => {
  test.use({ viewport: { width: 1024, height: 700 } });

  test('the text keeps about 500 px, the toolbar one row, and the save state never moves the page', async ({ page }) => {
    const first = await measure(page);
    expect(first.textWidth).toBeGreaterThanOrEqual(500);
    expect(first.toolbarRows).toBe(1);
    expect(first.pageOverflows).toBe(false);
    await expect(page.getByRole('button', { name: /More/ })).toBeVisible();
    await screenshot(page, 'layout-1024x700');

    // "Unsaved changes" takes the same room as "Saved": the row keeps its height, and the tools keep their places.
    const saveBox = await page.getByTestId('save-status').boundingBox();
    await clickEndOfHeading(page, 'Security');
    await page.keyboard.type(' text');
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'unsaved');
    await screenshot(page, 'layout-1024x700-unsaved');
    const typing = await measure(page);
    expect(typing.rowHeight).toBe(first.rowHeight);
    expect(await page.getByTestId('save-status').boundingBox()).toEqual(saveBox);

    // The tools that did not fit are in the More menu, and work from there.
    await page.getByRole('button', { name: /More/ }).click();
    const menu = page.getByRole('group', { name: 'More tools' });
    await expect(menu).toBeVisible();
    await screenshot(page, 'layout-1024x700-more-menu');
    await menu.getByRole('button', { name: 'Numbered list' }).click();
    await expect(menu).toBeHidden();

    // From the keyboard: Enter opens it, Esc shuts it with the focus back on More, and the focus leaving it shuts it.
    const more = page.getByRole('button', { name: /More/ });
    await more.focus();
    await page.keyboard.press('Enter');
    await expect(more).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Tab');
    await expect(menu.getByRole('button').first()).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(more).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(menu).toBeVisible();
    await page.keyboard.press('Shift+Tab');
    await expect(more).not.toBeFocused();
    await expect(menu).toBeHidden();
    await expect(more).toHaveAttribute('aria-expanded', 'false');
  });

  test('a clause heading with an update offered keeps its number clear of the clause’s bar', async ({ page }) => {
    await page.getByRole('tab', { name: 'Clauses' }).click();
    const panel = page.locator('.clause-panel');
    await panel.getByRole('searchbox', { name: 'Search clauses' }).fill('complaints');
    await panel.getByRole('button', { name: /^Complaints/ }).click();
    // As a section of its own, so the clause's bar belongs to a heading with a number.
    await clickEndOfHeading(page, 'Security');
    await panel.getByRole('button', { name: 'Insert as section' }).click();
    await panel.getByRole('button', { name: 'Edit' }).click();
    const editor = page.getByRole('dialog', { name: /Edit clause/ });
    const box = editor.getByRole('textbox', { name: 'Clause text' });
    await box.fill(`${await box.inputValue()} Changed.`);
    await editor.getByRole('button', { name: 'Save clause' }).click();
    await expect(editor).toBeHidden();
    const block = page.locator('.policy-editor .section-heading:has([data-clause-id="complaints"])');
    const badge = block.getByRole('button', { name: 'Update available: v2' });
    await expect(badge).toBeVisible();
    await badge.scrollIntoViewIfNeeded();
    await expect(block.getByRole('button', { name: 'Unlink to edit' })).toBeVisible();
    const bar = await block.getByTestId('clause-bar').boundingBox();
    const number = await block.getByTestId('section-number').boundingBox();
    expect(bar && number && bar.y + bar.height <= number.y + 1, `bar ${JSON.stringify(bar)} above number ${JSON.stringify(number)}`).toBe(true);
    await screenshot(page, 'layout-1024x700-clause-update');
  });

  test('each side column hides with its button, leaves the text wider, and stays hidden after a reload', async ({ page, app }) => {
    const before = (await measure(page)).textWidth;
    await page.getByRole('button', { name: 'Hide the documents and outline' }).click();
    await page.getByRole('button', { name: 'Hide the side panels' }).click();
    const after = (await measure(page)).textWidth;
    expect(after).toBeGreaterThan(before + 150);
    await screenshot(page, 'layout-1024x700-panels-hidden');
    await page.goto(app.origin);
    await expect(page.getByRole('textbox', { name: 'Policy text' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Show the side panels' })).toHaveAttribute('aria-expanded', 'false');
    await page.getByRole('button', { name: 'Show the side panels' }).click();
    await expect(page.getByRole('tab', { name: 'Document' })).toBeVisible();
  });
});

test.describe('at 200% zoom of 1024×700 (512×350 CSS pixels at two device pixels each)', () => {
  test.use({ viewport: { width: 512, height: 350 }, deviceScaleFactor: 2 });

  test('the side columns are strips that open over the page, the toolbar keeps one row, nothing runs off the side', async ({ page }) => {
    const first = await measure(page);
    expect(first.toolbarRows).toBe(1);
    expect(first.pageOverflows).toBe(false);
    expect(first.textWidth).toBeGreaterThanOrEqual(300);
    expect(await sideCovers(page)).toBe(false);
    await screenshot(page, 'layout-zoom-200');

    await page.getByRole('button', { name: 'Show the side panels' }).click();
    await expect(page.getByRole('tab', { name: 'Document' })).toBeVisible();
    await screenshot(page, 'layout-zoom-200-panel-open');
    await page.getByRole('button', { name: 'Hide the side panels' }).click();
    expect(await sideCovers(page)).toBe(false);

    // Esc puts an open column away, the focus on its button.
    await page.getByRole('button', { name: 'Show the documents and outline' }).click();
    await page.getByRole('button', { name: 'Privacy Policy' }).focus();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('button', { name: 'Show the documents and outline' })).toBeFocused();
    expect(await sideCovers(page)).toBe(false);

    await page.getByRole('button', { name: 'Versions…' }).click();
    const dialog = page.getByRole('dialog', { name: /Versions of/ });
    await expect(dialog.getByRole('button', { name: 'Close' })).toBeInViewport();
    await screenshot(page, 'layout-zoom-200-dialog');
  });
});

test.describe('at 4K', () => {
  test.use({ viewport: { width: 3840, height: 2160 } });

  test('the page keeps its reading width in the middle, the toolbar one row with no More', async ({ page }) => {
    const first = await measure(page);
    expect(first.toolbarRows).toBe(1);
    expect(first.textWidth).toBeLessThanOrEqual(820);
    await expect(page.getByRole('button', { name: /More/ })).toHaveCount(0);
    await screenshot(page, 'layout-4k');
  });
});
