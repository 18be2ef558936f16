import {
  CreateSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  RemoveRegionsFromReplicationCommand,
  ReplicateSecretToRegionsCommand,
} from '@aws-sdk/client-secrets-manager';
import { MESSAGES } from '../../../../dialects/aws/messages.js';
import { awsClient, rawAws, sdkError, STORES, useServer } from '../../../helpers/server.js';

/** Signs nothing, but carries the credential scope the server reads the caller's region from. */
function inRegion(region: string): Record<string, string> {
  return {
    authorization: `AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20250101/${region}/secretsmanager/aws4_request, SignedHeaders=host, Signature=${'0'.repeat(64)}`,
  };
}

describe.each(STORES)('RemoveRegionsFromReplication (%s store)', (kind) => {
  const server = useServer(kind);
  const primary = () => awsClient(server().url);
  const regional = (region: string) => awsClient(server().url, { region });
  const raw = (body: unknown, region = 'us-east-1') => rawAws(server().url, 'RemoveRegionsFromReplication', body, inRegion(region));

  async function createReplicated(regions: string[], name = 'app/db'): Promise<string> {
    const arn = (await primary().send(new CreateSecretCommand({ Name: name, SecretString: 'value' }))).ARN!;
    await primary().send(new ReplicateSecretToRegionsCommand({ SecretId: arn, AddReplicaRegions: regions.map((Region) => ({ Region })) }));
    return arn;
  }

  function expectError(response: { status: number; headers: Headers; json: any }, code: string, message: string): void {
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe(code);
    expect(response.json).toEqual({ __type: code, Message: message });
  }

  it('deletes the replica and answers ARN with an empty ReplicationStatus', async () => {
    const arn = await createReplicated(['eu-west-1']);
    const response = await raw({ SecretId: 'app/db', RemoveReplicaRegions: ['eu-west-1'] });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ ARN: arn, ReplicationStatus: [] });
    const error = await sdkError(regional('eu-west-1').send(new GetSecretValueCommand({ SecretId: 'app/db' })));
    expect(error.name).toBe('ResourceNotFoundException');
    expect(error.message).toBe(MESSAGES.secretNotFound);
    const described = (await rawAws(server().url, 'DescribeSecret', { SecretId: arn })).json;
    expect(described).not.toHaveProperty('ReplicationStatus');
    expect(described).not.toHaveProperty('PrimaryRegion');
  });

  it('removes only the named regions', async () => {
    const arn = await createReplicated(['eu-west-1', 'us-west-2']);
    const removed = await primary().send(new RemoveRegionsFromReplicationCommand({ SecretId: arn, RemoveReplicaRegions: ['us-west-2'] }));
    expect(removed.ARN).toBe(arn);
    expect(removed.ReplicationStatus).toEqual([{ Region: 'eu-west-1', Status: 'InSync' }]);
    expect((await regional('eu-west-1').send(new GetSecretValueCommand({ SecretId: 'app/db' }))).SecretString).toBe('value');
    expectError(
      await rawAws(server().url, 'DescribeSecret', { SecretId: 'app/db' }, inRegion('us-west-2')),
      'ResourceNotFoundException',
      MESSAGES.secretNotFound,
    );
    expect((await primary().send(new DescribeSecretCommand({ SecretId: arn }))).PrimaryRegion).toBe('us-east-1');
  });

  it('lets the primary be deleted once no replica is left', async () => {
    const arn = await createReplicated(['eu-west-1']);
    await raw({ SecretId: arn, RemoveReplicaRegions: ['eu-west-1'] });
    const deleted = await rawAws(server().url, 'DeleteSecret', { SecretId: arn });
    expect(deleted.status).toBe(200);
    expect(deleted.json.ARN).toBe(arn);
  });

  it('frees the name in the former replica region', async () => {
    await createReplicated(['eu-west-1']);
    await raw({ SecretId: 'app/db', RemoveReplicaRegions: ['eu-west-1'] });
    const local = await regional('eu-west-1').send(new CreateSecretCommand({ Name: 'app/db', SecretString: 'local' }));
    expect(local.ARN).toMatch(/^arn:aws:secretsmanager:eu-west-1:000000000000:secret:app\/db-[A-Za-z0-9]{6}$/);
  });

  it('forgets a Failed replica without touching the secret that blocked it', async () => {
    await primary().send(new CreateSecretCommand({ Name: 'app/db', SecretString: 'primary' }));
    await regional('eu-west-1').send(new CreateSecretCommand({ Name: 'app/db', SecretString: 'local' }));
    const replicated = await primary().send(
      new ReplicateSecretToRegionsCommand({ SecretId: 'app/db', AddReplicaRegions: [{ Region: 'eu-west-1' }] }),
    );
    expect(replicated.ReplicationStatus![0]!.Status).toBe('Failed');
    expect((await raw({ SecretId: 'app/db', RemoveReplicaRegions: ['eu-west-1'] })).json.ReplicationStatus).toEqual([]);
    expect((await regional('eu-west-1').send(new GetSecretValueCommand({ SecretId: 'app/db' }))).SecretString).toBe('local');
  });

  it('accepts the primary by partial ARN', async () => {
    const arn = await createReplicated(['eu-west-1']);
    expect((await raw({ SecretId: arn.slice(0, -7), RemoveReplicaRegions: ['eu-west-1'] })).json).toEqual({ ARN: arn, ReplicationStatus: [] });
  });

  it('cannot be called on a replica', async () => {
    await createReplicated(['eu-west-1']);
    expectError(await raw({ SecretId: 'app/db', RemoveReplicaRegions: ['eu-west-1'] }, 'eu-west-1'), 'InvalidParameterException', MESSAGES.replicaWrite);
    expect((await regional('eu-west-1').send(new GetSecretValueCommand({ SecretId: 'app/db' }))).SecretString).toBe('value');
  });

  it('is ResourceNotFoundException (HTTP 400) for an unknown secret', async () => {
    expectError(await raw({ SecretId: 'missing', RemoveReplicaRegions: ['eu-west-1'] }), 'ResourceNotFoundException', MESSAGES.secretNotFound);
  });

  it('rejects an invalid name with ValidationException', async () => {
    expectError(await raw({ SecretId: 'no spaces', RemoveReplicaRegions: ['eu-west-1'] }), 'ValidationException', MESSAGES.invalidName);
  });

  it.each([
    [{ RemoveReplicaRegions: ['eu-west-1'] }, "Value null at 'secretId' failed to satisfy constraint: Member must not be null"],
    [{ SecretId: 'app/db' }, "Value null at 'removeReplicaRegions' failed to satisfy constraint: Member must not be null"],
    [{ SecretId: 'app/db', RemoveReplicaRegions: [] }, "Value '[]' at 'removeReplicaRegions' failed to satisfy constraint: Member must have length greater than or equal to 1"],
    [
      { SecretId: 'app/db', RemoveReplicaRegions: ['EU_WEST'] },
      "Value 'EU_WEST' at 'removeReplicaRegions.1.member' failed to satisfy constraint: Member must satisfy regular expression pattern: ^([a-z]+-)+\\d+$",
    ],
  ])('rejects %j with ValidationException', async (body, detail) => {
    await createReplicated(['eu-west-1']);
    expectError(await raw(body), 'ValidationException', `1 validation error detected: ${detail}`);
  });
});
