import type { Block, PolicyDocument, Run } from '../model/document';

export type EditKind = 'editorial' | 'substantive';

/**
 * Whether an edit changed what the policy says (substantive) or only how it looks (editorial): the review workflow
 * lets an editorial edit leave approvals standing, where the document allows it.
 *
 * Editorial means the same words in the same order, compared without case, punctuation, spacing, diacritics' forms
 * (NFKC) or marks (bold, italic, underline), list style and numbering style, dates, owner and version label. Anything
 * else is substantive: a word added, removed, replaced or moved (a typo fixed included: "now" and "not" are one
 * letter apart), a number, a currency or percent sign, a link's address, a heading's level, a title, and any pending
 * suggestion added or taken away. Deliberately strict: a wrong "editorial" would keep an approval of words nobody
 * approved, a wrong "substantive" only asks for one more look.
 */
export function classifyEdit(before: PolicyDocument, after: PolicyDocument): EditKind {
  const a = wordingOf(before);
  const b = wordingOf(after);
  return a.length === b.length && a.every((token, i) => token === b[i]) ? 'editorial' : 'substantive';
}

/** The document's wording as a list of tokens: what classifyEdit compares. Exported for its tests. */
export function wordingOf(doc: PolicyDocument): string[] {
  const tokens = ['¶title', ...wordsOf(doc.title)];
  for (const block of doc.blocks) tokens.push(...blockTokens(block));
  // A footnote's words are the policy's words, as its text is.
  for (const note of doc.notes ?? []) tokens.push('¶note', ...note.runs.flatMap(runTokens));
  return tokens;
}

function blockTokens(block: Block): string[] {
  // A heading's level places its section in the tree (what "section 4.2" refers to); a paragraph and a list item
  // differ only in how they look.
  // Whether a heading takes a number changes every number after it: never editorial.
  const head = block.kind === 'heading' ? [`¶h${block.level}${block.unnumbered ? '-unnumbered' : ''}`] : block.kind === 'table' ? ['¶table'] : ['¶'];
  if (block.change) head.push(`¶suggested-${block.change.kind}`);
  if ('relevel' in block && block.relevel) head.push(`¶suggested-level-${block.relevel.was}`);
  if (block.kind !== 'table') return [...head, ...block.runs.flatMap(runTokens)];
  // A table's shape is substance (a row added is a new obligation): each row and cell is a token of its own.
  const cells = block.rows.flatMap((row) => ['¶row', ...row.cells.flatMap((cell) => ['¶cell', ...cell.runs.flatMap(runTokens)])]);
  return [...head, ...(block.header ? ['¶header'] : []), ...(block.caption ?? []).flatMap(runTokens), ...cells];
}

function runTokens(run: Run): string[] {
  // A suggestion's words are proposals, not yet wording: marked so that adding or settling one is never editorial.
  const prefix = run.ins ? '+' : run.del ? '-' : '';
  const words = wordsOf(run.text).map((word) => prefix + word);
  return run.link === undefined ? words : [...words, `¶link ${run.link}`];
}

/**
 * Words as runs of letters, digits, combining marks and the signs that carry meaning in a policy (currency, %, §);
 * apostrophes inside a word are dropped ("don't" and "don’t" are one word), every other sign separates.
 */
export function wordsOf(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/(?<=[\p{L}\p{N}])['’ʼ](?=[\p{L}\p{N}])/gu, '')
      .match(/[\p{L}\p{N}\p{M}\p{Sc}%§]+/gu) ?? []
  );
}
