import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { parseFile } from '../../shared/format/parse';
import { serializeBlock, serializeDocument } from '../../shared/format/serialize';
import { applyTextPatch } from '../../shared/format/text-patch';
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
    expect(stored.edition(meta, nodes).text()).toBe(serializeDocument(doc));
    expect(stored.edition(meta, nodes).text()).toBe(serializeDocument(doc));
  });

  it('writes the blocks out a step at once and then in idle moments, a few hundred at a time, or the rest when asked', async () => {
    const doc = parseFile(PolicyDocumentSchema, fs.readFileSync(path.join(SAMPLES, 'privacy-policy.policy.json'), 'utf8'), 'privacy');
    const { blocks, ...meta } = doc;
    // More blocks than two steps write: the sample's, many times over (each a node of its own).
    const nodes = Array.from({ length: 30 }, () => blocksToSlate(blocks)).flat();
    const idle: Array<(deadline: IdleDeadline) => void> = [];
    vi.stubGlobal('requestIdleCallback', (callback: (deadline: IdleDeadline) => void) => idle.push(callback));
    vi.stubGlobal('cancelIdleCallback', () => undefined);
    // A clock that runs fast: the first step (done at once, without an idle deadline) stops after one batch of blocks.
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 10));
    try {
      const stored = new StoredText();
      const warm = vi.spyOn(stored, 'warm');
      const writing = stored.edition(meta, nodes).writeOut();
      let done = false;
      void writing.done.then(() => (done = true));
      expect(warm).toHaveBeenCalledTimes(1);
      const afterFirst = warm.mock.results[0]?.value as number;
      expect(afterFirst).toBeGreaterThan(0);
      expect(afterFirst).toBeLessThan(nodes.length);
      // An idle moment with no time left: one more batch, then a wait for the next moment.
      expect(idle).toHaveLength(1);
      idle.shift()?.({ timeRemaining: () => 0, didTimeout: false });
      await Promise.resolve();
      expect(warm).toHaveBeenCalledTimes(2);
      const afterSecond = warm.mock.results[1]?.value as number;
      expect(afterSecond).toBeGreaterThan(afterFirst);
      expect(afterSecond).toBeLessThan(nodes.length);
      expect(done).toBe(false);
      expect(idle).toHaveLength(1);
      // A window closing: the rest at once, from where the steps had got to.
      writing.now();
      await writing.done;
      expect(done).toBe(true);
      expect(warm.mock.calls.at(-1)?.slice(1)).toEqual([afterSecond, nodes.length]);
      expect(stored.edition(meta, nodes).text()).toBe(serializeDocument({ ...doc, blocks: slateToBlocks(nodes) }));
    } finally {
      vi.unstubAllGlobals();
      vi.restoreAllMocks();
    }
  });

  it('finds at once that there is nothing left to write out', async () => {
    const doc = parseFile(PolicyDocumentSchema, fs.readFileSync(path.join(SAMPLES, 'privacy-policy.policy.json'), 'utf8'), 'privacy');
    const { blocks, ...meta } = doc;
    const nodes = blocksToSlate(blocks);
    const stored = new StoredText();
    stored.warm(nodes, 0, nodes.length);
    const idle = vi.fn();
    vi.stubGlobal('requestIdleCallback', idle);
    try {
      await stored.edition(meta, nodes).writeOut().done;
      expect(idle).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('writes a changed block anew and keeps the unchanged ones (Slate replaces a node when it changes)', () => {
    const doc = parseFile(PolicyDocumentSchema, fs.readFileSync(path.join(SAMPLES, 'privacy-policy.policy.json'), 'utf8'), 'privacy');
    const { blocks, ...meta } = doc;
    const nodes = blocksToSlate(blocks);
    const stored = new StoredText();
    expect(stored.warm(nodes, 0, 10)).toBe(10);
    const first = stored.edition(meta, nodes);
    const index = nodes.findIndex((n) => n.type === 'paragraph');
    const edited: BlockElement[] = [...nodes];
    const before = nodes[index] as BlockElement;
    edited[index] = { ...before, children: [{ text: 'Replaced wholesale.' }] } as BlockElement;
    const expected = { ...doc, title: 'Renamed', blocks: slateToBlocks(edited) };
    expect(stored.edition({ ...meta, title: 'Renamed' }, edited).text()).toBe(serializeDocument(expected));
    expect(stored.edition({ ...meta, title: 'Renamed' }, edited).text()).toContain('Replaced wholesale.');
    // What the journal sends the app after the edit: the one block's line (and the renamed title), nothing else.
    const patch = stored.edition(meta, edited).patchFrom(first);
    expect(patch.insert).toBe(serializeBlock(slateToBlocks([edited[index] as BlockElement])[0] as Block));
    expect(applyTextPatch(first.text(), patch)).toBe(serializeDocument({ ...expected, title: doc.title }));
  });

  it('writes an empty document as serializeDocument does', () => {
    const meta = { format: 4 as const, title: 'T', effectiveDate: null, lastUpdated: null, versionLabel: '', owner: '', numbering: 'decimal' as const };
    expect(new StoredText().edition(meta, []).text()).toBe(serializeDocument({ ...meta, blocks: [] }));
  });

  it('patches one edition into a later one, whatever blocks were changed, added, removed or moved, and whatever the details', () => {
    const meta = { format: 4 as const, title: 'T', effectiveDate: null, lastUpdated: null, versionLabel: '', owner: '', numbering: 'decimal' as const };
    const paragraph = (text: string): BlockElement => ({ type: 'paragraph', children: [{ text }] }) as BlockElement;
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), text: fc.string({ maxLength: 4 }) }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ maxLength: 4 }) }),
      fc.record({ kind: fc.constant('remove' as const), at: fc.nat(), count: fc.nat(3) }),
      fc.record({ kind: fc.constant('move' as const), at: fc.nat(), to: fc.nat() }),
      fc.record({ kind: fc.constant('title' as const), text: fc.string({ maxLength: 4 }) }),
    );
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 4 }), { maxLength: 8 }), fc.array(edit, { maxLength: 4 }), (texts, edits) => {
        const stored = new StoredText();
        const nodes = texts.map(paragraph);
        let details = meta;
        const earlier = stored.edition(details, nodes);
        const later = [...nodes];
        for (const e of edits) {
          const at = later.length === 0 ? 0 : e.kind === 'title' ? 0 : e.at % (later.length + (e.kind === 'insert' ? 1 : 0));
          if (e.kind === 'replace' && later.length > 0) later[at] = paragraph(e.text);
          if (e.kind === 'insert') later.splice(at, 0, paragraph(e.text));
          if (e.kind === 'remove') later.splice(at, e.count);
          if (e.kind === 'move' && later.length > 0) later.splice(e.to % later.length, 0, ...later.splice(at, 1));
          if (e.kind === 'title') details = { ...details, title: e.text };
        }
        const edition = stored.edition(details, later);
        expect(edition.text()).toBe(serializeDocument({ ...details, blocks: slateToBlocks(later) }));
        expect(applyTextPatch(earlier.text(), edition.patchFrom(earlier))).toBe(edition.text());
      }),
      { numRuns: 2000 },
    );
  });

  it('sends a block added or removed at the very top as that block alone, not as every block after it', () => {
    const meta = { format: 4 as const, title: 'T', effectiveDate: null, lastUpdated: null, versionLabel: '', owner: '', numbering: 'decimal' as const };
    const paragraph = (text: string): BlockElement => ({ type: 'paragraph', children: [{ text }] }) as BlockElement;
    const stored = new StoredText();
    const nodes = Array.from({ length: 50 }, (_, i) => paragraph(`Paragraph ${i}.`));
    const earlier = stored.edition(meta, nodes);
    const added = stored.edition(meta, [paragraph('New first.'), ...nodes]);
    const patch = added.patchFrom(earlier);
    expect(applyTextPatch(earlier.text(), patch)).toBe(added.text());
    expect(patch.insert.length).toBeLessThan(80);
    const removed = stored.edition(meta, nodes.slice(1));
    const removal = removed.patchFrom(earlier);
    expect(applyTextPatch(earlier.text(), removal)).toBe(removed.text());
    expect(removal.insert.length + removal.remove).toBeLessThan(80);
  });
});
