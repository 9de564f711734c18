import type { SyncConflictFile, SyncResult, SyncSectionConflict, SyncState } from '../../shared/api/contract';
import type { FileConflict } from '../../shared/merge/merge-files';
import { describeConflicts } from '../../shared/merge/describe-conflicts';
import { parseFile } from '../../shared/format/parse';
import { PolicyDocumentSchema } from '../../shared/model/document';
import type { ReferenceTargets } from '../../shared/model/reference-text';
import { referenceTargets } from '../../shared/numbering/references';
import type { Project } from '../store/project';
import { documentFile } from '../store/project-files';
import { findCredentials, listConflicts, remoteOfProject, resolveConflict, syncProject, syncStatus, type CredentialCipher, type SyncOptions, type SyncOutcome } from '../sync';

/** Who syncs, and where the app keeps the credentials for the git server (never in the project folder). */
export interface SyncPerson {
  readonly author: string;
  readonly home: string;
  /** Seals saved passwords with the system's keychain (the desktop app); null where there is none. */
  readonly cipher?: CredentialCipher | null;
}

export function projectSyncStatus(project: Project): Promise<SyncState> {
  return syncStatus(project.dir);
}

/** A sync of the project with its server, as the person at the window: commit the draft, fetch, merge, send. */
export async function syncProjectNow(project: Project, person: SyncPerson): Promise<SyncResult> {
  return resultOf(await syncProject(project.dir, await optionsFor(project, person)));
}

export async function listSyncConflicts(project: Project): Promise<SyncConflictFile[]> {
  const conflicts = await listConflicts(project.dir);
  if (conflicts.length === 0) return [];
  const titles = new Map((await project.info()).documents.map((document) => [documentFile(document.id), document.title]));
  return conflicts.map(({ file, resolved, conflicts: found, mine, theirs }) => ({
    file,
    title: titles.get(file) ?? file,
    resolved,
    differences: describeConflicts(found, { mine: targetsOf(mine, file), theirs: targetsOf(theirs, file) }),
    sections: sectionsOf(found),
  }));
}

/** A side's sections by id, for its cross-references to read as numbers; none when the side is no readable document. */
function targetsOf(text: string | null, file: string): ReferenceTargets | undefined {
  if (text === null || !file.endsWith('.policy.json')) return undefined;
  try {
    const doc = parseFile(PolicyDocumentSchema, text, file);
    return referenceTargets(doc.blocks, doc.numbering);
  } catch {
    return undefined;
  }
}

/** Settles one file of the open merge with a side; the engine finishes the merge (and syncs) after the last. */
export async function resolveSyncConflict(project: Project, file: string, take: 'mine' | 'theirs', person: SyncPerson): Promise<SyncResult> {
  return resultOf(await resolveConflict(project.dir, file, take, await optionsFor(project, person)));
}

/** The sections among a file's conflicts, by their place in its list, with each side's blocks for the window to show. */
function sectionsOf(conflicts: readonly FileConflict[]): SyncSectionConflict[] {
  return conflicts.flatMap((conflict, index) =>
    conflict.kind === 'both-edited' || conflict.kind === 'deleted-by-me' || conflict.kind === 'deleted-by-them' || conflict.kind === 'both-added'
      ? [{ conflict: index, base: conflict.base, mine: conflict.mine, theirs: conflict.theirs }]
      : [],
  );
}

async function optionsFor(project: Project, person: SyncPerson): Promise<SyncOptions> {
  const url = await remoteOfProject(project.dir);
  return { credentials: url ? await findCredentials(url, person.home, process.env, person.cipher ?? null) : null, author: person.author };
}

export function resultOf(outcome: SyncOutcome): SyncResult {
  switch (outcome.status) {
    case 'up-to-date':
      return { status: 'up-to-date' };
    case 'synced':
      return { status: 'synced', sent: outcome.sent, received: outcome.received, merged: outcome.merged };
    case 'needs-attention':
      return { status: 'needs-attention', files: outcome.files };
  }
}
