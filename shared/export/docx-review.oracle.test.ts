import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicyDocument } from '../model/document';
import { acceptAll, rejectAll } from '../review/resolve';
import { exportDocx } from './docx';
import { RESOLVED_ALONE, REVIEWED_DOCUMENT } from './review-test-documents';
import { mapRunLists } from '../model/block-runs';
import { prepareDocument } from './prepare';

/**
 * The DOCX export of a document under review, read by programs that owe nothing to it: LibreOffice accepts and
 * rejects every tracked change (the text must come out as Policywright's own accept-all and reject-all), and reads
 * the comments; pandoc does the same accepting and rejecting; python3 reads the comments part.
 *
 * LibreOffice is driven in two ways. Debian's writer-nogui build lacks the comment window's UI file
 * (modules/swriter/ui/annotation.ui), so LibreOffice aborts whenever it opens a view of a document with comments, and
 * Accept All needs a view: the UNO run reads the export of the same document without its comment threads (the same
 * exporter, every suggestion in it). A conversion to ODT, which opens no view, reads the whole export, comments and
 * tracked changes included.
 */

const LO_REVIEW = path.resolve(__dirname, 'fixtures/libreoffice_review.py');
const has = (command: string, args: string[]) => spawnSync(command, args, { encoding: 'utf8' }).status === 0;
const HAS_SOFFICE = has('soffice', ['--version']);
const HAS_UNO = HAS_SOFFICE && has('/usr/bin/python3', ['-c', 'import uno']);
const HAS_PANDOC = has('pandoc', ['--version']);
const HAS_PYTHON_DOCX = has('/usr/bin/python3', ['-c', 'import docx']);

const doc = REVIEWED_DOCUMENT;
/** The same document with no comment threads, for LibreOffice's views (see above). */
const withoutComments: PolicyDocument = {
  ...doc,
  comments: undefined,
  blocks: doc.blocks.map((block) => mapRunLists(block, (runs) => runs.map(({ comments: _anchor, ...run }) => run))),
};

const work = mkdtempSync(path.join(tmpdir(), 'policywright-docx-review-'));
const full = path.join(work, 'reviewed.docx');
const uncommented = path.join(work, 'reviewed-no-comments.docx');
const resolvedAlone = path.join(work, 'resolved-alone.docx');
let bytes: Uint8Array = new Uint8Array();

beforeAll(async () => {
  bytes = await exportDocx(doc);
  writeFileSync(full, bytes);
  writeFileSync(uncommented, await exportDocx(withoutComments));
  writeFileSync(resolvedAlone, await exportDocx(RESOLVED_ALONE));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Para {
  text: string;
  style: string;
  label: string;
}

/** What a reader should show of a document: each block's text, its style, and the number of headings and numbered items. */
function expectedParagraphs(d: PolicyDocument): Para[] {
  return prepareDocument(d).blocks.flatMap((block): Para[] => {
    const text = (runs: ReadonlyArray<{ text: string }>) => runs.map((run) => run.text).join('');
    switch (block.kind) {
      case 'heading':
        return [{ text: text(block.runs), style: `Heading ${block.depth}`, label: block.label }];
      case 'paragraph':
        return [{ text: text(block.runs), style: 'Standard', label: '' }];
      case 'list':
        return block.items.map((item) => ({ text: text(item.runs), style: 'List Paragraph', label: item.list === 'number' ? numberLabel(item.depth, item.ordinal) : '' }));
      case 'table':
        // A table is its caption paragraph and a paragraph a cell (the reviewed document has none; here for completeness).
        return [
          ...(block.caption ? [{ text: text(block.caption), style: 'Caption', label: '' }] : []),
          ...block.rows.flatMap((row, r) => row.map((cell) => ({ text: text(cell), style: block.header && r === 0 ? 'Table Heading' : 'Table Text', label: '' }))),
        ];
    }
  });
}

/** List labels as the export's list levels write them: "1." at the top, "a)" below. */
const numberLabel = (depth: number, ordinal: number): string =>
  depth === 0 ? `${ordinal}.` : depth === 1 ? `${String.fromCharCode(96 + ordinal)})` : '';

/**
 * The body's paragraphs: those after the table of contents. The last block of the document is a suggestion, and a
 * document's last paragraph mark can never go, so the export ends on an empty paragraph that stays whatever is
 * decided (docx-review.ts): it is taken off here, and only it.
 */
function body(paragraphs: Para[]): Para[] {
  const start = paragraphs.findLastIndex((para) => /^Contents/.test(para.style)) + 1;
  const out = paragraphs.slice(start);
  expect(out.at(-1)).toEqual({ text: '', style: 'Standard', label: '' });
  return out.slice(0, -1).map((para) => ({ ...para, label: para.style === 'List Paragraph' && !/^\d|^[a-z]\)/.test(para.label) ? '' : para.label }));
}

// ---------------------------------------------------------------------------------------------------------------------

interface LoResult {
  redlines: number;
  redlinesAfter?: number;
  paragraphs: Para[];
}

describe.skipIf(!HAS_UNO)('LibreOffice accepts and rejects every suggestion (needs soffice and its Python UNO bridge)', () => {
  const profile = mkdtempSync(path.join(tmpdir(), 'lo-profile-'));
  let results: Record<'open' | 'accept' | 'reject', LoResult>;
  beforeAll(() => {
    const run = spawnSync('/usr/bin/python3', [LO_REVIEW, profile, `policywright-review-${process.pid}-${Date.now()}`, uncommented], {
      encoding: 'utf8',
      timeout: 240_000,
    });
    if (run.status !== 0) throw new Error(`LibreOffice run failed (${run.status}): ${run.stderr}`);
    results = (JSON.parse(run.stdout) as Record<string, typeof results>)[uncommented] as typeof results;
  }, 300_000);
  afterAll(() => rmSync(profile, { recursive: true, force: true }));

  it('opens it with its tracked changes', () => {
    expect(results.open.redlines).toBeGreaterThan(10);
  });

  it('Accept All gives Policywright’s accept-all: the same paragraphs, styles and numbers', () => {
    expect(results.accept.redlinesAfter).toBe(0);
    expect(body(results.accept.paragraphs)).toEqual(expectedParagraphs(acceptAll(withoutComments)));
  });

  it('Reject All gives Policywright’s reject-all: the document as it was before the suggestions', () => {
    expect(results.reject.redlinesAfter).toBe(0);
    expect(body(results.reject.paragraphs)).toEqual(expectedParagraphs(rejectAll(withoutComments)));
  });
});

// ---------------------------------------------------------------------------------------------------------------------

interface Annotation {
  author: string;
  initials: string;
  date: string;
  text: string;
  resolved: boolean;
  anchor: string;
}

/** LibreOffice's ODT of an export: its comments (with the text each spans) and its tracked changes. */
async function libreOfficeReading(file: string): Promise<{ annotations: Annotation[]; changes: string[] }> {
  const zip = await JSZip.loadAsync(readFileSync(file.replace(/\.docx$/, '.odt')));
  const content = (await zip.file('content.xml')?.async('string')) ?? '';
  const text = (xml: string) => unescapeXml(xml.replace(/<\/text:p>(?=.)/g, '\n').replace(/<[^>]+>/g, ''));
  const annotations = [...content.matchAll(/<office:annotation office:name="([^"]+)"([^>]*)>(.*?)<\/office:annotation>/g)].map((m) => {
    const [, name = '', attributes = '', inner = ''] = m;
    const after = content.slice((m.index ?? 0) + m[0].length);
    const end = after.indexOf(`<office:annotation-end office:name="${name}"/>`);
    return {
      author: text(/<dc:creator>(.*?)<\/dc:creator>/.exec(inner)?.[1] ?? ''),
      initials: text(/<meta:creator-initials>(.*?)<\/meta:creator-initials>/.exec(inner)?.[1] ?? ''),
      date: /<dc:date>(.*?)<\/dc:date>/.exec(inner)?.[1] ?? '',
      text: text(inner.replace(/<dc:creator>.*?<\/dc:creator>|<dc:date>.*?<\/dc:date>|<meta:creator-initials>.*?<\/meta:creator-initials>/g, '')),
      resolved: /loext:resolved="true"/.test(attributes),
      anchor: end < 0 ? '' : text(after.slice(0, end).replace(/<office:annotation .*?<\/office:annotation>/g, '')),
    };
  });
  const changes = [...content.matchAll(/<text:changed-region[^>]*>\s*<text:(insertion|deletion|format-change)>/g)].map((m) => m[1] ?? '');
  return { annotations, changes };
}

const unescapeXml = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Every comment of the document as a reader should show it: the threads and their replies, with the text they are about. */
function expectedComments(): Annotation[] {
  const anchors: Record<string, string> = { 'k-thread01': 'data', 'k-thread02': 'Scope', 'k-thread03': 'A point ', 'k-orphan01': '' };
  return (doc.comments ?? []).flatMap((thread) =>
    [thread, ...(thread.replies ?? [])].map((entry) => ({
      author: entry.by,
      initials: entry.initials ?? entry.by.split(' ').map((word) => word[0]).join(''),
      date: entry.at.replace(/Z$/, ''),
      text: entry.text,
      resolved: thread.resolved === true,
      anchor: anchors[thread.id] ?? '?',
    })),
  );
}

describe.skipIf(!HAS_SOFFICE)('LibreOffice reads the comments and the tracked changes of the whole export (needs soffice)', () => {
  let reading: Awaited<ReturnType<typeof libreOfficeReading>>;
  beforeAll(async () => {
    // One start of LibreOffice converts both files, each to an ODT beside it.
    const profile = mkdtempSync(path.join(tmpdir(), 'lo-profile-'));
    try {
      const convert = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'odt', '--outdir', work, full, resolvedAlone], {
        encoding: 'utf8',
        timeout: 120_000,
      });
      if (convert.status !== 0) throw new Error(`soffice failed (${convert.status}): ${convert.stderr}`);
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
    reading = await libreOfficeReading(full);
  }, 180_000);

  it('every thread and reply, with its author, initials, time, text, resolved state and the text it is about', () => {
    const byKey = (a: Annotation, b: Annotation) => `${a.date}${a.author}`.localeCompare(`${b.date}${b.author}`);
    expect([...reading.annotations].sort(byKey)).toEqual(expectedComments().sort(byKey));
  });

  it('a resolved comment in a document without replies, resolved', async () => {
    const alone = await libreOfficeReading(resolvedAlone);
    expect(alone.annotations.map(({ author, text, resolved, anchor }) => ({ author, text, resolved, anchor }))).toEqual([
      { author: 'Ben Reviewer', text: 'Done with this.', resolved: true, anchor: 'Settled' },
      { author: 'Ana Suggester', text: 'Still open.', resolved: false, anchor: 'open' },
    ]);
  });

  it('insertions, deletions and formatting changes, all of them', () => {
    expect(new Set(reading.changes)).toEqual(new Set(['insertion', 'deletion', 'format-change']));
    expect(reading.changes.filter((kind) => kind === 'format-change').length).toBeGreaterThanOrEqual(2);
  });
});

// ---------------------------------------------------------------------------------------------------------------------

/** pandoc's reading as JSON, a line per paragraph of its Str nodes, so list markers and numbers stay out. */
function pandocParagraphs(mode: 'accept' | 'reject'): string[] {
  const result = spawnSync('pandoc', [`--track-changes=${mode}`, '-f', 'docx', '-t', 'json', full], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pandoc could not read the export: ${result.stderr}`);
  const lines: string[] = [];
  let line = '';
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const { t, c } = node as { t?: string; c?: unknown };
    if (t === 'Str' && typeof c === 'string') line += c;
    else if (t === 'Space' || t === 'SoftBreak' || t === 'LineBreak') line += ' ';
    else {
      walk(c ?? (node as { blocks?: unknown }).blocks);
      if (t === 'Para' || t === 'Plain' || t === 'Header') {
        lines.push(line.trim());
        line = '';
      }
    }
  };
  walk(JSON.parse(result.stdout));
  return lines.filter((text) => text !== '');
}

describe.skipIf(!HAS_PANDOC)('pandoc accepts and rejects every suggestion of the whole export, comments and all (needs pandoc)', () => {
  const texts = (d: PolicyDocument) => expectedParagraphs(d).map((para) => para.text);
  /** The body: after "Contents" and the table's entries, one for each section of the accepted text. */
  const bodyOf = (paragraphs: string[]) => {
    expect(paragraphs[0]).toBe('Contents');
    return paragraphs.slice(1 + prepareDocument(doc).headings.length);
  };

  it('accepting all gives accept-all', () => {
    expect(bodyOf(pandocParagraphs('accept'))).toEqual(texts(acceptAll(doc)));
  });

  it('rejecting all gives reject-all', () => {
    expect(bodyOf(pandocParagraphs('reject'))).toEqual(texts(rejectAll(doc)));
  });
});

// ---------------------------------------------------------------------------------------------------------------------

/**
 * python-docx opens the file; the comments are read from its parts with Python's own zipfile and XML parser, because
 * the python-docx installed here predates its comments support (1.2).
 */
const PY_COMMENTS = String.raw`
import json, sys, zipfile
import xml.etree.ElementTree as ET
import docx
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
W14 = '{http://schemas.microsoft.com/office/word/2010/wordml}'
W15 = '{http://schemas.microsoft.com/office/word/2012/wordml}'
document = docx.Document(sys.argv[1])
with zipfile.ZipFile(sys.argv[1]) as package:
    comments = ET.fromstring(package.read('word/comments.xml'))
    extended = ET.fromstring(package.read('word/commentsExtended.xml'))
    body = package.read('word/document.xml').decode('utf8')
ex = {e.get(W15 + 'paraId'): e for e in extended.iter(W15 + 'commentEx')}
out = []
for c in comments.iter(W + 'comment'):
    paras = c.findall(W + 'p')
    para_id = paras[-1].get(W14 + 'paraId') if paras else None
    e = ex.get(para_id)
    out.append({
        'id': c.get(W + 'id'),
        'author': c.get(W + 'author'),
        'initials': c.get(W + 'initials'),
        'text': '\n'.join(''.join(t.text or '' for t in p.iter(W + 't')) for p in paras),
        'parent': e.get(W15 + 'paraIdParent') if e is not None else None,
        'paraId': para_id,
        'done': e.get(W15 + 'done') if e is not None else None,
        'anchored': ('<w:commentReference w:id="%s"/>' % c.get(W + 'id')) in body,
    })
print(json.dumps({'paragraphs': len(document.paragraphs), 'comments': out}, ensure_ascii=False))
`;

describe.skipIf(!HAS_PYTHON_DOCX)('python-docx opens the export, and its comments part reads with authors and threads (needs python3 with python-docx)', () => {
  it('every comment with its author and initials, replies linked to their thread, the resolved thread done', () => {
    const run = spawnSync('/usr/bin/python3', ['-c', PY_COMMENTS, full], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`python could not read the export:\n${run.stderr}`);
    const read = JSON.parse(run.stdout) as {
      paragraphs: number;
      comments: Array<{ id: string; author: string; initials: string; text: string; parent: string | null; paraId: string; done: string | null; anchored: boolean }>;
    };
    expect(read.paragraphs).toBeGreaterThan(20);
    const threads = doc.comments ?? [];
    expect(read.comments.map((c) => [c.author, c.text])).toEqual(
      threads.flatMap((thread) => [thread, ...(thread.replies ?? [])].map((entry) => [entry.by, entry.text])),
    );
    expect(read.comments.every((c) => c.anchored)).toBe(true);
    const [dana, anaReply, ben, danaReply, eve, orphan] = read.comments;
    expect(dana?.initials).toBe('DC');
    expect(ben?.initials).toBe('BR');
    expect(anaReply?.parent).toBe(dana?.paraId);
    expect(danaReply?.parent).toBe(ben?.paraId);
    expect([ben?.done, danaReply?.done]).toEqual(['1', '1']);
    expect([dana?.done, anaReply?.done, eve?.done, orphan?.done]).toEqual([null, null, null, null]);
    expect(eve?.parent).toBeNull();
  });
});

it('the export under test holds comments and tracked changes', () => {
  expect(bytes.length).toBeGreaterThan(5_000);
});
