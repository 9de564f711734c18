import { stripForbiddenCharacters } from '../model/vocabulary';
import { collapseSpaces } from '../model/text';

// Word puts a vertical tab on the clipboard for a manual line break, and a form feed for a page break: kept as the
// line break they stand for rather than silently gluing two lines together.
// eslint-disable-next-line no-control-regex -- matching those two control characters is the point
const BREAK_LIKE = /\r\n?|[\u000B\u000C\u2028\u2029]/g;
// A lone surrogate cannot be written as UTF-8 at all; encoders would each replace it differently.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Any character one of the passes below could change (every surrogate, paired or not, to keep the test simple), and
// the characters XML 1.0 forbids (vocabulary.ts's list).
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const NEEDS_CLEANING = /[\u0000-\u0008\u000B-\u001F\u2028\u2029\uD800-\uDFFF\uFFFE\uFFFF]/;

/**
 * Text as every exporter may write it: line breaks as "\n", nothing XML 1.0 forbids. Documents that passed validation
 * are already clean, but exporters also get documents straight from a paste or an import, and one bad character makes
 * Word refuse the whole file.
 */
export function exportableText(text: string): string {
  // Nearly all text is already clean: one test spares the three passes that would each copy it.
  if (!NEEDS_CLEANING.test(text)) return text;
  return stripForbiddenCharacters(text.replace(BREAK_LIKE, '\n')).replace(LONE_SURROGATE, '\uFFFD');
}

/** Text for a title, a label or a property: exportable, with every run of white space (line breaks too) one space. */
export function oneLine(text: string): string {
  return collapseSpaces(exportableText(text));
}

