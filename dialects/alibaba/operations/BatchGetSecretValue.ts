import { isCoreError } from '../../../src/core/errors.js';
import type { AlibabaContext } from '../context.js';
import { ALIBABA_CORE_ERRORS, AlibabaError, ERRORS } from '../errors.js';
import type { Params } from '../params.js';
import { readSecretValue, type SecretValueRequest } from '../reads.js';

/** Most secrets one call may read [doc]. */
const MAX_SECRETS = 20;

const optionalString = (value: unknown): value is string | undefined => value === undefined || (typeof value === 'string' && value !== '');

const FLAGS: unknown[] = [undefined, true, false, 'true', 'false'];

/** One SecretsList item; FetchExtendedConfig arrives as a JSON boolean from the SDKs, or as 'true'/'false' [inf: both]. */
function requestOf(item: unknown): SecretValueRequest {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) throw ERRORS.invalid('SecretsList');
  const { SecretName, VersionId, VersionStage, FetchExtendedConfig } = item as Record<string, unknown>;
  const flag = typeof FetchExtendedConfig === 'string' ? FetchExtendedConfig.toLowerCase() : FetchExtendedConfig;
  if (typeof SecretName !== 'string' || SecretName === '' || !optionalString(VersionId) || !optionalString(VersionStage) || !FLAGS.includes(flag)) {
    throw ERRORS.invalid('SecretsList');
  }
  return { secretName: SecretName, versionId: VersionId, versionStage: VersionStage, fetchExtendedConfig: flag === true || flag === 'true' };
}

/** The SecretsList parameter: a JSON array of 1 to 20 items. */
function requestsOf(params: Params): SecretValueRequest[] {
  const raw = params.json('SecretsList');
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > MAX_SECRETS) throw ERRORS.invalid('SecretsList');
  return raw.map(requestOf);
}

/** The KMS error a failed read of one secret reports; anything else fails the whole call. */
function alibabaErrorOf(error: unknown): AlibabaError {
  if (error instanceof AlibabaError) return error;
  if (isCoreError(error)) return ALIBABA_CORE_ERRORS[error.reason](error);
  throw error;
}

/**
 * BatchGetSecretValue: GetSecretValue for up to 20 secrets. Each secret that cannot be read
 * becomes an Errors entry with its code and status and the call still succeeds [doc]; both
 * lists are bare arrays, not wrapped like other KMS lists [doc], and each value carries its
 * own RequestId [doc].
 */
export async function BatchGetSecretValue(params: Params, context: AlibabaContext): Promise<object> {
  const SecretValues: Array<Record<string, unknown>> = [];
  const Errors: Array<{ SecretName: string; Code: string; HttpStatus: number; Message: string }> = [];
  for (const request of requestsOf(params)) {
    try {
      SecretValues.push({ ...(await readSecretValue(context, request)), RequestId: context.secrets.ids.uuid() });
    } catch (caught) {
      const error = alibabaErrorOf(caught);
      Errors.push({ SecretName: request.secretName, Code: error.code, HttpStatus: error.status, Message: error.message });
    }
  }
  return { SecretValues, Errors };
}
