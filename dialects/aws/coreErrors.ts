import type { CoreError } from '../../src/core/errors.js';
import { INJECTED_MESSAGE, type FaultErrors } from '../../src/dialect/faults.js';
import type { CoreErrorMap } from '../../src/dialect/vendorError.js';
import { AwsError } from './envelope.js';
import { MESSAGES } from './messages.js';
import { valueTooLong } from './values.js';

/** A core refusal AWS's rules never lead to: polysecret's own bug, answered as AWS's internal error. */
function unreachable(error: CoreError): AwsError {
  return new AwsError('InternalServiceError', `Unmapped failure: ${error.reason}`, 500);
}

/** The exception AWS raises for each core refusal. */
export const AWS_CORE_ERRORS: CoreErrorMap<AwsError> = {
  'secret-not-found': () => new AwsError('ResourceNotFoundException', MESSAGES.secretNotFound),
  'version-not-found': ({ details }) => new AwsError('ResourceNotFoundException', MESSAGES.versionNotFound(details.versionId ?? '')),
  'label-not-found': ({ details }) => new AwsError('ResourceNotFoundException', MESSAGES.labelNotFound(details.label ?? '')),
  'secret-exists': ({ details }) => new AwsError('ResourceExistsException', MESSAGES.secretExists(details.name ?? '')),
  'version-exists': ({ details }) => new AwsError('ResourceExistsException', MESSAGES.tokenInUse(details.versionId ?? '', details.resourceId ?? '')),
  'secret-scheduled-for-deletion': () => new AwsError('InvalidRequestException', MESSAGES.nameScheduledForDeletion),
  'already-scheduled-for-deletion': () => new AwsError('InvalidRequestException', MESSAGES.alreadyMarkedDeleted),
  'not-scheduled-for-deletion': unreachable,
  'version-immutable': unreachable,
  'deletion-window-out-of-range': () => new AwsError('InvalidParameterException', MESSAGES.recoveryWindowRange),
  'invalid-name': () => new AwsError('ValidationException', MESSAGES.invalidName),
  // Checked as the request is read, before the core sees the value; the same answer if it ever is not.
  'value-too-large': () => valueTooLong('secretString'),
  'label-not-on-version': ({ details }) => new AwsError('InvalidParameterException', MESSAGES.labelNotOnVersion(details.label ?? '', details.versionId ?? '')),
  'label-held-elsewhere': ({ details }) =>
    new AwsError('InvalidParameterException', MESSAGES.removeFromVersionRequired(details.label ?? '', details.versionId ?? '')),
  'label-cannot-be-removed': unreachable,
  'version-label-mismatch': () => new AwsError('InvalidRequestException', MESSAGES.versionStageMismatch),
  'too-many-versions': () => new AwsError('LimitExceededException', MESSAGES.tooManyVersions),
  'too-many-labels': () => new AwsError('LimitExceededException', MESSAGES.tooManyLabels),
  'too-many-tags': unreachable,
};

/**
 * What AWS answers for injected faults. Throttling: ThrottlingException, HTTP 400 [doc: AWS "Common
 * Errors", ThrottlingException 400], worded "Rate exceeded" [obs: external-secrets/external-secrets#4065,
 * Secrets Manager's GetSecretValue, status code 400]. InternalServiceError is the one 500 Secrets
 * Manager models [sdk: client-secrets-manager's InternalServiceError, a server fault]; its text [inf].
 * A given code is a 400 unless the rule says otherwise, as every AWS client error is [rec].
 */
export const AWS_FAULT_ERRORS: FaultErrors<AwsError> = {
  throttling: () => new AwsError('ThrottlingException', 'Rate exceeded', 400),
  internal: () => new AwsError('InternalServiceError', 'An error occurred on the server side.', 500),
  custom: (code, message, status) => new AwsError(code, message ?? INJECTED_MESSAGE(code), status ?? 400),
};
