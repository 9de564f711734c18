import type { BlockChange, DocumentLanguage, Heading, ListItem, NumberingStyle, PolicyDocument, SuggestionMark } from '../model/document';
import { bareNumber } from '../numbering/number';
import { standsWhenAccepted } from '../review/suggestions';
import { reviewedNumbers, type ReviewedNumber } from './review-numbers';
import { exportList, type ExportList } from './lists';
import { exportRuns, plainText, type ExportRun } from './runs';
import { oneLine } from './text';
import { NO_VARIABLES, resolveBlocks, type VariableValues } from '../model/variables';
import type { ReferenceTarget } from '../model/reference-text';

export type { ExportList, ExportListItem } from './lists';
export type { ExportRun } from './runs';

export interface ExportHeading {
  readonly kind: 'heading';
  /** The stored section id, which is also the anchor every exporter uses: it survives renumbering, a number doesn't. */
  readonly id: string;
  /** Depth in the section tree, from 1 (what numberSections says, not the stored level, which may jump). */
  readonly depth: number;
  /** "1.", "Article II", "(a)": what the document shows before the heading. */
  readonly label: string;
  /** The label without a closing full stop: "1", "1.1", "Article II". */
  readonly number: string;
  /** Unambiguous within the document: "A.1", "Section 2.01(a)". */
  readonly reference: string;
  readonly runs: ExportRun[];
  /** The heading as one line of plain text, for tables of contents and metadata. */
  readonly text: string;
  /** An open suggestion to insert, delete or move the whole heading (only the DOCX export writes it). */
  readonly change?: BlockChange;
  /** Its depth before the open suggestions, when that differs or a level change is suggested, and whose change it is. */
  readonly was?: { readonly depth: number; readonly by: SuggestionMark };
}

export interface ExportParagraph {
  readonly kind: 'paragraph';
  readonly runs: ExportRun[];
  readonly change?: BlockChange;
}

export type ExportBlock = ExportHeading | ExportParagraph | ExportList;

export interface PreparedDocument {
  readonly title: string;
  readonly effectiveDate: string | null;
  readonly lastUpdated: string | null;
  readonly versionLabel: string;
  readonly owner: string;
  readonly numbering: NumberingStyle;
  /** The document's language, when it has one (absent: English). */
  readonly language?: DocumentLanguage;
  readonly blocks: ExportBlock[];
  /** The headings again, in order, for tables of contents: those that stand with every open suggestion accepted. */
  readonly headings: ExportHeading[];
  /** How many numbered sequences the lists hold (sequence numbers run from 0 to this, exclusive). */
  readonly numberedSequences: number;
  /** The sections some cross-reference in the document points at: those whose anchor a reader is sent to. */
  readonly referenced: ReadonlySet<string>;
}

/**
 * Everything an exporter needs, in one pass over the document: headings with their computed numbers (numbers are
 * computed here and only here, never re-implemented by an exporter), consecutive list items gathered into lists with
 * their numbering worked out, and runs with clean text and only safe links.
 */
export function prepareDocument(doc: PolicyDocument, values: VariableValues = NO_VARIABLES): PreparedDocument {
  // Variables become their values (or "[name]") before anything else reads a run: exporters never see a placeholder.
  const valued = resolveBlocks(doc.blocks, values);
  const headingBlocks = valued.flatMap((block) => (block.kind === 'heading' ? [block] : []));
  const numbers = reviewedNumbers(headingBlocks, doc.numbering);
  // References show the numbers these same headings are exported with (every open suggestion accepted).
  const targets = referenceTargetsOf(headingBlocks, numbers);
  const resolved = resolveBlocks(valued, NO_VARIABLES, targets);
  const referenced = new Set<string>();
  for (const block of valued) for (const run of block.runs) if (run.ref !== undefined && targets.has(run.ref)) referenced.add(run.ref);

  const blocks: ExportBlock[] = [];
  const headings: ExportHeading[] = [];
  let pendingItems: ListItem[] = [];
  let nextSequence = 0;
  let headingIndex = 0;
  const flushList = () => {
    if (pendingItems.length === 0) return;
    const done = exportList(pendingItems, nextSequence, targets);
    blocks.push(done.list);
    nextSequence = done.nextSequence;
    pendingItems = [];
  };

  for (const block of resolved) {
    if (block.kind === 'list-item') {
      pendingItems.push(block);
      continue;
    }
    flushList();
    const runs = exportRuns(block.runs, targets);
    if (block.kind === 'paragraph') {
      blocks.push(block.change ? { kind: 'paragraph', runs, change: block.change } : { kind: 'paragraph', runs });
      continue;
    }
    const reviewed = numbers[headingIndex++];
    const number = reviewed?.number;
    if (!number || number.id !== block.id) throw new Error(`no section number for heading ${block.id}`);
    const heading: ExportHeading = {
      kind: 'heading',
      id: block.id,
      depth: number.depth,
      label: number.label,
      number: bareNumber(number.label),
      reference: number.reference,
      runs,
      text: plainText(runs).replace(/\s+/g, ' ').trim(),
      ...(block.change ? { change: block.change } : {}),
      ...(reviewed.was ? { was: reviewed.was } : {}),
    };
    blocks.push(heading);
    if (standsWhenAccepted(block)) headings.push(heading);
  }
  flushList();

  return {
    title: oneLine(doc.title),
    effectiveDate: doc.effectiveDate,
    lastUpdated: doc.lastUpdated,
    versionLabel: oneLine(doc.versionLabel),
    owner: oneLine(doc.owner),
    ...(doc.language ? { language: doc.language } : {}),
    numbering: doc.numbering,
    blocks,
    headings,
    numberedSequences: nextSequence,
    referenced,
  };
}

/** What a reference to each heading shows: the heading's number as exported, for those that stand once accepted. */
function referenceTargetsOf(headings: readonly Heading[], numbers: readonly ReviewedNumber[]): Map<string, ReferenceTarget> {
  const targets = new Map<string, ReferenceTarget>();
  headings.forEach((heading, index) => {
    const number = numbers[index]?.number;
    if (!number || !standsWhenAccepted(heading) || targets.has(heading.id)) return;
    targets.set(heading.id, { number: number.reference, title: plainText(exportRuns(heading.runs)).replace(/\s+/g, ' ').trim() });
  });
  return targets;
}

