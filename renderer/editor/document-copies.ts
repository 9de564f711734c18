import type { CompareSource } from '../../shared/api/contract';
import type { PolicyDocument } from '../../shared/model/document';
import { localMinute } from '../../shared/model/dates';

/** The title of a copy kept while settling a conflict: says whose text it is and when it was kept. */
export function copyTitle(title: string, whose: string, now = new Date()): string {
  return `${title || 'Untitled'} (${whose}, ${localMinute(now)})`.slice(0, 300);
}

/** This window's text as a file the compare view reads: our own format, carried as base64 like any other file. */
export async function documentAsFile(doc: PolicyDocument, name: string): Promise<Extract<CompareSource, { kind: 'file' }>> {
  const bytes = new TextEncoder().encode(JSON.stringify(doc));
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return { kind: 'file', fileName: `${name}.policy.json`, base64: btoa(binary) };
}
