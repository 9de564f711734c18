import { describe, expect, it } from 'vitest';
import { PolicyDocumentSchema, RunSchema, type Block, type PolicyDocument } from '../model/document';
import { runsToPlainText } from '../model/text';
import { exportHtml } from '../export/html';
import { exportMarkdown } from '../export/markdown';
import { parseFile } from '../format/parse';
import { serializeDocument } from '../format/serialize';
import { mergeRuns } from '../format/normalize';
import { ClauseSchema, type Clause, type ClauseEdit } from './schema';
import type { LibraryClause } from './library';
import { serializeClause } from './serialize';
import { applyClauseEdit, wordingAt } from './versioning';
import { resolveRuns, textToRuns, variableRun, variableText } from '../model/variables';
import { driftOf, outdatedUses } from './drift';
import { clauseToBlocks, clauseUseSpans, unlinkBlocks } from './uses';
import { unfilledVariables } from './unfilled';
import { clauseToText, textToClauseBlocks } from './text';
import { searchClauses } from './search';
import { stem } from './stem';
import { wordDiff } from './diff';
import { policy } from '../testing/builders';

const TODAY = '2026-11-20';

function edit(overrides: Partial<ClauseEdit> = {}): ClauseEdit {
  return {
    id: 'contact',
    title: 'Contact us',
    status: 'approved',
    tags: { topic: ['contact'], jurisdiction: ['EU'] },
    blocks: [{ kind: 'paragraph', runs: textToRuns('Write to {{company_name}} at {{contact_email}}.') }],
    ...overrides,
  };
}

const doc = (blocks: Block[]): PolicyDocument => policy(blocks, { title: 'P' });

describe('variable substitution', () => {
  const runs = textToRuns('Write to {{company_name}} at {{contact_email}}.');

  it('turns placeholders into variable runs that keep their placeholder as text', () => {
    expect(runs).toEqual([
      { text: 'Write to ' },
      { text: '{{company_name}}', variable: 'company_name' },
      { text: ' at ' },
      { text: '{{contact_email}}', variable: 'contact_email' },
      { text: '.' },
    ]);
    for (const run of runs) expect(RunSchema.safeParse(run).success).toBe(true);
  });

  it('writes values, and [name] for a variable with no value or no definition', () => {
    expect(runsToPlainText(runs, { company_name: 'Northwind Ltd.', contact_email: '' })).toBe('Write to Northwind Ltd. at [contact_email].');
    expect(runsToPlainText(runs)).toBe('Write to [company_name] at [contact_email].');
    expect(variableText({}, 'constructor')).toBe('[constructor]');
  });

  it('never reads a value as markup or as another placeholder', () => {
    const values = { company_name: '<b>Acme</b> & {{contact_email}}', contact_email: 'x@example.com' };
    expect(runsToPlainText(runs, values)).toBe('Write to <b>Acme</b> & {{contact_email}} at x@example.com.');
    const d = doc([{ kind: 'paragraph', runs }]);
    const html = exportHtml(d, { fragment: true, variables: values });
    expect(html).toContain('Write to &lt;b&gt;Acme&lt;/b&gt; &amp; {{contact_email}} at x@example.com.');
    expect(html).not.toContain('<b>');
    expect(exportMarkdown(d, { variables: {} })).toContain('Write to \\[company\\_name\\] at \\[contact\\_email\\].');
  });

  it('keeps marks on a variable, and never merges it into the text beside it', () => {
    const bold = [{ text: 'Hi ', marks: ['bold' as const] }, variableRun('company_name', ['bold'])];
    expect(mergeRuns(bold)).toEqual(bold);
    expect(resolveRuns(bold, { company_name: 'Acme' })).toEqual([{ text: 'Hi ', marks: ['bold'] }, { text: 'Acme', marks: ['bold'] }]);
  });

  it('rejects a variable run whose text is not its placeholder, and a bad name', () => {
    expect(RunSchema.safeParse({ text: 'Acme', variable: 'company_name' }).success).toBe(false);
    expect(RunSchema.safeParse({ text: '{{Bad}}', variable: 'Bad' }).success).toBe(false);
    expect(textToRuns('{{Bad Name}} stays text')).toEqual([{ text: '{{Bad Name}} stays text' }]);
  });

  it('lists unfilled and undefined variables with the sections where they stand', () => {
    const d = doc([
      { kind: 'paragraph', runs: textToRuns('By {{company_name}}.') },
      { kind: 'heading', id: 's-contact01', level: 1, runs: [{ text: 'Contact' }] },
      { kind: 'paragraph', runs: runs },
    ]);
    expect(unfilledVariables(d, { company_name: '', contact_email: 'a@b.c' })).toEqual([
      { name: 'company_name', defined: true, places: ['the opening text', '1 Contact'] },
    ]);
    expect(unfilledVariables(d, {}).map((v) => [v.name, v.defined])).toEqual([['company_name', false], ['contact_email', false]]);
  });
});

describe('versioning', () => {
  it('starts at version 1 with no history', () => {
    const clause = applyClauseEdit(null, edit(), TODAY);
    expect(clause).toMatchObject({ version: 1, history: [], updated: TODAY });
    expect(ClauseSchema.safeParse(clause).success).toBe(true);
  });

  it('gives an approved clause a new version when its wording changes, and keeps the earlier one', () => {
    const v1 = applyClauseEdit(null, edit(), '2026-01-01');
    const v2 = applyClauseEdit(v1, edit({ blocks: [{ kind: 'paragraph', runs: textToRuns('Email {{contact_email}}.') }] }), TODAY);
    const v3 = applyClauseEdit(v2, edit({ title: 'Contacting us', blocks: v2.blocks }), TODAY);
    expect([v1.version, v2.version, v3.version]).toEqual([1, 2, 3]);
    expect(v3.history.map((h) => h.version)).toEqual([1, 2]);
    expect(wordingAt(v3, 1)?.blocks).toEqual(v1.blocks);
    expect(wordingAt(v3, 3)?.title).toBe('Contacting us');
    expect(wordingAt(v3, 4)).toBeNull();
    // the file reads back as it was written
    expect(parseFile(ClauseSchema, serializeClause(v3), 'contact.clause.json')).toEqual(v3);
  });

  it('edits a draft in place, and changes no version for tags or status alone', () => {
    const draft = applyClauseEdit(null, edit({ status: 'draft' }), TODAY);
    const reworded = applyClauseEdit(draft, edit({ status: 'draft', title: 'Reach us' }), TODAY);
    expect(reworded.version).toBe(1);
    const approved = applyClauseEdit(reworded, edit({ status: 'approved', title: 'Reach us', tags: { topic: ['contact', 'dpo'], jurisdiction: [] } }), TODAY);
    expect(approved.version).toBe(1);
    expect(approved.history).toEqual([]);
  });

  it('refuses a history that does not count up below the current version', () => {
    const v2 = applyClauseEdit(applyClauseEdit(null, edit(), TODAY), edit({ title: 'Other' }), TODAY);
    const bad = { ...v2, history: [{ ...v2.history[0], version: 2 }] };
    expect(() => parseFile(ClauseSchema, JSON.stringify(bad), 'contact.clause.json')).toThrow(/history\[0\]\.version must be above 0 and below the current version 2/);
  });
});

describe('clause uses: insert, drift, lock and unlink', () => {
  const v1: Clause = applyClauseEdit(null, edit(), TODAY);
  const v2: Clause = applyClauseEdit(v1, edit({ blocks: [{ kind: 'paragraph', runs: textToRuns('Email {{contact_email}}.') }] }), TODAY);
  const blocks: Block[] = [
    { kind: 'heading', id: 's-intro0001', level: 1, runs: [{ text: 'Intro' }] },
    ...clauseToBlocks(v1, { source: 'project', useId: 'u-aaaaaa0001', heading: { id: 's-contact01', level: 1 } }),
    ...clauseToBlocks({ ...v1, status: 'draft' }, { source: 'team', useId: 'u-aaaaaa0002' }),
  ];

  it('records which clause, version and state on every block of an insertion, and the file stays valid', () => {
    expect(blocks[1]).toMatchObject({ kind: 'heading', id: 's-contact01', runs: [{ text: 'Contact us' }], clause: { use: 'u-aaaaaa0001', id: 'contact', version: 1, state: 'locked' } });
    expect(blocks[3]?.clause).toMatchObject({ use: 'u-aaaaaa0002', source: 'team', state: 'linked' });
    const d = doc(blocks);
    expect(parseFile(PolicyDocumentSchema, serializeDocument(d), 'p.policy.json')).toEqual(d);
    expect(serializeDocument(d)).toContain('{"kind":"paragraph","clause":{"use":"u-aaaaaa0001","id":"contact","source":"project","version":1,"state":"locked"},"runs":[');
    expect(clauseUseSpans(blocks).map((s) => [s.use.use, s.start, s.end])).toEqual([['u-aaaaaa0001', 1, 3], ['u-aaaaaa0002', 3, 4]]);
  });

  it('finds the uses of an older version, in the section where they stand', () => {
    const lookup = (source: string, id: string) => (source === 'project' && id === 'contact' ? v2 : undefined);
    expect(driftOf(blocks, lookup).map((d) => [d.use.use, d.latest])).toEqual([['u-aaaaaa0001', 2], ['u-aaaaaa0002', null]]);
    expect(outdatedUses(doc(blocks), lookup)[0]).toMatchObject({ clauseId: 'contact', version: 1, latest: 2, place: { number: '2', title: 'Contact us' } });
    expect(driftOf(blocks, () => v1).map((d) => d.use.use)).toEqual([]);
  });

  it('unlinking turns a use into ordinary text that remembers the clause and version, and drifts no more', () => {
    const unlinked = unlinkBlocks(blocks, 'u-aaaaaa0001');
    expect(unlinked.slice(1, 3).map((b) => b.clause?.state)).toEqual(['unlinked', 'unlinked']);
    expect(unlinked[1]?.clause?.version).toBe(1);
    expect(unlinked[3]).toBe(blocks[3]);
    expect(driftOf(unlinked, () => v2).map((d) => d.use.use)).toEqual(['u-aaaaaa0002']);
  });
});

describe('clause text, search and diff', () => {
  it('round-trips paragraphs, lists and variables through the editing box, keeping formatting of unchanged blocks', () => {
    const blocks = [
      { kind: 'paragraph' as const, runs: [{ text: 'You may ' }, { text: 'ask', marks: ['bold' as const] }, { text: ' us to:' }] },
      { kind: 'list-item' as const, list: 'bullet' as const, indent: 0, runs: textToRuns('access it via {{contact_email}};') },
      { kind: 'list-item' as const, list: 'number' as const, indent: 1, runs: [{ text: 'erase it.' }] },
    ];
    const text = clauseToText(blocks);
    expect(text).toBe('You may ask us to:\n\n- access it via {{contact_email}};\n  1. erase it.');
    expect(textToClauseBlocks(text, blocks)).toEqual(blocks);
    expect(textToClauseBlocks('New\nline joined\n\n\n- item', blocks)).toEqual([
      { kind: 'paragraph', runs: [{ text: 'New line joined' }] },
      { kind: 'list-item', list: 'bullet', indent: 0, runs: [{ text: 'item' }] },
    ]);
  });

  it('searches titles, text and tags, and filters by tag', () => {
    const lib = (id: string, title: string, body: string, topic: string, status: Clause['status'] = 'approved'): LibraryClause => ({
      ...applyClauseEdit(null, edit({ id, title, status, tags: { topic: [topic], jurisdiction: ['EU'] }, blocks: [{ kind: 'paragraph', runs: textToRuns(body) }] }), TODAY),
      source: 'project',
      file: `${id}.clause.json`,
      undefinedVariables: [],
    });
    const clauses = [lib('retention', 'Data retention', 'We keep data only as long as needed.', 'retention'), lib('cookies', 'Cookies', 'We use cookies to keep data.', 'cookies'), lib('old', 'Old retention', 'Gone.', 'retention', 'deprecated')];
    expect(searchClauses(clauses, { text: 'reten' }).map((c) => c.id)).toEqual(['retention', 'old']);
    expect(searchClauses(clauses, { text: 'keep DATA' }).map((c) => c.id)).toEqual(['retention', 'cookies']); // "data" is in retention's title
    expect(searchClauses(clauses, { tag: 'topic:cookies' }).map((c) => c.id)).toEqual(['cookies']);
    expect(searchClauses(clauses, { text: 'nothing' })).toEqual([]);
  });

  it('finds a word\'s family by its stem, and not words that only start alike', () => {
    const lib = (id: string, title: string, body: string): LibraryClause => ({
      ...applyClauseEdit(null, edit({ id, title, tags: { topic: ['general'], jurisdiction: [] }, blocks: [{ kind: 'paragraph', runs: textToRuns(body) }] }), TODAY),
      source: 'project',
      file: `${id}.clause.json`,
      undefinedVariables: [],
    });
    const clauses = [
      lib('retention', 'Data Retention', 'We keep personal information only as long as we need it.'),
      lib('kept', 'Records', 'Records are retained for six years.'),
      lib('dates', 'Effective dates', 'This policy takes effect on the date shown.'),
      lib('transfers', 'Transfers', 'Data transferred abroad is protected.'),
      lib('regain', 'Access', 'You may regain access or return the device.'),
    ];
    const ids = (text: string) => searchClauses(clauses, { text }).map((c) => c.id).sort();
    expect(ids('retain')).toEqual(['kept', 'retention']);
    expect(ids('retention')).toEqual(['kept', 'retention']);
    expect(ids('retaining')).toEqual(['kept', 'retention']);
    expect(ids('Retained')).toEqual(['kept', 'retention']);
    expect(ids('transfer')).toEqual(['transfers']);
    expect(ids('policies')).toEqual(['dates']);
    // Negative: same first letters, another word.
    expect(ids('data')).toEqual(['retention', 'transfers']); // not "date"
    expect(ids('date')).toEqual(['dates']);
    expect(ids('retail')).toEqual([]);
    expect(ids('rent')).toEqual([]);
    expect(ids('retainer')).toEqual(['kept', 'retention']); // one suffix goes: "retainer" is still of the family
  });

  it('stems words of one family alike', () => {
    expect(new Set(['retain', 'retains', 'retained', 'retaining', 'retention', 'retentive'].map(stem))).toEqual(new Set(['reten']));
    expect(stem('processing')).toBe(stem('processes'));
    expect(stem('cookies')).toBe(stem('cookie'));
    expect(stem('data')).not.toBe(stem('date'));
    expect(stem('use')).toBe('use');
    expect(stem('uses')).toBe('use');
  });

  it('diffs two wordings word by word', () => {
    expect(wordDiff('We keep data for 30 days.', 'We keep data for 90 days.')).toEqual([
      { kind: 'same', text: 'We keep data for ' },
      { kind: 'removed', text: '30 ' },
      { kind: 'added', text: '90 ' },
      { kind: 'same', text: 'days.' },
    ]);
  });
});
