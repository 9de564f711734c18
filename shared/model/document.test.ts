import { describe, expect, it } from 'vitest';
import {
  DocumentIdSchema,
  IsoDateSchema,
  PolicyDocumentSchema,
  ProjectManifestSchema,
  SectionIdSchema,
  stripForbiddenCharacters,
  type PolicyDocument,
} from './document';
import { li, p, publishedPolicy, section } from '../testing/builders';

function validDocument(): PolicyDocument {
  return publishedPolicy(section(1, 's-intro00001', 'Introduction', p('Hello ', { text: 'world', marks: ['bold'], link: 'https://example.com' }), li('One')));
}

/** The first issue as "path: message", which is how parse.ts reports it. */
function firstIssue(value: unknown): string | null {
  const result = PolicyDocumentSchema.safeParse(value);
  if (result.success) return null;
  const issue = result.error.issues[0];
  return issue ? `${issue.path.join('.')}: ${issue.message}` : 'no issue';
}

describe('PolicyDocumentSchema', () => {
  it('accepts a well-formed document unchanged', () => {
    const doc = validDocument();
    expect(PolicyDocumentSchema.parse(doc)).toEqual(doc);
  });

  it.each([1, 6])('accepts heading level %i', (level) => {
    const doc = validDocument();
    doc.blocks[0] = { kind: 'heading', id: 's-intro00001', level, runs: [] };
    expect(PolicyDocumentSchema.safeParse(doc).success).toBe(true);
  });

  it.each([0, 7, 9, -1, 1.5])('rejects heading level %s at blocks.0.level', (level) => {
    const doc = validDocument() as unknown as { blocks: Array<Record<string, unknown>> };
    (doc.blocks[0] as Record<string, unknown>).level = level;
    expect(firstIssue(doc)).toMatch(/^blocks\.0\.level: /);
  });

  it.each([-1, 6, 0.5])('rejects list indent %s', (indent) => {
    const doc = validDocument();
    doc.blocks[2] = { kind: 'list-item', list: 'bullet', indent, runs: [] };
    expect(firstIssue(doc)).toMatch(/^blocks\.2\.indent: /);
  });

  it('rejects an unknown block kind and an unknown list kind', () => {
    const doc = validDocument() as unknown as { blocks: unknown[] };
    doc.blocks[1] = { kind: 'figure', runs: [] };
    expect(firstIssue(doc)).toMatch(/^blocks\.1\.kind: /);
    doc.blocks[1] = { kind: 'list-item', list: 'roman', indent: 0, runs: [] };
    expect(firstIssue(doc)).toMatch(/^blocks\.1\.list: /);
  });

  it('names the later block when two headings share an id, and points at the first', () => {
    const doc = validDocument();
    doc.blocks.push({ kind: 'paragraph', runs: [] }, { kind: 'heading', id: 's-intro00001', level: 2, runs: [] });
    expect(firstIssue(doc)).toBe('blocks.4.id: repeats the id of blocks[0]; every section needs its own id');
  });

  it('reports every repeat of an id, each against the first', () => {
    const doc = validDocument();
    doc.blocks.push(
      { kind: 'heading', id: 's-intro00001', level: 2, runs: [] },
      { kind: 'heading', id: 's-intro00001', level: 2, runs: [] },
    );
    const result = PolicyDocumentSchema.safeParse(doc);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['blocks.3.id', 'repeats the id of blocks[0]; every section needs its own id'],
      ['blocks.4.id', 'repeats the id of blocks[0]; every section needs its own id'],
    ]);
  });

  it.each(['https://example.com', 'http://example.com/a?b=c#d', 'mailto:privacy@example.com', 'HTTPS://EXAMPLE.COM'])(
    'accepts the link %j',
    (link) => {
      const doc = validDocument();
      doc.blocks[1] = { kind: 'paragraph', runs: [{ text: 'x', link }] };
      expect(firstIssue(doc)).toBeNull();
    },
  );

  // The full table is in link.test.ts; these show the schema uses it.
  it.each(['javascript:alert(1)', 'java\tscript:alert(1)', 'JAVASCRIPT:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'vbscript:x', '/relative', '', 'mailto:a@b?attach=/etc/passwd', 'http://user:pw@x'])(
    'rejects the link %j at blocks.1.runs.0.link',
    (link) => {
      const doc = validDocument();
      doc.blocks[1] = { kind: 'paragraph', runs: [{ text: 'x', link }] };
      expect(firstIssue(doc)).toBe('blocks.1.runs.0.link: must be an http, https or mailto address');
    },
  );

  it('rejects a link longer than 2048 characters', () => {
    const doc = validDocument();
    doc.blocks[1] = { kind: 'paragraph', runs: [{ text: 'x', link: `https://example.com/${'a'.repeat(2048)}` }] };
    expect(firstIssue(doc)).toMatch(/^blocks\.1\.runs\.0\.link: /);
  });

  it.each(['\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u001F', '\uFFFE', '\uFFFF'])(
    'rejects the control character %j in run text',
    (ch) => {
      const doc = validDocument();
      doc.blocks[1] = { kind: 'paragraph', runs: [{ text: `before${ch}after` }] };
      expect(firstIssue(doc)).toBe('blocks.1.runs.0.text: contains a control character');
    },
  );

  it.each(['\t', '\n', '\r', '\u00A0', '\u2028', '€ “quotes” 😀'])('accepts %j in run text', (text) => {
    const doc = validDocument();
    doc.blocks[1] = { kind: 'paragraph', runs: [{ text }] };
    expect(firstIssue(doc)).toBeNull();
  });

  it.each(['title', 'versionLabel', 'owner'] as const)('rejects a control character in the %s, which export could not write', (field) => {
    expect(firstIssue({ ...validDocument(), [field]: 'Policy\u0001' })).toBe(`${field}: contains a control character`);
  });

  it('rejects a link carrying a control character even though the URL parser would drop it', () => {
    const doc = validDocument();
    doc.blocks[1] = { kind: 'paragraph', runs: [{ text: 'x', link: 'https://example.com/\u0001' }] };
    expect(firstIssue(doc)).toBe('blocks.1.runs.0.link: must be an http, https or mailto address');
  });

  it('rejects an unknown mark', () => {
    const doc = validDocument() as unknown as { blocks: unknown[] };
    doc.blocks[1] = { kind: 'paragraph', runs: [{ text: 'x', marks: ['strike'] }] };
    expect(firstIssue(doc)).toMatch(/^blocks\.1\.runs\.0\.marks\.0: /);
  });

  it.each([5, 0, '1', null])('rejects format %j with a message saying which formats are read', (format) => {
    expect(firstIssue({ ...validDocument(), format })).toBe('format: must be 1, 2, 3 or 4, the formats this version of Policywright reads');
  });

  it('rejects unknown keys at the top, in a block and in a run', () => {
    expect(firstIssue({ ...validDocument(), sections: [] })).toMatch(/^: .*"sections"/);
    const inBlock = validDocument() as unknown as { blocks: unknown[] };
    inBlock.blocks[1] = { kind: 'paragraph', runs: [], number: '1.1' };
    expect(firstIssue(inBlock)).toMatch(/^blocks\.1: .*"number"/);
    const inRun = validDocument() as unknown as { blocks: unknown[] };
    inRun.blocks[1] = { kind: 'paragraph', runs: [{ text: 'x', style: 'red' }] };
    expect(firstIssue(inRun)).toMatch(/^blocks\.1\.runs\.0: .*"style"/);
  });

  it('rejects a missing field', () => {
    const { owner: _owner, ...withoutOwner } = validDocument();
    expect(firstIssue(withoutOwner)).toMatch(/^owner: /);
  });

  it('rejects an empty title and an unknown numbering style', () => {
    expect(firstIssue({ ...validDocument(), title: '' })).toBe('title: must not be empty');
    expect(firstIssue({ ...validDocument(), numbering: 'roman' })).toMatch(/^numbering: /);
  });
});

describe('SectionIdSchema', () => {
  it.each(['s-abcdef', 's-012345', 's-a1b2c3d4e5', `s-${'a'.repeat(24)}`])('accepts %j', (id) => {
    expect(SectionIdSchema.safeParse(id).success).toBe(true);
  });

  it.each(['bad', 's-abc12', 's-ABCDEF', `s-${'a'.repeat(25)}`, 'x-abcdef', ' s-abcdef', 's-abcdef ', 's-abc-def', 's_abcdef', ''])(
    'rejects %j with a message saying what an id looks like',
    (id) => {
      const result = SectionIdSchema.safeParse(id);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe('must look like "s-" followed by 6 to 24 lowercase letters or digits');
    },
  );

  it('rejects a bad section id inside a document at blocks.N.id', () => {
    const doc = validDocument();
    doc.blocks[0] = { kind: 'heading', id: 'Section-1', level: 1, runs: [] };
    expect(firstIssue(doc)).toMatch(/^blocks\.0\.id: must look like "s-"/);
  });
});

describe('IsoDateSchema', () => {
  it.each(['2026-01-15', '2024-02-29', '2026-12-31', '2000-02-29'])('accepts %j', (date) => {
    expect(IsoDateSchema.safeParse(date).success).toBe(true);
  });

  it.each(['2026-1-15', '15/01/2026', '2026-01-15T00:00:00Z', '', '2026-13-01', '2026-00-10', '2026-01-32', '2026-02-30', '2025-02-29', '2026-04-31', '1900-02-29'])(
    'rejects %j',
    (date) => {
      expect(IsoDateSchema.safeParse(date).success).toBe(false);
    },
  );
});

describe('DocumentIdSchema', () => {
  it.each(['a', 'privacy-policy', 'privacy-policy-2', 'a1', 'a'.repeat(64)])('accepts %j', (id) => {
    expect(DocumentIdSchema.safeParse(id).success).toBe(true);
  });

  it.each(['', '../etc/passwd', '..', 'a/b', 'a\\b', 'Privacy', '-a', 'a-', 'a_b', 'a.b', 'a'.repeat(65), 'con ', '/etc/passwd'])(
    'rejects %j',
    (id) => {
      expect(DocumentIdSchema.safeParse(id).success).toBe(false);
    },
  );
});

describe('ProjectManifestSchema', () => {
  it('accepts a manifest', () => {
    const manifest = { format: 1, name: 'Policies', documents: ['privacy-policy', 'cookie-policy'] };
    expect(ProjectManifestSchema.parse(manifest)).toEqual(manifest);
  });

  it('rejects a document listed twice, at the second listing', () => {
    const result = ProjectManifestSchema.safeParse({ format: 1, name: 'P', documents: ['a', 'b', 'a'] });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['documents.2', 'lists "a" twice']]);
  });

  it('rejects an unsafe document id, an empty name and unknown keys', () => {
    expect(ProjectManifestSchema.safeParse({ format: 1, name: 'P', documents: ['../x'] }).success).toBe(false);
    expect(ProjectManifestSchema.safeParse({ format: 1, name: '', documents: [] }).success).toBe(false);
    expect(ProjectManifestSchema.safeParse({ format: 1, name: 'P', documents: [], extra: true }).success).toBe(false);
  });
});

describe('stripForbiddenCharacters', () => {
  it.each<[string, string]>([
    ['plain text', 'plain text'],
    ['a\u0000b', 'ab'],
    ['\u0001\u0002x\u0003', 'x'],
    ['tab\there\nnewline\r', 'tab\there\nnewline\r'],
    ['form\u000Cfeed and vertical\u000Btab', 'formfeed and verticaltab'],
    ['bad\uFFFE\uFFFFend', 'badend'],
    ['\u001F', ''],
    ['“smart” — ünïcödé 😀', '“smart” — ünïcödé 😀'],
  ])('%j → %j', (input, output) => expect(stripForbiddenCharacters(input)).toBe(output));

  it('leaves text the schema then accepts', () => {
    const dirty = Array.from({ length: 0x30 }, (_, i) => String.fromCharCode(i)).join('') + '\uFFFE\uFFFF';
    const doc = validDocument();
    doc.blocks[1] = { kind: 'paragraph', runs: [{ text: stripForbiddenCharacters(dirty) }] };
    expect(firstIssue(doc)).toBeNull();
  });

  it('returns the same string when there is nothing to strip', () => {
    const text = 'nothing to do';
    expect(stripForbiddenCharacters(text)).toBe(text);
  });
});

describe('cross-reference runs', () => {
  const withRun = (run: object) => {
    const doc = validDocument();
    return { ...doc, blocks: [...doc.blocks, { kind: 'paragraph', runs: [{ text: 'See Section ' }, run] }] };
  };

  it('are stored by the section id, with the id as their placeholder text', () => {
    expect(firstIssue(withRun({ text: '{{ref:s-intro00001}}', ref: 's-intro00001' }))).toBeNull();
    expect(firstIssue(withRun({ text: '{{ref:s-intro00001}}', ref: 's-intro00001', refTitle: true }))).toBeNull();
  });

  it('may point at a section that is gone: the reference is kept, to be flagged', () => {
    expect(firstIssue(withRun({ text: '{{ref:s-gone000001}}', ref: 's-gone000001' }))).toBeNull();
  });

  it('refuse a number typed as their text, a malformed id, or a second meaning', () => {
    expect(firstIssue(withRun({ text: '4.2', ref: 's-intro00001' }))).toBe(
      'blocks.3.runs.1.text: of a cross-reference must be its placeholder, as in "{{ref:s-abc123}}"',
    );
    expect(firstIssue(withRun({ text: '{{ref:4.2}}', ref: '4.2' }))).toMatch(/^blocks\.3\.runs\.1\.ref: must look like "s-"/);
    expect(firstIssue(withRun({ text: '{{ref:s-intro00001}}', ref: 's-intro00001', link: 'https://example.com' }))).toBe(
      'blocks.3.runs.1.ref: cannot be a cross-reference and also a variable or a link',
    );
    expect(firstIssue(withRun({ text: 'x', refTitle: true }))).toBe('blocks.3.runs.1.refTitle: can show a title only as a cross-reference');
  });

  describe('format 4: tables, footnotes, headings without number', () => {
    const table = (rows: unknown[]) => ({ kind: 'table', header: true, rows });
    const cell = (text: string) => ({ runs: [{ text }] });

    it('takes a table whose rows are as wide as the first, and an unnumbered heading', () => {
      const doc = validDocument() as unknown as { blocks: unknown[] };
      doc.blocks.push(table([{ cells: [cell('Cookie'), cell('Purpose')] }, { cells: [cell('_ga'), cell('Analytics')] }]));
      doc.blocks.push({ kind: 'heading', id: 's-contact001', level: 1, unnumbered: true, runs: [{ text: 'Contact us' }] });
      expect(firstIssue(doc)).toBeNull();
    });

    it('names the row of a table that is narrower than the first', () => {
      const doc = validDocument() as unknown as { blocks: unknown[] };
      doc.blocks.push(table([{ cells: [cell('a'), cell('b')] }, { cells: [cell('c')] }]));
      expect(firstIssue(doc)).toBe('blocks.3.rows.1.cells: has 1 cells where the first row has 2; every row of a table is as wide as the first');
    });

    it('takes a footnote marked once, and names a mark without a note, a second mark and a note no text marks', () => {
      const mark = { text: '{{note:n-note0001}}', note: 'n-note0001' };
      const doc = { ...validDocument(), notes: [{ id: 'n-note0001', runs: [{ text: 'See the regulator’s guidance.' }] }] } as unknown as { blocks: Array<{ runs: unknown[] }>; notes: unknown[] };
      doc.blocks[1]?.runs.push(mark);
      expect(firstIssue(doc)).toBeNull();
      doc.blocks[1]?.runs.push(mark);
      expect(firstIssue(doc)).toBe('blocks.1.runs.3.note: marks the footnote "n-note0001" a second time; a footnote has one mark');
      doc.blocks[1]?.runs.splice(2);
      expect(firstIssue(doc)).toBe('notes.0: is the footnote "n-note0001", which no text marks');
      doc.notes = [];
      doc.blocks[1]?.runs.push(mark);
      expect(firstIssue(doc)).toBe('blocks.1.runs.2.note: marks the footnote "n-note0001", which the document\'s notes do not hold');
    });

    it('finds a footnote mark inside a table cell, and refuses a note inside a note and superscript with subscript', () => {
      const doc = { ...validDocument(), notes: [{ id: 'n-note0001', runs: [{ text: 'x', marks: ['superscript'] }] }] } as unknown as { blocks: unknown[]; notes: Array<{ runs: unknown[] }> };
      doc.blocks.push(table([{ cells: [{ runs: [{ text: '{{note:n-note0001}}', note: 'n-note0001' }] }] }]));
      expect(firstIssue(doc)).toBeNull();
      doc.notes[0]?.runs.push({ text: '{{note:n-note0002}}', note: 'n-note0002' });
      expect(firstIssue(doc)).toMatch(/^notes\.0\.runs: cannot hold a footnote of its own/);
      doc.notes[0]?.runs.pop();
      doc.notes[0]?.runs.push({ text: 'y', marks: ['superscript', 'subscript'] });
      expect(firstIssue(doc)).toBe('notes.0.runs.1.marks: cannot be superscript and subscript at once');
    });
  });
});
