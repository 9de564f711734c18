import { documentPieces, serializeBlock } from '../../shared/format/serialize';
import type { PolicyDocument } from '../../shared/model/document';
import { slateToBlocks } from './convert';
import type { BlockElement } from './types';

/**
 * The editor's document as its file would hold it, cheaply enough to take every second of typing on a 100,000-word
 * policy: Slate replaces a node when it changes, so each block's line is kept by node and only changed blocks are
 * written again (a few microseconds), where writing the whole document takes a tenth of a second.
 */
export class StoredText {
  private readonly lines = new WeakMap<BlockElement, string>();

  /** The text in pieces (documentPieces): each unchanged block's line is the same string as last time. */
  pieces(meta: Omit<PolicyDocument, 'blocks'>, nodes: readonly BlockElement[]): string[] {
    return documentPieces(meta, nodes.map((node) => this.line(node)));
  }

  /** Writes the lines of up to `count` blocks from `start` not written yet; returns where to go on (for idle time). */
  warm(nodes: readonly BlockElement[], start: number, count: number): number {
    const end = Math.min(nodes.length, start + count);
    for (let i = start; i < end; i++) this.line(nodes[i] as BlockElement);
    return end;
  }

  private line(node: BlockElement): string {
    let line = this.lines.get(node);
    if (line === undefined) {
      line = serializeBlock(slateToBlocks([node])[0] as PolicyDocument['blocks'][number]);
      this.lines.set(node, line);
    }
    return line;
  }
}
