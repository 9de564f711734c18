// Big projects, a part of `npm run bench` (`--part projects`): a project of 200 documents opened through the API (its
// document list), and a project with a history of 1,000 saved versions: the versions list, and a compare of the draft
// with one version beside the same compare in a project of 10 versions (the peer: it must cost the same). Each
// measurement runs in a fresh Node process, as the first call after the app starts, when nothing is cached yet.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { build } from 'esbuild';
import { median } from './exports.mjs';
import { ROOT } from './load-shared.mjs';

export const BIG_PROJECT_TARGETS = { 'project.open.200.ms': 1000, 'versions.list.1000.ms': 200 };

const RUNS = 5;
const DOCUMENT = 'privacy-policy';

/** The app's own code the child processes and the history writer use, bundled once into the temporary folder. */
export async function bundle(tmp) {
  const file = path.join(tmp, 'big-projects-app.mjs');
  await build({
    stdin: {
      contents: [
        "export { Workspace, createHandlers } from './main/api/handlers';",
        "export { dispatch } from './main/api/dispatch';",
        "export { RecentProjects } from './main/store/recent';",
        "export { createProject } from './main/usecases/projects';",
        "export { ProjectHistory } from './main/store/history';",
        "export { findRepo } from './main/store/history-git';",
        "export { formatVersionMessage, tagNameFor, identityOf } from './main/store/history-message';",
        "export { serializeDocument } from './shared/format/serialize';",
        "export * as git from 'isomorphic-git';",
      ].join('\n'),
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: file,
    logLevel: 'warning',
    // Playwright and Electron stay out: nothing measured here prints a PDF or opens a window.
    external: ['playwright-core', 'electron', '@playwright/test'],
    banner: { js: `import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(${JSON.stringify(path.join(ROOT, 'package.json'))});` },
  });
  return file;
}

/**
 * Writes `count` versions of the sample project: the first through the app (which sets the repository up), the
 * others as the app writes them — a commit of the project with the privacy policy changed, and an annotated tag
 * whose message records the version — but straight into git, which takes seconds where saving each through the app
 * (every object fsynced and read back) would take minutes.
 */
async function projectWithHistory(app, dir, count) {
  const project = await app.createProject(dir, `History of ${count}`, true);
  const history = app.ProjectHistory.for(dir);
  await history.saveVersion({ name: 'Version 1', note: 'bench', kind: 'editorial', author: 'Bench Writer', documentId: DOCUMENT });
  const repo = await app.findRepo(dir);
  const gitArgs = { fs: (await import('node:fs')).default, dir: repo.git.dir };
  const doc = await project.loadDocument(DOCUMENT);
  let parent = await app.git.resolveRef({ ...gitArgs, ref: 'HEAD' });
  const branch = await app.git.currentBranch({ ...gitArgs, fullname: true });
  const who = { ...app.identityOf('Bench Writer') };
  for (let i = 2; i <= count; i++) {
    const { commit } = await app.git.readCommit({ ...gitArgs, oid: parent });
    const root = (await app.git.readTree({ ...gitArgs, oid: commit.tree })).tree;
    const documentsEntry = root.find((e) => e.path === 'documents');
    const documents = (await app.git.readTree({ ...gitArgs, oid: documentsEntry.oid })).tree;
    const text = app.serializeDocument({ ...doc, versionLabel: `${i}.0` });
    const blob = await app.git.writeBlob({ ...gitArgs, blob: Buffer.from(text) });
    const documentsTree = await app.git.writeTree({ ...gitArgs, tree: documents.map((e) => (e.path === `${DOCUMENT}.policy.json` ? { ...e, oid: blob } : e)) });
    const tree = await app.git.writeTree({ ...gitArgs, tree: root.map((e) => (e.path === 'documents' ? { ...e, oid: documentsTree } : e)) });
    const name = `Version ${i}`;
    const message = app.formatVersionMessage({ name, note: 'bench', kind: 'editorial', documentId: DOCUMENT, project: repo.project });
    const time = { ...who, timestamp: who.timestamp + i, timezoneOffset: 0 };
    const oid = await app.git.writeCommit({ ...gitArgs, commit: { message, tree, parent: [parent], author: time, committer: time } });
    const tag = app.tagNameFor(repo.project, name);
    const tagOid = await app.git.writeTag({ ...gitArgs, tag: { object: oid, type: 'commit', tag, tagger: time, message } });
    await app.git.writeRef({ ...gitArgs, ref: `refs/tags/${tag}`, value: tagOid });
    parent = oid;
  }
  if (branch) await app.git.writeRef({ ...gitArgs, ref: branch, value: parent, force: true });
}

/** A project of `count` documents: the sample's three, copied under new ids and titles. */
async function projectOfDocuments(app, dir, count) {
  const project = await app.createProject(dir, `${count} documents`, true);
  const originals = await Promise.all(project.documentIds.map((id) => project.loadDocument(id)));
  for (let i = project.documentIds.length; i < count; i++) {
    const doc = originals[i % originals.length];
    await project.addDocument({ ...doc, title: `${doc.title} ${i}` });
  }
  return project.documentIds.length;
}

/** The script a child process runs: opens the project through the API, times one call, prints the milliseconds. */
export const CHILD = `
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
const [bundleFile, what, dir, home] = process.argv.slice(2);
const app = await import(bundleFile);
const renderPdf = () => { throw new Error('no PDF here'); };
const handlers = app.createHandlers({ version: 'bench', recent: app.RecentProjects.in(home), pickFolder: null, renderPdf, userName: 'Bench' }, new app.Workspace());
const call = async (method, input) => {
  const reply = await app.dispatch(handlers, method, input);
  if (!reply.ok) throw new Error(method + ': ' + reply.error.message);
  return reply.value;
};
let t = performance.now();
let detail;
if (what === 'open') {
  const info = await call('openProject', { path: dir });
  detail = info.documents.length;
} else if (what === 'read-files') {
  const names = await fs.readdir(path.join(dir, 'documents'));
  await Promise.all(names.map((name) => fs.readFile(path.join(dir, 'documents', name), 'utf8')));
  detail = names.length;
} else {
  await call('openProject', { path: dir });
  t = performance.now();
  if (what === 'list') {
    detail = (await call('listVersions', { project: dir, documentId: '${DOCUMENT}' })).length;
  } else if (what === 'check') {
    detail = (await call('listVersionProblems', { project: dir })).problems.length;
  } else {
    const comparison = await call('compareDocuments', { project: dir, old: { kind: 'version', documentId: '${DOCUMENT}', version: 'Version 2' }, new: { kind: 'draft', documentId: '${DOCUMENT}' } });
    detail = comparison.summary.changed + comparison.summary.unchanged;
  }
}
process.stdout.write(JSON.stringify({ ms: performance.now() - t, detail }));
`;

export function timedChild(childFile, bundleFile, what, dir, home) {
  const runs = [];
  let detail = null;
  let first = null;
  for (let i = 0; i <= RUNS; i++) {
    const result = spawnSync(process.execPath, [childFile, bundleFile, what, dir, home], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`big projects: ${what} failed: ${result.stderr}`);
    const out = JSON.parse(result.stdout);
    detail = out.detail;
    // The first fills the file cache (and, for the versions list, writes the version index).
    if (i > 0) runs.push(out.ms);
    else first = out.ms;
  }
  return { ms: median(runs), runs, detail, first };
}

export async function measureBigProjects({ tmp, log = console.log }) {
  // The bundle sits in the temporary folder: the sample project is found from the repository (main/store/install-root.ts).
  process.env.POLICYWRIGHT_ROOT = ROOT;
  const bundleFile = await bundle(tmp);
  const childFile = path.join(tmp, 'big-projects-child.mjs');
  await fs.writeFile(childFile, CHILD);
  const app = await import(bundleFile);
  const home = path.join(tmp, 'big-projects-home');
  const problems = [];

  let t = performance.now();
  const manyDir = path.join(tmp, 'two-hundred-documents');
  const documents = await projectOfDocuments(app, manyDir, 200);
  const long = path.join(tmp, 'history-1000');
  const short = path.join(tmp, 'history-10');
  await projectWithHistory(app, long, 1000);
  await projectWithHistory(app, short, 10);
  log(`  big projects: made a project of ${documents} documents and histories of 1,000 and 10 versions in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  const open = timedChild(childFile, bundleFile, 'open', manyDir, home);
  const readFiles = timedChild(childFile, bundleFile, 'read-files', manyDir, home);
  if (open.detail !== 200) problems.push(`big projects: the open project listed ${open.detail} documents, not 200`);
  const list = timedChild(childFile, bundleFile, 'list', long, home);
  if (list.detail !== 1000) problems.push(`big projects: the versions list had ${list.detail} versions, not 1,000`);
  const check = timedChild(childFile, bundleFile, 'check', long, home);
  if (check.detail !== 0) problems.push(`big projects: the damaged-version check found ${check.detail} problems where there are none`);
  const compareLong = timedChild(childFile, bundleFile, 'compare', long, home);
  const compareShort = timedChild(childFile, bundleFile, 'compare', short, home);
  const ms = (r) => r.runs.map((v) => v.toFixed(0)).join(', ');
  log(`  open of 200 documents: ${ms(open)} ms (reading the 200 files alone ${ms(readFiles)} ms)`);
  log(`  versions list of 1,000: ${ms(list)} ms (the first listing, which read every version and wrote the index: ${(list.first / 1000).toFixed(1)} s); damaged-version check of 1,000: ${ms(check)} ms (first ${(check.first / 1000).toFixed(1)} s); compare of the draft with a version, 1,000 versions: ${ms(compareLong)} ms, 10 versions: ${ms(compareShort)} ms`);
  const round = (v) => Math.round(v * 10) / 10;
  return {
    problems,
    rows: [
      { name: 'project.open.200.ms', value: round(open.ms), unit: 'ms', peer: 'reading the 200 document files alone (fs.readFile, same process start)', peerValue: round(readFiles.ms) },
      { name: 'versions.list.1000.ms', value: round(list.ms), unit: 'ms', peer: '(no peer: the first listing after the app starts, nothing cached)', peerValue: null },
      { name: 'versions.check.1000.ms', value: round(check.ms), unit: 'ms', peer: '(no peer: listVersionProblems, every object of every version checked, by stamp once read whole)', peerValue: null },
      { name: 'compare.version.1000.ms', value: round(compareLong.ms), unit: 'ms', peer: 'the same compare in a project of 10 versions (compare.version.10.ms)', peerValue: round(compareShort.ms) },
      { name: 'compare.version.10.ms', value: round(compareShort.ms), unit: 'ms', peer: '(the peer of compare.version.1000.ms)', peerValue: null },
    ],
  };
}
