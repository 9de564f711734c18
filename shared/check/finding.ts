/** What the checker can find, one rule each; the ids are stable (a dismissal saved in a project names one). */
export const CHECK_RULES = {
  'broken-reference': 'A typed reference ("see Section 7") names no section of this document.',
  'missing-reference': 'A cross-reference points at a section that is no longer in the document.',
  'undefined-term': 'A capitalised term is used as a defined term but never defined.',
  'unused-term': 'A term is defined but never used.',
  'term-defined-twice': 'A term is defined more than once.',
  placeholder: 'Placeholder text is left in the document.',
  'unfilled-variable': 'A variable has no value.',
  'empty-section': 'A section has no text.',
  'duplicate-heading': 'Two sections have the same heading.',
  'dates-out-of-order': 'The effective date is after the "last updated" date.',
  'stale-last-updated': '"Last updated" is older than the last substantive version.',
  'bad-link': 'A web address in the text is not a valid http, https or mailto address.',
  'deprecated-clause': 'A section holds the text of a clause the library has deprecated.',
} as const;

export type CheckRule = keyof typeof CHECK_RULES;
export type Severity = 'error' | 'warning';

export interface Finding {
  readonly rule: CheckRule;
  readonly severity: Severity;
  /** The section the finding is in (its stable id), or null for the document's details or its preamble. */
  readonly sectionId: string | null;
  /** That section's number as the document shows it ("4.2", "Article II"), for people; null where sectionId is. */
  readonly sectionNumber: string | null;
  /** One sentence saying what and where. */
  readonly message: string;
  /** The words at fault, for a list or a jump to the place. */
  readonly excerpt: string;
}
