import { afterEach, describe, expect, it, vi } from 'vitest';
import { focusWhenShown } from './focus-targets';

/** A page of the least kind: elements that can be drawn, replaced and focused, and frames run one at a time. */
function fakePage() {
  const body = { name: 'body' };
  const page = { activeElement: body as unknown, shown: null as FakeElement | null, refuses: false };
  let frames: (() => void)[] = [];
  class FakeElement {
    isConnected = true;
    constructor(readonly name: string) {}
    focus() {
      if (!page.refuses) page.activeElement = this;
    }
  }
  vi.stubGlobal('document', {
    body,
    get activeElement() {
      return page.activeElement;
    },
    querySelector: () => page.shown,
  });
  let clock = 0;
  vi.stubGlobal('performance', { now: () => clock });
  vi.stubGlobal('requestAnimationFrame', (run: () => void) => frames.push(run));
  const frame = () => {
    clock += 16;
    const due = frames;
    frames = [];
    for (const run of due) run();
  };
  /** React drawing the element anew (or taking it away): the old one leaves the page, and the focus with it. */
  const redraw = (name: string | null) => {
    const old = page.shown;
    if (old) old.isConnected = false;
    if (page.activeElement === old) page.activeElement = body;
    page.shown = name === null ? null : new FakeElement(name);
    return page.shown;
  };
  return { page, body, frame, redraw, element: (name: string) => new FakeElement(name), framesLeft: () => frames.length };
}

afterEach(() => vi.unstubAllGlobals());

describe('focusWhenShown', () => {
  it('focuses the element once it is drawn, a few frames late', () => {
    const { page, frame, redraw } = fakePage();
    focusWhenShown('.target');
    frame();
    frame();
    const drawn = redraw('drawn');
    frame();
    expect(page.activeElement).toBe(drawn);
  });

  it('focuses it again when React draws it anew after the first frame found the old one', () => {
    const { page, frame, redraw } = fakePage();
    redraw('old');
    focusWhenShown('.target');
    frame();
    expect(page.activeElement).toBe(page.shown);
    frame();
    const fresh = redraw('fresh');
    expect(page.activeElement).not.toBe(fresh);
    frame();
    expect(page.activeElement).toBe(fresh);
  });

  it('moves the focus from where it was when asked (the menu the command came from)', () => {
    const { page, frame, redraw, element } = fakePage();
    page.activeElement = element('the menu button');
    const target = redraw('next document');
    focusWhenShown('.target');
    frame();
    expect(page.activeElement).toBe(target);
  });

  it('leaves the focus where the person put it, even if the element is then drawn anew', () => {
    const { page, frame, redraw, element } = fakePage();
    redraw('first');
    focusWhenShown('.target');
    frame();
    const elsewhere = element('the editor');
    page.activeElement = elsewhere;
    frame();
    redraw('again');
    frame();
    expect(page.activeElement).toBe(elsewhere);
  });

  it('leaves the focus to a person who moved it before the element was drawn', () => {
    const { page, frame, redraw, element } = fakePage();
    focusWhenShown('.target');
    const editor = element('the editor');
    page.activeElement = editor;
    frame();
    redraw('drawn');
    frame();
    expect(page.activeElement).toBe(editor);
  });

  it('once its element has gone, does not take the focus back from the person when one is drawn again', () => {
    const { page, frame, redraw, element } = fakePage();
    redraw('first');
    focusWhenShown('.target');
    frame();
    redraw(null);
    frame();
    const restore = element('Restore');
    page.activeElement = restore;
    redraw('back');
    frame();
    expect(page.activeElement).toBe(restore);
  });

  it('tries again after a refused focus, and gives up after about a second', () => {
    const { page, body, frame, redraw, framesLeft } = fakePage();
    const target = redraw('behind a dialog');
    page.refuses = true;
    focusWhenShown('.target');
    frame();
    expect(page.activeElement).toBe(body);
    page.refuses = false;
    frame();
    expect(page.activeElement).toBe(target);
    let frames = 2;
    while (framesLeft() > 0 && frames < 1000) {
      frame();
      frames++;
    }
    expect(frames).toBeGreaterThan(50);
    expect(frames).toBeLessThan(70);
    const late = redraw('drawn too late');
    frame();
    expect(page.activeElement).not.toBe(late);
  });
});
