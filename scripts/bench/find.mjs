// The find and replace rows: the bench's 100,000-word document open in the app, in Chromium.
// - find.100k.ms: from typing a common word ("the") into the find field and pressing Enter to the frame that shows
//   the count ("1 of N") with the first match selected and painted. One pass over the whole document finds every
//   match, so the first result and the full count come in the same frame: the row is both (targets 50 and 200 ms).
// - replace.100k.ms: from a click on "Replace all" for about 1,000 matches to the frame that shows the new count,
//   the whole document drawn first (as after a while open). Then a few keys are typed, to see typing is unharmed.
/* global document, requestAnimationFrame, HTMLInputElement, KeyboardEvent, CSS -- inside page.evaluate callbacks */
import * as fs from 'node:fs/promises';
import { sessionContext } from './app-session.mjs';

export const FIND_TARGETS = { 'find.100k.ms': 50, 'replace.100k.ms': 500 };

const RUNS = 3;
const REPLACE_AROUND = 1000;

/** A whole-word query matching about REPLACE_AROUND words of the document: the fewest common words that reach it. */
async function replaceQuery(documentFile) {
  const doc = JSON.parse(await fs.readFile(documentFile, 'utf8'));
  const counts = new Map();
  for (const block of doc.blocks) {
    const text = block.runs.map((run) => run.text).join('');
    for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  // Words of at least four letters between 100 and 1,000 uses, largest first, until their sum reaches the aim.
  const words = [...counts].filter(([word, n]) => word.length >= 4 && n >= 100 && n <= REPLACE_AROUND).sort((a, b) => b[1] - a[1]);
  const chosen = [];
  let total = 0;
  for (const [word, n] of words) {
    if (total + n > REPLACE_AROUND * 1.1) continue;
    chosen.push(word);
    total += n;
    if (total >= REPLACE_AROUND * 0.9) break;
  }
  return { pattern: chosen.join('|'), expected: total };
}

/** Sets a React-controlled field's value as typing does. */
function setField(label, value) {
  const field = document.querySelector(`input[aria-label="${label}"]`);
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  setter.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
  return field;
}

export async function measureFind(browser, session, { documentFile, viewport }, log = console.log) {
  const problems = [];
  const finds = [];
  const replaces = [];
  const { pattern, expected } = await replaceQuery(documentFile);
  const original = await fs.readFile(documentFile);
  for (let i = 0; i < RUNS; i++) {
    // Each run on the document as generated: the previous one replaced words in it.
    await fs.writeFile(documentFile, original);
    const context = await sessionContext(browser, session, { viewport });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(session.url);
    const editor = page.getByRole('textbox', { name: 'Policy text' });
    await editor.waitFor({ timeout: 60_000 });
    await page.locator('.policy-editor h1, .policy-editor [role="heading"]').first().click();
    await page.keyboard.press('Control+f');
    await page.getByRole('textbox', { name: 'Find', exact: true }).waitFor();

    const found = await page.evaluate(async (setFieldSource) => {
      const set = new Function(`return (${setFieldSource})`)();
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
      const start = performance.now();
      const field = set('Find', 'the');
      field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
      const count = document.querySelector('.find-count');
      while (!/^1 of \d+$/.test(count.textContent ?? '')) await frame();
      const shown = performance.now() - start;
      await frame();
      const painted = performance.now() - start;
      return { shown, painted, count: count.textContent, selected: CSS.highlights.get('find-current')?.size ?? 0 };
    }, setField.toString());
    finds.push(found.painted);
    if (found.selected !== 1) problems.push(`find: the first match was not painted as current (${found.selected} ranges)`);

    // The typed way: the search waits for a pause in the typing (SEARCH_DELAY_MS) before it runs.
    const typed = await page.evaluate(async (setFieldSource) => {
      const set = new Function(`return (${setFieldSource})`)();
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
      const count = document.querySelector('.find-count');
      set('Find', 'th');
      await new Promise((resolve) => setTimeout(resolve, 500));
      const before = count.textContent;
      const start = performance.now();
      set('Find', 'the');
      while (count.textContent === before || !/^\d+ matches$/.test(count.textContent ?? '')) await frame();
      return performance.now() - start;
    }, setField.toString());
    log(`  find ${i + 1}/${RUNS}: "the" + Enter: ${found.shown.toFixed(0)} ms to "${found.count}" in the page, ${found.painted.toFixed(0)} ms to its frame; typed without Enter: ${typed.toFixed(0)} ms (the search waits for a pause in the typing)`);

    // Replace all, with everything drawn first.
    await page.waitForFunction(() => document.querySelectorAll('.chunk.pending').length === 0, null, { timeout: 60_000 });
    await page.keyboard.press('Control+h');
    await page.getByRole('button', { name: 'Regular expression' }).click();
    await page.getByRole('button', { name: 'Whole word' }).click();
    await page.getByRole('textbox', { name: 'Find', exact: true }).fill(pattern);
    await page.getByRole('textbox', { name: 'Replace with' }).fill('REPLACED');
    // The count of the new query, not the one still shown from the last until the search runs.
    await page.locator('.find-count').filter({ hasText: new RegExp(`^${expected} matches$`) }).waitFor({ timeout: 10_000 });
    const before = await page.locator('.find-count').textContent();
    const replaced = await page.evaluate(async () => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Replace all');
      const start = performance.now();
      button.click();
      while (!document.querySelector('.find-notice')) await frame();
      const shown = performance.now() - start;
      await frame();
      return { shown, painted: performance.now() - start, notice: document.querySelector('.find-notice').textContent };
    });
    replaces.push(replaced.painted);
    log(`  replace all ${i + 1}/${RUNS}: ${before} of /${pattern}/ (about ${expected} expected): ${replaced.painted.toFixed(0)} ms to the frame after "${replaced.notice}"`);
    if (!/^Replaced \d+ matches\./.test(replaced.notice)) problems.push(`replace all: unexpected notice "${replaced.notice}"`);

    // Typing afterwards: a few keys in the document, each to its frame.
    await page.keyboard.press('Escape');
    const keys = [];
    for (const key of 'typing after') {
      const t = await page.evaluate(() => performance.now());
      await page.keyboard.type(key);
      keys.push((await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now()))))) - t);
    }
    keys.sort((a, b) => a - b);
    log(`    then typing ${keys.length} keys: median ${keys[Math.floor(keys.length / 2)].toFixed(1)} ms, slowest ${keys.at(-1).toFixed(1)} ms to the next frame (from the harness, so an upper bound)`);
    if (errors.length) problems.push(`find: the page reported errors: ${errors.slice(0, 3).join(' | ')}`);
    // Saved before the page goes, so that no late save overwrites the next run's fresh copy.
    await page.keyboard.press('Control+s');
    const deadline = Date.now() + 15_000;
    while (!(await fs.readFile(documentFile, 'utf8')).includes('typing after') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    await context.close();
  }
  await fs.writeFile(documentFile, original);
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const row = (name, value) => ({ name, value: round(value), unit: 'ms', peer: '(no peer: the issue names none)', peerValue: null });
  return {
    problems,
    rows: [row('find.100k.ms', median(finds)), row('replace.100k.ms', median(replaces))],
  };
}

function round(value) {
  return Number.isFinite(value) ? Math.round(value * 10) / 10 : null;
}
