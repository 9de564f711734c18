import { describe, expect, it } from 'vitest';
import { largerThan } from './request-reply';

describe('largerThan', () => {
  it('counts the strings of a document however deep they lie', () => {
    const blocks = Array.from({ length: 100 }, (_, i) => ({ kind: 'paragraph', runs: [{ text: `${'x'.repeat(100)} ${i}` }] }));
    const input = { documentId: 'a', document: { blocks } };
    expect(largerThan(input, 5_000)).toBe(true);
    expect(largerThan(input, 50_000)).toBe(false);
  });
  it('a small request is small', () => {
    expect(largerThan({ documentId: 'privacy-policy' }, 1000)).toBe(false);
    expect(largerThan(undefined, 1000)).toBe(false);
  });
});
