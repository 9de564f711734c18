import { z } from 'zod';
import { DocumentIdSchema, SectionIdSchema, formatField, hasNoForbiddenCharacters } from '../model/document';
import { CHECK_RULES, type CheckRule } from './finding';
import { MAX_REASON, type ProjectChecks } from './project-checks';

/** The checks file format this version of Policywright reads. */
export const CHECKS_FORMAT = 1;

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, 'must be lower-case words joined by hyphens').max(80);
const ruleIds = Object.keys(CHECK_RULES) as [CheckRule, ...CheckRule[]];

/** One line: a reason is read in a list, and a line break in it would be lost in the CLI's output. */
export const DismissalReasonSchema = z
  .string()
  .trim()
  .min(1, 'must say why')
  .max(MAX_REASON, `must be at most ${MAX_REASON} characters`)
  .refine((reason) => hasNoForbiddenCharacters(reason) && !/[\r\n]/u.test(reason), 'must be one line');

export const FindingKeySchema = z
  .object({
    rule: z.enum(ruleIds),
    sectionId: SectionIdSchema.nullable(),
    excerpt: z.string().max(1000).refine(hasNoForbiddenCharacters, 'contains a control character'),
  })
  .strict();

export const DismissalSchema = FindingKeySchema.extend({
  document: DocumentIdSchema,
  reason: DismissalReasonSchema,
  at: z.iso.datetime({ message: "must be an ISO time" }),
}).strict();

export const AcknowledgementSchema = z
  .object({
    id: slug,
    version: z.number().int().min(1),
    requirementVersions: z.record(slug, z.number().int().min(1)),
  })
  .strict();

export const LawsSchema = z.array(slug).max(20);

/** The project's `checks.json`. */
export const ChecksFileSchema = z
  .object({
    format: formatField(CHECKS_FORMAT, 'checks file'),
    dismissed: z.array(DismissalSchema).max(10_000),
    laws: z.record(DocumentIdSchema, LawsSchema),
    acknowledged: z.array(AcknowledgementSchema).max(100),
  })
  .strict() satisfies z.ZodType<ProjectChecks & { format: number }>;
