/**
 * The one error an importer throws. Its message is one sentence that names the file and says what is wrong with it,
 * ready to show to a person ("contract.docx is not a Word document: …"). `code` lets a caller or a test tell the cases
 * apart without reading the prose.
 */
export type ImportErrorCode =
  | 'empty' // nothing in the file, or nothing but white space
  | 'too-large' // bigger than an importer accepts
  | 'not-text' // binary content where text was expected
  | 'not-docx' // named or sniffed as DOCX but is no Word document
  | 'unsafe-zip' // a ZIP that fails the safety checks (bomb, traversal, too many entries …)
  | 'unsafe-xml' // XML with a DOCTYPE (entity bombs, external entities), which Word never writes
  | 'corrupt' // damaged beyond reading
  | 'unsupported' // a format Policywright does not import (PDF, .doc, RTF …)
  | 'invalid'; // readable, but its content cannot become a policy (bad front matter …)

export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(
    readonly file: string,
    readonly code: ImportErrorCode,
    /** What is wrong, as the end of a sentence that starts with the file name: "is empty", "is not a Word document …". */
    readonly problem: string,
  ) {
    super(`${file} ${problem.replace(/\.$/, '')}.`);
  }
}

/** The name shown in messages when a caller gives none. */
export const UNNAMED = 'The imported file';

/** The message of anything thrown, for wrapping a library's failure in an ImportError. */
export function describeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split('\n')[0] ?? '';
  const clipped = firstLine.length > 160 ? `${firstLine.slice(0, 157)}…` : firstLine;
  return clipped.replace(/\.$/, '') || 'unknown error';
}
