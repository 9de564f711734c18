import { AlignmentType, LevelFormat } from 'docx';
import { decimalLevelText } from '../export/docx-numbering';

/**
 * Word's decimal outline numbering ("1.", "1.1", "1.1.1"), `depth` levels deep, as the Word files the import tests read
 * carry it (the generated DOCX here and the fixtures of scripts/make-import-fixtures.mjs): level texts as the exporter
 * writes them, without its styles and indents.
 */
export function decimalOutline(reference: string, depth: number) {
  return {
    reference,
    levels: Array.from({ length: depth }, (_, level) => ({ level, format: LevelFormat.DECIMAL, text: decimalLevelText(level), alignment: AlignmentType.START })),
  };
}
