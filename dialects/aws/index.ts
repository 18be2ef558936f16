import type { CloudModule, DialectDeps } from '../../src/dialect/cloudModule.js';
import { createDialect, type DialectProtocol } from '../../src/dialect/pipeline.js';
import { authenticate } from './auth.js';
import type { AwsContext } from './context.js';
import { AWS_CORE_ERRORS, AWS_FAULT_ERRORS } from './coreErrors.js';
import { AwsError, isJsonRequest, parseCall, renderError, renderSuccess, renderUnknownProtocol, TARGET_PREFIX } from './envelope.js';
import { MESSAGES } from './messages.js';
import { AWS_OPERATIONS } from './operations/index.js';
import { awsPolicy } from './policy.js';
import { RotationRunner } from './rotation/runner.js';
import { loadValidators, validateInput } from './validation.js';

const targetOf = (request: { headers: Record<string, string> }) => request.headers['x-amz-target'] ?? '';

// An ARN ends in `secret:<name>-<6 random characters>` [doc: Secrets Manager ARN format].
const SECRET_ARN = /^arn:[^:]+:secretsmanager:[^:]*:[^:]*:secret:(.+)-[A-Za-z0-9]{6}$/;

/** The secret a call names (SecretId, or Name for CreateSecret), by name even when given as a full ARN. */
function secretNameOf(input: Record<string, unknown>): string | undefined {
  const id = input.SecretId ?? input.Name;
  if (typeof id !== 'string') return undefined;
  return SECRET_ARN.exec(id)?.[1] ?? id;
}

/** The AWS JSON 1.1 envelope as the dialect pipeline runs it. */
function awsProtocol(deps: DialectDeps): DialectProtocol<AwsContext, { requestId: string }, AwsError> {
  const validators = loadValidators();
  const { auth, secrets } = deps;
  const rotation = new RotationRunner(secrets, deps.rotationFunctions, deps.logger);
  // A scheduled rotation found due on use runs the function's steps before the read answers.
  secrets.onRotationStart('aws', async (record, version) => {
    const functionArn = record.aws?.rotationLambdaArn;
    if (!functionArn) return;
    await rotation.run(record, version.id, functionArn).catch((error: unknown) => deps.logger.error(`scheduled rotation of ${record.resourceId} failed: ${String(error)}`));
  });
  return {
    name: 'aws',
    matches: (request) => targetOf(request).startsWith(TARGET_PREFIX),
    operationOf: (request) => targetOf(request).slice(TARGET_PREFIX.length),
    begin: (_request, requestId) => ({ requestId }),
    // A body that is not JSON gets AWS's protocol-level answer, not a JSON error.
    refuse: (request, { requestId }) =>
      isJsonRequest(request) ? undefined : { response: renderUnknownProtocol(requestId), errorCode: 'UnknownOperationException' },
    parse(request, _state, outcome, exists) {
      // Authentication comes before everything but the protocol: a request that fails it learns
      // nothing about the operation or its input. An oversized body was discarded unread, so it
      // cannot be hashed for the signature; parseCall refuses it whatever its signature.
      const key = request.bodyTooLarge ? undefined : authenticate(request, auth);
      const call = parseCall(request, deps, key);
      outcome.namespace = { account: call.account, region: call.region };
      const validate = validators.get(call.operation)?.validate;
      if (!exists(call.operation) || !validate) throw new AwsError('UnknownOperationException', MESSAGES.unknownOperation);
      validateInput(validate, call.input);
      // A listed key acts as an IAM user named by its access key id: the credentials file names no users.
      const caller = auth.mode === 'strict' && key ? { principal: `arn:aws:iam::${call.account}:user/${key.accessKeyId}`, operation: call.operation } : undefined;
      return { operation: call.operation, input: call.input, secretName: secretNameOf(call.input), context: { secrets, ns: { cloud: 'aws', account: call.account, region: call.region }, caller, rotation } };
    },
    valueMembers: () => [...validators.sensitiveMembers(), 'RandomPassword'],
    renderSuccess: (output, { requestId }) => renderSuccess(output, requestId),
    renderError: (failure, { requestId }) => renderError(failure, requestId),
    coreErrors: AWS_CORE_ERRORS,
    internalError: AWS_FAULT_ERRORS.internal,
    faultErrors: AWS_FAULT_ERRORS,
    failureType: AwsError,
  };
}

/** AWS Secrets Manager over JSON 1.1: recognised by `X-Amz-Target: secretsmanager.<Operation>`. */
export const awsCloud: CloudModule = {
  cloud: 'aws',
  policy: awsPolicy,
  // Its target header names the service outright.
  precedence: 3,
  coreErrors: AWS_CORE_ERRORS,
  faultErrors: AWS_FAULT_ERRORS,
  createDialect: (deps) => createDialect(awsProtocol(deps), AWS_OPERATIONS, deps),
};
