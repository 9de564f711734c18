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
 * The runs of a cross-reference as Word fields to the section's bookmark: `REF … \r \h` for the heading's number as
 * its list writes it (`\h` makes it a link there), and, for a reference that shows the title too, `REF … \h` for the
 * bookmarked heading text in brackets after it. What Policywright shows is each field's cached result, so Word shows
 * it before any update of fields, and its own number for the same heading after one (LibreOffice works the result out
 * itself on opening).
 */
export function referenceFieldRuns(sectionId: string, shown: { readonly number: string; readonly title?: string }, format: IRunOptions): IRunOptions[] {
  const bookmark = bookmarkName(sectionId);
  const number = field(`REF ${bookmark} \\r \\h`, shown.number, format);
  if (shown.title === undefined) return number;
  return [...number, { ...format, text: ' (' }, ...field(`REF ${bookmark} \\h`, shown.title, format), { ...format, text: ')' }];
}

function field(instruction: string, cached: string, format: IRunOptions): IRunOptions[] {
  return [
    { ...format, children: [fieldChar('begin')] },
    { ...format, children: [new FieldInstruction(` ${instruction} `)] },
    { ...format, children: [fieldChar('separate')] },
    { ...format, text: cached },
    { ...format, children: [fieldChar('end')] },
  ];
}
