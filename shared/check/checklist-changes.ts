import type { Checklist, Requirement } from './checklist-schema';

/** What a project stores when a person has seen a checklist: its version and each requirement's. */
export interface ChecklistAcknowledgement {
  readonly id: string;
  readonly version: number;
  /** Requirement id → the version it was at (its `changed`, or 1) when acknowledged. */
  readonly requirementVersions: Readonly<Record<string, number>>;
}

export interface ChecklistChanges {
  /** Requirements the acknowledged version did not have. */
  readonly added: Requirement[];
  /** Requirements that changed since they were acknowledged. */
  readonly changed: Requirement[];
  /** Ids of acknowledged requirements the checklist no longer has. */
  readonly removed: string[];
}

/** The version of a requirement: the checklist version it last changed in. */
export const requirementVersion = (requirement: Requirement): number => requirement.changed ?? 1;

/** What to store once a person has seen the checklist as it is now. */
export function acknowledge(checklist: Checklist): ChecklistAcknowledgement {
  return {
    id: checklist.id,
    version: checklist.version,
    requirementVersions: Object.fromEntries(checklist.requirements.map((r) => [r.id, requirementVersion(r)])),
  };
}

/**
 * Which requirements are new or changed since the project last acknowledged the checklist. Nothing acknowledged yet
 * (or another checklist's acknowledgement) makes every requirement new.
 */
export function checklistChanges(previous: ChecklistAcknowledgement | null, current: Checklist): ChecklistChanges {
  if (!previous || previous.id !== current.id) return { added: [...current.requirements], changed: [], removed: [] };
  const seen = previous.requirementVersions;
  const added = current.requirements.filter((r) => !Object.hasOwn(seen, r.id));
  const changed = current.requirements.filter((r) => Object.hasOwn(seen, r.id) && requirementVersion(r) > (seen[r.id] ?? 0));
  const ids = new Set(current.requirements.map((r) => r.id));
  const removed = Object.keys(seen).filter((id) => !ids.has(id));
  return { added, changed, removed };
}
