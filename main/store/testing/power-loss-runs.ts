import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as git from 'isomorphic-git';
import { PolicyDocumentSchema, ProjectManifestSchema } from '../../../shared/model/document';
import { parseFile } from '../../../shared/format/parse';
import { serializeDocument } from '../../../shared/format/serialize';
import { writeFileAtomic } from '../atomic-write';
import { durableGitFs } from '../durable-git-fs';
import type { Repo } from '../history-git';
import { authorEmail, formatVersionMessage, tagNameFor } from '../history-message';
import { readVersionListing } from '../history-read';
import { writeVersion } from '../history-save';
import { Project } from '../project';
import { PowerLossFs, seeded } from './power-loss-fs';
import { privacyPolicyWith } from '../../../shared/testing/builders';

/**
 * Seeded power-loss runs over the save paths: document saves (writeFileAtomic) and version saves (writeVersion through
 * the durable git layer), on a small project held in a PowerLossFs. Each run cuts the power at a random mutating step
 * (or just after the last save), reboots into what the disk kept, and checks the project as the next launch would.
 */

const PRIVACY = 'documents/privacy-policy.policy.json';

export interface PowerLossFigures {
  runs: number;
  cutsDuringASave: number;
  documentSaves: number;
  versionSaves: number;
  unrecoverable: number;
  /** The first few failures, with their seeds, to rerun one alone. */
  failures: string[];
}

const policy = privacyPolicyWith;

function repoOn(disk: PowerLossFs, dir: string): Repo {
  return { git: { fs: durableGitFs(disk.io), dir, cache: {} }, project: '' };
}

async function saveVersionOn(disk: PowerLossFs, dir: string, name: string, files: string[]): Promise<string> {
  const who = { name: 'Dana', email: authorEmail('Dana'), timestamp: 1_780_000_000, timezoneOffset: 0 };
  const message = formatVersionMessage({ name, note: '', kind: 'editorial', project: '' });
  return writeVersion(repoOn(disk, dir), disk.io, { name, tag: tagNameFor('', name), message, who, projectDir: dir, files });
}

/** A small project (two documents) with one version, everything on it durable. */
async function baseDisk(dir: string): Promise<{ disk: PowerLossFs; files: string[]; privacy: string }> {
  const real = await fs.mkdtemp(path.join(os.tmpdir(), 'pw-powerloss-'));
  try {
    await Project.create(real, 'Acme', [
      { id: 'privacy-policy', doc: policy('We collect little.') },
      { id: 'cookie-policy', doc: { ...policy('One cookie.'), title: 'Cookie Policy' } },
    ]);
    const files = ['policywright.json', ...(await fs.readdir(path.join(real, 'documents'))).map((f) => `documents/${f}`)];
    const contents: Record<string, Buffer> = {};
    for (const file of files) contents[`${dir}/${file}`] = await fs.readFile(path.join(real, file));
    const disk = PowerLossFs.withFiles(contents);
    await git.init({ fs: durableGitFs(disk.io), dir, defaultBranch: 'main' });
    await saveVersionOn(disk, dir, 'base', files);
    return { disk: disk.settled(), files, privacy: (contents[`${dir}/${PRIVACY}`] as Buffer).toString('utf8') };
  } finally {
    await fs.rm(real, { recursive: true, force: true });
  }
}

export async function runPowerLoss(firstSeed: number, runs: number): Promise<PowerLossFigures> {
  const dir = '/project';
  const base = await baseDisk(dir);
  const figures: PowerLossFigures = { runs: 0, cutsDuringASave: 0, documentSaves: 0, versionSaves: 0, unrecoverable: 0, failures: [] };
  for (let seed = firstSeed; seed < firstSeed + runs; seed++) {
    const problems = await oneRun(seed, dir, base, figures);
    figures.runs++;
    if (problems.length > 0) {
      figures.unrecoverable++;
      if (figures.failures.length < 5) figures.failures.push(`seed ${seed}: ${problems.join('; ')}`);
    }
  }
  return figures;
}

async function oneRun(seed: number, dir: string, base: Awaited<ReturnType<typeof baseDisk>>, figures: PowerLossFigures): Promise<string[]> {
  const random = seeded(seed);
  const disk = base.disk.settled();
  const saves = 1 + Math.floor(random() * 3);
  disk.cutAt = 1 + Math.floor(random() * saves * 45);
  let privacy = base.privacy;
  let privacyInFlight: string | null = null;
  const versions = new Map<string, string>([['base', base.privacy]]);
  let versionInFlight: string | null = null;
  let cut = false;
  for (let i = 0; i < saves && !cut; i++) {
    try {
      if (random() < 0.5) {
        figures.documentSaves++;
        privacyInFlight = serializeDocument(policy(`Wording ${seed}.${i}: ${'words '.repeat(Math.floor(random() * 400))}`));
        await writeFileAtomic(`${dir}/${PRIVACY}`, privacyInFlight, disk.io);
        privacy = privacyInFlight;
        privacyInFlight = null;
      } else {
        figures.versionSaves++;
        versionInFlight = `v${seed}-${i}`;
        await saveVersionOn(disk, dir, versionInFlight, base.files);
        versions.set(versionInFlight, privacy);
        versionInFlight = null;
      }
    } catch (error) {
      if (disk.mutations < disk.cutAt) return [`a save failed without a power cut: ${(error as Error).message}`];
      cut = true;
      figures.cutsDuringASave++;
    }
  }
  disk.cut();
  const after = disk.afterPowerCut(random);
  return checkAfterReboot(after, dir, base.files, { privacy, privacyInFlight, versions, versionInFlight });
}

interface Expected {
  privacy: string;
  privacyInFlight: string | null;
  /** Acknowledged versions, with the privacy policy each holds. */
  versions: Map<string, string>;
  versionInFlight: string | null;
}

async function checkAfterReboot(disk: PowerLossFs, dir: string, files: string[], expected: Expected): Promise<string[]> {
  const problems: string[] = [];
  const text = (file: string) => disk.io.readFile(`${dir}/${file}`, 'utf8').then((t) => t as string, () => null);
  // The project opens: its manifest and every document parse, and the privacy policy is the saved text or the new one.
  const manifestText = await text('policywright.json');
  if (manifestText === null) return ['the manifest is gone'];
  try {
    const manifest = parseFile(ProjectManifestSchema, manifestText, 'policywright.json');
    for (const id of manifest.documents) {
      const doc = await text(`documents/${id}.policy.json`);
      if (doc === null) problems.push(`document ${id} is gone`);
      else parseFile(PolicyDocumentSchema, doc, id);
    }
  } catch (error) {
    problems.push(`the project does not open: ${(error as Error).message}`);
  }
  const privacy = await text(PRIVACY);
  if (privacy !== expected.privacy && privacy !== expected.privacyInFlight) problems.push('the privacy policy is neither the saved text nor the new one');

  const repo = repoOn(disk, dir);
  try {
    const listing = await readVersionListing(repo);
    if (listing.problems.length > 0) problems.push(listing.problems.join(' '));
    const names = new Set(listing.versions.map((v) => v.name));
    for (const name of expected.versions.keys()) if (!names.has(name)) problems.push(`acknowledged version ${name} is not listed`);
    for (const version of listing.versions) {
      if (!expected.versions.has(version.name) && version.name !== expected.versionInFlight) problems.push(`version ${version.name} was never saved`);
      const want = expected.versions.get(version.name);
      const { blob } = await git.readBlob({ ...repo.git, oid: version.commit, filepath: PRIVACY });
      if (want !== undefined && Buffer.from(blob).toString('utf8') !== want) problems.push(`version ${version.name} does not read back`);
    }
    const next = await saveVersionOn(disk, dir, 'after reboot', files);
    const history = new Set((await git.log({ ...repo.git, cache: {}, ref: next })).map((c) => c.oid));
    for (const version of listing.versions) if (!history.has(version.commit)) problems.push(`the next version dropped ${version.name} from the history`);
  } catch (error) {
    problems.push(`the repository is not usable: ${(error as Error).message}`);
  }
  return problems;
}
