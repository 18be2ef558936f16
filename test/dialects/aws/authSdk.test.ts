import {
  CreateSecretCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  ListSecretsCommand,
  PutSecretValueCommand,
  TagResourceCommand,
} from '@aws-sdk/client-secrets-manager';
import { credentialsFile } from '../../helpers/awsSigning.js';
import { awsClient, rawAws, sdkError, useServer } from '../../helpers/server.js';

const LONG_TERM = { accessKeyId: 'AKIAPOLYSECRETSDK', secretAccessKey: 'sdk-long-term-secret' };
const TEMPORARY = { accessKeyId: 'ASIAPOLYSECRETSDK', secretAccessKey: 'sdk-temporary-secret', sessionToken: 'sdk-session-token' };
// A 12-digit key id would be taken as the account; listed, its own account wins.
const NUMERIC = { accessKeyId: '999988887777', secretAccessKey: 'sdk-numeric-secret' };
const FILE = credentialsFile([
  { ...LONG_TERM, accountId: '111122223333' },
  { ...TEMPORARY, accountId: '444455556666' },
  { ...NUMERIC, accountId: '222233334444' },
]);
const MISMATCH = /^The request signature we calculated does not match the signature you provided\. /;
const INVALID_TOKEN = 'The security token included in the request is invalid.';

describe('AWS strict mode through the official SDK', () => {
  const server = useServer('memory', { auth: 'strict', credentialsFile: FILE });

  it.each([
    ['a long-term key', LONG_TERM, '111122223333'],
    ['a temporary key with its session token', TEMPORARY, '444455556666'],
    ['a listed 12-digit key id', NUMERIC, '222233334444'],
  ])('works with %s, in the listed account', async (_label, key, account) => {
    const client = awsClient(server().url, { ...key, region: 'eu-central-1' });
    const created = await client.send(new CreateSecretCommand({ Name: 'sdk', SecretString: 'one' }));
    expect(created.ARN).toMatch(new RegExp(`^arn:aws:secretsmanager:eu-central-1:${account}:secret:sdk-[A-Za-z0-9]{6}$`));
    await client.send(new PutSecretValueCommand({ SecretId: 'sdk', SecretString: 'two' }));
    await client.send(new TagResourceCommand({ SecretId: 'sdk', Tags: [{ Key: 'k', Value: 'v' }] }));
    expect((await client.send(new GetSecretValueCommand({ SecretId: 'sdk' }))).SecretString).toBe('two');
    expect((await client.send(new DescribeSecretCommand({ SecretId: created.ARN }))).Tags).toEqual([{ Key: 'k', Value: 'v' }]);
    expect((await client.send(new ListSecretsCommand({}))).SecretList?.map((s) => s.Name)).toEqual(['sdk']);
    await client.send(new DeleteSecretCommand({ SecretId: 'sdk', ForceDeleteWithoutRecovery: true }));
  });

  it('answers a wrong secret with InvalidSignatureException (400)', async () => {
    const error = await sdkError(awsClient(server().url, { ...LONG_TERM, secretAccessKey: 'wrong' }).send(new ListSecretsCommand({})));
    expect(error.name).toBe('InvalidSignatureException');
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.message).toMatch(MISMATCH);
    expect(error.message).toContain("The String-to-Sign should have been\n'AWS4-HMAC-SHA256\n");
  });

  it('answers an unknown key id with UnrecognizedClientException (400)', async () => {
    const error = await sdkError(awsClient(server().url, { accessKeyId: 'AKIANOTLISTED', secretAccessKey: 'x' }).send(new ListSecretsCommand({})));
    expect(error.name).toBe('UnrecognizedClientException');
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.message).toBe(INVALID_TOKEN);
  });

  it('answers a missing or wrong session token with UnrecognizedClientException', async () => {
    for (const sessionToken of [undefined, 'another-token']) {
      const error = await sdkError(awsClient(server().url, { ...TEMPORARY, sessionToken }).send(new ListSecretsCommand({})));
      expect(error.name).toBe('UnrecognizedClientException');
      expect(error.message).toBe(INVALID_TOKEN);
    }
  });

  it('refuses an unsigned request with MissingAuthenticationTokenException', async () => {
    const response = await rawAws(server().url, 'ListSecrets', {});
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
    expect(response.json).toEqual({ __type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' });
  });
});

describe('AWS permissive mode with a credentials file', () => {
  const server = useServer('memory', { credentialsFile: FILE });

  async function arnFor(key: { accessKeyId: string; secretAccessKey?: string; sessionToken?: string }, name: string): Promise<string | undefined> {
    return (await awsClient(server().url, key).send(new CreateSecretCommand({ Name: name, SecretString: 'v' }))).ARN;
  }

  it('maps a listed key to its account, whatever the secret', async () => {
    expect(await arnFor(LONG_TERM, 'listed')).toMatch(/^arn:aws:secretsmanager:us-east-1:111122223333:secret:listed-/);
    expect(await arnFor({ accessKeyId: LONG_TERM.accessKeyId, secretAccessKey: 'wrong' }, 'wrong-secret')).toMatch(/:111122223333:secret:wrong-secret-/);
    expect(await arnFor(NUMERIC, 'numeric')).toMatch(/:222233334444:secret:numeric-/);
  });

  it('falls back for unlisted keys: a 12-digit id is the account, anything else the default', async () => {
    expect(await arnFor({ accessKeyId: '555566667777' }, 'digits')).toMatch(/:555566667777:secret:digits-/);
    expect(await arnFor({ accessKeyId: 'AKIANOTLISTED' }, 'other')).toMatch(/:000000000000:secret:other-/);
  });

  it('still accepts unsigned requests and a temporary key without its token', async () => {
    const unsigned = await rawAws(server().url, 'CreateSecret', { Name: 'unsigned', SecretString: 'v', ClientRequestToken: '11111111-2222-3333-4444-555555555555' });
    expect(unsigned.json.ARN).toMatch(/:000000000000:secret:unsigned-/);
    expect(await arnFor({ ...TEMPORARY, sessionToken: undefined }, 'no-token')).toMatch(/:444455556666:secret:no-token-/);
  });
});
