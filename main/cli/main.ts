import { FormatError } from '../../shared/format/problems';
import { UserError } from '../store/errors';
import { APP_VERSION } from '../version';
import { UsageError, parseArgs } from './args';
import * as path from 'node:path';

// Each command's code (and the libraries behind it: git, the DOCX writer and readers, the web host) is loaded when
// that command runs, not before: `--version` or `outline` should not pay for the DOCX reader.

const USAGE = `Usage:
  policywright new <dir> [--sample] [--name <name>]   create a project folder
  policywright outline <project> [--json] [--document <id>]
                                                       print the numbered headings
  policywright export <input> --to html|docx|md|pdf --out <file> [--fragment] [--document <id>]
                                                       export a document (input: a project, a document file,
                                                       any importable file, or <project>@<version>)
  policywright import <file> --into <project> [--json]
                                                       add a DOCX, HTML, Markdown or text file to a project,
                                                       and say what the import decided (headings found,
                                                       contents page dropped, dates taken, lines not placed)
  policywright versions <project> [--json]             list the project's saved versions, newest first
  policywright version <project> --name <name> [--note <text>] [--kind editorial|substantive] [--author <name>]
                                                       save a version: a git commit and tag of the project
  policywright diff <old> <new> [--to text|json|html|docx] [--out <file>] [--document <id>]
                                                       compare two editions; each is <project>@<version>,
                                                       a project (its draft) or a file, compared as if its
                                                       open suggestions were accepted
  policywright diff <old> <new> --before-suggestions old|new|both
                                                       compare that side as it was before its suggestions
                                                       (diff <p> <p> --before-suggestions old: the draft's
                                                       suggestions as a redline)
  policywright check <input> [--json] [--document <id>] [--laws <law,...>]
                                                       check a policy: broken references, terms, placeholders,
                                                       empty sections, dates, links, and with --laws the
                                                       disclosures each law requires (exit code 1 on errors
                                                       or a missing disclosure); --laws list names the laws
  policywright review <input> [--json] [--document <id>]
                                                       open suggestions (author, kind, section, text) and
                                                       comment threads (author, section, quote, replies,
                                                       resolved or orphaned)
  policywright accept <input> [--author <name>] [--section <number>] [--document <id>]
  policywright reject <input> [--author <name>] [--section <number>] [--document <id>]
                                                       accept or reject the open suggestions (all, one
                                                       author's, or those in a section and its subsections)
                                                       and save the document (input: a project or a
                                                       .policy.json file)
  policywright status <project> [--json] [--today <YYYY-MM-DD>]
                                                       each document's review state, approvals, last
                                                       publication, next review date, and "review needed"
                                                       when a document it depends on was published after it
  policywright due <project> [--json] [--today <YYYY-MM-DD>]
                                                       documents due for review (exit code 1 if one is overdue)
  policywright clauses <project> [--json]              list the clause library (id, title, version, status,
                                                       tags, source) and any clause file that cannot be read
  policywright clone <url> <dir>                       make a project folder from a team's git server
                                                       (credentials: POLICYWRIGHT_GIT_USERNAME and
                                                       POLICYWRIGHT_GIT_PASSWORD or POLICYWRIGHT_GIT_TOKEN)
  policywright sync <project> [--remote <url>] [--author <name>]
                                                       commit the draft, fetch, merge by section and send
                                                       (exit code 1: conflicts need attention; 2: offline,
                                                       refused credentials or another error)
  policywright sync <project> --status                 where the project stands, as of the last sync
  policywright sync <project> --resolve <file> --take mine|theirs
                                                       settle a file's conflicts; the last one finishes the sync
  policywright serve [<project>] [--port <n>]          open the app in a browser, served on 127.0.0.1
                                                       under a random *.localhost name
  policywright --version`;

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** Runs one command; returns the exit code. Expected failures are one line on stderr and exit code 2. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`policywright: ${error.message} (run "policywright --help" for usage)\n`);
      return 2;
    }
    if (error instanceof UserError || error instanceof FormatError) {
      io.err(`policywright: ${error.message}\n`);
      return 2;
    }
    io.err(`policywright: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
      // A mistake like any other: one line on stderr, exit code 2, and stdout left clean.
      throw new UsageError('no command given');
    case '--help':
    case '-h':
    case 'help':
      io.out(`${USAGE}\n`);
      return 0;
    case '--version':
      io.out(`${APP_VERSION}\n`);
      return 0;
    case 'new': {
      const args = parseArgs(rest, ['name'], ['sample']);
      const dir = single(args.positional, 'new', '<dir>');
      const sample = args.flags.has('sample');
      const name = stringFlag(args.flags.get('name')) ?? (sample ? 'Sample Policies' : path.basename(path.resolve(dir)));
      const { createProject } = await import('../usecases/projects');
      const project = await createProject(dir, name, sample);
      io.out(`Created ${project.name} in ${project.dir} with ${project.documentIds.length} document(s).\n`);
      return 0;
    }
    case 'outline': {
      const args = parseArgs(rest, ['document'], ['json']);
      const input = single(args.positional, 'outline', '<project>');
      const { outlineCommand } = await import('./outline-command');
      io.out(await outlineCommand(input, { json: args.flags.has('json'), documentId: stringFlag(args.flags.get('document')) }));
      return 0;
    }
    case 'export': {
      const args = parseArgs(rest, ['to', 'out', 'document'], ['fragment']);
      const input = single(args.positional, 'export', '<input>');
      const { exportCommand, parseFormat } = await import('./export-command');
      const format = parseFormat(args.flags.get('to'));
      const out = stringFlag(args.flags.get('out'));
      if (!out) throw new UsageError('export needs --out <file>');
      if (args.flags.has('fragment') && format !== 'html') throw new UsageError('--fragment goes with --to html');
      io.out(
        await exportCommand(input, {
          format,
          out,
          fragment: args.flags.has('fragment'),
          documentId: stringFlag(args.flags.get('document')),
          warn: (line) => io.err(line),
        }),
      );
      return 0;
    }
    case 'check': {
      const args = parseArgs(rest, ['document', 'laws'], ['json']);
      const laws = stringFlag(args.flags.get('laws'));
      if (laws === 'list') {
        if (args.positional.length > 0) throw new UsageError('check --laws list takes no <input>');
        const { listLawsCommand } = await import('./check-command');
        io.out(await listLawsCommand({ json: args.flags.has('json') }));
        return 0;
      }
      const input = single(args.positional, 'check', '<input>');
      const { checkCommand } = await import('./check-command');
      const result = await checkCommand(input, { json: args.flags.has('json'), documentId: stringFlag(args.flags.get('document')), laws });
      io.out(result.stdout);
      return result.errors > 0 ? 1 : 0;
    }
    case 'review': {
      const args = parseArgs(rest, ['document'], ['json']);
      const input = single(args.positional, 'review', '<input>');
      const { reviewCommand } = await import('./review-command');
      io.out(await reviewCommand(input, { json: args.flags.has('json'), documentId: stringFlag(args.flags.get('document')) }));
      return 0;
    }
    case 'accept':
    case 'reject': {
      const args = parseArgs(rest, ['author', 'section', 'document'], []);
      const input = single(args.positional, command, '<input>');
      const [author, section, documentId] = ['author', 'section', 'document'].map((flag) => stringFlag(args.flags.get(flag)));
      const { resolveCommand } = await import('./resolve-command');
      io.out(await resolveCommand(command, input, { author, section, documentId }));
      return 0;
    }
    case 'status':
    case 'due': {
      const args = parseArgs(rest, ['today'], ['json']);
      const project = single(args.positional, command, '<project>');
      const today = stringFlag(args.flags.get('today'));
      if (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new UsageError('--today must be a date written YYYY-MM-DD');
      const { dueCommand, statusCommand } = await import('./status-command');
      if (command === 'status') {
        io.out(await statusCommand(project, { json: args.flags.has('json'), today }));
        return 0;
      }
      const result = await dueCommand(project, { json: args.flags.has('json'), today });
      io.out(result.stdout);
      return result.overdue > 0 ? 1 : 0;
    }
    case 'clauses': {
      const args = parseArgs(rest, [], ['json']);
      const { clausesCommand } = await import('./clauses-command');
      io.out(await clausesCommand(single(args.positional, 'clauses', '<project>'), { json: args.flags.has('json') }));
      return 0;
    }
    case 'import': {
      const args = parseArgs(rest, ['into'], ['json']);
      const file = single(args.positional, 'import', '<file>');
      const into = stringFlag(args.flags.get('into'));
      if (!into) throw new UsageError('import needs --into <project>');
      const [{ Project }, { importDocument }, { importReportText }, fs] = await Promise.all([
        import('../store/project'),
        import('../usecases/projects'),
        import('./import-report'),
        import('node:fs/promises'),
      ]);
      const project = await Project.open(into);
      const added = await importDocument(project, file, await fs.readFile(file), file);
      if (args.flags.has('json')) io.out(`${JSON.stringify({ id: added.id, title: added.title, report: added.report ?? null }, null, 2)}\n`);
      else io.out(`Imported ${file} into ${project.name} as "${added.title}" (${added.id}).\n${importReportText(added.report)}`);
      return 0;
    }
    case 'versions': {
      const args = parseArgs(rest, [], ['json']);
      const project = single(args.positional, 'versions', '<project>');
      const { versionsCommand } = await import('./versions-command');
      io.out(await versionsCommand(project, { json: args.flags.has('json') }));
      return 0;
    }
    case 'version': {
      const args = parseArgs(rest, ['name', 'note', 'kind', 'author'], []);
      const project = single(args.positional, 'version', '<project>');
      const name = stringFlag(args.flags.get('name'));
      if (!name) throw new UsageError('version needs --name <name>');
      const [note, kind, author] = ['note', 'kind', 'author'].map((flag) => stringFlag(args.flags.get(flag)));
      const { saveVersionCommand } = await import('./versions-command');
      io.out(await saveVersionCommand(project, { name, note, kind, author }));
      return 0;
    }
    case 'diff': {
      const args = parseArgs(rest, ['to', 'out', 'document', 'before-suggestions'], []);
      if (args.positional.length !== 2) throw new UsageError(`diff needs <old> and <new>, got ${args.positional.length} argument(s)`);
      const [oldSpec = '', newSpec = ''] = args.positional;
      const { diffCommand, parseBeforeSuggestions, parseDiffFormat } = await import('./diff-command');
      const result = await diffCommand(oldSpec, newSpec, {
        format: parseDiffFormat(args.flags.get('to')),
        beforeSuggestions: parseBeforeSuggestions(args.flags.get('before-suggestions')),
        out: stringFlag(args.flags.get('out')),
        documentId: stringFlag(args.flags.get('document')),
      });
      io.out(result.stdout);
      return 0;
    }
    case 'clone': {
      const args = parseArgs(rest, [], []);
      if (args.positional.length !== 2) throw new UsageError(`clone needs <url> and <dir>, got ${args.positional.length} argument(s)`);
      const [url = '', dir = ''] = args.positional;
      const { cloneCommand } = await import('./sync-command');
      io.out(await cloneCommand(url, dir));
      return 0;
    }
    case 'sync': {
      const args = parseArgs(rest, ['remote', 'author', 'resolve', 'take'], ['status']);
      const project = single(args.positional, 'sync', '<project>');
      const [remote, author, resolve, take] = ['remote', 'author', 'resolve', 'take'].map((flag) => stringFlag(args.flags.get(flag)));
      const { syncCommand } = await import('./sync-command');
      const result = await syncCommand(project, { remote, author, resolve, take, status: args.flags.has('status') });
      io.out(result.stdout);
      return result.code;
    }
    case 'serve': {
      const args = parseArgs(rest, ['port'], []);
      if (args.positional.length > 1) throw new UsageError('serve takes at most one project folder');
      const port = parsePort(args.flags.get('port'));
      const [{ serveUntilStopped }, { launchWebHost }] = await Promise.all([import('./serve-command'), import('../web/launch')]);
      await serveUntilStopped(await launchWebHost({ projectDir: args.positional[0], port }), io);
      return 0;
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

function single(positional: string[], command: string, what: string): string {
  if (positional.length === 0) throw new UsageError(`${command} needs ${what}`);
  if (positional.length > 1) throw new UsageError(`${command} takes one ${what}, got ${positional.length}`);
  return positional[0] as string;
}

function stringFlag(value: string | true | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function parsePort(value: string | true | undefined): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535`);
  return port;
}

