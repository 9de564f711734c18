import { describe, expect, it } from 'vitest';
import type { Block, PolicyDocument } from '../model/document';
import { exportDocx } from '../export/docx';
import { exportHtml } from '../export/html';
import { exportMarkdown } from '../export/markdown';
import { referringPolicy } from '../testing/reference-documents';
import { importDocument } from './index';
import { allRuns } from '../model/block-runs';

/**
 * Typed references become cross-references on import when they name a section of the document. Each paragraph is
 * read back with every reference written as «title of the section it points at», so a test says what it expects.
 */

const encode = (text: string) => new TextEncoder().encode(text);

function readBack(doc: PolicyDocument): string[] {
  const titles = new Map(doc.blocks.flatMap((block) => (block.kind === 'heading' ? [[block.id, block.runs.map((run) => run.text).join('')] as const] : [])));
  return doc.blocks
    .filter((block: Block) => block.kind !== 'heading')
    .map((block) => allRuns(block).map((run) => (run.ref !== undefined ? `«${titles.get(run.ref) ?? 'missing'}${run.refTitle ? ' +title' : ''}»` : run.text)).join(''));
}

const markdown = (...lines: string[]) => importDocument('policy.md', encode(lines.join('\n\n')));

const DECIMAL = ['# Privacy Policy', '## 1. Scope', '## 2. Use', '### 2.1 Sharing', '### 2.2 Vendors', '## 3. Retention', '## 4. Security', '### 4.1 Access', '### 4.2 Keys', '## 5. Rights', '## 6. Contact'];

describe('import: typed references to the document’s sections', () => {
  it('turns "Section 4.2", lists, "§ 5" and "clause 7(b)" into references, keeping the words around them', async () => {
    const doc = await markdown(
      ...DECIMAL.slice(0, 2),
      'As Section 4.2 says, and Sections 2.1 and 2.2 explain.',
      '§ 5 applies; see also clause 6(b).',
      ...DECIMAL.slice(2),
    );
    expect(readBack(doc)).toEqual(['As Section «Keys» says, and Sections «Sharing» and «Vendors» explain.', '§ «Rights» applies; see also clause «Contact»(b).']);
  });

  it('turns both ends of a range into references', async () => {
    const doc = await markdown('# Terms', '## A. General', '### 1. Scope', '### 2. Terms', '### 3. Fees', '### 4. Liability', 'Sections A.1 – A.4 apply to everyone.', '## B. Other');
    expect(readBack(doc)).toEqual(['Sections «Scope» – «Liability» apply to everyone.']);
  });

  it('takes the word of an "Article IV" or "Section 1.01" reference into it, where the numbering writes it', async () => {
    const doc = await markdown(
      '# Agreement',
      '## Article I Definitions',
      '### Section 1.01 Terms',
      'Article IV governs; Section 1.01 defines the words.',
      '## Article II Fees',
      '## Article III Term',
      '## Article IV Law',
    );
    expect(doc.numbering).toBe('article-section');
    expect(readBack(doc)).toEqual(['«Law» governs; «Terms» defines the words.']);
  });

  it('leaves other laws, and numbers that name no section, as typed', async () => {
    const typed = [
      'Section 230 of the Communications Decency Act protects us.',
      'We rely on Article 6 GDPR and Section 1798.100 of the California Civil Code.',
      'See Section 9 for more.',
    ];
    const doc = await markdown(...DECIMAL.slice(0, 2), ...typed, ...DECIMAL.slice(2));
    expect(readBack(doc)).toEqual(typed);
  });

  it('reads them in HTML too', async () => {
    const html = '<html><body><h1>Policy</h1><h2>1. Scope</h2><p>See <b>Section 2</b>.</p><h2>2. Use</h2><p>Text.</p></body></html>';
    expect(readBack(await importDocument('p.html', encode(html)))).toEqual(['See Section «Use».', 'Text.']);
  });

  it('brings the references of our own exports back as references, in DOCX, HTML and Markdown', async () => {
    const expected = ['Access is limited as Section «Access» says; keys are in «Keys +title».', 'Everyone named in Section «Scope»', 'Only staff, under Section «Scope».'];
    for (const [name, bytes] of [
      ['p.docx', await exportDocx(referringPolicy())],
      ['p.html', encode(exportHtml(referringPolicy()))],
      ['p.md', encode(exportMarkdown(referringPolicy()))],
    ] as const) {
      const back = readBack(await importDocument(name, bytes));
      expect(back.slice(0, 3)).toEqual(expected);
      expect(back[3]).toBe('Rotated yearly (see [missing section]).');
    }
  });
});
