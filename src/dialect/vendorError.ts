import type { CoreError, CoreReason } from '../core/errors.js';

/** An error in a vendor's own terms: its code, message and HTTP status. Each dialect's errors extend it. */
export class VendorError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * How one cloud answers each core refusal. Exhaustive by type: a reason the core adds fails to
 * compile until every dialect says what its vendor answers.
 */
export type CoreErrorMap<Failure extends VendorError> = Record<CoreReason, (error: CoreError) => Failure>;
