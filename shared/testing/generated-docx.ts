import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { seeded } from './seeded-random';
import { decimalOutline } from './word-outline';

/** Words each generated section holds: its heading's four and its paragraph's forty-six. */
export const WORDS_PER_SECTION = 50;

/**
 * A Word file of `sections` numbered sections of prose (a title, then each a heading and a paragraph with a bold
 * phrase), written by the docx library as Word writes one: the DOCX import's large input, for its correctness test
 * at a small size and its timing (shared/import/docx-import.bench.test.ts) at the bench's 2,000 sections.
 */
export async function generatedDocx(sections: number): Promise<Uint8Array> {
  // a vocabulary of a few hundred words in a pseudo-random order, so the text compresses like prose
  const base = 'policy data controller processor consent lawful basis retention security transfer rights access erasure portability objection personal information service provider cookie analytics marketing account payment contract legal obligation legitimate interest safeguard breach notification authority complaint request identity verification period storage deletion anonymisation encryption third party country adequacy clause child parent guardian update change notice contact officer email address website application device location log usage preference profile'.split(' ');
  const words = base.flatMap((w) => [w, `${w}s`, `${w}ed`, `un${w}`]);
  const random = seeded(2463534242);
  const sentence = (n: number) => Array.from({ length: n }, () => words[Math.floor(random() * words.length)]).join(' ');
  const children: Paragraph[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('Benchmark Policy')] })];
  for (let s = 0; s < sections; s++) {
    const level = s % 4 === 0 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2;
    children.push(new Paragraph({ heading: level, numbering: { reference: 'outline', level: level === HeadingLevel.HEADING_1 ? 0 : 1 }, children: [new TextRun(`Section ${sentence(3)}`)] }));
    children.push(new Paragraph({ children: [new TextRun(`${sentence(22)}. `), new TextRun({ text: sentence(3), bold: true }), new TextRun(` ${sentence(21)}.`)] }));
  }
  const doc = new Document({
    numbering: { config: [decimalOutline('outline', 2)] },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
