import type { Numbering } from 'docx';
import { strFromU8, strToU8 } from 'fflate';
import type { ListIds } from './docx-body';
import { BULLET_NUMBERING, HEADING_NUMBERING, NUMBER_NUMBERING } from './docx-numbering';

const REFERENCES = [HEADING_NUMBERING, BULLET_NUMBERING, NUMBER_NUMBERING];

/**
 * The lists of the document (Word's w:num, each an instance of a list definition that counts on its own). The `docx`
 * library writes the definitions and the first list of each, made here before anything else can make one; every
 * further list (a numbered list restarting at 1 after a paragraph, hundreds in a long policy) is a copy of its
 * definition's first list under an id of its own, added to the numbering part once the library has written it. Making
 * them through the library cost more than the rest of the package but the body.
 */
export class ListNumbering implements ListIds {
  /** The library's list of each definition, which the copies are made from. */
  private readonly first = new Map<string, number>();
  private readonly copies = new Map<string, number>();
  private readonly added: Array<{ numId: number; from: number }> = [];
  private next: number;

  constructor(numbering: Numbering) {
    for (const reference of REFERENCES) numbering.createConcreteNumberingInstance(reference, 0);
    let last = 0;
    for (const list of numbering.ConcreteNumbering) {
      if (list.instance === 0 && REFERENCES.includes(list.reference)) this.first.set(list.reference, list.numId);
      last = Math.max(last, list.numId);
    }
    this.next = last + 1;
  }

  numId(reference: string, instance: number): number {
    const first = this.first.get(reference);
    if (first === undefined) throw new Error(`The DOCX numbering has no list "${reference}".`);
    if (instance === 0) return first;
    const key = `${reference} ${instance}`;
    let id = this.copies.get(key);
    if (id === undefined) {
      id = this.next++;
      this.copies.set(key, id);
      this.added.push({ numId: id, from: first });
    }
    return id;
  }

  /** Adds the copies to the numbering part the library wrote (word/numbering.xml in `files`). */
  addTo(files: Record<string, Uint8Array>): void {
    if (this.added.length === 0) return;
    const part = files['word/numbering.xml'];
    if (!part) throw new Error('The DOCX package has no word/numbering.xml.');
    const xml = strFromU8(part);
    const templates = new Map<number, string>();
    for (const match of xml.matchAll(/<w:num w:numId="(\d+)">.*?<\/w:num>/g)) {
      const numId = Number(match[1]);
      // A copy must not take an id the library gave a list of its own after this was made.
      if (numId >= (this.added[0]?.numId ?? Infinity)) throw new Error('The DOCX numbering has a list made after the document’s own.');
      templates.set(numId, match[0]);
    }
    let copies = '';
    for (const { numId, from } of this.added) {
      const template = templates.get(from);
      if (template === undefined) throw new Error(`The DOCX numbering part has no list ${from} to copy.`);
      copies += template.replace(`w:numId="${from}"`, `w:numId="${numId}"`);
    }
    const end = xml.lastIndexOf('</w:numbering>');
    if (end < 0) throw new Error('The DOCX numbering part is not closed.');
    files['word/numbering.xml'] = strToU8(xml.slice(0, end) + copies + xml.slice(end));
  }
}
