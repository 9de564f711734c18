import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GROUPS, groupsThatFit } from './toolbar-fit';

describe('groupsThatFit', () => {
  const widths = [50, 60, 200, 120, 100];

  it('keeps every group when the row is wide enough, without a More button', () => {
    expect(groupsThatFit(widths, 530 + 4 * 6, 6, 60)).toBe(5);
  });

  it('leaves room for the More button once anything overflows', () => {
    // 50+60+200+120 = 430 and 3 gaps: 448; with More (6 + 60) 514: fits in 520, but all five (554) do not.
    expect(groupsThatFit(widths, 520, 6, 60)).toBe(4);
    expect(groupsThatFit(widths, 513, 6, 60)).toBe(3);
  });

  it('can put every group in the menu, never a negative count', () => {
    expect(groupsThatFit(widths, 40, 6, 60)).toBe(0);
    expect(groupsThatFit([], 0, 6, 60)).toBe(0);
  });
});

describe("the style sheet's rules for the row's fit", () => {
  // The toolbar sets data-shown to how many groups stay on the row; app.css hides the rest and shows More.
  const css = fs.readFileSync(path.resolve(__dirname, '../styles/app.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const selectors = (declaration: string) =>
    [...css.matchAll(/([^{}]+)\{([^}]*)\}/g)].filter((rule) => (rule[2] ?? '').replace(/\s/g, '') === declaration).flatMap((rule) => (rule[1] ?? '').split(',').map((s) => s.trim()));

  it('hides, for every count short of all, exactly the groups past it, and shows More then only', () => {
    const hidden = selectors('display:none;');
    const more = selectors('display:block;');
    for (let shown = 0; shown < GROUPS.length; shown++) {
      const hides = hidden.find((s) => s.startsWith(`.toolbar[data-shown="${shown}"] > .toolbar-group`));
      expect(hides, `data-shown="${shown}"`).toBe(shown === 0 ? '.toolbar[data-shown="0"] > .toolbar-group' : `.toolbar[data-shown="${shown}"] > .toolbar-group:nth-child(n + ${shown + 1})`);
      expect(more).toContain(`.toolbar[data-shown="${shown}"] > .toolbar-more`);
    }
    // With every group on the row, none is hidden and More is not shown.
    expect(hidden.some((s) => s.includes(`data-shown="${GROUPS.length}"`))).toBe(false);
    expect(more.some((s) => s.includes(`data-shown="${GROUPS.length}"`))).toBe(false);
    expect(hidden).toContain('.toolbar-more');
  });
});
