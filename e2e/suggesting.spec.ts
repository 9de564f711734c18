import { violations } from './axe-check';
import { clickEndOfHeading, expect, giveName, heading, screenshot, sectionNumber, test } from './fixtures';

const MOD = 'Control';

// Wide enough for the whole toolbar, its last group (Table, Suggesting, Review changes) included (narrower, those are in
// the status bar only), and tall enough that the screenshot shows a moved section at both its places.
test.use({ viewport: { width: 2200, height: 1200 } });

test('suggesting: type, delete a word, move a section; see the marks; accept one, reject one, undo; the file keeps them', async ({ page, app }) => {
  const suggestingButton = page.getByRole('toolbar', { name: 'Editing' }).getByRole('button', { name: 'Suggesting', exact: true });
  const modeSwitch = page.locator('.status-mode-tools').getByRole('button', { name: 'Suggesting', exact: true });
  await expect(suggestingButton).toHaveAttribute('aria-pressed', 'false');
  await expect(modeSwitch).toHaveAttribute('aria-pressed', 'false');
  await clickEndOfHeading(page, 'Who We Are');
  await page.keyboard.press(`${MOD}+Shift+E`);
  // Suggesting asks once who this is, so no suggestion is made in a name the person never gave.
  await giveName(page, 'Ana Reviewer');
  await clickEndOfHeading(page, 'Who We Are');
  await expect(suggestingButton).toHaveAttribute('aria-pressed', 'true');
  // The status bar says so, with a switch of its own (in a narrower window the toolbar has no room for its button).
  await expect(modeSwitch).toHaveAttribute('aria-pressed', 'true');

  // Typed text is an insertion, in one piece however fast it is typed.
  await page.keyboard.type(' Today');
  const inserted = page.locator('.policy-editor .sugg-ins', { hasText: 'Today' });
  await expect(inserted).toHaveText(' Today', { useInnerText: true });
  await expect(inserted).toHaveAttribute('title', /^Inserted by Ana Reviewer, \d+ \w{3} \d{4} \d\d:\d\d$/);
  await expect(heading(page, 'Who We Are Today')).toBeVisible();

  // A word deleted stays in the page, struck through.
  await clickEndOfHeading(page, 'Our Role as Controller and as Processor');
  await page.keyboard.press(`${MOD}+Backspace`);
  const deleted = page.locator('.policy-editor .sugg-del', { hasText: 'Processor' });
  await expect(deleted).toBeVisible();
  await expect(heading(page, 'Our Role as Controller and as Processor')).toBeVisible();

  // A section moved up: at its old place it is struck through and says where it went; numbers are as if accepted.
  await clickEndOfHeading(page, 'Our Data Protection Officer');
  await page.keyboard.press('Alt+Shift+ArrowUp');
  const movedTo = page.locator('.policy-editor .section-heading.change-move-to', { hasText: 'Our Data Protection Officer' });
  const movedFrom = page.locator('.policy-editor .section-heading.change-move-from', { hasText: 'Our Data Protection Officer' });
  await expect(movedTo.getByTestId('section-number')).toHaveText('1.1');
  await expect(movedFrom.locator('.moved-note')).toHaveText('Moved to §1.1');
  await expect(movedFrom.locator('.old-number')).toHaveAttribute('title', 'Numbered 1.2 before the suggestions');
  await expect(sectionNumber(page, 'Our Role as Controller and as Processor')).toHaveText('1.2');
  await page.locator('.page-scroll').evaluate((scroller) => (scroller.scrollTop = 0));
  await screenshot(page, 'suggesting-marks');
  expect(await violations(page), 'axe finds nothing wrong with suggestions in the page').toEqual([]);

  // Accept the insertion at the caret; reject the deletion; undo the rejection.
  await inserted.click();
  await page.keyboard.press('Alt+Shift+A');
  await expect(page.locator('.status-bar')).toContainText('Accepted 1 suggestion.');
  await expect(inserted).toHaveCount(0);
  await expect(heading(page, 'Who We Are Today')).toBeVisible();
  await deleted.click();
  await page.keyboard.press('Alt+Shift+R');
  await expect(deleted).toHaveCount(0);
  await page.keyboard.press(`${MOD}+z`);
  await expect(deleted).toBeVisible();

  // Next change from the top goes to the first open suggestion: the moved section's new place.
  await page.keyboard.press(`${MOD}+Home`);
  await page.keyboard.press('Alt+Shift+N');
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe('Our Data Protection Officer');

  await page.keyboard.press(`${MOD}+Shift+E`);
  await expect(suggestingButton).toHaveAttribute('aria-pressed', 'false');
  await expect(modeSwitch).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press(`${MOD}+s`);
  // The file is written by the save: polled, never read once.
  await expect
    .poll(async () => {
      const onDisk = await app.readDocument('privacy-policy');
      return {
        accepted: onDisk.includes('{"text":"Who We Are Today"}'),
        deletion: /\{"text":"Processor","del":\{"id":"c-[a-z0-9]+","by":"[^"]+","at":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"\}\}/.test(onDisk),
        moveFrom: /"change":\{"id":"c-[a-z0-9]+","by":"[^"]+","at":"[^"]+","kind":"move-from"\}/.test(onDisk),
        moveTo: /"change":\{"id":"c-[a-z0-9]+","by":"[^"]+","at":"[^"]+","kind":"move-to"\}/.test(onDisk),
      };
    })
    .toEqual({ accepted: true, deletion: true, moveFrom: true, moveTo: true });
});

test.describe('with the name given before', () => {
  // The person gave their name earlier (it is kept in the settings), so turning suggesting on asks nothing.
  test.use({ identity: 'Ana Reviewer' });

  test('the Review changes menu settles many suggestions at once, each time as one undo step', async ({ page, app }) => {
    await clickEndOfHeading(page, 'Who We Are');
    await page.locator('.status-mode-tools').getByRole('button', { name: 'Suggesting', exact: true }).click();
    await page.keyboard.type(' Today');
    await clickEndOfHeading(page, 'Our Data Protection Officer');
    await page.keyboard.press(`${MOD}+Backspace`);
    await expect(page.locator('.policy-editor .sugg-ins')).toHaveCount(1);
    await expect(page.locator('.policy-editor .sugg-del')).toHaveCount(1);

    const menuButton = page.locator('.status-mode-tools').getByRole('button', { name: 'Review changes' });
    await menuButton.click();
    const menu = page.getByRole('group', { name: 'Review changes' });
    await expect(menu.getByRole('button', { name: /^Accept all by / })).toHaveCount(1);
    expect(await violations(page), 'axe finds nothing wrong with the open Review changes menu').toEqual([]);
    await menu.getByRole('button', { name: 'Reject all', exact: true }).click();
    await expect(menu).toBeHidden();
    await expect(page.locator('.status-bar')).toContainText('Rejected 2 suggestions.');
    await expect(page.locator('.policy-editor .sugg-ins, .policy-editor .sugg-del')).toHaveCount(0);
    await expect(heading(page, 'Who We Are')).toBeVisible();
    await expect(heading(page, 'Our Data Protection Officer')).toBeVisible();

    await page.keyboard.press(`${MOD}+z`);
    await expect(page.locator('.policy-editor .sugg-ins')).toHaveCount(1);
    await menuButton.click();
    await menu.getByRole('button', { name: /^Accept all by / }).click();
    await expect(heading(page, 'Who We Are Today')).toBeVisible();
    await expect(page.locator('.policy-editor .section-title', { hasText: /^Our Data Protection\s*$/ })).toBeVisible();
    await page.keyboard.press(`${MOD}+s`);
    await expect
      .poll(async () => {
        const onDisk = await app.readDocument('privacy-policy');
        return onDisk.includes('{"text":"Who We Are Today"}') && onDisk.includes('{"text":"Our Data Protection "}') && !/"(ins|del)":/.test(onDisk);
      })
      .toBe(true);
  });

  // The browser inserts a typed letter into the page itself (render-after-paint.ts); a suggestion's first letter is then
  // split off into a text of its own, and the page must show each letter once, wherever the caret was.
  test('suggesting inside a word and at a word’s end shows each letter once, and typing on stays one suggestion', async ({ page }) => {
    await clickEndOfHeading(page, 'Who We Are');
    await page.keyboard.press(`${MOD}+Shift+E`);
    await expect(page.locator('.status-mode-tools').getByRole('button', { name: 'Suggesting', exact: true })).toHaveAttribute('aria-pressed', 'true');
    // The caret put after "Who W" a key at a time, each move seen before the next: this test is about typing there.
    // (Five arrow keys pressed at full speed right after the mode switch sometimes left the caret in the paragraph below,
    // one run in two or four here; written down in the session note to be looked into.)
    const caret = () => page.evaluate(() => ({ offset: getSelection()?.anchorOffset, text: getSelection()?.anchorNode?.textContent }));
    await page.keyboard.press('Home');
    await expect.poll(caret).toEqual({ offset: 0, text: 'Who We Are' });
    for (let i = 1; i <= 5; i++) {
      await page.keyboard.press('ArrowRight');
      await expect.poll(caret).toEqual({ offset: i, text: 'Who We Are' });
    }
    await page.keyboard.type('ee, what w');
    await expect(heading(page, 'Who Wee, what we Are')).toBeVisible();
    await expect(page.locator('.policy-editor .sugg-ins')).toHaveCount(1);
    await page.keyboard.press('End');
    await page.keyboard.type('n');
    await expect(heading(page, 'Who Wee, what we Aren')).toBeVisible();
    await expect(page.locator('.policy-editor .sugg-ins')).toHaveText(['ee, what w', 'n']);
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await expect(heading(page, 'Who Wee, what we Are')).toBeVisible();
    await expect(page.locator('.policy-editor .sugg-del')).toHaveText(['e']);
    // A suggestion begun with a full stop or a digit (typed by the browser too, patches/README.md) shows each once.
    await page.keyboard.press('End');
    await page.keyboard.type('.1 (2)');
    await expect(heading(page, 'Who Wee, what we Are.1 (2)')).toBeVisible();
    await expect(page.locator('.policy-editor .sugg-ins')).toHaveText(['ee, what w', '.1 (2)']);
  });
});
