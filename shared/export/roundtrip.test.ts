import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseFile } from '../format/parse';
import { importDocument } from '../import/index';
import { PolicyDocumentSchema, type Block, type PolicyDocument, type Run } from '../model/document';
import { outlineOf } from '../numbering/outline';
import { blocksForReaders } from '../numbering/references';
import { runsToPlainText } from '../model/text';
import { allRuns, tableText } from '../model/block-runs';
import { safeLink } from '../model/link';
import { resolveRuns } from '../model/variables';
import { VariablesFileSchema } from '../model/variables-schema';
import { exportDocx } from './docx';
import { exportHtml } from './html';
import { exportMarkdown } from './markdown';
import { policy } from '../testing/builders';

/*
 * The promise of the export/import pair: export a policy to DOCX, HTML or Markdown, import the file again, and get the
 * same outline (numbers, titles, levels, numbering style), the same details (title, effective date, last updated,
 * version, owner) and the same text, block by block, with its bold, italic, underline and links, and list items at the
 * same depth. Not compared: section ids (an import makes new ones), white space inside a block (every format folds
 * it), and marks on headings (the importer drops bold and underline from a heading on purpose; no sample has any).
 */

type Format = 'docx' | 'html' | 'md';
const FORMATS: readonly Format[] = ['docx', 'html', 'md'];

const SAMPLES = path.resolve(__dirname, '../../assets/sample-project/documents');
// One sample per numbering style the samples use: decimal, section sign, letters then decimal.
const SAMPLE_NAMES = ['privacy-policy', 'cookie-policy', 'terms-of-service'] as const;

// The sample's own variable values: exports write them, so the comparison reads the original through the same resolver.
const VALUES = parseFile(VariablesFileSchema, readFileSync(path.join(SAMPLES, '..', 'variables.json'), 'utf8'), 'variables.json').variables;

function sample(name: string): PolicyDocument {
  const file = path.join(SAMPLES, `${name}.policy.json`);
  return parseFile(PolicyDocumentSchema, readFileSync(file, 'utf8'), `${name}.policy.json`);
}

async function exportAs(doc: PolicyDocument, format: Format): Promise<Uint8Array> {
  if (format === 'docx') return exportDocx(doc, { variables: VALUES });
  return new TextEncoder().encode(format === 'html' ? exportHtml(doc, { variables: VALUES }) : exportMarkdown(doc, { variables: VALUES }));
}

async function roundTrip(doc: PolicyDocument, baseName: string, format: Format): Promise<PolicyDocument> {
  return importDocument(`${baseName}.${format}`, await exportAs(doc, format));
}

const normalise = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The outline without the section ids, which an import makes anew. */
function outlineView(doc: PolicyDocument) {
  return outlineOf(doc).map(({ number, label, title, level }) => ({ number, label, title, level }));
}

/**
 * Formatting as a reader sees it: maximal stretches of visible characters with the same marks and link, written as
 * "bold+italic|href|text". White space belongs to no stretch (it may move across a mark's edge without changing what
 * is shown: "**bold** " and "**bold **" read the same). Unformatted stretches are left out.
 */
function formatting(runs: readonly Run[]): string[] {
  const spans: Array<{ key: string; text: string }> = [];
  let pendingSpace = '';
  for (const run of runs) {
    // Links compared as the one link check writes them: every export writes the parsed address ("https://x/").
  const key = `${[...(run.marks ?? [])].sort().join('+')}|${safeLink(run.link) ?? ''}`;
    for (const ch of run.text) {
      if (/\s/.test(ch)) {
        pendingSpace = ' ';
        continue;
      }
      const last = spans[spans.length - 1];
      if (last && last.key === key) last.text += pendingSpace + ch;
      else spans.push({ key, text: ch });
      pendingSpace = '';
    }
  }
  return spans.filter((s) => s.key !== '|').map((s) => `${s.key}|${s.text}`);
}

interface BlockView {
  kind: Block['kind'];
  /** Headings: the level; list items: bullet or number. */
  shape: string;
  text: string;
}

/**
 * The blocks in reading order as text: headings stand in the sequence so that text stays in its section. Read as a
 * reader sees them: an import makes typed references ("Section 2(a)") cross-references, which show the same words.
 */
function textView(doc: PolicyDocument): BlockView[] {
  // A footnote's mark is read as its note's words in brackets: an import gives the note a new id, never new words.
  const notes = new Map((doc.notes ?? []).map((note) => [note.id, note.runs]));
  const read = (runs: readonly Run[]): string =>
    runsToPlainText(runs.flatMap((run) => (run.note === undefined ? [run] : [{ text: ' [' }, ...(notes.get(run.note) ?? []), { text: ']' }])), VALUES);
  return blocksForReaders(doc.blocks, doc.numbering, VALUES).map((block) => ({
    kind: block.kind,
    shape: block.kind === 'heading' ? `h${block.level}` : block.kind === 'list-item' ? block.list : '',
    text: normalise(block.kind === 'table' ? tableText(block, read) : read(block.runs)),
  }));
}

/** Body paragraphs and list items with their formatted stretches (the start of their text names them in a diff). */
function formattingView(doc: PolicyDocument): Array<{ text: string; formatting: string[] }> {
  return blocksForReaders(doc.blocks, doc.numbering, VALUES)
    .filter((block) => block.kind !== 'heading')
    .map((block) => ({ text: normalise(runsToPlainText(allRuns(block), VALUES)).slice(0, 40), formatting: formatting(resolveRuns(allRuns(block), VALUES)) }))
    .filter((view) => view.formatting.length > 0);
}

const indents = (doc: PolicyDocument) => doc.blocks.flatMap((b) => (b.kind === 'list-item' ? [b.indent] : []));

describe.each(SAMPLE_NAMES)('round trip of the sample %s', (name) => {
  const original = sample(name);
  const back = new Map<Format, PolicyDocument>();

  beforeAll(async () => {
    for (const format of FORMATS) back.set(format, await roundTrip(original, name, format));
  });
  const imported = (format: Format): PolicyDocument => {
    const doc = back.get(format);
    if (!doc) throw new Error(`no ${format} round trip`);
    return doc;
  };

  it('has headings, paragraphs and lists to compare', () => {
    const kinds = new Set(original.blocks.map((b) => b.kind));
    for (const kind of ['heading', 'list-item', 'paragraph'] as const) expect(kinds).toContain(kind);
    expect(outlineView(original).length).toBeGreaterThan(10);
  });

  it.each(FORMATS)('%s: the same title, dates and numbering style', (format) => {
    const doc = imported(format);
    expect({ title: doc.title, effectiveDate: doc.effectiveDate, lastUpdated: doc.lastUpdated, numbering: doc.numbering }).toEqual({
      title: original.title,
      effectiveDate: original.effectiveDate,
      lastUpdated: original.lastUpdated,
      numbering: original.numbering,
    });
  });

  it.each(FORMATS)('%s: the same outline (numbers, labels, titles, levels)', (format) => {
    expect(outlineView(imported(format))).toEqual(outlineView(original));
  });

  it.each(FORMATS)('%s: the same text, block by block, with list items still bullets or numbers', (format) => {
    expect(textView(imported(format))).toEqual(textView(original));
  });

  it.each(FORMATS)('%s: the same bold, italic and links', (format) => {
    expect(formattingView(imported(format))).toEqual(formattingView(original));
  });

  it.each(FORMATS)('%s: list items at the same depth', (format) => {
    expect(indents(imported(format))).toEqual(indents(original));
  });

  it.each(FORMATS)('%s: the version label and owner', (format) => {
    const doc = imported(format);
    expect([doc.versionLabel, doc.owner]).toEqual([original.versionLabel, original.owner]);
  });
});

const heading = (id: string, level: number, text: string): Block => ({ kind: 'heading', id, level, runs: [{ text }] });
const paragraph = (...runs: Run[]): Block => ({ kind: 'paragraph', runs });
const item = (list: 'bullet' | 'number', indent: number, ...runs: Run[]): Block => ({ kind: 'list-item', list, indent, runs });

function generated(title: string, blocks: Block[]): PolicyDocument {
  return PolicyDocumentSchema.parse(policy(blocks, { title, effectiveDate: '2026-04-01', lastUpdated: '2026-05-12', versionLabel: '1.0', owner: 'Legal' }));
}

describe('round trip of bold, italic, underline and links', () => {
  const doc = generated('Formatting Policy', [
    heading('s-marks00001', 1, 'Definitions'),
    paragraph(
      { text: 'The ' },
      { text: 'Customer', marks: ['bold'] },
      { text: ' means the ' },
      { text: 'person', marks: ['italic'] },
      { text: ' who ' },
      { text: 'accepts', marks: ['underline'] },
      { text: ' these ' },
      { text: 'Terms', marks: ['bold', 'italic'] },
      { text: '; see ' },
      { text: 'our website', link: 'https://example.com/terms' },
      { text: ' or ' },
      { text: 'the portal', marks: ['bold'], link: 'https://example.com/portal?a=1&b=2' },
      { text: '.' },
    ),
    // Two marked runs back to back, a mark inside a word, and a mark on text that starts with punctuation: the shapes
    // where the Markdown export cannot use * and ** and writes <strong>, <em> instead.
    paragraph(
      { text: 'Northwind', marks: ['bold'] },
      { text: '’s', marks: ['italic'] },
      { text: ' Terms', marks: ['bold'] },
      { text: ' of Service', marks: ['italic'] },
      { text: ' apply to every ' },
      { text: 'in', marks: ['bold'] },
      { text: 'complete order under Section 2' },
      { text: '(a)', marks: ['bold'] },
      { text: ' and the ' },
      { text: 'Important Notice', marks: ['bold', 'underline'] },
      { text: '.' },
    ),
    heading('s-marks00002', 1, 'Contact'),
    item('bullet', 0, { text: 'Email:', marks: ['bold'] }, { text: ' write to ' }, { text: 'legal@example.com', link: 'mailto:legal@example.com' }),
    item('bullet', 1, { text: 'a nested bullet with ' }, { text: 'emphasis', marks: ['italic'] }),
    item('number', 0, { text: 'first', marks: ['underline'] }, { text: ' numbered item' }),
    item('number', 0, { text: 'second numbered item, ' }, { text: 'underlined and linked', marks: ['underline'], link: 'https://example.com/u' }),
    paragraph({ text: 'A closing paragraph.' }),
  ]);

  it('is written with <strong>, <em> and <u> in Markdown, where * and ** cannot stand and underline has no syntax', () => {
    const markdown = exportMarkdown(doc);
    for (const tag of ['<strong>(a)</strong>', '<em>’s</em>', '<u>accepts</u>', '**<u>Important Notice</u>**']) expect(markdown).toContain(tag);
  });

  it.each(FORMATS)('%s: keeps the text and every mark and link', async (format) => {
    const back = await roundTrip(doc, 'formatting-policy', format);
    expect(outlineView(back)).toEqual(outlineView(doc));
    expect(textView(back)).toEqual(textView(doc));
    expect(indents(back)).toEqual(indents(doc));
    expect(formattingView(back)).toEqual(formattingView(doc));
  });
});

/**
 * Text a lawyer might plausibly type, with everything that means something in one of the formats: Markdown and HTML
 * markup characters, a link written as Markdown, typed numbers and legal references at the start of a paragraph,
 * a date or an owner written in the body. The round trip must take none of it for structure and lose none of it.
 */
const HOSTILE_PARAGRAPHS = [
  // In the first section, where "1." cannot be the next section number.
  '1. The Customer shall pay all fees within 30 days.',
  'Article IV of the Agreement governs termination.',
  'Article 27 GDPR requires a representative in the Union.',
  '§ 3 of the Act applies to all processing.',
  'Section 2 — Payment is described above.',
  'A. Smith is our Data Protection Officer.',
  '(a) the Customer’s obligations under clause 4;',
  'Fees are payable in USD <net 30> & include VAT; use *only* the portal_name field, not __init__ or `code`.',
  '# of users is limited to 5; see [x](y), [Terms][1] and <Schedule 2>.',
  '<b>not bold</b> &amp; &copy; <script>alert(1)</script> a < b > c & d',
  '+ VAT where applicable.',
  '> quoted text is not a quote',
  '2026. A year of change for the Service.',
  'Effective date: 1 January 2027 for customers in the EU.',
  'Owner: the Customer, where it hosts the data.',
  'Prices | Plans | Limits',
  'C:\\Users\\legal\\policy.docx and 50% off_peak *rates* ~~apply~~.',
  // Addresses typed as text stay text: only a link the author made is a link.
  'Write to privacy@example.com, visit https://example.com/privacy or www.example.com.',
] as const;

function hostileDocument(numbering: PolicyDocument['numbering']): PolicyDocument {
  return PolicyDocumentSchema.parse({
    format: 1,
    title: 'Fees & Charges <EU> *Policy*',
    effectiveDate: '2026-01-15',
    lastUpdated: '2026-02-01',
    versionLabel: '2.0 (draft)',
    owner: "O'Brien & <Partners>",
    numbering,
    blocks: [
      heading('s-hostile001', 1, 'Scope & Purpose <EU>'),
      ...HOSTILE_PARAGRAPHS.map((text) => paragraph({ text })),
      heading('s-hostile002', 2, 'Use of *Marks*, _Names_ and #Tags'),
      item('bullet', 0, { text: '*Note*: 5 * 3 = 15 > 10 & [a](b)' }),
      item('bullet', 1, { text: '<u>not underlined</u> \\ back\\slash' }),
      item('number', 0, { text: '#1 priority: the Customer’s data' }),
      paragraph({ text: 'After the list: ' }, { text: '[not a link]', marks: ['bold'] }, { text: ' (really) ' }, { text: '*stars*', marks: ['italic'] }),
      heading('s-hostile003', 1, 'Fees [and] Charges (incl. VAT)'),
      paragraph({ text: 'Fees are due monthly.' }),
      heading('s-hostile004', 2, 'Late Payment'),
      paragraph({ text: 'Interest accrues at 4% a year.' }),
    ],
  });
}

describe.each(['decimal', 'section-sign', 'letter-decimal', 'article-section'] as const)('round trip of hostile text numbered %s', (numbering) => {
  const doc = hostileDocument(numbering);

  it.each(FORMATS)('%s: invents no section and loses no text', async (format) => {
    const back = await roundTrip(doc, 'hostile', format);
    expect(outlineView(back)).toEqual(outlineView(doc));
    expect(textView(back)).toEqual(textView(doc));
    expect(formattingView(back)).toEqual(formattingView(doc));
    expect([back.title, back.effectiveDate, back.lastUpdated, back.numbering, back.versionLabel, back.owner]).toEqual([
      doc.title,
      doc.effectiveDate,
      doc.lastUpdated,
      doc.numbering,
      doc.versionLabel,
      doc.owner,
    ]);
  });
});

describe('round trip of link addresses', () => {
  const addresses = [
    'https://en.wikipedia.org/wiki/Data_(computing)',
    'https://example.com/a b?q="x"&y=<z>',
    'https://example.com/ü/é?x=1&y=*_',
    'mailto:legal@example.com?subject=Data%20request',
    'https://example.com/policy#section-3',
  ];
  const doc = generated(
    'Links Policy',
    addresses.map((link, i) => paragraph({ text: `See source ${i + 1}: ` }, { text: 'here', link }, { text: '.' })),
  );
  const linksOf = (d: PolicyDocument) => d.blocks.flatMap((b) => allRuns(b).flatMap((r) => (r.link ? [r.link] : [])));

  it.each(FORMATS)('%s: keeps every address, written as a browser sends it', async (format) => {
    const back = await roundTrip(doc, 'links-policy', format);
    // Every exporter percent-encodes what a URI may not contain (spaces, quotes, <, >, non-ASCII): the same address.
    let expected = addresses.map((a) => new URL(a).href);
    // The Markdown export also percent-encodes ( ) [ ] in an address, and they come back encoded. For nearly every
    // server that is the same resource, but RFC 3986 does not promise it (parentheses are reserved characters).
    if (format === 'md') expected = expected.map((a) => a.replace(/[()[\]]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`));
    expect(linksOf(back)).toEqual(expected);
    expect(textView(back)).toEqual(textView(doc));
  });
});

/*
 * Typed numbers at the start of a body paragraph are read as structure on import (structure.ts, TYPED NUMBERS and
 * LISTS), because that is how documents from elsewhere show their sections and lists. For a round trip that is a loss
 * wherever the typed number fits the document's own numbering. These tests pin down what happens today.
 */
describe('round trip of typed numbers in body paragraphs', () => {
  const typedList = (where: 'first' | 'only') => {
    const list = [
      paragraph({ text: '1. The Customer pays the fees.' }),
      paragraph({ text: '2. The Supplier delivers the goods.' }),
      paragraph({ text: '- 10% discount applies to annual plans.' }),
      paragraph({ text: 'Nothing else applies.' }),
    ];
    const other = [heading('s-typed00011', 1, 'Termination'), paragraph({ text: 'Either party may terminate.' })];
    return generated('Obligations Policy', [
      heading('s-typed00010', 1, 'Obligations'),
      ...list,
      ...(where === 'first' ? other : []),
    ]);
  };
  /** What the import makes of the typed list: a numbered list shows the same "1." and "2."; the dash becomes a bullet. */
  const asList = [
    { kind: 'heading', shape: 'h1', text: 'Obligations' },
    { kind: 'list-item', shape: 'number', text: 'The Customer pays the fees.' },
    { kind: 'list-item', shape: 'number', text: 'The Supplier delivers the goods.' },
    { kind: 'list-item', shape: 'bullet', text: '10% discount applies to annual plans.' },
    { kind: 'paragraph', shape: '', text: 'Nothing else applies.' },
  ];
  const becomesList = async (format: Format, where: 'first' | 'only') => {
    const doc = typedList(where);
    const back = await roundTrip(doc, 'obligations-policy', format);
    expect(outlineView(back)).toEqual(outlineView(doc));
    const termination = textView(doc).filter((b) => /Termination|terminate/.test(b.text));
    expect(textView(back)).toEqual([...asList, ...termination]);
  };
  it.each(FORMATS)('%s: "1." and "2." paragraphs in a row, and a "- " paragraph, become list items, with their words', (format) =>
    becomesList(format, 'first'),
  );
  // In a document of one section, "2." is the next section number and no later heading "2." claims it: HTML and
  // Markdown read "2. The Supplier delivers the goods." as an untitled section 2. KNOWN LOSS, as for "1.1" below.
  it('docx: typed "1." and "2." paragraphs in a one-section document become list items too', () => becomesList('docx', 'only'));
  it.fails('html: typed "1." and "2." paragraphs in a one-section document (KNOWN LOSS: "2." becomes a section)', () =>
    becomesList('html', 'only'),
  );
  it.fails('md: typed "1." and "2." paragraphs in a one-section document (KNOWN LOSS: "2." becomes a section)', () =>
    becomesList('md', 'only'),
  );

  // A clause typed with its number as body text ("1.1 The Supplier shall …" in a section 1 without subsections) is
  // read back from HTML and Markdown, where the headings carry their numbers, as an untitled section 1.1, and the
  // number leaves the text. KNOWN LOSS (structure.ts, "weak" candidates): marked as failing until the importer tells
  // its own exports apart. DOCX is not affected: Word draws the heading numbers, so no typed number matches them.
  const clauses = generated('Supply Terms', [
    heading('s-typed00002', 1, 'Supply'),
    paragraph({ text: '1.1 The Supplier shall deliver the goods within 10 days.' }),
    heading('s-typed00003', 1, 'Payment'),
    paragraph({ text: 'Fees are due monthly.' }),
    paragraph({ text: '2.1 Interest accrues at 4% a year.' }),
  ]);
  const keepsClauses = async (format: Format) => {
    const back = await roundTrip(clauses, 'supply-terms', format);
    expect(outlineView(back)).toEqual(outlineView(clauses));
    expect(textView(back)).toEqual(textView(clauses));
  };
  it('docx: keeps a typed clause number as text', () => keepsClauses('docx'));
  it.fails('html: keeps a typed clause number as text (KNOWN LOSS: becomes an untitled section)', () => keepsClauses('html'));
  it.fails('md: keeps a typed clause number as text (KNOWN LOSS: becomes an untitled section)', () => keepsClauses('md'));

  // A section titled after the provision it is about ("Article 27 Representative", "§ 3 BDSG Processing") loses that
  // reference on a DOCX round trip: mammoth drops the number Word draws, and the title that is left reads as a typed
  // number ("Article 27") and a title ("Representative"). KNOWN LOSS (import of heading-styled paragraphs). HTML and
  // Markdown write the computed number first ("1. Article 27 Representative"), which the importer takes instead.
  const references = generated('Representatives', [
    heading('s-typed00004', 1, 'Article 27 Representative'),
    paragraph({ text: 'Our representative in the Union is Northwind EU.' }),
    heading('s-typed00005', 1, '§ 3 BDSG Processing'),
    paragraph({ text: 'Public bodies may process data under this provision.' }),
  ]);
  const keepsReferences = async (format: Format) => {
    const back = await roundTrip(references, 'representatives', format);
    expect(outlineView(back)).toEqual(outlineView(references));
    expect(textView(back)).toEqual(textView(references));
  };
  it.fails('docx: keeps a legal reference at the start of a section title (KNOWN LOSS: the reference is dropped)', () => keepsReferences('docx'));
  it('html: keeps a legal reference at the start of a section title', () => keepsReferences('html'));
  it('md: keeps a legal reference at the start of a section title', () => keepsReferences('md'));
});

describe('the document language', () => {
  it('is declared by the HTML page, and travels through Markdown front matter', async () => {
    const { exportHtml } = await import('./html');
    const { exportMarkdown } = await import('./markdown');
    const { importDocument } = await import('../import/index');
    const { h, p, policy } = await import('../testing/builders');
    const doc = policy([h(1, 's-intro0001', 'Einleitung'), p('Wir verarbeiten Daten.')], { title: 'Datenschutz', language: 'de' });
    expect(exportHtml(doc)).toContain('<html lang="de">');
    expect(exportHtml({ ...doc, language: undefined })).toContain('<html lang="en">');
    const back = await importDocument('datenschutz.md', new TextEncoder().encode(exportMarkdown(doc)));
    expect(back.language).toBe('de');
  });
});
