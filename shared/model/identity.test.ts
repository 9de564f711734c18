import { describe, expect, it } from 'vitest';
import { checkIdentity, initialsOf } from './identity';
import { IdentitySchema } from './identity-schema';

describe('an identity', () => {
  it('is kept trimmed, with empty optional fields left out, by the window and the API alike', () => {
    const typed = { name: '  Ada Lovelace ', initials: ' ', email: ' ada@example.org ' };
    expect(checkIdentity(typed)).toEqual({ identity: { name: 'Ada Lovelace', email: 'ada@example.org' } });
    expect(IdentitySchema.parse({ name: '  Ada Lovelace ', email: ' ada@example.org ' })).toEqual({ name: 'Ada Lovelace', email: 'ada@example.org' });
  });

  it('is refused without a name, with a control character, or with an address that is not one', () => {
    for (const input of [{ name: ' ' }, { name: 'Ada\u0007' }, { name: 'Ada', email: 'ada at home' }, { name: 'Ada', initials: 'ABCDEFGHIJKLM' }]) {
      expect(checkIdentity(input), JSON.stringify(input)).toHaveProperty('problem');
      expect(IdentitySchema.safeParse(input).success, JSON.stringify(input)).toBe(false);
    }
  });

  it('gives initials from a name', () => {
    expect(initialsOf('Ada  Lovelace')).toBe('AL');
    expect(initialsOf('émile zola')).toBe('ÉZ');
  });
});
