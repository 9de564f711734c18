import type { Block, ClauseSource, PolicyDocument } from '../model/document';
import { outlineOf } from '../numbering/outline';
import { clauseUseSpans, type ClauseUseSpan } from './uses';
import { clauseKey } from './library';
import type { Clause } from './schema';
import type { VariableValues } from '../model/variables';

export type ClauseLookup = (source: ClauseSource, id: string) => Clause | undefined;

/** Finds library clauses by source and id: the one lookup the app, the API and the CLI all use. */
export function clauseLookup<C extends Clause & { source: ClauseSource }>(clauses: readonly C[]): (source: ClauseSource, id: string) => C | undefined {
  const byKey = new Map(clauses.map((c) => [clauseKey(c.source, c.id), c]));
  return (source, id) => byKey.get(clauseKey(source, id));
}

/** A clause use whose library clause has moved on (or disappeared). Unlinked text is the person's own: never drift. */
export interface Drift extends ClauseUseSpan {
  readonly latest: number | null;
  readonly deprecated: boolean;
}

export function driftOf(blocks: readonly Block[], lookup: ClauseLookup): Drift[] {
  const out: Drift[] = [];
  for (const span of clauseUseSpans(blocks)) {
    if (span.use.state === 'unlinked') continue;
    const clause = lookup(span.use.source, span.use.id);
    if (clause && clause.version <= span.use.version && clause.status !== 'deprecated') continue;
    out.push({ ...span, latest: clause?.version ?? null, deprecated: clause?.status === 'deprecated' });
  }
  return out;
}

/** Where a block stands: the section it belongs to, by id, number and title (null before the first heading). */
export interface Place {
  readonly sectionId: string | null;
  readonly number: string;
  readonly title: string;
}

/** The place of every block, in one pass. */
export function placesOf(doc: Pick<PolicyDocument, 'blocks' | 'numbering'>, values?: VariableValues): Place[] {
  const outline = outlineOf(doc, values);
  const places: Place[] = [];
  let current: Place = { sectionId: null, number: '', title: '' };
  let h = 0;
  for (const block of doc.blocks) {
    if (block.kind === 'heading') {
      const entry = outline[h++];
      current = { sectionId: block.id, number: entry?.number ?? '', title: entry?.title ?? '' };
    }
    places.push(current);
  }
  return places;
}

/** "2.1 Your Rights", or "the opening text" for what stands before the first heading. */
export function placeName(place: Place): string {
  return place.sectionId === null ? 'the opening text' : `${place.number} ${place.title}`.trim();
}

export interface OutdatedUse {
  readonly useId: string;
  readonly clauseId: string;
  readonly source: ClauseSource;
  readonly title: string;
  readonly version: number;
  readonly latest: number | null;
  readonly deprecated: boolean;
  readonly place: Place;
}

/** Every outdated clause use in one document, with the section it stands in. */
export function outdatedUses(doc: PolicyDocument, lookup: ClauseLookup, values?: VariableValues): OutdatedUse[] {
  const drift = driftOf(doc.blocks, lookup);
  if (drift.length === 0) return [];
  const places = placesOf(doc, values);
  return drift.map((d) => ({
    useId: d.use.use,
    clauseId: d.use.id,
    source: d.use.source,
    title: lookup(d.use.source, d.use.id)?.title ?? d.use.id,
    version: d.use.version,
    latest: d.latest,
    deprecated: d.deprecated,
    place: places[d.start] ?? { sectionId: null, number: '', title: '' },
  }));
}

/** How an outdated use is described to a person, in one phrase. */
export function driftPhrase(use: Pick<OutdatedUse, 'clauseId' | 'version' | 'latest' | 'deprecated'>): string {
  if (use.latest === null) return `clause ${use.clauseId} v${use.version} is no longer in the library`;
  if (use.deprecated) return `clause ${use.clauseId} is deprecated`;
  return `clause ${use.clauseId} v${use.version}, v${use.latest} available`;
}
