import * as fs from 'node:fs/promises';
import { checkDocument } from '../../shared/check/check-document';
import type { Finding } from '../../shared/check/finding';
import { projectLibrary } from '../usecases/clauses';
import { editionsAt } from '../usecases/editions';
import { settingsTeamDir } from './clauses-command';

/**
 * `check <project | document | file> [--json] [--document id]`: the policy checker for a team's CI. Prints each
 * finding (section, rule, sentence); the exit code is 1 when any is an error, 0 otherwise.
 */
export async function checkCommand(input: string, options: { json: boolean; documentId?: string }): Promise<{ stdout: string; errors: number }> {
  const documents = await editionsAt(input, options.documentId);
  const isProject = (await fs.stat(input).catch(() => null))?.isDirectory() === true;
  const library = isProject ? await projectLibrary(input, await settingsTeamDir()) : null;
  const deprecatedClauses = new Set(library?.library.clauses.filter((clause) => clause.status === 'deprecated').map((clause) => clause.id) ?? []);
  const checked = documents.map(({ id, doc, variables }) => ({
    id,
    title: doc.title,
    findings: checkDocument(doc, { variables: library?.values ?? variables, deprecatedClauses }),
  }));
  const errors = checked.reduce((n, d) => n + d.findings.filter((f) => f.severity === 'error').length, 0);
  if (options.json) return { stdout: `${JSON.stringify({ documents: checked }, null, 2)}\n`, errors };
  const blocks = checked.map(({ id, title, findings }) => {
    const head = `# ${title} (${id}): ${summary(findings)}`;
    return [head, ...findings.map((f) => `  ${f.severity === 'error' ? 'error  ' : 'warning'}  ${(f.sectionNumber ?? '—').padEnd(10)} ${f.rule.padEnd(20)} ${f.message}`)].join('\n');
  });
  return { stdout: `${blocks.join('\n\n')}\n`, errors };
}

function summary(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'nothing found';
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  return [errors ? `${errors} error${errors === 1 ? '' : 's'}` : '', warnings ? `${warnings} warning${warnings === 1 ? '' : 's'}` : ''].filter(Boolean).join(', ');
}
