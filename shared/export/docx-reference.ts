import { BuilderElement, NextAttributeComponent, XmlComponent, type IRunOptions } from 'docx';

/**
 * The bookmark on a section's heading: what the table of contents and every cross-reference to it point at. Word's
 * bookmark names are letters, digits and underscores, at most 40 of them; a leading underscore hides them, as Word
 * hides its own. A section id is at most 26 characters, so the name is at most 31.
 */
export function bookmarkName(sectionId: string): string {
  return `_Toc_${sectionId.replace(/[^A-Za-z0-9]/g, '_')}`;
}

/** A field's instruction, kept as written (its spaces are part of it). */
class FieldInstruction extends XmlComponent {
  constructor(instruction: string) {
    super('w:instrText');
    this.root.push(new NextAttributeComponent({ space: { key: 'xml:space', value: 'preserve' } }));
    this.root.push(instruction);
  }
}

const fieldChar = (type: 'begin' | 'separate' | 'end') => new BuilderElement({ name: 'w:fldChar', attributes: { type: { key: 'w:fldCharType', value: type } } });

/**
 * The runs of a cross-reference as Word's REF field to the section's bookmark: `\r` for the heading's number as its
 * list writes it, `\h` to make it a link there. The number Policywright shows is the field's cached result, so Word
 * and LibreOffice show it before any update of fields, and their own number for the same heading after one.
 */
export function referenceFieldRuns(sectionId: string, cached: string, format: IRunOptions): IRunOptions[] {
  return [
    { ...format, children: [fieldChar('begin')] },
    { ...format, children: [new FieldInstruction(` REF ${bookmarkName(sectionId)} \\r \\h `)] },
    { ...format, children: [fieldChar('separate')] },
    { ...format, text: cached },
    { ...format, children: [fieldChar('end')] },
  ];
}
