import { clickEndOfHeading, expect, heading, outlineLabels, screenshot, test, toolbarButton } from './fixtures';

test('autosave writes a second or so after typing stops, and the window says Unsaved, Saving, Saved', async ({ page, app }) => {
  await clickEndOfHeading(page, 'Who We Are');
  await page.keyboard.type(' and What We Do');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'unsaved');
  await expect.poll(() => page.title()).toMatch(/^● /);
  await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 10_000 });
  await expect.poll(() => page.title()).not.toMatch(/^● /);
  expect(await app.readDocument('privacy-policy')).toContain('"text":"Who We Are and What We Do"');
});

// Writing the window's title costs a key its frame (renderer/app/App.tsx, onStatus): its "●" waits for a pause in
// the keys, so that it never lands on one of a run of them.
test("the window's title marks unsaved changes in a pause of the keys, not among them", async ({ page }) => {
  await page.evaluate(() => {
    const w = window as unknown as { titles: { at: number; title: string }[]; keys: number[] };
    w.titles = [];
    w.keys = [];
    addEventListener('keydown', () => w.keys.push(performance.now()), true);
    new MutationObserver(() => w.titles.push({ at: performance.now(), title: document.title })).observe(document.head, { subtree: true, childList: true, characterData: true });
  });
  await clickEndOfHeading(page, 'Who We Are');
  // Twelve letters a tenth of a second apart: the title's half-second delay runs out among them.
  for (let i = 0; i < 12; i++) {
    await page.keyboard.type('x');
    await page.waitForTimeout(100);
  }
  const marked = () =>
    page.evaluate(() => {
      const w = window as unknown as { titles: { at: number; title: string }[]; keys: number[] };
      const at = w.titles.find((t) => t.title.startsWith('● '))?.at;
      return at === undefined ? null : { at, lastKeyBefore: Math.max(...w.keys.filter((k) => k < at)) };
    });
  await expect.poll(marked).not.toBeNull();
  const { at, lastKeyBefore } = (await marked())!;
  // Written once the keys had paused (400 ms, TITLE_QUIET_MS), never among them.
  expect(at - lastKeyBefore).toBeGreaterThanOrEqual(390);
});

// The first change after a save shows "Unsaved changes" in the frame that shows the change: a second frame just for
// the indicator made Chromium hold the page's other tasks back after the key, and the first key after every pause paid
// for it (renderer/editor/SaveIndicator.tsx). Looked at in the first animation frame after the key, before it paints.
test('the first Enter after a save shows its new paragraph and "Unsaved changes" in one frame', async ({ page }) => {
  await clickEndOfHeading(page, 'Who We Are');
  await page.keyboard.type(' today');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  const paragraphs = await page.locator('[data-slate-editor] p').count();
  await page.evaluate(() => {
    addEventListener(
      'keydown',
      () =>
        requestAnimationFrame(() => {
          const w = window as unknown as { firstFrame?: { state: string | null; paragraphs: number } };
          w.firstFrame = {
            state: document.querySelector('[data-testid="save-status"]')?.getAttribute('data-state') ?? null,
            paragraphs: document.querySelectorAll('[data-slate-editor] p').length,
          };
        }),
      { capture: true, once: true },
    );
  });
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => (window as unknown as { firstFrame?: unknown }).firstFrame ?? null)).toEqual({ state: 'unsaved', paragraphs: paragraphs + 1 });
});

// Letters the browser inserts itself are rendered by React after their frame (render-after-paint.ts); keys that come
// before that render, and anything that is not such a letter, must still find the editor exactly as typed.
test('keys typed faster than the screen refreshes land in order, undo at once, and are saved', async ({ page, app }) => {
  await clickEndOfHeading(page, 'Who We Are');
  // The dash, outside ASCII, is inserted by Slate in the middle of a run the browser types (patches/README.md).
  await page.keyboard.type(' as, of today – fine. Done');
  await expect(heading(page, 'Who We Are as, of today – fine. Done')).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(heading(page, 'Who We Are')).toBeVisible();
  await page.keyboard.type(' and why');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'unsaved');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  expect(await app.readDocument('privacy-policy')).toContain('"text":"Who We Are and why"');
  await expect.poll(() => outlineLabels(page)).toContain('1. Who We Are and why');
});

// Punctuation and digits are inserted by the browser, as letters are (the slate-react patch, patches/README.md): a
// policy is full of full stops, commas and section numbers, and each used to cost a render and a forced layout. What
// is typed still reaches the document, undoes at once and is saved; a character outside ASCII takes Slate's own path.
test('punctuation and digits are typed by the browser itself, as letters are, and land in the document', async ({ page, app }) => {
  await clickEndOfHeading(page, 'Who We Are');
  await page.evaluate(() => {
    const w = window as unknown as { inserted: { data: string; prevented: boolean }[] };
    w.inserted = [];
    // Bubbling to the window: after the editor's own handler has decided.
    addEventListener('beforeinput', (event) => {
      if (event.inputType === 'insertText') w.inserted.push({ data: event.data ?? '', prevented: event.defaultPrevented });
    });
  });
  const typed = ' (No. 1-2), as of 3/4; done! §';
  await page.keyboard.type(typed);
  await expect(heading(page, `Who We Are${typed}`)).toBeVisible();
  const inserted = await page.evaluate(() => (window as unknown as { inserted: { data: string; prevented: boolean }[] }).inserted);
  expect(inserted.map((i) => i.data).join('')).toBe(typed);
  expect(inserted.filter((i) => i.data !== '§' && i.prevented).map((i) => i.data), 'ASCII characters Slate inserted instead of the browser').toEqual([]);
  expect(inserted.find((i) => i.data === '§')?.prevented).toBe(true);
  await page.keyboard.press('Control+z');
  await expect(heading(page, 'Who We Are')).toBeVisible();
  await page.keyboard.type(' 2.1, 4(b): "ok"');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  expect(await app.readDocument('privacy-policy')).toContain('"text":"Who We Are 2.1, 4(b): \\"ok\\""');
});

// A key that changes only a word's text must change only that text in the page: any attribute or element touched
// besides makes the browser recalculate styles across the whole document, on every key (a tooltip's hidden
// attribute, set again on each key, once did).
test('a letter typed into a paragraph changes only that text in the page', async ({ page }) => {
  await clickEndOfHeading(page, 'Who We Are');
  await page.keyboard.type(' x'); // the first edit marks the document unsaved: that is a change of its own
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'unsaved');
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __changes: string[] }).__changes = seen;
    new MutationObserver((records) => {
      for (const record of records) {
        const target = record.target instanceof Element ? `${record.target.tagName.toLowerCase()}.${record.target.className}` : record.target.nodeName;
        seen.push(`${record.type} ${target}${record.attributeName ? ` @${record.attributeName}` : ''}`);
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await page.keyboard.type('yz');
  await expect(heading(page, 'Who We Are xyz')).toBeVisible();
  const changes = await page.evaluate(() => (window as unknown as { __changes: string[] }).__changes);
  expect(changes.length, 'at least the text changed').toBeGreaterThan(0);
  expect(changes.filter((change) => !change.startsWith('characterData ')), 'changes other than the text').toEqual([]);
});

// Shift+Left and Shift+Right are the browser's to carry out; a render already on its way (one that a change of the
// selection asked for) must not set the page's selection back to where Slate last read it, losing a key.
test('every Shift+Left of a quick run extends the selection, on a slow machine too; Shift+Home, Shift+End and Ctrl+Shift+Left as ever', async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  for (let round = 0; round < 3; round++) {
    await clickEndOfHeading(page, 'Who We Are');
    await page.keyboard.press('Enter');
    const words = `Temporary words ${round}`;
    await page.keyboard.type(`Keep this. ${words}`);
    await expect(page.locator('.policy-editor')).toContainText(`Keep this. ${words}`);
    for (let i = 0; i < words.length; i++) await page.keyboard.press('Shift+ArrowLeft');
    await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(words);
    // What the editor itself holds selected: bold goes on exactly those words.
    await page.keyboard.press('Control+b');
    await expect(page.locator('.policy-editor strong', { hasText: words })).toHaveText(words);
  }
  // Shift+Home from the end of the line takes the whole line; Shift+End from its start the same.
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('Keep this. Temporary words 2');
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+End');
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('Keep this. Temporary words 2');
  // Ctrl+Shift+Left takes a word at a time.
  await page.keyboard.press('End');
  await page.keyboard.press('Control+Shift+ArrowLeft');
  await page.keyboard.press('Control+Shift+ArrowLeft');
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('words 2');
});

test('a wheel scroll right after typing stays where the person scrolled', async ({ page }) => {
  const paragraph = page.locator('.policy-editor p', { hasText: 'You give us information when you create an account' });
  const scroller = page.locator('.page-scroll');
  // The paragraph near the top of the scroller, the caret at the end of its first line.
  await paragraph.evaluate((element) => {
    const box = element.closest('.page-scroll');
    if (box) box.scrollTop += element.getBoundingClientRect().top - box.getBoundingClientRect().top - 40;
  });
  const box = await paragraph.boundingBox();
  const view = await scroller.boundingBox();
  if (!box || !view) throw new Error('no boxes');
  await page.mouse.click(box.x + 60, box.y + 5);
  await page.keyboard.press('End');
  const before = await scroller.evaluate((element) => element.scrollTop);
  // Letters and the wheel in one go, as a quick hand does them, before the editor's own render of the letters.
  const cdp = await page.context().newCDPSession(page);
  const sent: Array<Promise<unknown>> = [];
  for (const key of 'abc') {
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key, text: key, unmodifiedText: key }));
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key }));
  }
  sent.push(cdp.send('Input.dispatchMouseEvent', { type: 'mouseWheel', x: view.x + view.width / 2, y: view.y + view.height / 2, deltaX: 0, deltaY: 250 }));
  await Promise.all(sent);
  await expect.poll(() => scroller.evaluate((element) => element.scrollTop)).toBeGreaterThanOrEqual(before + 200);
  await page.waitForTimeout(600); // long after the editor has rendered the letters
  expect(await scroller.evaluate((element) => element.scrollTop)).toBeGreaterThanOrEqual(before + 200);
  await expect(paragraph).toContainText('abc');
});

test('the document panel edits title, dates, version, owner and language', async ({ page, app }) => {
  await expect(page.locator('.policy-editor')).toHaveAttribute('lang', 'en');
  await page.getByLabel('Language').selectOption({ label: 'English (UK)' });
  // The spellchecker checks the document's language.
  await expect(page.locator('.policy-editor')).toHaveAttribute('lang', 'en-GB');
  await page.getByLabel('Title').fill('Global Privacy Notice');
  await page.getByLabel('Effective date').fill('2027-02-01');
  await page.getByLabel('Version label').fill('3.0');
  await page.getByLabel('Owner').fill('Privacy Office');
  await expect(page.locator('.doc-title')).toHaveText('Global Privacy Notice');
  await expect(page.locator('.doc-dates')).toContainText('Effective date: 1 February 2027');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  const saved = await app.readDocument('privacy-policy');
  expect(saved).toContain('"title": "Global Privacy Notice"');
  expect(saved).toContain('"effectiveDate": "2027-02-01"');
  expect(saved).toContain('"versionLabel": "3.0"');
  expect(saved).toContain('"owner": "Privacy Office"');
  expect(saved).toContain('"numbering": "decimal",\n  "language": "en-GB",');
});

test('marks, lists and links from the keyboard and the toolbar', async ({ page, app }) => {
  await clickEndOfHeading(page, 'Our Data Protection Officer');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+b');
  await page.keyboard.type('Bold');
  await page.keyboard.press('Control+b');
  await page.keyboard.press('Control+i');
  await page.keyboard.type(' italic');
  await page.keyboard.press('Control+i');
  await page.keyboard.press('Control+u');
  await page.keyboard.type(' underlined');
  await page.keyboard.press('Control+u');
  const paragraph = page.locator('.policy-editor p', { hasText: 'Bold italic underlined' });
  await expect(paragraph.locator('strong')).toHaveText('Bold');
  await expect(paragraph.locator('em')).toHaveText(' italic');
  await expect(paragraph.locator('u')).toHaveText(' underlined');

  await (await toolbarButton(page, 'Bulleted list')).click();
  await expect(page.locator('.policy-editor .list-item.bullet', { hasText: 'Bold italic underlined' })).toBeVisible();
  await page.keyboard.press('Enter');
  await page.keyboard.type('second point');
  await expect(page.locator('.policy-editor .list-item.bullet', { hasText: 'second point' })).toBeVisible();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('after the list');
  await expect(page.locator('.policy-editor p', { hasText: 'after the list' })).toBeVisible();

  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Control+k');
  const address = page.getByLabel('Link address');
  await address.fill('javascript:alert(1)');
  await address.press('Enter');
  await expect(page.locator('.link-prompt [role=alert]')).toContainText('web address');
  await address.fill('https://example.org/privacy');
  await address.press('Enter');
  await expect(page.locator('.policy-editor a[href="https://example.org/privacy"]')).toHaveText('after the list');

  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  const saved = await app.readDocument('privacy-policy');
  expect(saved).toContain('{"kind":"list-item","list":"bullet","indent":0,"runs":[{"text":"Bold","marks":["bold"]},{"text":" italic","marks":["italic"]},{"text":" underlined","marks":["underline"]}]}');
  expect(saved).toContain('{"kind":"paragraph","runs":[{"text":"after the list","link":"https://example.org/privacy"}]}');
  await screenshot(page, 'editor-formatting');
});

test('pasted HTML keeps its formatting and lists, but never its markup or scripts', async ({ page, app, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
  await clickEndOfHeading(page, 'Who We Are');
  await page.keyboard.press('Enter');
  await page.evaluate(async () => {
    const html =
      '<p>Hello <img src="x" onerror="window.__pwned = 1"><script>window.__pwned = 2</script><b>world</b> ' +
      '<a href="javascript:window.__pwned = 3">unsafe</a> <a href="https://example.org/">safe</a></p>' +
      '<ul><li>first point</li><li><i>second</i> point</li></ul><style>p { display: none }</style>';
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/html': new Blob([html], { type: 'text/html' }),
        'text/plain': new Blob(['Hello world unsafe safe\nfirst point\nsecond point'], { type: 'text/plain' }),
      }),
    ]);
  });
  await page.keyboard.press('Control+v');
  await expect(page.locator('.policy-editor .list-item.bullet', { hasText: 'second point' })).toBeVisible();
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('.policy-editor img, .policy-editor script, .policy-editor style').count()).toBe(0);
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  const saved = await app.readDocument('privacy-policy');
  expect(saved).toContain('{"kind":"paragraph","runs":[{"text":"Hello "},{"text":"world","marks":["bold"]},{"text":" unsafe "},{"text":"safe","link":"https://example.org/"}]}');
  expect(saved).toContain('{"kind":"list-item","list":"bullet","indent":0,"runs":[{"text":"first point"}]}');
  expect(saved).toContain('{"kind":"list-item","list":"bullet","indent":0,"runs":[{"text":"second","marks":["italic"]},{"text":" point"}]}');
  expect(saved).not.toContain('javascript:');
});

test('Tab on the first section explains why it cannot be demoted', async ({ page }) => {
  await clickEndOfHeading(page, 'Who We Are');
  await page.keyboard.press('Tab');
  await expect(page.locator('.status-bar')).toContainText('cannot be demoted');
  await expect(heading(page, 'Who We Are').getByTestId('section-number')).toHaveText('1.');
});

test('a numbered list keeps counting across the editor’s chunks, and renumbers when an item goes', async ({ page }) => {
  // In the sample, the fourth step of "How to Exercise Your Rights" is the first block of a new chunk of the editor.
  const steps = page.locator('.policy-editor .list-item.number', { hasText: /email privacy@|tell us which right|confirm your identity|expect a reply/ });
  await expect(steps).toHaveCount(4);
  await expect(steps.nth(3)).toHaveAttribute('data-number', '4.');
  const numbers = await steps.evaluateAll((items) => items.map((item) => getComputedStyle(item, '::before').content));
  expect(numbers).toEqual(['"1."', '"2."', '"3."', '"4."']);
  // Join the second step into the first: the later steps move up by one.
  await steps.nth(1).click();
  await page.keyboard.press('Home');
  await page.keyboard.press('Backspace');
  await expect(steps.nth(2)).toHaveAttribute('data-number', '3.');
  await page.keyboard.press('Control+z');
  await expect(steps.nth(3)).toHaveAttribute('data-number', '4.');
});

// Once the document is drawn, the code of the first Enter runs once in an editor of its own, out of view
// (renderer/editor/rehearsal.tsx): it must leave nothing behind, in the page, the document or its undo history.
test('the rehearsal of the first Enter leaves nothing behind', async ({ page, app }) => {
  const before = await app.readDocument('privacy-policy');
  await expect.poll(() => page.evaluate(() => performance.getEntriesByName('Policywright: Enter rehearsal').length), { timeout: 20_000 }).toBe(1);
  // All of its Enters were made (REHEARSAL_ENTERS, renderer/editor/rehearsal.tsx): it fails silently, so this is where a failure shows.
  const measure = await page.evaluate(() => (performance.getEntriesByName('Policywright: Enter rehearsal')[0] as PerformanceMeasure).detail);
  expect(measure).toEqual({ enters: 12 });
  await expect(page.locator('.enter-rehearsal')).toHaveCount(0);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  await expect(page.getByText(/Rehearsal paragraph/)).toHaveCount(0);
  // Nothing to undo: the rehearsal's Enters were not the document's.
  await clickEndOfHeading(page, 'Who We Are');
  await page.keyboard.press('Control+z');
  await expect(heading(page, 'Who We Are')).toBeVisible();
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  // The first Enter of the session splits the heading's section as ever, and only the document's own text is saved.
  await page.keyboard.type(' today');
  await page.keyboard.press('Enter');
  await page.keyboard.type('A new paragraph.');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  const after = await app.readDocument('privacy-policy');
  expect(after).toContain('"text":"Who We Are today"');
  expect(after).toContain('A new paragraph.');
  expect(after).not.toContain('Rehearsal');
  expect(after.length - before.length).toBeLessThan(400);
});
