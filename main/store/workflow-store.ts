import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as git from 'isomorphic-git';
import { parseFile } from '../../shared/format/parse';
import { PolicyDocumentSchema, type PolicyDocument } from '../../shared/model/document';
import { WorkflowError } from '../../shared/workflow/machine';
import { DocumentWorkflowSchema, NEW_WORKFLOW, type DocumentWorkflow } from '../../shared/workflow/schema';
import { durableGitFs, nodeDiskIo } from './durable-git-fs';
import { UserError } from './errors';
import { commitProjectFiles } from './history-commit';
import { findOrInitRepo, findRepo, repoPath, type Repo } from './history-git';
import { checkAuthor, identityOf } from './history-message';
import { blobId } from './loose-object';
import { Project } from './project';
import { documentFile, workflowFile } from './project-files';
import { ConfinedFolder, SIZE_LIMITS } from './project-fs';
import { serialized } from './serialized';
import { signerFor } from './signing';

/** The trailers a review step's commit carries, which `git log --format=%(trailers)` shows as well. */
const TRAILER = { document: 'Policywright-Document', step: 'Policywright-Review-Step', state: 'Policywright-State', edition: 'Policywright-Edition' } as const;

/** One entry of a document's audit trail, read back from its commit. */
export interface TrailEntry {
  readonly commit: string;
  readonly step: string;
  readonly state: DocumentWorkflow['state'];
  readonly person: string;
  readonly at: string;
  readonly note: string;
  /** The document's text the step applied to (the git blob id of its file). */
  readonly edition: string;
  /** Its commit carries an OpenPGP signature (not checked here: `git verify-commit` does, with the signer's key). */
  readonly signed: boolean;
}

/**
 * Each document's review workflow as a plain file in the project (`workflow/<document>.json`), and every step of it
 * as a git commit carrying trailers, so the repository's history is the audit trail. A step is recorded with its
 * commit or not at all: when the commit cannot be made, the file is put back as it was.
 */
export class ProjectWorkflow {
  private constructor(readonly dir: string) {}

  static for(projectDir: string): ProjectWorkflow {
    return new ProjectWorkflow(path.resolve(projectDir));
  }

  /** Where the document stands, the edition its text is now, and a sentence when the file disagrees with the history. */
  async read(documentId: string): Promise<{ workflow: DocumentWorkflow; edition: string; problem: string | null }> {
    const project = await Project.open(this.dir);
    project.requireDocument(documentId);
    const folder = new ConfinedFolder(this.dir);
    const [file, doc] = await Promise.all([folder.readText(workflowFile(documentId), SIZE_LIMITS.workflow), folder.readBytes(documentFile(documentId), SIZE_LIMITS.document)]);
    const workflow = file ? parseFile(DocumentWorkflowSchema, file.text, workflowFile(documentId)) : NEW_WORKFLOW;
    const edition = blobId(doc?.bytes ?? new Uint8Array());
    return { workflow, edition, problem: await this.disagreement(documentId, file?.text ?? null) };
  }

  /**
   * Applies one step (a pure transition of shared/workflow) to the document's workflow, writes the file and commits
   * the project with the step's trailers, by `person`. A refused step is one sentence; nothing is written.
   */
  async apply(
    documentId: string,
    step: { name: string; note?: string; person: string },
    transition: (workflow: DocumentWorkflow, edition: string) => DocumentWorkflow,
  ): Promise<DocumentWorkflow> {
    return serialized(this.dir, async () => {
      const { workflow, edition, problem } = await this.read(documentId);
      if (problem) throw new UserError(problem);
      let next: DocumentWorkflow;
      try {
        next = DocumentWorkflowSchema.parse(transition(workflow, edition));
      } catch (error) {
        if (error instanceof WorkflowError) throw new UserError(error.message);
        throw error;
      }
      const person = checkAuthor(step.person);
      const folder = new ConfinedFolder(this.dir);
      const relative = workflowFile(documentId);
      const before = (await folder.readText(relative, SIZE_LIMITS.workflow))?.text ?? null;
      await folder.write(relative, `${JSON.stringify(next, null, 2)}\n`);
      try {
        const repo = durable(await findOrInitRepo(this.dir));
        const message = [
          `${step.name}: ${documentId}`,
          step.note?.trim() ?? '',
          [`${TRAILER.document}: ${documentId}`, `${TRAILER.step}: ${step.name}`, `${TRAILER.state}: ${next.state}`, `${TRAILER.edition}: ${edition}`].join('\n'),
        ]
          .filter((part) => part !== '')
          .join('\n\n');
        // Where a signing key is configured, each step's commit is signed by it (`git verify-commit` checks it).
        await commitProjectFiles(repo, this.dir, identityOf(person), `${message}\n`, await signerFor(repo));
      } catch (error) {
        // No step without its commit: the file goes back to what the history says.
        if (before === null) await fs.rm(folder.pathOf(relative), { force: true });
        else await folder.write(relative, before);
        throw error;
      }
      return next;
    });
  }

  /**
   * The document as it was in an edition a step recorded (the git blob its commit holds), to tell what an edit since
   * changed; null when the repository does not hold it (or it no longer reads as a document).
   */
  async readEdition(documentId: string, edition: string): Promise<PolicyDocument | null> {
    const repo = await findRepo(this.dir);
    if (!repo) return null;
    try {
      const { blob } = await git.readBlob({ ...repo.git, oid: edition });
      return parseFile(PolicyDocumentSchema, Buffer.from(blob).toString('utf8'), documentFile(documentId));
    } catch {
      return null;
    }
  }

  /** Every step of the document's review, oldest first, read from the commits' trailers. */
  async trail(documentId: string): Promise<TrailEntry[]> {
    const repo = await findRepo(this.dir);
    if (!repo) return [];
    const head = await git.resolveRef({ ...repo.git, ref: 'HEAD' }).catch(() => null);
    if (!head) return [];
    const entries: TrailEntry[] = [];
    for (const { oid, commit } of await git.log({ ...repo.git, ref: head })) {
      const trailers = trailersOf(commit.message);
      if (trailers.get(TRAILER.document) !== documentId || !trailers.has(TRAILER.step)) continue;
      const note = commit.message.split('\n\n').slice(1, -1).join('\n\n').trim();
      entries.push({
        commit: oid,
        step: trailers.get(TRAILER.step) ?? '',
        state: (trailers.get(TRAILER.state) ?? 'draft') as DocumentWorkflow['state'],
        person: commit.author.name,
        at: new Date(commit.author.timestamp * 1000).toISOString(),
        note,
        edition: trailers.get(TRAILER.edition) ?? '',
        signed: commit.gpgsig !== undefined,
      });
    }
    return entries.reverse();
  }

  /**
   * The people who have worked in the project, as its git history names them (commit authors and taggers of recent
   * history), most recent first: whom a review may name as reviewers and approvers.
   */
  async people(limit = 50): Promise<string[]> {
    const repo = await findRepo(this.dir);
    if (!repo) return [];
    const head = await git.resolveRef({ ...repo.git, ref: 'HEAD' }).catch(() => null);
    if (!head) return [];
    const names = new Set<string>();
    for (const { commit } of await git.log({ ...repo.git, ref: head, depth: 2000 })) {
      const name = commit.author.name.trim();
      if (name !== '') names.add(name);
      if (names.size >= limit) break;
    }
    return [...names];
  }

  /**
   * A workflow file that is not what the last commit holds was changed outside Policywright (by hand, or by a tool):
   * its state has no step in the trail, so it is said, never shown as if it were recorded.
   */
  private async disagreement(documentId: string, text: string | null): Promise<string | null> {
    const repo = await findRepo(this.dir);
    if (!repo) return text === null ? null : `${workflowFile(documentId)} is not in the project's history; its review state was not recorded by Policywright.`;
    const head = await git.resolveRef({ ...repo.git, ref: 'HEAD' }).catch(() => null);
    const committed = head
      ? await git
          .readBlob({ ...repo.git, oid: head, filepath: repoPath(repo, workflowFile(documentId)) })
          .then(({ blob }) => Buffer.from(blob).toString('utf8'), () => null)
      : null;
    if (committed === text) return null;
    return `The review state of "${documentId}" (${workflowFile(documentId)}) differs from the one its history records; it was changed outside Policywright, so it is not shown as recorded.`;
  }
}

function trailersOf(message: string): Map<string, string> {
  const trailers = new Map<string, string>();
  const last = message.trim().split('\n\n').at(-1) ?? '';
  for (const line of last.split('\n')) {
    const match = /^([A-Za-z-]+):\s*(.*)$/.exec(line);
    if (match) trailers.set(match[1] as string, (match[2] as string).trim());
  }
  return trailers;
}

function durable(repo: Repo): Repo {
  return { ...repo, git: { ...repo.git, fs: durableGitFs(nodeDiskIo) } };
}
