import { CreateSecretCommand, RotateSecretCommand } from '@aws-sdk/client-secrets-manager';
import { MESSAGES } from '../../../../dialects/aws/messages.js';
import { awsClient, rawAws, sdkError, STORES, useServer } from '../../../helpers/server.js';

const FULL_INPUT = {
  SecretId: 'app/db',
  ClientRequestToken: 'a1b2c3d4-0000-4000-8000-000000000009',
  RotationLambdaARN: 'arn:aws:lambda:us-east-1:000000000000:function:rotate',
  RotationRules: { AutomaticallyAfterDays: 7 },
};

describe.each(STORES)('RotateSecret (%s store)', (kind) => {
  const server = useServer(kind);
  const client = () => awsClient(server().url);
  const raw = (body: unknown) => rawAws(server().url, 'RotateSecret', body);

  it('answers 501 NotImplementedException naming the operation', async () => {
    await client().send(new CreateSecretCommand({ Name: 'app/db', SecretString: 'x' }));
    const response = await raw(FULL_INPUT);
    expect(response.status).toBe(501);
    expect(response.headers.get('x-amzn-errortype')).toBe('NotImplementedException');
    expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(response.json).toEqual({ __type: 'NotImplementedException', Message: MESSAGES.notSupportedYet('RotateSecret') });
    expect(response.json.Message).toContain('RotateSecret');
  });

  it('answers the same for a secret that does not exist', async () => {
    const response = await raw({ SecretId: 'missing' });
    expect(response.status).toBe(501);
    expect(response.json).toEqual({ __type: 'NotImplementedException', Message: MESSAGES.notSupportedYet('RotateSecret') });
  });

  it('reaches SDK callers as a NotImplementedException with HTTP 501', async () => {
    await client().send(new CreateSecretCommand({ Name: 'app/db', SecretString: 'x' }));
    const error = await sdkError(client().send(new RotateSecretCommand(FULL_INPUT)));
    expect(error.name).toBe('NotImplementedException');
    expect(error.message).toBe(MESSAGES.notSupportedYet('RotateSecret'));
    expect(error.$metadata.httpStatusCode).toBe(501);
  });

  it('changes nothing on the secret', async () => {
    await client().send(new CreateSecretCommand({ Name: 'app/db', SecretString: 'x' }));
    const before = (await rawAws(server().url, 'DescribeSecret', { SecretId: 'app/db' })).json;
    await raw(FULL_INPUT);
    const after = (await rawAws(server().url, 'DescribeSecret', { SecretId: 'app/db' })).json;
    expect(after).toEqual(before);
    expect(Object.keys(after).filter((key) => key.startsWith('Rotation'))).toEqual([]);
  });

  it('still validates its input first', async () => {
    const response = await raw({});
    expect(response.status).toBe(400);
    expect(response.json).toEqual({
      __type: 'ValidationException',
      Message: "1 validation error detected: Value null at 'secretId' failed to satisfy constraint: Member must not be null",
    });
  });
});
