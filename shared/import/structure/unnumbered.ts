/**
 * Headings that take no number. The source may say so (a Word heading whose numbering is switched off while other
 * headings are numbered: raw `unnumbered`). Where the numbers are typed in the headings' text (HTML, Markdown, and
 * Word files numbered by hand, as our HTML and Markdown exports write them), a heading the source marks as one that
 * carries no number, among at least two that carry one, takes none either — "Summary" between "1 Scope" and
 * "2 Data" stays without a number, and "2 Data" keeps its 2.
 */
import { isSectionKind, readMarker } from '../markers';
import type { Line } from './types';

/** The lines, among those that became headings, whose heading takes no number. */
export function unnumberedHeadings(lines: readonly Line[]): Set<Line> {
  const out = new Set<Line>();
  const hinted: Line[] = [];
  let typed = 0;
  for (const line of lines) {
    if (line.role?.kind !== 'heading') continue;
    if (line.raw.unnumbered) out.add(line);
    if (line.raw.headingLevel === undefined || line.raw.list) continue;
    const marker = readMarker(line.text);
    if (marker && isSectionKind(marker.kind)) typed++;
    else hinted.push(line);
  }
  if (typed >= 2) for (const line of hinted) out.add(line);
  return out;
}
