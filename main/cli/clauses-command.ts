import * as fs from 'node:fs/promises';
import { appHome } from '../store/app-paths';
import { Project } from '../store/project';
import { AppSettings } from '../store/settings';
import { UserError } from '../store/errors';
import { projectLibrary } from '../usecases/clauses';

/** The team library folder the app's settings name, as the app would attach it. */
export async function settingsTeamDir(): Promise<string | null> {
  return (await AppSettings.in(appHome()).get()).teamLibrary;
}

/** `clauses <project> [--json]`: every clause with id, title, version, status, tags and source; broken files after. */
export async function clausesCommand(input: string, options: { json: boolean }): Promise<string> {
  const stat = await fs.stat(input).catch(() => null);
  if (!stat?.isDirectory()) throw new UserError(`${input} is not a project folder.`);
  const project = await Project.open(input);
  const { library } = await projectLibrary(project.dir, await settingsTeamDir());
  if (options.json) {
    const value = {
      clauses: library.clauses.map((c) => ({
        id: c.id,
        title: c.title,
        version: c.version,
        status: c.status,
        tags: c.tags,
        source: c.source,
        ...(c.undefinedVariables.length > 0 ? { undefinedVariables: c.undefinedVariables } : {}),
      })),
      broken: library.broken,
      ...(library.team?.problem ? { teamProblem: library.team.problem } : {}),
    };
    return `${JSON.stringify(value, null, 2)}\n`;
  }
  const lines = library.clauses.map((c) => {
    const tags = [...c.tags.topic, ...c.tags.jurisdiction].join(', ');
    const missing = c.undefinedVariables.length > 0 ? `  (no variable for ${c.undefinedVariables.map((n) => `{{${n}}}`).join(', ')})` : '';
    return `${c.id}  v${c.version}  ${c.status}  ${c.source}  ${c.title}  [${tags}]${missing}`;
  });
  for (const b of library.broken) lines.push(`BROKEN ${b.source} ${b.file}: ${b.problem}`);
  if (library.team?.problem) lines.push(library.team.problem);
  if (lines.length === 0) lines.push(`${project.name} has no clauses.`);
  return `${lines.join('\n')}\n`;
}
