import { describe, expect, it } from 'vitest';
import { journalFileText, readJournalFileText, type JournalFileEntry } from './journal-file';

const entry = (text: string, about: Partial<JournalFileEntry> = {}): JournalFileEntry => ({
  project: '/home/ana/Policies "2026"\nQ1',
  documentId: 'privacy-policy',
  window: 'window-0001',
  base: 'sha256-abc',
  takenAt: '2026-12-07T04:00:00.000Z',
  text,
  ...about,
});

describe('a crash-journal entry as its file holds it', () => {
  it('reads back exactly what was written: quotes, line breaks, non-ASCII and astral characters in the text and the fields', () => {
    const text = '{\n  "title": "Privacy \\"Policy\\" – § 1 ✓ 😀",\n  "blocks": []\n}\nand a last line without a break';
    const written = entry(text);
    expect(readJournalFileText(journalFileText(written))).toEqual(written);
    expect(readJournalFileText(journalFileText(entry('', { base: null })))).toEqual(entry('', { base: null }));
  });

  it('writes the text as it is, after a line naming the format and a line of what the entry is about', () => {
    const file = journalFileText(entry('{"a": "b"}'));
    const lines = file.split('\n');
    expect(lines[0]).toBe('policywright-journal 2');
    expect(JSON.parse(lines[1] as string)).toEqual({ project: entry('').project, documentId: 'privacy-policy', window: 'window-0001', base: 'sha256-abc', takenAt: '2026-12-07T04:00:00.000Z', chars: 10 });
    expect(lines.slice(2).join('\n')).toBe('{"a": "b"}');
  });

  it('reads an entry the app wrote before, as one JSON object', () => {
    const old = entry('{"old": true}');
    expect(readJournalFileText(JSON.stringify(old))).toEqual(old);
  });

  it('writes a text with half a surrogate pair as the JSON object, which keeps it', () => {
    const odd = entry('{"title": "\ud800"}');
    const file = journalFileText(odd);
    expect(file.startsWith('policywright-journal')).toBe(false);
    expect(readJournalFileText(file)).toEqual(odd);
  });

  it('reads nothing from a file cut short or not its own', () => {
    const whole = journalFileText(entry('{"blocks": ["one", "two"]}\n'));
    expect(readJournalFileText(whole.slice(0, -1))).toBeNull();
    expect(readJournalFileText(`${whole} `)).toBeNull();
    expect(readJournalFileText('policywright-journal 2\n{"project": "/p"')).toBeNull();
    expect(readJournalFileText('policywright-journal 2\n[1, 2]\ntext')).toBeNull();
    expect(readJournalFileText('policywright-journal 2\n{"text": "smuggled"}\ntext')).toBeNull();
    expect(readJournalFileText('{"project": "/p", "te')).toBeNull();
    expect(readJournalFileText('')).toBeNull();
  });
});
