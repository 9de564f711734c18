import type { DocumentSummary, ProjectInfo } from './contract';

/** The document a window opens a project on: its first one that could be read. Main and renderer both ask this. */
export function firstReadableDocument(info: ProjectInfo): DocumentSummary | undefined {
  return info.documents.find((d) => !d.problem);
}
