import * as fs from 'node:fs/promises';
import { checkDocument } from '../../shared/check/check-document';
import type { Finding } from '../../shared/check/finding';
import { dismissalsOf, dismisses, NO_CHECKS, partitionFindings, type Dismissal } from '../../shared/check/project-checks';
import type { Checklist } from '../../shared/check/checklist-schema';
import { readAllChecklists } from '../store/checklists';
import { readProjectChecks } from '../store/project-checks';
import { projectLibrary } from '../usecases/clauses';
import { clauseTopicsOf, disclosureCoverage, readLaws, starterClauseTopics, type LawCoverage } from '../usecases/disclosures';
import { editionsAt } from '../usecases/editions';
import { settingsTeamDir } from './clauses-command';

/**
 * `check <project | document | file> [--json] [--document id] [--laws gdpr,ccpa]`: the policy checker for a team's
 * CI. Prints each finding (section, rule, sentence) and, with --laws, each law's required disclosures: covered by
 * which section, or missing. The exit code is 1 when any finding is an error or any disclosure is missing, 0 otherwise.
 * In a project, the findings people dismissed in the app (checks.json, with their reasons) are left out and counted,
 * and without --laws each document is checked against the laws picked for it in the app (checks.json too).
 */
export async function checkCommand(input: string, options: { json: boolean; documentId?: string; laws?: string }): Promise<{ stdout: string; errors: number }> {
  const documents = await editionsAt(input, options.documentId);
  const named = options.laws === undefined ? null : await readLaws(options.laws);
  const isProject = (await fs.stat(input).catch(() => null))?.isDirectory() === true;
  const library = isProject ? await projectLibrary(input, await settingsTeamDir()) : null;
  const deprecatedClauses = new Set(library?.library.clauses.filter((clause) => clause.status === 'deprecated').map((clause) => clause.id) ?? []);
  // A checks.json that cannot be read stops the check: run without it, a team's CI would fail on findings long settled.
  const projectChecks = isProject ? await readProjectChecks(input) : NO_CHECKS;
  // --laws names the laws for every document; without it, each document's own, as picked in the app.
  const lawsOf = new Map<string, Checklist[]>();
  for (const { id } of documents) {
    const picked = projectChecks.laws[id] ?? [];
    lawsOf.set(id, named ?? (picked.length > 0 ? await readLaws(picked.join(',')) : []));
  }
  const anyLaws = [...lawsOf.values()].some((laws) => laws.length > 0);
  // A file checked on its own is read with the starter library's topics: the clauses it can hold come from there.
  const clauseTopics = !anyLaws ? null : library ? clauseTopicsOf(library.library.clauses) : await starterClauseTopics();
  const checked = documents.map(({ id, doc, variables }) => {
    const dismissals = dismissalsOf(projectChecks, id);
    const { open, dismissed } = partitionFindings(checkDocument(doc, { variables: library?.values ?? variables, deprecatedClauses }), dismissals);
    const laws = lawsOf.get(id) ?? [];
    return {
      id,
      title: doc.title,
      findings: open,
      dismissed: dismissed.map((finding) => ({ ...finding, reason: reasonFor(finding, dismissals) })),
      ...(clauseTopics && laws.length > 0 ? { coverage: disclosureCoverage(doc, laws, clauseTopics) } : {}),
    };
  });
  const errors = checked.reduce((n, d) => n + d.findings.filter((f) => f.severity === 'error').length + missingIn(d.coverage), 0);
  if (options.json) return { stdout: `${JSON.stringify({ documents: checked.map(({ coverage, ...d }) => ({ ...d, ...(coverage ? { coverage: coverage.map(coverageJson) } : {}) })) }, null, 2)}\n`, errors };
  const blocks = checked.map(({ id, title, findings, dismissed, coverage }) => {
    const missing = missingIn(coverage);
    const head = `# ${title} (${id}): ${summary(findings)}${dismissed.length > 0 ? ` (${dismissed.length} dismissed)` : ''}${coverage ? `; ${missing === 0 ? 'every required disclosure made' : `${missing} required disclosure${missing === 1 ? '' : 's'} missing`}` : ''}`;
    const lines = findings.map((f) => `  ${f.severity === 'error' ? 'error  ' : 'warning'}  ${(f.sectionNumber ?? '—').padEnd(10)} ${f.rule.padEnd(20)} ${f.message}`);
    return [head, ...lines, ...(coverage ?? []).flatMap(coverageLines)].join('\n');
  });
  return { stdout: `${blocks.join('\n\n')}\n`, errors };
}

/** `check --laws list`: the shipped checklists, one a line. */
export async function listLawsCommand(options: { json: boolean }): Promise<string> {
  const checklists = await readAllChecklists();
  if (options.json) {
    const laws = checklists.map(({ id, title, version, jurisdiction, source, requirements }) => ({ id, title, version, jurisdiction, source, requirements: requirements.length }));
    return `${JSON.stringify({ laws }, null, 2)}\n`;
  }
  const width = Math.max(...checklists.map((c) => c.id.length));
  const lines = checklists.map((c) => `${c.id.padEnd(width)}  ${c.jurisdiction.padEnd(6)} version ${c.version}  ${c.title} (${c.requirements.length} requirements)`);
  return `${lines.join('\n')}\n`;
}

function reasonFor(finding: Finding, dismissals: readonly Dismissal[]): string {
  return dismissals.find((d) => dismisses(d, finding))?.reason ?? '';
}

function missingIn(coverage: readonly LawCoverage[] | undefined): number {
  return (coverage ?? []).reduce((n, law) => n + law.requirements.filter((r) => r.covered === null).length, 0);
}

function coverageLines({ law, requirements }: LawCoverage): string[] {
  const covered = requirements.filter((r) => r.covered !== null).length;
  const width = Math.max(...requirements.map((r) => r.requirement.citation.length));
  return [
    `  ${law.title} (${law.id}, version ${law.version}): ${covered} of ${requirements.length} required disclosures made`,
    ...requirements.map(({ requirement, covered: section, offer }) => {
      const where = section
        ? section.sectionId === null ? 'in the opening text' : `in section ${section.sectionNumber} “${section.title}”`
        : `not found${offer ? `; the starter clause “${offer}” covers it` : ''}`;
      return `    ${section ? 'covered' : 'MISSING'}  ${requirement.citation.padEnd(width)}  ${requirement.title}: ${where}`;
    }),
  ];
}

function coverageJson({ law, requirements }: LawCoverage) {
  return {
    law,
    requirements: requirements.map(({ requirement, covered, by, offer }) => ({ id: requirement.id, citation: requirement.citation, title: requirement.title, covered, by, offer })),
  };
}

function summary(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'nothing found';
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  return [errors ? `${errors} error${errors === 1 ? '' : 's'}` : '', warnings ? `${warnings} warning${warnings === 1 ? '' : 's'}` : ''].filter(Boolean).join(', ');
}
