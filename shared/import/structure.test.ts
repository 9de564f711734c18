import { describe, expect, it } from 'vitest';
import { PolicyDocumentSchema, type PolicyDocument } from '../model/document';
import { numberSections } from '../numbering/number';
import { ImportError } from './errors';
import { importHtml } from './html';
import { importText } from './text';
import { plain, sketch } from '../testing/sketch';
import { textBlock } from '../testing/text-block';

let counter = 0;
const newId = () => `s-${String(++counter).padStart(8, '0')}`;

function text(input: string): PolicyDocument {
  const doc = importText(input, { fileName: 'test.txt', newId });
  expect(PolicyDocumentSchema.safeParse(doc).success).toBe(true);
  return doc;
}

function html(input: string): PolicyDocument {
  const doc = importHtml(input, { fileName: 'test.html', newId });
  expect(PolicyDocumentSchema.safeParse(doc).success).toBe(true);
  return doc;
}



function outline(doc: PolicyDocument): string[] {
  const headings = doc.blocks.filter((b) => b.kind === 'heading');
  const numbers = numberSections(headings, doc.numbering);
  return headings.map((h, i) => `${numbers[i]?.label} ${plain(h)}`.trim());
}

describe('typed section numbers', () => {
  it('"1." and "1.1." and "2.3.1": levels from the depth, numbers removed, decimal style', () => {
    const doc = text(
      ['Policy', '1. Introduction', 'Intro.', '1.1. Scope', 'Scope.', '1.1.1 Details', 'Details.', '2. Data', 'Data.', '2.1 Kinds', 'Kinds.', '2.2 Sources', 'Sources.', '2.3 Uses', 'Uses.', '2.3.1 Analytics', 'Analytics.'].join('\n'),
    );
    expect(doc.numbering).toBe('decimal');
    expect(sketch(doc)).toEqual([
      'H1 Introduction', '¶ Intro.', 'H2 Scope', '¶ Scope.', 'H3 Details', '¶ Details.', 'H1 Data', '¶ Data.', 'H2 Kinds', '¶ Kinds.',
      'H2 Sources', '¶ Sources.', 'H2 Uses', '¶ Uses.', 'H3 Analytics', '¶ Analytics.',
    ]);
    expect(outline(doc)).toContain('2.3.1 Analytics');
  });

  it('"A." then "1.": letters, then decimal', () => {
    const doc = text(['Employee Handbook', 'A. General Provisions', 'Body.', '1. Scope', 'Body.', '2. Definitions', 'Body.', 'B. Conduct', 'Body.', '1. Dress Code', 'Body.'].join('\n'));
    expect(doc.numbering).toBe('letter-decimal');
    expect(outline(doc)).toEqual(['A. General Provisions', '1. Scope', '2. Definitions', 'B. Conduct', '1. Dress Code']);
  });

  it('"(a)" sub-clauses with titles are headings one level down', () => {
    const doc = text(['Terms', '1. Definitions', 'In this policy:', '(a) Personal Data', 'means any information.', '(b) Processing', 'means any operation.', '2. Scope', 'All of it.'].join('\n'));
    expect(sketch(doc)).toEqual([
      'H1 Definitions', '¶ In this policy:', 'H2 Personal Data', '¶ means any information.', 'H2 Processing', '¶ means any operation.', 'H1 Scope', '¶ All of it.',
    ]);
  });

  it('"Article IV", "Section 1.01", "(a)": article-section, with the Article title on the next line merged', () => {
    const doc = text(
      [
        'MASTER SERVICES AGREEMENT',
        'ARTICLE I',
        'DEFINITIONS',
        'Section 1.01 Defined Terms. Capitalized terms have the meanings below.',
        'Section 1.02 Interpretation. Headings are for convenience only.',
        'ARTICLE II — SERVICES',
        'Section 2.01 Scope of Services',
        'The Provider shall perform the services.',
        '(a) Standards',
        'The services meet industry standards.',
        '(b) Personnel',
        'Qualified staff only.',
        'Section 2.02 Changes',
        'Changes need a written order.',
        'Article III: Term',
        'Section 3.01 Duration',
        'One year.',
        'ARTICLE IV',
        'Section 4.01 Notices',
        'In writing.',
      ].join('\n'),
    );
    expect(doc.title).toBe('MASTER SERVICES AGREEMENT');
    expect(doc.numbering).toBe('article-section');
    expect(outline(doc)).toEqual([
      'Article I DEFINITIONS',
      'Section 1.01 Defined Terms',
      'Section 1.02 Interpretation',
      'Article II SERVICES',
      'Section 2.01 Scope of Services',
      '(a) Standards',
      '(b) Personnel',
      'Section 2.02 Changes',
      'Article III Term',
      'Section 3.01 Duration',
      'Article IV',
      'Section 4.01 Notices',
    ]);
    // the run-in Section titles leave their sentence as the section's text
    expect(sketch(doc)).toContain('¶ Capitalized terms have the meanings below.');
  });

  it('"Section 2 —" without Articles: section-sign style, depth from the number', () => {
    const doc = text(['Policy', 'Section 1 — Purpose', 'Body.', 'Section 2 — Scope', 'Body.', 'Section 2.1 — Exclusions', 'Body.'].join('\n'));
    expect(doc.numbering).toBe('section-sign');
    expect(outline(doc)).toEqual(['§ 1 Purpose', '§ 2 Scope', '§ 2.1 Exclusions']);
  });

  it('"§ 3": section-sign style', () => {
    const doc = text(['Satzung', '§ 1 Name', 'Body.', '§2 Purpose', 'Body.', '§ 2.1 Details', 'Body.', '§ 3 Members', 'Body.'].join('\n'));
    expect(doc.numbering).toBe('section-sign');
    expect(outline(doc)).toEqual(['§ 1 Name', '§ 2 Purpose', '§ 2.1 Details', '§ 3 Members']);
  });

  it('roman "I." then letters: I, II, A, B, C (C continues the letters, not 100), III', () => {
    const doc = text(['Outline', 'I. Introduction', 'b', 'II. Data We Collect', 'b', 'A. Direct', 'b', 'B. Automatic', 'b', 'C. Partners', 'b', 'III. Contact', 'b'].join('\n'));
    expect(sketch(doc).filter((s) => s.startsWith('H'))).toEqual(['H1 Introduction', 'H1 Data We Collect', 'H2 Direct', 'H2 Automatic', 'H2 Partners', 'H1 Contact']);
  });

  it('"(h)" then "(i)" is a letter; "(i)" then "(ii)" is roman', () => {
    const lines = ['T', '1. Terms', 'x'];
    for (const l of 'abcdefgh') lines.push(`(${l}) Term ${l.toUpperCase()}`, 'x');
    lines.push('(i) Term I', 'x', '2. More', 'x', '(a) Alpha', 'x', '(i) First', 'x', '(ii) Second', 'x');
    const heads = sketch(text(lines.join('\n'))).filter((s) => s.startsWith('H'));
    expect(heads).toContain('H2 Term I');
    expect(heads.slice(-4)).toEqual(['H1 More', 'H2 Alpha', 'H3 First', 'H3 Second']);
  });

  it('a bold run-in heading with a number becomes a section and a paragraph (HTML)', () => {
    const doc = html(
      '<p><b>1. Questions; Contacting Us.</b> If you have any questions, <a href="mailto:legal@example.com">write</a> to us.</p>' +
        '<p>2. <strong>Changes</strong>: we may change this policy.</p><p>3. <u>Law</u> — English law applies.</p>',
    );
    expect(sketch(doc)).toEqual([
      'H1 Questions; Contacting Us', '¶ If you have any questions, write to us.', 'H1 Changes', '¶ we may change this policy.', 'H1 Law', '¶ English law applies.',
    ]);
    const body = textBlock(doc.blocks[1]);
    expect(body.runs.find((r) => r.link)?.link).toBe('mailto:legal@example.com');
    // the heading carries no bold: it is a heading
    expect(textBlock(doc.blocks[0]).runs.every((r) => r.marks === undefined)).toBe(true);
  });

  it('a Title Case run-in after a typed number in plain text', () => {
    const doc = text('Terms\n1. Questions; Contacting Us. If you have any questions about these Terms, contact us.\n2. Governing Law. These Terms are governed by English law.');
    expect(sketch(doc)).toEqual([
      'H1 Questions; Contacting Us', '¶ If you have any questions about these Terms, contact us.', 'H1 Governing Law', '¶ These Terms are governed by English law.',
    ]);
  });

  it('numbered clauses without titles under a titled section are untitled subsections', () => {
    const doc = text('Agreement\n1. Definitions\n1.1 The Supplier shall deliver the goods.\n1.2 The Customer shall pay within 30 days.\n2. Term\nOne year.');
    expect(sketch(doc)).toEqual(['H1 Definitions', 'H2 ', '¶ The Supplier shall deliver the goods.', 'H2 ', '¶ The Customer shall pay within 30 days.', 'H1 Term', '¶ One year.']);
  });

  it('a numbered sentence list inside a section is not taken for sections', () => {
    const doc = text('Policy\n1. Use\nWe use data to:\n1. Provide the service to you.\n2. Improve the service for you.\n2. Sharing\nWe do not sell data.');
    expect(sketch(doc)).toEqual(['H1 Use', '¶ We use data to:', '# Provide the service to you.', '# Improve the service for you.', 'H1 Sharing', '¶ We do not sell data.']);
  });

  it('a table of contents (short numbered lines in a row naming the headings below) is dropped, and the sections after it are found', () => {
    const doc = text('Privacy Policy\nContents\n1. Introduction\n2. Data We Collect\n3. Contact\n1. Introduction\nWe are a company.\n2. Data We Collect\nWe collect data.\n3. Contact\nWrite to us.');
    expect(sketch(doc)).toEqual(['H1 Introduction', '¶ We are a company.', 'H1 Data We Collect', '¶ We collect data.', 'H1 Contact', '¶ Write to us.']);
  });

  it('"1 year" and "2023. That" and "3.5 million" at a line start are not section numbers', () => {
    const doc = text('Notes\n1 year is the retention period.\n3.5 million people use it.\nSection 3 of the law applies.');
    expect(doc.blocks.every((b) => b.kind === 'paragraph')).toBe(true);
    expect(sketch(doc)).toContain('¶ 3.5 million people use it.');
  });
});

describe('lists', () => {
  it('"- ", "• ", "* " lines are bullets, nested by their leading spaces', () => {
    const doc = text('Policy\nWe collect:\n- names\n  - first names\n• emails\n* phone numbers');
    expect(sketch(doc)).toEqual(['¶ We collect:', '• names', '  • first names', '• emails', '• phone numbers']);
  });

  it('"a) ", "i. " lines in a counting run are numbered items; a lone one stays as typed', () => {
    const doc = text('Policy\n1. Rights\nYou may:\na) ask for a copy;\nb) ask us to correct it;\ni. quickly;\nii. for free;\nc) object.\nSee also:\nx) nothing else');
    expect(sketch(doc)).toEqual([
      'H1 Rights', '¶ You may:', '# ask for a copy;', '# ask us to correct it;', '  # quickly;', '  # for free;', '# object.', '¶ See also:', '¶ x) nothing else',
    ]);
  });

  it('"(a)" sentences where no "(a)" is a heading are a numbered list', () => {
    const doc = text('Policy\n1. Rights\nYou may:\n(a) ask for a copy of your data;\n(b) ask us to correct it;\n2. Contact\nWrite.');
    expect(sketch(doc)).toEqual(['H1 Rights', '¶ You may:', '# ask for a copy of your data;', '# ask us to correct it;', 'H1 Contact', '¶ Write.']);
  });
});

describe('title, dates and preamble', () => {
  it('takes the title from the first line, dates into metadata, drops the repeated title, keeps the preamble', () => {
    const doc = text('Privacy Policy\nLast updated: February 02, 2026\nPrivacy Policy\nEffective Date: October 26, 2023\nWelcome to our policy.\n1. Information We Collect\nWe collect.');
    expect(doc.title).toBe('Privacy Policy');
    expect(doc.effectiveDate).toBe('2023-10-26');
    expect(doc.lastUpdated).toBe('2026-02-02');
    expect(sketch(doc)).toEqual(['¶ Welcome to our policy.', 'H1 Information We Collect', '¶ We collect.']);
  });

  it.each([
    ['Effective: 26 October 2023', '2023-10-26'],
    ['Effective Date: Oct. 26th, 2023', '2023-10-26'],
    ['Effective as of 2023-10-26', '2023-10-26'],
    ['Effective from 26.10.2023', '2023-10-26'],
    ['(Effective 10/26/2023)', '2023-10-26'],
    ['Effective on the 26th of October, 2023', null],
  ])('%j → %j', (line, iso) => {
    const doc = text(`Policy\n${line}\nBody text here.`);
    expect(doc.effectiveDate).toBe(iso);
  });

  it('reads two labelled dates on one line', () => {
    const doc = text('Policy\nEffective Date: 1 March 2024 | Last Revised: 5 June 2025\nBody.');
    expect([doc.effectiveDate, doc.lastUpdated]).toEqual(['2024-03-01', '2025-06-05']);
    expect(sketch(doc)).toEqual(['¶ Body.']);
  });

  it('reads "revised and effective", a month-only update and a version line into the details, and drops them', () => {
    const doc = text('Acceptable Use Policy\nVersion 2.1\nRevised and Effective: March 1, 2024\n1. Scope\nAll staff.\nUpdated: June 2025');
    expect([doc.versionLabel, doc.effectiveDate, doc.lastUpdated]).toEqual(['2.1', '2024-03-01', '2024-03-01']);
    expect(sketch(doc)).toEqual(['H1 Scope', '¶ All staff.', '¶ Updated: June 2025']);
    const undated = text('Policy\nUpdated: June 2025\nVersion 4\n1. Scope\nAll.');
    expect([undated.lastUpdated, undated.versionLabel]).toEqual(['2025-06-01', '4']);
  });

  it('"effective as of" inside a sentence sets the date and keeps the sentence', () => {
    const doc = text('Policy\nThis policy is effective as of January 1, 2024 and replaces all earlier versions.\n1. Scope\nAll.');
    expect(doc.effectiveDate).toBe('2024-01-01');
    expect(sketch(doc)[0]).toBe('¶ This policy is effective as of January 1, 2024 and replaces all earlier versions.');
  });

  it('a date line at the very end goes into the metadata; an impossible date stays text', () => {
    const doc = text('Policy\n1. Scope\nAll.\nLast updated: 5 May 2024');
    expect(doc.lastUpdated).toBe('2024-05-05');
    expect(sketch(doc)).toEqual(['H1 Scope', '¶ All.']);
    const bad = text('Policy\nLast updated: February 30, 2024\nBody.');
    expect(bad.lastUpdated).toBeNull();
    expect(sketch(bad)).toContain('¶ Last updated: February 30, 2024');
  });

  it('a second, different date of the same kind stays text', () => {
    const doc = text('Policy\nLast updated: 5 May 2024\nLast updated: 6 May 2024\nBody.');
    expect(doc.lastUpdated).toBe('2024-05-05');
    expect(sketch(doc)).toEqual(['¶ Last updated: 6 May 2024', '¶ Body.']);
  });

  it('uses the file name when there is no title line', () => {
    const doc = importText('we collect data, and we use it as this policy says.', { fileName: 'cookie_policy.txt', newId });
    expect(doc.title).toBe('cookie policy');
  });

  it('reads a version line in the head', () => {
    expect(text('Policy\nVersion 2.1\nBody.').versionLabel).toBe('2.1');
  });
});

describe('documents without numbers', () => {
  it('plain text: short CAPITALS or Title Case lines before longer paragraphs are sections', () => {
    const doc = text('OUR POLICY\n\nINFORMATION WE COLLECT\nWe collect the data you give us when you sign up.\n\nHow We Use It\nWe use it to run the service and nothing else.');
    expect(sketch(doc)).toEqual(['H1 INFORMATION WE COLLECT', '¶ We collect the data you give us when you sign up.', 'H1 How We Use It', '¶ We use it to run the service and nothing else.']);
  });

  it('HTML: wholly bold lines and bold run-ins are sections when there are no headings', () => {
    const doc = html('<p><b>Privacy Policy</b></p><p><b>Who We Are</b></p><p>A company.</p><p><b>Cookies.</b> We use them.</p>');
    expect(doc.title).toBe('Privacy Policy');
    expect(sketch(doc)).toEqual(['H1 Who We Are', '¶ A company.', 'H1 Cookies', '¶ We use them.']);
  });

  it('one bold "Note:" is not a section', () => {
    const doc = html('<h1>Policy</h1><p>Text.</p><p><b>Note:</b> this is important.</p>');
    expect(sketch(doc)).toEqual(['¶ Text.', '¶ Note: this is important.']);
  });
});

describe('heading hints', () => {
  it('an h1 title and h2 sections: the sections become level 1; numbers in them set the level', () => {
    const doc = html('<h1>Privacy Policy</h1><h2>1. Who We Are</h2><p>x</p><h3>1.1 Contact</h3><p>y</p><h2>2. Data</h2><h3>Extra</h3>');
    expect(doc.title).toBe('Privacy Policy');
    expect(sketch(doc)).toEqual(['H1 Who We Are', '¶ x', 'H2 Contact', '¶ y', 'H1 Data', 'H2 Extra']);
  });

  it('levels are made contiguous: an h4 under an h2 is one level down', () => {
    const doc = html('<h2>A</h2><p>x</p><h4>B</h4><p>y</p><h2>C</h2>');
    expect(sketch(doc).filter((s) => s.startsWith('H'))).toEqual(['H1 A', 'H2 B', 'H1 C']);
  });
});

describe('errors', () => {
  it('an empty or blank text is an ImportError naming the file', () => {
    expect(() => importText('', { fileName: 'empty.txt' })).toThrow(ImportError);
    expect(() => importText('  \n\t\n', { fileName: 'blank.txt' })).toThrow('blank.txt is empty.');
  });
});

describe('a contents page', () => {
  const body = '1. Introduction\nWe are Northwind.\n2. Information We Collect\nWe collect data.\n3. Your Rights\nYou may ask.\n4. Contact Us\nWrite to us.';

  it.each([
    ['with dot leaders and page numbers', 'Table of Contents\n1. Introduction ........ 1\n2. Information We Collect ........ 2\n3. Your Rights ........ 4\n4. Contact Us ........ 5'],
    ['with tabs and page numbers, numbers left out', 'Contents\nIntroduction\t1\nInformation We Collect\t2\nYour Rights\t4\nContact Us\t5'],
    ['typed by hand, without page numbers', 'In this policy:\nIntroduction\nInformation we collect\nYour rights\nContact us'],
  ])('%s is dropped, and the sections keep their numbers', (_, contents) => {
    const doc = text(`Privacy Policy\n${contents}\n${body}`);
    expect(sketch(doc)).toEqual(['H1 Introduction', '¶ We are Northwind.', 'H1 Information We Collect', '¶ We collect data.', 'H1 Your Rights', '¶ You may ask.', 'H1 Contact Us', '¶ Write to us.']);
  });

  it('keeps lines that name fewer than three later headings, or name them out of order', () => {
    const two = text(`Privacy Policy\nIntroduction\nYour Rights\n${body}`);
    expect(sketch(two).slice(0, 2)).toEqual(['¶ Introduction', '¶ Your Rights']);
    const shuffled = text(`Privacy Policy\nYour Rights\nIntroduction\nContact Us\n${body}`);
    expect(sketch(shuffled).slice(0, 3)).toEqual(['¶ Your Rights', '¶ Introduction', '¶ Contact Us']);
  });
});

describe('issue 18 shapes', () => {
  it('a heading without a typed number among numbered ones takes no number, so the letters stay as typed', () => {
    const doc = html('<h1>Code</h1><h2>Summary</h2><p>See D.4.</p><h2>A. Definitions</h2><p>a</p><h2>B. Scope</h2><p>b</p><h2>Appendix</h2><p>c</p>');
    expect(outline(doc)).toEqual(['Summary', 'A. Definitions', 'B. Scope', 'Appendix']);
    expect(doc.blocks.filter((b) => b.kind === 'heading' && b.unnumbered).length).toBe(2);
  });

  it('one typed number is no numbering scheme: the other headings keep their numbers', () => {
    const doc = html('<h1>Code</h1><h2>Summary</h2><p>a</p><h2>1. Scope</h2><p>b</p><h2>Contact</h2><p>c</p>');
    expect(outline(doc)).toEqual(['1. Summary', '2. Scope', '3. Contact']);
  });

  it('headings above typed run-in subheadings keep their numbers; the run-ins sit below them', () => {
    const doc = html(
      '<h1>Guide</h1><h2>Purpose</h2><p>a</p><h2>Rules</h2><p>(a) <b>Roles.</b> Most roles qualify.</p><p>(b) <b>Approval.</b> Ask first.</p><h2>Contact</h2><p>c</p>',
    );
    expect(outline(doc)).toEqual(['1. Purpose', '2. Rules', '2.1 Roles', '2.2 Approval', '3. Contact']);
  });

  it('"2. Disclaimer." all in bold is a heading titled "Disclaimer"', () => {
    const doc = html('<h1>Terms</h1><p><b>1. Liability.</b></p><p>We are liable as the law says.</p><p><b>2. Disclaimer.</b></p><p>As it is.</p>');
    expect(outline(doc)).toEqual(['1. Liability', '2. Disclaimer']);
  });

  it('"Subsection N." and "Paragraph N." run-ins are subsections of their Clause', () => {
    const doc = text(['Addendum', '', 'Clause 1 Purpose', '', 'Why.', '', 'Clause 2 Processing', '', 'Subsection 1. Lawful Basis. The controller confirms it.', '', 'Subsection 2. Retention. Deleted at the end.'].join('\n'));
    expect(outline(doc)).toEqual(['1. Purpose', '2. Processing', '2.1 Lawful Basis', '2.2 Retention']);
  });

  it('short items of one ordered Markdown-style list, nested items between them, stay a list', () => {
    const doc = html('<h1>Rules</h1><h2>Use</h2><ol><li>Use equipment for work<ol><li>Lunch is fine</li></ol></li><li>Keep software up to date</li></ol>');
    expect(sketch(doc)).toEqual(['H1 Use', '# Use equipment for work', '  # Lunch is fine', '# Keep software up to date']);
  });
});

describe('issue 18 dates', () => {
  it('"was last updated on …" before the first section sets the date and keeps the sentence', () => {
    const doc = text('Privacy Policy\n\nThis Privacy Policy was last updated on 5 May 2024.\n\n1. Scope\n\nAll.\n\n2. Contact\n\nUs.');
    expect(doc.lastUpdated).toBe('2024-05-05');
    expect(sketch(doc)[0]).toBe('¶ This Privacy Policy was last updated on 5 May 2024.');
  });
});
