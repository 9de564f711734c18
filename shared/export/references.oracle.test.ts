import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NumberingStyle } from '../model/document';
import { MISSING_REFERENCE_TEXT } from '../model/reference-text';
import { referringPolicy } from '../testing/reference-documents';
import { exportDocx } from './docx';
import { bookmarkName } from './docx-reference';
import { plainText } from './runs';
import { prepareDocument } from './prepare';

/**
 * The DOCX export's cross-references read by programs that owe nothing to it: LibreOffice prints each document as
 * opened and again after updating every field, and the text pdftotext reads from both prints holds the numbers
 * Policywright shows; python-docx finds a bookmark on every referenced heading, with the name the REF fields use.
 */

const LO_FIELDS = path.resolve(__dirname, 'fixtures/libreoffice_fields.py');
const has = (command: string, args: string[]) => spawnSync(command, args, { encoding: 'utf8' }).status === 0;
const HAS_UNO = has('soffice', ['--version']) && has('pdftotext', ['-v']) && has('/usr/bin/python3', ['-c', 'import uno']);
const HAS_PYTHON_DOCX = has('/usr/bin/python3', ['-c', 'import docx']);
// LibreOffice reads Word's legal numbering (isLgl, "Section 2.01" under "Article II") from 7.5 on (tdf#150408).
const version = /LibreOffice (\d+)\.(\d+)/.exec(spawnSync('soffice', ['--version'], { encoding: 'utf8' }).stdout ?? '');
const readsLegalNumbering = version !== null && (Number(version[1]) > 7 || (Number(version[1]) === 7 && Number(version[2]) >= 5));

const STYLES: readonly NumberingStyle[] = ['decimal', 'letter-decimal', 'article-section', 'section-sign'];
const work = mkdtempSync(path.join(tmpdir(), 'policywright-refs-'));
const file = (style: NumberingStyle) => path.join(work, `${style}.docx`);

/** The paragraphs that hold references, as Policywright shows them. */
function shownParagraphs(style: NumberingStyle): string[] {
  return prepareDocument(referringPolicy(style)).blocks.flatMap((block) =>
    block.kind === 'paragraph' ? [plainText(block.runs)] : block.kind === 'list' ? block.items.map((item) => plainText(item.runs)) : [],
  );
}

beforeAll(async () => {
  for (const style of STYLES) writeFileSync(file(style), await exportDocx(referringPolicy(style)));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** pdftotext's lines of a print, with runs of spaces (and a list's bullet) as one space. */
function printedLines(pdf: string): string[] {
  const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
  if (text.status !== 0) throw new Error(`pdftotext could not read ${pdf}: ${text.stderr}`);
  return text.stdout.split('\n').map((line) => line.replace(/^[\s•]+/u, '').replace(/\s+/g, ' ').trim());
}

describe.skipIf(!HAS_UNO)('LibreOffice shows the references’ numbers, before and after updating fields (needs soffice, its Python UNO bridge and pdftotext)', () => {
  const profile = mkdtempSync(path.join(tmpdir(), 'lo-profile-'));
  beforeAll(() => {
    const run = spawnSync('/usr/bin/python3', [LO_FIELDS, profile, `policywright-refs-${process.pid}-${Date.now()}`, ...STYLES.map(file)], {
      encoding: 'utf8',
      timeout: 240_000,
    });
    if (run.status !== 0) throw new Error(`LibreOffice run failed (${run.status}): ${run.stderr}`);
  }, 300_000);
  afterAll(() => rmSync(profile, { recursive: true, force: true }));

  for (const style of STYLES) {
    for (const when of ['before', 'after'] as const) {
      it.skipIf(style === 'article-section' && !readsLegalNumbering)(`${style}, ${when} updating fields${style === 'article-section' ? ' (needs LibreOffice 7.5 or later, which reads isLgl)' : ''}`, () => {
        const lines = printedLines(file(style).replace(/\.docx$/, `.${when}.pdf`));
        const expected = shownParagraphs(style);
        expect(expected.some((text) => text.includes(MISSING_REFERENCE_TEXT))).toBe(true);
        for (const text of expected) expect(lines).toContain(text);
      });
    }
  }
});

const PY_BOOKMARKS = `
import sys, json, docx
from docx.oxml.ns import qn
d = docx.Document(sys.argv[1])
out = []
for p in d.paragraphs:
    for b in p._p.iter(qn('w:bookmarkStart')):
        out.append({'name': b.get(qn('w:name')), 'style': p.style.name, 'text': p.text})
print(json.dumps(out))
`;

describe.skipIf(!HAS_PYTHON_DOCX)('python-docx sees a bookmark on each referenced heading (needs python3 with python-docx)', () => {
  it('names each with the name the REF fields use, Word’s limit of 40 characters kept', () => {
    const run = spawnSync('/usr/bin/python3', ['-c', PY_BOOKMARKS, file('decimal')], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`python could not read the export:\n${run.stderr}`);
    const bookmarks = JSON.parse(run.stdout) as Array<{ name: string; style: string; text: string }>;
    for (const [id, title] of [['s-scope001', 'Scope'], ['s-access01', 'Access'], ['s-keys0001', 'Keys']] as const) {
      const name = bookmarkName(id);
      expect(name.length).toBeLessThanOrEqual(40);
      expect(name).toMatch(/^_[A-Za-z0-9_]+$/);
      expect(bookmarks).toContainEqual({ name, style: expect.stringMatching(/^Heading \d$/) as unknown as string, text: title });
    }
  });
});
