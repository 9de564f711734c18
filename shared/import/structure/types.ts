/** The working state of structure recovery: each source paragraph as a line, and the role the stages give it. */
import type { DocumentLanguage, NumberingStyle, Run, Table } from '../../model/document';
import type { LabelledDate } from '../dates';
import type { RawParagraph } from '../raw';

export interface Line {
  runs: Run[];
  text: string;
  raw: RawParagraph;
  dates: LabelledDate[] | null;
  role: Role | null;
}

export type Role =
  | { kind: 'drop' }
  // unnumbered: a heading without a typed number among headings that have one ("Summary" before "A. Definitions")
  | { kind: 'heading'; level: number; runs: Run[]; body: Run[] | null; bare?: boolean; unnumbered?: true }
  | { kind: 'list-item'; list: 'bullet' | 'number'; indent: number; runs: Run[] }
  | { kind: 'paragraph'; runs: Run[] }
  /** Set before the stages run: a line holding a table has no text, so every stage passes it by (and none reads across it). */
  | { kind: 'table'; tables: Table[] };

export interface Metadata {
  title: string | null;
  effectiveDate: string | null;
  lastUpdated: string | null;
  versionLabel: string;
  owner: string;
  numbering: NumberingStyle | null;
  language: DocumentLanguage | null;
}
