import { describe, expect, it } from 'vitest';
import { sectionMatches } from './ReferencePicker';

describe('the cross-reference list’s filter', () => {
  const section = { label: '4.2', title: 'Retention of Personal Data' };
  it('finds a section by its number, by words of its title in any order and case, or by both', () => {
    expect(sectionMatches(section, '')).toBe(true);
    expect(sectionMatches(section, '4.2')).toBe(true);
    expect(sectionMatches(section, 'personal retention')).toBe(true);
    expect(sectionMatches(section, '4.2 RETENTION')).toBe(true);
  });
  it('leaves out a section any typed word is missing from', () => {
    expect(sectionMatches(section, 'retention cookies')).toBe(false);
    expect(sectionMatches(section, '5.1')).toBe(false);
  });
});
