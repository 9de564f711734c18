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
