import type { AlibabaContext } from '../context.js';
import { ERRORS } from '../errors.js';
import type { Params } from '../params.js';
import { requireLiveSecret } from '../secrets.js';

/** A policy is at most 32768 bytes [doc]. */
const MAX_POLICY_BYTES = 32_768;

/** SetSecretPolicy: stores the `default` policy verbatim; it must be a JSON object. */
export async function SetSecretPolicy(params: Params, context: AlibabaContext): Promise<object> {
  const policy = params.required('Policy');
  if (Buffer.byteLength(policy, 'utf8') > MAX_POLICY_BYTES) throw ERRORS.invalid('Policy', `It must be at most ${MAX_POLICY_BYTES} bytes.`);
  const document = params.json('Policy');
  // [inf] KMS policies are documents `{"Version":"1","Statement":[…]}`; any other JSON value is refused.
  if (typeof document !== 'object' || document === null || Array.isArray(document)) throw ERRORS.invalid('Policy', 'It must be a JSON object.');
  // [inf] A secret pending deletion takes no new policy (Rejected.ResourceInDeleteWindow, as for other writes).
  const record = requireLiveSecret(context, params.required('SecretName'));
  await context.secrets.update(record, (draft) => {
    draft.resourcePolicy = policy;
  });
  return {};
}
