import { CreateSecretCommand, ValidateResourcePolicyCommand } from '@aws-sdk/client-secrets-manager';
import { MESSAGES } from '../../../../dialects/aws/messages.js';
import { awsClient, rawAws, sdkError, STORES, useServer } from '../../../helpers/server.js';

const POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'secretsmanager:GetSecretValue', Resource: '*' }],
});
const PUBLIC_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: '*', Action: 'secretsmanager:GetSecretValue', Resource: '*' }],
});

describe.each(STORES)('ValidateResourcePolicy (%s store)', (kind) => {
  const server = useServer(kind);
  const client = () => awsClient(server().url);
  const raw = (body: unknown) => rawAws(server().url, 'ValidateResourcePolicy', body);

  async function createSecret(name = 'shared/secret'): Promise<string> {
    return (await client().send(new CreateSecretCommand({ Name: name, SecretString: 'x' }))).ARN!;
  }

  function expectError(response: { status: number; headers: Headers; json: any }, code: string, message: string): void {
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe(code);
    expect(response.json).toEqual({ __type: code, Message: message });
  }

  it('passes a well-formed policy without a SecretId', async () => {
    const response = await raw({ ResourcePolicy: POLICY });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ PolicyValidationPassed: true, ValidationErrors: [] });
  });

  it('passes a well-formed policy for an existing secret, by name, full and partial ARN', async () => {
    const arn = await createSecret();
    for (const secretId of ['shared/secret', arn, arn.slice(0, -7)]) {
      expect((await raw({ SecretId: secretId, ResourcePolicy: POLICY })).json).toEqual({ PolicyValidationPassed: true, ValidationErrors: [] });
    }
  });

  it('works through the SDK', async () => {
    await createSecret();
    const withSecret = await client().send(new ValidateResourcePolicyCommand({ SecretId: 'shared/secret', ResourcePolicy: POLICY }));
    expect(withSecret.PolicyValidationPassed).toBe(true);
    expect(withSecret.ValidationErrors).toEqual([]);
    const without = await client().send(new ValidateResourcePolicyCommand({ ResourcePolicy: POLICY }));
    expect(without.PolicyValidationPassed).toBe(true);
  });

  it('does not check for public access (that is PutResourcePolicy with BlockPublicPolicy)', async () => {
    expect((await raw({ ResourcePolicy: PUBLIC_POLICY })).json).toEqual({ PolicyValidationPassed: true, ValidationErrors: [] });
  });

  it('stores nothing', async () => {
    const arn = await createSecret();
    await raw({ SecretId: arn, ResourcePolicy: POLICY });
    expect((await rawAws(server().url, 'GetResourcePolicy', { SecretId: arn })).json).toEqual({ ARN: arn, Name: 'shared/secret' });
  });

  it.each(['not json', '{"Statement": [', '[]', '"text"'])('rejects %j with MalformedPolicyDocumentException, with or without SecretId', async (policy) => {
    await createSecret();
    expectError(await raw({ ResourcePolicy: policy }), 'MalformedPolicyDocumentException', MESSAGES.malformedPolicy);
    expectError(await raw({ SecretId: 'shared/secret', ResourcePolicy: policy }), 'MalformedPolicyDocumentException', MESSAGES.malformedPolicy);
  });

  it('reports a malformed policy through the SDK as MalformedPolicyDocumentException', async () => {
    const error = await sdkError(client().send(new ValidateResourcePolicyCommand({ ResourcePolicy: '{' })));
    expect(error.name).toBe('MalformedPolicyDocumentException');
    expect(error.message).toBe(MESSAGES.malformedPolicy);
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('is ResourceNotFoundException (HTTP 400) for an unknown SecretId', async () => {
    expectError(await raw({ SecretId: 'missing', ResourcePolicy: POLICY }), 'ResourceNotFoundException', MESSAGES.secretNotFound);
  });

  it('rejects an invalid SecretId with ValidationException [rec]', async () => {
    expectError(await raw({ SecretId: 'Inv Name', ResourcePolicy: POLICY }), 'ValidationException', MESSAGES.invalidName);
  });

  it.each([
    [{}, "Value null at 'resourcePolicy' failed to satisfy constraint: Member must not be null"],
    [{ SecretId: 'shared/secret' }, "Value null at 'resourcePolicy' failed to satisfy constraint: Member must not be null"],
    [{ ResourcePolicy: '' }, "Value '' at 'resourcePolicy' failed to satisfy constraint: Member must have length greater than or equal to 1"],
    [{ SecretId: '', ResourcePolicy: POLICY }, "Value '' at 'secretId' failed to satisfy constraint: Member must have length greater than or equal to 1"],
  ])('rejects %j with ValidationException', async (body, detail) => {
    expectError(await raw(body), 'ValidationException', `1 validation error detected: ${detail}`);
  });
});
