import { describe, expect, it } from 'vitest';
import { publishedPolicy, section } from '../testing/builders';
import { changeSummary } from './change-summary';
import { compareDocuments } from './compare';

const labels = { oldLabel: 'Version “Published”', newLabel: 'Current draft' };

const base = publishedPolicy([
  ...section(1, 's-intro', 'Introduction', 'We are Northwind Analytics Ltd.'),
  ...section(1, 's-collect', 'Information We Collect', 'We collect your name and email address.'),
  ...section(1, 's-retain', 'Retention', 'We keep data for six years.'),
  ...section(1, 's-cookies', 'Cookies', 'We use cookies to keep you signed in.'),
  ...section(1, 's-contact', 'Contact Us', 'Write to privacy@northwind.example.'),
]);

describe('changeSummary', () => {
  it('names the changed, added, deleted and moved sections by title, never by number', () => {
    const next = publishedPolicy([
      ...section(1, 's-intro', 'Introduction', 'We are Northwind Analytics Ltd.'),
      ...section(1, 's-retain', 'Retention', 'We keep data for twelve months.'),
      ...section(1, 's-collect', 'Information We Collect', 'We collect your name and email address.'),
      ...section(1, 's-contact', 'Contact Us', 'Write to privacy@northwind.example (or call us).'),
      ...section(1, 's-rights', 'Your Rights', 'You may ask for a copy of your data.'),
    ]);
    const summary = changeSummary(compareDocuments(base, next, labels));
    expect(summary.split('\n')[0]).toBe('Changes since Version “Published”:');
    expect(summary).toContain('Moved and changed: Retention.');
    expect(summary).toContain('Changed: Contact Us.');
    expect(summary).toContain('Added: Your Rights.');
    expect(summary).toContain('Deleted: Cookies.');
    expect(summary).not.toMatch(/\d\./);
  });

  it('names a section split off by its new title, and one merged into the section before by its old one', () => {
    const split = publishedPolicy([
      ...section(1, 's-intro', 'Introduction', 'We are Northwind Analytics Ltd.'),
      ...section(1, 's-collect', 'Information We Collect', 'We collect your name and email address.'),
      ...section(1, 's-retain', 'Retention', 'We keep data for six years.', 'We delete it on request.'),
    ]);
    const cut = publishedPolicy([...split.blocks.slice(0, 6), ...section(1, 's-delete', 'Deletion', 'We delete it on request.')]);
    expect(changeSummary(compareDocuments(split, cut, labels))).toContain('Split off: Deletion.');
    expect(changeSummary(compareDocuments(cut, split, labels))).toContain('Merged into the section before: Deletion.');
  });

  it('says so when the wording did not change', () => {
    expect(changeSummary(compareDocuments(base, base, labels))).toBe('Changes since Version “Published”:\nNo changes to the wording.');
  });
});
