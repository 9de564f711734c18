import type { ClauseBlock } from './schema';
import type { LibraryClause, TagKind } from './library';
import { stem } from './stem';

export interface ClauseQuery {
  /**
   * Words that must each start a word of the title, the text or a tag, or share its stem ("retain" finds
   * "retention"); case and accents do not matter.
   */
  readonly text?: string;
  /** "topic:retention" or "jurisdiction:EU". */
  readonly tag?: string | null;
}

export function tagValue(kind: TagKind, name: string): string {
  return `${kind}:${name}`;
}

/** Clauses matching a search, those matching in the title first, then by title. Deprecated ones go last. */
export function searchClauses<C extends LibraryClause>(clauses: readonly C[], query: ClauseQuery): C[] {
  const words = fold(query.text ?? '')
    .split(/[^\p{L}\p{N}_]+/u)
    .filter(Boolean)
    .map((word) => ({ word, stem: stem(word) }));
  const scored: Array<{ clause: C; score: number }> = [];
  for (const clause of clauses) {
    if (query.tag && !clauseTags(clause).includes(query.tag)) continue;
    const title = searchWordsOf(clause.title);
    const rest = searchWordsOf(`${clauseBodyText(clause.blocks)} ${clause.tags.topic.join(' ')} ${clause.tags.jurisdiction.join(' ')} ${clause.id}`);
    let score = 0;
    let all = true;
    for (const word of words) {
      if (title.some((w) => matches(w, word))) score += 2;
      else if (rest.some((w) => matches(w, word))) score += 1;
      else all = false;
    }
    if (all) scored.push({ clause, score: score - (clause.status === 'deprecated' ? 100 : 0) });
  }
  return scored.sort((x, y) => y.score - x.score || x.clause.title.localeCompare(y.clause.title)).map((s) => s.clause);
}

export function clauseTags(clause: Pick<LibraryClause, 'tags'>): string[] {
  return [...clause.tags.topic.map((t) => tagValue('topic', t)), ...clause.tags.jurisdiction.map((t) => tagValue('jurisdiction', t))];
}

/** Every tag in the library, topics first, for the filter. */
export function allTags(clauses: readonly LibraryClause[]): string[] {
  const tags = new Set<string>();
  for (const clause of clauses) for (const tag of clauseTags(clause)) tags.add(tag);
  return [...tags].sort((a, b) => (a.startsWith('topic:') === b.startsWith('topic:') ? a.localeCompare(b) : a.startsWith('topic:') ? -1 : 1));
}

/** The body as plain text, placeholders kept as `{{name}}`: what search reads and the clause editor shows. */
export function clauseBodyText(blocks: readonly ClauseBlock[]): string {
  return blocks.map((block) => runsToPlainTextKeepingPlaceholders(block.runs)).join('\n');
}

/** Search and editing work on the wording itself, so placeholders are read as stored (`{{name}}`), not resolved. */
function runsToPlainTextKeepingPlaceholders(runs: ClauseBlock['runs']): string {
  let text = '';
  for (const run of runs) text += run.text;
  return text;
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

interface SearchWord {
  readonly word: string;
  readonly stem: string;
}

/** The words of a text, each with its stem: a library is a few hundred clauses, so this is done as the search runs. */
function searchWordsOf(text: string): SearchWord[] {
  return fold(text)
    .split(/[^\p{L}\p{N}_]+/u)
    .filter(Boolean)
    .map((word) => ({ word, stem: stem(word) }));
}

/** A word typed so far matches the start of a word ("reten"); a whole word matches its family ("retain", "retention"). */
function matches(text: SearchWord, query: SearchWord): boolean {
  return text.word.startsWith(query.word) || text.stem === query.stem;
}
