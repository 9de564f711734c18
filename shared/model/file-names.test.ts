import { describe, expect, it } from 'vitest';
import { ClauseIdSchema, DocumentIdSchema } from './document';
import { caseTwinIn, fileNameFromTitle, isWindowsDeviceName, windowsDeviceIn } from './file-names';

describe('Windows device names', () => {
  it.each(['con', 'PRN', 'Aux', 'nul', 'com0', 'COM1', 'com9', 'lpt0', 'LPT9', 'com¹', 'lpt³', 'nul.txt', 'AUX.policy.json', 'con .txt', 'conin$', 'CONOUT$'])(
    'refuses %j on every platform',
    (name) => {
      expect(isWindowsDeviceName(name)).toBe(true);
    },
  );

  it.each(['console', 'auxiliary', 'com10', 'lpt', 'com', 'aux-document', 'nul-2', 'my.aux', 'null', 'conx', 'a.con'])('accepts %j', (name) => {
    expect(isWindowsDeviceName(name)).toBe(false);
  });

  it('names the device a file name opens', () => {
    expect(windowsDeviceIn('Com1.clause.json')).toBe('com1');
    expect(windowsDeviceIn('privacy-policy.policy.json')).toBeNull();
  });

  it('is refused as a document id and as a clause id, with the reason', () => {
    for (const schema of [DocumentIdSchema, ClauseIdSchema]) {
      for (const id of ['aux', 'nul', 'com1', 'lpt9', 'con', 'prn']) {
        const result = schema.safeParse(id);
        expect(result.success, id).toBe(false);
        expect(result.error?.issues[0]?.message).toMatch(/is a device name on Windows/);
      }
      expect(schema.safeParse('aux-document').success).toBe(true);
    }
  });
});

describe('names that differ only in case', () => {
  it('finds the existing name that is the same file on Windows and macOS', () => {
    expect(caseTwinIn('retention.clause.json', ['Retention.clause.json', 'other.clause.json'])).toBe('Retention.clause.json');
    expect(caseTwinIn('cafe\u0301.txt', ['CAFÉ.txt'])).toBe('CAFÉ.txt');
  });

  it('does not count the name itself, nor names that really differ', () => {
    expect(caseTwinIn('retention.clause.json', ['retention.clause.json', 'retention-2.clause.json'])).toBeNull();
  });
});

describe('export file names from a title', () => {
  it('keeps a plain title as it reads', () => {
    expect(fileNameFromTitle('Privacy Policy', 'privacy-policy')).toBe('Privacy Policy');
    expect(fileNameFromTitle('Política de privacidad', 'x')).toBe('Política de privacidad');
  });

  it('turns what Windows forbids into spaces, and drops trailing dots and spaces', () => {
    expect(fileNameFromTitle('Terms: EU/UK <draft> "v2"?*|', 'terms')).toBe('Terms EU UK draft v2');
    expect(fileNameFromTitle('..\\..\\etc/passwd', 'doc')).toBe('etc passwd');
    expect(fileNameFromTitle('Policy...  ', 'doc')).toBe('Policy');
    expect(fileNameFromTitle('Tab\there\u0000', 'doc')).toBe('Tab here');
  });

  it('adds a word to a device name and falls back to the id when nothing is left', () => {
    expect(fileNameFromTitle('Aux', 'aux-document')).toBe('Aux document');
    expect(fileNameFromTitle('con.txt', 'x')).toBe('con.txt document');
    expect(fileNameFromTitle('///', 'cookie-policy')).toBe('cookie-policy');
  });

  it('shortens a very long title', () => {
    expect([...fileNameFromTitle('A'.repeat(500), 'x')]).toHaveLength(120);
  });
});
