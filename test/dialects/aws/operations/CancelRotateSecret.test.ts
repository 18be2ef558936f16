import { CreateSecretCommand, CancelRotateSecretCommand } from '@aws-sdk/client-secrets-manager';
import { MESSAGES } from '../../../../dialects/aws/messages.js';
import { awsClient, rawAws, sdkError, STORES, useServer } from '../../../helpers/server.js';

const FULL_INPUT = { SecretId: 'app/db' };

describe.each(STORES)('CancelRotateSecret (%s store)', (kind) => {
  const server = useServer(kind);
  const client = () => awsClient(server().url);
  const raw = (body: unknown) => rawAws(server().url, 'CancelRotateSecret', body);

  it('answers 501 NotImplementedException naming the operation', async () => {
    await client().send(new CreateSecretCommand({ Name: 'app/db', SecretString: 'x' }));
    const response = await raw(FULL_INPUT);
    expect(response.status).toBe(501);
    expect(response.headers.get('x-amzn-errortype')).toBe('NotImplementedException');
    expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(response.json).toEqual({ __type: 'NotImplementedException', Message: MESSAGES.notSupportedYet('CancelRotateSecret') });
    expect(response.json.Message).toContain('CancelRotateSecret');
  });

  it('answers the same for a secret that does not exist', async () => {
    const response = await raw({ SecretId: 'missing' });
    expect(response.status).toBe(501);
    expect(response.json).toEqual({ __type: 'NotImplementedException', Message: MESSAGES.notSupportedYet('CancelRotateSecret') });
  });

  it('reaches SDK callers as a NotImplementedException with HTTP 501', async () => {
    await client().send(new CreateSecretCommand({ Name: 'app/db', SecretString: 'x' }));
    const error = await sdkError(client().send(new CancelRotateSecretCommand(FULL_INPUT)));
    expect(error.name).toBe('NotImplementedException');
    expect(error.message).toBe(MESSAGES.notSupportedYet('CancelRotateSecret'));
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
