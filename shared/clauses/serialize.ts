import { canonicalBlock } from '../format/serialize';
import type { Clause, ClauseBlock, ClauseVersion } from './schema';

/**
 * A clause file as a person reads it in `git diff`: fixed key order, one paragraph per line, and each earlier version
 * under `history` laid out the same way, so a new version shows as the old wording moving into the history.
 */
export function serializeClause(clause: Clause): string {
  const lines = ['{'];
  const head: Array<[string, unknown]> = [
    ['format', clause.format],
    ['id', clause.id],
    ['title', clause.title],
    ['status', clause.status],
    ['version', clause.version],
    ['updated', clause.updated],
    ['tags', { topic: clause.tags.topic, jurisdiction: clause.tags.jurisdiction }],
  ];
  for (const [key, value] of head) lines.push(`  ${JSON.stringify(key)}: ${JSON.stringify(value)},`);
  lines.push(...blockLines('  ', clause.blocks, ','));
  if (clause.history.length === 0) {
    lines.push('  "history": []');
  } else {
    lines.push('  "history": [');
    clause.history.forEach((entry, i) => lines.push(...versionLines(entry, i < clause.history.length - 1 ? ',' : '')));
    lines.push('  ]');
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

function versionLines(entry: ClauseVersion, comma: string): string[] {
  const pad = '      ';
  return [
    '    {',
    `${pad}"version": ${entry.version},`,
    `${pad}"status": ${JSON.stringify(entry.status)},`,
    `${pad}"title": ${JSON.stringify(entry.title)},`,
    `${pad}"updated": ${JSON.stringify(entry.updated)},`,
    ...blockLines(pad, entry.blocks, ''),
    `    }${comma}`,
  ];
}

function blockLines(pad: string, blocks: readonly ClauseBlock[], comma: string): string[] {
  return [
    `${pad}"blocks": [`,
    ...blocks.map((block, i) => `${pad}  ${JSON.stringify(canonicalBlock(block))}${i < blocks.length - 1 ? ',' : ''}`),
    `${pad}]${comma}`,
  ];
}
