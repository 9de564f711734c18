import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../shared/api/contract';
import { decodeEntry, encodeEntry } from './browser-journal';

const decode = (bytes: Uint8Array) => decodeEntry(new TextDecoder().decode(bytes));

describe('the tab journal entry layout', () => {
  it('gives back the entry as it was, text with quotes, new lines and characters outside ASCII included', () => {
    const entry: JournalEntry = {
      base: 'sha256:abc',
      takenAt: '2026-12-05T12:00:00.000Z',
      text: '{"format":4,"title":"Privacy \\"Policy\\""}\n{"kind":"paragraph","runs":[{"text":"Café – 🙂"}]}\n',
    };
    expect(decode(encodeEntry(entry))).toEqual(entry);
  });

  it('keeps a document with no base and an empty text', () => {
    const entry: JournalEntry = { base: null, takenAt: '2026-12-05T12:00:00.000Z', text: '' };
    expect(decode(encodeEntry(entry))).toEqual(entry);
  });

  it('still reads an entry sealed as one JSON value, as earlier versions did', () => {
    const entry: JournalEntry = { base: null, takenAt: '2026-12-05T12:00:00.000Z', text: 'line one\nline two' };
    expect(decodeEntry(JSON.stringify(entry))).toEqual(entry);
  });

  it('writes the text as it is, not escaped into JSON', () => {
    const text = '"quoted"\n';
    const bytes = encodeEntry({ base: null, takenAt: 'now', text });
    expect(new TextDecoder().decode(bytes).endsWith(`\n${text}`)).toBe(true);
  });

  it('reads a cut-off entry as nothing rather than as an entry', () => {
    expect(decodeEntry('policywright-journal 2\n{"base":null')).toBeNull();
  });
});

describe('encoding a long text', () => {
  it('gives back a text of many-byte characters longer than the first guess at its size', () => {
    const text = `${'a'.repeat(100)}${'€🙂ж'.repeat(5000)}"\n`;
    const entry: JournalEntry = { base: null, takenAt: 'now', text };
    const bytes = encodeEntry(entry);
    expect(decode(bytes)).toEqual(entry);
    expect(bytes.byteLength).toBe(new TextEncoder().encode(`policywright-journal 2\n${JSON.stringify({ base: null, takenAt: 'now' })}\n${text}`).byteLength);
  });
});
