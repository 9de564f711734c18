import type { PolicyDocument } from '../model/document';
import { textOf } from './decode';
import { UNNAMED } from './errors';
import { readMarker, readTypedBullet } from './markers';
import type { RawDocument, RawParagraph } from './raw';
import { recoverStructure, type StructureOptions } from './structure';

export type ImportOptions = StructureOptions;

/**
 * Plain text. A paragraph is a line, except in text hard-wrapped at a fixed width (blank lines between paragraphs,
 * lines broken near the same column), where a line that continues a wrapped one joins it. Leading spaces are kept
 * as a nesting hint for typed bullets.
 */
export function readPlainText(text: string): RawDocument {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const wrapWidth = hardWrapWidth(lines);
  const paragraphs: RawParagraph[] = [];
  let current: { text: string; indent: number; lastLength: number } | null = null;
  const flush = () => {
    if (current) paragraphs.push({ runs: [{ text: current.text }], indentColumns: current.indent });
    current = null;
  };
  for (const rawLine of lines) {
    const expanded = rawLine.replace(/\t/g, '    ');
    const body = expanded.trim();
    if (body === '') {
      flush();
      continue;
    }
    const indent = expanded.length - expanded.trimStart().length;
    const startsItem = readMarker(body) !== null || readTypedBullet(body) > 0;
    const open = current as { text: string; indent: number; lastLength: number } | null;
    if (open && wrapWidth > 0 && !startsItem && open.lastLength >= wrapWidth * 0.6 && indent >= open.indent - 1) {
      open.text += ` ${body}`;
      open.lastLength = expanded.trimEnd().length;
      continue;
    }
    flush();
    current = { text: body, indent, lastLength: expanded.trimEnd().length };
  }
  flush();
  return { format: 'text', paragraphs };
}

/**
 * The column a hard-wrapped text breaks at, or 0 when the text is one paragraph per line. Hard-wrapped text has blank
 * lines between paragraphs, paragraphs of several lines, and almost no line longer than the wrap width.
 */
function hardWrapWidth(lines: readonly string[]): number {
  const lengths = lines.map((l) => l.trimEnd().length).filter((n) => n > 0);
  if (lengths.length < 4 || !lines.some((l) => l.trim() === '')) return 0;
  const sorted = [...lengths].sort((a, b) => a - b);
  const p90 = sorted[Math.floor(sorted.length * 0.9)] ?? 0;
  if (p90 < 40 || p90 > 100) return 0;
  // count blocks of two or more non-blank lines
  let multi = 0;
  let blocks = 0;
  let run = 0;
  for (const l of [...lines, '']) {
    if (l.trim() === '') {
      if (run > 0) blocks++;
      if (run > 1) multi++;
      run = 0;
    } else run++;
  }
  return multi >= Math.max(1, blocks * 0.2) ? p90 : 0;
}

export function importText(input: string | Uint8Array, options: ImportOptions = {}): PolicyDocument {
  const text = textOf(input, options.fileName ?? UNNAMED, 'a text file');
  return recoverStructure(readPlainText(text), options);
}
