/** The FALLBACK stage: where no typed number made a section, bold or Title Case lines that read like headings do. */
import type { SourceFormat } from '../raw';
import { readMarker, readTypedBullet } from '../markers';
import { runsText, withoutMarks } from '../runs';
import { findRunIn, isHeadingLike, isTitleCase, isWhollyEmphasised, words } from './reading';
import type { Line, Role } from './types';

export function findUnnumberedSections(lines: Line[], format: SourceFormat): void {
  const found: Array<{ line: Line; role: Role }> = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    if (line.role !== null || line.raw.list || line.raw.verbatim || line.dates) continue;
    if (readMarker(line.text) || readTypedBullet(line.text) > 0) continue;
    if (format !== 'text') {
      if (isWhollyEmphasised(line.runs) && isHeadingLike(line.text, 12)) {
        found.push({ line, role: { kind: 'heading', level: 1, runs: withoutMarks(line.runs, ['bold', 'underline']), body: null } });
        continue;
      }
      const runIn = findRunIn(line.runs, false);
      if (runIn && words(runsText(runIn.lead)).length <= 10) {
        found.push({ line, role: { kind: 'heading', level: 1, runs: withoutMarks(runIn.lead, ['bold', 'underline']), body: runIn.body } });
      }
      continue;
    }
    const next = lines[i + 1];
    if (
      isHeadingLike(line.text, 10) &&
      isTitleCase(line.text) &&
      next !== undefined &&
      next.role === null &&
      !next.raw.verbatim &&
      next.text.length > line.text.length &&
      !(isHeadingLike(next.text, 10) && isTitleCase(next.text))
    ) {
      found.push({ line, role: { kind: 'heading', level: 1, runs: line.runs, body: null } });
    }
  }
  if (found.length >= 2) for (const { line, role } of found) line.role = role;
}
