import { jsonReport, textReport } from '../../shared/compare/report';
import { compareAt, renderRedline } from '../usecases/compare';
import { systemUserName } from '../store/user-name';
import { UsageError } from './args';
import { writeOutput } from './write-output';

export const DIFF_FORMATS = ['text', 'json', 'html', 'docx'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export const BEFORE_SUGGESTIONS = ['old', 'new', 'both'] as const;
export type BeforeSuggestions = (typeof BEFORE_SUGGESTIONS)[number];

export function parseBeforeSuggestions(value: string | true | undefined): BeforeSuggestions | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !(BEFORE_SUGGESTIONS as readonly string[]).includes(value)) {
    throw new UsageError(`--before-suggestions must be one of ${BEFORE_SUGGESTIONS.join(', ')}`);
  }
  return value as BeforeSuggestions;
}

export function parseDiffFormat(value: string | true | undefined): DiffFormat {
  if (value === undefined) return 'text';
  if (typeof value !== 'string' || !(DIFF_FORMATS as readonly string[]).includes(value)) {
    throw new UsageError(`--to must be one of ${DIFF_FORMATS.join(', ')}`);
  }
  return value as DiffFormat;
}

/**
 * `diff <old> <new> [--to text|json|html|docx] [--out FILE] [--document id] [--before-suggestions old|new|both]`. Text
 * and JSON go to stdout unless --out is given; the redlines are files, written atomically. Each edition is compared as
 * if its open suggestions were accepted, or as it was before them for the side(s) --before-suggestions names: `diff
 * project project --before-suggestions old` shows the draft's own suggestions as a redline.
 */
export async function diffCommand(
  oldSpec: string,
  newSpec: string,
  options: { format: DiffFormat; out?: string; documentId?: string; author?: string; beforeSuggestions?: BeforeSuggestions },
): Promise<{ stdout: string }> {
  const before = options.beforeSuggestions;
  const texts = { oldText: before === 'old' || before === 'both' ? 'original' : 'accepted', newText: before === 'new' || before === 'both' ? 'original' : 'accepted' } as const;
  const { old: oldEdition, new: newEdition, comparison } = await compareAt(oldSpec, newSpec, options.documentId, texts);
  let bytes: Uint8Array;
  if (options.format === 'text' || options.format === 'json') {
    const text = options.format === 'json' ? `${JSON.stringify(jsonReport(comparison), null, 2)}\n` : textReport(comparison);
    if (!options.out) return { stdout: text };
    bytes = new TextEncoder().encode(text);
  } else {
    if (!options.out) throw new UsageError(`--to ${options.format} needs --out <file>`);
    bytes = (await renderRedline(comparison, options.format, options.author ?? systemUserName(), new Date())).bytes;
  }
  const out = await writeOutput(options.out, bytes);
  const { summary } = comparison;
  return {
    stdout:
      `Compared ${oldEdition.label} with ${newEdition.label}: ${summary.changed} changed, ${summary.added} added, ` +
      `${summary.deleted} deleted, ${summary.moved} moved. Wrote ${out} (${bytes.length.toLocaleString('en')} bytes).\n`,
  };
}
