import type { SecretEngine } from '../../src/core/engine.js';
import { isCoreError } from '../../src/core/errors.js';
import type { Dialect, DialectRequest, DialectResponse, RequestOutcome } from '../../src/server/http.js';
import type { Logger } from '../../src/server/log.js';
import type { AuthContext } from '../../src/auth/mode.js';
import {
  AwsError,
  fromCoreError,
  isJsonRequest,
  parseCall,
  renderError,
  renderSuccess,
  renderUnknownProtocol,
  TARGET_PREFIX,
  type AwsIdentityDefaults,
} from './envelope.js';
import { authenticate } from './auth.js';
import { MESSAGES } from './messages.js';
import { AWS_OPERATIONS } from './operations/index.js';
import { loadValidators, validateInput } from './validation.js';

/** Options of the AWS dialect. */
export interface AwsDialectOptions extends AwsIdentityDefaults {
  engine: SecretEngine;
  logger: Logger;
  /** Signature checking and the key → account mapping. */
  auth: AuthContext;
}

/** AWS Secrets Manager over JSON 1.1: recognised by `X-Amz-Target: secretsmanager.<Operation>`. */
export function createAwsDialect(options: AwsDialectOptions): Dialect {
  const validators = loadValidators();
  const { engine, logger } = options;

  async function run(request: DialectRequest, outcome: RequestOutcome): Promise<object> {
    // Authentication comes before everything but the protocol: a request that fails it learns
    // nothing about the operation or its input. An oversized body was discarded unread, so it
    // cannot be hashed for the signature; parseCall refuses it whatever its signature.
    const key = request.bodyTooLarge ? undefined : authenticate(request, options.auth);
    const call = parseCall(request, options, key);
    outcome.namespace = { account: call.account, region: call.region };
    const operation = AWS_OPERATIONS.get(call.operation);
    const validate = validators.get(call.operation)?.validate;
    if (!operation || !validate) throw new AwsError('UnknownOperationException', MESSAGES.unknownOperation);
    validateInput(validate, call.input);
    // A listed key acts as an IAM user named by its access key id: the credentials file names no users.
    const caller = options.auth.mode === 'strict' && key ? { principal: `arn:aws:iam::${call.account}:user/${key.accessKeyId}`, operation: call.operation } : undefined;
    return operation(call.input, { engine, ns: { cloud: 'aws', account: call.account, region: call.region }, caller });
  }

  return {
    name: 'aws',
    matches: (request) => (request.headers['x-amz-target'] ?? '').startsWith(TARGET_PREFIX),
    operationOf: (request) => (request.headers['x-amz-target'] ?? '').slice(TARGET_PREFIX.length),
    async handle(request: DialectRequest, outcome: RequestOutcome = {}): Promise<DialectResponse> {
      const requestId = engine.ids.uuid();
      if (!isJsonRequest(request)) {
        outcome.errorCode = 'UnknownOperationException';
        return renderUnknownProtocol(requestId);
      }
      try {
        return renderSuccess(await run(request, outcome), requestId);
      } catch (error) {
        const known = error instanceof AwsError ? error : isCoreError(error) ? fromCoreError(error) : undefined;
        if (!known) logger.error(`aws ${request.headers['x-amz-target']} failed: ${(error as Error)?.stack ?? String(error)}`);
        const failure = known ?? new AwsError('InternalServiceError', 'An error occurred on the server side.', 500);
        outcome.errorCode = failure.code;
        return renderError(failure, requestId);
      }
    },
  };
}
