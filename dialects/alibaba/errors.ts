import type { CoreError } from '../../src/core/errors.js';
import { INJECTED_MESSAGE, type FaultErrors } from '../../src/dialect/faults.js';
import { VendorError, type CoreErrorMap } from '../../src/dialect/vendorError.js';

/** An error in KMS's terms: its code, message and HTTP status. */
export class AlibabaError extends VendorError {}

/** KMS's error texts. [doc]/[obs] where seen in KMS documentation or real answers; [inf] otherwise. */
export const ERRORS = {
  /** [obs] The answer for any missing secret, version or stage. 404 despite the "Forbidden" prefix. */
  notFound: () => new AlibabaError('Forbidden.ResourceNotFound', 'Resource not found.', 404),
  /** [doc] */
  exists: () => new AlibabaError('Rejected.ResourceExist', 'The resource already exists.', 409),
  /** [doc] */
  inDeleteWindow: () => new AlibabaError('Rejected.ResourceInDeleteWindow', 'The resource is in the deletion window.', 409),
  /** [doc] */
  limitExceeded: () => new AlibabaError('Rejected.LimitExceeded', 'The number of resources exceeds the limit.', 400),
  /** [obs] The POP gateway's form for a missing required parameter. */
  missing: (name: string) => new AlibabaError(`Missing${name}`, `${name} is mandatory for this action.`, 400),
  /** [obs] */
  invalid: (name: string, why?: string) =>
    new AlibabaError('InvalidParameter', `The specified parameter ${name} is not valid.${why ? ` ${why}` : ''}`, 400),
  /** [obs] */
  invalidAction: () => new AlibabaError('InvalidAction.NotFound', 'Specified api is not found, please check your url and method.', 404),
  /** [doc] */
  invalidVersion: () => new AlibabaError('InvalidVersion', 'Specified parameter Version is not valid.', 400),
  /** [doc] */
  unsupportedMethod: () => new AlibabaError('UnsupportedHTTPMethod', 'This http method is not supported.', 403),
  /** [doc] */
  dryRun: () => new AlibabaError('DryRunOperationError', 'Request validation has been passed with DryRun flag set.', 400),
  /** [inf] Operations KMS allows only on other secret types. */
  unsupportedForType: (action: string, type: string) =>
    new AlibabaError('InvalidParameter', `The specified parameter SecretType is not valid. ${action} is not supported for ${type} secrets.`, 400),
  /** [inf] */
  bodyTooLarge: () => new AlibabaError('InvalidParameter', 'The request body is too large.', 400),
  /** [doc] A caller reaching into another account's secret (the RestoreSecret reference's wording). */
  noPermission: () => new AlibabaError('Forbidden.NoPermission', 'This operation is forbidden by permission system', 403),
  /** [doc] RestoreSecret on a secret that is not pending deletion (the API reference's code, status and text). */
  restoreNotDeleted: () => new AlibabaError('Rejected.ResourceInUse', 'restore normal secret', 409),
  /** [inf] Parameters whose escapes are not UTF-8: refused rather than stored altered. */
  notUtf8: () => new AlibabaError('InvalidParameter', 'The request parameters are not valid UTF-8.', 400),
} as const;

/**
 * The POP gateway's authentication errors. Codes and statuses [doc: the KMS error-code reference];
 * messages as real gateways word them (the Java core matches the SignatureDoesNotMatch prefix).
 */
export const AUTH_ERRORS = {
  /** [doc] Unknown AccessKeyId (or V3 Credential). */
  keyNotFound: () => new AlibabaError('InvalidAccessKeyId.NotFound', 'Specified access key is not found.', 404),
  /** [doc] The message carries the server's StringToSign after this exact prefix so clients can compare theirs. */
  signatureMismatch: (stringToSign: string) =>
    new AlibabaError('SignatureDoesNotMatch', `Specified signature is not matched with our calculation. server string to sign is:${stringToSign}`, 400),
  /** [doc] A signature part missing or malformed (Signature, AccessKeyId, nonce, timestamp, method, Authorization parts). */
  incomplete: () => new AlibabaError('IncompleteSignature', 'The request signature does not conform to Aliyun standards.', 400),
  /** [doc] SignatureNonce / x-acs-signature-nonce seen within the last 15 minutes. */
  nonceUsed: () => new AlibabaError('SignatureNonceUsed', 'Specified signature nonce was used already.', 400),
  /** [doc] Timestamp / x-acs-date more than 15 minutes from the server's clock. */
  timestampExpired: () => new AlibabaError('InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.', 400),
  /** [doc] Timestamp / x-acs-date not `YYYY-MM-DDTHH:mm:ssZ`. */
  timestampFormat: () => new AlibabaError('InvalidTimeStamp.Format', 'Specified time stamp or date value is not well formatted.', 400),
  /** [obs] A temporary (STS) key used without its token: the gateway's Missing<Name> form. */
  missingToken: () => new AlibabaError('MissingSecurityToken', 'SecurityToken is mandatory for this action.', 400),
  /** [doc] A token that is not the one issued with this key (or a token with a permanent key). */
  tokenMismatch: () => new AlibabaError('InvalidSecurityToken.MismatchWithAccessKey', 'Specified SecurityToken mismatch with the AccessKey.', 400),
} as const;

/**
 * What KMS answers for injected faults. Throttling: Rejected.Throttling, HTTP 429, "QPS Limit Exceeded"
 * [doc: KMS help "QPS Limit Exceeded error is returned when you call an API operation"]; the POP gateway's
 * own flow control answers Throttling.User and Throttling with 429 for other products [inf: not seen for
 * KMS], so a rule can give those as codes. Internal: InternalFailure, HTTP 500 [doc: KMS error codes].
 * A given code is a 400 unless the rule says otherwise [inf].
 */
export const ALIBABA_FAULT_ERRORS: FaultErrors<AlibabaError> = {
  throttling: () => new AlibabaError('Rejected.Throttling', 'QPS Limit Exceeded', 429),
  internal: () => new AlibabaError('InternalFailure', 'The request processing has failed due to some unknown error.', 500),
  custom: (code, message, status) => new AlibabaError(code, message ?? INJECTED_MESSAGE(code), status ?? 400),
};

/** A core refusal KMS's rules never lead to: polysecret's own bug, answered as KMS's internal failure. */
const unreachable = ALIBABA_FAULT_ERRORS.internal;

/** The KMS error for each core refusal. */
export const ALIBABA_CORE_ERRORS: CoreErrorMap<AlibabaError> = {
  'secret-not-found': ERRORS.notFound,
  'version-not-found': ERRORS.notFound,
  'label-not-found': ERRORS.notFound,
  // [inf] A VersionId and VersionStage that do not agree name no version.
  'version-label-mismatch': ERRORS.notFound,
  'secret-exists': ERRORS.exists,
  'version-exists': ERRORS.exists,
  'secret-scheduled-for-deletion': ERRORS.inDeleteWindow,
  'already-scheduled-for-deletion': unreachable,
  'not-scheduled-for-deletion': ERRORS.restoreNotDeleted,
  'version-immutable': unreachable,
  'deletion-window-out-of-range': () => ERRORS.invalid('RecoveryWindowInDays'),
  'invalid-name': () => ERRORS.invalid('SecretName'),
  'value-too-large': (error: CoreError) => ERRORS.invalid('SecretData', `The data must be at most ${error.details.limit} bytes.`),
  'label-not-on-version': () => ERRORS.invalid('RemoveFromVersion'),
  'label-held-elsewhere': unreachable,
  'label-cannot-be-removed': (error: CoreError) => ERRORS.invalid('MoveToVersion', `${error.details.label} can only be moved.`),
  'too-many-versions': ERRORS.limitExceeded,
  'too-many-labels': ERRORS.limitExceeded,
  'too-many-tags': ERRORS.limitExceeded,
};
