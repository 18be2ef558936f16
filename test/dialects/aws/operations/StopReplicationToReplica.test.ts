import {
  CreateSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  ReplicateSecretToRegionsCommand,
  StopReplicationToReplicaCommand,
} from '@aws-sdk/client-secrets-manager';
import { MESSAGES } from '../../../../dialects/aws/messages.js';
import { awsClient, rawAws, sdkError, STORES, useServer } from '../../../helpers/server.js';

const V1 = 'a1b2c3d4-0000-4000-8000-000000000001';
const V2 = 'a1b2c3d4-0000-4000-8000-000000000002';
const V3 = 'a1b2c3d4-0000-4000-8000-000000000003';

/** Signs nothing, but carries the credential scope the server reads the caller's region from. */
function inRegion(region: string): Record<string, string> {
  return {
    authorization: `AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20250101/${region}/secretsmanager/aws4_request, SignedHeaders=host, Signature=${'0'.repeat(64)}`,
  };
}

describe.each(STORES)('StopReplicationToReplica (%s store)', (kind) => {
  const server = useServer(kind);
  const primary = () => awsClient(server().url);
  const replica = () => awsClient(server().url, { region: 'eu-west-1' });
  const raw = (body: unknown, region = 'eu-west-1') => rawAws(server().url, 'StopReplicationToReplica', body, inRegion(region));

  async function createReplicated(regions = ['eu-west-1']): Promise<string> {
    const arn = (await primary().send(new CreateSecretCommand({ Name: 'app/db', SecretString: 'one', ClientRequestToken: V1 }))).ARN!;
    await primary().send(new ReplicateSecretToRegionsCommand({ SecretId: arn, AddReplicaRegions: regions.map((Region) => ({ Region })) }));
    return arn;
  }

  function expectError(response: { status: number; headers: Headers; json: any }, code: string, message: string): void {
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe(code);
    expect(response.json).toEqual({ __type: code, Message: message });
  }

  it("promotes the replica: answers exactly its ARN, the primary's region swapped for the replica's", async () => {
    const arn = await createReplicated();
    const response = await raw({ SecretId: 'app/db' });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ ARN: arn.replace(':us-east-1:', ':eu-west-1:') });
  });

  it('the promoted secret keeps its value and versions, and is standalone on both sides', async () => {
    const arn = await createReplicated();
    await replica().send(new StopReplicationToReplicaCommand({ SecretId: 'app/db' }));
    const value = await replica().send(new GetSecretValueCommand({ SecretId: 'app/db' }));
    expect(value).toMatchObject({ SecretString: 'one', VersionId: V1, VersionStages: ['AWSCURRENT'] });
    const promoted = (await rawAws(server().url, 'DescribeSecret', { SecretId: 'app/db' }, inRegion('eu-west-1'))).json;
    expect(promoted).not.toHaveProperty('PrimaryRegion');
    expect(promoted).not.toHaveProperty('ReplicationStatus');
    const original = (await rawAws(server().url, 'DescribeSecret', { SecretId: arn })).json;
    expect(original).not.toHaveProperty('PrimaryRegion');
    expect(original).not.toHaveProperty('ReplicationStatus');
  });

  it('the promoted secret accepts writes, and the two no longer follow each other', async () => {
    await createReplicated();
    await replica().send(new StopReplicationToReplicaCommand({ SecretId: 'app/db' }));
    await replica().send(new PutSecretValueCommand({ SecretId: 'app/db', SecretString: 'replica two', ClientRequestToken: V2 }));
    await primary().send(new PutSecretValueCommand({ SecretId: 'app/db', SecretString: 'primary two', ClientRequestToken: V3 }));
    expect((await replica().send(new GetSecretValueCommand({ SecretId: 'app/db' }))).SecretString).toBe('replica two');
    expect((await primary().send(new GetSecretValueCommand({ SecretId: 'app/db' }))).SecretString).toBe('primary two');
  });

  it('leaves the other replicas in place', async () => {
    await createReplicated(['eu-west-1', 'us-west-2']);
    await raw({ SecretId: 'app/db' });
    const described = await primary().send(new DescribeSecretCommand({ SecretId: 'app/db' }));
    expect(described.ReplicationStatus).toEqual([{ Region: 'us-west-2', Status: 'InSync' }]);
    await primary().send(new PutSecretValueCommand({ SecretId: 'app/db', SecretString: 'two', ClientRequestToken: V2 }));
    const west = awsClient(server().url, { region: 'us-west-2' });
    expect((await west.send(new GetSecretValueCommand({ SecretId: 'app/db' }))).SecretString).toBe('two');
  });

  it('lets the former primary be deleted', async () => {
    const arn = await createReplicated();
    await raw({ SecretId: 'app/db' });
    expect((await rawAws(server().url, 'DeleteSecret', { SecretId: arn })).status).toBe(200);
    expect((await replica().send(new GetSecretValueCommand({ SecretId: 'app/db' }))).SecretString).toBe('one');
  });

  it("accepts the replica's ARN", async () => {
    const arn = await createReplicated();
    const replicaArn = arn.replace(':us-east-1:', ':eu-west-1:');
    const stopped = await replica().send(new StopReplicationToReplicaCommand({ SecretId: replicaArn }));
    expect(stopped.ARN).toBe(replicaArn);
  });

  it('refuses a secret that is not a replica', async () => {
    await createReplicated();
    expectError(await raw({ SecretId: 'app/db' }, 'us-east-1'), 'InvalidRequestException', MESSAGES.notAReplica);
    const error = await sdkError(primary().send(new StopReplicationToReplicaCommand({ SecretId: 'app/db' })));
    expect(error.name).toBe('InvalidRequestException');
    expect(error.message).toBe(MESSAGES.notAReplica);
  });

  it('is ResourceNotFoundException (HTTP 400) for an unknown secret', async () => {
    expectError(await raw({ SecretId: 'missing' }), 'ResourceNotFoundException', MESSAGES.secretNotFound);
  });

  it('rejects an invalid name with ValidationException', async () => {
    expectError(await raw({ SecretId: 'bad?name' }), 'ValidationException', MESSAGES.invalidName);
  });

  it('requires SecretId', async () => {
    expectError(
      await raw({}),
      'ValidationException',
      "1 validation error detected: Value null at 'secretId' failed to satisfy constraint: Member must not be null",
    );
  });
});
