/**
 * Headings the source itself says take no number: a Word heading whose numbering is switched off while other headings
 * are numbered (raw `unnumbered`). A heading without a typed number among headings that have one is the other rule, in
 * sections.ts (markUnnumbered), which sees the typed numbers; blocks.ts takes a heading as unnumbered by either.
 */
import type { Line } from './types';

/** The lines, among those that became headings, whose source says their heading takes no number. */
export function unnumberedHeadings(lines: readonly Line[]): Set<Line> {
  const out = new Set<Line>();
  for (const line of lines) if (line.role?.kind === 'heading' && line.raw.unnumbered) out.add(line);
  return out;
}
