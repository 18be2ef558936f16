import type { SecretEngine } from '../../src/core/engine.js';
import type { Namespace } from '../../src/core/model.js';

/** What every AWS operation gets besides its input. */
export interface AwsContext {
  engine: SecretEngine;
  /** The caller's (account, region) namespace. */
  ns: Namespace;
}

/** An operation: schema-validated input in, output members out (undefined members are omitted on the wire). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AwsOperation = (input: any, context: AwsContext) => Promise<object>;
