import { AlignmentType, LevelFormat, LevelSuffix, type ILevelsOptions } from 'docx';
import type { NumberingStyle } from '../model/document';
import { LIST_DEPTHS, bulletLabel, numberLevel, type CounterFormat } from '../numbering/list-labels';

export const HEADING_NUMBERING = 'policy-headings';
export const BULLET_NUMBERING = 'policy-bullets';
export const NUMBER_NUMBERING = 'policy-numbers';

type Format = (typeof LevelFormat)[keyof typeof LevelFormat];

interface HeadingLevel {
  readonly format: Format;
  readonly text: string;
  /** Where the heading's text starts, in twips: the number hangs in the space before it. */
  readonly indent: number;
  /** Write the numbers of the levels above as decimals ("Section 1.01" under "Article I"). */
  readonly legal?: boolean;
  /** A space after the number rather than a tab, for long labels that would overrun any sensible tab stop. */
  readonly space?: boolean;
}

/** Word's numbers of the levels from `first` down `depth` more, joined by dots: "%1", "%1.%2", "%2.%3.%4". */
const dotted = (depth: number, first = 1): string => Array.from({ length: depth + 1 }, (_, i) => `%${first + i}`).join('.');

/**
 * Word's text for level `depth` (0 the top) of a decimal outline counting from Word's level `first`: "%1." (a lone
 * number takes a full stop, as numberSections writes it), "%1.%2", "%1.%2.%3".
 */
export const decimalLevelText = (depth: number, first = 1): string => (depth === 0 ? `${dotted(0, first)}.` : dotted(depth, first));

const HEADING_DEPTHS = [0, 1, 2, 3, 4, 5];
// Where a decimal heading's text starts: "1." and "1.1" fit in half an inch, "1.1.1" takes 0.7 and each deeper number a
// tenth more.
const DECIMAL_INDENTS = [720, 720, 1008, 1152, 1296, 1440];
const decimalLevels = (first: number): HeadingLevel[] =>
  DECIMAL_INDENTS.map((indent, depth) => ({ format: LevelFormat.DECIMAL, text: decimalLevelText(depth, first), indent }));

// The same labels numberSections writes (shared/numbering/styles.ts), as Word list levels, so Word and LibreOffice
// number the headings themselves and renumber them when a section moves. Levels are depths (1 → level 0).
const HEADING_LEVELS: Readonly<Record<NumberingStyle, readonly HeadingLevel[]>> = {
  decimal: decimalLevels(1),
  // A letter, then the decimal style's levels one level down, counting from the second: "A.", "1.", "1.1".
  'letter-decimal': [{ format: LevelFormat.UPPER_LETTER, text: '%1.', indent: 720 }, ...decimalLevels(2).slice(0, 5)],
  'article-section': [
    { format: LevelFormat.UPPER_ROMAN, text: 'Article %1', indent: 0, space: true },
    { format: LevelFormat.DECIMAL_ZERO, text: 'Section %1.%2', indent: 0, space: true, legal: true },
    { format: LevelFormat.LOWER_LETTER, text: '(%3)', indent: 720 },
    { format: LevelFormat.LOWER_ROMAN, text: '(%4)', indent: 720 },
    { format: LevelFormat.UPPER_LETTER, text: '(%5)', indent: 720 },
    { format: LevelFormat.DECIMAL, text: '(%6)', indent: 720 },
  ],
  // "§ 1.1" has the sign before it, so every level past the first takes its tenth of an inch more.
  'section-sign': HEADING_DEPTHS.map((depth) => ({ format: LevelFormat.DECIMAL, text: `§ ${dotted(depth)}`, indent: 720 + 144 * depth })),
};

/** The multilevel list the headings are bound to, one level per section depth, each tied to its Heading style. */
export function headingLevels(style: NumberingStyle): ILevelsOptions[] {
  return HEADING_LEVELS[style].map((level, index) => ({
    level: index,
    format: level.format,
    text: level.text,
    alignment: AlignmentType.START,
    suffix: level.space ? LevelSuffix.SPACE : LevelSuffix.TAB,
    ...(level.legal ? { isLegalNumberingStyle: true } : {}),
    style: {
      style: `Heading${index + 1}`,
      paragraph: { indent: { left: level.indent, hanging: level.indent } },
    },
  }));
}

const LIST_INDENT = 720;
const LIST_HANGING = 360;
// The list levels are list-labels.ts's, written as Word list levels: "%3." is level 3's counter and its separator.
const WORD_FORMATS: Readonly<Record<CounterFormat, Format>> = {
  decimal: LevelFormat.DECIMAL,
  'lower-alpha': LevelFormat.LOWER_LETTER,
  'lower-roman': LevelFormat.LOWER_ROMAN,
};

/** Word's level text for a numbered list level: "%1.", "%2)", "%3.". */
export function numberLevelText(depth: number): string {
  return `%${depth + 1}${numberLevel(depth).separator}`;
}

const depths = Array.from({ length: LIST_DEPTHS }, (_, depth) => depth);
const listIndent = (index: number) => ({ indent: { left: LIST_INDENT * (index + 1), hanging: LIST_HANGING } });

/** The levels of a bulleted or numbered list, indented half an inch a level with the label hanging before the text. */
function listLevels(format: (depth: number) => Format, text: (depth: number) => string): ILevelsOptions[] {
  return depths.map((index) => ({
    level: index,
    format: format(index),
    text: text(index),
    alignment: AlignmentType.START,
    style: { paragraph: listIndent(index) },
  }));
}

export const bulletLevels = (): ILevelsOptions[] => listLevels(() => LevelFormat.BULLET, bulletLabel);

export const numberLevels = (): ILevelsOptions[] => listLevels((depth) => WORD_FORMATS[numberLevel(depth).format], numberLevelText);
