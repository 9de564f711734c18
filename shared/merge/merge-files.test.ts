import { describe, expect, it } from 'vitest';
import { serializeDocument, serializeManifest } from '../format/serialize';
import { MANIFEST_FORMAT_VERSION } from '../model/document';
import { serializeVariables } from '../model/variables';
import { h, p, policy } from '../testing/builders';
import { mergeDocumentFile, mergeManifestFile, mergeVariablesFile, mergeWholeFile } from './merge-files';

const manifest = (documents: string[], name = 'Policies') => serializeManifest({ format: MANIFEST_FORMAT_VERSION, name, documents });
const doc = (...texts: string[]) => serializeDocument(policy([h(1, 's-intro0001', 'Introduction'), ...texts.map((t) => p(t))]));

describe('merging project files', () => {
  it('takes the one side that changed a file, and the same change once', () => {
    const base = 'one';
    expect(mergeWholeFile({ name: 'a', base, mine: base, theirs: 'two' })).toEqual({ text: 'two', conflicts: [] });
    expect(mergeWholeFile({ name: 'a', base, mine: 'two', theirs: base })).toEqual({ text: 'two', conflicts: [] });
    expect(mergeWholeFile({ name: 'a', base, mine: 'two', theirs: 'two' })).toEqual({ text: 'two', conflicts: [] });
    expect(mergeWholeFile({ name: 'a', base, mine: null, theirs: base })).toEqual({ text: null, conflicts: [] });
  });

  it('keeps a file deleted by one side and changed by the other, as a conflict', () => {
    expect(mergeWholeFile({ name: 'a', base: 'one', mine: null, theirs: 'two' })).toEqual({
      text: 'two',
      conflicts: [{ kind: 'whole-file', base: 'one', mine: null, theirs: 'two' }],
    });
  });

  it('calls a clause file changed differently by both a conflict, and keeps mine meanwhile', () => {
    const merged = mergeWholeFile({ name: 'clauses/x.clause.json', base: 'one', mine: 'mine', theirs: 'theirs' });
    expect(merged.text).toBe('mine');
    expect(merged.conflicts).toEqual([{ kind: 'whole-file', base: 'one', mine: 'mine', theirs: 'theirs' }]);
  });

  it('merges a document by paragraph, and writes it in the stored format', () => {
    const merged = mergeDocumentFile({ name: 'documents/p.policy.json', base: doc('A.', 'B.'), mine: doc('A!', 'B.'), theirs: doc('A.', 'B!') });
    expect(merged).toEqual({ text: doc('A!', 'B!'), conflicts: [] });
  });

  it('merges a document both sides made, with no common base, from nothing', () => {
    const merged = mergeDocumentFile({ name: 'documents/p.policy.json', base: null, mine: doc('Mine.'), theirs: doc('Theirs.') });
    expect(merged.conflicts).toMatchObject([{ kind: 'both-added', key: 's-intro0001' }]);
  });

  it('names the file and the side of a document that cannot be read', () => {
    expect(() => mergeDocumentFile({ name: 'documents/p.policy.json', base: doc('A.'), mine: '{', theirs: doc('B.') })).toThrow(/documents\/p\.policy\.json \(mine\)/);
  });

  it('keeps documents both sides added to the project, and each side’s deletion', () => {
    const merged = mergeManifestFile({ name: 'policywright.json', base: manifest(['a', 'b']), mine: manifest(['a', 'b', 'c']), theirs: manifest(['b', 'd']) });
    expect(merged).toEqual({ text: manifest(['b', 'c', 'd']), conflicts: [] });
  });

  it('calls the project renamed differently by both a conflict', () => {
    const merged = mergeManifestFile({ name: 'policywright.json', base: manifest(['a']), mine: manifest(['a'], 'Mine'), theirs: manifest(['a', 'b'], 'Theirs') });
    expect(merged.text).toBe(manifest(['a', 'b'], 'Mine'));
    expect(merged.conflicts).toEqual([{ kind: 'value', name: 'name', base: 'Policies', mine: 'Mine', theirs: 'Theirs' }]);
  });

  it('merges variables name by name', () => {
    const base = serializeVariables({ company: 'Northwind', email: 'a@x.com', city: 'Leeds' });
    const mine = serializeVariables({ company: 'Northwind Ltd', email: 'a@x.com', city: 'York' });
    const theirs = serializeVariables({ company: 'Northwind', email: 'b@x.com', dpo: 'Ann', city: 'Hull' });
    const merged = mergeVariablesFile({ name: 'variables.json', base, mine, theirs });
    expect(merged.text).toBe(serializeVariables({ company: 'Northwind Ltd', email: 'b@x.com', dpo: 'Ann', city: 'York' }));
    expect(merged.conflicts).toEqual([{ kind: 'value', name: 'city', base: 'Leeds', mine: 'York', theirs: 'Hull' }]);
  });
});
