import type { Command } from '../../shared/api/commands';

// The toolbar's layout; each button's name, face and shortcut hint come from the command table.
// As many as the style sheet's `data-shown` rules count (app.css; toolbar-fit.test.ts checks them).
export const GROUPS: readonly (readonly Command[])[] = [
  ['save'],
  ['undo', 'redo'],
  ['insertSection', 'insertSubsection', 'promoteSection', 'demoteSection', 'moveSectionUp', 'moveSectionDown'],
  // A cross-reference beside the link, as Word's Insert tab has them.
  ['bold', 'italic', 'underline', 'link', 'insertReference'],
  ['bulletedList', 'numberedList'],
  // The rarer tools last, so that a narrower row sends them to More before the everyday ones.
  ['superscript', 'subscript', 'insertFootnote', 'toggleHeadingNumber'],
  // The Table menu (TableMenu.tsx), suggesting mode and the review menu, drawn after its button: on the row only when
  // all of it fits, since the status bar always has all three. A narrower window keeps the editing tools as they were
  // rather than push them under More.
  ['toggleSuggesting'],
];

/**
 * How many of the toolbar's groups fit on its one row; the rest go into its "More" menu. Pure: the widths are
 * measured by the toolbar. Groups leave from the end, as in Word's ribbon and Google Docs, never from the middle.
 */
export function groupsThatFit(widths: readonly number[], available: number, gap: number, moreWidth: number): number {
  const total = (count: number) => widths.slice(0, count).reduce((sum, width) => sum + width, 0) + gap * Math.max(0, count - 1);
  if (total(widths.length) <= available) return widths.length;
  let count = widths.length - 1;
  // With a "More" button at the end, which takes its own width and gap.
  while (count > 0 && total(count) + gap + moreWidth > available) count--;
  return count;
}
