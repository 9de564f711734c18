import { describe, expect, it } from 'vitest';
import { compareDocuments } from '../../shared/compare/compare';
import type { Block, PolicyDocument } from '../../shared/model/document';
import { MISSING_REFERENCE_TEXT } from '../../shared/numbering/references';
import { editionReferences, shownText } from './edition-references';

const heading = (id: string, title: string): Block => ({ kind: 'heading', id, level: 1, runs: [{ text: title }] });
const doc = (blocks: Block[]): PolicyDocument => ({
  format: 3,
  title: 'T',
  effectiveDate: '2026-01-01',
  lastUpdated: '2026-01-01',
  versionLabel: '1',
  owner: 'o',
  numbering: 'decimal',
  blocks,
});

describe('cross-references in a comparison', () => {
  const see: Block = { kind: 'paragraph', runs: [{ text: 'See ' }, { text: '{{ref:s-cccccc}}', ref: 's-cccccc', refTitle: true }] };
  const old = doc([heading('s-aaaaaa', 'Scope'), see, heading('s-bbbbbb', 'Uses'), heading('s-cccccc', 'Security')]);
  // The new edition drops "Uses": Security is 2 there, where it was 3.
  const next = doc([heading('s-aaaaaa', 'Scope'), see, heading('s-cccccc', 'Security')]);
  const comparison = compareDocuments(old, next, { oldLabel: 'Old', newLabel: 'New' });
  const references = editionReferences(comparison);

  it('show each edition its own number for the section', () => {
    const run = { text: '{{ref:s-cccccc}}', ref: 's-cccccc', refTitle: true as const };
    expect(shownText(run, references.old, references.new)).toBe('3 (Security)');
    expect(shownText(run, references.new, references.old)).toBe('2 (Security)');
  });

  it('show a section only one edition has by that edition, and flag one neither has', () => {
    expect(shownText({ text: 'as in {{ref:s-bbbbbb}}' }, references.new, references.old)).toBe('as in 2');
    expect(shownText({ text: '{{ref:s-zzzzzz}}' }, references.new, references.old)).toBe(MISSING_REFERENCE_TEXT);
    expect(shownText({ text: 'no reference here' }, references.new, references.old)).toBe('no reference here');
  });
});
