/**
 * The HEAD stage: dates, version and owner lines at the top go into the details (a line repeating what the source
 * states, as Markdown front matter does, is dropped like a repeated title), and the title is found.
 */
import { isSectionKind, readMarker, readTypedBullet } from '../markers';
import { withoutMarks } from '../runs';
import { takeDates } from './metadata';
import { isHeadingLike } from './reading';
import type { Line, Metadata } from './types';

// "Owner: Legal & Compliance", as the DOCX and Markdown exports write a policy's owner under its title.
const OWNER_LINE = /^(?:(?:policy|document)\s+)?owner\s*:\s*(\S.{0,199})$/i;

export function readHead(lines: Line[], meta: Metadata): string | null {
  let title: string | null = null;
  let titleSeen = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    if (line.raw.verbatim || line.raw.list) break;
    if (line.dates) {
      if (!takeDates(line.dates, meta)) break;
      line.role = { kind: 'drop' };
      continue;
    }
    const owner = OWNER_LINE.exec(line.text)?.[1]?.trim();
    if (owner && (!meta.owner || meta.owner === owner)) {
      meta.owner = owner;
      line.role = { kind: 'drop' };
      continue;
    }
    const known = meta.title ?? title;
    if (known !== null && sameText(line.text, known)) {
      line.role = { kind: 'drop' };
      titleSeen = true;
      continue;
    }
    if (!titleSeen && isTitleLine(lines, i)) {
      titleSeen = true;
      if (meta.title === null) {
        title = line.text.trim();
        line.role = { kind: 'drop' };
      } else {
        // The stated title differs from the one written: keep the written one as an opening paragraph.
        line.role = { kind: 'paragraph', runs: withoutMarks(line.runs, ['bold', 'underline']) };
      }
      continue;
    }
    break;
  }
  return title;
}

function isTitleLine(lines: readonly Line[], index: number): boolean {
  const line = lines[index] as Line;
  if (line.raw.isTitle) return true;
  if (line.raw.list || line.raw.verbatim || line.text.length > 300) return false;
  const marker = readMarker(line.text);
  if ((marker && isSectionKind(marker.kind)) || readTypedBullet(line.text) > 0) return false;
  const level = line.raw.headingLevel;
  // A first heading with the dates or version right under it is the title, whatever its style: many files give the
  // title the sections' own Heading 1 ("Cookie Policy" / "Version 5" / "1. What Cookies Are").
  if (level !== undefined && lines[index + 1]?.dates && isHeadingLike(line.text, 12)) return true;
  if (level !== undefined) {
    // The one top heading (h1, #) of the page is its title; one of several is a section, and so is an h2.
    if (level !== 1) return false;
    for (let j = index + 1; j < lines.length; j++) {
      const other = lines[j]?.raw.headingLevel;
      if (other !== undefined && other <= level) return false;
    }
    return true;
  }
  return isHeadingLike(line.text, 12);
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return norm(a) === norm(b) && norm(a) !== '';
}
