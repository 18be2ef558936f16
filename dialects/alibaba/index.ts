import type { SecretEngine } from '../../src/core/engine.js';
import { isCoreError } from '../../src/core/errors.js';
import type { Dialect, DialectRequest, DialectResponse, RequestOutcome } from '../../src/server/http.js';
import type { Logger } from '../../src/server/log.js';
import type { AuthContext } from '../../src/auth/mode.js';
import { authenticate } from './auth.js';
import { AlibabaError, ERRORS, fromCoreError } from './errors.js';
import { formatOf, isAlibabaRequest, parseCall, paramsOf, renderError, renderSuccess, type AlibabaIdentityDefaults } from './envelope.js';
import { ALIBABA_OPERATIONS } from './operations/index.js';
import { Params } from './params.js';
import { loadValidators, validateParams } from './validation.js';

/** Options of the Alibaba dialect. */
export interface AlibabaDialectOptions extends AlibabaIdentityDefaults {
  engine: SecretEngine;
  logger: Logger;
  /** Signature checking and the key → account mapping. */
  auth: AuthContext;
}

/** Alibaba Cloud KMS secrets over RPC (2016-01-20): recognised by `x-acs-action` or an `Action` parameter. */
export function createAlibabaDialect(options: AlibabaDialectOptions): Dialect {
  const validators = loadValidators();
  const { engine, logger } = options;

  return {
    name: 'alibaba',
    matches: isAlibabaRequest,
    operationOf: (request) => paramsOf(request).get('Action') ?? request.headers['x-acs-action'] ?? '',
    async handle(request: DialectRequest, outcome: RequestOutcome = {}): Promise<DialectResponse> {
      const requestId = engine.ids.uuid();
      let format = formatOf(request);
      let region = options.region;
      try {
        const call = parseCall(request, options);
        ({ format, region } = call);
        const operation = ALIBABA_OPERATIONS.get(call.action);
        const validate = validators.get(call.action)?.validate;
        // [inf] The gateway routes (method, version, action) before it authenticates, and checks parameters after.
        if (!operation || !validate) throw ERRORS.invalidAction();
        const key = authenticate(request, options.auth);
        const params = new Params(call.params);
        validateParams(validate, params.toObject());
        // A listed key decides the account in either mode; otherwise the envelope's fallback.
        const account = key?.account ?? call.account;
        outcome.namespace = { account, region };
        const ownAccountOnly = options.auth.mode === 'strict';
        const output = await operation(params, { engine, ns: { cloud: 'alibaba', account, region }, ownAccountOnly });
        return renderSuccess(output, format, requestId);
      } catch (error) {
        const known = error instanceof AlibabaError ? error : isCoreError(error) ? fromCoreError(error) : undefined;
        if (!known) logger.error(`alibaba ${request.headers['x-acs-action'] ?? ''} failed: ${(error as Error)?.stack ?? String(error)}`);
        const failure = known ?? new AlibabaError('InternalFailure', 'The request processing has failed due to some unknown error.', 500);
        outcome.errorCode = failure.code;
        return renderError(failure, format, requestId, region);
      }
    },
  };
}
