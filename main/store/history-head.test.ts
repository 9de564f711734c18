import { describe, expect, it } from 'vitest';
import { isBranchRef } from './history-head';

describe('isBranchRef: the branch .git/HEAD names, as git check-ref-format allows it', () => {
  it.each(['refs/heads/main', 'refs/heads/team/legal-2026', 'refs/heads/v1.2', 'refs/heads/Ärger'])('takes %s', (ref) => {
    expect(isBranchRef(ref)).toBe(true);
  });

  it.each([
    'refs/heads/../../../outside',
    'refs/heads/a/../../b',
    'refs/tags/v1',
    'refs/heads/',
    'refs/heads//main',
    'refs/heads/.hidden',
    'refs/heads/main.lock',
    'refs/heads/main.',
    'refs/heads/a b',
    'refs/heads/a\\b',
    'refs/heads/a:b',
    'refs/heads/a~1',
    'refs/heads/a^',
    'refs/heads/a?',
    'refs/heads/a*',
    'refs/heads/a[b',
    'refs/heads/a@{1}',
    'refs/heads/@',
    'refs/heads/a\u0000b',
    'refs/heads/a\u007fb',
  ])('refuses %j', (ref) => {
    expect(isBranchRef(ref)).toBe(false);
  });
});
