import type { CompareSource, RedlineFormat } from '../../shared/api/contract';
import type { SuggestedText } from '../../shared/compare/compare';
import type { Comparison } from '../../shared/compare/types';
import { compareEditions, renderRedline, type RenderedRedline } from './compare-editions';
import type { Project } from '../store/project';
import { editionAt, editionOf, type Edition } from './editions';

/** Two editions the app names in its open project (drafts, versions or a picked file), compared. */
export async function compareInProject(project: Project, oldSource: CompareSource, newSource: CompareSource): Promise<Comparison> {
  const [oldEdition, newEdition] = await Promise.all([editionOf(project, oldSource), editionOf(project, newSource)]);
  return compareEditions(oldEdition, newEdition, { oldText: oldSource.text, newText: newSource.text });
}

/** The redline file of two editions in the open project, its tracked changes by `author` on `date`. */
export async function redlineInProject(
  project: Project,
  oldSource: CompareSource,
  newSource: CompareSource,
  redline: { format: RedlineFormat; author: string; date: Date },
): Promise<RenderedRedline> {
  return renderRedline(await compareInProject(project, oldSource, newSource), redline.format, redline.author, redline.date);
}

/** Two editions the CLI is given (`project@version`, a project's draft or a file), compared. */
export async function compareAt(
  oldSpec: string,
  newSpec: string,
  documentId: string | undefined,
  texts: { oldText?: SuggestedText; newText?: SuggestedText } = {},
): Promise<{ old: Edition; new: Edition; comparison: Comparison }> {
  const [oldEdition, newEdition] = await Promise.all([editionAt(oldSpec, documentId), editionAt(newSpec, documentId)]);
  return { old: oldEdition, new: newEdition, comparison: compareEditions(oldEdition, newEdition, texts) };
}

export { renderRedline, type RenderedRedline };
