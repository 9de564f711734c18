import { z } from 'zod';
import { MAX_AUTHOR_LENGTH, hasNoForbiddenCharacters } from './vocabulary';

/**
 * Who the person at the keyboard is, as they told the app once: the name every comment, suggestion, version and
 * redline carries (in place of the system's account name, "root" in a container), with optional initials and email.
 */
export const IdentitySchema = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(MAX_AUTHOR_LENGTH).refine(hasNoForbiddenCharacters, 'contains a control character'),
    initials: z.string().trim().min(1).max(12).refine(hasNoForbiddenCharacters, 'contains a control character').optional(),
    email: z.string().trim().max(254).email('is not an email address').optional(),
  })
  .strict();
export type Identity = z.infer<typeof IdentitySchema>;

/** Initials made from a name ("Ada Lovelace" → "AL"): what a comment shows when the person gave none. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return words
    .slice(0, 3)
    .map((word) => [...word][0]?.toUpperCase() ?? '')
    .join('');
}
