import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { Page } from '@playwright/test';
import { ROOT, clickEndOfHeading, expect, heading, screenshot, startApp, test, type RunningApp } from './fixtures';

const editor = (page: Page) => page.locator('.policy-editor');

/** The selected words, when they are in view in the page; null when nothing is selected or it is out of view. */
function selectedInView(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0) return null;
    const rect = selection.getRangeAt(0).getBoundingClientRect();
    const page = document.querySelector('.page-scroll')?.getBoundingClientRect();
    return page && rect.height > 0 && rect.top >= page.top && rect.bottom <= page.bottom ? selection.toString() : null;
  });
}

test('the Terms tab lists the defined terms; a click selects the definition, a use shows it on hover', async ({ page }) => {
  await page.getByRole('tab', { name: 'Terms' }).click();
  const panel = page.getByRole('complementary', { name: 'Terms' });
  const dpo = panel.getByRole('listitem').filter({ has: page.getByRole('button', { name: 'DPO', exact: true }) });
  await expect(dpo).toContainText('1.2 Our Data Protection Officer');
  await expect(panel.getByRole('listitem').filter({ has: page.getByRole('button', { name: 'Service', exact: true }) })).toContainText(/used \d+ times/);
  await screenshot(page, 'terms-panel');
  // The side panels' tabs, Terms among them, keep to two rows in a 1440-pixel window.
  expect(page.viewportSize()?.width).toBe(1440);
  const rows = await page.getByRole('tablist', { name: 'Side panels' }).getByRole('tab').evaluateAll((tabs) => new Set(tabs.map((tab) => (tab as HTMLElement).offsetTop)).size);
  expect(rows).toBeLessThanOrEqual(2);

  // The term goes to its definition: the page shows that section, with the term's words selected.
  await editor(page).press('Control+End');
  await dpo.getByRole('button', { name: 'DPO', exact: true }).click();
  await expect(editor(page)).toBeFocused();
  await expect.poll(() => selectedInView(page)).toBe('DPO');

  // A use, from the term's list of uses.
  const service = panel.getByRole('listitem').filter({ has: page.getByRole('button', { name: 'Service', exact: true }) });
  await service.getByText('Uses of “Service”').click();
  const uses = service.getByRole('listitem');
  const last = uses.last();
  await last.getByRole('button').click();
  await expect.poll(() => selectedInView(page)).toMatch(/^Services?$/u);
  // A section with several uses is one line: each click goes on to its next use.
  const several = uses.filter({ hasText: /\(\d+\)$/u }).first();
  const caret = () => page.evaluate(() => JSON.stringify(window.getSelection()?.getRangeAt(0).getBoundingClientRect()));
  await several.getByRole('button').click();
  await expect.poll(() => selectedInView(page)).toMatch(/^Services?$/u);
  const first = await caret();
  await several.getByRole('button').click();
  await expect.poll(caret).not.toBe(first);
  await expect.poll(() => selectedInView(page)).toMatch(/^Services?$/u);

  // Hovering a use in the page shows the definition.
  const box = await page.evaluate(() => {
    const root = document.querySelector('.policy-editor');
    const walker = document.createTreeWalker(root as Node, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const at = text.search(/\bService\b/u);
      if (at < 0 || (node.parentElement?.closest('h1, h2, h3, h4, .section-heading') ?? null) !== null) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 'Service'.length);
      const rect = range.getBoundingClientRect();
      if (rect.top < 80 || rect.bottom > window.innerHeight - 40 || rect.width === 0) continue;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    return null;
  });
  expect(box, 'a use of "Service" in view').not.toBeNull();
  await page.mouse.move((box?.x ?? 0) - 200, box?.y ?? 0);
  await page.mouse.move(box?.x ?? 0, box?.y ?? 0, { steps: 4 });
  const tip = page.getByRole('tooltip');
  await expect(tip).toBeVisible();
  await expect(tip).toContainText('Service');
  await expect(tip).toContainText('This Privacy Policy explains how Northwind Analytics');
  await screenshot(page, 'terms-hover');
  await page.mouse.move(5, 5);
  await expect(tip).toBeHidden();

  // With the Terms tab put away, a term defined just now shows on hover too, once typing pauses.
  await page.getByRole('tab', { name: 'Document' }).click();
  await clickEndOfHeading(page, 'Who We Are');
  await page.keyboard.press('Enter');
  await page.keyboard.type('A “Gizmo” means a widget we make. Each Gizmo is ours.');
  const gizmo = page.locator('.policy-editor').getByText('Each Gizmo is ours.', { exact: false });
  await expect.poll(async () => {
    const word = await gizmo.evaluate((element) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node.textContent ?? '').indexOf('Each Gizmo');
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at + 5);
        range.setEnd(node, at + 10);
        const rect = range.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      return null;
    });
    if (!word) return '';
    await page.mouse.move(word.x, word.y - 3);
    await page.mouse.move(word.x, word.y);
    return (await tip.isVisible()) ? await tip.innerText() : '';
  }, { timeout: 10_000 }).toContain('A “Gizmo” means a widget we make.');
});

test('a finding dismissed with a reason stays dismissed after a reload, and can be restored', async ({ page, app }) => {
  await page.getByRole('tab', { name: 'Check' }).click();
  const panel = page.getByRole('complementary', { name: 'Check' });
  const finding = panel.getByRole('button', { name: /^Warning: 1\.1 “Data Processing Addendum”/u });
  await expect(finding).toBeVisible();
  await panel.getByRole('button', { name: /^Dismiss: “Data Processing Addendum”/u }).click();
  const reason = panel.getByRole('textbox', { name: 'Why dismiss this finding?' });
  await expect(reason).toBeFocused();
  await reason.fill('The name of our contract with customers, not a defined term.');
  await screenshot(page, 'check-dismiss-reason');
  await reason.press('Enter');
  await expect(finding).toHaveCount(0);
  await expect(panel.getByText('Dismissed (1)')).toBeFocused();
  const saved = JSON.parse(await fs.readFile(path.join(app.projectDir, 'checks.json'), 'utf8'));
  expect(saved.dismissed).toMatchObject([{ document: 'privacy-policy', rule: 'undefined-term', excerpt: 'Data Processing Addendum', reason: 'The name of our contract with customers, not a defined term.' }]);

  await page.goto(app.origin);
  await page.getByRole('tab', { name: 'Check' }).click();
  await expect(panel.getByRole('status')).toHaveText(/warning/);
  await expect(finding).toHaveCount(0);
  await panel.getByText('Dismissed (1)').click();
  await expect(panel.getByText('Reason: The name of our contract with customers, not a defined term.')).toBeVisible();
  await screenshot(page, 'check-dismissed');

  await panel.getByRole('button', { name: /^Restore: “Data Processing Addendum”/u }).click();
  await expect(finding).toBeVisible();
  await expect(panel.getByText(/^Dismissed \(/u)).toHaveCount(0);
  expect(JSON.parse(await fs.readFile(path.join(app.projectDir, 'checks.json'), 'utf8')).dismissed).toEqual([]);
});

/** Takes the Data Retention section (and its subsections) out of the sample privacy policy on disk. */
async function removeRetention(app: RunningApp): Promise<void> {
  const file = path.join(app.projectDir, 'documents', 'privacy-policy.policy.json');
  const doc = JSON.parse(await fs.readFile(file, 'utf8')) as { blocks: Array<{ kind: string; id?: string; level?: number }> };
  const start = doc.blocks.findIndex((b) => b.kind === 'heading' && b.id === 's-k6lrxk1pmo');
  const level = doc.blocks[start]?.level ?? 1;
  const end = doc.blocks.findIndex((b, i) => i > start && b.kind === 'heading' && (b.level ?? 1) <= level);
  expect(start).toBeGreaterThan(0);
  doc.blocks.splice(start, end - start);
  await fs.writeFile(file, JSON.stringify(doc, null, 2));
}

test('the coverage map of the sample without its retention section shows that disclosure missing', async ({ page, app }) => {
  await removeRetention(app);
  await page.goto(app.origin);
  await expect(page.getByRole('textbox', { name: 'Policy text' })).toBeVisible();
  await page.getByRole('tab', { name: 'Check' }).click();
  const panel = page.getByRole('complementary', { name: 'Check' });
  const law = panel.getByRole('checkbox', { name: 'EU GDPR' });
  await law.click();
  await expect(law).toBeChecked();
  const gdpr = panel.locator('.coverage-law', { has: page.getByRole('heading', { name: /^EU GDPR: information to be provided/u }) });
  const retention = gdpr.getByRole('listitem').filter({ hasText: 'How long the data are kept' });
  await expect(retention).toContainText('Missing');
  await expect(retention).toContainText(/The clause “[^”]+” makes it\./u);
  await expect(gdpr.getByRole('listitem').filter({ hasText: 'The right to complain' })).toContainText('Covered');
  await expect(gdpr.getByRole('heading', { level: 4 })).toContainText('12 of 14 made');
  // Picking the law saved it, and acknowledged the checklist as shipped: nothing is flagged new.
  const saved = JSON.parse(await fs.readFile(path.join(app.projectDir, 'checks.json'), 'utf8'));
  expect(saved.laws).toEqual({ 'privacy-policy': ['gdpr'] });
  expect(saved.acknowledged.map((a: { id: string; version: number }) => [a.id, a.version])).toEqual([['gdpr', 1]]);
  await expect(panel.locator('.coverage-badge')).toHaveCount(0);
  await retention.scrollIntoViewIfNeeded();
  await screenshot(page, 'check-coverage-missing');

  // A covered one shows its section.
  await gdpr.getByRole('listitem').filter({ hasText: 'The right to complain' }).getByRole('button').click();
  await expect(heading(page, 'Complaints')).toBeInViewport();

  // The missing one's clause, added as the last section, makes it; one undo takes it back.
  await retention.getByRole('button', { name: 'Add it as the last section' }).click();
  await expect(retention).toContainText('Covered');
  await expect(heading(page, await retention.locator('.coverage-where').innerText().then((t) => t.replace(/^\d+ /u, '')))).toBeInViewport();
  await screenshot(page, 'check-coverage-clause-added');
  await editor(page).press('Control+z');
  await expect(retention).toContainText('Missing');
});

/** The shipped checklists as a later release would have them: the GDPR's retention duty reworded, one duty added. */
async function laterChecklists(home: string): Promise<string> {
  const dir = path.join(home, 'later-checklists');
  await fs.cp(path.join(ROOT, 'assets', 'checklists'), dir, { recursive: true });
  const file = path.join(dir, 'gdpr.json');
  const gdpr = JSON.parse(await fs.readFile(file, 'utf8')) as { version: number; requirements: Array<{ id: string; title: string; description: string; changed?: number }> };
  const next = gdpr.version + 1;
  const requirements = gdpr.requirements.map((r) => (r.id === 'retention' ? { ...r, description: `${r.description} Or the criteria used to set it.`, changed: next } : r));
  const first = gdpr.requirements[0];
  requirements.push({ ...(first as (typeof requirements)[number]), id: 'eu-representative', title: 'The representative in the Union', changed: next });
  await fs.writeFile(file, JSON.stringify({ ...gdpr, version: next, requirements }, null, 2));
  return dir;
}

test('a later release of a checklist marks its new and changed requirements until they are marked as reviewed', async ({ page, app }) => {
  await page.getByRole('tab', { name: 'Check' }).click();
  const panel = page.getByRole('complementary', { name: 'Check' });
  const law = panel.getByRole('checkbox', { name: 'EU GDPR' });
  await law.click();
  await expect(law).toBeChecked();
  await expect(panel.locator('.coverage-law h4')).toContainText('of 14 made');
  await expect(panel.locator('.coverage-badge')).toHaveCount(0);

  // The same project, opened by the later release.
  const later = await startApp(app.projectDir, path.join(app.home, 'later-home'), ['--port', '0'], { POLICYWRIGHT_CHECKLISTS: await laterChecklists(app.home) });
  try {
    await page.goto(later.url);
    await page.getByRole('tab', { name: 'Check' }).click();
    await expect(panel.locator('.coverage-law h4')).toContainText('of 15 made');
    await expect(panel.getByRole('status').filter({ hasText: 'Updated to version 2' })).toHaveText('Updated to version 2 since you last reviewed it: 1 new requirement, 1 changed requirement. Mark as reviewed');
    await expect(panel.getByRole('listitem').filter({ hasText: 'The representative in the Union' }).locator('.coverage-badge')).toHaveText('New');
    await expect(panel.getByRole('listitem').filter({ hasText: 'How long the data are kept' }).locator('.coverage-badge')).toHaveText('Changed');
    await panel.getByRole('listitem').filter({ hasText: 'How long the data are kept' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'check-checklist-updated');

    await panel.getByRole('button', { name: 'Mark as reviewed' }).click();
    await expect(panel.locator('.coverage-badge')).toHaveCount(0);
    const saved = JSON.parse(await fs.readFile(path.join(app.projectDir, 'checks.json'), 'utf8'));
    expect(saved.acknowledged.map((a: { id: string; version: number }) => [a.id, a.version])).toEqual([['gdpr', 2]]);
  } finally {
    const exited = new Promise((resolve) => later.child.once('exit', resolve));
    later.child.kill('SIGTERM');
    await exited;
  }
});

test('the defined terms are not read again between the keys of quick typing, only once it pauses', async ({ page }) => {
  const readings = () => page.evaluate(() => performance.getEntriesByName('policywright:terms-read').map((mark) => mark.startTime));
  // The pointer comes over the page (which keeps the terms fresh for its tooltips), and the typing starts at once.
  await heading(page, 'Who We Are').locator('.section-title').click();
  await page.keyboard.press('End');
  const started = await page.evaluate(() => performance.now());
  // Two and a half seconds of quick typing: the page holds the letters' render (up to a second at a time).
  await page.keyboard.type('x'.repeat(160), { delay: 15 });
  const ended = await page.evaluate(() => performance.now());
  expect(ended - started, 'the typing lasted over two seconds').toBeGreaterThan(2000);
  const during = (await readings()).filter((at) => at > started && at < ended);
  expect(during, 'readings of the terms while the keys came').toEqual([]);
  // Once the typing pauses, the terms are read again (the new words may define or use a term).
  await expect.poll(async () => (await readings()).filter((at) => at >= ended).length, { timeout: 5000 }).toBeGreaterThan(0);
});
