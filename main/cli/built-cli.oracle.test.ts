import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const SAMPLE = path.join(ROOT, 'assets', 'sample-project');
let home: string;

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, POLICYWRIGHT_HOME: home },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  home = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-built-cli-'));
  const build = run(['scripts/build-main.mjs']);
  if (build.status !== 0) throw new Error(`build failed:\n${build.stderr}`);
}, 120_000);

afterAll(async () => {
  await fs.rm(home, { recursive: true, force: true });
});

describe('the built CLI (bin/policywright.mjs)', () => {
  it('prints the sample outline as JSON and exits 0', () => {
    const { status, stdout, stderr } = run(['bin/policywright.mjs', 'outline', SAMPLE, '--json']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const value = JSON.parse(stdout) as { documents: Array<{ id: string; outline: Array<{ number: string; title: string }> }> };
    expect(value.documents.map((d) => d.id)).toEqual(['privacy-policy', 'cookie-policy', 'terms-of-service']);
    expect(value.documents[0]?.outline[0]).toMatchObject({ number: '1', title: 'Who We Are' });
  });

  it('exits 2 with one line on stderr for a folder that does not exist', () => {
    const missing = path.join(home, 'nonexistent');
    const { status, stdout, stderr } = run(['bin/policywright.mjs', 'outline', missing]);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toBe(`policywright: ${missing} does not exist.\n`);
    expect(stderr).not.toContain('    at ');
  });

  it('exits 2 with one line on stderr for /nonexistent', () => {
    const { status, stderr } = run(['bin/policywright.mjs', 'outline', '/nonexistent']);
    expect(status).toBe(2);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).not.toContain('    at ');
  });

  it('reports the package version, not "dev"', async () => {
    const { version } = JSON.parse(await fs.readFile(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const { status, stdout } = run(['bin/policywright.mjs', '--version']);
    expect(status).toBe(0);
    expect(stdout).toBe(`${version}\n`);
  });

  // The bundle loads each command's code (and the packages inlined in it) when the command runs: every format of
  // every command, through the bundle, the way a team's CI runs it.
  it.each(['html', 'docx', 'md'])('exports the sample to %s, and reads the file back', async (format) => {
    const out = path.join(home, `cookie.${format}`);
    const exported = run(['bin/policywright.mjs', 'export', SAMPLE, '--document', 'cookie-policy', '--to', format, '--out', out]);
    expect(exported.stderr).toBe('');
    expect(exported.status).toBe(0);
    const check = run(['bin/policywright.mjs', 'outline', out]);
    expect(check.status).toBe(0);
    expect(check.stdout).toContain('§ 1 About Cookies');
  });

  it.skipIf(!existsSync('/usr/bin/chromium'))('exports a PDF through Chromium (needs /usr/bin/chromium)', async () => {
    const out = path.join(home, 'cookie.pdf');
    const exported = run(['bin/policywright.mjs', 'export', SAMPLE, '--document', 'cookie-policy', '--to', 'pdf', '--out', out]);
    expect(exported.stderr).toBe('');
    expect((await fs.readFile(out)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('compares two editions and checks one, through the bundle', () => {
    const diff = run(['bin/policywright.mjs', 'diff', SAMPLE, SAMPLE, '--document', 'privacy-policy']);
    expect(diff.status).toBe(0);
    expect(diff.stdout).toMatch(/0 changed, 0 added, 0 deleted, 0 moved/);
    const check = run(['bin/policywright.mjs', 'check', SAMPLE, '--document', 'cookie-policy']);
    expect(check.status).toBe(0);
    expect(check.stdout).toContain('# Cookie Policy (cookie-policy)');
  });

  it('loads the readers Markdown needs only at times (HTML blocks, YAML front matter, the DOCX writer), through the bundle', async () => {
    // Front matter not of the export's simple form needs the YAML library, the <div> the HTML reader: each a chunk of its own.
    const markdown = '---\ntitle: Loaded Later\nversion: 2.10\n---\n\n# Loaded Later\n\n## 1. Scope\n\nText.\n\n<div>An HTML <b>block</b>.</div>\n';
    const oldFile = path.join(home, 'old.md');
    const newFile = path.join(home, 'new.md');
    await fs.writeFile(oldFile, markdown);
    await fs.writeFile(newFile, markdown.replace('Text.', 'Other text.'));
    const diff = run(['bin/policywright.mjs', 'diff', oldFile, newFile, '--to', 'json']);
    expect(diff.stderr).toBe('');
    const report = JSON.parse(diff.stdout) as { old: { title: string }; summary: { changed: number } };
    expect([report.old.title, report.summary.changed]).toEqual(['Loaded Later', 1]);
    const redline = run(['bin/policywright.mjs', 'diff', oldFile, newFile, '--to', 'docx', '--out', path.join(home, 'redline.docx')]);
    expect(redline.status).toBe(0);
    expect((await fs.stat(path.join(home, 'redline.docx'))).size).toBeGreaterThan(1000);
  });

  // Commands start from one bundle compiled with V8's code cache (main/cli/launch.ts), made by the build's training run.
  it('starts commands from the bundle with the code cache the build made, which V8 takes', () => {
    const probe = run([
      '--input-type=module',
      '-e',
      "const { loadBundle } = await import('./dist/main/cli-launch.js'); const loaded = loadBundle('dist/main'); process.stdout.write(String(loaded?.cacheUsed));",
    ]);
    expect(probe.stderr).toBe('');
    expect(probe.stdout).toBe('true');
  });

  it('builds the bundle in ASCII, which the launcher reads without decoding UTF-8', async () => {
    const { isAscii } = await import('node:buffer');
    expect(isAscii(await fs.readFile(path.join(ROOT, 'dist', 'main', 'cli-bundle.cjs')))).toBe(true);
  });

  it('gives diff, check and export each a cache of their own, which V8 takes, holding less than the one for every command', async () => {
    const dist = path.join(ROOT, 'dist', 'main');
    const general = (await fs.stat(path.join(dist, 'cli-bundle.cache'))).size;
    for (const command of ['diff', 'check', 'export']) {
      const probe = run([
        '--input-type=module',
        '-e',
        `const { loadBundle } = await import('./dist/main/cli-launch.js'); const loaded = loadBundle('dist/main', true, ${JSON.stringify(command)}); process.stdout.write(String(loaded?.cacheUsed));`,
      ]);
      expect(probe.stderr, command).toBe('');
      expect(probe.stdout, command).toBe('true');
      expect((await fs.stat(path.join(dist, `cli-bundle.${command}.cache`))).size, command).toBeLessThan(general);
    }
  });

  it('runs the bundle as without a cache when the cache is damaged, missing, or made for another build', async () => {
    const dist = path.join(ROOT, 'dist', 'main');
    const { version } = JSON.parse(await fs.readFile(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const bundle = await fs.readFile(path.join(dist, 'cli-bundle.cjs'), 'utf8');
    const cache = await fs.readFile(path.join(dist, 'cli-bundle.cache'));
    // Another build of the same length: only the version it prints differs, as a one-character edit would.
    const otherVersion = version.replace(/\d$/, (d) => String((Number(d) + 1) % 10));
    const quoted = JSON.stringify(version);
    expect(bundle.split(quoted)).toHaveLength(2);
    const cases = [
      // Half a cache, as a writer stopped midway would leave it (the build writes it whole, by rename).
      { name: 'half', source: bundle, cache: cache.subarray(0, cache.length >> 1), useCache: true, prints: version },
      { name: 'none', source: bundle, cache: null, useCache: true, prints: version },
      { name: 'not asked for', source: bundle, cache, useCache: false, prints: version },
      { name: 'another build', source: bundle.replace(quoted, JSON.stringify(otherVersion)), cache, useCache: true, prints: otherVersion },
    ];
    for (const c of cases) {
      const dir = path.join(home, `cache-${c.name.replace(/ /g, '-')}`);
      await fs.mkdir(dir, { recursive: true });
      await fs.writeFile(path.join(dir, 'cli-bundle.cjs'), c.source);
      if (c.cache) await fs.writeFile(path.join(dir, 'cli-bundle.cache'), c.cache);
      const script =
        `const { loadBundle } = await import('./dist/main/cli-launch.js'); const loaded = loadBundle(${JSON.stringify(dir)}, ${c.useCache});` +
        "let text = ''; const code = await loaded.bundle.runCli(['--version'], { out: (t) => (text += t), err: (t) => (text += t) });" +
        'process.stdout.write(JSON.stringify({ cacheUsed: loaded.cacheUsed, code, text }));';
      const probe = run(['--input-type=module', '-e', script]);
      expect(probe.stderr, c.name).toBe('');
      expect(JSON.parse(probe.stdout), c.name).toEqual({ cacheUsed: false, code: 0, text: `${c.prints}\n` });
    }
  });
});
