import {
  CreateSecretCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  ListSecretVersionIdsCommand,
  PutSecretValueCommand,
  ReplicateSecretToRegionsCommand,
  DeleteResourcePolicyCommand,
  PutResourcePolicyCommand,
  RestoreSecretCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateSecretCommand,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';
import { MESSAGES } from '../../../../dialects/aws/messages.js';
import { awsClient, rawAws, sdkError, STORES, useServer } from '../../../helpers/server.js';

const V1 = 'a1b2c3d4-0000-4000-8000-000000000001';
const V2 = 'a1b2c3d4-0000-4000-8000-000000000002';

/** Signs nothing, but carries the credential scope the server reads the caller's region from. */
function inRegion(region: string): Record<string, string> {
  return {
    authorization: `AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20250101/${region}/secretsmanager/aws4_request, SignedHeaders=host, Signature=${'0'.repeat(64)}`,
  };
}

const swapRegion = (arn: string, region: string): string => arn.replace(':us-east-1:', `:${region}:`);

describe.each(STORES)('ReplicateSecretToRegions (%s store)', (kind) => {
  const server = useServer(kind);
  const primary = () => awsClient(server().url);
  const regional = (region: string) => awsClient(server().url, { region });
  const raw = (body: unknown, region = 'us-east-1') => rawAws(server().url, 'ReplicateSecretToRegions', body, inRegion(region));

  async function createSecret(name = 'app/db', value = 'one', client = primary()): Promise<string> {
    return (await client.send(new CreateSecretCommand({ Name: name, SecretString: value, ClientRequestToken: V1 }))).ARN!;
  }

  function expectError(response: { status: number; headers: Headers; json: any }, code: string, message: string): void {
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe(code);
    expect(response.json).toEqual({ __type: code, Message: message });
  }

  it('answers ARN and ReplicationStatus with the new region InSync', async () => {
    const arn = await createSecret();
    const response = await raw({ SecretId: 'app/db', AddReplicaRegions: [{ Region: 'eu-west-1' }] });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ ARN: arn, ReplicationStatus: [{ Region: 'eu-west-1', Status: 'InSync' }] });
  });

  it('keeps the KmsKeyId given for a replica region', async () => {
    await createSecret();
    const response = await raw({ SecretId: 'app/db', AddReplicaRegions: [{ Region: 'eu-west-1', KmsKeyId: 'alias/replica-key' }] });
    expect(response.json.ReplicationStatus).toEqual([{ Region: 'eu-west-1', KmsKeyId: 'alias/replica-key', Status: 'InSync' }]);
  });

  it('makes the replica readable in its region: same value, versions and stages, ARN with the region swapped', async () => {
    const arn = await createSecret();
    await primary().send(new ReplicateSecretToRegionsCommand({ SecretId: arn, AddReplicaRegions: [{ Region: 'eu-west-1' }] }));
    const original = await primary().send(new GetSecretValueCommand({ SecretId: 'app/db' }));
    const replica = await regional('eu-west-1').send(new GetSecretValueCommand({ SecretId: 'app/db' }));
    expect(replica.ARN).toBe(swapRegion(arn, 'eu-west-1'));
    expect(replica.Name).toBe('app/db');
    expect(replica.SecretString).toBe('one');
    expect(replica.VersionId).toBe(original.VersionId);
    expect(replica.VersionStages).toEqual(original.VersionStages);
    // The replica's own ARN finds it too.
    expect((await regional('eu-west-1').send(new GetSecretValueCommand({ SecretId: replica.ARN }))).SecretString).toBe('one');
    const versions = await regional('eu-west-1').send(new ListSecretVersionIdsCommand({ SecretId: 'app/db' }));
    expect(versions.Versions!.map((v) => [v.VersionId, v.VersionStages])).toEqual([[V1, ['AWSCURRENT']]]);
  });

  it('DescribeSecret shows PrimaryRegion on both sides and ReplicationStatus on the primary', async () => {
    const arn = await createSecret();
    await raw({ SecretId: arn, AddReplicaRegions: [{ Region: 'eu-west-1' }, { Region: 'ap-southeast-2' }] });
    const onPrimary = (await rawAws(server().url, 'DescribeSecret', { SecretId: 'app/db' })).json;
    expect(onPrimary.PrimaryRegion).toBe('us-east-1');
    expect(onPrimary.ReplicationStatus).toEqual([
      { Region: 'eu-west-1', Status: 'InSync' },
      { Region: 'ap-southeast-2', Status: 'InSync' },
    ]);
    const onReplica = (await rawAws(server().url, 'DescribeSecret', { SecretId: 'app/db' }, inRegion('ap-southeast-2'))).json;
    expect(onReplica.ARN).toBe(swapRegion(arn, 'ap-southeast-2'));
    expect(onReplica.PrimaryRegion).toBe('us-east-1');
    expect(onReplica.VersionIdsToStages).toEqual(onPrimary.VersionIdsToStages);
    expect(typeof onReplica.CreatedDate).toBe('number');
  });

  it('refuses writes on the replica', async () => {
    await createSecret();
    await raw({ SecretId: 'app/db', AddReplicaRegions: [{ Region: 'eu-west-1' }] });
    const replica = regional('eu-west-1');
    for (const command of [
      new PutSecretValueCommand({ SecretId: 'app/db', SecretString: 'two', ClientRequestToken: V2 }),
      new UpdateSecretCommand({ SecretId: 'app/db', Description: 'changed' }),
      new TagResourceCommand({ SecretId: 'app/db', Tags: [{ Key: 'k', Value: 'v' }] }),
      new UntagResourceCommand({ SecretId: 'app/db', TagKeys: ['k'] }),
      new UpdateSecretVersionStageCommand({ SecretId: 'app/db', VersionStage: 'BLUE', MoveToVersionId: V1 }),
      new PutResourcePolicyCommand({ SecretId: 'app/db', ResourcePolicy: '{"Version":"2012-10-17","Statement":[]}' }),
      new DeleteResourcePolicyCommand({ SecretId: 'app/db' }),
      new RestoreSecretCommand({ SecretId: 'app/db' }),
      new DeleteSecretCommand({ SecretId: 'app/db' }),
    ]) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const error = await sdkError(replica.send(command as any));
      expect(error.name).toBe('InvalidParameterException');
      expect(error.message).toBe(MESSAGES.replicaWrite);
    }
    expectError(
      await rawAws(server().url, 'PutSecretValue', { SecretId: 'app/db', SecretString: 'two', ClientRequestToken: V2 }, inRegion('eu-west-1')),
      'InvalidParameterException',
      MESSAGES.replicaWrite,
    );
    expect((await replica.send(new GetSecretValueCommand({ SecretId: 'app/db' }))).SecretString).toBe('one');
  });

  it('the replica follows later writes on the primary', async () => {
    await createSecret();
    await raw({ SecretId: 'app/db', AddReplicaRegions: [{ Region: 'eu-west-1' }] });
    await primary().send(new PutSecretValueCommand({ SecretId: 'app/db', SecretString: 'two', ClientRequestToken: V2 }));
    await primary().send(new UpdateSecretCommand({ SecretId: 'app/db', Description: 'now described' }));
    const replica = regional('eu-west-1');
    const current = await replica.send(new GetSecretValueCommand({ SecretId: 'app/db' }));
    expect(current).toMatchObject({ SecretString: 'two', VersionId: V2, VersionStages: ['AWSCURRENT'] });
    const previous = await replica.send(new GetSecretValueCommand({ SecretId: 'app/db', VersionStage: 'AWSPREVIOUS' }));
    expect(previous).toMatchObject({ SecretString: 'one', VersionId: V1 });
    const described = await replica.send(new DescribeSecretCommand({ SecretId: 'app/db' }));
    expect(described.VersionIdsToStages).toEqual({ [V1]: ['AWSPREVIOUS'], [V2]: ['AWSCURRENT'] });
    expect(described.Description).toBe('now described');
  });

  it('a name taken in the target region makes that replica Failed, and the other secret is left alone', async () => {
    await createSecret('app/db', 'primary value');
    await createSecret('app/db', 'local value', regional('eu-west-1'));
    const response = await raw({ SecretId: 'app/db', AddReplicaRegions: [{ Region: 'eu-west-1' }, { Region: 'eu-central-1' }] });
    expect(response.status).toBe(200);
    expect(response.json.ReplicationStatus).toEqual([
      { Region: 'eu-west-1', Status: 'Failed', StatusMessage: 'Replication failed: Secret name app/db already exists in region eu-west-1.' },
      { Region: 'eu-central-1', Status: 'InSync' },
    ]);
    const local = await regional('eu-west-1').send(new DescribeSecretCommand({ SecretId: 'app/db' }));
    expect(local.PrimaryRegion).toBeUndefined();
    expect((await regional('eu-west-1').send(new GetSecretValueCommand({ SecretId: 'app/db' }))).SecretString).toBe('local value');
    expect((await regional('eu-central-1').send(new GetSecretValueCommand({ SecretId: 'app/db' }))).SecretString).toBe('primary value');
    // The local secret stays writable: it is no replica.
    await regional('eu-west-1').send(new PutSecretValueCommand({ SecretId: 'app/db', SecretString: 'local two', ClientRequestToken: V2 }));
  });

  it('ForceOverwriteReplicaSecret replaces a secret of the same name in the target region', async () => {
    const arn = await createSecret('app/db', 'primary value');
    const localArn = await createSecret('app/db', 'local value', regional('eu-west-1'));
    const response = await raw({ SecretId: 'app/db', AddReplicaRegions: [{ Region: 'eu-west-1' }], ForceOverwriteReplicaSecret: true });
    expect(response.json).toEqual({ ARN: arn, ReplicationStatus: [{ Region: 'eu-west-1', Status: 'InSync' }] });
    const replica = await regional('eu-west-1').send(new GetSecretValueCommand({ SecretId: 'app/db' }));
    expect(replica.SecretString).toBe('primary value');
    expect(replica.ARN).toBe(swapRegion(arn, 'eu-west-1'));
    expect(replica.ARN).not.toBe(localArn);
  });

  it('a Failed region is tried again, and ForceOverwriteReplicaSecret then takes it over', async () => {
    const arn = await createSecret('app/db', 'primary value');
    await createSecret('app/db', 'local value', regional('eu-west-1'));
    const failed = await raw({ SecretId: 'app/db', AddReplicaRegions: [{ Region: 'eu-west-1' }] });
    expect(failed.json.ReplicationStatus[0].Status).toBe('Failed');
    const retried = await raw({ SecretId: 'app/db', AddReplicaRegions: [{ Region: 'eu-west-1' }], ForceOverwriteReplicaSecret: true });
    expect(retried.json).toEqual({ ARN: arn, ReplicationStatus: [{ Region: 'eu-west-1', Status: 'InSync' }] });
    expect((await regional('eu-west-1').send(new GetSecretValueCommand({ SecretId: 'app/db' }))).SecretString).toBe('primary value');
  });

  it('the replica carries the primary resource policy', async () => {
    await createSecret();
    await raw({ SecretId: 'app/db', AddReplicaRegions: [{ Region: 'eu-west-1' }] });
    const policy = '{"Version":"2012-10-17","Statement":[]}';
    await rawAws(server().url, 'PutResourcePolicy', { SecretId: 'app/db', ResourcePolicy: policy });
    const fromReplica = await rawAws(server().url, 'GetResourcePolicy', { SecretId: 'app/db' }, inRegion('eu-west-1'));
    expect(fromReplica.json.ResourcePolicy).toBe(policy);
  });

  it('replicating to a region already replicated changes nothing', async () => {
    const arn = await createSecret();
    await raw({ SecretId: 'app/db', AddReplicaRegions: [{ Region: 'eu-west-1' }] });
    const again = await raw({ SecretId: 'app/db', AddReplicaRegions: [{ Region: 'eu-west-1' }, { Region: 'us-west-2' }] });
    expect(again.json).toEqual({
      ARN: arn,
      ReplicationStatus: [
        { Region: 'eu-west-1', Status: 'InSync' },
        { Region: 'us-west-2', Status: 'InSync' },
      ],
    });
  });

  it("the primary's own region as a replica is InvalidParameterException and replicates nothing", async () => {
    await createSecret();
    const error = await sdkError(
      primary().send(new ReplicateSecretToRegionsCommand({ SecretId: 'app/db', AddReplicaRegions: [{ Region: 'eu-west-1' }, { Region: 'us-east-1' }] })),
    );
    expect(error.name).toBe('InvalidParameterException');
    expect(error.message).toBe(MESSAGES.invalidReplicaRegion);
    expectError(await raw({ SecretId: 'app/db', AddReplicaRegions: [{ Region: 'us-east-1' }] }), 'InvalidParameterException', MESSAGES.invalidReplicaRegion);
    expect((await rawAws(server().url, 'DescribeSecret', { SecretId: 'app/db' })).json).not.toHaveProperty('ReplicationStatus');
    expectError(
      await rawAws(server().url, 'DescribeSecret', { SecretId: 'app/db' }, inRegion('eu-west-1')),
      'ResourceNotFoundException',
      MESSAGES.secretNotFound,
    );
  });

  it('cannot be called on a replica', async () => {
    await createSecret();
    await raw({ SecretId: 'app/db', AddReplicaRegions: [{ Region: 'eu-west-1' }] });
    expectError(
      await raw({ SecretId: 'app/db', AddReplicaRegions: [{ Region: 'us-west-2' }] }, 'eu-west-1'),
      'InvalidParameterException',
      MESSAGES.replicaWrite,
    );
  });

  it('accepts the primary by full and partial ARN', async () => {
    const arn = await createSecret();
    expect((await raw({ SecretId: arn, AddReplicaRegions: [{ Region: 'eu-west-1' }] })).json.ARN).toBe(arn);
    expect((await raw({ SecretId: arn.slice(0, -7), AddReplicaRegions: [{ Region: 'us-west-2' }] })).json.ReplicationStatus).toHaveLength(2);
  });

  it('is ResourceNotFoundException (HTTP 400) for an unknown secret', async () => {
    expectError(await raw({ SecretId: 'missing', AddReplicaRegions: [{ Region: 'eu-west-1' }] }), 'ResourceNotFoundException', MESSAGES.secretNotFound);
  });

  it('refuses a secret scheduled for deletion', async () => {
    await createSecret();
    await primary().send(new DeleteSecretCommand({ SecretId: 'app/db' }));
    expectError(await raw({ SecretId: 'app/db', AddReplicaRegions: [{ Region: 'eu-west-1' }] }), 'InvalidRequestException', MESSAGES.markedForDeletion);
  });

  it('rejects an invalid name with ValidationException', async () => {
    expectError(await raw({ SecretId: 'Inv Name', AddReplicaRegions: [{ Region: 'eu-west-1' }] }), 'ValidationException', MESSAGES.invalidName);
  });

  it.each([
    [{ AddReplicaRegions: [{ Region: 'eu-west-1' }] }, "Value null at 'secretId' failed to satisfy constraint: Member must not be null"],
    [{ SecretId: 'app/db' }, "Value null at 'addReplicaRegions' failed to satisfy constraint: Member must not be null"],
    [{ SecretId: 'app/db', AddReplicaRegions: [] }, "Value '[]' at 'addReplicaRegions' failed to satisfy constraint: Member must have length greater than or equal to 1"],
    [
      { SecretId: 'app/db', AddReplicaRegions: [{ Region: 'moon' }] },
      "Value 'moon' at 'addReplicaRegions.1.member.region' failed to satisfy constraint: Member must satisfy regular expression pattern: ^([a-z]+-)+\\d+$",
    ],
  ])('rejects %j with ValidationException', async (body, detail) => {
    await createSecret();
    expectError(await raw(body), 'ValidationException', `1 validation error detected: ${detail}`);
  });
});
