// The browser half of the compare rows: the bench project's document is saved as a version, edited as in
// compare.mjs (2% of words, 20 moved sections), and the app's side-by-side comparison of the two is opened in
// Chromium and scrolled. Opening is timed from the click on "Compare with draft" to the first frame that shows rows;
// scrolling records the time between animation frames while the view scrolls from top to bottom.
/* global document, requestAnimationFrame -- inside page.evaluate callbacks, which run in the page */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { sessionContext } from './app-session.mjs';
import { editEdition } from './compare.mjs';
import { loadShared, ROOT } from './load-shared.mjs';

export const COMPARE_VIEW_TARGETS = { 'compare.open.ms': 1500 };

const OPENS = 3;
const SCROLL_FRAMES = 180;
/** About three notches of a mouse wheel per frame: quick reading, not a fling. */
const SCROLL_STEP_PX = 150;

/** Saves the generated document as version "bench-published", then writes the edited edition as the draft. */
export async function prepareComparedProject(projectDir, documentFile, seed) {
  const shared = await loadShared([
    "export { PolicyDocumentSchema } from './shared/model/document';",
    "export { serializeDocument } from './shared/format/serialize';",
    "export { seeded } from './shared/testing/seeded-random';",
  ]);
  execFileSync(process.execPath, [path.join(ROOT, 'bin', 'policywright.mjs'), 'version', projectDir, '--name', 'bench-published', '--author', 'Bench'], { stdio: 'ignore' });
  const doc = shared.PolicyDocumentSchema.parse(JSON.parse(await fs.readFile(documentFile, 'utf8')));
  const edited = shared.PolicyDocumentSchema.parse(editEdition(doc, shared.seeded(seed + 1)));
  await fs.writeFile(documentFile, shared.serializeDocument(edited));
}

/** `session` is the app's root and session cookie, from appSession. */
export async function measureCompareView(browser, session, viewport, log = console.log) {
  const opens = [];
  const problems = [];
  let scroll = null;
  for (let i = 0; i < OPENS; i++) {
    const context = await sessionContext(browser, session, { viewport });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(session.url);
    await page.getByRole('textbox', { name: 'Policy text' }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Versions…' }).click();
    await page.getByRole('button', { name: 'Compare with draft' }).waitFor();
    const opened = await page.evaluate(async () => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Compare with draft');
      const start = performance.now();
      button.click();
      await new Promise((resolve) => {
        const check = () => (document.querySelector('.compare-view .cmp-row') ? resolve() : requestAnimationFrame(check));
        check();
      });
      // The frame that shows the rows has been painted once the next one starts.
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      return {
        ms: performance.now() - start,
        api: performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/api/compareDocuments')).map((e) => ({ start: e.startTime, ms: e.duration, kb: e.encodedBodySize / 1024 }))[0] ?? null,
        started: start,
        rows: document.querySelectorAll('.compare-view .cmp-row').length,
        total: Number(document.querySelector('.count-changed strong')?.textContent ?? 0) + Number(document.querySelector('.count-unchanged strong')?.textContent ?? 0) + Number(document.querySelector('.count-moved strong')?.textContent ?? 0),
        summary: document.querySelector('.summary-counts')?.textContent ?? '',
      };
    });
    opens.push(opened.ms);
    const api = opened.api ? `; the request took ${opened.api.ms.toFixed(0)} ms from ${(opened.api.start - opened.started).toFixed(0)} ms, ${(opened.api.kb / 1024).toFixed(1)} MB` : '';
    log(`  compare view open ${i + 1}/${OPENS}: ${opened.ms.toFixed(0)} ms to the first frame with rows (${opened.rows} of them)${api}`);
    if (opened.rows < 20) problems.push(`compare view: only ${opened.rows} rows shown in the first frame`);
    if (i === OPENS - 1) {
      // Rows arrive in small tasks after the first screen; scroll once all are there.
      await page.waitForFunction((n) => document.querySelectorAll('.compare-view .cmp-row').length >= n, opened.total, { timeout: 60_000 });
      scroll = await page.evaluate(async ([frames, step]) => {
        const scroller = document.querySelector('.compare-scroll');
        scroller.scrollTop = scroller.scrollHeight / 2;
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        const gaps = [];
        let last = performance.now();
        for (let f = 0; f < frames; f++) {
          scroller.scrollTop += step;
          await new Promise((resolve) => requestAnimationFrame(resolve));
          const now = performance.now();
          gaps.push(now - last);
          last = now;
        }
        return { gaps, height: scroller.scrollHeight };
      }, [SCROLL_FRAMES, SCROLL_STEP_PX]);
      const sorted = [...scroll.gaps].sort((a, b) => a - b);
      scroll.p95 = sorted[Math.ceil(0.95 * sorted.length) - 1];
      scroll.p50 = sorted[Math.ceil(0.5 * sorted.length) - 1];
      scroll.long = scroll.gaps.filter((g) => g > 50).length;
      log(
        `  scrolling ${SCROLL_FRAMES} frames of ${SCROLL_STEP_PX} px from the middle of ${(scroll.height / 1000).toFixed(0)}k px: ` +
          `frame p50 ${scroll.p50.toFixed(1)} ms, p95 ${scroll.p95.toFixed(1)} ms, ${scroll.long} frames over 50 ms`,
      );
    }
    if (errors.length) problems.push(`compare view: the page reported errors: ${errors.slice(0, 3).join(' | ')}`);
    await context.close();
  }
  const sorted = [...opens].sort((a, b) => a - b);
  return {
    problems,
    rows: [
      { name: 'compare.open.ms', value: round(sorted[Math.floor(sorted.length / 2)]), unit: 'ms', peer: '(no peer: the issue names none)', peerValue: null },
      { name: 'compare.scroll.p95.ms', value: round(scroll?.p95 ?? NaN), unit: 'ms', peer: '(no peer: the issue names none)', peerValue: null },
    ],
  };
}

function round(value) {
  return Number.isFinite(value) ? Math.round(value * 10) / 10 : null;
}
