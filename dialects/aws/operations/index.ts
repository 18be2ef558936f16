import type { AwsOperation } from '../context.js';
import { BatchGetSecretValue } from './BatchGetSecretValue.js';
import { CancelRotateSecret } from './CancelRotateSecret.js';
import { CreateSecret } from './CreateSecret.js';
import { DeleteResourcePolicy } from './DeleteResourcePolicy.js';
import { DeleteSecret } from './DeleteSecret.js';
import { DescribeSecret } from './DescribeSecret.js';
import { GetRandomPassword } from './GetRandomPassword.js';
import { GetResourcePolicy } from './GetResourcePolicy.js';
import { GetSecretValue } from './GetSecretValue.js';
import { ListSecretVersionIds } from './ListSecretVersionIds.js';
import { ListSecrets } from './ListSecrets.js';
import { PutResourcePolicy } from './PutResourcePolicy.js';
import { PutSecretValue } from './PutSecretValue.js';
import { RemoveRegionsFromReplication } from './RemoveRegionsFromReplication.js';
import { ReplicateSecretToRegions } from './ReplicateSecretToRegions.js';
import { RestoreSecret } from './RestoreSecret.js';
import { RotateSecret } from './RotateSecret.js';
import { StopReplicationToReplica } from './StopReplicationToReplica.js';
import { TagResource } from './TagResource.js';
import { UntagResource } from './UntagResource.js';
import { UpdateSecret } from './UpdateSecret.js';
import { UpdateSecretVersionStage } from './UpdateSecretVersionStage.js';
import { ValidateResourcePolicy } from './ValidateResourcePolicy.js';

/** Every Secrets Manager operation, by the name it has in `X-Amz-Target`. */
export const AWS_OPERATIONS: ReadonlyMap<string, AwsOperation> = new Map<string, AwsOperation>([
  ['BatchGetSecretValue', BatchGetSecretValue],
  ['CancelRotateSecret', CancelRotateSecret],
  ['CreateSecret', CreateSecret],
  ['DeleteResourcePolicy', DeleteResourcePolicy],
  ['DeleteSecret', DeleteSecret],
  ['DescribeSecret', DescribeSecret],
  ['GetRandomPassword', GetRandomPassword],
  ['GetResourcePolicy', GetResourcePolicy],
  ['GetSecretValue', GetSecretValue],
  ['ListSecretVersionIds', ListSecretVersionIds],
  ['ListSecrets', ListSecrets],
  ['PutResourcePolicy', PutResourcePolicy],
  ['PutSecretValue', PutSecretValue],
  ['RemoveRegionsFromReplication', RemoveRegionsFromReplication],
  ['ReplicateSecretToRegions', ReplicateSecretToRegions],
  ['RestoreSecret', RestoreSecret],
  ['RotateSecret', RotateSecret],
  ['StopReplicationToReplica', StopReplicationToReplica],
  ['TagResource', TagResource],
  ['UntagResource', UntagResource],
  ['UpdateSecret', UpdateSecret],
  ['UpdateSecretVersionStage', UpdateSecretVersionStage],
  ['ValidateResourcePolicy', ValidateResourcePolicy],
]);
