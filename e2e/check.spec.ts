import { clickEndOfHeading, expect, screenshot, test } from './fixtures';

test('the Check panel lists what a reviewer would mark, follows the typing, and shows a finding’s section', async ({ page }) => {
  await page.getByRole('tab', { name: 'Check' }).click();
  const panel = page.getByRole('complementary', { name: 'Check' });
  await expect(panel.getByRole('status')).toHaveText(/warning/);
  const before = await panel.getByRole('listitem').count();

  // A reference to a section that does not exist, typed into section 1.
  await clickEndOfHeading(page, 'Who We Are');
  await page.keyboard.press('Enter');
  await page.keyboard.type('See Section 42 for more.');
  const broken = panel.getByRole('button', { name: 'Error: 1 “Section 42” in section 1 names no section of this document (42).' });
  await expect(broken).toBeVisible();
  await expect(panel.getByRole('listitem')).toHaveCount(before + 1);
  await screenshot(page, 'check-panel');

  // A click shows the section, with the cursor in its heading.
  await page.locator('.policy-editor').press('Control+End');
  await broken.click();
  await expect(page.locator('.policy-editor')).toBeFocused();
  const heading = page.locator('[data-section-id], h2, h3').filter({ hasText: 'Who We Are' }).first();
  await expect(heading).toBeInViewport();

  // Fixed, it goes.
  await page.locator('.policy-editor').press('Control+z');
  await expect(broken).toHaveCount(0);
});
