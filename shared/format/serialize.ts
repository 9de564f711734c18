import type { Block, BlockChange, ClauseUse, CommentThread, FormatChange, LevelChange, PolicyDocument, ProjectManifest, Run, SuggestionMark } from '../model/document';
import { MARKS } from '../model/vocabulary';

/**
 * The stored form is JSON that a person can read and `git diff` can review: keys in one fixed order, and one block
 * (one paragraph, heading or list item) per line, so a one-word edit is a one-line diff.
 */
export function serializeDocument(doc: PolicyDocument): string {
  return joinDocument(doc, doc.blocks.map(serializeBlock));
}

/** One block as its line holds it, without the indent and comma: what a caller may keep and reuse while it is unchanged. */
export function serializeBlock(block: Block): string {
  return JSON.stringify(canonicalBlock(block));
}

/** The whole file from its details and its blocks' lines (serializeBlock): byte for byte what serializeDocument writes. */
export function joinDocument(meta: Omit<PolicyDocument, 'blocks'>, blockLines: readonly string[]): string {
  const { start, end } = documentFrame(meta, blockLines.length > 0);
  return start + blockLines.join(BLOCK_SEPARATOR) + end;
}

/** What comes between two blocks' lines in the file. */
export const BLOCK_SEPARATOR = ',\n    ';

/**
 * The file around its blocks' lines: it is `start`, the lines joined by BLOCK_SEPARATOR, then `end` (with no blocks,
 * `start` is the whole file). A caller that keeps its blocks' lines can then tell what changed between two editions
 * from the blocks that changed, without writing either file out (see renderer/editor/stored-text.ts).
 */
export function documentFrame(meta: Omit<PolicyDocument, 'blocks'>, hasBlocks: boolean): { start: string; end: string } {
  const head = [
    ['format', meta.format],
    ['title', meta.title],
    ['effectiveDate', meta.effectiveDate],
    ['lastUpdated', meta.lastUpdated],
    ['versionLabel', meta.versionLabel],
    ['owner', meta.owner],
    ['numbering', meta.numbering],
  ] as const;
  const before = ['{'];
  for (const [key, value] of head) before.push(`  ${JSON.stringify(key)}: ${JSON.stringify(value)},`);
  // Written only when set: a file from before documents had a language stays byte for byte as it was.
  if (meta.language !== undefined) before.push(`  "language": ${JSON.stringify(meta.language)},`);
  const comments = meta.comments ?? [];
  const notes = meta.notes ?? [];
  const after = comments.length > 0 || notes.length > 0 ? ',' : '';
  const rest: string[] = [];
  // One thread per line, after the blocks, so a reply is a one-line diff and the blocks' lines never move.
  if (comments.length > 0) {
    rest.push('  "comments": [');
    rest.push(comments.map((thread) => `    ${JSON.stringify(canonicalThread(thread))}`).join(',\n'));
    rest.push(notes.length > 0 ? '  ],' : '  ]');
  }
  // One footnote per line, after the comments: a note's text is edited like a block's.
  if (notes.length > 0) {
    rest.push('  "notes": [');
    rest.push(notes.map((note) => `    ${JSON.stringify({ id: note.id, runs: note.runs.map(canonicalRun) })}`).join(',\n'));
    rest.push('  ]');
  }
  rest.push('}');
  const tail = `${rest.join('\n')}\n`;
  if (!hasBlocks) return { start: `${before.join('\n')}\n  "blocks": []${after}\n${tail}`, end: '' };
  return { start: `${before.join('\n')}\n  "blocks": [\n    `, end: `\n  ]${after}\n${tail}` };
}

export function serializeManifest(manifest: ProjectManifest): string {
  const canonical = { format: manifest.format, name: manifest.name, documents: manifest.documents };
  return `${JSON.stringify(canonical, null, 2)}\n`;
}

/**
 * Rebuilt key by key, so the order on disk never depends on how an object happened to be built in memory. A clause
 * use comes before the runs, so a reader sees at the start of the line which clause the text belongs to.
 */
export function canonicalBlock(block: Block): Block {
  const clause = block.clause ? { clause: canonicalClauseUse(block.clause) } : {};
  const change = block.change ? { change: canonicalBlockChange(block.change) } : {};
  if (block.kind === 'table') {
    return {
      kind: 'table',
      ...(block.header ? { header: true as const } : {}),
      ...(block.caption ? { caption: block.caption.map(canonicalRun) } : {}),
      ...clause,
      ...change,
      rows: block.rows.map((row) => ({ cells: row.cells.map((cell) => ({ runs: cell.runs.map(canonicalRun) })) })),
    };
  }
  const runs = block.runs.map(canonicalRun);
  const relevel = block.kind !== 'paragraph' && block.relevel ? { relevel: canonicalLevelChange(block.relevel) } : {};
  switch (block.kind) {
    case 'heading': {
      const unnumbered = block.unnumbered ? { unnumbered: true as const } : {};
      return { kind: 'heading', id: block.id, level: block.level, ...unnumbered, ...clause, ...change, ...relevel, runs };
    }
    case 'paragraph':
      return { kind: 'paragraph', ...clause, ...change, runs };
    case 'list-item':
      return { kind: 'list-item', list: block.list, indent: block.indent, ...clause, ...change, ...relevel, runs };
  }
}

function canonicalMark(mark: SuggestionMark): SuggestionMark {
  return { id: mark.id, by: mark.by, at: mark.at };
}

function canonicalBlockChange(change: BlockChange): BlockChange {
  return { ...canonicalMark(change), kind: change.kind };
}

function canonicalLevelChange(change: LevelChange): LevelChange {
  return { ...canonicalMark(change), was: change.was };
}

function canonicalFormatChange(change: FormatChange): FormatChange {
  return { ...canonicalMark(change), was: MARKS.filter((mark) => change.was.includes(mark)) };
}

function canonicalThread(thread: CommentThread): CommentThread {
  const replies = (thread.replies ?? []).map((reply) => ({
    id: reply.id,
    by: reply.by,
    ...(reply.initials !== undefined ? { initials: reply.initials } : {}),
    at: reply.at,
    text: reply.text,
  }));
  return {
    id: thread.id,
    by: thread.by,
    ...(thread.initials !== undefined ? { initials: thread.initials } : {}),
    at: thread.at,
    text: thread.text,
    ...(thread.section !== undefined ? { section: thread.section } : {}),
    ...(thread.resolved ? { resolved: true as const } : {}),
    ...(replies.length > 0 ? { replies } : {}),
  };
}

function canonicalClauseUse(use: ClauseUse): ClauseUse {
  return { use: use.use, id: use.id, source: use.source, version: use.version, state: use.state };
}

function canonicalRun(run: Run): Run {
  const out: Run = { text: run.text };
  if (run.marks && run.marks.length > 0) out.marks = MARKS.filter((mark) => run.marks?.includes(mark));
  if (run.link) out.link = run.link;
  if (run.variable !== undefined) out.variable = run.variable;
  if (run.ref !== undefined) out.ref = run.ref;
  if (run.refTitle) out.refTitle = true;
  if (run.note !== undefined) out.note = run.note;
  if (run.ins) out.ins = canonicalMark(run.ins);
  if (run.del) out.del = canonicalMark(run.del);
  if (run.formatted) out.formatted = canonicalFormatChange(run.formatted);
  if (run.comments && run.comments.length > 0) out.comments = [...run.comments];
  return out;
}
