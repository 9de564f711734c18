import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { VersionKind } from '../store/history';
import { listVersionsAndProblems, saveVersion } from '../usecases/versions';
import { UserError } from '../store/errors';
import { MANIFEST_FILE, manifestPath } from '../store/project-files';
import { systemUserName } from '../store/user-name';
import { VERSION_KINDS } from '../store/history-message';
import { UsageError } from './args';
import { localMinute } from '../../shared/model/dates';

/** `versions <project> [--json]`: one aligned line per version, newest first. */
export async function versionsCommand(projectDir: string, options: { json: boolean }): Promise<string> {
  // Only the manifest's presence: a damaged one is when its history is wanted most.
  if (!(await fs.stat(manifestPath(projectDir)).catch(() => null))) {
    throw new UserError(`${path.resolve(projectDir)} is not a Policywright project: it has no ${MANIFEST_FILE}.`);
  }
  const { versions, problems } = await listVersionsAndProblems(projectDir);
  if (options.json) return `${JSON.stringify(versions, null, 2)}\n`;
  // A damaged version is named after the readable ones, never hiding them.
  const notes = problems.map((problem) => `${problem}\n`).join('');
  if (versions.length === 0) return problems.length === 0 ? 'No versions saved yet.\n' : notes;
  const rows = versions.map((v) => [v.name, v.kind, v.author, localMinute(new Date(v.createdAt)), firstLine(v.note)]);
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => [...(row[column] ?? '')].length))) ?? [];
  const lines = rows.map((row) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell + ' '.repeat((widths[column] ?? 0) - [...cell].length)))
      .join('  ')
      .trimEnd(),
  );
  return `${lines.join('\n')}\n${notes}`;
}

/** `version <project> --name NAME [--note TEXT] [--kind editorial|substantive] [--author NAME]` */
export async function saveVersionCommand(
  projectDir: string,
  options: { name: string; note?: string; kind?: string; author?: string },
): Promise<string> {
  const saved = await saveVersion(projectDir, {
    name: options.name,
    note: options.note ?? '',
    kind: parseKind(options.kind),
    author: options.author ?? systemUserName(),
  });
  return `Saved version "${saved.name}" (tag ${saved.tag}, commit ${saved.commit.slice(0, 7)}).\n`;
}

function parseKind(value: string | undefined): VersionKind {
  if (value === undefined) return 'editorial';
  if (!(VERSION_KINDS as readonly string[]).includes(value)) throw new UsageError(`--kind must be ${VERSION_KINDS.join(' or ')}`);
  return value as VersionKind;
}

function firstLine(note: string): string {
  const [first = '', ...rest] = note.split('\n');
  return rest.some((line) => line.trim() !== '') ? `${first} …` : first;
}
