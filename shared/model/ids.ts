interface RandomSource {
  getRandomValues<T extends Uint8Array>(array: T): T;
}

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Web Crypto is a global in both Node and the browser; shared/ declares only the one method it needs. */
function defaultRandom(): RandomSource {
  return (globalThis as unknown as { crypto: RandomSource }).crypto;
}

/** A new section id: 10 base-36 characters, about 51 bits, so collisions within a project are not a concern. */
export function newSectionId(random: RandomSource = defaultRandom()): string {
  return newId('s-', random);
}

/** A new suggestion id ("c-…"), as unlikely to collide as a section id. */
export function newSuggestionId(random: RandomSource = defaultRandom()): string {
  return newId('c-', random);
}

/** A new comment or reply id ("k-…"). */
export function newCommentId(random: RandomSource = defaultRandom()): string {
  return newId('k-', random);
}

/** A new footnote id ("n-…", as NOTE_ID_PATTERN asks). */
export function newNoteId(random: RandomSource = defaultRandom()): string {
  return newId('n-', random);
}

function newId(prefix: string, random: RandomSource): string {
  const bytes = random.getRandomValues(new Uint8Array(10));
  let id = prefix;
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
  return id;
}
