import { MAX_AUTHOR_LENGTH, hasNoForbiddenCharacters } from './vocabulary';

/**
 * Who the person at the keyboard is, as they told the app once: the name every comment, suggestion, version and
 * redline carries (in place of the system's account name, "root" in a container), with optional initials and email.
 * Plain TypeScript, so the window checks a name as it is typed without loading zod at start-up; identity-schema.ts
 * is the same rule for the API and the settings file.
 */
export interface Identity {
  name: string;
  initials?: string;
  email?: string;
}

export const MAX_INITIALS_LENGTH = 12;
export const MAX_EMAIL_LENGTH = 254;
/** An address as a person would write one; the mail server, not this app, decides whether it exists. */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The identity as kept (trimmed, empty optional fields left out), or the sentence that says what is wrong. */
export function checkIdentity(input: { name: string; initials?: string; email?: string }): { identity: Identity } | { problem: string } {
  const name = input.name.trim();
  const initials = input.initials?.trim() ?? '';
  const email = input.email?.trim() ?? '';
  if (name === '') return { problem: 'Give your name: your comments and suggestions carry it.' };
  if (name.length > MAX_AUTHOR_LENGTH) return { problem: `Your name is longer than ${MAX_AUTHOR_LENGTH} characters.` };
  if (!hasNoForbiddenCharacters(name) || !hasNoForbiddenCharacters(initials)) return { problem: 'Your name or initials hold a control character.' };
  if (initials.length > MAX_INITIALS_LENGTH) return { problem: `Initials are at most ${MAX_INITIALS_LENGTH} characters.` };
  if (email !== '' && (email.length > MAX_EMAIL_LENGTH || !EMAIL_PATTERN.test(email))) return { problem: 'The email is not an email address.' };
  return { identity: { name, ...(initials ? { initials } : {}), ...(email ? { email } : {}) } };
}

/** Initials made from a name ("Ada Lovelace" → "AL"): what a comment shows when the person gave none. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return words
    .slice(0, 3)
    .map((word) => [...word][0]?.toUpperCase() ?? '')
    .join('');
}
