import { clickEndOfHeading, expect, heading, outlineLabels, screenshot, sectionNumber, test } from './fixtures';

const MOD = 'Control';

test('insert, demote, move and undo sections; type; save; reload gives the same document', async ({ page, app }) => {
  await expect(sectionNumber(page, 'Information We Collect')).toHaveText('2.');
  await expect(sectionNumber(page, 'How We Use Information')).toHaveText('3.');

  // A new section between 2 and 3: the old 3 becomes 4.
  await clickEndOfHeading(page, 'Information We Collect');
  await page.keyboard.press(`${MOD}+Enter`);
  await page.keyboard.type('Automated Decision-Making');
  await expect(sectionNumber(page, 'Automated Decision-Making')).toHaveText('3.');
  await expect(sectionNumber(page, 'How We Use Information')).toHaveText('4.');

  // Demoted, it becomes the last subsection of 2, and the old 3 is 3 again.
  await page.keyboard.press('Tab');
  await expect(sectionNumber(page, 'Automated Decision-Making')).toHaveText('2.5');
  await expect(sectionNumber(page, 'How We Use Information')).toHaveText('3.');

  // Moved up past its sibling, then the move undone.
  await page.keyboard.press('Alt+Shift+ArrowUp');
  await expect(sectionNumber(page, 'Automated Decision-Making')).toHaveText('2.4');
  await expect(sectionNumber(page, 'Information We Do Not Want')).toHaveText('2.5');
  await page.keyboard.press(`${MOD}+z`);
  await expect(sectionNumber(page, 'Automated Decision-Making')).toHaveText('2.5');
  await expect(sectionNumber(page, 'Information We Do Not Want')).toHaveText('2.4');

  // Enter at the end of the heading opens its body.
  await clickEndOfHeading(page, 'Automated Decision-Making');
  await page.keyboard.press('Enter');
  await page.keyboard.type('We do not make decisions with legal effects by automated means alone.');
  const body = page.locator('.policy-editor p', { hasText: 'We do not make decisions with legal effects' });
  await expect(body).toBeVisible();

  const outline = await outlineLabels(page);
  expect(outline).toContain('2.5 Automated Decision-Making');
  await screenshot(page, 'editor-after-edits');
  await page.locator('.outline').screenshot({ path: `${app.home}/outline.png` });

  await page.keyboard.press(`${MOD}+s`);
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  const onDisk = await app.readDocument('privacy-policy');
  expect(onDisk).toContain('"text":"Automated Decision-Making"');
  expect(onDisk).toContain('We do not make decisions with legal effects by automated means alone.');
  expect(onDisk, "numbers are never stored").not.toMatch(/"(number|label)":/);

  await page.reload();
  await expect(sectionNumber(page, 'Automated Decision-Making')).toHaveText('2.5');
  await expect(body).toBeVisible();
  await expect.poll(() => outlineLabels(page)).toEqual(outline);
  // Reloading changed nothing: the file is as it was.
  expect(await app.readDocument('privacy-policy')).toBe(onDisk);
});

test('every section command and mark is undone by Ctrl+Z and redone by Ctrl+Shift+Z', async ({ page, app }) => {
  const original = await app.readDocument('privacy-policy');
  await clickEndOfHeading(page, 'Sharing and Disclosure');
  const steps: Array<() => Promise<void>> = [
    () => page.keyboard.press(`${MOD}+Enter`),
    () => page.keyboard.type('Temporary'),
    () => page.keyboard.press('Tab'),
    () => page.keyboard.press('Shift+Tab'),
    () => page.keyboard.press('Alt+Shift+ArrowUp'),
    () => page.keyboard.press('Alt+Shift+ArrowDown'),
    () => page.keyboard.press(`${MOD}+Shift+Enter`),
    () => page.keyboard.type('Sub'),
    () => page.keyboard.press('Shift+Home'),
    () => page.keyboard.press(`${MOD}+b`),
  ];
  for (const step of steps) await step();
  await expect(sectionNumber(page, 'Temporary')).toBeVisible();
  await expect(heading(page, 'Sub').locator('strong')).toHaveText('Sub');

  for (let i = 0; i < 12; i++) await page.keyboard.press(`${MOD}+z`);
  await expect(sectionNumber(page, 'Temporary')).toHaveCount(0);
  await page.keyboard.press(`${MOD}+s`);
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  expect(await app.readDocument('privacy-policy'), 'undoing everything gives back the file byte for byte').toBe(original);

  for (let i = 0; i < 12; i++) await page.keyboard.press(`${MOD}+Shift+z`);
  await expect(heading(page, 'Sub').locator('strong')).toHaveText('Sub');
  await expect(sectionNumber(page, 'Temporary')).toHaveText(/^\d+\.$/);
});

test.describe('on a tall screen', () => {
  test.use({ viewport: { width: 1440, height: 1500 } });

  test('the outline lists numbered headings, jumps on click and moves a section by drag', async ({ page }) => {
    const before = await outlineLabels(page);
    expect(before.slice(0, 3)).toEqual(['1. Who We Are', '1.1 Our Role as Controller and as Processor', '1.2 Our Data Protection Officer']);

    await page.locator('.outline-link', { hasText: 'Contact Us' }).click();
    await expect(heading(page, 'Contact Us')).toBeInViewport();

    // Drag "Data Retention" (7) onto "Sharing and Disclosure" (5): it lands before it, taking its number.
    const source = page.locator('.outline-item', { hasText: 'Data Retention' }).first();
    const target = page.locator('.outline-item', { hasText: 'Sharing and Disclosure' }).first();
    // Both ends of the drag in view at once, as a person would have them.
    await page.locator('.left-column').evaluate((column) => column.scrollTo(0, 0));
    await expect(source).toBeInViewport();
    await expect(target).toBeInViewport();
    await source.dragTo(target);
    await expect(sectionNumber(page, 'Data Retention')).toHaveText('5.');
    await expect(sectionNumber(page, 'Sharing and Disclosure')).toHaveText('6.');
    await expect(sectionNumber(page, 'International Transfers')).toHaveText('7.');
    // Its subsections travel with it.
    const after = await outlineLabels(page);
    const moved = after.findIndex((label) => label === '5. Data Retention');
    expect(after[moved + 1]).toMatch(/^5\.1 /);
    await screenshot(page, 'outline-after-drag');
  });
});

test('each numbering style renumbers the whole document', async ({ page, app }) => {
  const style = page.getByLabel('Numbering');
  await style.selectOption('article-section');
  await expect(sectionNumber(page, 'Who We Are')).toHaveText('Article I');
  await expect(sectionNumber(page, 'Our Role as Controller and as Processor')).toHaveText('Section 1.01');
  await style.selectOption('letter-decimal');
  await expect(sectionNumber(page, 'Information We Collect')).toHaveText('B.');
  await expect(sectionNumber(page, 'Information Collected Automatically')).toHaveText('2.');
  await style.selectOption('section-sign');
  await expect(sectionNumber(page, 'Information Collected Automatically')).toHaveText('§ 2.2');
  await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 10_000 });
  expect(await app.readDocument('privacy-policy')).toContain('"numbering": "section-sign"');
});
