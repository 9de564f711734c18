// The review variant of the bench document: open suggestions and comment threads spread evenly through it, as a
// document in the middle of a long review holds them. Built from the generated document and a seeded random source.

export const REVIEW_SUGGESTIONS = 500;
export const REVIEW_COMMENTS = 200;

const AUTHORS = ['Ana Reviewer', 'Ben Counsel', 'Cleo Privacy'];
const INSERTED = ['promptly', 'in writing', 'at its own cost', 'where required by law', 'reasonably'];
const REMARKS = ['Is this still accurate?', 'Legal to confirm the period.', 'Align with the DPA wording.', 'Too broad; narrow it.', 'Agreed.'];

/**
 * Puts `suggestions` open suggestions (word replacements, insertions, deletions, bold suggested, whole inserted
 * paragraphs) and `comments` comment threads (on a word, or on a whole section; some answered, some resolved) into
 * the document's body paragraphs, evenly from its start to its end. The paragraph `keepClean` names (the one the bench
 * types into) is left alone, so typing starts in the same text as on the plain document. Mutates and returns `doc`.
 */
export function addReviewMarks(doc, random, { suggestions = REVIEW_SUGGESTIONS, comments = REVIEW_COMMENTS, keepClean } = {}) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const moment = (k) => `2026-12-0${1 + (k % 9)}T${String(8 + (k % 10)).padStart(2, '0')}:${String(k % 60).padStart(2, '0')}:00Z`;
  const markOf = (k) => ({ id: `c-r${String(k).padStart(5, '0')}`, by: AUTHORS[k % AUTHORS.length], at: moment(k) });

  // Body paragraphs whose last run is plain text of enough words to cut a word out of its middle.
  const candidates = [];
  let section = null;
  doc.blocks.forEach((block, index) => {
    if (block.kind === 'heading') section = block.id;
    const last = block.runs[block.runs.length - 1];
    if (block.kind !== 'paragraph' || section === keepClean || !last || last.marks || last.text.split(' ').length < 8) return;
    candidates.push({ index, section });
  });
  const total = suggestions + comments;
  if (candidates.length < total) throw new Error(`the bench document has ${candidates.length} paragraphs to mark, ${total} wanted`);
  // Every (total / candidates)-th paragraph, suggestions and comments taking turns: both spread over the whole text.
  const chosen = Array.from({ length: total }, (_, n) => candidates[Math.floor(((n + 0.5) * candidates.length) / total)]);
  const changes = new Map();
  const threads = [];
  let s = 0;
  let c = 0;
  chosen.forEach((place, n) => {
    const commentTurn = c < comments && (s >= suggestions || Math.floor(((n + 1) * comments) / total) > c);
    if (commentTurn) changes.set(place.index, { comment: c++, section: place.section });
    else changes.set(place.index, { suggestion: s++ });
  });

  const blocks = [];
  doc.blocks.forEach((block, index) => {
    const change = changes.get(index);
    if (!change) {
      blocks.push(block);
      return;
    }
    const runs = block.runs.slice(0, -1);
    const words = block.runs[block.runs.length - 1].text.split(' ');
    const at = Math.floor(words.length / 2);
    const before = { text: `${words.slice(0, at).join(' ')} ` };
    const word = words[at];
    const after = { text: ` ${words.slice(at + 1).join(' ')}` };
    if (change.comment !== undefined) {
      const k = change.comment;
      const id = `k-r${String(k).padStart(5, '0')}`;
      const onSection = k % 10 === 9;
      const thread = { id, by: AUTHORS[(k + 1) % AUTHORS.length], at: moment(k), text: pick(REMARKS) };
      if (onSection) thread.section = change.section;
      if (k % 5 === 4) thread.resolved = true;
      if (k % 3 === 0) thread.replies = [{ id: `k-q${String(k).padStart(5, '0')}`, by: AUTHORS[k % AUTHORS.length], at: moment(k + 1), text: pick(REMARKS) }];
      threads.push(thread);
      blocks.push(onSection ? block : { ...block, runs: [...runs, before, { text: word, comments: [id] }, after] });
      return;
    }
    const k = change.suggestion;
    const mark = markOf(k);
    switch (k % 20) {
      case 0: // a whole paragraph suggested
        blocks.push(block, { kind: 'paragraph', change: { ...mark, kind: 'insert' }, runs: [{ text: `The parties shall review this clause ${pick(INSERTED)}.`, ins: mark }] });
        return;
      case 1:
      case 2: // bold suggested on a word
        blocks.push({ ...block, runs: [...runs, before, { text: word, marks: ['bold'], formatted: { ...mark, was: [] } }, after] });
        return;
      default: {
        const kind = k % 20 < 11 ? 'replace' : k % 20 < 16 ? 'insert' : 'delete';
        if (kind === 'insert') {
          blocks.push({ ...block, runs: [...runs, { text: `${before.text}${word}` }, { text: ` ${pick(INSERTED)}`, ins: mark }, after] });
          return;
        }
        const middle = kind === 'replace' ? [{ text: word, del: mark }, { text: pick(INSERTED), ins: mark }] : [{ text: word, del: mark }];
        blocks.push({ ...block, runs: [...runs, before, ...middle, after] });
      }
    }
  });
  doc.blocks = blocks;
  doc.comments = threads;
  return doc;
}
