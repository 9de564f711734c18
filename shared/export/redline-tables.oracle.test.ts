import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareDocuments } from '../compare/compare';
import { PolicyDocumentSchema } from '../model/document';
import { exportRedlineDocx } from './redline-docx';
import { exportRedlineHtml } from './redline-html';
import { TABLES_NEW, TABLES_OLD, TABLE_ROWS_NEW, TABLE_ROWS_OLD, WIDE_ROWS_NEW, WIDE_ROWS_OLD } from './redline-test-documents';

/**
 * The redlines of a table change read back by readers that owe nothing to the exporters: tidy and Python's HTML parser
 * read the HTML redline's tables, python-docx the DOCX redline's, and LibreOffice accepts and rejects every tracked
 * change in it (the tables must come out as the new and the old edition's).
 */

const LABELS = { oldLabel: 'Version 1.0', newLabel: 'Version 2.0' };
const comparison = compareDocuments(PolicyDocumentSchema.parse(TABLES_OLD), PolicyDocumentSchema.parse(TABLES_NEW), LABELS);
const work = mkdtempSync(path.join(tmpdir(), 'policywright-redline-tables-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const has = (command: string, args: string[]) => spawnSync(command, args, { encoding: 'utf8' }).status === 0;
const HAS_HTML_READERS = has('tidy', ['-v']) && has('/usr/bin/python3', ['--version']);
const HAS_PYTHON_DOCX = has('/usr/bin/python3', ['-c', 'import docx']);
const HAS_UNO = has('soffice', ['--version']) && has('/usr/bin/python3', ['-c', 'import uno']);

/** The tables of the new edition, and of the old one: what accepting and rejecting every change must give. */
const NEW_TABLES = [TABLE_ROWS_NEW, WIDE_ROWS_NEW];
const OLD_TABLES = [TABLE_ROWS_OLD, WIDE_ROWS_OLD];

function python(script: string, args: string[], env: NodeJS.ProcessEnv = process.env): unknown {
  const run = spawnSync('/usr/bin/python3', ['-c', script, ...args], { encoding: 'utf8', env, timeout: 240_000 });
  if (run.status !== 0) throw new Error(`python failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as unknown;
}

// ---------------------------------------------------------------------------------------------------------------------

/**
 * Each <table> as rows of cell texts, read twice: leaving out <del> (the new text) and leaving out <ins> (the old), a
 * row marked inserted left out of the old reading and one marked deleted out of the new. Also the rows' classes.
 */
const HTML_TABLES = String.raw`
import json, sys
from html.parser import HTMLParser
class P(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables, self.row, self.cell, self.skip = [], None, None, []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == 'table': self.tables.append([])
        elif tag == 'tr': self.row = {'cls': a.get('class') or '', 'new': [], 'old': []}
        elif tag in ('td', 'th'): self.cell = {'new': '', 'old': ''}
        elif tag in ('ins', 'del'): self.skip.append(tag)
    def handle_endtag(self, tag):
        if tag in ('ins', 'del') and self.skip: self.skip.pop()
        elif tag in ('td', 'th') and self.row is not None:
            self.row['new'].append(self.cell['new'].strip()); self.row['old'].append(self.cell['old'].strip()); self.cell = None
        elif tag == 'tr' and self.tables: self.tables[-1].append(self.row); self.row = None
    def handle_data(self, data):
        if self.cell is None: return
        if 'del' not in self.skip: self.cell['new'] += data
        if 'ins' not in self.skip: self.cell['old'] += data
p = P(); p.feed(open(sys.argv[1], encoding='utf-8').read())
print(json.dumps(p.tables))
`;

interface HtmlRow {
  cls: string;
  new: string[];
  old: string[];
}

describe.skipIf(!HAS_HTML_READERS)('the HTML redline of a table change (needs tidy and python3)', () => {
  const file = path.join(work, 'tables.html');
  let tables: HtmlRow[][] = [];
  beforeAll(() => {
    writeFileSync(file, exportRedlineHtml(comparison));
    tables = python(HTML_TABLES, [file]) as HtmlRow[][];
  });

  it('is HTML tidy finds no error in', () => {
    const result = spawnSync('tidy', ['-q', '-e', file], { encoding: 'utf8' });
    expect(result.status, `${result.stdout}${result.stderr}`).toBeLessThan(2);
  });

  it('draws the edited table as one <table>: added rows marked inserted, deleted rows marked deleted, the edited cell with both words', () => {
    const [edited] = tables;
    expect(edited?.map((row) => row.cls)).toEqual(['', '', 'row-inserted', '', 'row-deleted']);
    expect(edited?.[1]).toMatchObject({ new: ['Account details', 'seven years'], old: ['Account details', 'six years'] });
  });

  it('reads as the new edition\'s tables without deletions and deleted rows, and as the old one\'s without insertions and inserted rows', () => {
    // The table that changed width is there twice: the old one deleted, then the new one inserted.
    const read = (side: 'new' | 'old') =>
      tables
        .map((rows) => rows.filter((row) => row.cls !== (side === 'new' ? 'row-deleted' : 'row-inserted')).map((row) => row[side]))
        .filter((rows) => rows.some((cells) => cells.some((cell) => cell !== '')));
    expect(read('new')).toEqual(NEW_TABLES);
    expect(read('old')).toEqual(OLD_TABLES);
  });
});

// ---------------------------------------------------------------------------------------------------------------------

/**
 * python-docx's view of the tables: each row's tracked change, whether it is a header row, and each cell's text as
 * the new edition has it (w:t: kept and inserted) and as the old one had it (kept w:t and w:delText).
 */
const DOCX_TABLES = String.raw`
import json, sys
import docx
from docx.oxml.ns import qn
d = docx.Document(sys.argv[1])
out = []
for t in d.tables:
    rows = []
    for r in t.rows:
        pr = r._tr.trPr
        change = ''
        if pr is not None:
            if pr.find(qn('w:ins')) is not None: change = 'ins'
            if pr.find(qn('w:del')) is not None: change = 'del'
        def inserted(el):
            while el is not None:
                if el.tag == qn('w:ins'): return True
                el = el.getparent()
            return False
        new = [''.join(el.text or '' for el in c._tc.iter(qn('w:t'))) for c in r.cells]
        old = [''.join(el.text or '' for el in c._tc.iter(qn('w:t'), qn('w:delText')) if not inserted(el)) for c in r.cells]
        rows.append({'change': change, 'new': new, 'old': old, 'header': pr is not None and pr.find(qn('w:tblHeader')) is not None})
    out.append(rows)
print(json.dumps(out))
`;

describe('the DOCX redline of a table change', () => {
  const file = path.join(work, 'tables.docx');
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await exportRedlineDocx(comparison, { author: 'Dana Reviewer', date: new Date('2026-11-02T10:30:00Z') });
    writeFileSync(file, bytes);
  });

  it('tracks whole rows in their row properties (w:trPr w:ins and w:del) and words in cells as w:ins and w:del', async () => {
    const body = await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string');
    expect(body).toMatch(/<w:trPr>(?:(?!<\/w:trPr>).)*<w:ins [^>]*w:author="Dana Reviewer"/);
    expect(body).toMatch(/<w:trPr>(?:(?!<\/w:trPr>).)*<w:del [^>]*w:author="Dana Reviewer"/);
    expect(body).toMatch(/<w:del [^>]*><w:r><w:delText[^>]*>six<\/w:delText><\/w:r><\/w:del><w:ins [^>]*><w:r><w:t[^>]*>seven<\/w:t>/);
  });

  it.skipIf(!HAS_PYTHON_DOCX)('reads back in python-docx: the rows of both editions, each inserted or deleted row so marked (needs python-docx)', () => {
    const tables = python(DOCX_TABLES, [file]) as Array<Array<{ change: string; new: string[]; old: string[]; header: boolean }>>;
    const [edited] = tables;
    expect(edited?.map((row) => row.change)).toEqual(['', '', 'ins', '', 'del']);
    expect(edited?.[0]?.header).toBe(true);
    expect(edited?.filter((row) => row.change !== 'del').map((row) => row.new)).toEqual(TABLE_ROWS_NEW);
    expect(edited?.filter((row) => row.change !== 'ins').map((row) => row.old)).toEqual(TABLE_ROWS_OLD);
    expect(tables.slice(1).map((rows) => rows.map((row) => row.change))).toEqual([
      ['del', 'del'],
      ['ins', 'ins'],
    ]);
  });
});

/** LibreOffice opens the redline, accepts (or rejects) every change, and gives back each table's cells. */
const UNO_TABLES = String.raw`
import json, sys
import uno
from libreoffice_session import office, prop
profile, pipe = sys.argv[1], sys.argv[2]
with office(profile, pipe) as (ctx, desktop):
  dispatcher = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.DispatchHelper', ctx)
  every = {}
  for f in sys.argv[3:]:
    out = every[f] = {}
    for mode in ('accept', 'reject'):
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(f), '_blank', 0, (prop('Hidden', True),))
        if doc is None:
            raise SystemExit('LibreOffice could not open ' + f)
        command = '.uno:AcceptAllTrackedChanges' if mode == 'accept' else '.uno:RejectAllTrackedChanges'
        dispatcher.executeDispatch(doc.getCurrentController().getFrame(), command, '', 0, ())
        tables = []
        e = doc.getText().createEnumeration()
        while e.hasMoreElements():
            el = e.nextElement()
            if el.supportsService('com.sun.star.text.TextTable'):
                tables.append([[str(cell) for cell in row] for row in el.getDataArray()])
        notes = doc.getFootnotes()
        out[mode] = {'tables': tables, 'notes': [notes.getByIndex(i).getString() for i in range(notes.getCount())]}
        doc.close(True)
  print(json.dumps(every, ensure_ascii=False))
`;

describe.skipIf(!HAS_UNO)('LibreOffice accepts and rejects the table changes of the DOCX redline (needs soffice and its Python UNO bridge)', () => {
  it('gives the new edition\'s tables and notes when every change is accepted, and the old one\'s when every change is rejected', async () => {
    const file = path.join(work, 'tables-lo.docx');
    writeFileSync(file, await exportRedlineDocx(comparison, { author: 'Dana Reviewer', date: new Date('2026-11-02T10:30:00Z') }));
    // A note added with its mark: accepting keeps it, rejecting takes it away.
    const noted = path.join(work, 'note-added-lo.docx');
    const withNote = {
      ...TABLES_NEW,
      blocks: TABLES_NEW.blocks.map((block, i) => (i === 1 && block.kind === 'paragraph' ? { ...block, runs: [...block.runs, { text: '{{note:n-added01}}', note: 'n-added01' }] } : block)),
      notes: [...(TABLES_NEW.notes ?? []), { id: 'n-added01', runs: [{ text: 'A note of its own.' }] }],
    };
    const added = compareDocuments(PolicyDocumentSchema.parse(TABLES_NEW), PolicyDocumentSchema.parse(withNote), LABELS);
    writeFileSync(noted, await exportRedlineDocx(added, { author: 'Dana Reviewer', date: new Date('2026-11-02T10:30:00Z') }));
    const profile = mkdtempSync(path.join(tmpdir(), 'lo-profile-'));
    try {
      const every = python(UNO_TABLES, [profile, `policywright-tables-${process.pid}-${Date.now()}`, file, noted], {
        ...process.env,
        PYTHONPATH: path.resolve(__dirname, 'fixtures'),
      }) as Record<string, Record<'accept' | 'reject', { tables: string[][][]; notes: string[] }>>;
      const result = every[file];
      const nonEmpty = (tables: string[][][] | undefined) => (tables ?? []).filter((rows) => rows.some((cells) => cells.some((cell) => cell !== '')));
      expect(nonEmpty(result?.accept.tables)).toEqual(NEW_TABLES);
      expect(nonEmpty(result?.reject.tables)).toEqual(OLD_TABLES);
      expect(result?.accept.notes).toEqual(['As the law and our contracts require.']);
      expect(result?.reject.notes).toEqual(['As the law requires.']);
      expect(every[noted]?.accept.notes).toEqual(['As the law and our contracts require.', 'A note of its own.']);
      expect(every[noted]?.reject.notes).toEqual(['As the law and our contracts require.']);
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  }, 300_000);
});
