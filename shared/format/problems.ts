import type { z } from 'zod';

/** A file that could not be read as what it claims to be. The message names the file and the place in it. */
export class FormatError extends Error {
  override readonly name = 'FormatError';
  constructor(
    readonly file: string,
    readonly where: string,
    readonly problem: string,
  ) {
    super(`${file}: ${where ? `${where} ` : ''}${problem}`);
  }
}

/** "blocks[12].runs[0].text", the way a person finds the spot in the file. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

export function describeIssue(issue: z.core.$ZodIssue): { where: string; problem: string } {
  const where = formatPath(issue.path);
  const problem = issue.message.charAt(0).toLowerCase() + issue.message.slice(1);
  return { where, problem };
}

/** JSON.parse says "at position 1234"; a person wants a line and a column. */
export function jsonSyntaxProblem(text: string, error: unknown): { where: string; problem: string } {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  if (!position?.[1]) return { where: '', problem: `is not valid JSON (${message})` };
  const offset = Number(position[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  const detail = message.replace(/\s*in JSON at position \d+.*$/s, '').replace(/ at position \d+.*$/s, '');
  return { where: `line ${line}, column ${column}:`, problem: `is not valid JSON (${detail})` };
}
