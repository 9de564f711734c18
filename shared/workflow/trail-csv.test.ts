import { describe, expect, it } from 'vitest';
import { trailCsv, type TrailRow } from './trail-csv';

const row = (over: Partial<TrailRow>): TrailRow => ({
  commit: 'c'.repeat(40),
  step: 'Approved',
  state: 'approved',
  person: 'Ann',
  at: '2026-03-01T10:00:00.000Z',
  note: '',
  edition: 'e'.repeat(40),
  ...over,
});

describe('trailCsv', () => {
  it('writes a header and one quoted record per step, in order', () => {
    expect(trailCsv([row({ step: 'Review opened', state: 'in-review', person: 'Dana', note: 'Retention cut' }), row({ signed: true })])).toBe(
      'time,person,step,state,note,edition,commit,signed\r\n' +
        `"2026-03-01T10:00:00.000Z","Dana","Review opened","in-review","Retention cut","${'e'.repeat(40)}","${'c'.repeat(40)}","no"\r\n` +
        `"2026-03-01T10:00:00.000Z","Ann","Approved","approved","","${'e'.repeat(40)}","${'c'.repeat(40)}","yes"\r\n`,
    );
  });

  it('keeps quotes, commas and line breaks of a note inside its field', () => {
    const csv = trailCsv([row({ note: 'Say "data", not\n"information"' })]);
    expect(csv.split('\r\n')[1]).toContain('"Say ""data"", not\n""information"""');
  });

  it('never lets a note start a spreadsheet formula', () => {
    expect(trailCsv([row({ note: '=HYPERLINK("x")', person: '@bo' })]).split('\r\n')[1]).toContain(`"'@bo"`);
    expect(trailCsv([row({ note: '=HYPERLINK("x")' })])).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('is only the header for an empty trail', () => {
    expect(trailCsv([])).toBe('time,person,step,state,note,edition,commit,signed\r\n');
  });
});
