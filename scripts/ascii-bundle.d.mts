/** A regular expression literal (`/body/flags`) with each non-ASCII UTF-16 unit written as \uXXXX. */
export function escapeRegexLiteral(literal: string): string;
/** Rewrites `file` (and `file.map`) ASCII-only; throws, naming them, on non-ASCII characters it cannot escape. */
export function asciiBundle(file: string): { escaped: number };
