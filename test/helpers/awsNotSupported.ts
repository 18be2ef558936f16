import { CreateSecretCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { MESSAGES } from '../../dialects/aws/messages.js';
import { awsClient, rawAws, sdkError, STORES, useServer } from './server.js';

/**
 * The tests every operation polysecret does not support yet must pass: a 501 NotImplementedException
 * naming the operation (raw and through the SDK), nothing changed, input still validated first.
 */
export function describeNotSupported(operation: string, fullInput: { SecretId: string }, send: (client: SecretsManagerClient) => Promise<unknown>): void {
  describe.each(STORES)(`${operation} (%s store)`, (kind) => {
    const server = useServer(kind);
    const client = () => awsClient(server().url);
    const raw = (body: unknown) => rawAws(server().url, operation, body);
    const notSupported = { __type: 'NotImplementedException', Message: MESSAGES.notSupportedYet(operation) };
    const createSecret = () => client().send(new CreateSecretCommand({ Name: fullInput.SecretId, SecretString: 'x' }));

    it('answers 501 NotImplementedException naming the operation', async () => {
      await createSecret();
      const response = await raw(fullInput);
      expect(response.status).toBe(501);
      expect(response.headers.get('x-amzn-errortype')).toBe('NotImplementedException');
      expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1');
      expect(response.json).toEqual(notSupported);
      expect(response.json.Message).toContain(operation);
    });

    it('answers the same for a secret that does not exist', async () => {
      const response = await raw({ SecretId: 'missing' });
      expect(response.status).toBe(501);
      expect(response.json).toEqual(notSupported);
    });

    it('reaches SDK callers as a NotImplementedException with HTTP 501', async () => {
      await createSecret();
      const error = await sdkError(send(client()));
      expect(error.name).toBe('NotImplementedException');
      expect(error.message).toBe(MESSAGES.notSupportedYet(operation));
      expect(error.$metadata.httpStatusCode).toBe(501);
    });

    it('changes nothing on the secret', async () => {
      await createSecret();
      const before = (await rawAws(server().url, 'DescribeSecret', { SecretId: fullInput.SecretId })).json;
      await raw(fullInput);
      const after = (await rawAws(server().url, 'DescribeSecret', { SecretId: fullInput.SecretId })).json;
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
}
