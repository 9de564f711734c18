import { describe, expect, it } from 'vitest';
import { ChecksFileSchema } from './project-checks-schema';
import { NO_CHECKS, dismissalsOf, partitionFindings, serializeChecks, withAcknowledgement, withDismissal, withLaws, withoutDismissal, type Dismissal } from './project-checks';

const dismissal = (document: string, excerpt: string, reason = 'Fine as it is.'): Dismissal => ({ document, rule: 'unused-term', sectionId: 's-terms0001', excerpt, reason, at: '2026-12-05T03:00:00.000Z' });
const finding = (excerpt: string, sectionId: string | null = 's-terms0001') => ({ rule: 'unused-term' as const, sectionId, excerpt });

describe('project checks', () => {
  it('takes out a finding only when rule, section and words all match', () => {
    const dismissals = [dismissal('privacy-policy', 'Cookies')];
    const { open, dismissed } = partitionFindings([finding('Cookies'), finding('Cookies', 's-other00001'), { ...finding('Cookies'), rule: 'undefined-term' as const }, finding('Partners')], dismissals);
    expect(dismissed).toEqual([finding('Cookies')]);
    expect(open).toHaveLength(3);
  });

  it('keeps one dismissal per finding and document, the newest reason winning, and takes one back', () => {
    let checks = withDismissal(NO_CHECKS, dismissal('privacy-policy', 'Cookies', 'First.'));
    checks = withDismissal(checks, dismissal('cookie-policy', 'Cookies'));
    checks = withDismissal(checks, dismissal('privacy-policy', 'Cookies', 'Second.'));
    expect(dismissalsOf(checks, 'privacy-policy').map((d) => d.reason)).toEqual(['Second.']);
    checks = withoutDismissal(checks, 'privacy-policy', finding('Cookies'));
    expect(dismissalsOf(checks, 'privacy-policy')).toEqual([]);
    expect(dismissalsOf(checks, 'cookie-policy')).toHaveLength(1);
  });

  it('keeps each document’s laws once each, and forgets a document with none', () => {
    const checks = withLaws(withLaws(NO_CHECKS, 'privacy-policy', ['gdpr', 'ccpa', 'gdpr']), 'cookie-policy', ['gdpr']);
    expect(checks.laws).toEqual({ 'privacy-policy': ['gdpr', 'ccpa'], 'cookie-policy': ['gdpr'] });
    expect(withLaws(checks, 'cookie-policy', []).laws).toEqual({ 'privacy-policy': ['gdpr', 'ccpa'] });
  });

  it('writes a file its schema reads back, in an order that does not depend on the order of edits', () => {
    const a = withAcknowledgement(withDismissal(withDismissal(NO_CHECKS, dismissal('b-doc', 'X')), dismissal('a-doc', 'Y')), { id: 'gdpr', version: 2, requirementVersions: { retention: 2 } });
    const b = withDismissal(withDismissal(withAcknowledgement(NO_CHECKS, { id: 'gdpr', version: 2, requirementVersions: { retention: 2 } }), dismissal('a-doc', 'Y')), dismissal('b-doc', 'X'));
    expect(serializeChecks(a)).toBe(serializeChecks(b));
    const { format, ...read } = ChecksFileSchema.parse(JSON.parse(serializeChecks(a)));
    expect(format).toBe(1);
    expect(read.dismissed.map((d) => d.document)).toEqual(['a-doc', 'b-doc']);
  });

  it('refuses a file with an unknown rule, a reason of two lines or an unknown field', () => {
    const file = (d: object) => ({ format: 1, dismissed: [{ ...dismissal('a-doc', 'X'), ...d }], laws: {}, acknowledged: [] });
    expect(ChecksFileSchema.safeParse(file({})).success).toBe(true);
    expect(ChecksFileSchema.safeParse(file({ rule: 'made-up' })).success).toBe(false);
    expect(ChecksFileSchema.safeParse(file({ reason: 'one\ntwo' })).success).toBe(false);
    expect(ChecksFileSchema.safeParse(file({ extra: true })).success).toBe(false);
    expect(ChecksFileSchema.safeParse(file({ sectionId: '../etc' })).success).toBe(false);
  });
});
