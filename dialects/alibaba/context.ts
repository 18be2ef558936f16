import type { SecretLifecycle } from '../../src/core/lifecycle.js';
import type { Namespace } from '../../src/core/model.js';
import type { Params } from './params.js';

/** What every KMS action gets. */
export interface AlibabaContext {
  secrets: SecretLifecycle;
  /** The caller's (account, region) namespace. */
  ns: Namespace;
  /** Strict mode: an ARN may name only the caller's own account (no RAM policy grants another). */
  ownAccountOnly?: boolean;
}

/** An action: its parameters in, response members out (undefined members are omitted). */
export type AlibabaOperation = (params: Params, context: AlibabaContext) => Promise<object>;
