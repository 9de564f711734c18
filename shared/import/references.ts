import type { PolicyDocument, Run } from '../model/document';
import { mapRunLists } from '../model/block-runs';
import { referencePlaceholder } from '../model/vocabulary';
import { placesOf, type SectionInfo } from '../check/places';
import { sectionNamer, typedReferencesIn } from '../check/references';

/** A stretch of a block's text that names a section: it becomes a reference to that section. */
interface Span {
  readonly start: number;
  readonly end: number;
  readonly section: string;
}

/**
 * Typed references to the document's own sections ("Section 4.2", "Sections 3.1 and 3.2", "Article IV", "§ 5",
 * "clause 7(b)", both ends of "Sections D.4 – D.7") become cross-references, so they follow the sections from now on.
 * The checker's rules read them (shared/check/references.ts): references to other laws ("Section 230 of the
 * Communications Decency Act", "Article 6 GDPR") and numbers that match no section stay text as typed. Where the
 * document writes a section's number with its word ("Article IV", "Section 1.01", "§ 5"), the word goes into the
 * reference too, so the text does not read "Article Article IV"; "clause 7(b)" refers to section 7 and keeps "(b)".
 */
export function linkTypedReferences(doc: PolicyDocument): PolicyDocument {
  const { sections } = placesOf(doc);
  if (sections.length === 0) return doc;
  const named = sectionNamer(sections);
  let changed = false;
  const blocks = doc.blocks.map((block) => {
    if (block.kind === 'heading') return block;
    // every list of runs: a paragraph's, or a table's caption and cells ("see Section 4" in a summary table)
    const linked = mapRunLists(block, (runs) => {
      const spans = spansIn(runs, named);
      return spans.length === 0 ? runs : withReferences(runs, spans);
    });
    if (linked !== block) changed = true;
    return linked;
  });
  return changed ? { ...doc, blocks } : doc;
}

function spansIn(runs: readonly Run[], named: (target: string) => SectionInfo | null): Span[] {
  const text = runs.map((run) => run.text).join('');
  const spans: Span[] = [];
  for (const reference of typedReferencesIn(text)) {
    const keyword = /^\S+/u.exec(reference.text)?.[0] ?? '';
    reference.targets.forEach((target, index) => {
      const whole = named(target.name);
      const part = whole ? null : named(target.name.replace(/\(.*$/u, ''));
      const section = whole ?? part;
      if (!section) return;
      const end = target.at + (whole ? target.name.length : target.name.replace(/\(.*$/u, '').length);
      const word = /^(Article|Section|§)\s/u.exec(section.reference)?.[1];
      if (word === undefined) {
        spans.push({ start: target.at, end, section: section.id });
        return;
      }
      // The reference shows its word: only the first number right after that same word (singular) can take it.
      if (index === 0 && keyword.toLowerCase() === word.toLowerCase()) spans.push({ start: reference.at, end, section: section.id });
    });
  }
  return spans;
}

/** The runs with each span made a reference run: only a span inside one plain run (marks allowed) is converted. */
function withReferences(runs: Run[], spans: readonly Span[]): Run[] {
  const out: Run[] = [];
  let offset = 0;
  let changed = false;
  for (const run of runs) {
    const start = offset;
    offset += run.text.length;
    const inside = spans.filter((span) => span.start >= start && span.end <= offset);
    if (inside.length === 0 || run.link !== undefined || run.variable !== undefined || run.ref !== undefined || run.note !== undefined) {
      out.push(run);
      continue;
    }
    changed = true;
    let at = 0;
    for (const span of inside) {
      if (span.start - start > at) out.push({ ...run, text: run.text.slice(at, span.start - start) });
      const { text: _typed, ...rest } = run;
      out.push({ ...rest, text: referencePlaceholder(span.section), ref: span.section });
      at = span.end - start;
    }
    if (at < run.text.length) out.push({ ...run, text: run.text.slice(at) });
  }
  return changed ? out : runs;
}
