import * as os from 'node:os';
import { describe, expect, it } from 'vitest';
import { systemUserName } from './user-name';

describe('systemUserName', () => {
  it('is POLICYWRIGHT_USER_NAME where it is set, trimmed', () => {
    expect(systemUserName({ POLICYWRIGHT_USER_NAME: '  Bea Approver ' })).toBe('Bea Approver');
  });

  it("is the system's name otherwise, a blank setting included", () => {
    const system = os.userInfo().username.trim() || 'Policywright user';
    expect(systemUserName({})).toBe(system);
    expect(systemUserName({ POLICYWRIGHT_USER_NAME: '   ' })).toBe(system);
  });
});
