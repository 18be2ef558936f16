import {
  CreateSecretCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  ListSecretsCommand,
  PutSecretValueCommand,
  ReplicateSecretToRegionsCommand,
  RestoreSecretCommand,
} from '@aws-sdk/client-secrets-manager';
import { MESSAGES } from '../../../../dialects/aws/messages.js';
import { awsClient, rawAws, sdkError, STORES, useServer } from '../../../helpers/server.js';
import { recordedKeys } from '../../../helpers/awsRecordings.js';

const TOKEN = 'a1b2c3d4-0000-4000-8000-00000000000a';


const keysOf = (body: object): string[] => Object.keys(body).sort();

describe.each(STORES)('RestoreSecret (%s store)', (kind) => {
  const server = useServer(kind);
  const client = () => awsClient(server().url);
  const raw = (body: unknown) => rawAws(server().url, 'RestoreSecret', body);

  async function createSecret(name = 'app/api-key', value = 'v1'): Promise<string> {
    const created = await client().send(new CreateSecretCommand({ Name: name, SecretString: value, ClientRequestToken: TOKEN }));
    return created.ARN!;
  }

  function expectError(response: { status: number; headers: Headers; json: any }, code: string, message: string): void {
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe(code);
    expect(response.json).toEqual({ __type: code, Message: message });
  }

  it('cancels a scheduled deletion: ARN and Name only (recorded shape), DeletedDate gone, the value readable again', async () => {
    const arn = await createSecret();
    const deleted = await rawAws(server().url, 'DeleteSecret', { SecretId: 'app/api-key' });
    expect(keysOf(deleted.json)).toEqual(recordedKeys('test_secret_restore', 'delete_secret_res'));
    expect((await client().send(new DescribeSecretCommand({ SecretId: 'app/api-key' }))).DeletedDate).toBeInstanceOf(Date);

    const restored = await raw({ SecretId: 'app/api-key' });
    expect(restored.status).toBe(200);
    expect(keysOf(restored.json)).toEqual(recordedKeys('test_secret_restore', 'restore_secret_res'));
    expect(restored.json).toEqual({ ARN: arn, Name: 'app/api-key' });

    const described = (await rawAws(server().url, 'DescribeSecret', { SecretId: 'app/api-key' })).json;
    expect(described).not.toHaveProperty('DeletedDate');
    expect(described.VersionIdsToStages).toEqual({ [TOKEN]: ['AWSCURRENT'] });
    const value = await client().send(new GetSecretValueCommand({ SecretId: 'app/api-key' }));
    expect(value).toMatchObject({ ARN: arn, SecretString: 'v1', VersionId: TOKEN, VersionStages: ['AWSCURRENT'] });
  });

  it('makes the secret writable and listed again', async () => {
    await createSecret();
    await client().send(new DeleteSecretCommand({ SecretId: 'app/api-key', RecoveryWindowInDays: 7 }));
    expect((await client().send(new ListSecretsCommand({}))).SecretList).toEqual([]);

    await client().send(new RestoreSecretCommand({ SecretId: 'app/api-key' }));
    expect((await client().send(new ListSecretsCommand({}))).SecretList!.map((entry) => entry.Name)).toEqual(['app/api-key']);
    const put = await client().send(
      new PutSecretValueCommand({ SecretId: 'app/api-key', SecretString: 'v2', ClientRequestToken: 'b1b2c3d4-0000-4000-8000-00000000000b' }),
    );
    expect(put.VersionStages).toEqual(['AWSCURRENT']);
    expect((await client().send(new GetSecretValueCommand({ SecretId: 'app/api-key' }))).SecretString).toBe('v2');
  });

  it('lets the secret be scheduled for deletion again afterwards', async () => {
    await createSecret();
    await client().send(new DeleteSecretCommand({ SecretId: 'app/api-key' }));
    await client().send(new RestoreSecretCommand({ SecretId: 'app/api-key' }));
    const again = await rawAws(server().url, 'DeleteSecret', { SecretId: 'app/api-key', RecoveryWindowInDays: 7 });
    expect(again.status).toBe(200);
    expect((await client().send(new DescribeSecretCommand({ SecretId: 'app/api-key' }))).DeletedDate).toBeInstanceOf(Date);
  });

  it('succeeds on a secret that is not scheduled for deletion, changing nothing', async () => {
    const arn = await createSecret();
    const before = (await rawAws(server().url, 'DescribeSecret', { SecretId: 'app/api-key' })).json;
    const restored = await raw({ SecretId: 'app/api-key' });
    expect(restored.status).toBe(200);
    expect(restored.json).toEqual({ ARN: arn, Name: 'app/api-key' });
    expect((await rawAws(server().url, 'DescribeSecret', { SecretId: 'app/api-key' })).json).toEqual(before);
  });

  it('accepts a full ARN and a partial ARN', async () => {
    const arn = await createSecret();
    await client().send(new DeleteSecretCommand({ SecretId: arn }));
    expect(await client().send(new RestoreSecretCommand({ SecretId: arn }))).toMatchObject({ ARN: arn, Name: 'app/api-key' });
    expect((await client().send(new DescribeSecretCommand({ SecretId: arn }))).DeletedDate).toBeUndefined();

    await client().send(new DeleteSecretCommand({ SecretId: arn }));
    const partial = await raw({ SecretId: arn.slice(0, -7) });
    expect(partial.json).toEqual({ ARN: arn, Name: 'app/api-key' });
    expect((await client().send(new GetSecretValueCommand({ SecretId: arn }))).SecretString).toBe('v1');
  });

  it('is ResourceNotFoundException (HTTP 400) for an unknown secret', async () => {
    expectError(await raw({ SecretId: 'missing' }), 'ResourceNotFoundException', MESSAGES.secretNotFound);
    const error = await sdkError(client().send(new RestoreSecretCommand({ SecretId: 'missing' })));
    expect(error.name).toBe('ResourceNotFoundException');
    expect(error.message).toBe(MESSAGES.secretNotFound);
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('cannot bring back a force-deleted secret', async () => {
    await createSecret();
    await client().send(new DeleteSecretCommand({ SecretId: 'app/api-key', ForceDeleteWithoutRecovery: true }));
    expectError(await raw({ SecretId: 'app/api-key' }), 'ResourceNotFoundException', MESSAGES.secretNotFound);
  });

  it('refuses a replica (writes go to the primary)', async () => {
    await createSecret();
    await client().send(new ReplicateSecretToRegionsCommand({ SecretId: 'app/api-key', AddReplicaRegions: [{ Region: 'eu-west-1' }] }));
    const replicaClient = awsClient(server().url, { region: 'eu-west-1' });
    const error = await sdkError(replicaClient.send(new RestoreSecretCommand({ SecretId: 'app/api-key' })));
    expect(error.name).toBe('InvalidParameterException');
    expect(error.message).toBe(MESSAGES.replicaWrite);
  });

  it.each(['Inv Name', ' Inv*Name? '])('rejects the invalid name %j with ValidationException', async (name) => {
    expectError(await raw({ SecretId: name }), 'ValidationException', MESSAGES.invalidName);
  });

  it('requires SecretId', async () => {
    expectError(
      await raw({}),
      'ValidationException',
      "1 validation error detected: Value null at 'secretId' failed to satisfy constraint: Member must not be null",
    );
  });
});
