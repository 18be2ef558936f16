import type { DialectRequest } from '../../src/dialect/contract.js';
import type { CloudModule, DialectDeps } from '../../src/dialect/cloudModule.js';
import { createDialect, type DialectProtocol } from '../../src/dialect/pipeline.js';
import { authenticate } from './auth.js';
import type { TencentContext } from './context.js';
import { accountOf, actionOf, API_VERSION, isTencentRequest, languageOf, parseHead, parseInput, renderError, renderSuccess } from './envelope.js';
import { ERRORS, TENCENT_CORE_ERRORS, TENCENT_FAULT_ERRORS, TencentError, type Language } from './errors.js';
import { TENCENT_OPERATIONS } from './operations/index.js';
import { tencentPolicy } from './policy.js';
import { coerce, loadSchemas, validateInput } from './validation.js';

/** What an answer needs: the caller's language, and the request (whose trace id it echoes). */
interface RenderState {
  requestId: string;
  language: Language;
  request: DialectRequest;
}

/** The SSM API 3.0 envelope as the dialect pipeline runs it. */
function tencentProtocol(deps: DialectDeps): DialectProtocol<TencentContext, RenderState, TencentError> {
  const schemas = loadSchemas();
  const { auth, secrets } = deps;
  return {
    name: 'tencent',
    matches: isTencentRequest,
    operationOf: actionOf,
    begin: (request, requestId) => ({ requestId, language: languageOf(request), request }),
    parse(request, _state, outcome, exists) {
      const head = parseHead(request, deps);
      const schema = schemas.get(head.action);
      if (!exists(head.action) || !schema) throw ERRORS.invalidAction();
      if (head.version === undefined) throw ERRORS.missingParameter('Version');
      if (head.version !== API_VERSION) throw ERRORS.noSuchVersion(head.version);
      // Authentication sits between the version check and the parameters, so a forged request
      // learns nothing about parameter validation, and the body is read only once signed.
      const key = authenticate(request, auth);
      const call = parseInput(request);
      const input = call.flattened ? coerce(schema.schema, call.input) : call.input;
      validateInput(schema.validate, input);
      const ns = { cloud: 'tencent', account: accountOf(key, deps), region: head.region } as const;
      outcome.namespace = { account: ns.account, region: ns.region };
      const { SecretName: secretName } = input as { SecretName?: unknown };
      return { operation: head.action, input, secretName: typeof secretName === 'string' ? secretName : undefined, context: { secrets, ns, defaultRegion: deps.region } };
    },
    // GetSSHKeyPairValue answers the private key of a key pair secret.
    valueMembers: () => [...schemas.sensitiveMembers(), 'PrivateKey'],
    renderSuccess: (output, { requestId, request }) => renderSuccess(output, requestId, request),
    renderError: (failure, { requestId, language, request }) => renderError(failure, language, requestId, request),
    coreErrors: TENCENT_CORE_ERRORS,
    internalError: ERRORS.internal,
    faultErrors: TENCENT_FAULT_ERRORS,
    failureType: TencentError,
  };
}

/** Tencent Cloud SSM over API 3.0 (2019-09-23): recognised by `X-TC-Action`, or `Action` with SSM's version or a v1 signature. */
export const tencentCloud: CloudModule = {
  cloud: 'tencent',
  policy: tencentPolicy,
  // Its header, its API version or a v1 SecretId/Nonce pair mark a request as SSM's more surely than a bare Action.
  precedence: 2,
  coreErrors: TENCENT_CORE_ERRORS,
  faultErrors: TENCENT_FAULT_ERRORS,
  createDialect: (deps) => createDialect(tencentProtocol(deps), TENCENT_OPERATIONS, deps),
};
