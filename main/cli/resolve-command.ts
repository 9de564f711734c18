import { resolveAt } from '../usecases/resolve-suggestions';

/**
 * `accept|reject <input> [--author name] [--section number] [--document id]`: settles the open suggestions that match
 * (all of them without a filter; `--section 2` is section 2 and its subsections) and saves the document.
 */
export async function resolveCommand(
  decision: 'accept' | 'reject',
  input: string,
  options: { author?: string; section?: string; documentId?: string },
): Promise<string> {
  const outcome = await resolveAt(input, options.documentId, decision, { author: options.author, section: options.section });
  const done = decision === 'accept' ? 'Accepted' : 'Rejected';
  const scope = [options.author !== undefined ? ` by ${options.author}` : '', options.section !== undefined ? ` in section ${options.section}` : ''].join('');
  const left = `${outcome.left} open suggestion${outcome.left === 1 ? '' : 's'} left`;
  if (outcome.settled === 0) return `No open suggestion${scope} in ${outcome.title} (${outcome.id}); nothing was changed (${left}).\n`;
  return `${done} ${outcome.settled} suggestion${outcome.settled === 1 ? '' : 's'}${scope} in ${outcome.title} (${outcome.id}) and saved it; ${left}.\n`;
}
