import type { DocumentWorkflow } from '../workflow/schema';
import type { TrailRow } from '../workflow/trail-csv';
import { STATE_NAMES } from '../workflow/allowed-steps';
import { escapeHtml } from './html-escape';

export interface TrailReportInput {
  readonly projectName: string;
  readonly documentId: string;
  readonly title: string;
  readonly workflow: DocumentWorkflow;
  /** Oldest first, as read from git. */
  readonly trail: readonly TrailRow[];
  /** When the report was made (ISO). */
  readonly generatedAt: string;
  /** Who made it. */
  readonly generatedBy: string;
}

/**
 * The git command that lists the same steps as the report, for an auditor with git alone: commit, time, person and
 * step, oldest first. Arguments as a shell would be given them, quoted for one.
 */
export function trailGitCommand(documentId: string): string[] {
  return ['git', 'log', '--reverse', `--grep='^Policywright-Document: ${documentId}$'`, "--format='%H %aI %an: %(trailers:key=Policywright-Review-Step,valueonly,separator=)'"];
}

/** "2026-03-01 10:00:00 UTC": one time zone for every row, whoever reads the report where. */
function utc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

const STYLE = `
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 9.5pt; color: #111; }
h1 { font-size: 16pt; margin: 0 0 4pt; }
.meta { margin: 0 0 10pt; color: #333; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2pt 10pt; margin: 0 0 12pt; }
dt { font-weight: bold; }
dd { margin: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 0.5pt solid #999; padding: 3pt 4pt; text-align: left; vertical-align: top; }
th { background: #eee; }
col.time { width: 12%; } col.person { width: 12%; } col.step { width: 11%; } col.state { width: 9%; } col.id { width: 10%; }
tr { break-inside: avoid; }
.note { white-space: pre-wrap; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 8pt; word-break: break-all; }
.verify { margin-top: 12pt; color: #333; }
`;

/**
 * The audit trail of one document as a standalone HTML page, printed to PDF for auditors: where the document stands,
 * then every step (time, person, step, state, note, the edition of the text it applied to and the commit that records
 * it), oldest first, and how to check the rows against the repository with git alone. Everything a person typed is
 * escaped; the page has no scripts and loads nothing.
 */
export function trailReportHtml(input: TrailReportInput): string {
  const { workflow: wf } = input;
  const published = wf.published
    ? `${escapeHtml(utc(wf.published.at))}, tag <code>${escapeHtml(wf.published.tag)}</code>${wf.published.effectiveDate ? `, effective ${escapeHtml(wf.published.effectiveDate)}` : ''}`
    : 'never';
  const rows = input.trail
    .map(
      (row) => `<tr>
<td>${escapeHtml(utc(row.at))}</td>
<td>${escapeHtml(row.person)}</td>
<td>${escapeHtml(row.step)}</td>
<td>${escapeHtml(STATE_NAMES[row.state as DocumentWorkflow['state']] ?? row.state)}</td>
<td class="note">${escapeHtml(row.note)}</td>
<td><code>${escapeHtml(row.edition.slice(0, 12))}</code></td>
<td><code>${escapeHtml(row.commit.slice(0, 12))}</code>${row.signed ? '<br>signed' : ''}</td>
</tr>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(`Audit trail: ${input.title}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Audit trail: ${escapeHtml(input.title)}</h1>
<p class="meta">Project ${escapeHtml(input.projectName)} · document <code>${escapeHtml(input.documentId)}</code> · made ${escapeHtml(utc(input.generatedAt))} by ${escapeHtml(input.generatedBy)}</p>
<dl>
<dt>State</dt><dd>${escapeHtml(STATE_NAMES[wf.state])}</dd>
<dt>Approvers</dt><dd>${wf.approvers.length > 0 ? escapeHtml(wf.approvers.join(', ')) : 'none named'}</dd>
<dt>Reviewers</dt><dd>${wf.reviewers.length > 0 ? escapeHtml(wf.reviewers.join(', ')) : 'none named'}</dd>
<dt>Last published</dt><dd>${published}</dd>
<dt>Depends on</dt><dd>${wf.dependsOn.length > 0 ? escapeHtml(wf.dependsOn.join(', ')) : 'no other document'}${wf.dependenciesChecked ? `; last confirmed needing no change for them ${escapeHtml(utc(wf.dependenciesChecked))}` : ''}</dd>
<dt>Editorial edits</dt><dd>${wf.editorialKeepsApproval ? 'keep approvals (same words; case, punctuation, spacing and formatting changed)' : 'restart the review, as any edit does'}</dd>
<dt>Steps</dt><dd>${input.trail.length}</dd>
</dl>
<table>
<colgroup><col class="time"><col class="person"><col class="step"><col class="state"><col><col class="id"><col class="id"></colgroup>
<thead><tr><th>Time</th><th>Person</th><th>Step</th><th>State after</th><th>Note</th><th>Edition</th><th>Commit</th></tr></thead>
<tbody>
${rows || '<tr><td colspan="7">No review steps recorded.</td></tr>'}
</tbody>
</table>
<p class="verify">Each row is a commit of the project's git repository, read back from it: the edition is the git blob of the
document's file the step applied to, the commit the step's record (both shortened here; the CSV export has them in full).
To check the rows with git alone, in the project's folder: <code>${escapeHtml(trailGitCommand(input.documentId).join(' '))}</code>.
The names are those the app was run under: git does not prove who typed them. A commit marked "signed" carries an
OpenPGP signature made with the key configured in that person's clone, which <code>git verify-commit</code> (and, for a
publication's tag, <code>git verify-tag</code>) checks against the signer's public key; this report does not check it.</p>
</body>
</html>
`;
}
