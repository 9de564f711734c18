import type { ClauseSource } from '../model/vocabulary';
import type { Clause } from './schema';

/**
 * The clause library's constants, listings and keys: what the renderer needs, without the schemas (schema.ts), so that
 * its start-up bundle loads no zod.
 */
export const CLAUSE_FORMAT = 1;
export const CLAUSE_FILE_SUFFIX = '.clause.json';

export const CLAUSE_STATUSES = ['draft', 'approved', 'deprecated'] as const;
export type ClauseStatus = (typeof CLAUSE_STATUSES)[number];

export const TAG_KINDS = ['topic', 'jurisdiction'] as const;
export type TagKind = (typeof TAG_KINDS)[number];

/** A clause as the app lists it: where it comes from, and which placeholders have no variable in the project. */
export interface LibraryClause extends Clause {
  source: ClauseSource;
  /** The file, relative to its library folder. */
  file: string;
  undefinedVariables: string[];
}

/** A library file that could not be read: listed with its name and the reason, never silently skipped. */
export interface BrokenClause {
  source: ClauseSource;
  file: string;
  problem: string;
}

export interface ClauseLibrary {
  clauses: LibraryClause[];
  broken: BrokenClause[];
  /** The team library folder from the app's settings, if one is attached, and why it cannot be read, if it cannot. */
  team: { path: string; problem?: string } | null;
}

export function clauseKey(source: ClauseSource, id: string): string {
  return `${source}:${id}`;
}

export const SOURCE_NAMES: Record<ClauseSource, string> = { project: 'Project library', team: 'Team library' };
