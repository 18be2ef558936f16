import {
  BatchGetSecretValueCommand,
  CreateSecretCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  type SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { credentialsFile } from '../../helpers/awsSigning.js';
import { awsClient, sdkError, useServer } from '../../helpers/server.js';

const OWNER = { accessKeyId: 'AKIAOWNER0000000001', secretAccessKey: 'owner-secret' };
const OTHER = { accessKeyId: 'AKIAOTHER0000000002', secretAccessKey: 'other-secret' };
const FILE = credentialsFile([
  { ...OWNER, accountId: '111111111111' },
  { ...OTHER, accountId: '222222222222' },
]);

/** Creates `shared` in the owner's account and answers its full and partial ARNs. */
async function ownersSecret(owner: SecretsManagerClient): Promise<{ full: string; partial: string }> {
  const { ARN } = await owner.send(new CreateSecretCommand({ Name: 'shared', SecretString: 'owners-value' }));
  return { full: ARN!, partial: ARN!.slice(0, -7) };
}

describe('AWS strict mode: a caller acts only in its own account', () => {
  const server = useServer('memory', { auth: 'strict', credentialsFile: FILE });
  const owner = () => awsClient(server().url, OWNER);
  const other = () => awsClient(server().url, OTHER);

  it('refuses Get, Describe, Put and Delete by another account\'s ARN (full or partial) with AccessDeniedException, 400', async () => {
    const { full, partial } = await ownersSecret(owner());
    const calls = (secretId: string) => [
      ['GetSecretValue', new GetSecretValueCommand({ SecretId: secretId })],
      ['DescribeSecret', new DescribeSecretCommand({ SecretId: secretId })],
      ['PutSecretValue', new PutSecretValueCommand({ SecretId: secretId, SecretString: 'planted' })],
      ['DeleteSecret', new DeleteSecretCommand({ SecretId: secretId, ForceDeleteWithoutRecovery: true })],
    ] as const;
    for (const secretId of [full, partial]) {
      for (const [operation, command] of calls(secretId)) {
        const error = await sdkError(other().send(command as never));
        expect([error.name, error.$metadata.httpStatusCode]).toEqual(['AccessDeniedException', 400]);
        expect(error.message).toBe(
          `User: arn:aws:iam::222222222222:user/${OTHER.accessKeyId} is not authorized to perform: secretsmanager:${operation} ` +
            `on resource: ${secretId} because no resource-based policy allows the secretsmanager:${operation} action`,
        );
      }
    }
    // Nothing changed in the owner's account.
    const value = await owner().send(new GetSecretValueCommand({ SecretId: 'shared' }));
    expect(value.SecretString).toBe('owners-value');
    expect(Object.keys((await owner().send(new DescribeSecretCommand({ SecretId: full }))).VersionIdsToStages ?? {})).toHaveLength(1);
  });

  it('lists another account\'s ARN in BatchGetSecretValue Errors and still answers the caller\'s own secrets', async () => {
    const { full } = await ownersSecret(owner());
    await other().send(new CreateSecretCommand({ Name: 'mine', SecretString: 'others-value' }));
    const batch = await other().send(new BatchGetSecretValueCommand({ SecretIdList: [full, 'mine'] }));
    expect(batch.SecretValues?.map((v) => v.SecretString)).toEqual(['others-value']);
    expect(batch.Errors).toEqual([expect.objectContaining({ SecretId: full, ErrorCode: 'AccessDeniedException' })]);
  });

  it('lets the owner use its own ARNs', async () => {
    const { full, partial } = await ownersSecret(owner());
    for (const secretId of [full, partial]) {
      expect((await owner().send(new GetSecretValueCommand({ SecretId: secretId }))).SecretString).toBe('owners-value');
    }
  });
});

describe('AWS permissive mode keeps reaching any account by ARN', () => {
  const server = useServer('memory', { credentialsFile: FILE });

  it('reads another account\'s secret by its ARN', async () => {
    const { full } = await ownersSecret(awsClient(server().url, OWNER));
    expect((await awsClient(server().url, OTHER).send(new GetSecretValueCommand({ SecretId: full }))).SecretString).toBe('owners-value');
  });
});
