import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PolicyDocumentSchema, type Block, type PolicyDocument } from '../../model/document';
import { runsToPlainText } from '../../model/text';
import { acceptAll, rejectAll } from '../../review/resolve';
import { importDocx } from '../docx';
import { allRuns } from '../../model/block-runs';
const runsOf = (block: Parameters<typeof allRuns>[0] | undefined) => (block ? allRuns(block) : []);

/**
 * A reviewer's DOCX made by another program: LibreOffice, driven through UNO from Python, writes a short policy,
 * records changes under the name "Rita Reviewer" (a word replaced, words deleted, a sentence and a paragraph added),
 * adds two comments by "Carl Counsel" (one marked resolved) and saves it as Word 2007 XML. The import must give the
 * same changes as suggestions and the same comments, with their authors and dates.
 */
const has = (command: string, args: string[]) => spawnSync(command, args, { encoding: 'utf8' }).status === 0;
const HAS_UNO = has('soffice', ['--version']) && has('/usr/bin/python3', ['-c', 'import uno']);

const UNO_SCRIPT = String.raw`
import sys
import uno
from libreoffice_session import office, prop

profile, pipe, out = sys.argv[1], sys.argv[2], sys.argv[3]
with office(profile, pipe) as (ctx, desktop):
    smgr = ctx.ServiceManager
    # The reviewer's name, which LibreOffice records as the author of every change (Tools > Options > User Data).
    provider = smgr.createInstanceWithContext('com.sun.star.configuration.ConfigurationProvider', ctx)
    data = provider.createInstanceWithArguments('com.sun.star.configuration.ConfigurationUpdateAccess',
                                                (prop('nodepath', '/org.openoffice.UserProfile/Data'),))
    data.setPropertyValue('givenname', 'Rita')
    data.setPropertyValue('sn', 'Reviewer')
    data.commitChanges()
    # A document with no window: a headless LibreOffice 7.4 crashes drawing the comment margin of one that has a view.
    doc = smgr.createInstanceWithContext('com.sun.star.text.TextDocument', ctx)
    doc.initNew()
    text = doc.getText()
    cursor = text.createTextCursor()
    def paragraph(style, words, last=False):
        cursor.gotoEnd(False)
        cursor.ParaStyleName = style
        text.insertString(cursor, words, False)
        if not last:
            text.insertControlCharacter(cursor, 0, False)
    def select(words):
        # the words' first place, reached by walking (a document without a view cannot search); taken before any edit
        at = text.getString().replace('\r\n', '\n').index(words)
        c = text.createTextCursor()
        c.gotoStart(False)
        c.goRight(at, False)
        c.goRight(len(words), True)
        return c
    paragraph('Title', 'Returned Policy')
    paragraph('Heading 1', 'Scope')
    paragraph('Default Paragraph Style', 'We keep all personal data.')
    paragraph('Heading 1', 'Retention')
    paragraph('Default Paragraph Style', 'We delete data after ten years.', last=True)
    replaced, dropped, personal, retention = select('all'), select(' after ten years'), select('personal data'), select('Retention')
    after_scope = select('data.')
    after_scope.collapseToEnd()

    when = uno.createUnoStruct('com.sun.star.util.DateTime')
    when.Year, when.Month, when.Day, when.Hours, when.Minutes, when.Seconds = 2026, 3, 4, 10, 20, 30
    def comment(anchor, words):
        note = doc.createInstance('com.sun.star.text.textfield.Annotation')
        note.Author = 'Carl Counsel'
        note.Initials = 'CC'
        note.Content = words
        note.DateTimeValue = when
        text.insertTextContent(anchor, note, True)
        return note
    comment(personal, 'Which data exactly?')
    comment(retention, 'Fine now.').Resolved = True

    doc.RecordChanges = True
    replaced.setString('some')
    dropped.setString('')
    text.insertControlCharacter(after_scope, 0, False)
    text.insertString(after_scope, 'Archives are kept apart.', False)
    text.insertString(text.getEnd(), ' We tell you first.', False)
    doc.RecordChanges = False
    doc.storeToURL(uno.systemPathToFileUrl(out), (prop('FilterName', 'MS Word 2007 XML'),))
    doc.close(True)
`;

/** Where libreoffice_session.py is: the one way the oracle tests start and stop LibreOffice. */
const LIBREOFFICE_SESSION_DIR = path.resolve(__dirname, '../../export/fixtures');

const texts = (blocks: readonly Block[]) => blocks.map((b) => runsToPlainText(allRuns(b)));

describe.skipIf(!HAS_UNO)('a DOCX with tracked changes and comments made by LibreOffice (needs soffice and its Python UNO bridge)', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'policywright-docx-review-'));
  const profile = mkdtempSync(path.join(tmpdir(), 'lo-profile-'));
  const file = path.join(work, 'returned.docx');
  let doc: PolicyDocument;
  beforeAll(async () => {
    const run = spawnSync('/usr/bin/python3', ['-c', UNO_SCRIPT, profile, `policywright-review-${process.pid}-${Date.now()}`, file], {
      encoding: 'utf8',
      env: { ...process.env, PYTHONPATH: LIBREOFFICE_SESSION_DIR },
      timeout: 240_000,
    });
    if (run.status !== 0) throw new Error(`LibreOffice run failed (${run.status}): ${run.stderr}`);
    doc = await importDocx(new Uint8Array(readFileSync(file)), { fileName: 'returned.docx' });
  }, 300_000);
  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  });

  it('imports as a valid document whose accepted and rejected views are the two texts', () => {
    expect(PolicyDocumentSchema.safeParse(doc).success).toBe(true);
    expect(doc.title).toBe('Returned Policy');
    expect(texts(acceptAll(doc).blocks)).toEqual(['Scope', 'We keep some personal data.', 'Archives are kept apart.', 'Retention', 'We delete data. We tell you first.']);
    expect(texts(rejectAll(doc).blocks)).toEqual(['Scope', 'We keep all personal data.', 'Retention', 'We delete data after ten years.']);
  });

  it('keeps each change as a suggestion by the reviewer, with its time', () => {
    const rita = { by: 'Rita Reviewer', at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/) };
    const body = doc.blocks[1];
    expect(runsOf(body).find((r) => r.text === 'all')?.del).toEqual({ id: expect.any(String), ...rita });
    expect(runsOf(body).find((r) => r.text === 'some')?.ins).toEqual({ id: expect.any(String), ...rita });
    expect(doc.blocks[2]).toMatchObject({ kind: 'paragraph', change: { kind: 'insert', ...rita }, runs: [{ text: 'Archives are kept apart.' }] });
    const last = doc.blocks[4];
    expect(runsOf(last).find((r) => r.text === ' after ten years')?.del).toMatchObject(rita);
    expect(runsOf(last).find((r) => r.text === ' We tell you first.')?.ins).toMatchObject(rita);
  });

  it('keeps the comments with their author, initials, date, text and resolved state, on the text they were about', () => {
    const carl = { by: 'Carl Counsel', initials: 'CC', at: '2026-03-04T10:20:30Z' };
    expect(doc.comments).toEqual([
      { id: expect.any(String), ...carl, text: 'Which data exactly?' },
      { id: expect.any(String), ...carl, text: 'Fine now.', resolved: true },
    ]);
    const [open, done] = doc.comments ?? [];
    expect(runsOf(doc.blocks[1]).find((r) => r.text === 'personal data')?.comments).toEqual([open?.id]);
    expect(runsOf(doc.blocks[3]).flatMap((r) => r.comments ?? [])).toContain(done?.id);
  });
});
