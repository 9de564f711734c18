import { describe, expect, it } from 'vitest';
import { NEW_WORKFLOW } from '../workflow/schema';
import type { TrailRow } from '../workflow/trail-csv';
import { trailReportHtml } from './trail-report';

const row = (step: string, person: string, note = ''): TrailRow => ({
  commit: 'c'.repeat(40),
  step,
  state: 'in-review',
  person,
  at: '2026-03-01T10:00:00.000Z',
  note,
  edition: 'e'.repeat(40),
});

const report = (trail: TrailRow[]) =>
  trailReportHtml({
    projectName: 'Northwind <Policies>',
    documentId: 'privacy-policy',
    title: 'Privacy & Cookies',
    workflow: { ...NEW_WORKFLOW, state: 'in-review', approvers: ['Ann', 'Bo'] },
    trail,
    generatedAt: '2026-03-02T08:30:00.000Z',
    generatedBy: 'Dana',
  });

describe('the audit trail report', () => {
  it('lists every step oldest first, in UTC, with the edition and the commit shortened', () => {
    const html = report([row('Review opened', 'Dana', 'Retention'), { ...row('Approved', 'Ann'), signed: true }]);
    expect(html.match(/<br>signed/g)).toHaveLength(1);
    expect(html.indexOf('Review opened')).toBeLessThan(html.indexOf('<td>Approved</td>'));
    expect(html).toContain('<td>2026-03-01 10:00:00 UTC</td>');
    expect(html).toContain(`<code>${'e'.repeat(12)}</code>`);
    expect(html).not.toContain('e'.repeat(13));
    expect(html).toContain('<dt>Approvers</dt><dd>Ann, Bo</dd>');
    expect(html).toContain('<dt>Depends on</dt><dd>no other document</dd>');
    expect(html).toContain('--grep=&#39;^Policywright-Document: privacy-policy$&#39;');
  });

  it('escapes everything a person typed, and has no script', () => {
    const html = report([row('Approved', '<img src=x onerror=alert(1)>', '</td><script>alert(1)</script>')]);
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('&lt;/td&gt;&lt;script&gt;');
    expect(html).toContain('Privacy &amp; Cookies');
    expect(html).toContain('Northwind &lt;Policies&gt;');
  });

  it('says so when there is no step yet', () => {
    expect(report([])).toContain('No review steps recorded.');
  });
});
