/**
 * The first Enter of a session ran code no key had run before it: Slate splitting a block, React mounting the new one,
 * slate-react's chunk tree taking it in, all in V8's interpreter. It took twice a later Enter or more (30 ms against
 * 8–10 in `npm run bench`, the second Enter still 14–16 ms), and was the one key of a session that missed its frame.
 *
 * So once the document is all in the page and the window is idle, a rehearsal runs that same code to one side: an
 * editor built as the document's is (createPolicyEditor, the same renderers), on paragraphs of its own, drawn read-only
 * in a closed shadow root out of view (no query of the page, no screen reader and no focus reaches it), with Enter
 * pressed and letters typed in it a few times, in suggesting mode too, in idle moments of a pause in the person's own
 * typing. Then it goes; a first round, in an editor of its own taken out before it, keeps that going from undoing what
 * the rehearsal did (FIRST_ROUND_ENTERS). It shares nothing with the document's editor: not its value, its history, its
 * saves or its selection (an editor without focus never touches the page's selection).
 */
import { createRoot, type Root } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { Editor, Transforms, type Descendant } from 'slate';
import { Editable, Slate } from 'slate-react';
import { onIdle } from '../common/tasks';
import type { ChunkMounter } from './chunk-mounter';
import { createPolicyEditor } from './create-editor';
import { renderChunk, renderElement, renderLeaf, renderText } from './elements';
import { setSuggesting } from './suggesting';
import type { PolicyEditor } from './types';

/** Paragraphs in the rehearsal: more than one chunk of the chunk tree (48 blocks), as a real document has. */
const PARAGRAPHS = 60;
/**
 * Enters pressed: enough for V8 to move the code past its interpreter, each of the three kinds (in the middle, at the
 * end, at the start of a paragraph) at least twice. The last ones are made in suggesting mode.
 */
export const REHEARSAL_ENTERS = 12;
const SUGGESTING_FROM = 6;
/**
 * The Enters of a first round, in an editor of its own, before the rehearsal's. Taking an editor out of the page (its
 * React root unmounted) runs code no key runs: at the end of a single round it deoptimized React's beginWork (at the
 * root's state, which the unmount sets to no element) and completeWork, the two functions every render goes through.
 * V8 optimized them again only five or six Enters into the person's own, and not at all in the 240 letters typed
 * before them (`--js-flags=--trace-opt --trace-deopt`), and those Enters took a millisecond more than the later ones.
 * After a first round of six Enters has been taken out, the rehearsal's own optimize them again, and taking the
 * rehearsal out deoptimizes nothing more (three runs of three; after a first round of three it still did).
 */
const FIRST_ROUND_ENTERS = 6;

/**
 * The name of the performance measure each rehearsal leaves, from its start to its end; its detail says how many of
 * its Enters were made, first round not counted (`{ enters }`): fewer than REHEARSAL_ENTERS when it was called off or
 * failed.
 */
export const REHEARSAL_MEASURE = 'Policywright: Enter rehearsal';

let rehearsed = false;

/** Rehearses once per page, after the mounter has drawn the whole document; the returned function calls it off. */
export function rehearseWhenDrawn(mounter: ChunkMounter): () => void {
  if (rehearsed || !rehearsalIsSafeHere()) return () => undefined;
  let stopped = false;
  let unsubscribe: () => void = () => undefined;
  // The person's input is noted from the open on: a long policy is still being drawn while they type.
  const input = noteInput();
  const begin = () => {
    if (stopped || rehearsed || !mounter.complete) return;
    rehearsed = true;
    unsubscribe();
    // A failed rehearsal has only failed to make the first Enter faster.
    void rehearse(() => stopped, input.last)
      .catch(() => undefined)
      .finally(input.stop);
  };
  unsubscribe = mounter.subscribe(begin);
  begin();
  return () => {
    stopped = true;
    unsubscribe();
    if (!rehearsed) input.stop();
  };
}

/** When the person last pressed a key, clicked or scrolled (a performance.now() time), until `stop`. */
function noteInput(): { last: () => number; stop: () => void } {
  let last = -Infinity;
  const note = () => (last = performance.now());
  const types = ['keydown', 'pointerdown', 'wheel'] as const;
  for (const type of types) window.addEventListener(type, note, { capture: true, passive: true });
  return {
    last: () => last,
    stop: () => {
      for (const type of types) window.removeEventListener(type, note, { capture: true });
    },
  };
}

/**
 * Not in Safari: there slate-react answers any selection change in the page, for an editor in a shadow root, with an
 * `execCommand('indent')` on whatever has the focus, which would be the document's editor. Chromium (the app's own
 * window, and the browsers the web host is opened in most) has no such path.
 */
function rehearsalIsSafeHere(): boolean {
  const agent = typeof navigator === 'undefined' ? '' : navigator.userAgent;
  return !(/AppleWebKit/.test(agent) && !/Chrome|Chromium/.test(agent));
}

/**
 * How long after the person's last key, click or scroll a step may run, and the room an idle moment must still have
 * for one: a step is cold code (a few milliseconds, a warm one about one), which a key pressed meanwhile would wait
 * for. A longer wait was worse: the rehearsal then ran in the pause before a person's Enter rather than long before it,
 * and that Enter, after it, was slower (12.3 against 9.4 ms, the mean of six first Enters after a typing pause each).
 */
const QUIET_MS = 100;
const STEP_ROOM_MS = 12;

/**
 * An idle moment with room for a step, at least QUIET_MS after the person's last input (a performance.now() time);
 * null once the rehearsal is called off.
 */
async function quietMoment(lastInput: () => number, stopped: () => boolean): Promise<{ deadline?: IdleDeadline } | null> {
  for (;;) {
    const deadline = await idle();
    if (stopped()) return null;
    const since = performance.now() - lastInput();
    if (since >= QUIET_MS && hasRoom(deadline)) return { deadline };
    if (since < QUIET_MS) await new Promise((resolve) => setTimeout(resolve, QUIET_MS - since));
  }
}

/** Whether an idle moment has room for one more step (one without a deadline, from the fallback timer, has). */
function hasRoom(deadline: IdleDeadline | undefined): boolean {
  return deadline === undefined || deadline.timeRemaining() > STEP_ROOM_MS;
}

function idle(): Promise<IdleDeadline | undefined> {
  return new Promise((resolve) =>
    onIdle((deadline) => {
      resolve(deadline);
      return false;
    }),
  );
}

function paragraphs(count: number): Descendant[] {
  return Array.from({ length: count }, (_, i) => ({ type: 'paragraph', children: [{ text: `Rehearsal paragraph ${i}, which says nothing.` }] }) as Descendant);
}

async function rehearse(stopped: () => boolean, lastInput: () => number): Promise<void> {
  const start = performance.now();
  let enters = 0;
  try {
    if ((await round(FIRST_ROUND_ENTERS, stopped, lastInput)) < FIRST_ROUND_ENTERS || stopped()) return;
    enters = await round(REHEARSAL_ENTERS, stopped, lastInput);
  } finally {
    // In the Performance panel of the developer tools, and how a test knows it ran.
    performance.measure(REHEARSAL_MEASURE, { start, end: performance.now(), detail: { enters } });
  }
}

/** One editor, drawn out of view, `count` Enters made in it, and taken out again; resolves with the Enters made. */
async function round(count: number, stopped: () => boolean, lastInput: () => number): Promise<number> {
  const host = document.createElement('div');
  host.className = 'enter-rehearsal';
  host.setAttribute('aria-hidden', 'true');
  host.inert = true;
  host.style.cssText = 'position:fixed;left:-10000px;top:0;width:640px;height:320px;overflow:hidden;contain:strict;';
  const mount = document.createElement('div');
  host.attachShadow({ mode: 'closed' }).append(mount);
  document.body.append(host);
  let root: Root | null = null;
  let enters = 0;
  try {
    // Not in the task that drew the document's last blocks (their frame comes first), nor while the person types.
    if (!(await quietMoment(lastInput, stopped))) return enters;
    const { editor } = createPolicyEditor();
    // Slate tells its editor of a change in a microtask after it; a step tells it at once instead (see step), and the
    // later telling would only draw the same again, in a task of its own that a key could wait for.
    const tell = editor.onChange;
    editor.onChange = () => undefined;
    const value = paragraphs(PARAGRAPHS);
    editor.children = value;
    // React reports a render's error to the window rather than throwing it here: a rehearsal's are its own.
    root = createRoot(mount, { onUncaughtError: () => undefined, onCaughtError: () => undefined, onRecoverableError: () => undefined });
    const shown = root;
    flushSync(() =>
      shown.render(
        <Slate editor={editor} initialValue={value}>
          {/* Read-only: nothing in it can take the focus. Edits made by code render as the document's do. */}
          <Editable readOnly renderElement={renderElement} renderLeaf={renderLeaf} renderText={renderText} renderChunk={renderChunk} />
        </Slate>,
      ),
    );
    while (enters < count) {
      const moment = await quietMoment(lastInput, stopped);
      if (!moment) return enters;
      // As many steps as the idle moment has room for.
      do {
        step(editor, enters, tell);
        enters++;
      } while (enters < count && moment.deadline !== undefined && hasRoom(moment.deadline));
    }
  } catch {
    // A rehearsal that fails has only failed to make the first Enter faster: nothing of the document is touched.
  } finally {
    root?.unmount();
    host.remove();
  }
  return enters;
}

/**
 * An Enter, then a letter typed, as a person editing does. In turn: in the middle of a paragraph; at its end, which
 * leaves an empty paragraph that the letter then fills; at its start, which leaves one empty. An empty text is drawn
 * apart from a written one (slate-react's zero-width span), so the last two are where React first removes an element:
 * code that the first kind never runs, and that stayed cold for a session's second Enter. Each is drawn at once, as a
 * key's change is (React's synchronous lane), and here, inside the idle moment, rather than in a task of its own after
 * it (`tell`: the editor's own onChange, which only the steps call). The editor then lets go of its selection, so
 * that slate-react has none to let go of when the person's next click or key moves the page's (it would draw the
 * rehearsal again then).
 */
function step(editor: PolicyEditor, i: number, tell: () => void): void {
  const path = [PARAGRAPHS / 4 + i * 3, 0];
  const kind = i % 3;
  const drawn = (change: () => void) =>
    flushSync(() => {
      change();
      tell();
    });
  drawn(() => {
    if (i === SUGGESTING_FROM) setSuggesting(editor, true, () => 'rehearsal');
    const offset = kind === 0 ? 10 : kind === 1 ? Editor.end(editor, path).offset : 0;
    Transforms.select(editor, { path, offset });
    editor.insertBreak();
  });
  drawn(() => {
    editor.insertText('a');
    Transforms.deselect(editor);
  });
}
