import { describe, expect, it } from 'vitest';
import { PolicyDocumentSchema } from '../model/document';
import { ImportError } from './errors';
import { importHtml } from './html';
import { importMarkdown } from './markdown';
import { importText } from './text';
import { seeded } from '../../shared/testing/seeded-random';


// Pieces of every shape the structure rules look for, and of the markup each reader parses.
const TOKENS = [
  'Privacy Policy', 'Information We Collect', 'we collect data about you', 'Questions; Contacting Us.', 'If you have any questions',
  '1.', '1.1', '1.1.', '2.3.1', '3.', 'A.', 'B.', 'I.', 'II.', 'C.', '(a)', '(b)', '(i)', '(ii)', 'a)', 'i.', '1)', 'Article IV', 'ARTICLE I',
  'Section 1.01', 'Section 2 —', '§ 3', '§', 'Effective Date:', 'Last updated:', 'effective as of', 'October 26, 2023', '2026-02-30',
  '26.10.2023', 'Version 2.1', '- ', '• ', '* ', '**', '__', '_', '#', '##', '######', '>', '---', 'title: x', 'numbering: decimal',
  '[link](https://a.example)', '[bad](javascript:alert(1))', '<https://auto.example>', '`code`', '```', '|', '| --- |', '[^1]', '[^1]: note',
  '<b>', '</b>', '<strong>', '</strong>', '<i>', '<u>', '<p>', '</p>', '<br>', '<li>', '</li>', '<ol start="3">', '<ul>', '</ol>', '</ul>',
  '<h1>', '</h1>', '<h2>', '</h2>', '<h7>', '<table><tr><td>', '</td></tr></table>', '<a href="https://e.example">', '<a href="javascript:x">',
  '</a>', '<script>alert(1)</script>', '<style>', '<!--', '-->', '<svg>', '<img src=x onerror=alert(1)>', '&amp;', '&#0;', '&#x1F600;',
  '\n', '\n', '\n', '\n\n', '  ', '\t', ' ', '.', ':', ';', '\u0000', '\u0007', '\u00a0', '\ufeff', '\r\n', '\u2028', '😀', 'ü',
];

function soup(random: () => number): string {
  const n = 1 + Math.floor(random() * 80);
  let s = '';
  for (let i = 0; i < n; i++) {
    s += TOKENS[Math.floor(random() * TOKENS.length)];
    if (random() < 0.5) s += ' ';
  }
  return s;
}

describe('any input gives a valid document or one ImportError', () => {
  const importers = { text: importText, html: importHtml, markdown: importMarkdown };
  for (const [name, importer] of Object.entries(importers)) {
    it(`${name}: 400 random documents`, () => {
      const random = seeded(name.length * 7919);
      for (let round = 0; round < 400; round++) {
        const input = soup(random);
        try {
          const doc = importer(input, { fileName: `fuzz-${round}` });
          const checked = PolicyDocumentSchema.safeParse(doc);
          if (!checked.success) throw new Error(`round ${round}: invalid document ${JSON.stringify(input)}: ${checked.error.message}`);
        } catch (error) {
          if (!(error instanceof ImportError)) throw new Error(`round ${round}: ${String(error)} for ${JSON.stringify(input)}`);
          expect(error.message.startsWith(`fuzz-${round} `)).toBe(true);
          // a document the rules built but the schema refuses would be a bug in the rules, not in the input
          expect(error.message).not.toContain('could not be turned into a valid policy');
        }
      }
    });
  }
});
