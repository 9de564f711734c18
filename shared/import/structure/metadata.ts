/**
 * The DATES stage and the document's details: what the source states, labelled dates taken from before the first
 * section and from the very end, "effective as of" inside a sentence, and the title of last resort.
 */
import { stripForbiddenCharacters } from '../../model/document';
import { findEffectiveDateInSentence, findUpdatedDateInSentence, type LabelledDate } from '../dates';
import type { RawMetadata } from '../raw';
import type { Line, Metadata } from './types';

export function initialMetadata(m: RawMetadata | undefined): Metadata {
  return {
    title: m?.title?.trim() ? m.title.trim() : null,
    effectiveDate: m?.effectiveDate ?? null,
    lastUpdated: m?.lastUpdated ?? null,
    versionLabel: (m?.versionLabel ?? '').slice(0, 100),
    owner: (m?.owner ?? '').slice(0, 200),
    numbering: m?.numbering ?? null,
    language: m?.language ?? null,
  };
}

/** Puts the dates (and version label) in the metadata if none contradicts one already there; false (and nothing set) if one does. */
export function takeDates(dates: readonly LabelledDate[], meta: Metadata): boolean {
  const proposed: Partial<Record<LabelledDate['kind'], string>> = {};
  for (const d of dates) {
    const current = proposed[d.kind] ?? (meta[d.kind] || null);
    if (current !== null && current !== d.value) return false;
    proposed[d.kind] = d.value;
  }
  for (const d of dates) meta[d.kind] = d.value;
  return true;
}

export function readDatesAround(lines: Line[], meta: Metadata): void {
  // Before the first section …
  for (const line of lines) {
    if (line.role?.kind === 'heading') break;
    if (line.dates && line.role?.kind !== 'drop' && takeDates(line.dates, meta)) line.role = { kind: 'drop' };
  }
  // … and at the very end.
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] as Line;
    if (line.role?.kind === 'drop') continue;
    if (!line.dates || line.role?.kind === 'heading' || !takeDates(line.dates, meta)) break;
    line.role = { kind: 'drop' };
  }
  if (meta.lastUpdated === null) {
    // "This policy was last updated on 5 May 2024." before the first section: the sentence stays.
    for (const line of lines) {
      if (line.role?.kind === 'heading') break;
      if (line.role?.kind === 'drop' || line.raw.verbatim) continue;
      const iso = findUpdatedDateInSentence(line.text);
      if (iso) {
        meta.lastUpdated = iso;
        break;
      }
    }
  }
  if (meta.effectiveDate === null) {
    for (const line of lines) {
      if (line.role?.kind === 'drop' || line.raw.verbatim) continue;
      const iso = findEffectiveDateInSentence(line.text);
      if (iso) {
        meta.effectiveDate = iso;
        break;
      }
    }
  }
}

export function cleanTitle(title: string | null | undefined): string {
  return stripForbiddenCharacters(title ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 300)
    .trim();
}

export function titleFromFileName(fileName: string | undefined): string {
  if (!fileName) return '';
  const base = fileName.split(/[\\/]/).pop() ?? '';
  return base.replace(/\.[A-Za-z0-9]{1,9}$/, '').replace(/[_]+/g, ' ');
}
