import type { Page } from '@playwright/test';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { expect, heading, screenshot, test } from './fixtures';

const SECTIONS = 700;

/** A long policy written straight into the sample's first document: 700 sections, 1,400 blocks, 30 chunks. */
function longDocument(sections = SECTIONS) {
  const blocks: unknown[] = [];
  for (let n = 1; n <= sections; n++) {
    blocks.push({ kind: 'heading', id: `s-long${String(n).padStart(4, '0')}`, level: n % 7 === 1 ? 1 : 2, runs: [{ text: `Clause ${n}` }] });
    blocks.push({ kind: 'paragraph', runs: [{ text: `Body of clause ${n}: the supplier shall keep the records described here for six years.` }] });
  }
  return { format: 1, title: 'Long Agreement', effectiveDate: null, lastUpdated: null, versionLabel: '', owner: '', numbering: 'decimal', blocks };
}

/** Slows the page's CPU so that the later chunks are still being drawn while the test acts. */
async function slowDown(page: Page, rate: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

test('while a long policy is still being drawn, a click far down and an edit that reaches the end both work', async ({ page, app }) => {
  await fs.writeFile(path.join(app.projectDir, 'documents', 'privacy-policy.policy.json'), JSON.stringify(longDocument(), null, 2));
  await slowDown(page, 6);
  await page.reload();
  await expect(heading(page, 'Clause 1')).toBeVisible();
  expect(await page.locator('.chunk.pending').count(), 'chunks still waiting to be drawn').toBeGreaterThan(0);

  // Dragging the scroll bar to the end shows boxes not drawn yet; a click there draws everything, then lands.
  await page.locator('.page-scroll').evaluate((scroller) => (scroller.scrollTop = scroller.scrollHeight));
  await page.locator('.page-scroll').click({ position: { x: 400, y: 400 } });
  await expect(page.locator('.chunk.pending')).toHaveCount(0);
  await page.keyboard.type('Typed far down.');
  await expect(page.locator('.policy-editor')).toContainText('Typed far down.');

  // Undo takes the text out again wherever it went, and the document still has every section.
  await page.keyboard.press('Control+z');
  await expect(page.locator('.policy-editor')).not.toContainText('Typed far down.');
  await expect(page.locator('.policy-editor .section-heading')).toHaveCount(SECTIONS);
});

test('a long policy shows its first screen at once and the rest follows; jumps and Ctrl+End reach its end', async ({ page, app }) => {
  await fs.writeFile(path.join(app.projectDir, 'documents', 'privacy-policy.policy.json'), JSON.stringify(longDocument(), null, 2));
  await page.reload();

  await expect(heading(page, 'Clause 1')).toBeVisible();
  // The outline knows every section from the start, whether or not its blocks are in the page yet.
  await expect(page.locator('.outline-item')).toHaveCount(SECTIONS);

  // A jump to the last section reaches it at once: whatever was not drawn yet is drawn first.
  await page.locator('.outline-item', { hasText: `Clause ${SECTIONS}` }).click();
  await expect(heading(page, `Clause ${SECTIONS}`)).toBeInViewport();
  await screenshot(page, 'long-document-end');

  // Every block ends up in the page (what the browser's find needs), in document order.
  await expect(page.locator('.policy-editor .section-heading')).toHaveCount(SECTIONS);
  const titles = await page.locator('.policy-editor .section-title').allTextContents();
  expect(titles).toEqual(Array.from({ length: SECTIONS }, (_, i) => `Clause ${i + 1}`));

  // Ctrl+End from the top goes to the very end of the document, and typing lands there.
  await heading(page, 'Clause 1').locator('.section-title').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Kept.');
  await expect(page.locator('.policy-editor p').last()).toHaveText(`Body of clause ${SECTIONS}: the supplier shall keep the records described here for six years. Kept.`);
  await expect(page.locator('.policy-editor p').last()).toBeInViewport();

  // Ctrl+Home goes back to the very start.
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('Our ');
  await expect(heading(page, 'Our Clause 1')).toBeInViewport();
});

test('blocks added, removed and moved across the chunks of a long policy stay in order, and typing lands where the caret is', async ({ page, app }) => {
  await fs.writeFile(path.join(app.projectDir, 'documents', 'privacy-policy.policy.json'), JSON.stringify(longDocument(), null, 2));
  await page.reload();
  await expect(page.locator('.policy-editor .section-heading')).toHaveCount(SECTIONS);
  const paragraphs = page.locator('.policy-editor p');

  // Clause 24's body is the last block of the first chunk of 48: Enter there makes a chunk of its own, drawn without
  // content-visibility while it holds a few blocks, and every later block moves down by one index at each Enter.
  await paragraphs.nth(23).click();
  await page.keyboard.press('End');
  for (let n = 1; n <= 5; n++) {
    await page.keyboard.press('Enter');
    await page.keyboard.type(`Added ${n}.`);
    if (n === 2) await expect(page.locator('.chunk.lowest.added')).toHaveCount(1);
  }
  // Grown past a few blocks, it is drawn as the others are: switched when the page is idle, up to 2 s later, which
  // toHaveCount waits for.
  await expect(page.locator('.chunk.lowest.added')).toHaveCount(0);
  await expect(paragraphs.nth(28)).toHaveText('Added 5.');
  await expect(paragraphs.nth(29)).toHaveText(/^Body of clause 25:/);

  // A click far below the added blocks finds its block by the index Slate now gives it.
  await paragraphs.nth(604).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Kept far down.');
  await expect(paragraphs.nth(604)).toHaveText(/^Body of clause 600: .* Kept far down\.$/);

  // Sections moved up past one another, across the added blocks' chunk.
  await heading(page, 'Clause 25').locator('.section-title').click();
  await page.keyboard.press('Alt+Shift+ArrowUp');
  const titles = () => page.locator('.policy-editor .section-title').allTextContents();
  const expected = Array.from({ length: SECTIONS }, (_, i) => `Clause ${i + 1}`);
  expect((await titles()).slice(22, 26)).toEqual(['Clause 23', 'Clause 25', 'Clause 24', 'Clause 26']);

  // Enters in the middle of a full chunk make a chunk inside it, drawn without content-visibility however it grows
  // (the chunk around it has that).
  await paragraphs.nth(10).click();
  await page.keyboard.press('End');
  for (let n = 1; n <= 6; n++) {
    await page.keyboard.press('Enter');
    await page.keyboard.type(`Inner ${n}.`);
  }
  await expect(page.locator('.chunk.lowest .chunk.lowest.added', { hasText: 'Inner 6.' })).toHaveCount(1);
  await expect(paragraphs.nth(16)).toHaveText('Inner 6.');
  await expect(paragraphs.nth(17)).toHaveText(/^Body of clause 12:/);

  // Everything undone, back to the document as it was read, block for block.
  const changed = async () =>
    /Added|Inner|Kept far down|Clause 25Clause 24/.test((await page.locator('.policy-editor').textContent()) ?? '') || (await paragraphs.count()) !== SECTIONS;
  for (let n = 0; n < 40 && (await changed()); n++) await page.keyboard.press('Control+z');
  expect(await titles()).toEqual(expected);
  await expect(paragraphs).toHaveCount(SECTIONS);
  const bodies = await paragraphs.allTextContents();
  expect(bodies).toEqual(Array.from({ length: SECTIONS }, (_, i) => `Body of clause ${i + 1}: the supplier shall keep the records described here for six years.`));
});

test('the space above a heading is the same where a chunk of blocks begins as anywhere else', async ({ page, app }) => {
  await fs.writeFile(path.join(app.projectDir, 'documents', 'privacy-policy.policy.json'), JSON.stringify(longDocument(), null, 2));
  await page.reload();
  await expect(page.locator('.policy-editor .section-heading')).toHaveCount(SECTIONS);
  // Chunks out of view are skipped by the browser, their boxes at a placeholder height: every chunk is drawn here,
  // with the same containment content-visibility gives a chunk in view.
  await page.addStyleTag({ content: '.chunk.lowest:not(.added) { content-visibility: visible !important; contain: layout style paint !important; }' });
  // From the bottom of each heading's paragraph above to the top of the heading's words, for every heading, and
  // whether the heading opens a chunk (margins do not collapse across a chunk's containment).
  const gaps = await page.locator('.policy-editor').evaluate((editor) => {
    const blocks = Array.from(editor.querySelectorAll('p, .section-heading'));
    return blocks.flatMap((heading, index) => {
      const above = blocks[index - 1];
      if (!heading.classList.contains('section-heading') || above === undefined) return [];
      const title = heading.querySelector('.section-title') as Element;
      return [{
        gap: Math.round(title.getBoundingClientRect().top - above.getBoundingClientRect().bottom),
        opensChunk: heading.parentElement?.firstElementChild === heading && heading.parentElement.classList.contains('chunk'),
      }];
    });
  });
  const atChunkStart = gaps.filter((g) => g.opensChunk);
  expect(atChunkStart.length, 'headings that open a chunk').toBeGreaterThan(5);
  expect(new Set(gaps.map((g) => g.gap)), 'every gap above a heading, in px').toEqual(new Set([gaps[0]?.gap]));
});

test('an outline of thousands of sections draws only the entries in view, and scrolling it reaches the last one', async ({ page, app }) => {
  const sections = 4000;
  await fs.writeFile(path.join(app.projectDir, 'documents', 'privacy-policy.policy.json'), JSON.stringify(longDocument(sections)));
  await page.reload();
  await expect(heading(page, 'Clause 1')).toBeVisible();
  const entries = page.locator('.outline-item');
  await expect(entries.first()).toContainText('Clause 1', { timeout: 30_000 });
  // Far fewer entries than sections are in the page, and the list is as tall as all of them would be.
  const drawn = await entries.count();
  expect(drawn).toBeGreaterThan(10);
  expect(drawn).toBeLessThan(400);
  const listHeight = await page.locator('.outline-list').evaluate((list) => list.getBoundingClientRect().height);
  expect(listHeight).toBeGreaterThan(sections * 20);

  // Scrolled to its end, the panel shows the last entries, and a click on the last one jumps there.
  await page.locator('.left-column').evaluate((column) => (column.scrollTop = column.scrollHeight));
  const last = page.locator('.outline-item', { hasText: `Clause ${sections}` });
  await expect(last).toBeVisible();
  await expect(page.locator('.outline-item', { hasText: /^.*Clause 1$/ })).toHaveCount(0);
  await screenshot(page, 'long-document-windowed-outline');
  await last.locator('.outline-link').click();
  await expect(heading(page, `Clause ${sections}`)).toBeInViewport();
});


test('a policy of over 256 kB is saved by the request worker, off the page’s own thread, and reaches the file', async ({ page, app }) => {
  const file = path.join(app.projectDir, 'documents', 'privacy-policy.policy.json');
  await fs.writeFile(file, JSON.stringify(longDocument(3000), null, 2));
  await page.reload();
  await expect(heading(page, 'Clause 1')).toBeVisible();
  await page.locator('.policy-editor p').first().click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Saved through the worker.');
  await page.keyboard.press('Control+s');
  await expect.poll(async () => (await fs.readFile(file, 'utf8')).includes('Saved through the worker.'), { timeout: 15_000 }).toBe(true);
  expect(page.workers().map((worker) => worker.url()).some((url) => /request-worker/.test(url))).toBe(true);
  // The file is whole: every section is still there after the worker's save.
  const saved = JSON.parse(await fs.readFile(file, 'utf8')) as { blocks: Array<{ kind: string }> };
  expect(saved.blocks.filter((block) => block.kind === 'heading')).toHaveLength(3000);
});
