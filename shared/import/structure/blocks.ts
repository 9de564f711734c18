/** The LEVELS stage and assembly: the lines' roles become the document's blocks, heading levels made contiguous. */
import { MAX_HEADING_LEVEL, type Block } from '../../model/document';
import { trimRuns } from '../runs';
import type { Line } from './types';

export function buildBlocks(lines: readonly Line[], newId: () => string, unnumbered: ReadonlySet<Line> = new Set()): Block[] {
  const blocks: Block[] = [];
  // Heading levels as the app numbers them: never more than one below the heading before.
  const stack: Array<{ raw: number; depth: number }> = [];
  for (const line of lines) {
    const role = line.role;
    if (!role || role.kind === 'drop') continue;
    if (role.kind === 'heading') {
      while (stack.length > 0 && (stack[stack.length - 1]?.raw ?? 0) >= role.level) stack.pop();
      const depth = Math.min((stack[stack.length - 1]?.depth ?? 0) + 1, MAX_HEADING_LEVEL);
      stack.push({ raw: role.level, depth });
      // Unnumbered when the source says so (unnumbered.ts) or when the typed numbers around it say so (sections.ts).
      const unnumberedHeading = role.unnumbered || unnumbered.has(line) ? { unnumbered: true as const } : {};
      blocks.push({ kind: 'heading', id: newId(), level: depth, ...unnumberedHeading, runs: trimRuns(role.runs) });
      if (role.body && role.body.length > 0) blocks.push({ kind: 'paragraph', runs: role.body });
    } else if (role.kind === 'table') {
      blocks.push(...role.tables);
    } else if (role.kind === 'list-item') {
      if (role.runs.length > 0) blocks.push({ kind: 'list-item', list: role.list, indent: role.indent, runs: role.runs });
    } else if (role.runs.length > 0) {
      blocks.push({ kind: 'paragraph', runs: role.runs });
    }
  }
  return blocks;
}
