import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PolicyDocumentSchema, type PolicyDocument } from '../model/document';
import { toRoman } from '../numbering/counters';
import { outlineOf } from '../numbering/outline';
import { exportDocx } from './docx';
import { hostileDocument } from './fixtures/hostile';

/**
 * LibreOffice as the second real reader of the DOCX export: it numbers the headings itself from the list definitions,
 * so the PDF it prints shows whether the numbering definitions say what numberSections says. One soffice run converts
 * every file (each start of LibreOffice costs seconds), and each run gets its own profile so parallel runs never meet.
 */
const SAMPLES = path.resolve(__dirname, '../../assets/sample-project/documents');
const sample = (name: string): PolicyDocument =>
  PolicyDocumentSchema.parse(JSON.parse(readFileSync(path.join(SAMPLES, `${name}.policy.json`), 'utf8')));

const privacy = sample('privacy-policy');
const terms = sample('terms-of-service');
const DOCUMENTS: Record<string, PolicyDocument> = {
  'privacy-decimal': privacy,
  'terms-letter-decimal': terms,
  'terms-article-section': { ...terms, numbering: 'article-section' },
  'terms-section-sign': { ...terms, numbering: 'section-sign' },
  hostile: hostileDocument(),
};

const work = mkdtempSync(path.join(tmpdir(), 'policywright-lo-'));
const profile = mkdtempSync(path.join(tmpdir(), 'lo-profile-'));
const pdfText: Record<string, string> = {};

// Word has always written "Section 1.01" under "Article I" with isLgl (legal numbering); LibreOffice reads isLgl from
// 7.5 on (tdf#150408). Before that it writes the article number in the article's own format: "Section I.01".
const has = (command: string, args: string[]) => spawnSync(command, args, { encoding: 'utf8' }).status === 0;
/** LibreOffice prints the export and pdftotext reads the print: without them there is nothing to check against. */
const HAS_TOOLS = has('soffice', ['--version']) && has('pdftotext', ['-v']);
const version = /LibreOffice (\d+)\.(\d+)/.exec(spawnSync('soffice', ['--version'], { encoding: 'utf8' }).stdout ?? '');
const readsLegalNumbering = version !== null && (Number(version[1]) > 7 || (Number(version[1]) === 7 && Number(version[2]) >= 5));

beforeAll(async () => {
  if (!HAS_TOOLS) return;
  const files: string[] = [];
  for (const [name, d] of Object.entries(DOCUMENTS)) {
    const file = path.join(work, `${name}.docx`);
    writeFileSync(file, await exportDocx(d));
    files.push(file);
  }
  const convert = spawnSync(
    'soffice',
    [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', work, ...files],
    { encoding: 'utf8', timeout: 120_000 },
  );
  if (convert.status !== 0) throw new Error(`soffice failed (${convert.status}): ${convert.stderr}`);
  for (const name of Object.keys(DOCUMENTS)) {
    const text = spawnSync('pdftotext', ['-layout', path.join(work, `${name}.pdf`), '-'], { encoding: 'utf8' });
    if (text.status !== 0) throw new Error(`pdftotext could not read ${name}.pdf: ${text.stderr}`);
    pdfText[name] = text.stdout;
  }
}, 180_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });
});

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The body's lines from the first paragraph after the table of contents, and for each heading the line LibreOffice
 * wrote for it, in order: its number, then the start of its title. The table of contents holds the same titles, so the
 * search starts after it.
 */
function headingLines(
  text: string,
  bodyStart: string,
  headings: Array<{ label: string; title: string }>,
  labelPattern: (label: string) => string = escapeRegExp,
): string[] {
  const lines = text.split('\n').map((line) => line.replace(/\s+/g, ' ').trim());
  let at = lines.findIndex((line) => line.startsWith(bodyStart));
  expect(at, `body start "${bodyStart}"`).toBeGreaterThan(0);
  return headings.map(({ label, title }) => {
    // pdftotext -layout may close up the space after "§".
    const pattern = new RegExp(`^${labelPattern(label).replace(/ /g, ' ?')} ${escapeRegExp(title.slice(0, 24))}`);
    const found = lines.findIndex((line, i) => i > at && pattern.test(line));
    expect(found, `"${label} ${title}" after line ${at}`).toBeGreaterThan(at);
    at = found;
    return lines[found] ?? '';
  });
}

describe.skipIf(!HAS_TOOLS)('LibreOffice prints the DOCX export with every heading numbered by the list definitions (needs soffice and pdftotext)', () => {
  it('decimal: the sample privacy policy, every heading with its number, in order', () => {
    const text = pdfText['privacy-decimal'] ?? '';
    const lines = headingLines(text, 'This Privacy Policy explains how', outlineOf(privacy));
    expect(lines).toHaveLength(outlineOf(privacy).length);
    expect(lines).toContain('1.1 Our Role as Controller and as Processor');
    expect(lines).toContain('2.2.1 Device and Log Data');
    expect(lines).toContain('4.2.1.1 Direct Marketing to Business Contacts');
    expect(lines).toContain('13. Contact Us');
    expect(text).toMatch(/Page 1 of \d+/);
  });

  it('letter-decimal: A., 1., 1.1', () => {
    const lines = headingLines(pdfText['terms-letter-decimal'] ?? '', 'These Terms of Service', outlineOf(terms));
    expect(lines.slice(0, 3)).toEqual(['A. Accepting These Terms', '1. Eligibility', '2. Accepting on Behalf of an Organisation']);
  });

  it('section-sign: § 1, § 1.1', () => {
    const outline = outlineOf({ ...terms, numbering: 'section-sign' });
    const lines = headingLines(pdfText['terms-section-sign'] ?? '', 'These Terms of Service', outline);
    expect(lines[1]?.replace('§', '§ ').replace(/ +/g, ' ')).toBe('§ 1.1 Eligibility');
  });

  it('article-section: Article I, Section n.01, (a), with the article number in either form', () => {
    const outline = outlineOf({ ...terms, numbering: 'article-section' });
    // Every part of every label must be right except, before LibreOffice 7.5, the article number inside "Section".
    const lenient = (label: string) => {
      const section = /^Section (\d+)\.(\d\d)$/.exec(label);
      if (!section) return escapeRegExp(label);
      const article = Number(section[1]);
      return `Section (?:${article}|${toRoman(article)})\\.${section[2]}`;
    };
    const lines = headingLines(pdfText['terms-article-section'] ?? '', 'These Terms of Service', outline, lenient);
    expect(lines[0]).toBe('Article I Accepting These Terms');
    expect(lines[1]).toMatch(/^Section (1|I)\.01 Eligibility$/);
    expect(lines.filter((line) => line.startsWith('(a) '))).toHaveLength(2);
    expect(lines.at(-1)).toMatch(/^Section (10|X)\.03 Contact$/);
  });

  it.skipIf(!readsLegalNumbering)('article-section: Section 1.01 (needs LibreOffice 7.5 or later, which reads isLgl)', () => {
    const outline = outlineOf({ ...terms, numbering: 'article-section' });
    const lines = headingLines(pdfText['terms-article-section'] ?? '', 'These Terms of Service', outline);
    expect(lines.slice(0, 3)).toEqual(['Article I Accepting These Terms', 'Section 1.01 Eligibility', 'Section 1.02 Accepting on Behalf of an Organisation']);
  });

  it('opens a document whose input carried control characters', () => {
    const text = pdfText.hostile ?? '';
    expect(text).toContain('<script>alert("text")</script>');
    expect(text).toContain('Bell Title');
    expect(text).toMatch(/1\.1 +Links and controls/);
  });
});
