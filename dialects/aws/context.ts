import type { SecretEngine } from '../../src/core/engine.js';
import type { Namespace } from '../../src/core/model.js';

/** What every AWS operation gets besides its input. */
export interface AwsContext {
  engine: SecretEngine;
  /** The caller's (account, region) namespace. */
  ns: Namespace;
  /**
   * Strict mode's caller: it may act only in its own account, as on AWS without a cross-account
   * resource policy (polysecret evaluates none). Absent in permissive mode, where an ARN may name any account.
   */
  caller?: AwsCaller;
}

/** Who is calling which operation, for AccessDeniedException's message. */
export interface AwsCaller {
  /** The IAM principal's ARN as AWS words it in a denial. */
  principal: string;
  operation: string;
}

/** An operation: schema-validated input in, output members out (undefined members are omitted on the wire). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AwsOperation = (input: any, context: AwsContext) => Promise<object>;
