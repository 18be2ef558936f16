import { ALIBABA_KEY, ALIBABA_SDKS, alibabaClient } from '../../helpers/alibaba.js';
import { credentialsFile, useStrictServer, type ListedKey } from '../../helpers/alibabaAuth.js';
import { expectKmsError } from '../../helpers/alibabaOperations.js';
import { useServer } from '../../helpers/server.js';

const OWNER: ListedKey = { ...ALIBABA_KEY, accountId: '1111222233334444' };
const OTHER: ListedKey = { accessKeyId: 'LTAIotherAccount', accessKeySecret: 'other-secret', accountId: '5555666677778888' };
const arnOf = (name: string) => `acs:kms:cn-hangzhou:${OWNER.accountId}:secret/${name}`;

describe('Alibaba strict mode: a caller acts only in its own account', () => {
  const server = useStrictServer([OWNER, OTHER]);

  describe.each(ALIBABA_SDKS)('%s', (sdk) => {
    it('refuses another account\'s secret named by ARN with Forbidden.NoPermission (403), changing nothing', async () => {
      const owner = alibabaClient(server.url(), sdk, OWNER);
      const other = alibabaClient(server.url(), sdk, OTHER);
      await owner('CreateSecret', { SecretName: `owned-${sdk}`, VersionId: 'v1', SecretData: 'owners-value' });
      const arn = arnOf(`owned-${sdk}`);
      const attempts: Array<[string, Record<string, string>]> = [
        ['GetSecretValue', { SecretName: arn }],
        ['DescribeSecret', { SecretName: arn }],
        ['PutSecretValue', { SecretName: arn, VersionId: 'planted', SecretData: 'planted' }],
        ['DeleteSecret', { SecretName: arn, ForceDeleteWithoutRecovery: 'true' }],
      ];
      for (const [action, params] of attempts) {
        await expectKmsError(sdk, other(action, params), 'Forbidden.NoPermission', 403, 'This operation is forbidden by permission system');
      }
      const read = await owner('GetSecretValue', { SecretName: arn });
      expect([read.SecretData, read.VersionId]).toEqual(['owners-value', 'v1']);
    });
  });
});

describe('Alibaba permissive mode keeps reaching any account by ARN', () => {
  const server = useServer('memory', { credentialsFile: credentialsFile([OWNER, OTHER]) });

  it('reads another account\'s secret by its ARN', async () => {
    await alibabaClient(server().url, 'kms20160120', OWNER)('CreateSecret', { SecretName: 'owned', VersionId: 'v1', SecretData: 'owners-value' });
    const read = await alibabaClient(server().url, 'kms20160120', OTHER)('GetSecretValue', { SecretName: arnOf('owned') });
    expect(read.SecretData).toBe('owners-value');
  });
});
