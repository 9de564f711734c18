import { z } from 'zod';
import { EMAIL_PATTERN, MAX_EMAIL_LENGTH, MAX_INITIALS_LENGTH, type Identity } from './identity';
import { MAX_AUTHOR_LENGTH, hasNoForbiddenCharacters } from './vocabulary';

/** The identity as the API takes it and the settings file keeps it: the rule of identity.ts, trimmed. */
export const IdentitySchema = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(MAX_AUTHOR_LENGTH).refine(hasNoForbiddenCharacters, 'contains a control character'),
    initials: z.string().trim().min(1).max(MAX_INITIALS_LENGTH).refine(hasNoForbiddenCharacters, 'contains a control character').optional(),
    email: z.string().trim().max(MAX_EMAIL_LENGTH).regex(EMAIL_PATTERN, 'is not an email address').optional(),
  })
  .strict() satisfies z.ZodType<Identity>;
