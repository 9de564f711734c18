import { createContext, isValidElement, useCallback, useContext, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { RenderChunkProps, RenderElementProps, RenderLeafProps, RenderTextProps } from 'slate-react';
import { SectionNumbersContext, depthClass, headingLevel, type SectionNumberStore } from './section-numbers';
import type { BlockElement, HeadingElement, ListItemElement, ParagraphElement } from './types';
import { relevelOf } from './table-nodes';
import { TableCell, TableRow, TableView } from './table-elements';
import { useListLabel } from './list-numbers';
import { AdornmentsContext } from './editor-feature';
import { ChunkMounterContext } from './chunk-mounter';
import { useIdleValue } from './use-idle-value';
import { safeLink } from '../../shared/model/link';
import { commentLeafProps, commentMarkerOf } from '../comments/CommentMarks';
import { authorClass, describe } from './suggestion-look';
import type { ReviewFields } from './types';
import { ReferenceChip } from '../references/ReferenceChip';
import { NoteMark } from '../notes/NoteMark';

export { SectionNumbersContext };

function useSectionLabel(id: string) {
  const store = useContext(SectionNumbersContext);
  if (!store) throw new Error('SectionNumbersContext is missing');
  const subscribe = useCallback((listener: () => void) => store.subscribe(id, listener), [store, id]);
  return useSyncExternalStore(subscribe, () => store.label(id));
}

/** The store of the numbers: a heading reads its number from it, and the store keeps the number in the page current. */
function useSectionNumbers(): SectionNumberStore {
  const store = useContext(SectionNumbersContext);
  if (!store) throw new Error('SectionNumbersContext is missing');
  return store;
}

function Heading({ attributes, children, element }: { attributes: RenderElementProps['attributes']; children: React.ReactNode; element: HeadingElement }) {
  const store = useSectionNumbers();
  const label = store.label(element.id);
  const depth = label?.depth ?? 1;
  const comments = commentMarkerOf(element);
  // A heading suggested away (deleted, or the old place of a moved section) has no number in the accepted document;
  // the number it had before the suggestions is shown instead. A moved one says where it went.
  const gone = element.change?.kind === 'delete' || element.change?.kind === 'move-from';
  return (
    <div
      {...attributes}
      role="heading"
      aria-level={headingLevel(depth)}
      className={`section-heading ${depthClass(depth)}${clauseClass(element)}${changeClass(element)}${comments.className}`}
      data-section-id={element.id}
      title={changeTitle(element)}
    >
      {element.clause ? <BlockAdornment element={element} /> : null}
      {gone ? (
        <OldNumber id={element.id} />
      ) : (
        <span contentEditable={false} className="section-number" data-testid="section-number" data-number-for={element.id} ref={store.numberRef}>
          {label?.label ?? ''}
        </span>
      )}
      <span className="section-title">{children}</span>
      {element.change?.kind === 'move-from' ? <MovedNote id={element.id} /> : null}
      {comments.marker}
    </div>
  );
}

/** Where a section suggested to move goes: its number there, kept current as the document is renumbered. */
function MovedNote({ id }: { id: string }) {
  const label = useSectionLabel(id);
  return label ? (
    <span contentEditable={false} className="moved-note">
      Moved to §{label.label}
    </span>
  ) : null;
}

/** The number a heading suggested away had before the suggestions. */
function OldNumber({ id }: { id: string }) {
  const store = useContext(SectionNumbersContext);
  if (!store) throw new Error('SectionNumbersContext is missing');
  const subscribe = useCallback((listener: () => void) => store.subscribe(id, listener), [store, id]);
  const old = useSyncExternalStore(subscribe, () => store.oldLabel(id));
  return (
    <span contentEditable={false} className="section-number old-number" title={old ? `Numbered ${old} before the suggestions` : undefined}>
      {old ?? ''}
    </span>
  );
}

/** Blocks suggested for insertion, deletion, a move or a new level are marked in the margin, in their author's colour. */
export function changeClass(element: BlockElement): string {
  const change = element.change;
  const relevel = relevelOf(element);
  if (!change && !relevel) return '';
  const mark = change ?? relevel;
  return ` block-change ${change ? `change-${change.kind}` : 'change-level'} ${authorClass(mark?.by ?? '')}`;
}

export function changeTitle(element: BlockElement): string | undefined {
  const parts: string[] = [];
  if (element.change) parts.push(describe(element.change.kind, element.change));
  const relevel = relevelOf(element);
  if (relevel) parts.push(describe('level', relevel));
  return parts.length > 0 ? parts.join('\n') : undefined;
}

function ListItem({ attributes, children, element }: { attributes: RenderElementProps['attributes']; children: React.ReactNode; element: ListItemElement }) {
  const label = useListLabel(element);
  const comments = commentMarkerOf(element);
  return (
    <div
      {...attributes}
      className={`list-item ${element.list} indent-${element.indent}${clauseClass(element)}${changeClass(element)}${comments.className}`}
      title={changeTitle(element)}
      data-clause-use={element.clause?.use}
      data-number={element.list === 'number' ? label : undefined}
      data-bullet={element.list === 'bullet' ? label : undefined}
    >
      {element.clause ? <BlockAdornment element={element} /> : null}
      {children}
      {comments.marker}
    </div>
  );
}

/** What the clause feature shows above a block of a clause (editor-feature.ts); only such blocks read it. */
export function BlockAdornment({ element }: { element: BlockElement }) {
  const Block = useContext(AdornmentsContext)?.Block;
  return Block ? <Block element={element} /> : null;
}

function VariableAdornment({ name }: { name: string }) {
  const Variable = useContext(AdornmentsContext)?.Variable;
  return Variable ? <Variable name={name} /> : null;
}

/** Clause text is marked in the page (a rule in the margin; locked text greyed a little) so it reads as such. */
export function clauseClass(element: BlockElement): string {
  return element.clause ? ` clause-block clause-${element.clause.state}` : '';
}

export function renderElement({ attributes, children, element }: RenderElementProps) {
  switch (element.type) {
    case 'heading':
      return <Heading attributes={attributes} element={element}>{children}</Heading>;
    case 'list-item':
      return (
        <ListItem attributes={attributes} element={element}>
          {children}
        </ListItem>
      );
    case 'variable':
      return (
        <span {...attributes} className={`variable${suggestionClass(element)}`} title={suggestionTitle(element)}>
          <span contentEditable={false}>
            <VariableAdornment name={element.name} />
          </span>
          {children}
        </span>
      );
    case 'reference':
      return (
        <ReferenceChip attributes={attributes} element={element} className={suggestionClass(element)} suggestion={suggestionTitle(element)}>
          {children}
        </ReferenceChip>
      );
    case 'note':
      return (
        <NoteMark attributes={attributes} element={element} className={suggestionClass(element)} suggestion={suggestionTitle(element)}>
          {children}
        </NoteMark>
      );
    case 'link': {
      // Every way a link enters the editor checks it already; drawn through the one link check all the same.
      const href = safeLink(element.href) ?? undefined;
      return (
        <a {...attributes} href={href} title={href} rel="noreferrer noopener" target="_blank">
          {children}
        </a>
      );
    }
    case 'table':
      return (
        <TableView attributes={attributes} element={element}>
          {children}
        </TableView>
      );
    case 'table-caption':
      return (
        <caption {...attributes} className="table-caption">
          {children}
        </caption>
      );
    case 'table-row':
      return (
        <TableRow attributes={attributes} element={element}>
          {children}
        </TableRow>
      );
    case 'table-cell':
      return <TableCell attributes={attributes}>{children}</TableCell>;
    case 'paragraph':
      // Called, not rendered as a component: it has no state, and half of a policy's blocks are paragraphs, each of
      // which would otherwise be one more component for React to make and mount as a long document opens.
      return paragraph(attributes, children, element);
    default:
      return <span {...attributes}>{children}</span>;
  }
}

/** A body paragraph: plain, or marked as clause text or as a suggested block. */
function paragraph(attributes: RenderElementProps['attributes'], children: React.ReactNode, element: ParagraphElement) {
  const comments = commentMarkerOf(element);
  return element.clause ? (
    <p {...attributes} className={`${clauseClass(element)}${changeClass(element)}${comments.className}`.trim()} data-clause-use={element.clause.use} title={changeTitle(element)}>
      <BlockAdornment element={element} />
      {children}
      {comments.marker}
    </p>
  ) : element.change ? (
    <p {...attributes} className={`${changeClass(element)}${comments.className}`.trim()} title={changeTitle(element)}>
      {children}
      {comments.marker}
    </p>
  ) : (
    <p {...attributes} className={comments.className.trim() || undefined}>
      {children}
      {comments.marker}
    </p>
  );
}

export function renderLeaf({ attributes, children, leaf }: RenderLeafProps) {
  let out = children;
  if (leaf.bold) out = <strong>{out}</strong>;
  if (leaf.italic) out = <em>{out}</em>;
  if (leaf.underline) out = <u>{out}</u>;
  if (leaf.superscript) out = <sup>{out}</sup>;
  else if (leaf.subscript) out = <sub>{out}</sub>;
  // Plain text stays a plain span: only suggested or commented text carries classes and a tooltip.
  const commented = commentLeafProps(leaf);
  if (leaf.ins || leaf.del || leaf.formatted) {
    return (
      <span {...attributes} {...commented} className={`${suggestionClass(leaf)} ${commented.className ?? ''}`.trim()} title={suggestionTitle(leaf)}>
        {out}
      </span>
    );
  }
  return (
    <span {...attributes} {...commented}>
      {out}
    </span>
  );
}

/**
 * A text's span, returned as it is: slate-react's default draws it through a component of its own, one more for React
 * to make and mount for every text of the document.
 */
export function renderText({ attributes, children }: RenderTextProps) {
  return <span {...attributes}>{children}</span>;
}

/** Inserted text underlined, deleted text struck through, reformatted text dotted: each in its author's colour. */
function suggestionClass(fields: ReviewFields): string {
  let out = '';
  if (fields.ins) out += ` sugg-ins ${authorClass(fields.ins.by)}`;
  if (fields.del) out += ` sugg-del ${authorClass(fields.del.by)}`;
  if (fields.formatted) out += ` sugg-format${fields.ins || fields.del ? '' : ` ${authorClass(fields.formatted.by)}`}`;
  return out;
}

function suggestionTitle(fields: ReviewFields): string | undefined {
  const parts: string[] = [];
  if (fields.ins) parts.push(describe('ins', fields.ins));
  if (fields.del) parts.push(describe('del', fields.del));
  if (fields.formatted) parts.push(describe('format', fields.formatted));
  return parts.length > 0 ? parts.join('\n') : undefined;
}

/** Lowest chunks skip layout and paint while off screen: what keeps a 100,000-word policy at one frame a key. */
export function renderChunk({ attributes, children, lowest }: RenderChunkProps) {
  return lowest ? (
    <LowestChunk attributes={attributes}>{children}</LowestChunk>
  ) : (
    <div {...attributes} className="chunk">
      {children}
    </div>
  );
}

/** Whether a chunk is drawn inside a lowest chunk: one an edit made inside a full one (see LowestChunk). */
const InsideLowestChunk = createContext(false);

/** The most blocks a chunk made by an edit may hold to be drawn without content-visibility, outside a lowest chunk. */
const SMALL_CHUNK = 4;

/**
 * How many blocks the chunk holds, read from what slate-react renders inside it (its chunk node, the `ancestor` of
 * that element); Infinity when that is not there to read, so that the chunk keeps its content-visibility.
 */
function blocksIn(children: ReactNode): number {
  const inside = isValidElement<{ ancestor?: { children?: unknown } }>(children) ? children.props.ancestor?.children : undefined;
  return Array.isArray(inside) ? inside.length : Infinity;
}

/** A chunk of blocks, drawn when the ChunkMounter reaches it: until then an empty box of an estimated height. */
function LowestChunk({ attributes, children }: { attributes: RenderChunkProps['attributes']; children: ReactNode }) {
  const mounter = useContext(ChunkMounterContext);
  const [place] = useState(() => mounter?.placeInLine() ?? -1);
  const subscribe = useCallback((listener: () => void) => mounter?.subscribe(listener) ?? (() => undefined), [mounter]);
  const mounted = useSyncExternalStore(subscribe, () => !mounter || mounter.isMounted(place));
  // A chunk an edit made (an Enter in a full chunk makes one of a block) holds the block being typed in, on screen by
  // definition: drawn without content-visibility, its first frame lays it out once, not skipped at its placeholder
  // height and again when the caret lands in it. Inside another lowest chunk, that one skips it when off screen. Made
  // anywhere else, only while it holds a few blocks: bigger ones (a version restored, a long paste, or one grown past
  // that, which each change renders again) keep it, or every block of them would be laid out and painted at each key.
  const nested = useContext(InsideLowestChunk);
  // Switching content-visibility rebuilds the chunk's layout objects: 2.4 ms of style at the fifth Enter into a new
  // chunk, inside the key's frame. The switch waits for an idle moment instead (useIdleValue).
  const box = useRef<HTMLDivElement>(null);
  const added = useIdleValue(Boolean(mounter) && place < 0 && (nested || blocksIn(children) <= SMALL_CHUNK), box);
  const className = mounted ? (added ? 'chunk lowest added' : 'chunk lowest') : 'chunk lowest pending';
  return (
    // Not editable while empty, so neither a click nor the arrow keys can put the caret where Slate has no blocks drawn.
    <div {...attributes} ref={box} className={className} contentEditable={mounted ? undefined : false}>
      {mounted ? <InsideLowestChunk.Provider value={true}>{children}</InsideLowestChunk.Provider> : null}
    </div>
  );
}
