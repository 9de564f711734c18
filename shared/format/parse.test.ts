import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PolicyDocumentSchema, ProjectManifestSchema } from '../model/document';
import { parseFile } from './parse';
import { FormatError, formatPath } from './problems';

const FILE = 'documents/privacy-policy.policy.json';
const SAMPLE = path.resolve(__dirname, '../../assets/sample-project/documents/privacy-policy.policy.json');

/** A document written the way the serializer writes it: one block per line, so blocks[i] sits on line 10 + i. */
function documentText(blocks: string[], head: Partial<Record<string, string>> = {}): string {
  const fields = {
    format: '1',
    title: '"Privacy Policy"',
    effectiveDate: 'null',
    lastUpdated: 'null',
    versionLabel: '""',
    owner: '""',
    numbering: '"decimal"',
    ...head,
  };
  const lines = ['{', ...Object.entries(fields).map(([k, v]) => `  "${k}": ${v},`), '  "blocks": ['];
  blocks.forEach((b, i) => lines.push(`    ${b}${i < blocks.length - 1 ? ',' : ''}`));
  lines.push('  ]', '}');
  return `${lines.join('\n')}\n`;
}

const heading = (id: string, level: number) => `{"kind":"heading","id":"${id}","level":${level},"runs":[{"text":"H"}]}`;
const para = '{"kind":"paragraph","runs":[{"text":"Some text."}]}';

function errorOf(fn: () => unknown): FormatError {
  try {
    fn();
  } catch (error) {
    if (error instanceof FormatError) return error;
    throw error;
  }
  throw new Error('expected a FormatError');
}

function parseDoc(text: string): FormatError {
  return errorOf(() => parseFile(PolicyDocumentSchema, text, FILE));
}

describe('parseFile with the document schema', () => {
  it('returns the document for a valid file', () => {
    const doc = parseFile(PolicyDocumentSchema, documentText([heading('s-aaaaaa01', 1), para]), FILE);
    expect(doc.title).toBe('Privacy Policy');
    expect(doc.blocks).toHaveLength(2);
  });

  it('accepts a byte-order mark at the start', () => {
    const doc = parseFile(PolicyDocumentSchema, `\uFEFF${documentText([para])}`, FILE);
    expect(doc.blocks).toHaveLength(1);
  });

  it('names the file and blocks[3].level for a heading at level 9', () => {
    const error = parseDoc(documentText([heading('s-aaaaaa01', 1), para, para, heading('s-aaaaaa02', 9)]));
    expect(error).toBeInstanceOf(FormatError);
    expect(error.message).toContain(FILE);
    expect(error.message).toContain('blocks[3].level');
    expect(error.file).toBe(FILE);
    expect(error.where).toBe('blocks[3].level');
    expect(error.message.startsWith(`${FILE}: blocks[3].level `)).toBe(true);
  });

  it('names the later block for a duplicate section id', () => {
    const error = parseDoc(documentText([heading('s-aaaaaa01', 1), para, heading('s-bbbbbb01', 1), heading('s-aaaaaa01', 2)]));
    expect(error.message).toBe(`${FILE}: blocks[3].id repeats the id of blocks[0]; every section needs its own id`);
  });

  it('names a bad section id', () => {
    const error = parseDoc(documentText([para, heading('S-Bad', 1)]));
    expect(error.message).toBe(`${FILE}: blocks[1].id must look like "s-" followed by 6 to 24 lowercase letters or digits`);
  });

  it.each(['javascript:alert(1)', 'java\\tscript:alert(1)', 'file:///etc/passwd'])('names an unsafe link %j', (link) => {
    const error = parseDoc(documentText([para, `{"kind":"paragraph","runs":[{"text":"a"},{"text":"b","link":"${link}"}]}`]));
    expect(error.message).toBe(`${FILE}: blocks[1].runs[1].link must be an http, https or mailto address`);
  });

  it('names a control character in text', () => {
    const error = parseDoc(documentText([`{"kind":"paragraph","runs":[{"text":"bell\\u0007"}]}`]));
    expect(error.message).toBe(`${FILE}: blocks[0].runs[0].text contains a control character`);
  });

  it('names a wrong format version', () => {
    const error = parseDoc(documentText([para], { format: '5' }));
    expect(error.message).toBe(`${FILE}: format must be 1, 2, 3 or 4, the formats this version of Policywright reads`);
  });

  it('names an unknown key (the schema is strict)', () => {
    const error = parseDoc(documentText([para], { numbers: '["1."]' }));
    expect(error.message).toContain(FILE);
    expect(error.message).toContain('"numbers"');
    const inBlock = parseDoc(documentText([`{"kind":"paragraph","runs":[],"align":"center"}`]));
    expect(inBlock.message).toMatch(new RegExp(`^${FILE}: blocks\\[0\\] .*"align"`));
  });

  it('counts the further problems', () => {
    const error = parseDoc(documentText([heading('s-aaaaaa01', 0), heading('s-aaaaaa02', 7), heading('bad', 1)]));
    expect(error.message).toMatch(/^documents\/privacy-policy\.policy\.json: blocks\[0\]\.level .*\(and 2 more problems\)$/);
    const one = parseDoc(documentText([heading('s-aaaaaa01', 0), heading('s-aaaaaa02', 7)]));
    expect(one.message).toMatch(/\(and 1 more problem\)$/);
  });

  it('reports a problem at the top of the file without a where', () => {
    const error = errorOf(() => parseFile(PolicyDocumentSchema, '[]', FILE));
    expect(error.where).toBe('');
    expect(error.message.startsWith(`${FILE}: `)).toBe(true);
  });
});

describe('parseFile on text that is not JSON', () => {
  /** Text with one marked spot "⟨…⟩": the error must point at the first character inside the marks. */
  function at(marked: string): { text: string; line: number; column: number } {
    const offset = marked.indexOf('⟨');
    const text = marked.replace('⟨', '').replace('⟩', '');
    const before = text.slice(0, offset);
    return { text, line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
  }

  it.each([
    ['a missing value', '{\n  "format": 1,\n  "title": ⟨,⟩\n}'],
    ['a value cut short', '{\n  "format": 1,\n  "title": tru⟨,⟩\n}'],
    ['a trailing comma', '{\n  "format": 1,\n⟨}⟩\n'],
    ['a missing comma', '{\n  "format": 1\n  ⟨"⟩title": "x"\n}'],
    ['a missing comma between blocks', '{\n  "blocks": [\n    {"kind":"paragraph","runs":[]}\n    ⟨{⟩"kind":"paragraph","runs":[]}\n  ]\n}'],
    ['single quotes', "{\n  ⟨'⟩format': 1\n}"],
    ['text after the JSON', '{}\n⟨x⟩'],
    ['a raw tab inside a string', '{"title": "a⟨\t⟩b"}'],
    ['a bad escape', '{"title": "a\\⟨q⟩"}'],
    ['a leading zero', '{"format": 0⟨1⟩}'],
    ['a comment', '{\n  ⟨/⟩/ note\n  "format": 1\n}'],
    ['Windows line ends', '{\r\n  "format": 1,\r\n  "title": ⟨}⟩\r\n'],
  ])('%s: line and column point at the real spot', (_what, marked) => {
    const { text, line, column } = at(marked);
    const error = errorOf(() => parseFile(PolicyDocumentSchema, text, FILE));
    expect(error.message).toContain(FILE);
    expect(error.message).toContain(`line ${line}, column ${column}`);
    expect(error.message).toContain('is not valid JSON');
  });

  it.each([
    ['an empty file', '', 1, 1],
    ['a file cut off mid-way', '{\n  "format": 1,', 2, 15],
    ['an unterminated string', '{\n  "title": "Privacy', 2, 20],
    ['an open array', '[\n  1,\n  2', 3, 4],
  ])('%s: points at the end of the file', (_what, text, line, column) => {
    const error = errorOf(() => parseFile(PolicyDocumentSchema, text, FILE));
    expect(error.message).toContain(`${FILE}: line ${line}, column ${column}:`);
  });

  it('does not count a byte-order mark as a column', () => {
    const error = errorOf(() => parseFile(PolicyDocumentSchema, '\uFEFF{"format":}', FILE));
    expect(error.message).toContain('line 1, column 11');
  });

  it('finds a broken spot deep inside a real document', () => {
    const lines = readFileSync(SAMPLE, 'utf8').split('\n');
    const index = lines.findIndex((l, i) => i > 40 && l.includes('"level":2'));
    expect(index).toBeGreaterThan(40);
    const original = lines[index] ?? '';
    lines[index] = original.replace('"level":2', '"level":}');
    const column = original.indexOf('"level":2') + '"level":'.length + 1;
    const error = errorOf(() => parseFile(PolicyDocumentSchema, lines.join('\n'), FILE));
    expect(error.message).toContain(`line ${index + 1}, column ${column}`);
    // One sentence, not V8's quotation of the surrounding text.
    expect(error.message).not.toContain('is not valid JSON"');
    expect(error.message.split('\n')).toHaveLength(1);
  });

  it('names the manifest file for a broken manifest', () => {
    const error = errorOf(() => parseFile(ProjectManifestSchema, '{\n  "format": 1,\n  "name": "x",\n  "documents": [,]\n}', 'policywright.json'));
    expect(error.message).toContain('policywright.json: line 4, column 17');
  });
});

describe('formatPath', () => {
  it.each<[PropertyKey[], string]>([
    [[], ''],
    [['title'], 'title'],
    [['blocks', 3, 'level'], 'blocks[3].level'],
    [['blocks', 12, 'runs', 0, 'text'], 'blocks[12].runs[0].text'],
    [[0, 'a'], '[0].a'],
  ])('%j → %j', (p, s) => expect(formatPath(p)).toBe(s));
});

describe('parseFile never quotes the file', () => {
  // A project file can be a link to any file of the user's: a message names the file and the place, nothing of it.
  const SECRET = 'root:x:0:0:root:/root:/bin/bash\nsecret-token-7f3a\n';
  it.each([
    ['a text file', SECRET],
    ['a private key', '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n'],
    ['a file starting with a letter', 'Zebra'],
    ['a file starting with a quote', "'quoted secret'"],
    ['a binary file', '\u007FELF\u0002\u0001\u0001\u0000'],
    ['JSON with text after it', '{}Zsecret'],
    ['a truncated string', '{"title": "secret-token-7f3a'],
    ['a bad escape', '{"title": "secret\\qtoken"}'],
  ])('%s', (_what, text) => {
    const error = errorOf(() => parseFile(PolicyDocumentSchema, text, FILE));
    expect(error.message.startsWith(`${FILE}: `)).toBe(true);
    const body = error.message.slice(FILE.length);
    const first = [...text.replace(/^\uFEFF/, '')][0] ?? '';
    if (/[A-Za-z0-9]/.test(first)) expect(body).not.toMatch(new RegExp(`'${first}'|"${first}`));
    for (const word of ['root', 'secret', 'token', 'OPENSSH', 'ELF', 'Zebra', 'Zsecret', 'quoted']) expect(body).not.toContain(word);
    expect(body).not.toMatch(/Unexpected token|is not valid JSON"/);
    expect(error.message.split('\n')).toHaveLength(1);
  });

  it('a JSON file of secrets: its long or odd keys are not named', () => {
    const error = errorOf(() => parseFile(PolicyDocumentSchema, documentText([], { 'aws_secret_access_key=AKIA1234': '"x"' }), FILE));
    expect(error.message).not.toContain('AKIA');
    expect(error.message).toContain('has a field that Policywright does not know');
  });
});
