import type { AlibabaContext } from '../context.js';
import { ERRORS } from '../errors.js';
import type { Params } from '../params.js';
import { readSecretValue, selectVersion, type SecretValueRequest } from '../reads.js';
import { requireLiveSecret } from '../secrets.js';

/** GetSecretValue: one version's data with its stages. */
export async function GetSecretValue(params: Params, context: AlibabaContext): Promise<object> {
  const request: SecretValueRequest = {
    secretName: params.required('SecretName'),
    versionId: params.get('VersionId'),
    versionStage: params.get('VersionStage'),
    fetchExtendedConfig: params.bool('FetchExtendedConfig', false),
  };
  if (params.bool('DryRun', false)) {
    // A dry run reports the error the call would meet, else DryRunOperationError, and reads nothing [doc].
    selectVersion(context, { id: request.versionId, stage: request.versionStage }, requireLiveSecret(context, request.secretName));
    throw ERRORS.dryRun();
  }
  return readSecretValue(context, request);
}
