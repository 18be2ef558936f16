import type { Operation } from '../../src/dialect/pipeline.js';
import type { RotationRunner } from './rotation/runner.js';
import type { SecretLifecycle } from '../../src/core/lifecycle.js';
import type { Namespace } from '../../src/core/model.js';

/** What every AWS operation gets besides its input. */
export interface AwsContext {
  secrets: SecretLifecycle;
  /** The caller's (account, region) namespace. */
  ns: Namespace;
  /**
   * Strict mode's caller: it may act only in its own account, as on AWS without a cross-account
   * resource policy (polysecret evaluates none). Absent in permissive mode, where an ARN may name any account.
   */
  caller?: AwsCaller;
  /** Runs this server's rotations (RotateSecret, and scheduled ones settled on use). */
  rotation: RotationRunner;
}

/** Who is calling which operation, for AccessDeniedException's message. */
export interface AwsCaller {
  /** The IAM principal's ARN as AWS words it in a denial. */
  principal: string;
  operation: string;
}

/** An operation: schema-validated input in, output members out (undefined members are omitted on the wire). */
export type AwsOperation = Operation<AwsContext>;
