/** A problem the person can act on; its message is one sentence saying what and where, shown as it is. */
export class UserError extends Error {
  override readonly name = 'UserError';
}
