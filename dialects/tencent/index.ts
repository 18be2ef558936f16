import type { SecretEngine } from '../../src/core/engine.js';
import { isCoreError } from '../../src/core/errors.js';
import type { Dialect, DialectRequest, DialectResponse, RequestOutcome } from '../../src/server/http.js';
import type { Logger } from '../../src/server/log.js';
import type { AuthContext } from '../../src/auth/mode.js';
import { authenticate } from './auth.js';
import {
  accountOf,
  actionOf,
  API_VERSION,
  isTencentRequest,
  languageOf,
  parseHead,
  parseInput,
  renderError,
  renderSuccess,
  type TencentIdentityDefaults,
} from './envelope.js';
import { ERRORS, fromCoreError, TencentError } from './errors.js';
import { TENCENT_OPERATIONS } from './operations/index.js';
import { coerce, loadSchemas, validateInput } from './validation.js';

/** Options of the Tencent dialect. */
export interface TencentDialectOptions extends TencentIdentityDefaults {
  engine: SecretEngine;
  logger: Logger;
  /** Signature checking and the key → account mapping. */
  auth: AuthContext;
}

/** Tencent Cloud SSM over API 3.0 (2019-09-23): recognised by `X-TC-Action`, or `Action` with SSM's version. */
export function createTencentDialect(options: TencentDialectOptions): Dialect {
  const schemas = loadSchemas();
  const { engine, logger } = options;

  async function run(request: DialectRequest, outcome: RequestOutcome): Promise<object> {
    const head = parseHead(request, options);
    const operation = TENCENT_OPERATIONS.get(head.action);
    const schema = schemas.get(head.action);
    if (!operation || !schema) throw ERRORS.invalidAction();
    if (head.version === undefined) throw ERRORS.missingParameter('Version');
    if (head.version !== API_VERSION) throw ERRORS.noSuchVersion(head.version);
    // Authentication sits between the version check and the parameters (tencent.md §1.7), so a
    // forged request learns nothing about parameter validation, and the body is read only once signed.
    const key = authenticate(request, options.auth);
    const call = parseInput(request);
    const input = call.flattened ? coerce(schema.schema, call.input) : call.input;
    validateInput(schema.validate, input);
    const ns = { cloud: 'tencent', account: accountOf(key, options), region: head.region } as const;
    outcome.namespace = { account: ns.account, region: ns.region };
    return operation(input, { engine, ns, defaultRegion: options.region });
  }

  return {
    name: 'tencent',
    matches: isTencentRequest,
    operationOf: actionOf,
    async handle(request: DialectRequest, outcome: RequestOutcome = {}): Promise<DialectResponse> {
      const requestId = engine.ids.uuid();
      const language = languageOf(request);
      try {
        return renderSuccess(await run(request, outcome), requestId, request);
      } catch (error) {
        const known = error instanceof TencentError ? error : isCoreError(error) ? fromCoreError(error) : undefined;
        if (!known) logger.error(`tencent ${actionOf(request)} failed: ${(error as Error)?.stack ?? String(error)}`);
        const failure = known ?? ERRORS.internal();
        outcome.errorCode = failure.code;
        return renderError(failure, language, requestId, request);
      }
    },
  };
}
