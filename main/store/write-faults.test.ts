import type * as FsPromises from 'node:fs/promises';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * Fault injection at every file-system step of every write path of the store but versions (history has its own):
 * a document save, a new document (file, then manifest), the variables, a clause file, the app's settings, the
 * recent-projects list and the crash journal. For step k = 1…n of each, the step fails with ENOSPC, EIO, EACCES or
 * EROFS, or the process "crashes" there (that step and every file-system call after it fail, as in a dead process).
 * After each: every file is exactly its old or its new bytes, an acknowledged write is on disk, the project opens, and
 * a failure reached the caller as one sentence.
 */
const faults = vi.hoisted(() => ({ armed: false, step: 0, failAt: 0, mode: '' as string, crashed: false }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof FsPromises>();
  const gate = (name: string) => {
    if (!faults.armed) return;
    if (faults.crashed) throw Object.assign(new Error(`crashed before ${name}`), { code: 'ECRASHED' });
    faults.step++;
    if (faults.step !== faults.failAt) return;
    if (faults.mode === 'crash') {
      faults.crashed = true;
      throw Object.assign(new Error(`crash at ${name}`), { code: 'ECRASHED' });
    }
    throw Object.assign(new Error(`${faults.mode}: injected at ${name}`), { code: faults.mode });
  };
  const quiet = (name: string) => {
    if (faults.armed && faults.crashed) throw Object.assign(new Error(`crashed before ${name}`), { code: 'ECRASHED' });
  };
  const step = <A extends unknown[], R>(name: string, f: (...args: A) => Promise<R>) => async (...args: A) => {
    gate(name);
    return f(...args);
  };
  const read = <A extends unknown[], R>(name: string, f: (...args: A) => Promise<R>) => async (...args: A) => {
    quiet(name);
    return f(...args);
  };
  const open = async (...args: Parameters<typeof real.open>) => {
    // The confined reader (project-fs.ts) opens with numeric read-only flags: a read, not a step of the write.
    const flags = args[1];
    if (typeof flags === 'number' && (flags & 3) === 0) quiet('open');
    else gate('open');
    const handle = await real.open(...args);
    return {
      writeFile: step('write', handle.writeFile.bind(handle)),
      sync: step('fsync', handle.sync.bind(handle)),
      close: step('close', handle.close.bind(handle)),
      readFile: read('read', handle.readFile.bind(handle)),
      // The confined reader (project-fs.ts) reads at most its limit, with read() rather than readFile().
      read: read('read', handle.read.bind(handle)),
      stat: read('stat', handle.stat.bind(handle)),
    };
  };
  const wrapped = {
    ...real,
    open,
    rename: step('rename', real.rename),
    rm: step('rm', real.rm),
    unlink: step('unlink', real.unlink),
    mkdir: step('mkdir', real.mkdir),
    copyFile: step('copyFile', real.copyFile),
    writeFile: step('writeFile', real.writeFile),
    chmod: step('chmod', real.chmod),
    readFile: read('readFile', real.readFile),
    readdir: read('readdir', real.readdir),
    stat: read('stat', real.stat),
    lstat: read('lstat', real.lstat),
    access: read('access', real.access),
  };
  return { ...wrapped, default: wrapped };
});

const fs = await import('node:fs/promises');
const os = await import('node:os');
const path = await import('node:path');
const { Project, blankDocument } = await import('./project');
const { writeVariables } = await import('./variables');
const { saveClause } = await import('./clause-library');
const { AppSettings } = await import('./settings');
const { RecentProjects } = await import('./recent');
const { Journal } = await import('./journal');
const { serializeDocument } = await import('../../shared/format/serialize');

const MODES = ['ENOSPC', 'EIO', 'EACCES', 'EROFS', 'crash'];

interface Scenario {
  name: string;
  /** The files the write may change, relative to the temporary root. */
  files: string[];
  run: (root: string) => Promise<unknown>;
}

const edited = { ...blankDocument('Privacy Policy'), blocks: [{ kind: 'paragraph' as const, runs: [{ text: 'The new text.' }] }] };

const SCENARIOS: Scenario[] = [
  {
    name: 'document save',
    files: ['p/documents/privacy-policy.policy.json'],
    run: async (root) => {
      const project = await Project.open(path.join(root, 'p'));
      const { stamp } = await project.readDocument('privacy-policy');
      return project.saveDocument('privacy-policy', edited, stamp);
    },
  },
  {
    name: 'new document',
    files: ['p/policywright.json', 'p/documents/terms.policy.json'],
    run: async (root) => (await Project.open(path.join(root, 'p'))).addDocument({ ...edited, title: 'Terms' }),
  },
  { name: 'variables', files: ['p/variables.json'], run: (root) => writeVariables(path.join(root, 'p'), { company_name: 'New Co' }) },
  {
    name: 'clause file',
    files: ['p/clauses/retention.clause.json'],
    run: (root) =>
      saveClause(
        path.join(root, 'p', 'clauses'),
        { id: 'retention', title: 'Retention', status: 'draft', tags: { topic: [], jurisdiction: [] }, blocks: [{ kind: 'paragraph', runs: [{ text: 'Kept a year.' }] }] },
        false,
        '2026-12-04',
      ),
  },
  { name: 'settings', files: ['home/settings.json'], run: (root) => AppSettings.in(path.join(root, 'home')).set({ teamLibrary: '/team' }) },
  { name: 'recent projects', files: ['home/recent-projects.json'], run: (root) => RecentProjects.in(path.join(root, 'home')).remember({ name: 'P', path: '/p' }, new Date('2026-12-04T10:00:00Z')) },
  {
    name: 'journal',
    files: [],
    run: (root) => Journal.in(path.join(root, 'home')).write(path.join(root, 'p'), 'privacy-policy', 'window-faults-01', { base: null, takenAt: '2026-12-04T10:00:00.000Z', text: serializeDocument(edited) }),
  },
];

let template: string;
const figures = { faults: 0, violations: 0 };

beforeEach(async () => {
  faults.armed = false;
});

afterAll(async () => {
  if (template) await fs.rm(template, { recursive: true, force: true });
  console.log(`write-path fault injection: ${figures.faults} injected faults, ${figures.violations} violations`);
});

async function makeTemplate(): Promise<string> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-faults-template-'));
  await Project.create(path.join(root, 'p'), 'P', [{ id: 'privacy-policy', doc: blankDocument('Privacy Policy') }]);
  await writeVariables(path.join(root, 'p'), { company_name: 'Old Co' });
  await saveClause(
    path.join(root, 'p', 'clauses'),
    { id: 'retention', title: 'Retention', status: 'draft', tags: { topic: [], jurisdiction: [] }, blocks: [{ kind: 'paragraph', runs: [{ text: 'Kept forever.' }] }] },
    true,
    '2026-12-01',
  );
  await AppSettings.in(path.join(root, 'home')).set({ teamLibrary: null });
  await RecentProjects.in(path.join(root, 'home')).remember({ name: 'Q', path: '/q' });
  return root;
}

async function bytesOf(root: string, files: string[]): Promise<Map<string, Buffer | null>> {
  const out = new Map<string, Buffer | null>();
  for (const file of files) out.set(file, await fs.readFile(path.join(root, file)).catch(() => null));
  return out;
}

/** The journal's file is named by a hash: every file under home/journal, by relative path. */
async function journalFiles(root: string): Promise<string[]> {
  const dir = path.join(root, 'home', 'journal');
  const folders = await fs.readdir(dir).catch(() => [] as string[]);
  const files: string[] = [];
  for (const folder of folders) for (const name of await fs.readdir(path.join(dir, folder)).catch(() => [] as string[])) files.push(`home/journal/${folder}/${name}`);
  return files.filter((f) => !/\.tmp$/.test(path.basename(f)));
}

async function copyOf(source: string): Promise<string> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-faults-'));
  await fs.cp(source, root, { recursive: true });
  return root;
}

describe('every write path survives a fault at every step', () => {
  it.each(SCENARIOS.map((s) => [s.name, s] as const))('%s', async (_name, scenario) => {
    template ??= await makeTemplate();
    // The new bytes: the write done once without faults, counting its steps.
    const clean = await copyOf(template);
    faults.armed = true;
    faults.step = 0;
    faults.failAt = 0;
    faults.crashed = false;
    await scenario.run(clean);
    faults.armed = false;
    const steps = faults.step;
    const files = [...scenario.files, ...(await journalFiles(clean))];
    const after = await bytesOf(clean, files);
    expect(steps).toBeGreaterThan(2);

    for (let k = 1; k <= steps; k++) {
      for (const mode of MODES) {
        const root = await copyOf(template);
        const before = await bytesOf(root, files);
        faults.armed = true;
        faults.step = 0;
        faults.failAt = k;
        faults.mode = mode;
        faults.crashed = false;
        const outcome = await scenario.run(root).then(
          () => ({ ok: true as const }),
          (error: unknown) => ({ ok: false as const, error: error as Error }),
        );
        faults.armed = false;
        figures.faults++;
        const now = await bytesOf(root, files);
        const problems: string[] = [];
        for (const file of files) {
          const value = now.get(file) ?? null;
          const old = before.get(file) ?? null;
          const fresh = after.get(file) ?? null;
          const same = (a: Buffer | null, b: Buffer | null) => (a === null ? b === null : b !== null && a.equals(b));
          if (!same(value, old) && !same(value, fresh)) problems.push(`${file} is neither old nor new`);
          if (outcome.ok && !same(value, fresh)) problems.push(`${file}: the write was acknowledged but is not on disk`);
        }
        if (!outcome.ok && mode !== 'crash') {
          const message = outcome.error.message;
          if (/\bE[A-Z]{2,}\b|errno|injected|\.tmp\b/.test(message) || message.includes('\n')) problems.push(`not one plain sentence: ${message}`);
        }
        // A restarted app opens the project and reads every document it lists.
        const project = await Project.open(path.join(root, 'p')).catch((e: Error) => e);
        if (project instanceof Error) problems.push(`the project does not open: ${project.message}`);
        else for (const doc of (await project.info()).documents) if (doc.problem) problems.push(`${doc.id}: ${doc.problem}`);
        if (problems.length > 0) {
          figures.violations++;
          throw new Error(`${scenario.name}, step ${k} of ${steps}, ${mode}: ${problems.join('; ')}`);
        }
        await fs.rm(root, { recursive: true, force: true });
      }
    }
    await fs.rm(clean, { recursive: true, force: true });
  });
});
