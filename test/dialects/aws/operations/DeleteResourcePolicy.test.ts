import {
  CreateSecretCommand,
  DeleteResourcePolicyCommand,
  DeleteSecretCommand,
  GetResourcePolicyCommand,
  PutResourcePolicyCommand,
  ReplicateSecretToRegionsCommand,
} from '@aws-sdk/client-secrets-manager';
import { MESSAGES } from '../../../../dialects/aws/messages.js';
import { awsClient, expectSecretNotFound, missingSecretIds, rawAws, sdkError, STORES, useServer } from '../../../helpers/server.js';

const POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'secretsmanager:*', Resource: '*' }],
});

/** AWS's answer for a secret it cannot find [rec: test_secret_not_found]. */
const NOT_FOUND = "Secrets Manager can't find the specified secret.";

describe.each(STORES)('DeleteResourcePolicy (%s store)', (kind) => {
  const server = useServer(kind);
  const client = () => awsClient(server().url);
  const raw = (body: unknown) => rawAws(server().url, 'DeleteResourcePolicy', body);

  async function createSecret(name = 'shared/secret'): Promise<string> {
    return (await client().send(new CreateSecretCommand({ Name: name, SecretString: 'x' }))).ARN!;
  }

  function expectError(response: { status: number; headers: Headers; json: any }, code: string, message: string): void {
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe(code);
    expect(response.json).toEqual({ __type: code, Message: message });
  }

  it('removes the policy and answers exactly ARN and Name', async () => {
    const arn = await createSecret();
    await client().send(new PutResourcePolicyCommand({ SecretId: arn, ResourcePolicy: POLICY }));
    const response = await raw({ SecretId: 'shared/secret' });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ ARN: arn, Name: 'shared/secret' });
    const got = await rawAws(server().url, 'GetResourcePolicy', { SecretId: arn });
    expect(got.json).toEqual({ ARN: arn, Name: 'shared/secret' });
  });

  it('succeeds when there is no policy', async () => {
    const arn = await createSecret();
    const deleted = await client().send(new DeleteResourcePolicyCommand({ SecretId: 'shared/secret' }));
    expect(deleted).toMatchObject({ ARN: arn, Name: 'shared/secret' });
  });

  it('only touches the named secret', async () => {
    await createSecret('one');
    await createSecret('two');
    await client().send(new PutResourcePolicyCommand({ SecretId: 'one', ResourcePolicy: POLICY }));
    await client().send(new PutResourcePolicyCommand({ SecretId: 'two', ResourcePolicy: POLICY }));
    await client().send(new DeleteResourcePolicyCommand({ SecretId: 'one' }));
    expect((await client().send(new GetResourcePolicyCommand({ SecretId: 'one' }))).ResourcePolicy).toBeUndefined();
    expect((await client().send(new GetResourcePolicyCommand({ SecretId: 'two' }))).ResourcePolicy).toBe(POLICY);
  });

  it('accepts full and partial ARNs', async () => {
    const arn = await createSecret();
    for (const secretId of [arn, arn.slice(0, -7)]) {
      await client().send(new PutResourcePolicyCommand({ SecretId: arn, ResourcePolicy: POLICY }));
      expect((await raw({ SecretId: secretId })).json).toEqual({ ARN: arn, Name: 'shared/secret' });
      expect((await client().send(new GetResourcePolicyCommand({ SecretId: arn }))).ResourcePolicy).toBeUndefined();
    }
  });

  it('is ResourceNotFoundException with AWS\'s text for a secret that does not exist, however it is named (raw and SDK)', async () => {
    for (const secretId of await missingSecretIds(server().url)) {
      expectError(await raw({ SecretId: secretId }), 'ResourceNotFoundException', NOT_FOUND);
      await expectSecretNotFound(client().send(new DeleteResourcePolicyCommand({ SecretId: secretId })), NOT_FOUND);
    }
  });

  it('is ResourceNotFoundException (HTTP 400) for an unknown secret', async () => {
    expectError(await raw({ SecretId: 'missing' }), 'ResourceNotFoundException', MESSAGES.secretNotFound);
    const error = await sdkError(client().send(new DeleteResourcePolicyCommand({ SecretId: 'missing' })));
    expect(error.name).toBe('ResourceNotFoundException');
  });

  it('refuses a secret scheduled for deletion and keeps its policy', async () => {
    const arn = await createSecret();
    await client().send(new PutResourcePolicyCommand({ SecretId: arn, ResourcePolicy: POLICY }));
    await client().send(new DeleteSecretCommand({ SecretId: arn }));
    expectError(await raw({ SecretId: arn }), 'InvalidRequestException', MESSAGES.markedForDeletion);
    expect((await client().send(new GetResourcePolicyCommand({ SecretId: arn }))).ResourcePolicy).toBe(POLICY);
  });

  it('refuses a replica (writes go to the primary)', async () => {
    await createSecret();
    await client().send(new ReplicateSecretToRegionsCommand({ SecretId: 'shared/secret', AddReplicaRegions: [{ Region: 'eu-west-1' }] }));
    const replicaClient = awsClient(server().url, { region: 'eu-west-1' });
    const error = await sdkError(replicaClient.send(new DeleteResourcePolicyCommand({ SecretId: 'shared/secret' })));
    expect(error.name).toBe('InvalidParameterException');
    expect(error.message).toBe(MESSAGES.replicaWrite);
  });

  it('rejects an invalid name with ValidationException', async () => {
    expectError(await raw({ SecretId: 'a*b' }), 'ValidationException', MESSAGES.invalidName);
  });

  it('requires SecretId', async () => {
    expectError(
      await raw({}),
      'ValidationException',
      "1 validation error detected: Value null at 'secretId' failed to satisfy constraint: Member must not be null",
    );
  });
});
