import { parseFile } from '../format/parse';
import { serializeDocument, serializeManifest } from '../format/serialize';
import { PolicyDocumentSchema, ProjectManifestSchema, type PolicyDocument } from '../model/document';
import { serializeVariables } from '../model/variables';
import { VariablesFileSchema } from '../model/variables-schema';
import { mergeDocuments, type MergeConflict } from './merge-documents';
import { mergeSequences } from './sequence-merge';

/**
 * A project file in three editions, as text: the common base, mine and theirs; null where that edition has no such
 * file (not yet made, or deleted).
 */
export interface FileEditions {
  readonly name: string;
  readonly base: string | null;
  readonly mine: string | null;
  readonly theirs: string | null;
}

/**
 * Changed on both sides where only the whole file can be kept (a clause file), or deleted on one side and changed on
 * the other: the file's text in each edition.
 */
export interface WholeFileConflict {
  readonly kind: 'whole-file';
  readonly base: string | null;
  readonly mine: string | null;
  readonly theirs: string | null;
}

/** One named value (the project's name, a variable) changed differently on both sides; null where a side has none. */
export interface ValueConflict {
  readonly kind: 'value';
  readonly name: string;
  readonly base: string | null;
  readonly mine: string | null;
  readonly theirs: string | null;
}

export type FileConflict = MergeConflict | WholeFileConflict | ValueConflict;

/** A file's merge: its text (null: the file goes), and what could not be merged without a person. */
export interface FileMerge {
  readonly text: string | null;
  readonly conflicts: readonly FileConflict[];
}

/**
 * The cases every file shares: nothing changed on one side, the same change on both, deleted on one side and left
 * alone on the other. Returns null when both sides really changed the file.
 */
function trivial(file: FileEditions): FileMerge | null {
  const { base, mine, theirs } = file;
  if (mine === theirs || theirs === base) return { text: mine, conflicts: [] };
  if (mine === base) return { text: theirs, conflicts: [] };
  if (mine === null || theirs === null) {
    // Deleted on one side, changed on the other: the changed text stays until a person decides.
    return { text: mine ?? theirs, conflicts: [{ kind: 'whole-file', base, mine, theirs }] };
  }
  return null;
}

/** Any file merged as a whole: both changed it differently is a conflict, and mine stands in meanwhile. */
export function mergeWholeFile(file: FileEditions): FileMerge {
  return trivial(file) ?? { text: file.mine, conflicts: [{ kind: 'whole-file', base: file.base, mine: file.mine, theirs: file.theirs }] };
}

/** A document file: by section and paragraph (mergeDocuments). A side added it when there is no base. */
export function mergeDocumentFile(file: FileEditions): FileMerge {
  const done = trivial(file);
  if (done) return done;
  const read = (text: string, side: string) => parseFile(PolicyDocumentSchema, text, `${file.name} (${side})`);
  const mine = read(file.mine as string, 'mine');
  const theirs = read(file.theirs as string, 'theirs');
  const base: PolicyDocument = file.base === null ? { ...mine, blocks: [] } : read(file.base, 'base');
  const { merged, conflicts } = mergeDocuments(base, mine, theirs);
  return { text: serializeDocument(merged), conflicts };
}

/** The project file: its name field by field, its list of documents as a sequence (two new documents are both kept). */
export function mergeManifestFile(file: FileEditions): FileMerge {
  const done = trivial(file);
  if (done) return done;
  const read = (text: string, side: string) => parseFile(ProjectManifestSchema, text, `${file.name} (${side})`);
  const mine = read(file.mine as string, 'mine');
  const theirs = read(file.theirs as string, 'theirs');
  const base = file.base === null ? { ...mine, documents: [] } : read(file.base, 'base');
  const documents = mergeSequences(base.documents, mine.documents, theirs.documents, (id) => id, { insertionsCommute: true });
  const name = mine.name === base.name ? theirs.name : mine.name;
  const conflicts: FileConflict[] =
    mine.name !== base.name && theirs.name !== base.name && mine.name !== theirs.name
      ? [{ kind: 'value', name: 'name', base: base.name, mine: mine.name, theirs: theirs.name }]
      : [];
  // Two people moving documents in the list differently is no loss: mine's order stands, and every document is kept once.
  return { text: serializeManifest({ ...mine, name, documents: [...new Set(documents.items)] }), conflicts };
}

/** The variables file: name by name; one value changed differently on both sides is a conflict. */
export function mergeVariablesFile(file: FileEditions): FileMerge {
  const done = trivial(file);
  if (done) return done;
  const read = (text: string, side: string) => parseFile(VariablesFileSchema, text, `${file.name} (${side})`).variables;
  const mine = read(file.mine as string, 'mine');
  const theirs = read(file.theirs as string, 'theirs');
  const base = file.base === null ? {} : read(file.base, 'base');
  const merged: Record<string, string> = {};
  const conflicts: ValueConflict[] = [];
  for (const name of new Set([...Object.keys(base), ...Object.keys(mine), ...Object.keys(theirs)])) {
    const [b, m, t] = [base, mine, theirs].map((values) => (Object.hasOwn(values, name) ? (values[name] as string) : null));
    let value: string | null;
    if (m === t || t === b) value = m ?? null;
    else if (m === b) value = t ?? null;
    else {
      value = m ?? t ?? null;
      conflicts.push({ kind: 'value', name, base: b ?? null, mine: m ?? null, theirs: t ?? null });
    }
    if (value !== null) merged[name] = value;
  }
  return { text: serializeVariables(merged), conflicts };
}
