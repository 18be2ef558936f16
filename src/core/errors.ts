/** The kinds of failure the core reports; each dialect maps them to its vendor's code, status and text. */
export type CoreErrorKind = 'NotFound' | 'AlreadyExists' | 'InvalidParameter' | 'InvalidState' | 'LimitExceeded';

/**
 * Why a core operation failed. `reason` is a stable machine-readable cause
 * (e.g. `version-not-found`) that dialects switch on to pick the vendor's message;
 * `details` carries the values a message may need.
 */
export class CoreError extends Error {
  constructor(
    readonly kind: CoreErrorKind,
    readonly reason: string,
    readonly details: Record<string, string> = {},
  ) {
    super(`${kind}: ${reason}`);
    this.name = 'CoreError';
  }
}

/** Narrows an unknown thrown value to a CoreError. */
export function isCoreError(error: unknown): error is CoreError {
  return error instanceof CoreError;
}
