import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEditor, Node, Transforms, type Descendant, type Operation } from 'slate';
import { withHistory } from 'slate-history';
import { ReactEditor, withReact } from 'slate-react';
import { EDITOR_TO_KEY_TO_ELEMENT } from 'slate-dom';
import { RenderAfterPaint, withRenderAfterPaint } from './render-after-paint';
import type { PolicyEditor } from './types';

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** Events as the browser sends them (the test runs in Node, which has Event but not KeyboardEvent or InputEvent). */
const keydown = (key: string, modifiers: { ctrlKey?: boolean } = {}) =>
  Object.assign(new Event('keydown'), { key, ctrlKey: false, metaKey: false, altKey: false, isComposing: false, ...modifiers });
const beforeinput = (inputType: string) => Object.assign(new Event('beforeinput'), { inputType });
const currentText = (editor: PolicyEditor) => ((editor.children[0] as { children: Array<{ text: string }> }).children[0]?.text ?? '');

/**
 * A page as slate-react sees it: one element for the paragraph's text, which reads whatever the browser put there
 * (`shows`), found the way slate-react finds it, by the text's key (which an insertion carries over to the new node).
 */
function setup(shows: (modelText: string) => string = (text) => text, options: ConstructorParameters<typeof RenderAfterPaint>[0] = {}) {
  const held = new RenderAfterPaint(options);
  const renders: Operation[][] = [];
  const base = withHistory(withReact(createEditor())) as PolicyEditor;
  base.onChange = () => renders.push([...base.operations]);
  const editor = withRenderAfterPaint(base, held);
  editor.children = [{ type: 'paragraph', children: [{ text: 'Data is kept' }] }] as unknown as Descendant[];
  const element = { isConnected: true, get textContent() { return shows(currentText(editor)); } } as unknown as HTMLElement;
  const text = Node.leaf(editor, [0, 0]);
  EDITOR_TO_KEY_TO_ELEMENT.set(editor, new WeakMap([[ReactEditor.findKey(editor, text), element]]));
  editor.selection = { anchor: { path: [0, 0], offset: 4 }, focus: { path: [0, 0], offset: 4 } };
  return { editor, held, renders };
}

describe('RenderAfterPaint', () => {
  let frames: Array<() => void> = [];
  /** Typing pauses, then the next frame is painted: the held render follows in the task after it. */
  const pauseThenPaint = async () => {
    await sleep(80);
    frames.splice(0).forEach((frame) => frame());
    await settle();
  };
  beforeEach(() => {
    frames = [];
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback));
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('holds letters the page already shows while typing goes on, and renders them once after a pause', async () => {
    const { editor, held, renders } = setup();
    for (const letter of 'stored') {
      editor.insertText(letter);
      await settle();
    }
    expect(renders).toEqual([]);
    expect(held.holding).toBe(true);
    await pauseThenPaint();
    expect(renders).toHaveLength(1);
    expect(renders[0]?.map((op) => op.type)).toEqual(Array(6).fill('insert_text'));
    expect(held.holding).toBe(false);
    expect(currentText(editor)).toBe('Datastored is kept');
  });

  it('renders at once a letter the page does not show (the browser did not insert it)', async () => {
    const { editor, held, renders } = setup(() => 'Data is kept');
    editor.insertText('.');
    await settle();
    expect(renders).toHaveLength(1);
    expect(held.holding).toBe(false);
  });

  it('renders at once anything but an insertion', async () => {
    const { editor, renders } = setup();
    editor.deleteBackward('character');
    await settle();
    expect(renders.map((ops) => ops.map((op) => op.type))).toEqual([['remove_text']]);
  });

  it('puts held letters first when another change ends the wait, in one render', async () => {
    const { editor, held, renders } = setup();
    editor.insertText('s');
    await settle();
    Transforms.setNodes(editor, { type: 'heading' } as never, { at: [0] });
    await settle();
    expect(renders.map((ops) => ops.map((op) => op.type))).toEqual([['insert_text', 'set_node']]);
    expect(held.holding).toBe(false);
    await pauseThenPaint();
    expect(renders).toHaveLength(1); // the scheduled render found nothing left to do
  });

  it('renders when asked, and before the events that read the page, but not before a key that types', async () => {
    const { editor, held, renders } = setup();
    editor.insertText('s');
    await settle();
    held.flush();
    expect(renders).toHaveLength(1);
    held.flush();
    expect(renders).toHaveLength(1);

    const target = new EventTarget() as unknown as Window;
    Object.assign(target, { document: new EventTarget() });
    const stop = held.listen(target);
    const typed = async (letter: string) => {
      target.dispatchEvent(keydown(letter));
      target.dispatchEvent(beforeinput('insertText'));
      editor.insertText(letter);
      await settle();
    };
    await typed('t');
    await typed('u');
    expect(renders).toHaveLength(1);
    target.dispatchEvent(keydown('z', { ctrlKey: true }));
    expect(renders).toHaveLength(2);
    await typed('v');
    target.dispatchEvent(keydown('Enter'));
    expect(renders).toHaveLength(3);
    await typed('w');
    target.dispatchEvent(beforeinput('insertFromPaste'));
    expect(renders).toHaveLength(4);
    await typed('x');
    target.dispatchEvent(new Event('mousedown'));
    expect(renders).toHaveLength(5);
    stop();
  });

  it('does not hold what is typed for longer than a moment, however fast the typing', async () => {
    const { editor, renders } = setup();
    for (let i = 0; i < 30; i++) {
      editor.insertText('a');
      await sleep(40); // faster than the pause that ends a hold
      frames.splice(0).forEach((frame) => frame());
      await settle();
    }
    expect(renders.length).toBeGreaterThanOrEqual(1);
  });

  it('asks for no frame of its own: the render goes after the frame that showed the last letter', async () => {
    const { editor, renders } = setup();
    editor.insertText('s');
    await settle();
    expect(frames).toHaveLength(1); // watched from the letter's own event, so it rides on that letter's frame
    frames.splice(0).forEach((frame) => frame());
    await settle();
    await sleep(80);
    expect(renders).toHaveLength(1); // the pause, after a painted frame: at once, in the timer's task
    expect(frames).toHaveLength(0);
  });

  it('past the longest hold, renders in the task after the frame of the next letter, asking for no frame of its own', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      const { editor, renders } = setup();
      let requested = 0;
      let keys = 0;
      vi.stubGlobal('requestAnimationFrame', (callback: () => void) => (requested++, frames.push(callback)));
      /** Slate tells of a change in a microtask. */
      const type = async () => {
        editor.insertText('a');
        keys++;
        await Promise.resolve();
      };
      /** The tasks posted after a frame (the clock is fake, messages are not). */
      const tasksAfterFrame = async () => {
        frames.splice(0).forEach((frame) => frame());
        for (let i = 0; i < 2; i++) await new Promise<void>((resolve) => setImmediate(resolve));
      };
      const start = performance.now();
      // A letter every 20 ms for a second, each in a frame of its own: never the pause that ends a hold.
      while (performance.now() - start < 1000) {
        await type();
        vi.advanceTimersByTime(20);
        await tasksAfterFrame();
      }
      expect(renders).toHaveLength(0);
      await type();
      expect(renders).toHaveLength(0); // not before the frame that shows it
      await tasksAfterFrame();
      expect(renders).toHaveLength(1);
      expect(renders[0]).toHaveLength(keys);
      expect(requested).toBe(keys); // one frame watched per letter, none asked for by the render
    } finally {
      vi.useRealTimers();
    }
  });

  it('leaves the history as typing made it: the held letters undo together', async () => {
    const { editor, held } = setup();
    editor.insertText('s');
    await settle();
    editor.insertText('t');
    await settle();
    held.flush();
    expect(currentText(editor)).toBe('Datast is kept');
    editor.undo();
    expect(currentText(editor)).toBe('Data is kept');
  });

  it('renders after a pause even when no frame comes (a covered or background window)', async () => {
    const { editor, renders } = setup();
    editor.insertText('s');
    await settle();
    expect(renders).toHaveLength(0);
    // The pause, then no frame at all: the render comes by a timer (160 ms; later on a loaded machine).
    await vi.waitFor(() => expect(renders).toHaveLength(1), { timeout: 5000, interval: 20 });
  });

  it('holds nothing in a hidden window', async () => {
    vi.stubGlobal('document', { visibilityState: 'hidden' });
    const { editor, renders } = setup();
    editor.insertText('s');
    await settle();
    expect(renders).toHaveLength(1);
  });

  it('renders first when the editor says a letter may be refused where the caret is (a locked clause)', async () => {
    let locked = false;
    const { editor, held, renders } = setup((text) => text, { mayRefuseTyping: () => locked });
    const target = new EventTarget() as unknown as Window;
    Object.assign(target, { document: new EventTarget() });
    const stop = held.listen(target);
    editor.insertText('s');
    await settle();
    target.dispatchEvent(beforeinput('insertText'));
    expect(renders).toHaveLength(0);
    locked = true;
    target.dispatchEvent(beforeinput('insertText'));
    expect(renders).toHaveLength(1);
    stop();
  });

  it('still tells the app of held letters when the editor goes away', async () => {
    const { editor, held, renders } = setup();
    const target = new EventTarget() as unknown as Window;
    Object.assign(target, { document: new EventTarget() });
    const stop = held.listen(target);
    editor.insertText('s');
    await settle();
    stop();
    expect(renders.map((ops) => ops.map((op) => op.type))).toEqual([['insert_text']]);
  });

  it('tells of each held letter at once, for the autosave, which must see typing go on', async () => {
    const typed = vi.fn();
    const { editor, renders } = setup((text) => text, { onHold: typed });
    editor.insertText('s');
    await settle();
    editor.insertText('t');
    await settle();
    expect(typed).toHaveBeenCalledTimes(2);
    expect(renders).toHaveLength(0);
  });
});
