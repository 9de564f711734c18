import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MARKS, PolicyDocumentSchema, ProjectManifestSchema, notePlaceholder, type Block, type Mark, type Note, type PolicyDocument, type Run } from '../model/document';
import { parseFile } from './parse';
import { BLOCK_SEPARATOR, documentFrame, serializeBlock, serializeDocument, serializeManifest } from './serialize';
import { seeded } from '../../shared/testing/seeded-random';
import { textBlock } from '../testing/text-block';

const SAMPLE_DIR = path.resolve(__dirname, '../../assets/sample-project');
const SAMPLE_FILES = readdirSync(path.join(SAMPLE_DIR, 'documents'))
  .filter((f) => f.endsWith('.policy.json'))
  .sort();

const parseDoc = (text: string) => parseFile(PolicyDocumentSchema, text, 'test.policy.json');
const readSample = (file: string) => readFileSync(path.join(SAMPLE_DIR, 'documents', file), 'utf8');


const PIECES = ['word', ' ', 'quote "x"', 'back\\slash', 'new\nline', 'tab\there', '€', '“curly”', '😀', '\u2028', '</script>', '{"json":1}', ''];

function generatedDocument(seed: number, blockCount = 60): PolicyDocument {
  const random = seeded(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const run = (): Run => {
    const out: Run = { text: Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(PIECES)).join('') || 'x' };
    // Superscript and subscript exclude each other.
    const marks = MARKS.filter(() => random() < 0.3).filter((mark, _i, all) => mark !== 'subscript' || !all.includes('superscript'));
    if (marks.length > 0) out.marks = marks;
    if (random() < 0.15) out.link = pick(['https://example.com/a?b=1', 'http://example.org', 'mailto:legal@example.com']);
    return out;
  };
  const runs = () => Array.from({ length: Math.floor(random() * 4) }, run);
  const notes: Note[] = [];
  const withNote = (list: Run[]): Run[] => {
    if (random() >= 0.1) return list;
    const id = `n-gen${String(notes.length).padStart(6, '0')}`;
    notes.push({ id, runs: runs() });
    return [...list, { text: notePlaceholder(id), note: id }];
  };
  const blocks: Block[] = [];
  for (let i = 0; i < blockCount; i++) {
    const kind = pick(['heading', 'paragraph', 'list-item', 'table'] as const);
    if (kind === 'heading') {
      const unnumbered = random() < 0.2 ? { unnumbered: true as const } : {};
      blocks.push({ kind, id: `s-gen${String(i).padStart(6, '0')}`, level: 1 + Math.floor(random() * 6), ...unnumbered, runs: runs() });
    } else if (kind === 'table') {
      const width = 1 + Math.floor(random() * 4);
      const rows = Array.from({ length: 1 + Math.floor(random() * 4) }, () => ({ cells: Array.from({ length: width }, () => ({ runs: withNote(runs()) })) }));
      blocks.push({ kind, ...(random() < 0.5 ? { header: true as const } : {}), ...(random() < 0.3 ? { caption: runs() } : {}), rows });
    } else if (kind === 'paragraph') blocks.push({ kind, runs: withNote(runs()) });
    else blocks.push({ kind, list: pick(['bullet', 'number'] as const), indent: Math.floor(random() * 6), runs: runs() });
  }
  return {
    format: 4,
    title: 'Generated “Policy” \\ "quoted"',
    effectiveDate: '2026-02-28',
    lastUpdated: null,
    versionLabel: 'v1.2-β',
    owner: 'Legal\tOps',
    numbering: pick(['decimal', 'letter-decimal', 'article-section', 'section-sign'] as const),
    blocks,
    ...(notes.length > 0 ? { notes } : {}),
  };
}

/** The same value with every object's keys in reverse order. */
function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversedKeys) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversedKeys(v)])) as T;
  }
  return value;
}

describe('serializeDocument', () => {
  it('finds the sample documents', () => {
    expect(SAMPLE_FILES).toEqual(['cookie-policy.policy.json', 'privacy-policy.policy.json', 'terms-of-service.policy.json']);
  });

  it.each(SAMPLE_FILES)('round-trips %s: parse(serialize(doc)) equals doc', (file) => {
    const doc = parseDoc(readSample(file));
    expect(parseDoc(serializeDocument(doc))).toEqual(doc);
  });

  it.each(SAMPLE_FILES)('is byte-stable on %s: serialize(parse(text)) === text', (file) => {
    const text = readSample(file);
    expect(serializeDocument(parseDoc(text))).toBe(text);
  });

  it.each([1, 2, 3, 4, 5])('round-trips generated document #%i', (seed) => {
    const doc = generatedDocument(seed);
    expect(PolicyDocumentSchema.safeParse(doc).success).toBe(true);
    const text = serializeDocument(doc);
    expect(parseDoc(text)).toEqual(doc);
    expect(serializeDocument(parseDoc(text))).toBe(text);
  });

  it('gives the file around its blocks’ lines, with or without blocks, threads and notes', () => {
    for (const file of SAMPLE_FILES) {
      const doc = parseDoc(readSample(file));
      const withNothing: PolicyDocument = { ...doc, comments: [], notes: [] };
      for (const edition of [doc, withNothing, { ...doc, blocks: [] }, { ...withNothing, blocks: [] }]) {
        const { start, end } = documentFrame(edition, edition.blocks.length > 0);
        expect(start + edition.blocks.map(serializeBlock).join(BLOCK_SEPARATOR) + end).toBe(serializeDocument(edition));
      }
    }
  });

  it('round-trips a document without blocks', () => {
    const doc: PolicyDocument = { ...generatedDocument(9, 0), blocks: [] };
    const text = serializeDocument(doc);
    expect(text).toContain('  "blocks": []\n}');
    expect(parseDoc(text)).toEqual(doc);
  });

  it('writes keys in one fixed order whatever order the object was built in', () => {
    const doc = generatedDocument(11);
    const shuffled = reversedKeys(doc);
    expect(Object.keys(shuffled)[0]).toBe(doc.notes ? 'notes' : 'blocks');
    const text = serializeDocument(shuffled);
    expect(text).toBe(serializeDocument(doc));
    const lines = text.split('\n');
    expect(lines.slice(1, 9).map((l) => /^ {2}"(\w+)"/.exec(l)?.[1])).toEqual([
      'format',
      'title',
      'effectiveDate',
      'lastUpdated',
      'versionLabel',
      'owner',
      'numbering',
      'blocks',
    ]);
  });

  it('writes the language after the numbering only when the document has one, and reads both back', () => {
    const doc = generatedDocument(12);
    expect(serializeDocument(doc)).not.toContain('"language"');
    const german = { ...doc, numbering: 'decimal' as const, language: 'de' as const };
    const text = serializeDocument(german);
    expect(text).toContain('  "numbering": "decimal",\n  "language": "de",\n  "blocks": [');
    expect(parseDoc(text)).toEqual(german);
    expect(() => parseDoc(text.replace('"language": "de"', '"language": "klingon"'))).toThrow(/language/);
  });

  it('writes block and run keys in their canonical order', () => {
    const doc: PolicyDocument = {
      ...generatedDocument(1, 0),
      blocks: reversedKeys<Block[]>([
        { kind: 'heading', id: 's-abcdef01', level: 2, runs: [{ text: 'H', marks: ['underline', 'bold'], link: 'https://example.com' }] },
        { kind: 'list-item', list: 'number', indent: 1, runs: [{ text: 'L' }] },
        { kind: 'paragraph', runs: [{ text: 'P', marks: [] }] },
      ]),
    };
    const blockLines = serializeDocument(doc).split('\n').slice(9, 12);
    expect(blockLines).toEqual([
      '    {"kind":"heading","id":"s-abcdef01","level":2,"runs":[{"text":"H","marks":["bold","underline"],"link":"https://example.com"}]},',
      '    {"kind":"list-item","list":"number","indent":1,"runs":[{"text":"L"}]},',
      '    {"kind":"paragraph","runs":[{"text":"P"}]}',
    ]);
  });

  it('keeps a cross-reference: its section id and whether it shows the title, read back as they were', () => {
    const runs: Run[] = [
      { text: 'See ' },
      { text: '{{ref:s-abcdef01}}', ref: 's-abcdef01', refTitle: true, marks: ['bold'] },
      { text: '{{ref:s-abcdef01}}', ref: 's-abcdef01' },
    ];
    const doc: PolicyDocument = { ...generatedDocument(1, 0), blocks: [{ kind: 'paragraph', runs: reversedKeys(runs) }] };
    const text = serializeDocument(doc);
    expect(text).toContain('{"text":"{{ref:s-abcdef01}}","marks":["bold"],"ref":"s-abcdef01","refTitle":true}');
    expect(textBlock(parseDoc(text).blocks[0]).runs).toEqual(runs);
  });

  it('puts every block on its own line, even text with line breaks', () => {
    const doc = generatedDocument(21);
    const lines = serializeDocument(doc).split('\n');
    // "{", seven head fields, "blocks": [, one line a block, "]", then "notes": [, one line a note, "]" when there are
    // notes, "}", and the empty string after the final newline.
    const notes = doc.notes ? 2 + doc.notes.length : 0;
    expect(lines).toHaveLength(1 + 7 + 1 + doc.blocks.length + 1 + notes + 1 + 1);
    expect(lines.at(-1)).toBe('');
    doc.blocks.forEach((block, i) => {
      const line = (lines[9 + i] ?? '').replace(/,$/, '');
      expect(JSON.parse(line)).toEqual(JSON.parse(JSON.stringify(block)));
    });
  });

  it('changes exactly one line when one word of one paragraph changes', () => {
    const doc = parseDoc(readSample('privacy-policy.policy.json'));
    const index = doc.blocks.findIndex((b, i) => i > 10 && b.kind === 'paragraph' && b.runs.some((r) => r.text.includes(' the ')));
    expect(index).toBeGreaterThan(10);
    const edited: PolicyDocument = structuredClone(doc);
    const block = textBlock(edited.blocks[index]);
    const runIndex = block.runs.findIndex((r) => r.text.includes(' the '));
    const editedRun = block.runs[runIndex];
    if (!editedRun) throw new Error('no run');
    block.runs[runIndex] = { ...editedRun, text: editedRun.text.replace(' the ', ' this ') };

    const before = serializeDocument(doc).split('\n');
    const after = serializeDocument(edited).split('\n');
    expect(after).toHaveLength(before.length);
    const changed = before.flatMap((line, i) => (line === after[i] ? [] : [i]));
    expect(changed).toEqual([9 + index]);
  });

  it('adds exactly one line when a block is inserted in the middle', () => {
    const doc = parseDoc(readSample('cookie-policy.policy.json'));
    const edited: PolicyDocument = structuredClone(doc);
    edited.blocks.splice(3, 0, { kind: 'paragraph', runs: [{ text: 'A new paragraph.' }] });
    const before = serializeDocument(doc).split('\n');
    const after = serializeDocument(edited).split('\n');
    expect(after).toHaveLength(before.length + 1);
    expect([...after.slice(0, 12), ...after.slice(13)]).toEqual(before);
    expect(after[12]).toBe('    {"kind":"paragraph","runs":[{"text":"A new paragraph."}]},');
  });

  it('writes marks once each in canonical order and drops empty marks', () => {
    const doc: PolicyDocument = {
      ...generatedDocument(1, 0),
      blocks: [{ kind: 'paragraph', runs: [{ text: 'a', marks: ['italic', 'bold', 'italic'] as Mark[] }, { text: 'b', marks: [] }] }],
    };
    const text = serializeDocument(doc);
    expect(text).toContain('[{"text":"a","marks":["bold","italic"]},{"text":"b"}]');
    expect(parseDoc(text).blocks[0]).toEqual({ kind: 'paragraph', runs: [{ text: 'a', marks: ['bold', 'italic'] }, { text: 'b' }] });
  });

  it('uses \\n line ends only and ends with one newline', () => {
    const text = serializeDocument(generatedDocument(3));
    expect(text).not.toContain('\r');
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
  });
});

describe('serializeManifest', () => {
  it('is byte-stable on the sample manifest', () => {
    const text = readFileSync(path.join(SAMPLE_DIR, 'policywright.json'), 'utf8');
    const manifest = parseFile(ProjectManifestSchema, text, 'policywright.json');
    expect(serializeManifest(manifest)).toBe(text);
  });

  it('writes format, name, documents in that order whatever the input order', () => {
    const text = serializeManifest(reversedKeys({ format: 1 as const, name: 'P', documents: ['b', 'a'] }));
    expect(text).toBe('{\n  "format": 1,\n  "name": "P",\n  "documents": [\n    "b",\n    "a"\n  ]\n}\n');
  });
});
