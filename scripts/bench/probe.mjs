/* global window, document, requestAnimationFrame, MutationObserver, getComputedStyle */
// Code that runs inside the benchmarked page (installed with context.addInitScript before any of the page's own
// scripts). It must stay self-contained: Playwright sends the function's source text, not its closure.

/**
 * Installs window.__bench:
 * - every keydown (captured before the editor sees it) takes performance.now(); the next requestAnimationFrame
 *   callback after it posts one message, and the time that message arrives counts as painted (the frame that shows
 *   the key has been produced by then). One sample per keydown, tagged with the current phase.
 * - firstScreen: once the first section heading is inside the editor, the same rAF + message gives the time at which
 *   the document's first screen was painted, from navigation start (performance.now()), in an editor that takes input;
 *   if the first heading is still skipped by content-visibility then, the next frame's time counts instead.
 * - open: the same, once both the first and the last section heading are inside the editor: every block is in the
 *   page (an editor that mounts a long document progressively gets there after its first screen).
 * - long tasks (over 50 ms), with their start times, for attributing stalls afterwards.
 */
export function installProbe({ firstId, lastId }) {
  if (window.top !== window) return;
  const bench = {
    phase: 'load',
    phases: [{ phase: 'load', at: 0 }],
    samples: [],
    waiters: new Set(),
    open: null,
    longTasks: [],
  };
  window.__bench = bench;

  const afterPaint = (callback) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        callback(performance.now());
      };
      channel.port2.postMessage(0);
    });

  bench.setPhase = (phase) => {
    bench.phase = phase;
    bench.phases.push({ phase, at: performance.now() });
  };

  window.addEventListener(
    'keydown',
    (event) => {
      const handled = performance.now();
      const start = event.timeStamp;
      const phase = bench.phase;
      const key = event.key;
      afterPaint((painted) => {
        bench.samples.push({ phase, key, start, queued: handled - start, ms: painted - start });
        for (const waiter of [...bench.waiters]) waiter();
      });
    },
    true,
  );

  /** Resolves once at least n samples exist; rejects after timeoutMs (a key that never painted). */
  bench.waitForSamples = (n, timeoutMs) =>
    new Promise((resolve, reject) => {
      if (bench.samples.length >= n) return resolve(bench.samples.length);
      const timer = setTimeout(() => {
        bench.waiters.delete(check);
        reject(new Error(`only ${bench.samples.length} of ${n} key samples after ${timeoutMs} ms`));
      }, timeoutMs);
      function check() {
        if (bench.samples.length < n) return;
        clearTimeout(timer);
        bench.waiters.delete(check);
        resolve(bench.samples.length);
      }
      bench.waiters.add(check);
    });

  const inEditor = (id) => document.querySelector(`[data-slate-editor] [data-section-id="${id}"]`);
  const shownOnScreen = (element) =>
    Boolean(element) && (typeof element.checkVisibility !== 'function' || element.checkVisibility({ contentVisibilityAuto: true }));
  /**
   * Waits (from the first time `ready()` holds) for the frame that shows the first section, allowing a few frames for
   * content-visibility to draw it; then records the times under `bench[key]`.
   */
  const whenPainted = (key, ready) => {
    let found = false;
    const observer = new MutationObserver(() => {
      if (found || !ready()) return;
      found = true;
      observer.disconnect();
      const present = performance.now();
      let frames = 0;
      const settle = (painted) => {
        frames++;
        const editor = document.querySelector('[data-slate-editor]');
        const shown = shownOnScreen(inEditor(firstId)) && Boolean(editor?.isContentEditable);
        if (shown || frames >= 10) bench[key] = { present, painted, frames, shown };
        else afterPaint(settle);
      };
      afterPaint(settle);
    });
    observer.observe(document, { childList: true, subtree: true });
  };
  // The first screen: the document's first section painted in an editor that takes input. What a person waits for.
  whenPainted('firstScreen', () => inEditor(firstId));
  // Every block of the document in the page: the first section and the last one both inside the editor.
  whenPainted('open', () => inEditor(firstId) && inEditor(lastId));

  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, ms: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // Long tasks are a diagnostic only.
  }

  /** The editor's top-level blocks in document order (the generated document has no inline elements). */
  bench.blocks = () => [...document.querySelectorAll('[data-slate-editor] [data-slate-node="element"]')];
  bench.blockAfterHeading = (id) => {
    const blocks = bench.blocks();
    const index = blocks.findIndex((el) => el.getAttribute('data-section-id') === id);
    return index < 0 ? null : { index: index + 1, element: blocks[index + 1] ?? null };
  };
  bench.describe = () => {
    const editor = document.querySelector('[data-slate-editor]');
    // Every node under the editor, text nodes included: what React walks on each commit while the editor has focus.
    let editorNodes = 0;
    if (editor) for (const walker = document.createTreeWalker(editor); walker.nextNode(); ) editorNodes++;
    return {
      editorNodes,
      domNodes: document.getElementsByTagName('*').length,
      blocks: bench.blocks().length,
      contentVisibilityAuto: editor
        ? [...editor.querySelectorAll('*')].filter((el) => getComputedStyle(el).contentVisibility === 'auto').length
        : 0,
    };
  };
}
