import type { DocumentSummary, ProjectInfo } from './contract';

/** The document a window opens a project on: its first one that could be read. Main and renderer both ask this. */
export function firstReadableDocument(info: ProjectInfo): DocumentSummary | undefined {
  return info.documents.find((d) => !d.problem);
}

/**
 * The document a window opens a project on: the one this person opened last there, when it is still listed and
 * readable, else the first one that can be read.
 */
export function documentToOpen(info: ProjectInfo): DocumentSummary | undefined {
  const last = info.documents.find((d) => d.id === info.lastDocument && !d.problem);
  return last ?? firstReadableDocument(info);
}
