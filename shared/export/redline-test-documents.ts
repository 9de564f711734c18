import { PolicyDocumentSchema, type Block, type PolicyDocument } from '../model/document';
import { mapRunLists, runLists } from '../model/block-runs';
import { blocksForReaders } from '../numbering/references';
import { seeded } from '../testing/seeded-random';
import { bold, h, li, p, policy, section } from '../testing/builders';

/**
 * Two editions of a small policy for the redline exporters' tests, between them every kind of change a redline must
 * carry: words changed in a paragraph (next to bold text), a paragraph split in two, two paragraphs joined, an added
 * section, a deleted section, a section moved and edited, sections renumbered by those, a bullet list and a numbered
 * list changed, a link, and changed document details.
 */

function edition(title: string, extra: Partial<PolicyDocument>, blocks: Block[]): PolicyDocument {
  return policy(blocks, {
    title,
    effectiveDate: '2026-01-15',
    lastUpdated: '2026-01-15',
    versionLabel: '1.0',
    owner: 'Legal & Compliance',
    ...extra,
  });
}

// The sections both editions have, each written once: what differs between the editions is what they are given.
const OPENING = p('This policy explains how Northwind handles personal data.');
const introduction = (registeredIn: string) =>
  section(1, 's-intro01', 'Introduction', p('We are ', bold('Northwind Analytics Ltd.'), `, a company registered in ${registeredIn}.`));
const collected = (...body: string[]) => section(1, 's-collect1', 'Information We Collect', ...body);
const givenByYou = (...body: string[]) => section(2, 's-direct01', 'Information You Give Us', ...body);
const logged = (...items: string[]) => section(2, 's-autom001', 'Information Collected Automatically', 'Our servers log:', ...items.map((item) => li(item)));
const retention = (years: string) => section(1, 's-retain01', 'Retention', `We keep your data for ${years} years after you close your account.`);
const rights = (...items: string[]) => section(1, 's-rights01', 'Your Rights', 'You may ask us to:', ...items.map((item) => li(item, 'number')));
const contact = (ending: string) =>
  section(1, 's-contact1', 'Contact Us', p('Write to ', { text: 'privacy@northwind.example', link: 'mailto:privacy@northwind.example' }, ending));

export const OLD_EDITION: PolicyDocument = edition('Privacy Policy', {}, [
  OPENING,
  ...introduction('England'),
  ...collected('We collect your name and email address. We also collect your postal address when you order.'),
  ...givenByYou('You give us details when you sign up.', 'You may also write to us.'),
  ...logged('your IP address;', 'your browser type;', 'the pages you visit.'),
  ...section(1, 's-share001', 'Sharing', p('We never ', bold('sell'), ' or share your data.')),
  ...retention('six'),
  ...rights('correct your data;', 'delete your data.'),
  ...contact('.'),
]);

export const NEW_EDITION: PolicyDocument = edition('Privacy Notice', { lastUpdated: '2026-11-02', versionLabel: '2.0' }, [
  OPENING,
  ...introduction('England and Wales'),
  ...retention('seven'),
  ...collected('We collect your name and email address.', 'We also collect your postal address when you order.'),
  ...givenByYou('You give us details when you sign up. You may also write to us.'),
  ...logged('your IP address;', 'your device type;', 'the pages you visit;', 'the time of your visit.'),
  ...section(1, 's-cookie01', 'Cookies', p('We use ', bold('strictly necessary'), ' cookies to remember your settings.')),
  ...rights('correct your data;', 'delete your data;', 'send you a copy of your data.'),
  ...contact(' or call us.'),
]);

/**
 * The text of a document as a reader gets it, whitespace closed up: its blocks' text in order (a table's caption and
 * cells each as a line), cross-references as their sections' numbers in this edition.
 */
export function documentText(doc: PolicyDocument): string {
  const lines = blocksForReaders(doc.blocks, doc.numbering).flatMap((block) => runLists(block).map((runs) => runs.map((run) => run.text).join('')));
  return normalizeText(lines.join('\n'));
}

export function normalizeText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The bench's document and an edited edition of it, from `buildDocument` of scripts/bench/generate.mjs (2,000
 * sections, about 100,000 words), which the tests load: shared/ does not reach into scripts/. With `sections`, only
 * the document's first sections: the same kinds of change on a document small enough for the correctness checks.
 */
export function benchEditions(
  buildDocument: BenchGenerator,
  sections?: number,
): { old: PolicyDocument; new: PolicyDocument } {
  // Without the bench's stored cross-references: a redline shows an unchanged reference by its new number, so the old
  // edition read back from it would differ by renumbering alone (references in redlines have tests of their own).
  const whole = PolicyDocumentSchema.parse(buildDocument(seeded(1), { references: 0 }).doc);
  const old = sections === undefined ? whole : { ...whole, blocks: firstSections(whole.blocks, sections) };
  return { old, new: editBench(old, seeded(7)) };
}

/** The blocks before the heading of section `count + 1` (counting sections at every level). */
function firstSections(blocks: Block[], count: number): Block[] {
  let seen = 0;
  const end = blocks.findIndex((block) => block.kind === 'heading' && ++seen > count);
  return end === -1 ? blocks : blocks.slice(0, end);
}

/** The bench's document generator, loaded from scripts/ by the tests that use the bench's document. */
type BenchGenerator = (random: () => number, options?: { references?: number }) => { doc: unknown };

export async function loadBenchGenerator(): Promise<BenchGenerator> {
  const generator = new URL('../../scripts/bench/generate.mjs', import.meta.url).href;
  return ((await import(generator)) as { buildDocument: BenchGenerator }).buildDocument;
}

/** How many sections of the bench's document the correctness checks use: every kind of change, in seconds. */
export const CHECKED_SECTIONS = 200;

/**
 * The bench's edited edition: about one paragraph in fifty with a word changed, some paragraphs split and some list
 * items joined, sections deleted, added and moved. Seeded, so a failure can be rebuilt.
 */
export function editBench(doc: PolicyDocument, random: () => number): PolicyDocument {
  const blocks = doc.blocks.map((block) => mapRunLists(block, (runs) => runs.map((run) => ({ ...run }))));
  const int = (n: number) => Math.floor(random() * n);
  const headings = () => blocks.flatMap((block, i) => (block.kind === 'heading' ? [i] : []));
  const sectionAt = (start: number) => {
    let end = start + 1;
    while (end < blocks.length && blocks[end]?.kind !== 'heading') end++;
    return end;
  };
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    // The bench's document has no tables; its paragraphs and list items are what an editor edits.
    if (!block || block.kind === 'heading' || block.kind === 'table') continue;
    const run = block.runs.at(-1);
    if (!run) continue;
    const r = random();
    if (r < 0.02) run.text = run.text.replace(/\b(\w+)\b/, 'amended');
    else if (r < 0.025 && block.kind === 'paragraph' && run.text.includes('. ')) {
      const at = run.text.indexOf('. ') + 1;
      const tail = run.text.slice(at + 1);
      run.text = run.text.slice(0, at);
      blocks.splice(i + 1, 0, { kind: 'paragraph', runs: [{ text: tail }] });
      i++;
    } else if (r < 0.03 && block.kind === 'list-item' && blocks[i + 1]?.kind === 'list-item') {
      const next = blocks[i + 1];
      run.text = `${run.text} ${next?.kind === 'list-item' ? next.runs.map((x) => x.text).join('') : ''}`;
      blocks.splice(i + 1, 1);
    }
  }
  for (let k = 0; k < 5; k++) {
    const list = headings();
    const start = list[1 + int(list.length - 1)] ?? 0;
    blocks.splice(start, sectionAt(start) - start);
  }
  for (let k = 0; k < 5; k++) {
    const list = headings();
    const at = list[1 + int(list.length - 1)] ?? 0;
    const target = blocks[at];
    const level = target?.kind === 'heading' ? target.level : 1;
    blocks.splice(at, 0, h(level, `s-added${String(k).padStart(4, '0')}`, `Added Section ${k}`), p(`New obligations number ${k} apply from the effective date.`));
  }
  for (let k = 0; k < 3; k++) {
    const list = headings();
    const start = list[1 + int(list.length - 1)] ?? 0;
    const moved = blocks.splice(start, sectionAt(start) - start);
    const target = headings();
    const to = target[1 + int(target.length - 1)] ?? blocks.length;
    const body = moved[1];
    if (body?.kind === 'paragraph' && body.runs[0]) body.runs[0].text = `Moved and edited: ${body.runs[0].text}`;
    blocks.splice(to, 0, ...moved);
  }
  return { ...doc, blocks, versionLabel: 'bench edited', lastUpdated: '2026-12-01' };
}


/**
 * Two editions with format 4's blocks, for the redlines' tests of tables: a table with a header row whose cell was
 * edited, a row added and a row deleted; a second table that gained a column (deleted and inserted whole); a link
 * whose address alone changed; a footnote whose text changed; a heading that no longer takes a number.
 */
const cellRows = (rows: string[][]) => rows.map((cells) => ({ cells: cells.map((text) => ({ runs: [{ text }] })) }));
export const TABLE_ROWS_OLD = [
  ['Data', 'Kept for'],
  ['Account details', 'six years'],
  ['Server logs', '90 days'],
  ['Marketing choices', 'until you change them'],
];
export const TABLE_ROWS_NEW = [
  ['Data', 'Kept for'],
  ['Account details', 'seven years'],
  ['Payment records', 'ten years'],
  ['Server logs', '90 days'],
];
export const WIDE_ROWS_OLD = [
  ['Processor', 'Country'],
  ['Mailer Ltd', 'Ireland'],
];
export const WIDE_ROWS_NEW = [
  ['Processor', 'Country', 'Safeguard'],
  ['Mailer Ltd', 'Ireland', 'None needed'],
];
const tablesEdition = (rows: string[][], wide: string[][], link: string, note: string, unnumbered: boolean): PolicyDocument => ({
  ...edition('Retention Notice', {}, [
    { kind: 'heading', id: 's-summary1', level: 1, runs: [{ text: 'Summary' }], ...(unnumbered ? { unnumbered: true as const } : {}) },
    p('We keep data only as long as we need it', { text: '{{note:n-law001}}', note: 'n-law001' }, '.'),
    ...section(1, 's-retain01', 'Retention', 'We keep:', { kind: 'table', header: true, rows: cellRows(rows) }, 'Then we delete it.'),
    ...section(1, 's-process1', 'Processors', { kind: 'table', header: true, rows: cellRows(wide) }),
    ...section(1, 's-contact1', 'Contact', p('Write to ', { text: 'our privacy team', link }, '.')),
  ]),
  notes: [{ id: 'n-law001', runs: [{ text: note }] }],
});
export const TABLES_OLD = tablesEdition(TABLE_ROWS_OLD, WIDE_ROWS_OLD, 'mailto:privacy@northwind.example', 'As the law requires.', false);
export const TABLES_NEW = tablesEdition(TABLE_ROWS_NEW, WIDE_ROWS_NEW, 'mailto:dpo@northwind.example', 'As the law and our contracts require.', true);
