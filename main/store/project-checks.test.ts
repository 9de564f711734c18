import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NO_CHECKS, withDismissal, type Dismissal } from '../../shared/check/project-checks';
import { readProjectChecks, readProjectChecksOrProblem, updateProjectChecks } from './project-checks';
import { SIZE_LIMITS } from './project-fs';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-checks-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const file = () => path.join(dir, 'checks.json');
const dismissal = (excerpt: string, reason = 'Reviewed with legal.'): Dismissal => ({
  document: 'privacy-policy',
  rule: 'unused-term',
  sectionId: 's-terms0001',
  excerpt,
  reason,
  at: '2026-12-05T03:00:00.000Z',
});

describe('the project checks file', () => {
  it('is empty for a project that never dismissed anything, and is not made by reading', async () => {
    expect(await readProjectChecks(dir)).toEqual(NO_CHECKS);
    await expect(fs.stat(file())).rejects.toThrow();
  });

  it('keeps what an edit writes, in a file that reads well in git', async () => {
    await updateProjectChecks(dir, (checks) => withDismissal(checks, dismissal('Cookies')));
    expect((await readProjectChecks(dir)).dismissed).toEqual([dismissal('Cookies')]);
    const text = await fs.readFile(file(), 'utf8');
    expect(JSON.parse(text).format).toBe(1);
    expect(text).toContain('\n      "reason": "Reviewed with legal.",\n');
  });

  it('applies each edit to the file as it is on disk, so two at once both stay', async () => {
    await Promise.all([
      updateProjectChecks(dir, (checks) => withDismissal(checks, dismissal('Cookies'))),
      updateProjectChecks(dir, (checks) => withDismissal(checks, dismissal('Services'))),
    ]);
    // And one written by someone else (a sync) since the last read is kept by the next edit.
    const onDisk = JSON.parse(await fs.readFile(file(), 'utf8'));
    onDisk.dismissed.push(dismissal('Partners', 'From a colleague.'));
    await fs.writeFile(file(), JSON.stringify(onDisk));
    await updateProjectChecks(dir, (checks) => withDismissal(checks, dismissal('Data')));
    expect((await readProjectChecks(dir)).dismissed.map((d) => d.excerpt).sort()).toEqual(['Cookies', 'Data', 'Partners', 'Services']);
  });

  it('refuses a malformed file in one sentence naming it, and the project reads on without dismissals', async () => {
    await fs.writeFile(file(), '{"format": 1, "dismissed": [');
    await expect(readProjectChecks(dir)).rejects.toThrow(/^The project's checks\.json cannot be used: .+\.$/u);
    const { checks, problem } = await readProjectChecksOrProblem(dir);
    expect(checks).toEqual(NO_CHECKS);
    expect(problem).toMatch(/^The project's checks\.json cannot be used: [^\n]+\.$/u);
  });

  it('refuses a file of the wrong shape, saying where', async () => {
    await fs.writeFile(file(), JSON.stringify({ format: 1, dismissed: [{ ...dismissal('Cookies'), reason: 'two\nlines' }], laws: {}, acknowledged: [] }));
    expect((await readProjectChecksOrProblem(dir)).problem).toBe("The project's checks.json cannot be used: dismissed[0].reason must be one line.");
    await fs.writeFile(file(), JSON.stringify({ format: 2, dismissed: [], laws: {}, acknowledged: [] }));
    expect((await readProjectChecksOrProblem(dir)).problem).toContain('format must be 1, the checks file format this version of Policywright reads');
  });

  it('refuses a huge file without reading it', async () => {
    await fs.writeFile(file(), Buffer.alloc(SIZE_LIMITS.checks + 1, 0x20));
    const { problem } = await readProjectChecksOrProblem(dir);
    expect(problem).toMatch(/^The project's checks\.json cannot be read: checks\.json is 4 MiB, over the 4 MiB .+; it was not opened\.$/u);
  });

  it('refuses a link in its place, wherever it points', async () => {
    const elsewhere = path.join(dir, 'elsewhere.json');
    await fs.writeFile(elsewhere, JSON.stringify({ format: 1, dismissed: [], laws: {}, acknowledged: [] }));
    await fs.symlink(elsewhere, file());
    expect((await readProjectChecksOrProblem(dir)).problem).toMatch(/^The project's checks\.json cannot be read: .*link/u);
    await expect(updateProjectChecks(dir, (checks) => checks)).rejects.toThrow(/checks\.json/u);
  });

  it('never replaces a file it cannot read: the edit is refused and the file left as it was', async () => {
    await fs.writeFile(file(), '{"format": 1, "dismissed": "someone’s hand edit"}');
    await expect(updateProjectChecks(dir, (checks) => withDismissal(checks, dismissal('Cookies')))).rejects.toThrow("The project's checks.json cannot be used: dismissed");
    expect(await fs.readFile(file(), 'utf8')).toBe('{"format": 1, "dismissed": "someone’s hand edit"}');
  });
});
