import type { PolicyDocument } from '../model/document';
import { allRuns } from '../model/block-runs';
import { placeName, placesOf } from './drift';
import { variableValue, type VariableValues } from '../model/variables';

/** A variable that an export would write as `[name]`, and the sections where it stands. */
export interface UnfilledVariable {
  readonly name: string;
  /** False when the project does not define the name at all (a placeholder with no variable), not just leaves it empty. */
  readonly defined: boolean;
  /** "2.1 Your Rights", each place once, in reading order. */
  readonly places: string[];
}

export function unfilledVariables(doc: PolicyDocument, values: VariableValues): UnfilledVariable[] {
  const byName = new Map<string, { defined: boolean; places: Set<string> }>();
  let places: ReturnType<typeof placesOf> | null = null;
  const notes = new Map((doc.notes ?? []).map((note) => [note.id, note.runs]));
  doc.blocks.forEach((block, index) => {
    // A footnote's variables are the place of its mark.
    for (const run of allRuns(block).flatMap((run) => (run.note === undefined ? [run] : (notes.get(run.note) ?? [])))) {
      if (run.variable === undefined || variableValue(values, run.variable) !== undefined) continue;
      places ??= placesOf(doc, values);
      let entry = byName.get(run.variable);
      if (!entry) byName.set(run.variable, (entry = { defined: Object.hasOwn(values, run.variable), places: new Set() }));
      const place = places[index];
      if (place) entry.places.add(placeName(place));
    }
  });
  return [...byName].map(([name, { defined, places: at }]) => ({ name, defined, places: [...at] }));
}

/** One line per variable, for the CLI and for messages: `company_name (not defined) in 1 Who We Are, 9 Contact Us`. */
export function describeUnfilled(variable: UnfilledVariable): string {
  return `${variable.name}${variable.defined ? ' (no value)' : ' (not defined in the project)'} in ${variable.places.join('; ')}`;
}
