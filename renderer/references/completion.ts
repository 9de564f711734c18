import type { ReferenceTarget } from '../../shared/numbering/references';

/** A typed reference that can become a live one: to section `id`, replacing `text` that starts at `start`. */
export interface CompletionOffer {
  readonly id: string;
  readonly start: number;
  readonly text: string;
  /** What the reference will show: the section's number, with its title for the popup. */
  readonly number: string;
  readonly title: string;
}

// "Section 4", "section 4.2", "Sections 3.1", "Article IV", "Clause 7(b)", "§ 5", "§5.1" right before the caret.
const TYPED = /(?:^|[^\p{L}\p{N}])((sections?|articles?|clauses?|§)\s*)([\p{L}\p{N}]+(?:\.[\p{L}\p{N}]+)*(?:\([\p{L}\p{N}]+\))*)$/iu;
// The word a style writes in its references ("Article I", "Section 1.01", "§ 1"); decimal and letter styles write none.
const STYLE_WORD = /^(article|section|§)\s*(.*)$/iu;

/**
 * The section a reference typed just before the caret names, if one does: "Section 4.2" in a decimal document is
 * section 4.2 (the typed number is replaced, the word kept, since such a reference shows the number alone); "Article
 * IV" or "§ 5" in a style that writes its word is replaced whole. Any word (Section, Article, Clause, §) goes with a
 * style that writes none; where the style writes one, the typed word must be it.
 */
export function completionFor(before: string, targets: Iterable<readonly [string, ReferenceTarget]>): CompletionOffer | null {
  const typed = TYPED.exec(before);
  if (!typed) return null;
  const lead = typed[1] ?? '';
  const word = (typed[2] ?? '').toLowerCase();
  const number = typed[3] ?? '';
  const wordStart = before.length - lead.length - number.length;
  for (const [id, target] of targets) {
    const styled = STYLE_WORD.exec(target.number);
    if (styled) {
      const styleWord = (styled[1] ?? '').toLowerCase();
      if (!sameNumber(styled[2] ?? '', number) || !(word === styleWord || word === `${styleWord}s`)) continue;
      return { id, start: wordStart, text: before.slice(wordStart), number: target.number, title: target.title };
    }
    if (sameNumber(target.number, number)) {
      const start = before.length - number.length;
      return { id, start, text: number, number: target.number, title: target.title };
    }
  }
  return null;
}

/** Numbers as people type them: "a.1" is A.1 and "iv" is IV, but 4.2 is never 4.20. */
function sameNumber(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
