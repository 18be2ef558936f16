import {
  CreateSecretCommand,
  DeleteSecretCommand,
  GetResourcePolicyCommand,
  PutResourcePolicyCommand,
  ReplicateSecretToRegionsCommand,
} from '@aws-sdk/client-secrets-manager';
import { MESSAGES } from '../../../../dialects/aws/messages.js';
import { awsClient, expectSecretNotFound, missingSecretIds, rawAws, regionHeaders, sdkError, STORES, useServer } from '../../../helpers/server.js';
import { recordedKeys } from '../../../helpers/awsRecordings.js';

/** AWS's answer to a write on a replica [obs: terraform-aws-secrets-manager#188, cloud-nuke#435]. */
const REPLICA_WRITE = "Operation not permitted on a replica secret. Call must be made in primary secret's region.";

const keysOf = (body: object): string[] => Object.keys(body).sort();

/** Formatted on purpose: the policy must come back byte for byte. */
const PUBLIC_POLICY = `{
  "Version": "2012-10-17",
  "Statement": [ { "Effect": "Allow", "Principal": "*", "Action": "secretsmanager:GetSecretValue", "Resource": "*" } ]
}`;
const ACCOUNT_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'secretsmanager:GetSecretValue', Resource: '*' },
  ],
});

/** AWS's answer for a secret it cannot find [rec: test_secret_not_found]. */
const NOT_FOUND = "Secrets Manager can't find the specified secret.";

describe.each(STORES)('PutResourcePolicy (%s store)', (kind) => {
  const server = useServer(kind);
  const client = () => awsClient(server().url);
  const raw = (body: unknown) => rawAws(server().url, 'PutResourcePolicy', body);

  async function createSecret(name = 'shared/secret'): Promise<string> {
    return (await client().send(new CreateSecretCommand({ Name: name, SecretString: 'x' }))).ARN!;
  }

  async function storedPolicy(secretId: string): Promise<string | undefined> {
    return (await client().send(new GetResourcePolicyCommand({ SecretId: secretId }))).ResourcePolicy;
  }

  function expectError(response: { status: number; headers: Headers; json: any }, code: string, message: string): void {
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe(code);
    expect(response.json).toEqual({ __type: code, Message: message });
  }

  it('answers ARN and Name (recorded shape) and stores the policy verbatim', async () => {
    const arn = await createSecret();
    const response = await raw({ SecretId: 'shared/secret', ResourcePolicy: PUBLIC_POLICY });
    expect(response.status).toBe(200);
    expect(keysOf(response.json)).toEqual(recordedKeys('test_resource_policy', 'put_resource_policy'));
    expect(response.json).toEqual({ ARN: arn, Name: 'shared/secret' });
    expect(await storedPolicy('shared/secret')).toBe(PUBLIC_POLICY);
  });

  it('works through the SDK and replaces an earlier policy', async () => {
    const arn = await createSecret();
    await client().send(new PutResourcePolicyCommand({ SecretId: arn, ResourcePolicy: PUBLIC_POLICY }));
    const second = await client().send(new PutResourcePolicyCommand({ SecretId: arn, ResourcePolicy: ACCOUNT_POLICY }));
    expect(second).toMatchObject({ ARN: arn, Name: 'shared/secret' });
    expect(await storedPolicy(arn)).toBe(ACCOUNT_POLICY);
  });

  it('accepts a partial ARN', async () => {
    const arn = await createSecret();
    const response = await raw({ SecretId: arn.slice(0, -7), ResourcePolicy: ACCOUNT_POLICY });
    expect(response.json).toEqual({ ARN: arn, Name: 'shared/secret' });
    expect(await storedPolicy('shared/secret')).toBe(ACCOUNT_POLICY);
  });

  it.each(['not json', '{"Version": "2012-10-17",', '[]', '"a string"', '42', 'null'])(
    'rejects %j with MalformedPolicyDocumentException and stores nothing',
    async (policy) => {
      await createSecret();
      expectError(await raw({ SecretId: 'shared/secret', ResourcePolicy: policy }), 'MalformedPolicyDocumentException', MESSAGES.malformedPolicy);
      expect(await storedPolicy('shared/secret')).toBeUndefined();
    },
  );

  it('keeps the previous policy when a malformed one is refused (SDK)', async () => {
    await createSecret();
    await client().send(new PutResourcePolicyCommand({ SecretId: 'shared/secret', ResourcePolicy: ACCOUNT_POLICY }));
    const error = await sdkError(client().send(new PutResourcePolicyCommand({ SecretId: 'shared/secret', ResourcePolicy: '{oops' })));
    expect(error.name).toBe('MalformedPolicyDocumentException');
    expect(error.message).toBe(MESSAGES.malformedPolicy);
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(await storedPolicy('shared/secret')).toBe(ACCOUNT_POLICY);
  });

  it('accepts a public policy when BlockPublicPolicy is not set', async () => {
    await createSecret();
    expect((await raw({ SecretId: 'shared/secret', ResourcePolicy: PUBLIC_POLICY, BlockPublicPolicy: false })).status).toBe(200);
    expect(await storedPolicy('shared/secret')).toBe(PUBLIC_POLICY);
  });

  it.each([
    ['Principal "*"', PUBLIC_POLICY],
    ['Principal {"AWS":"*"}', JSON.stringify({ Version: '2012-10-17', Statement: { Effect: 'Allow', Principal: { AWS: '*' }, Action: '*', Resource: '*' } })],
    ['Principal {"AWS":["*"]}', JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::111122223333:root', '*'] }, Action: '*' }] })],
  ])('with BlockPublicPolicy refuses a policy granting %s with PublicPolicyException', async (_label, policy) => {
    await createSecret();
    expectError(await raw({ SecretId: 'shared/secret', ResourcePolicy: policy, BlockPublicPolicy: true }), 'PublicPolicyException', MESSAGES.publicPolicy);
    const error = await sdkError(
      client().send(new PutResourcePolicyCommand({ SecretId: 'shared/secret', ResourcePolicy: policy, BlockPublicPolicy: true })),
    );
    expect(error.name).toBe('PublicPolicyException');
    expect(error.message).toBe(MESSAGES.publicPolicy);
    expect(await storedPolicy('shared/secret')).toBeUndefined();
  });

  it('with BlockPublicPolicy accepts a policy limited to an account', async () => {
    await createSecret();
    expect((await raw({ SecretId: 'shared/secret', ResourcePolicy: ACCOUNT_POLICY, BlockPublicPolicy: true })).status).toBe(200);
    expect(await storedPolicy('shared/secret')).toBe(ACCOUNT_POLICY);
  });

  it('is ResourceNotFoundException with AWS\'s text for a secret that does not exist, however it is named (raw and SDK)', async () => {
    for (const secretId of await missingSecretIds(server().url)) {
      expectError(await raw({ SecretId: secretId, ResourcePolicy: ACCOUNT_POLICY }), 'ResourceNotFoundException', NOT_FOUND);
      await expectSecretNotFound(client().send(new PutResourcePolicyCommand({ SecretId: secretId, ResourcePolicy: ACCOUNT_POLICY })), NOT_FOUND);
    }
  });

  it('is ResourceNotFoundException (HTTP 400) for an unknown secret', async () => {
    expectError(await raw({ SecretId: 'missing', ResourcePolicy: ACCOUNT_POLICY }), 'ResourceNotFoundException', MESSAGES.secretNotFound);
  });

  it('refuses a secret scheduled for deletion', async () => {
    await createSecret();
    await client().send(new DeleteSecretCommand({ SecretId: 'shared/secret' }));
    expectError(await raw({ SecretId: 'shared/secret', ResourcePolicy: ACCOUNT_POLICY }), 'InvalidRequestException', MESSAGES.markedForDeletion);
  });

  it('refuses a replica in its region with InvalidParameterException (writes go to the primary)', async () => {
    await createSecret();
    await client().send(new ReplicateSecretToRegionsCommand({ SecretId: 'shared/secret', AddReplicaRegions: [{ Region: 'eu-west-1' }] }));
    const replicaClient = awsClient(server().url, { region: 'eu-west-1' });
    const error = await sdkError(replicaClient.send(new PutResourcePolicyCommand({ SecretId: 'shared/secret', ResourcePolicy: ACCOUNT_POLICY })));
    expect(error.name).toBe('InvalidParameterException');
    expect(error.message).toBe(REPLICA_WRITE);
    expect(error.$metadata.httpStatusCode).toBe(400);
    expectError(
      await rawAws(server().url, 'PutResourcePolicy', { SecretId: 'shared/secret', ResourcePolicy: ACCOUNT_POLICY }, regionHeaders('eu-west-1')),
      'InvalidParameterException',
      REPLICA_WRITE,
    );
    expect(await storedPolicy('shared/secret')).toBeUndefined();
  });

  it('rejects an invalid name with ValidationException', async () => {
    expectError(await raw({ SecretId: 'Inv Name', ResourcePolicy: ACCOUNT_POLICY }), 'ValidationException', MESSAGES.invalidName);
  });

  it.each([
    [{ ResourcePolicy: ACCOUNT_POLICY }, "Value null at 'secretId' failed to satisfy constraint: Member must not be null"],
    [{ SecretId: 'shared/secret' }, "Value null at 'resourcePolicy' failed to satisfy constraint: Member must not be null"],
    [{ SecretId: 'shared/secret', ResourcePolicy: '' }, "Value '' at 'resourcePolicy' failed to satisfy constraint: Member must have length greater than or equal to 1"],
  ])('rejects %j with ValidationException', async (body, detail) => {
    await createSecret();
    expectError(await raw(body), 'ValidationException', `1 validation error detected: ${detail}`);
  });

  it('rejects a policy longer than 20480 characters with ValidationException', async () => {
    await createSecret();
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [], Padding: 'x'.repeat(20_480) });
    expectError(
      await raw({ SecretId: 'shared/secret', ResourcePolicy: policy }),
      'ValidationException',
      `1 validation error detected: Value '${policy}' at 'resourcePolicy' failed to satisfy constraint: Member must have length less than or equal to 20480`,
    );
  });
});
