import type { PolicyDocument } from '../model/document';
import { textOf } from './decode';
import { UNNAMED } from './errors';
import * as yaml from 'yaml';
import { readHtmlFragment } from './html';
import { markdownTree, rawOfMarkdown } from './markdown-read';
import type { RawDocument } from './raw';
import { recoverStructure, type StructureOptions } from './structure';

/*
 * Markdown, read at once with the HTML and YAML readers at hand. importDocument (./index) reads the tree first and
 * loads those only for a text that needs them; the reading itself is in ./markdown-read.
 */

/** Raw paragraphs and front-matter metadata of a Markdown text. */
export function readMarkdown(markdown: string, file = UNNAMED): RawDocument {
  return rawOfMarkdown(markdownTree(markdown, file), file, { readHtmlFragment, yaml });
}

export function importMarkdown(input: string | Uint8Array, options: StructureOptions = {}): PolicyDocument {
  const file = options.fileName ?? UNNAMED;
  const markdown = textOf(input, file, 'a Markdown file');
  return recoverStructure(readMarkdown(markdown, file), options);
}
