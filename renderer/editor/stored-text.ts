import { BLOCK_SEPARATOR, documentFrame, serializeBlock } from '../../shared/format/serialize';
import { piecesPatch, type TextPatch, type TextPiece } from '../../shared/format/text-patch';
import type { PolicyDocument } from '../../shared/model/document';
import { slateToBlocks } from './convert';
import { onIdle } from '../common/tasks';
import type { BlockElement } from './types';

/** The document as its file would hold it at one moment: written out whole, or as the change since an earlier one. */
export interface StoredEdition {
  text(): string;
  /** The text in pieces, one after another (for work done a little at a time). */
  pieces(): Iterable<string>;
  /** The patch that turns the text of `earlier` (an edition of the same StoredText) into this one's. */
  patchFrom(earlier: StoredEdition): TextPatch;
  /**
   * Writes the lines of the blocks not written yet in idle moments, a few hundred at a time, so that text() and
   * patchFrom() then only join them; `now()` writes the rest at once (a window closing has no idle moments to wait for).
   */
  writeOut(): WritingOut;
}

export interface WritingOut {
  done: Promise<void>;
  now(): void;
}

/**
 * Blocks whose lines are written in one go (under a millisecond), the room in an idle moment a next go needs, and the
 * time a step may take where the browser gives no idle deadline.
 */
const STEP_BLOCKS = 400;
const STEP_ROOM_MS = 3;
const STEP_MS = 4;

/**
 * The editor's document as its file would hold it, cheaply enough to take every second of typing on a 1,000,000-word
 * policy: Slate replaces a node when it changes, so each block's line is kept by node and only changed blocks are
 * written again (a few microseconds), where writing the whole document takes a tenth of a second.
 */
export class StoredText {
  private readonly lines = new WeakMap<BlockElement, string>();

  /** The document now; nothing of it is written out until asked. */
  edition(meta: Omit<PolicyDocument, 'blocks'>, nodes: readonly BlockElement[]): StoredEdition {
    const { start, end } = documentFrame(meta, nodes.length > 0);
    return new Edition(this, start, nodes, end);
  }

  /** Writes the lines of up to `count` blocks from `start` not written yet; returns where to go on (for idle time). */
  warm(nodes: readonly BlockElement[], start: number, count: number): number {
    const end = Math.min(nodes.length, start + count);
    for (let i = start; i < end; i++) this.line(nodes[i] as BlockElement);
    return end;
  }

  /**
   * Writes lines from `start`, a go of blocks at a time, while the idle moment has room (or for a few milliseconds
   * without one); returns where it got to.
   */
  warmStep(nodes: readonly BlockElement[], start: number, deadline?: IdleDeadline): number {
    const until = performance.now() + STEP_MS;
    let next = start;
    do next = this.warm(nodes, next, STEP_BLOCKS);
    while (next < nodes.length && (deadline ? deadline.timeRemaining() > STEP_ROOM_MS : performance.now() < until));
    return next;
  }

  line(node: BlockElement): string {
    let line = this.lines.get(node);
    if (line === undefined) {
      line = serializeBlock(slateToBlocks([node])[0] as PolicyDocument['blocks'][number]);
      this.lines.set(node, line);
    }
    return line;
  }
}

/** The file is `start`, the blocks' lines joined by BLOCK_SEPARATOR, then `end` (see documentFrame). */
class Edition implements StoredEdition {
  constructor(
    private readonly stored: StoredText,
    private readonly start: string,
    private readonly nodes: readonly BlockElement[],
    private readonly end: string,
  ) {}

  text(): string {
    return this.start + this.nodes.map((node) => this.stored.line(node)).join(BLOCK_SEPARATOR) + this.end;
  }

  writeOut(): WritingOut {
    const { stored, nodes } = this;
    let next = 0;
    let finished = false;
    let finish = () => {};
    const done = new Promise<void>((resolve) => (finish = resolve));
    const end = () => {
      finished = true;
      finish();
    };
    // One step: blocks to the idle deadline, or for a few milliseconds without one. A block that cannot be written ends
    // the writing out (the entry then meets the same error itself, as it did before there was one).
    const step = (deadline?: IdleDeadline): boolean => {
      try {
        next = stored.warmStep(nodes, next, deadline);
      } catch {
        next = nodes.length;
      }
      if (next < nodes.length) return true;
      end();
      return false;
    };
    // The first step at once: while typing goes on, every line but a few is written already, and the entry need not
    // wait for an idle moment to find that out.
    const cancel = step() ? onIdle(step) : () => {};
    return {
      done,
      now: () => {
        cancel();
        if (finished) return;
        try {
          stored.warm(nodes, next, nodes.length);
        } catch {
          // As in a step: the entry meets the error itself.
        } finally {
          end();
        }
      },
    };
  }

  *pieces(): Generator<string> {
    yield this.start;
    for (let i = 0; i < this.nodes.length; i++) {
      if (i > 0) yield BLOCK_SEPARATOR;
      yield this.stored.line(this.nodes[i] as BlockElement);
    }
    yield this.end;
  }

  /**
   * The blocks both editions begin and end with (the same nodes: Slate replaced every block that changed) stand as one
   * piece each, the same in both, so only the blocks between are looked at line by line.
   */
  patchFrom(earlier: StoredEdition): TextPatch {
    if (!(earlier instanceof Edition) || earlier.stored !== this.stored) return { at: 0, remove: earlier.text().length, insert: this.text() };
    const [a, b] = [earlier.nodes, this.nodes];
    const shorter = Math.min(a.length, b.length);
    let first = 0;
    while (first < shorter && a[first] === b[first]) first++;
    let last = 0;
    while (last < shorter - first && a[a.length - 1 - last] === b[b.length - 1 - last]) last++;
    const shared: Shared = { first, last, head: this.stretch(0, first), tail: this.stretch(b.length - last, b.length) };
    return piecesPatch(earlier.piecesAround(shared), this.piecesAround(shared));
  }

  private piecesAround({ first, last, head, tail }: Shared): TextPiece[] {
    const count = this.nodes.length;
    const pieces: TextPiece[] = [this.start];
    if (first > 0) pieces.push(head);
    for (let i = first; i < count - last; i++) {
      if (i > 0) pieces.push(BLOCK_SEPARATOR);
      pieces.push(this.stored.line(this.nodes[i] as BlockElement));
    }
    // The same blocks at the end, after a separator (a piece of its own, so that the stretch is the same piece in both
    // editions whether or not blocks come before it) unless nothing does.
    if (last > 0) {
      if (count - last > 0) pieces.push(BLOCK_SEPARATOR);
      pieces.push(tail);
    }
    pieces.push(this.end);
    return pieces;
  }

  /** Blocks from..to as one piece: its length is counted, and its text written, only when asked for. */
  private stretch(from: number, to: number): TextPiece {
    const { stored, nodes } = this;
    let length: number | undefined;
    return {
      get length() {
        if (length === undefined) {
          length = 0;
          for (let i = from; i < to; i++) length += stored.line(nodes[i] as BlockElement).length + (i > from ? BLOCK_SEPARATOR.length : 0);
        }
        return length;
      },
      toString: () => nodes.slice(from, to).map((node) => stored.line(node)).join(BLOCK_SEPARATOR),
    };
  }
}

/** What two editions share: their first and last blocks, as one piece each. */
interface Shared {
  first: number;
  last: number;
  head: TextPiece;
  tail: TextPiece;
}
