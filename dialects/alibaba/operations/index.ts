import type { AlibabaOperation } from '../context.js';
import { BatchGetSecretValue } from './BatchGetSecretValue.js';
import { CreateSecret } from './CreateSecret.js';
import { DeleteSecret } from './DeleteSecret.js';
import { DescribeSecret } from './DescribeSecret.js';
import { GetRandomPassword } from './GetRandomPassword.js';
import { GetSecretPolicy } from './GetSecretPolicy.js';
import { GetSecretValue } from './GetSecretValue.js';
import { ListSecretVersionIds } from './ListSecretVersionIds.js';
import { ListSecrets } from './ListSecrets.js';
import { ListTagResources } from './ListTagResources.js';
import { PutSecretValue } from './PutSecretValue.js';
import { RestoreSecret } from './RestoreSecret.js';
import { RotateSecret } from './RotateSecret.js';
import { SetSecretPolicy } from './SetSecretPolicy.js';
import { TagResource } from './TagResource.js';
import { TagResources } from './TagResources.js';
import { UntagResource } from './UntagResource.js';
import { UntagResources } from './UntagResources.js';
import { UpdateSecret } from './UpdateSecret.js';
import { UpdateSecretRotationPolicy } from './UpdateSecretRotationPolicy.js';
import { UpdateSecretVersionStage } from './UpdateSecretVersionStage.js';

/** Every KMS secrets action, by name. */
export const ALIBABA_OPERATIONS: ReadonlyMap<string, AlibabaOperation> = new Map<string, AlibabaOperation>([
  ['BatchGetSecretValue', BatchGetSecretValue],
  ['CreateSecret', CreateSecret],
  ['DeleteSecret', DeleteSecret],
  ['DescribeSecret', DescribeSecret],
  ['GetRandomPassword', GetRandomPassword],
  ['GetSecretPolicy', GetSecretPolicy],
  ['GetSecretValue', GetSecretValue],
  ['ListSecretVersionIds', ListSecretVersionIds],
  ['ListSecrets', ListSecrets],
  ['ListTagResources', ListTagResources],
  ['PutSecretValue', PutSecretValue],
  ['RestoreSecret', RestoreSecret],
  ['RotateSecret', RotateSecret],
  ['SetSecretPolicy', SetSecretPolicy],
  ['TagResource', TagResource],
  ['TagResources', TagResources],
  ['UntagResource', UntagResource],
  ['UntagResources', UntagResources],
  ['UpdateSecret', UpdateSecret],
  ['UpdateSecretRotationPolicy', UpdateSecretRotationPolicy],
  ['UpdateSecretVersionStage', UpdateSecretVersionStage],
]);
