import * as fs from 'node:fs/promises';
import type { PolicyDocument } from '../../shared/model/document';
import { outlineOf } from '../../shared/numbering/outline';
import { driftPhrase, outdatedUses, type OutdatedUse } from '../../shared/clauses/drift';
import { editionsAt } from '../usecases/editions';
import { projectLibrary } from '../usecases/clauses';
import { settingsTeamDir } from './clauses-command';

/** `outline <project folder | document file> [--json] [--document id]` */
export async function outlineCommand(input: string, options: { json: boolean; documentId?: string }): Promise<string> {
  const documents = await editionsAt(input, options.documentId);
  // Sections whose clause has a newer version in the library (only a project folder has a library to compare with).
  const isProject = (await fs.stat(input).catch(() => null))?.isDirectory() === true;
  const library = isProject ? await projectLibrary(input, await settingsTeamDir()) : null;
  const outdated = (doc: PolicyDocument) => {
    const bySection = new Map<string, OutdatedUse>();
    if (library) for (const use of outdatedUses(doc, library.lookup, library.values)) if (use.place.sectionId) bySection.set(use.place.sectionId, use);
    return bySection;
  };
  const values = library?.values;
  if (options.json) {
    const entries = documents.map(({ id, doc }) => {
      const drift = outdated(doc);
      return {
        id,
        title: doc.title,
        outline: outlineOf(doc, values).map(({ id: sectionId, number, title, level }) => {
          const use = drift.get(sectionId);
          const mark = use ? { outdatedClause: { id: use.clauseId, source: use.source, version: use.version, latest: use.latest } } : {};
          return { id: sectionId, number, title, level, ...mark };
        }),
      };
    });
    const value = entries.length === 1 ? entries[0]?.outline : { documents: entries };
    return `${JSON.stringify(value, null, 2)}\n`;
  }
  const blocks = documents.map(({ id, doc }) => {
    const drift = outdated(doc);
    const lines = outlineOf(doc, values).map((entry) => {
      const use = drift.get(entry.id);
      return `${entry.label} ${entry.title}${use ? `  [outdated: ${driftPhrase(use)}]` : ''}`;
    });
    return documents.length === 1 ? lines.join('\n') : [`# ${doc.title} (${id})`, ...lines].join('\n');
  });
  return `${blocks.join('\n\n')}\n`;
}
