/** The kinds of failure the core reports; each names the class of a vendor's error for the same situation. */
export type CoreErrorKind = 'NotFound' | 'AlreadyExists' | 'InvalidParameter' | 'InvalidState' | 'LimitExceeded';

/**
 * Every reason a core verb refuses, with its kind. Each dialect maps all of them (an exhaustive
 * `Record<CoreReason, …>`), so a reason added here fails to compile until every cloud answers it.
 */
export const CORE_REASONS = {
  'secret-not-found': 'NotFound',
  'version-not-found': 'NotFound',
  'label-not-found': 'NotFound',
  'secret-exists': 'AlreadyExists',
  'version-exists': 'AlreadyExists',
  'secret-scheduled-for-deletion': 'InvalidState',
  'already-scheduled-for-deletion': 'InvalidState',
  'not-scheduled-for-deletion': 'InvalidState',
  'version-immutable': 'InvalidState',
  'deletion-window-out-of-range': 'InvalidParameter',
  'invalid-name': 'InvalidParameter',
  'value-too-large': 'InvalidParameter',
  'label-not-on-version': 'InvalidParameter',
  'label-held-elsewhere': 'InvalidParameter',
  'label-cannot-be-removed': 'InvalidParameter',
  'version-label-mismatch': 'InvalidParameter',
  'too-many-versions': 'LimitExceeded',
  'too-many-labels': 'LimitExceeded',
  'too-many-tags': 'LimitExceeded',
} as const satisfies Record<string, CoreErrorKind>;

/** A stable machine-readable cause of a core refusal. */
export type CoreReason = keyof typeof CORE_REASONS;

/** Values a vendor message may need (names, ids, limits); never secret values. */
export type CoreErrorDetails = Record<string, string>;

/**
 * Why a core operation failed: `reason` is what dialects map to their vendor's code, status and
 * text; `kind` follows from it; `details` carries the values a message may need.
 */
export class CoreError extends Error {
  readonly kind: CoreErrorKind;
  constructor(
    readonly reason: CoreReason,
    readonly details: CoreErrorDetails = {},
  ) {
    super(`${CORE_REASONS[reason]}: ${reason}`);
    this.name = 'CoreError';
    this.kind = CORE_REASONS[reason];
  }
}

/** Narrows an unknown thrown value to a CoreError. */
export function isCoreError(error: unknown): error is CoreError {
  return error instanceof CoreError;
}
