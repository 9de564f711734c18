import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../shared/format/parse';
import { serializeBlock, serializeDocument } from '../../shared/format/serialize';
import { applyTextPatch, piecesPatch } from '../../shared/format/text-patch';
import { PolicyDocumentSchema, type Block } from '../../shared/model/document';
import { blocksToSlate, slateToBlocks } from './convert';
import { StoredText } from './stored-text';
import type { BlockElement } from './types';

const SAMPLES = path.resolve(__dirname, '../../assets/sample-project/documents');

describe('StoredText: the editor document as its file would hold it', () => {
  it.each(fs.readdirSync(SAMPLES))('writes %s byte for byte as serializeDocument does, cold and warm', (file) => {
    const doc = parseFile(PolicyDocumentSchema, fs.readFileSync(path.join(SAMPLES, file), 'utf8'), file);
    const { blocks, ...meta } = doc;
    const nodes = blocksToSlate(blocks);
    const stored = new StoredText();
    expect(stored.pieces(meta, nodes).join('')).toBe(serializeDocument(doc));
    expect(stored.pieces(meta, nodes).join('')).toBe(serializeDocument(doc));
  });

  it('writes a changed block anew and keeps the unchanged ones (Slate replaces a node when it changes)', () => {
    const doc = parseFile(PolicyDocumentSchema, fs.readFileSync(path.join(SAMPLES, 'privacy-policy.policy.json'), 'utf8'), 'privacy');
    const { blocks, ...meta } = doc;
    const nodes = blocksToSlate(blocks);
    const stored = new StoredText();
    expect(stored.warm(nodes, 0, 10)).toBe(10);
    const first = stored.pieces(meta, nodes);
    const index = nodes.findIndex((n) => n.type === 'paragraph');
    const edited: BlockElement[] = [...nodes];
    const before = nodes[index] as BlockElement;
    edited[index] = { ...before, children: [{ text: 'Replaced wholesale.' }] } as BlockElement;
    const expected = { ...doc, title: 'Renamed', blocks: slateToBlocks(edited) };
    expect(stored.pieces({ ...meta, title: 'Renamed' }, edited).join('')).toBe(serializeDocument(expected));
    expect(stored.pieces({ ...meta, title: 'Renamed' }, edited).join('')).toContain('Replaced wholesale.');
    // What the journal sends the app after the edit: the one block's line (and the renamed title), nothing else.
    const same = stored.pieces(meta, edited);
    const patch = piecesPatch(first, same);
    expect(patch.insert).toBe(serializeBlock(slateToBlocks([edited[index] as BlockElement])[0] as Block));
    expect(applyTextPatch(first.join(''), patch)).toBe(serializeDocument({ ...expected, title: doc.title }));
  });

  it('writes an empty document as serializeDocument does', () => {
    const meta = { format: 4 as const, title: 'T', effectiveDate: null, lastUpdated: null, versionLabel: '', owner: '', numbering: 'decimal' as const };
    expect(new StoredText().pieces(meta, []).join('')).toBe(serializeDocument({ ...meta, blocks: [] }));
  });
});
