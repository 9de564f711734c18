import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from './test-cli';

const SHAPES = fileURLToPath(new URL('../../shared/import/fixtures/shapes/', import.meta.url));

describe('policywright import', () => {
  let tmp = '';
  beforeEach(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-import-'));
    expect((await cli('new', path.join(tmp, 'p'))).code).toBe(0);
  });
  afterEach(async () => {
    await fs.rm(tmp, { recursive: true, force: true });
  });

  it('--json gives the new document and the import report', async () => {
    const { code, out } = await cli('import', path.join(SHAPES, 'word-toc.md'), '--into', path.join(tmp, 'p'), '--json');
    expect(code).toBe(0);
    const result = JSON.parse(out) as { id: string; title: string; report: { headings: { found: number; unnumbered: string[] }; contents: unknown; dates: unknown[] } };
    expect(result.title).toBe('Information Security Policy');
    expect(result.report.headings.found).toBe(6);
    expect(result.report.headings.unnumbered).toEqual(['Overview']);
    expect(result.report.contents).toEqual({ entries: 6, title: 'Table of Contents' });
    expect(result.report.dates).toEqual([
      { field: 'effectiveDate', value: '2025-01-15', from: 'Revised and Effective: 15 January 2025' },
      { field: 'lastUpdated', value: '2025-01-15', from: 'Revised and Effective: 15 January 2025' },
    ]);
  });

  it('without --json says what it decided, one sentence a line', async () => {
    const { code, out } = await cli('import', path.join(SHAPES, 'letters-summary.html'), '--into', path.join(tmp, 'p'));
    expect(code).toBe(0);
    expect(out.split('\n').slice(1, 4)).toEqual([
      '  10 headings found: 9 with typed numbers, 1 without a number (“Summary”).',
      '  Effective date 2024-03-01 taken from “Effective date: 1 March 2024”.',
      '  Version 3.2 taken from “Version 3.2”.',
    ]);
  });
});
