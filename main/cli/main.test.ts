import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cli } from './test-cli';

let tmp: string;
let home: string;
let savedHome: string | undefined;

beforeAll(async () => {
  savedHome = process.env.POLICYWRIGHT_HOME;
  home = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-cli-home-'));
  process.env.POLICYWRIGHT_HOME = home;
});

afterAll(async () => {
  if (savedHome === undefined) delete process.env.POLICYWRIGHT_HOME;
  else process.env.POLICYWRIGHT_HOME = savedHome;
  await fs.rm(home, { recursive: true, force: true });
});

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-cli-'));
});

afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});


async function sampleProject(): Promise<string> {
  const dir = path.join(tmp, 'sample');
  const made = await cli('new', dir, '--sample');
  expect(made.code).toBe(0);
  return dir;
}

const SAMPLE_PRIVACY = path.resolve(__dirname, '../../assets/sample-project/documents/privacy-policy.policy.json');

describe('policywright new', () => {
  it('creates the sample project with its three documents', async () => {
    const dir = path.join(tmp, 'sample');
    const { code, out, err } = await cli('new', dir, '--sample');
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toBe(`Created Sample Policies in ${dir} with 3 document(s).\n`);
    const manifest = JSON.parse(await fs.readFile(path.join(dir, 'policywright.json'), 'utf8')) as { name: string; documents: string[] };
    expect(manifest.documents).toEqual(['privacy-policy', 'cookie-policy', 'terms-of-service']);
  });

  it('copies the sample documents byte for byte', async () => {
    const dir = await sampleProject();
    const copied = await fs.readFile(path.join(dir, 'documents', 'privacy-policy.policy.json'), 'utf8');
    expect(copied).toBe(await fs.readFile(SAMPLE_PRIVACY, 'utf8'));
  });

  it('takes --name, in both spellings', async () => {
    const a = await cli('new', path.join(tmp, 'a'), '--sample', '--name', 'Acme Legal');
    const b = await cli('new', path.join(tmp, 'b'), '--name=Beta Legal');
    expect(a.out).toContain('Created Acme Legal in');
    expect(b.out).toContain('Created Beta Legal in');
  });

  it('without --sample creates one blank document, named after the folder', async () => {
    const dir = path.join(tmp, 'Blank Project');
    const { code, out } = await cli('new', dir);
    expect(code).toBe(0);
    expect(out).toBe(`Created Blank Project in ${dir} with 1 document(s).\n`);
    const manifest = JSON.parse(await fs.readFile(path.join(dir, 'policywright.json'), 'utf8')) as { documents: string[] };
    expect(manifest.documents).toEqual(['privacy-policy']);
    expect(await fs.readdir(path.join(dir, 'documents'))).toEqual(['privacy-policy.policy.json']);
    const outline = await cli('outline', dir);
    expect(outline).toEqual({ code: 0, out: '1. Introduction\n', err: '' });
  });
});

describe('policywright outline', () => {
  it('prints the decimal privacy policy as numbered lines, starting with its first heading', async () => {
    // The real first heading, read from the sample, not guessed.
    const sample = JSON.parse(await fs.readFile(SAMPLE_PRIVACY, 'utf8')) as { blocks: Array<{ kind: string; level?: number; runs: Array<{ text: string }> }> };
    const first = sample.blocks.find((b) => b.kind === 'heading');
    expect(first?.level).toBe(1);
    const firstTitle = first?.runs.map((r) => r.text).join('');
    expect(firstTitle).toBe('Who We Are');

    const dir = await sampleProject();
    const { code, out, err } = await cli('outline', dir, '--document', 'privacy-policy');
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe(`1. ${firstTitle}`);
    expect(lines.length).toBe(sample.blocks.filter((b) => b.kind === 'heading').length);
    for (const line of lines) expect(line).toMatch(/^(\d+\.|\d+(\.\d+)+) \S/);
    expect(lines.slice(0, 7)).toEqual([
      '1. Who We Are',
      '1.1 Our Role as Controller and as Processor',
      '1.2 Our Data Protection Officer',
      '2. Information We Collect',
      '2.1 Information You Give Us',
      '2.2 Information Collected Automatically',
      '2.2.1 Device and Log Data',
    ]);
  });

  it('prints each document of a project under its own title', async () => {
    const dir = await sampleProject();
    const { code, out } = await cli('outline', dir);
    expect(code).toBe(0);
    const sections = out.trimEnd().split('\n\n');
    expect(sections.map((s) => s.split('\n')[0])).toEqual([
      '# Privacy Policy (privacy-policy)',
      '# Cookie Policy (cookie-policy)',
      '# Terms of Service (terms-of-service)',
    ]);
    expect(sections[1]?.split('\n')[1]).toBe('§ 1 About Cookies');
    expect(sections[1]?.split('\n')[2]).toBe('§ 1.1 First-Party and Third-Party Cookies');
    expect(sections[2]?.split('\n').slice(1, 4)).toEqual(['A. Accepting These Terms', '1. Eligibility', '2. Accepting on Behalf of an Organisation']);
  });

  it('--json of a project with several documents gives {documents: [{id, title, outline}]}', async () => {
    const dir = await sampleProject();
    const { code, out, err } = await cli('outline', dir, '--json');
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const value = JSON.parse(out) as { documents: Array<{ id: string; title: string; outline: Array<Record<string, unknown>> }> };
    expect(Object.keys(value)).toEqual(['documents']);
    expect(value.documents.map((d) => [d.id, d.title])).toEqual([
      ['privacy-policy', 'Privacy Policy'],
      ['cookie-policy', 'Cookie Policy'],
      ['terms-of-service', 'Terms of Service'],
    ]);
    for (const doc of value.documents) {
      expect(Object.keys(doc).sort()).toEqual(['id', 'outline', 'title']);
      expect(doc.outline.length).toBeGreaterThan(0);
      for (const entry of doc.outline) {
        expect(Object.keys(entry).sort()).toEqual(['id', 'level', 'number', 'title']);
        expect(entry.id).toMatch(/^s-[a-z0-9]{6,24}$/);
        expect(typeof entry.number).toBe('string');
        expect(String(entry.number).endsWith('.')).toBe(false);
        expect(entry.level).toBeGreaterThanOrEqual(1);
      }
    }
    expect(value.documents[0]?.outline[0]).toEqual({ id: 's-accp7e5a0b', number: '1', title: 'Who We Are', level: 1 });
    expect(value.documents[1]?.outline[1]).toMatchObject({ number: '§ 1.1', level: 2 });
  });

  it('--json with --document gives the plain outline array', async () => {
    const dir = await sampleProject();
    const { code, out } = await cli('outline', dir, '--json', '--document', 'privacy-policy');
    expect(code).toBe(0);
    const value = JSON.parse(out) as Array<{ id: string; number: string; title: string; level: number }>;
    expect(Array.isArray(value)).toBe(true);
    expect(value[0]).toEqual({ id: 's-accp7e5a0b', number: '1', title: 'Who We Are', level: 1 });
    expect(value.find((e) => e.title === 'Information Collected Automatically')).toMatchObject({ number: '2.2', level: 2 });
    expect(value.find((e) => e.title === 'Device and Log Data')).toMatchObject({ number: '2.2.1', level: 3 });
  });

  it('--json of a project with one document gives the plain outline array', async () => {
    const dir = path.join(tmp, 'one');
    await cli('new', dir);
    const value = JSON.parse((await cli('outline', dir, '--json')).out) as unknown;
    expect(Array.isArray(value)).toBe(true);
    expect(value).toEqual([{ id: expect.stringMatching(/^s-/) as unknown, number: '1', title: 'Introduction', level: 1 }]);
  });

  it('outlines a single .policy.json file', async () => {
    const { code, out } = await cli('outline', SAMPLE_PRIVACY);
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toBe('1. Who We Are');
  });
});

describe('mistakes on the command line', () => {
  async function brokenProject(): Promise<string> {
    const dir = await sampleProject();
    const file = path.join(dir, 'documents', 'terms-of-service.policy.json');
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('"level":2', '"level":9'));
    return dir;
  }

  async function notEmpty(): Promise<string> {
    await fs.writeFile(path.join(tmp, 'file.txt'), 'x');
    return tmp;
  }

  const cases: Array<[string, () => Promise<string[]>, RegExp]> = [
    ['no command', async () => [], /command/],
    ['an unknown command', async () => ['frobnicate'], /unknown command "frobnicate"/],
    ['an unknown flag', async () => ['outline', tmp, '--bogus'], /unknown option --bogus/],
    ['a flag of another command', async () => ['new', path.join(tmp, 'x'), '--json'], /unknown option --json/],
    ['new without a folder', async () => ['new'], /new needs <dir>/],
    ['outline without a project', async () => ['outline'], /outline needs <project>/],
    ['two folders', async () => ['outline', tmp, tmp], /takes one <project>, got 2/],
    ['--sample with a value', async () => ['new', path.join(tmp, 'x'), '--sample=yes'], /--sample takes no value/],
    ['--name without a value', async () => ['new', path.join(tmp, 'x'), '--name'], /--name needs a value/],
    ['a bad port', async () => ['serve', '--port', 'eighty'], /--port must be a number/],
    ['a nonexistent input', async () => ['outline', path.join(tmp, 'does-not-exist')], /does not exist/],
    ['a folder that is not a project', async () => ['outline', tmp], /is not a Policywright project/],
    [
      'a file Policywright cannot import',
      async () => {
        await fs.writeFile(path.join(tmp, 'scan.pdf'), '%PDF-1.7');
        return ['outline', path.join(tmp, 'scan.pdf')];
      },
      /scan\.pdf.*is a \.pdf file; Policywright imports \.docx, \.html, \.md and \.txt files/,
    ],
    ['a project with a broken document', async () => ['outline', await brokenProject()], /documents\/terms-of-service\.policy\.json: blocks\[\d+\]\.level too big/],
    ['a document the project does not have', async () => ['outline', await sampleProject(), '--document', 'nope'], /has no document "nope"/],
    ['new into a folder that is not empty', async () => ['new', await notEmpty()], /not empty/],
  ];

  it.each(cases)('%s: one line on stderr, exit code 2, no stack trace', async (_what, argv, expected) => {
    const { code, err } = await cli(...(await argv()));
    expect(code).toBe(2);
    expect(err.endsWith('\n')).toBe(true);
    expect(err.trimEnd().split('\n')).toHaveLength(1);
    expect(err).toMatch(/^policywright: /);
    expect(err).toMatch(expected);
    expect(err).not.toContain('    at ');
  });

  it('does not write into a folder it refused', async () => {
    const dir = await notEmpty();
    await cli('new', dir, '--sample');
    expect(await fs.readdir(dir)).toEqual(['file.txt']);
  });
});

describe('help and version', () => {
  it.each(['--help', '-h', 'help'])('%s prints the usage and exits 0', async (flag) => {
    const { code, out, err } = await cli(flag);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toContain('policywright outline <project>');
  });

  it('--version prints the version from sources', async () => {
    expect(await cli('--version')).toEqual({ code: 0, out: 'dev\n', err: '' });
  });
});
