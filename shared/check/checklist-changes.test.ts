import { describe, expect, it } from 'vitest';
import { ChecklistSchema, type Checklist, type Requirement } from './checklist-schema';
import { acknowledge, checklistChanges } from './checklist-changes';

const requirement = (id: string, changed?: number): Requirement => ({
  id,
  citation: 'Art. 13(1)(a)',
  title: id,
  description: `The ${id}.`,
  recognise: { keywords: [[id]], topics: [], clauses: [] },
  ...(changed ? { changed } : {}),
});
const checklist = (version: number, ...requirements: Requirement[]): Checklist =>
  ChecklistSchema.parse({ format: 1, id: 'gdpr', title: 'GDPR', version, jurisdiction: 'EU', source: 'https://example.com/law', requirements });

describe('checklistChanges', () => {
  const v1 = checklist(1, requirement('identity'), requirement('retention'), requirement('old-duty'));

  it('finds nothing new in the checklist the project acknowledged', () => {
    expect(checklistChanges(acknowledge(v1), v1)).toEqual({ added: [], changed: [], removed: [] });
  });

  it('finds the requirements added, changed and removed since', () => {
    const v3 = checklist(3, requirement('identity'), requirement('retention', 3), requirement('appeal', 2));
    const changes = checklistChanges(acknowledge(v1), v3);
    expect(changes.added.map((r) => r.id)).toEqual(['appeal']);
    expect(changes.changed.map((r) => r.id)).toEqual(['retention']);
    expect(changes.removed).toEqual(['old-duty']);
  });

  it('does not report again a change the project acknowledged', () => {
    const v2 = checklist(2, requirement('identity'), requirement('retention', 2));
    const v3 = checklist(3, requirement('identity'), requirement('retention', 2), requirement('appeal', 3));
    const changes = checklistChanges(acknowledge(v2), v3);
    expect(changes.changed).toEqual([]);
    expect(changes.added.map((r) => r.id)).toEqual(['appeal']);
  });

  it('takes every requirement as new when nothing, or another checklist, was acknowledged', () => {
    expect(checklistChanges(null, v1).added).toHaveLength(3);
    expect(checklistChanges({ ...acknowledge(v1), id: 'ccpa' }, v1).added).toHaveLength(3);
  });

  it('refuses a requirement changed in a version the checklist has not reached, and repeated ids', () => {
    expect(() => checklist(1, requirement('identity', 2))).toThrow(/must not be above the checklist's version 1/u);
    expect(() => checklist(1, requirement('identity'), requirement('identity'))).toThrow(/repeats the id/u);
  });
});
