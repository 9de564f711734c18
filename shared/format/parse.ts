import type { z } from 'zod';
import { FormatError, describeIssue, jsonSyntaxProblem } from './problems';

/**
 * Reads a project file: JSON first, then the schema. Either failure becomes a FormatError naming the file and where,
 * so the person who opened it can find the spot in any text editor.
 */
export function parseFile<S extends z.ZodType>(schema: S, text: string, fileName: string): z.infer<S> {
  let raw: unknown;
  // A byte-order mark is no part of the JSON, and editors do not count it as a column.
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    const { where, problem } = jsonSyntaxProblem(json, error);
    throw new FormatError(fileName, where, problem);
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const first = result.error.issues[0];
    if (!first) throw new FormatError(fileName, '', 'is not valid');
    const { where, problem } = describeIssue(first);
    const more = result.error.issues.length - 1;
    throw new FormatError(fileName, where, more > 0 ? `${problem} (and ${more} more problem${more > 1 ? 's' : ''})` : problem);
  }
  return result.data as z.infer<S>;
}
