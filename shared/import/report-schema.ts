import { z } from 'zod';
import type { ImportReport } from './report';

// Apart from report.ts: the window shows reports and must not load zod at start-up (renderer/startup-bundle.test.ts).
const text = z.string().max(2000);

/** A report that crossed from an import worker is checked like any other input. */
export const ImportReportSchema: z.ZodType<ImportReport> = z.object({
  format: z.enum(['text', 'markdown', 'html', 'docx']),
  headings: z.object({
    found: z.number().int().min(0),
    typedNumbers: z.number().int().min(0),
    unnumbered: z.array(text).max(100_000),
    runIn: z.number().int().min(0),
    guessed: z.boolean(),
  }),
  contents: z.object({ entries: z.number().int().min(0), title: text.nullable() }).nullable(),
  dates: z.array(z.object({ field: z.enum(['effectiveDate', 'lastUpdated', 'versionLabel']), value: text, from: text })).max(10),
  unplaced: z.array(z.object({ text, why: text })).max(100),
});
