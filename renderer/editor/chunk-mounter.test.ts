import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEditor, Editor, Transforms, type Descendant } from 'slate';
import { ReactEditor, withReact } from 'slate-react';
import { ChunkMounter, withMountingBeforeEdits } from './chunk-mounter';

/** Lets queued MessageChannel tasks (one mounting step each) run. */
const nextTasks = (n: number) => new Promise<void>((resolve) => {
  let left = n;
  const tick = () => (--left <= 0 ? resolve() : setTimeout(tick, 0));
  setTimeout(tick, 0);
});

/** The places of `count` chunks, as their first render hands them out. */
function firstRender(mounter: ChunkMounter, count: number): number[] {
  return Array.from({ length: count }, () => mounter.placeInLine());
}

/** A test's clock, which the drawing of chunks advances. */
interface Clock {
  now: number;
}

/**
 * Draws as a timed render would: each chunk a step draws costs `msPerChunk` of `clock`. Returns the number of chunks of
 * each step, in order.
 */
function timeSteps(mounter: ChunkMounter, places: number[], clock: Clock, msPerChunk: number): number[] {
  let drawn = places.filter(mounter.isMounted).length;
  const steps: number[] = [];
  mounter.renderStep = (notify) => {
    notify();
    const now = places.filter(mounter.isMounted).length;
    steps.push(now - drawn);
    clock.now += msPerChunk * (now - drawn);
    drawn = now;
  };
  return steps;
}

describe('ChunkMounter', () => {
  let frames: Array<() => void> = [];
  beforeEach(() => {
    frames = [];
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback));
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('mounts the first chunks at once, in document order', () => {
    const mounter = new ChunkMounter(4, 2);
    const places = firstRender(mounter, 10);
    expect(places).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(places.map(mounter.isMounted)).toEqual([true, true, true, true, false, false, false, false, false, false]);
    expect(mounter.complete).toBe(false);
  });

  it('waits for the first frame, then mounts the rest a step per task, telling its listeners each time', async () => {
    const mounter = new ChunkMounter(4, 2);
    const places = firstRender(mounter, 9);
    const counts: number[] = [];
    mounter.subscribe(() => counts.push(places.filter(mounter.isMounted).length));
    mounter.start();
    await nextTasks(3);
    expect(counts).toEqual([]); // nothing before the first screen is painted
    frames.shift()?.();
    await nextTasks(10);
    expect(counts).toEqual([6, 8, 9]);
    expect(mounter.complete).toBe(true);
  });

  it('calls beforeStep before each step of the progressive mount, not before mountAll', async () => {
    const mounter = new ChunkMounter(1, 1);
    const places = firstRender(mounter, 3);
    const log: string[] = [];
    mounter.beforeStep = () => log.push(`before ${places.filter(mounter.isMounted).length}`);
    mounter.subscribe(() => log.push(`mounted ${places.filter(mounter.isMounted).length}`));
    mounter.start();
    frames.shift()?.();
    await nextTasks(3);
    mounter.mountAll();
    expect(log).toEqual(['before 1', 'mounted 2', 'before 2', 'mounted 3']);
  });

  it('with a budget, sizes each step by the time per chunk of the step before, within its bounds', async () => {
    const clock = { now: 0 };
    // Each chunk drawn costs 5 ms of the step that draws it; the budget is 30 ms a step, at most 4 chunks.
    const mounter = new ChunkMounter(1, 2, { ms: 30, maxChunks: 4, now: () => clock.now });
    const steps = timeSteps(mounter, firstRender(mounter, 12), clock, 5);
    mounter.start();
    frames.shift()?.();
    await nextTasks(10);
    // 2 chunks at first (10 ms), then 30 / 5 = 6 would fit: 4 at most, and what is left at the end.
    expect(steps).toEqual([2, 4, 4, 1]);
    expect(mounter.complete).toBe(true);

    // A slow step (20 ms a chunk) brings the next one down to what fits, never below one chunk.
    clock.now = 0;
    const slow = new ChunkMounter(1, 3, { ms: 30, maxChunks: 16, now: () => clock.now });
    const sizes = timeSteps(slow, firstRender(slow, 8), clock, 20);
    slow.start();
    frames.shift()?.();
    await nextTasks(10);
    expect(sizes).toEqual([3, 1, 1, 1, 1]);
  });

  it('takes short, spaced steps while keys or clicks come, and long ones back to back once they stop', async () => {
    // The mounter's own timer is faked; its steps (a MessageChannel task each) run for real.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const tasks = async (n: number) => {
      for (let i = 0; i < n; i++) await new Promise<void>((resolve) => setImmediate(resolve));
    };
    try {
      const clock = { now: 0 };
      // Each chunk costs 5 ms; steps of 30 ms, or for 1,000 ms after a key of 10 ms at most every 50 ms.
      const mounter = new ChunkMounter(1, 2, { ms: 30, maxChunks: 16, now: () => clock.now, activeForMs: 1000, activeMs: 10, activeSpacingMs: 50 });
      const steps = timeSteps(mounter, firstRender(mounter, 40), clock, 5);
      const target = new EventTarget() as unknown as Window;
      const stop = mounter.listenForInput(target);
      target.dispatchEvent(new Event('keydown')); // a key at 0 ms
      mounter.start();
      frames.shift()?.();
      await tasks(5);
      expect(steps, 'the first step, then none before 50 ms have passed').toEqual([2]);
      // A click at 40 ms keeps the steps short; the next comes 50 ms after the last one ended.
      clock.now = 40;
      target.dispatchEvent(new Event('pointerdown'));
      clock.now = 60;
      await vi.advanceTimersByTimeAsync(50);
      await tasks(5);
      expect(steps, 'a second short step (10 ms: two chunks)').toEqual([2, 2]);
      // A second later without a key or a click: 30 ms steps (six chunks), one task after another, to the end.
      clock.now = 1100;
      await vi.advanceTimersByTimeAsync(50);
      await tasks(10);
      expect(steps).toEqual([2, 2, 6, 6, 6, 6, 6, 5]);
      expect(mounter.complete).toBe(true);
      stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('mounts a chunk made after the first render at once: it holds what is being edited', () => {
    const mounter = new ChunkMounter(1, 1);
    firstRender(mounter, 3);
    mounter.start();
    const late = mounter.placeInLine();
    expect(late).toBe(-1);
    expect(mounter.isMounted(late)).toBe(true);
  });

  it('mounts everything on demand, and stops when told', async () => {
    const mounter = new ChunkMounter(1, 1);
    const places = firstRender(mounter, 5);
    const heard = vi.fn();
    mounter.subscribe(heard);
    mounter.start();
    mounter.mountAll();
    expect(places.every(mounter.isMounted)).toBe(true);
    expect(heard).toHaveBeenCalledTimes(1);
    mounter.mountAll();
    expect(heard).toHaveBeenCalledTimes(1);

    const stopped = new ChunkMounter(1, 1);
    const rest = firstRender(stopped, 5);
    stopped.start();
    frames.shift()?.();
    stopped.stop();
    await nextTasks(5);
    expect(rest.filter(stopped.isMounted)).toHaveLength(1);
  });
});

describe('withMountingBeforeEdits', () => {
  /** An editor of `count` paragraphs of which only the first `drawn` are in the page. */
  function setUp(count: number, drawn: number) {
    const editor = withReact(createEditor());
    editor.children = Array.from({ length: count }, (_, i) => ({ type: 'paragraph', children: [{ text: `Paragraph ${i}` }] }) as unknown as Descendant);
    vi.spyOn(ReactEditor, 'toDOMNode').mockImplementation((_editor, node) => {
      if (editor.children.indexOf(node as Descendant) < drawn) return {} as HTMLElement;
      throw new Error('Cannot resolve a DOM node from Slate node');
    });
    const mounter = new ChunkMounter(1, 1);
    firstRender(mounter, 3);
    const mountAll = vi.spyOn(mounter, 'mountAll');
    return { editor: withMountingBeforeEdits(editor, mounter), mountAll };
  }
  afterEach(() => vi.restoreAllMocks());

  it('lets typing in a drawn block through without drawing the rest', () => {
    const { editor, mountAll } = setUp(100, 40);
    Transforms.select(editor, { path: [3, 0], offset: 2 });
    Transforms.insertText(editor, 'abc');
    Transforms.splitNodes(editor);
    expect(mountAll).not.toHaveBeenCalled();
  });

  it('draws everything before a selection or an insertion reaches a block not drawn yet', () => {
    const first = setUp(100, 40);
    Transforms.select(first.editor, Editor.end(first.editor, []));
    expect(first.mountAll).toHaveBeenCalled();

    vi.restoreAllMocks();
    const second = setUp(100, 40);
    Transforms.insertNodes(second.editor, { type: 'paragraph', children: [{ text: 'At the end' }] } as unknown as Descendant, { at: [100] });
    expect(second.mountAll).toHaveBeenCalled();

    vi.restoreAllMocks();
    const third = setUp(100, 40);
    Transforms.moveNodes(third.editor, { at: [2], to: [90] });
    expect(third.mountAll).toHaveBeenCalled();
  });
});
