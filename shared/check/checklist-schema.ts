import { z } from 'zod';
import { ClauseIdSchema, formatField, hasNoForbiddenCharacters } from '../model/document';

/** The checklist format this version of Policywright reads. */
export const CHECKLIST_FORMAT = 1;

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max).refine(hasNoForbiddenCharacters, 'contains a control character');
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, 'must be lower-case words joined by hyphens').max(80);
/** A keyword is a word or a few words; it matches a word that starts with it ("retain" matches "retained"). */
const keyword = z
  .string()
  .trim()
  .min(2, 'must be at least two letters')
  .max(60)
  .refine((word) => word === word.toLowerCase(), 'must be lower case');

const RecogniseSchema = z
  .object({
    /** Groups of words: a section whose text holds every word of one group covers the requirement. */
    keywords: z.array(z.array(keyword).min(1, 'must hold at least one word').max(8)).max(20),
    /** Clause tag topics (a clause's `tags.topic`): a section holding a clause with one of them covers it. */
    topics: z.array(slug).max(20),
    /** Clause ids: a section holding one of these clauses covers it. */
    clauses: z.array(ClauseIdSchema).max(20),
  })
  .strict()
  .refine((r) => r.keywords.length + r.topics.length + r.clauses.length > 0, 'must name at least one keyword group, topic or clause');

export const RequirementSchema = z
  .object({
    /** Stable: a project acknowledges requirements by id, so an id is never reused for another duty. */
    id: slug,
    /** Where the law says it, article and paragraph or section and subdivision: "Art. 13(1)(a)", "§1798.100(a)(3)". */
    citation: text(200),
    title: text(200),
    /** What the policy must say, in plain words. */
    description: text(1000),
    recognise: RecogniseSchema,
    /** A starter clause (assets/clauses) that covers it, offered where it is missing. */
    clause: ClauseIdSchema.optional(),
    /** The checklist version this requirement last changed in (absent: unchanged since version 1). */
    changed: z.number().int().min(1).optional(),
  })
  .strict();
export type Requirement = z.infer<typeof RequirementSchema>;

/**
 * A law's required disclosures, shipped as data (assets/checklists/<id>.json) and versioned: the version goes up when
 * a requirement is added or changes, and that requirement's `changed` names the new version.
 */
export const ChecklistSchema = z
  .object({
    format: formatField(CHECKLIST_FORMAT, 'checklist'),
    id: slug,
    title: text(200),
    version: z.number().int().min(1),
    jurisdiction: text(60),
    /** The official text of the law. */
    source: z.string().url().refine((url) => url.startsWith('https://'), 'must be an https address'),
    requirements: z.array(RequirementSchema).min(1, 'must hold at least one requirement'),
  })
  .strict()
  .superRefine((checklist, ctx) => {
    const seen = new Set<string>();
    checklist.requirements.forEach((requirement, index) => {
      if (seen.has(requirement.id)) ctx.addIssue({ code: 'custom', path: ['requirements', index, 'id'], message: `repeats the id "${requirement.id}"` });
      seen.add(requirement.id);
      if ((requirement.changed ?? 1) > checklist.version) {
        ctx.addIssue({ code: 'custom', path: ['requirements', index, 'changed'], message: `must not be above the checklist's version ${checklist.version}` });
      }
    });
  });
export type Checklist = z.infer<typeof ChecklistSchema>;
