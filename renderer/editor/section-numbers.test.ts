import { describe, expect, it } from 'vitest';
import { SectionNumberStore } from './section-numbers';
import type { BlockElement } from './types';

const heading = (id: string, level: number, title: string) => ({ type: 'heading', id, level, children: [{ text: title }] }) as unknown as BlockElement;

/** Just enough of a heading's element and its number element for the store to write into (no DOM in unit tests). */
function fakeHeadingElement(id: string) {
  const classes = new Set(['section-heading', 'depth-1']);
  const attributes = new Map<string, string>();
  const headingElement = {
    classList: { add: (c: string) => classes.add(c), remove: (c: string) => classes.delete(c), [Symbol.iterator]: () => classes.values() },
    setAttribute: (name: string, value: string) => attributes.set(name, value),
  };
  const number = { dataset: { numberFor: id }, textContent: '', closest: () => headingElement } as unknown as HTMLElement;
  return { number, classes, attributes };
}

describe('SectionNumberStore', () => {
  it('writes a renumbered heading its new number and depth, in the page, without a render', () => {
    const store = new SectionNumberStore();
    store.update([heading('s-a', 1, 'A'), heading('s-b', 1, 'B')], 'decimal');
    const b = fakeHeadingElement('s-b');
    const cleanup = store.numberRef(b.number);
    expect(store.label('s-b')?.label).toBe('2.');

    // A section inserted before it: B is now 3.
    store.update([heading('s-a', 1, 'A'), heading('s-new', 1, 'New'), heading('s-b', 1, 'B')], 'decimal');
    expect(b.number.textContent).toBe('3.');

    // Demoted under the new section: 2.1, one level deeper.
    store.update([heading('s-a', 1, 'A'), heading('s-new', 1, 'New'), heading('s-b', 2, 'B')], 'decimal');
    expect(b.number.textContent).toBe('2.1');
    expect([...b.classes]).toEqual(['section-heading', 'depth-2']);
    expect(b.attributes.get('aria-level')).toBe('3');

    // Gone from the page: no longer written.
    cleanup?.();
    store.update([heading('s-b', 2, 'B')], 'decimal');
    expect(b.number.textContent).toBe('2.1');
  });
});
