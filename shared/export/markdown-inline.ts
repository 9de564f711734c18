import type { ExportRun } from './runs';
import { escapeMarkdownText, escapeMarkdownUrl } from './markdown-escape';

export interface InlineMarkdownOptions {
  /** What a line break inside the text becomes: a hard break and the indentation of the block it sits in. */
  readonly lineBreak: string;
}

const PUNCTUATION = /[\p{P}\p{S}]/u;
const WHITESPACE = /\s/u;

/**
 * Runs as GFM inline text. Bold and italic are written as `**` and `*` wherever GFM's flanking rules let those
 * delimiters open and close exactly where the run does; where they would not (a run that starts with punctuation right
 * after a letter, or two marked runs back to back), <strong> and <em> say the same thing without ambiguity. Underline
 * has no Markdown of its own and is written as <u>, which GFM passes through as HTML: dropping it would lose what the
 * author marked, and underline in a legal text usually matters; superscript and subscript likewise as <sup> and <sub>.
 * A footnote's mark is GFM's `[^N]`, its note written at the end of the document.
 */
export function inlineMarkdown(runs: readonly ExportRun[], options: InlineMarkdownOptions): string {
  let out = '';
  let atLineStart = true;
  /** Escaped text, each line break a hard break; whether the next text starts a line is carried along. */
  const write = (text: string): string => {
    const lines = text.split('\n').map((line, k) => escapeMarkdownText(line, k === 0 ? atLineStart : true));
    atLineStart = (lines.length > 1 || atLineStart) && lines[lines.length - 1] === '';
    return lines.join(options.lineBreak);
  };
  runs.forEach((run, index) => {
    if (run.note !== undefined) {
      out += `[^${run.note.number}]`;
      atLineStart = false;
      return;
    }
    // Spaces and breaks at the edges of a marked run go outside its delimiters: "** bold**" is not bold in GFM.
    const [, rawLead = '', rawCore = '', rawTrail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(run.text) ?? [];
    const lead = write(rawLead);
    const core = write(rawCore);
    const trail = write(rawTrail);
    if (core === '' || (!run.bold && !run.italic && !run.underline && !run.script && run.href === undefined)) {
      out += core === '' || run.href === undefined ? `${lead}${core}${trail}` : `${lead}[${core}](${destination(run.href)})${trail}`;
      return;
    }
    const before = run.href !== undefined ? '[' : lead !== '' ? ' ' : out.slice(-1);
    const after = run.href !== undefined ? ']' : trail !== '' ? ' ' : firstCharAfter(runs, index);
    let inner = run.script === 'superscript' ? `<sup>${core}</sup>` : run.script === 'subscript' ? `<sub>${core}</sub>` : core;
    if (run.underline) inner = `<u>${inner}</u>`;
    inner = emphasis(inner, run, before, after, run.href === undefined && lead === '' && out.endsWith('*'));
    out += run.href === undefined ? `${lead}${inner}${trail}` : `${lead}[${inner}](${destination(run.href)})${trail}`;
  });
  return out;
}

function emphasis(inner: string, run: ExportRun, before: string, after: string, touchesStar: boolean): string {
  if (!run.bold && !run.italic) return inner;
  const first = inner.charAt(0);
  const last = inner.charAt(inner.length - 1);
  const canOpen = !WHITESPACE.test(first) && (!PUNCTUATION.test(first) || isBoundary(before));
  const canClose = !WHITESPACE.test(last) && (!PUNCTUATION.test(last) || isBoundary(after));
  if (canOpen && canClose && !touchesStar) {
    const stars = run.bold && run.italic ? '***' : run.bold ? '**' : '*';
    return `${stars}${inner}${stars}`;
  }
  let html = inner;
  if (run.italic) html = `<em>${html}</em>`;
  if (run.bold) html = `<strong>${html}</strong>`;
  return html;
}

// In angle brackets: a bare destination that looks like an address is also read by some GFM readers (pandoc's, at
// least) as the start of an autolink, which then swallows the emphasis right after the link.
function destination(href: string): string {
  return `<${escapeMarkdownUrl(href)}>`;
}

function isBoundary(ch: string): boolean {
  return ch === '' || WHITESPACE.test(ch) || PUNCTUATION.test(ch);
}

/** The first character written after run `index`: a marked or linked run starts with a delimiter (punctuation). */
function firstCharAfter(runs: readonly ExportRun[], index: number): string {
  const next = runs[index + 1];
  if (!next) return '';
  if (next.bold || next.italic || next.underline || next.script || next.href !== undefined) return '*';
  if (next.note !== undefined) return '[';
  return next.text.charAt(0);
}
