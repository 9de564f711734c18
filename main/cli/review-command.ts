import { listComments, listSuggestions, type CommentEntry, type SuggestionEntry } from '../../shared/review/list';
import { editionsAt } from '../usecases/editions';

/**
 * `review <input> [--json] [--document id]`: the open suggestions (who, what kind, where, the text inserted and
 * deleted) and the comment threads (who, where, on what text, the thread, resolved or orphaned) of each document the
 * input holds. Section numbers are those a reader sees: as if every suggestion were accepted.
 */
export async function reviewCommand(input: string, options: { json: boolean; documentId?: string }): Promise<string> {
  const documents = (await editionsAt(input, options.documentId)).map(({ id, doc }) => ({
    id,
    title: doc.title,
    suggestions: listSuggestions(doc),
    comments: listComments(doc),
  }));
  if (options.json) {
    const json = documents.map(({ suggestions, comments, ...d }) => ({ ...d, suggestions: suggestions.map(suggestionJson), comments: comments.map(commentJson) }));
    return `${JSON.stringify({ documents: json }, null, 2)}\n`;
  }
  return `${documents.map(({ id, title, suggestions, comments }) => [`# ${title} (${id}): ${counts(suggestions, comments)}`, ...suggestions.flatMap(suggestionLines), ...comments.flatMap(commentLines)].join('\n')).join('\n\n')}\n`;
}

function suggestionJson({ id, by, at, kinds, sectionId, sectionNumber, inserted, deleted }: SuggestionEntry) {
  return { id, by, at, kinds, sectionId, sectionNumber, inserted, deleted };
}

function commentJson({ thread, sectionId, sectionNumber, quote, orphaned }: CommentEntry) {
  const { id, by, at, text, replies } = thread;
  return { id, by, at, sectionId, sectionNumber, quote, text, resolved: thread.resolved === true, orphaned, replies: (replies ?? []).map(({ by: who, at: when, text: said }) => ({ by: who, at: when, text: said })) };
}

function counts(suggestions: readonly SuggestionEntry[], comments: readonly CommentEntry[]): string {
  const resolved = comments.filter((c) => c.thread.resolved).length;
  const orphaned = comments.filter((c) => c.orphaned).length;
  const notes = [resolved ? `${resolved} resolved` : '', orphaned ? `${orphaned} orphaned` : ''].filter(Boolean).join(', ');
  return `${plural(suggestions.length, 'open suggestion')}, ${plural(comments.length, 'comment thread')}${notes ? ` (${notes})` : ''}`;
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** Text as one line, cut short: a listing line per suggestion, the JSON for the whole text. */
function excerpt(text: string, max = 100): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return `“${line.length > max ? `${line.slice(0, max - 1)}…` : line}”`;
}

const where = (sectionNumber: string | null) => `section ${sectionNumber ?? '—'}`.padEnd(14);
const when = (at: string) => at.slice(0, 16).replace('T', ' ');

function suggestionLines(s: SuggestionEntry): string[] {
  const text = [s.inserted ? `inserts ${excerpt(s.inserted)}` : '', s.deleted ? `deletes ${excerpt(s.deleted)}` : ''].filter(Boolean);
  return [`  suggestion  ${where(s.sectionNumber)} ${s.by} (${when(s.at)}): ${s.kinds.join(', ')}${text.length > 0 ? `; ${text.join('; ')}` : ''}`];
}

function commentLines(c: CommentEntry): string[] {
  const state = [c.thread.resolved ? 'resolved' : '', c.orphaned ? 'orphaned: its text was deleted' : ''].filter(Boolean).join(', ');
  const head = `  comment     ${where(c.sectionNumber)} ${c.thread.by} (${when(c.thread.at)})${c.quote ? ` on ${excerpt(c.quote, 60)}` : ''}${state ? ` [${state}]` : ''}: ${excerpt(c.thread.text)}`;
  return [head, ...(c.thread.replies ?? []).map((reply) => `              reply          ${reply.by} (${when(reply.at)}): ${excerpt(reply.text)}`)];
}
