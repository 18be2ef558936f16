import type { CloudModule, DialectDeps } from '../../src/dialect/cloudModule.js';
import { createDialect, type DialectProtocol } from '../../src/dialect/pipeline.js';
import { authenticate } from './auth.js';
import type { AlibabaContext } from './context.js';
import { formatOf, isAlibabaRequest, parseCall, paramsOf, renderError, renderSuccess } from './envelope.js';
import { ALIBABA_CORE_ERRORS, ALIBABA_FAULT_ERRORS, AlibabaError, ERRORS } from './errors.js';
import { ALIBABA_OPERATIONS } from './operations/index.js';
import { Params } from './params.js';
import { alibabaPolicy } from './policy.js';
import { loadValidators, validateParams } from './validation.js';

/** What an answer needs: the format asked for and the region it names (in the error's HostId). */
interface RenderState {
  requestId: string;
  format: 'JSON' | 'XML';
  region: string;
}

/** The KMS RPC envelope as the dialect pipeline runs it. */
function alibabaProtocol(deps: DialectDeps): DialectProtocol<AlibabaContext, RenderState, AlibabaError> {
  const validators = loadValidators();
  const { auth, secrets } = deps;
  return {
    name: 'alibaba',
    matches: isAlibabaRequest,
    operationOf: (request) => paramsOf(request).get('Action') ?? request.headers['x-acs-action'] ?? '',
    begin: (request, requestId) => ({ requestId, format: formatOf(request), region: deps.region }),
    parse(request, state, outcome, exists) {
      const call = parseCall(request, deps);
      Object.assign(state, { format: call.format, region: call.region });
      const validate = validators.get(call.action)?.validate;
      // [inf] The gateway routes (method, version, action) before it authenticates, and checks parameters after.
      if (!exists(call.action) || !validate) throw ERRORS.invalidAction();
      const key = authenticate(request, auth);
      const params = new Params(call.params);
      validateParams(validate, params.toObject());
      // A listed key decides the account in either mode; otherwise the envelope's fallback.
      const account = key?.account ?? call.account;
      outcome.namespace = { account, region: call.region };
      const ownAccountOnly = auth.mode === 'strict';
      return { operation: call.action, input: params, secretName: params.get('SecretName'), context: { secrets, ns: { cloud: 'alibaba', account, region: call.region }, ownAccountOnly } };
    },
    valueMembers: () => [...validators.sensitiveMembers(), 'RandomPassword'],
    renderSuccess: (output, { format, requestId }) => renderSuccess(output, format, requestId),
    renderError: (failure, { format, requestId, region }) => renderError(failure, format, requestId, region),
    coreErrors: ALIBABA_CORE_ERRORS,
    internalError: ALIBABA_FAULT_ERRORS.internal,
    faultErrors: ALIBABA_FAULT_ERRORS,
    failureType: AlibabaError,
  };
}

/** Alibaba Cloud KMS secrets over RPC (2016-01-20): recognised by `x-acs-action` or an `Action` parameter. */
export const alibabaCloud: CloudModule = {
  cloud: 'alibaba',
  policy: alibabaPolicy,
  // A bare Action parameter is the least specific mark: Tencent's API version or v1 signature pair wins over it.
  precedence: 1,
  coreErrors: ALIBABA_CORE_ERRORS,
  faultErrors: ALIBABA_FAULT_ERRORS,
  createDialect: (deps) => createDialect(alibabaProtocol(deps), ALIBABA_OPERATIONS, deps),
};
