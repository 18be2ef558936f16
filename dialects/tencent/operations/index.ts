import type { TencentOperation } from '../context.js';
import { CreateProductSecret } from './CreateProductSecret.js';
import { CreateSSHKeyPairSecret } from './CreateSSHKeyPairSecret.js';
import { CreateSecret } from './CreateSecret.js';
import { DeleteSecret } from './DeleteSecret.js';
import { DeleteSecretVersion } from './DeleteSecretVersion.js';
import { DescribeAsyncRequestInfo } from './DescribeAsyncRequestInfo.js';
import { DescribeRotationDetail } from './DescribeRotationDetail.js';
import { DescribeRotationHistory } from './DescribeRotationHistory.js';
import { DescribeSecret } from './DescribeSecret.js';
import { DescribeSupportedProducts } from './DescribeSupportedProducts.js';
import { DisableSecret } from './DisableSecret.js';
import { EnableSecret } from './EnableSecret.js';
import { GetRegions } from './GetRegions.js';
import { GetSSHKeyPairValue } from './GetSSHKeyPairValue.js';
import { GetSecretValue } from './GetSecretValue.js';
import { GetServiceStatus } from './GetServiceStatus.js';
import { ListSecretVersionIds } from './ListSecretVersionIds.js';
import { ListSecrets } from './ListSecrets.js';
import { PutSecretValue } from './PutSecretValue.js';
import { RestoreSecret } from './RestoreSecret.js';
import { RotateProductSecret } from './RotateProductSecret.js';
import { UpdateDescription } from './UpdateDescription.js';
import { UpdateRotationStatus } from './UpdateRotationStatus.js';
import { UpdateSecret } from './UpdateSecret.js';

/** Every SSM action, by name. */
export const TENCENT_OPERATIONS: ReadonlyMap<string, TencentOperation> = new Map<string, TencentOperation>([
  ['CreateProductSecret', CreateProductSecret],
  ['CreateSSHKeyPairSecret', CreateSSHKeyPairSecret],
  ['CreateSecret', CreateSecret],
  ['DeleteSecret', DeleteSecret],
  ['DeleteSecretVersion', DeleteSecretVersion],
  ['DescribeAsyncRequestInfo', DescribeAsyncRequestInfo],
  ['DescribeRotationDetail', DescribeRotationDetail],
  ['DescribeRotationHistory', DescribeRotationHistory],
  ['DescribeSecret', DescribeSecret],
  ['DescribeSupportedProducts', DescribeSupportedProducts],
  ['DisableSecret', DisableSecret],
  ['EnableSecret', EnableSecret],
  ['GetRegions', GetRegions],
  ['GetSSHKeyPairValue', GetSSHKeyPairValue],
  ['GetSecretValue', GetSecretValue],
  ['GetServiceStatus', GetServiceStatus],
  ['ListSecretVersionIds', ListSecretVersionIds],
  ['ListSecrets', ListSecrets],
  ['PutSecretValue', PutSecretValue],
  ['RestoreSecret', RestoreSecret],
  ['RotateProductSecret', RotateProductSecret],
  ['UpdateDescription', UpdateDescription],
  ['UpdateRotationStatus', UpdateRotationStatus],
  ['UpdateSecret', UpdateSecret],
]);
