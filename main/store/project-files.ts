import * as path from 'node:path';

/** Where things live inside a project folder. Only this file knows the layout. */
export const MANIFEST_FILE = 'policywright.json';
/** Held while the list of documents is read, changed and written (folder-lock.ts); hidden, and in no version. */
export const MANIFEST_LOCK = '.policywright.json.lock';
export const DOCUMENTS_DIR = 'documents';
export const DOCUMENT_SUFFIX = '.policy.json';
/** The project's own clause library: one `<id>.clause.json` a clause. */
export const CLAUSES_DIR = 'clauses';
/** The project's variables, the values clause placeholders take. */
export const VARIABLES_FILE = 'variables.json';
/** The project's checks: dismissed findings with their reasons, each document's laws, the checklist versions seen. */
export const CHECKS_FILE = 'checks.json';

export function manifestPath(projectDir: string): string {
  return path.join(projectDir, MANIFEST_FILE);
}

/** The id has already passed DocumentIdSchema (lowercase letters, digits, dashes), so it cannot leave the folder. */
export function documentPath(projectDir: string, documentId: string): string {
  return path.join(projectDir, DOCUMENTS_DIR, `${documentId}${DOCUMENT_SUFFIX}`);
}

/** How a file is named in messages: relative to the project, with forward slashes on every system. */
export function displayName(projectDir: string, file: string): string {
  return path.relative(projectDir, file).split(path.sep).join('/');
}

export function clausesDir(projectDir: string): string {
  return path.join(projectDir, CLAUSES_DIR);
}

export function variablesPath(projectDir: string): string {
  return path.join(projectDir, VARIABLES_FILE);
}

/** A document's path inside the project, as ConfinedFolder takes it and messages name it. */
export function documentFile(documentId: string): string {
  return `${DOCUMENTS_DIR}/${documentId}${DOCUMENT_SUFFIX}`;
}

/** Deleted documents, kept inside the project until the person restores them (or removes the folder themselves). */
export const TRASH_DIR = 'trash';

/** A deleted document's file in the trash, named by the id it had (or a free one beside an earlier deletion). */
export function trashFile(trashId: string): string {
  return `${TRASH_DIR}/${trashId}${DOCUMENT_SUFFIX}`;
}

/** Each document's review workflow (state, reviewers, decisions), beside the documents and versioned with them. */
export const WORKFLOW_DIR = 'workflow';

export function workflowFile(documentId: string): string {
  return `${WORKFLOW_DIR}/${documentId}.json`;
}
