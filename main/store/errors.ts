import type { ErrorCode } from '../../shared/api/contract';

/** A problem the person can act on; its message is one sentence saying what and where, shown as it is. */
export class UserError extends Error {
  override readonly name: string = 'UserError';
  constructor(
    message: string,
    /** Set where the window must do more than show the sentence (see ErrorCode). */
    readonly code?: ErrorCode,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
