// The sync row of `npm run bench`: `policywright sync` of the 100,000-word bench project with one section changed,
// against a real smart-HTTP git server on 127.0.0.1 (git http-backend with authentication, as the tests use), timed in
// a Node process of its own (in-child.mjs) from the commit of the draft to the push. The peer is the system's git doing
// the same on a plain clone of the same repository: commit the same change, fetch, push.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { collectGarbage, median } from './exports.mjs';
import { DOCUMENT_ID, writeBenchProject } from './generate.mjs';
import { loadShared } from './load-shared.mjs';

export const SYNC_TARGETS = { 'sync.100k.ms': 1000 };

const RUNS = 5;
const USER = { bench: 'bench-secret' };

export async function measureSync({ seed, tmp, log = console.log }) {
  const sync = await loadShared([
    "export { syncProject, cloneProject } from './main/sync';",
    "export { HAS_HTTP_BACKEND, startTestGitServer } from './main/sync/git-http-server';",
  ]);
  const absent = { problems: [], rows: [{ name: 'sync.100k.ms', value: null, unit: 'ms', peer: '(not measured: git http-backend is not installed)', peerValue: null }] };
  if (!sync.HAS_HTTP_BACKEND) return absent;
  const root = path.join(tmp, 'sync');
  await fs.rm(root, { recursive: true, force: true });
  await fs.mkdir(path.join(root, 'server'), { recursive: true });
  const server = await sync.startTestGitServer(path.join(root, 'server'), USER);
  const problems = [];
  try {
    const url = await server.createRepo('bench.git');
    const dir = path.join(root, 'ann');
    const gen = await writeBenchProject(dir, seed);
    const options = { credentials: { username: 'bench', password: USER.bench }, author: 'Bench' };
    await sync.syncProject(dir, { ...options, remoteUrl: url });
    const original = await fs.readFile(gen.documentFile, 'utf8');
    // One section's paragraph, as a person would change it: its line of the file, a word more at each run.
    const line = original.split('\n').findIndex((text, i, lines) => lines[i - 1]?.includes(`"id":"${gen.targetHeadingId}"`));
    if (line === -1) throw new Error('the bench section was not found in the document file');
    const changed = (run) => {
      const lines = original.split('\n');
      lines[line] = lines[line].replace(/"text":"/, `"text":"Changed ${run}. `);
      return lines.join('\n');
    };

    const ours = [];
    let last = null;
    for (let run = 0; run <= RUNS; run++) {
      await fs.writeFile(gen.documentFile, changed(run));
      collectGarbage();
      const t0 = performance.now();
      last = await sync.syncProject(dir, options);
      if (run > 0) ours.push(performance.now() - t0);
      if (last.status !== 'synced' || last.sent !== 1) problems.push(`sync: run ${run} did not send one commit (${JSON.stringify(last)})`);
    }

    // The receiving side once, for the log: a colleague's clone takes the change.
    const bobDir = path.join(root, 'bob');
    await sync.cloneProject(url, bobDir, options.credentials);
    await fs.writeFile(gen.documentFile, changed(RUNS + 1));
    await sync.syncProject(dir, options);
    const r0 = performance.now();
    const received = await sync.syncProject(bobDir, { ...options, author: 'Bob' });
    const receive = performance.now() - r0;
    if ((await fs.readFile(path.join(bobDir, 'documents', `${DOCUMENT_ID}.policy.json`), 'utf8')) !== changed(RUNS + 1)) problems.push('sync: the colleague did not receive the changed section');

    // The peer: git itself, on a plain clone with the same credentials (in the URL: a throwaway local server).
    const peerDir = path.join(root, 'git');
    const authed = url.replace('http://', `http://bench:${USER.bench}@`);
    await git(root, ['clone', '--quiet', authed, peerDir]);
    await git(peerDir, ['config', 'user.name', 'Bench']);
    await git(peerDir, ['config', 'user.email', 'bench@example.invalid']);
    const peerFile = path.join(peerDir, 'documents', `${DOCUMENT_ID}.policy.json`);
    const peer = [];
    for (let run = 0; run <= RUNS; run++) {
      await fs.writeFile(peerFile, changed(100 + run));
      const t0 = performance.now();
      await git(peerDir, ['commit', '--quiet', '-am', `Sync ${run}`]);
      await git(peerDir, ['fetch', '--quiet']);
      await git(peerDir, ['push', '--quiet']);
      if (run > 0) peer.push(performance.now() - t0);
    }

    log(
      `  syncProject, one section changed (commit, fetch, push): ${ours.map((v) => v.toFixed(0)).join(', ')} ms (median ${median(ours).toFixed(0)}); ` +
        `a colleague receiving it ${receive.toFixed(0)} ms (${received.status}); git commit + fetch + push: ${peer.map((v) => v.toFixed(0)).join(', ')} ms; ${(gen.bytes / 1024 / 1024).toFixed(2)} MB file`,
    );
    return {
      problems,
      rows: [
        {
          name: 'sync.100k.ms',
          value: Math.round(median(ours) * 10) / 10,
          unit: 'ms',
          peer: 'the system git: commit, fetch and push of the same change',
          peerValue: Math.round(median(peer) * 10) / 10,
        },
      ],
    };
  } finally {
    await server.close();
  }
}

/** Never synchronously: the server answers from this process. */
function git(cwd, args) {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } }, (error, _stdout, stderr) =>
      error ? reject(new Error(`git ${args[0]} failed: ${stderr || error.message}`)) : resolve(),
    );
  });
}
