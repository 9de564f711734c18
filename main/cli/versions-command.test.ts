import * as nodeFs from 'node:fs';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as git from 'isomorphic-git';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localMinute } from '../../shared/model/dates';
import type { VersionInfo } from '../store/history';
import { cli } from './test-cli';

let tmp: string;

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-cli-versions-'));
});

afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});


async function newProject(): Promise<string> {
  const dir = path.join(tmp, 'policies');
  expect((await cli('new', dir)).code).toBe(0);
  return dir;
}

describe('policywright version', () => {
  it('saves a version and says its tag and short commit', async () => {
    const dir = await newProject();
    const { code, out, err } = await cli('version', dir, '--name', '2026-02 GDPR update', '--note', 'Adds the DPO.', '--kind', 'substantive', '--author', 'Dana Whitfield');
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const [head] = await git.log({ fs: nodeFs, dir, depth: 1 });
    expect(out).toBe(`Saved version "2026-02 GDPR update" (tag 2026-02-gdpr-update, commit ${head?.oid.slice(0, 7)}).\n`);
    expect(head?.commit.author.name).toBe('Dana Whitfield');
    expect(head?.commit.message).toContain('Policywright-Kind: substantive');
  });

  it('defaults to an editorial version by the logged-in user, with no note', async () => {
    const dir = await newProject();
    expect((await cli('version', dir, '--name=v1')).code).toBe(0);
    const [version] = JSON.parse((await cli('versions', dir, '--json')).out) as VersionInfo[];
    expect(version).toMatchObject({ name: 'v1', kind: 'editorial', note: '', author: os.userInfo().username });
  });

  const mistakes: Array<[string, string[], RegExp]> = [
    ['no --name', ['--note', 'x'], /version needs --name <name>/],
    ['an empty --name', ['--name', ''], /--name needs a value/],
    ['a blank --name', ['--name', '   '], /A version needs a name\./],
    ['a bad --kind', ['--name', 'v1', '--kind', 'major'], /--kind must be editorial or substantive/],
    ['an unknown flag', ['--name', 'v1', '--json'], /unknown option --json/],
  ];

  it.each(mistakes)('%s: one line on stderr, exit code 2, nothing saved', async (_what, flags, expected) => {
    const dir = await newProject();
    const { code, out, err } = await cli('version', dir, ...flags);
    expect({ code, out }).toEqual({ code: 2, out: '' });
    expect(err).toMatch(/^policywright: .*\n$/);
    expect(err.trimEnd().split('\n')).toHaveLength(1);
    expect(err).toMatch(expected);
    expect(nodeFs.existsSync(path.join(dir, '.git'))).toBe(false);
  });

  it('refuses a name already used, in one line, exit code 2', async () => {
    const dir = await newProject();
    await cli('version', dir, '--name', 'v1');
    const { code, err } = await cli('version', dir, '--name', 'V1');
    expect(code).toBe(2);
    expect(err).toMatch(/^policywright: There is already a version named "v1", saved \d{4}-\d\d-\d\d; versions cannot be changed, so choose another name\.\n$/);
  });

  it('refuses a folder that is not a project', async () => {
    const { code, err } = await cli('version', tmp, '--name', 'v1');
    expect(code).toBe(2);
    expect(err).toMatch(/is not a Policywright project/);
  });
});

describe('policywright versions', () => {
  it('lists versions newest first, in aligned columns: name, kind, author, date, first line of the note', async () => {
    const dir = await newProject();
    await cli('version', dir, '--name', 'First', '--kind', 'substantive', '--author', 'Dana Whitfield', '--note', 'As published.');
    await fs.appendFile(path.join(dir, 'documents', 'privacy-policy.policy.json'), ' ');
    await cli('version', dir, '--name', '2026-02 GDPR update', '--author', 'Lee', '--note', 'Adds the DPO.\nAnd more.');
    await cli('version', dir, '--name', 'Third', '--author', 'Lee');

    const json = await cli('versions', dir, '--json');
    const versions = JSON.parse(json.out) as VersionInfo[];
    expect(versions.map((v) => v.name)).toEqual(['Third', '2026-02 GDPR update', 'First']);

    const { code, out, err } = await cli('versions', dir);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const [third, second, first] = versions.map((v) => localMinute(new Date(v.createdAt)));
    expect(out).toBe(
      [
        `Third                editorial    Lee             ${third}`,
        `2026-02 GDPR update  editorial    Lee             ${second}  Adds the DPO. …`,
        `First                substantive  Dana Whitfield  ${first}  As published.`,
        '',
      ].join('\n'),
    );
  });

  it('--json gives the full VersionInfo of each version', async () => {
    const dir = await newProject();
    await cli('version', dir, '--name', 'v1', '--author', 'Dana');
    const { code, out } = await cli('versions', dir, '--json');
    expect(code).toBe(0);
    const [version] = JSON.parse(out) as VersionInfo[];
    expect(Object.keys(version ?? {}).sort()).toEqual(['author', 'commit', 'createdAt', 'documentIds', 'kind', 'name', 'note', 'tag']);
    expect(version).toMatchObject({ name: 'v1', tag: 'v1', author: 'Dana', documentIds: ['privacy-policy'] });
  });

  it('names a damaged version after the readable ones', async () => {
    const dir = await newProject();
    expect((await cli('version', dir, '--name=v1')).code).toBe(0);
    expect((await cli('version', dir, '--name=v2')).code).toBe(0);
    await fs.writeFile(path.join(dir, '.git', 'refs', 'tags', 'v1'), '');
    const lines = (await cli('versions', dir)).out.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^v2\s+editorial/);
    expect(lines[1]).toBe(`The version saved as the git tag "v1" in ${dir} is damaged and cannot be read, so it is left out of the list.`);
  });

  it('says so when there are no versions; --json gives []', async () => {
    const dir = await newProject();
    expect(await cli('versions', dir)).toEqual({ code: 0, out: 'No versions saved yet.\n', err: '' });
    expect(await cli('versions', dir, '--json')).toEqual({ code: 0, out: '[]\n', err: '' });
  });

  it('refuses a folder that is not a project, and a missing folder', async () => {
    for (const dir of [tmp, path.join(tmp, 'missing')]) {
      const { code, err } = await cli('versions', dir);
      expect(code).toBe(2);
      expect(err).toBe(`policywright: ${dir} is not a Policywright project: it has no policywright.json.\n`);
    }
  });

  it('is in the usage', async () => {
    const { out } = await cli('--help');
    expect(out).toContain('policywright versions <project> [--json]');
    expect(out).toContain('policywright version <project> --name <name>');
  });
});
