import {
  CreateSecretCommand,
  DeleteResourcePolicyCommand,
  DeleteSecretCommand,
  GetResourcePolicyCommand,
  PutResourcePolicyCommand,
} from '@aws-sdk/client-secrets-manager';
import { MESSAGES } from '../../../../dialects/aws/messages.js';
import { awsClient, expectSecretNotFound, missingSecretIds, rawAws, sdkError, STORES, useServer } from '../../../helpers/server.js';
import { recorded } from '../../../helpers/awsRecordings.js';


const keysOf = (body: object): string[] => Object.keys(body).sort();

const POLICY = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"secretsmanager:GetSecretValue","Resource":"*"}]}`;

/** AWS's answer for a secret it cannot find [rec: test_secret_not_found]. */
const NOT_FOUND = "Secrets Manager can't find the specified secret.";

describe.each(STORES)('GetResourcePolicy (%s store)', (kind) => {
  const server = useServer(kind);
  const client = () => awsClient(server().url);
  const raw = (body: unknown) => rawAws(server().url, 'GetResourcePolicy', body);

  async function createSecret(name = 'shared/secret'): Promise<string> {
    return (await client().send(new CreateSecretCommand({ Name: name, SecretString: 'x' }))).ARN!;
  }

  function expectError(response: { status: number; headers: Headers; json: any }, code: string, message: string): void {
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe(code);
    expect(response.json).toEqual({ __type: code, Message: message });
  }

  it('returns only ARN and Name for a secret without a policy', async () => {
    const arn = await createSecret();
    const response = await raw({ SecretId: 'shared/secret' });
    expect(response.status).toBe(200);
    expect(keysOf(response.json)).toEqual(['ARN', 'Name']);
    expect(response.json).toEqual({ ARN: arn, Name: 'shared/secret' });
    expect(response.text).not.toContain('null');
  });

  it('returns the stored policy verbatim, in the recorded shape', async () => {
    const arn = await createSecret();
    await client().send(new PutResourcePolicyCommand({ SecretId: 'shared/secret', ResourcePolicy: POLICY }));
    const response = await raw({ SecretId: 'shared/secret' });
    expect(keysOf(response.json)).toEqual(keysOf(recorded('test_resource_policy', 'get_resource_policy')));
    expect(response.json).toEqual({ ARN: arn, Name: 'shared/secret', ResourcePolicy: POLICY });
    // The recording holds the parsed document AWS returned for the same policy.
    expect(JSON.parse(response.json.ResourcePolicy)).toEqual(recorded('test_resource_policy', 'get_resource_policy').ResourcePolicy);
  });

  it('works through the SDK by full and partial ARN', async () => {
    const arn = await createSecret();
    await client().send(new PutResourcePolicyCommand({ SecretId: arn, ResourcePolicy: POLICY }));
    for (const secretId of [arn, arn.slice(0, -7)]) {
      const got = await client().send(new GetResourcePolicyCommand({ SecretId: secretId }));
      expect(got).toMatchObject({ ARN: arn, Name: 'shared/secret', ResourcePolicy: POLICY });
    }
  });

  it('shows no policy again after DeleteResourcePolicy', async () => {
    const arn = await createSecret();
    await client().send(new PutResourcePolicyCommand({ SecretId: arn, ResourcePolicy: POLICY }));
    await client().send(new DeleteResourcePolicyCommand({ SecretId: arn }));
    expect((await raw({ SecretId: arn })).json).toEqual({ ARN: arn, Name: 'shared/secret' });
  });

  it('keeps policies apart per secret', async () => {
    await createSecret('one');
    await createSecret('two');
    await client().send(new PutResourcePolicyCommand({ SecretId: 'one', ResourcePolicy: POLICY }));
    expect((await raw({ SecretId: 'one' })).json.ResourcePolicy).toBe(POLICY);
    expect((await raw({ SecretId: 'two' })).json).not.toHaveProperty('ResourcePolicy');
  });

  it('still reads the policy of a secret scheduled for deletion', async () => {
    // AWS does not list GetResourcePolicy among the operations a secret scheduled for deletion refuses.
    const arn = await createSecret();
    await client().send(new PutResourcePolicyCommand({ SecretId: arn, ResourcePolicy: POLICY }));
    await client().send(new DeleteSecretCommand({ SecretId: arn }));
    expect((await raw({ SecretId: arn })).json).toEqual({ ARN: arn, Name: 'shared/secret', ResourcePolicy: POLICY });
  });

  it('is ResourceNotFoundException with AWS\'s text for a secret that does not exist, however it is named (raw and SDK)', async () => {
    for (const secretId of await missingSecretIds(server().url)) {
      expectError(await raw({ SecretId: secretId }), 'ResourceNotFoundException', NOT_FOUND);
      await expectSecretNotFound(client().send(new GetResourcePolicyCommand({ SecretId: secretId })), NOT_FOUND);
    }
  });

  it('is ResourceNotFoundException (HTTP 400) for an unknown secret', async () => {
    expectError(await raw({ SecretId: 'missing' }), 'ResourceNotFoundException', MESSAGES.secretNotFound);
    const error = await sdkError(client().send(new GetResourcePolicyCommand({ SecretId: 'missing' })));
    expect(error.name).toBe('ResourceNotFoundException');
    expect(error.message).toBe(MESSAGES.secretNotFound);
  });

  it('rejects an invalid name with ValidationException', async () => {
    expectError(await raw({ SecretId: 'bad name' }), 'ValidationException', MESSAGES.invalidName);
  });

  it('requires SecretId', async () => {
    expectError(
      await raw({}),
      'ValidationException',
      "1 validation error detected: Value null at 'secretId' failed to satisfy constraint: Member must not be null",
    );
  });
});
