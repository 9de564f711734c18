/**
 * A small English stemmer for the clause search: enough for a person's word to find its family in legal wording
 * ("retain" finds "retention" and "retained", "process" finds "processing"), not a full Porter stemmer. One suffix
 * goes, then the Latin -tain/-tent/-tention roots meet (retain, retention, retentive; contain, content), so words
 * of one family share a stem and words that merely start alike ("date", "data") do not.
 */

// Longest first: the first that fits is the one removed.
const SUFFIXES = [
  'ations',
  'ation',
  'ments',
  'ment',
  'ances',
  'ance',
  'ences',
  'ence',
  'ingly',
  'ings',
  'ing',
  'ions',
  'ion',
  'ives',
  'ive',
  'edly',
  'ed',
  'ers',
  'er',
  'ies',
  'es',
  'ly',
  's',
  'e',
];

/** A stem keeps at least this many letters, so short words are left whole ("uses" is not "u"). */
const MIN_STEM = 3;

export function stem(word: string): string {
  let root = word;
  for (const suffix of SUFFIXES) {
    if (root.endsWith(suffix) && root.length - suffix.length >= MIN_STEM && !(suffix === 's' && root.endsWith('ss'))) {
      root = root.slice(0, -suffix.length);
      if (suffix === 'ies') root += 'i';
      break;
    }
  }
  // "transferred" → "transferr" → "transfer"; "processes" keeps its "ss" stem as "process".
  if (/([bdfgklmnprt])\1$/.test(root) && root.length > MIN_STEM) root = root.slice(0, -1);
  // The Latin families: retain/retention/retentive, contain/content, maintain/maintenance, detain/detention.
  root = root.replace(/tain$/, 'ten').replace(/tent$/, 'ten');
  // "policy" and "policies" meet at "polici".
  return root.replace(/y$/, 'i');
}
