import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEditor, Transforms, type Descendant, type Operation } from 'slate';
import { withHistory } from 'slate-history';
import { ReactEditor, withReact } from 'slate-react';
import { RenderAfterPaint, withRenderAfterPaint } from './render-after-paint';
import type { PolicyEditor } from './types';

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** What the page shows for each text node, as slate-react would find it: an element per node, its text as given. */
function pageOf(editor: PolicyEditor, shows: (text: string) => string) {
  vi.spyOn(ReactEditor, 'toDOMNode').mockImplementation((_editor, node) => {
    if (!('text' in node)) throw new Error('not drawn');
    // The page shows the text the browser put there: here, whatever `shows` makes of the text after the insertion.
    const element = { isConnected: true, get textContent() { return shows(currentText(editor)); } };
    return element as unknown as HTMLElement;
  });
}

const currentText = (editor: PolicyEditor) => ((editor.children[0] as { children: Array<{ text: string }> }).children[0]?.text ?? '');

function setup() {
  const held = new RenderAfterPaint();
  const renders: Operation[][] = [];
  const base = withHistory(withReact(createEditor())) as PolicyEditor;
  base.onChange = () => renders.push([...base.operations]);
  const editor = withRenderAfterPaint(base, held);
  editor.children = [{ type: 'paragraph', children: [{ text: 'Data is kept' }] }] as unknown as Descendant[];
  editor.selection = { anchor: { path: [0, 0], offset: 4 }, focus: { path: [0, 0], offset: 4 } };
  return { editor, held, renders };
}

describe('RenderAfterPaint', () => {
  let frames: Array<() => void> = [];
  beforeEach(() => {
    frames = [];
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback));
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('holds an insertion the page already shows, and renders it after the next paint', async () => {
    const { editor, held, renders } = setup();
    pageOf(editor, (text) => text); // the browser inserted the letter itself
    editor.insertText('s');
    await settle();
    expect(renders).toEqual([]);
    expect(held.holding).toBe(true);
    frames.shift()?.(); // the frame is painted; the render follows in the next task
    await settle();
    expect(renders).toHaveLength(1);
    expect(renders[0]?.map((op) => op.type)).toEqual(['insert_text']);
    expect(held.holding).toBe(false);
  });

  it('renders at once an insertion the page does not show (the browser did not insert it)', async () => {
    const { editor, held, renders } = setup();
    pageOf(editor, () => 'Data is kept'); // the page still shows the old text
    editor.insertText('.');
    await settle();
    expect(renders).toHaveLength(1);
    expect(held.holding).toBe(false);
  });

  it('renders at once anything but an insertion', async () => {
    const { editor, renders } = setup();
    pageOf(editor, (text) => text);
    editor.deleteBackward('character');
    await settle();
    expect(renders.map((ops) => ops.map((op) => op.type))).toEqual([['remove_text']]);
  });

  it('puts a held insertion first when another change ends the wait, in one render', async () => {
    const { editor, held, renders } = setup();
    pageOf(editor, (text) => text);
    editor.insertText('s');
    await settle();
    Transforms.setNodes(editor, { type: 'heading' } as never, { at: [0] });
    await settle();
    expect(renders.map((ops) => ops.map((op) => op.type))).toEqual([['insert_text', 'set_node']]);
    expect(held.holding).toBe(false);
    frames.shift()?.();
    await settle();
    expect(renders).toHaveLength(1); // the scheduled render found nothing left to do
  });

  it('renders a held insertion when asked, and on the events that read the page', async () => {
    const { editor, held, renders } = setup();
    pageOf(editor, (text) => text);
    editor.insertText('s');
    await settle();
    held.flush();
    expect(renders).toHaveLength(1);
    held.flush();
    expect(renders).toHaveLength(1);

    const target = new EventTarget() as unknown as Window;
    Object.assign(target, { document: new EventTarget() });
    const stop = held.listen(target);
    editor.insertText('t');
    await settle();
    expect(renders).toHaveLength(1);
    target.dispatchEvent(new Event('keydown'));
    expect(renders).toHaveLength(2);
    stop();
  });

  it('leaves the history as typing made it: the held letters undo together with the rest', async () => {
    const { editor, held } = setup();
    pageOf(editor, (text) => text);
    editor.insertText('s');
    editor.insertText('t');
    await settle();
    held.flush();
    expect(currentText(editor)).toBe('Datast is kept');
    editor.undo();
    expect(currentText(editor)).toBe('Data is kept');
  });
});
