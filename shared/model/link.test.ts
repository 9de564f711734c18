import { describe, expect, it } from 'vitest';
import { ACCEPTED, REFUSED, generatedAddresses } from '../testing/link-addresses';
import { safeLink } from './link';

describe('safeLink', () => {
  it(`is held to a table of ${ACCEPTED.length + REFUSED.length} addresses`, () => {
    expect(ACCEPTED.length + REFUSED.length).toBeGreaterThanOrEqual(100);
  });

  it.each(ACCEPTED)('accepts %j as %j', (raw, normalized) => expect(safeLink(raw)).toBe(normalized));

  it.each(REFUSED.map((raw) => [raw]))('refuses %j', (raw) => expect(safeLink(raw)).toBeNull());

  it('gives the same answers once the engine has optimized it (Node 20 URL.canParse did not)', () => {
    const generated = generatedAddresses();
    const first = generated.map((raw) => safeLink(raw));
    for (let round = 0; round < 3; round++) expect(generated.map((raw) => safeLink(raw))).toEqual(first);
    for (const [raw, normalized] of ACCEPTED) expect(safeLink(raw), raw).toBe(normalized);
  });

  it('returns an address that it accepts again unchanged', () => {
    for (const [raw] of ACCEPTED) {
      const once = safeLink(raw);
      expect(safeLink(once), raw).toBe(once);
    }
  });
});
