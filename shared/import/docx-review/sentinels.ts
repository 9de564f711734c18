/**
 * Sentinels: how a tracked change or a comment range in document.xml travels through mammoth's HTML and structure
 * recovery as text. Each is U+FDD0, the number of a review state written in hexadecimal with U+FDE0–U+FDEF, and
 * U+FDD1. These are Unicode noncharacters: no Word document holds them as text, XML and HTML readers keep them, and
 * no white-space or trimming rule touches them, so the text between two sentinels is text of the first one's state.
 */
const OPEN = '\uFDD0';
const CLOSE = '\uFDD1';
const DIGIT = 0xfde0;

export function sentinel(state: number): string {
  let digits = '';
  for (const char of state.toString(16)) digits += String.fromCharCode(DIGIT + Number.parseInt(char, 16));
  return OPEN + digits + CLOSE;
}

export const SENTINEL = /\uFDD0([\uFDE0-\uFDEF]+)\uFDD1/g;

export function stateOf(digits: string): number {
  let hex = '';
  for (const char of digits) hex += (char.charCodeAt(0) - DIGIT).toString(16);
  return Number.parseInt(hex, 16);
}

/** Text with every sentinel (and any stray piece of one) removed: for titles and details, which carry no review. */
export function withoutSentinels(text: string): string {
  return text.replace(/[\uFDD0\uFDD1\uFDE0-\uFDEF]/g, '');
}
