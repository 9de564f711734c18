import { decodeEntities } from './mark-document';

/**
 * Who saved a Word file last (docProps/core.xml cp:lastModifiedBy), else who made it (dc:creator): the reviewer a
 * returned file's untracked edits are put down to. Undefined when neither is written.
 */
export function lastAuthor(coreXml: string): string | undefined {
  const head = coreXml.slice(0, 65536);
  for (const tag of ['cp:lastModifiedBy', 'dc:creator']) {
    const m = new RegExp(`<${tag}\\b[^>]*>([^<]{1,300})</${tag}>`).exec(head);
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    const name = decodeEntities(m?.[1] ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
    if (name) return name;
  }
  return undefined;
}
