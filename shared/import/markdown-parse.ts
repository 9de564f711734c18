import type { Root } from 'mdast';
import { fromMarkdown, type Extension as MdastExtension } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import type { Extension as MicromarkExtension } from 'micromark-util-types';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmSyntaxIn, mayHoldBareAddress, type GfmSyntax } from './markdown-syntax';

/** Every extension on: what the reader parsed with before it looked at the text first. */
export const ALL_GFM: GfmSyntax = { autolinkLiteral: true, footnote: true, strikethrough: true, table: true, taskListItem: true };

/**
 * The syntax tree of a Markdown text: CommonMark, YAML front matter, and GitHub's extensions that the text can use.
 * The first guess about bare addresses skips link destinations by pattern; the parsed text has the last word.
 */
export function parseMarkdown(markdown: string): Root {
  const syntax = gfmSyntaxIn(markdown);
  const tree = parseTree(markdown, syntax);
  if (!syntax.autolinkLiteral && mayHoldBareAddress(tree, markdown)) return parseTree(markdown, { ...syntax, autolinkLiteral: true });
  return tree;
}

/**
 * mdast-util-gfm finds bare addresses (https://…, www.…, name@host) a second time, in the text after parsing, where
 * "https\://" and "name\@host" have already lost the backslash that asked for text: an address the author escaped
 * (as the Markdown export escapes every address typed as text) would come back as a link. The parser finds the
 * unescaped ones by itself.
 */
function withoutTransforms<T extends { transforms?: unknown }>(extension: T): T {
  return { ...extension, transforms: [] };
}

/**
 * The syntax tree of a Markdown text, with GitHub's extensions in the order micromark-extension-gfm combines them
 * (the order settles which construct wins a character) — only those whose syntax the text holds (./markdown-syntax).
 */
export function parseTree(markdown: string, syntax: GfmSyntax): Root {
  const extensions: MicromarkExtension[] = [];
  const mdastExtensions: MdastExtension[] = [];
  if (syntax.autolinkLiteral) {
    extensions.push(gfmAutolinkLiteral());
    mdastExtensions.push(withoutTransforms(gfmAutolinkLiteralFromMarkdown()));
  }
  if (syntax.footnote) {
    extensions.push(gfmFootnote());
    mdastExtensions.push(gfmFootnoteFromMarkdown());
  }
  if (syntax.strikethrough) {
    extensions.push(gfmStrikethrough());
    mdastExtensions.push(gfmStrikethroughFromMarkdown());
  }
  if (syntax.table) {
    extensions.push(gfmTable());
    mdastExtensions.push(gfmTableFromMarkdown());
  }
  if (syntax.taskListItem) {
    extensions.push(gfmTaskListItem());
    mdastExtensions.push(gfmTaskListItemFromMarkdown());
  }
  extensions.push(frontmatter(['yaml']));
  mdastExtensions.push(frontmatterFromMarkdown(['yaml']));
  return fromMarkdown(markdown, { extensions, mdastExtensions });
}

