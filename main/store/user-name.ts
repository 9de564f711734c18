import * as os from 'node:os';

/** The system's name for the person at the keyboard; "Policywright user" where the system will not say. */
export function systemUserName(): string {
  try {
    const name = os.userInfo().username.trim();
    return name === '' ? 'Policywright user' : name;
  } catch {
    return 'Policywright user';
  }
}
