import { randomUUID } from 'node:crypto';
import {
  CreateSecretCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  ListSecretVersionIdsCommand,
  PutSecretValueCommand,
} from '@aws-sdk/client-secrets-manager';
import { MESSAGES } from '../../../../dialects/aws/messages.js';
import { awsClient, rawAws, sdkError, STORES, useServer } from '../../../helpers/server.js';
import { recorded, recordedKeys } from '../../../helpers/awsRecordings.js';

const ARN_OF = (name: string) => new RegExp(`^arn:aws:secretsmanager:us-east-1:000000000000:secret:${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}-[A-Za-z0-9]{6}$`);

describe.each(STORES)('CreateSecret (%s store)', (kind) => {
  const server = useServer(kind);
  const client = () => awsClient(server().url);

  async function expectRawError(body: unknown, code: string, message: string): Promise<void> {
    const response = await rawAws(server().url, 'CreateSecret', body);
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe(code);
    expect(response.json).toEqual({ __type: code, Message: message });
  }

  describe('with a value', () => {
    it('creates the first version under the ClientRequestToken, marked AWSCURRENT', async () => {
      const token = randomUUID();
      const created = await client().send(
        new CreateSecretCommand({ Name: 'app/db', SecretString: 'my_secret', ClientRequestToken: token }),
      );
      expect(created.ARN).toMatch(ARN_OF('app/db'));
      expect(created.Name).toBe('app/db');
      expect(created.VersionId).toBe(token);

      const described = await client().send(new DescribeSecretCommand({ SecretId: 'app/db' }));
      expect(described.VersionIdsToStages).toEqual({ [token]: ['AWSCURRENT'] });
      const value = await client().send(new GetSecretValueCommand({ SecretId: created.ARN }));
      expect(value).toMatchObject({ ARN: created.ARN, Name: 'app/db', VersionId: token, SecretString: 'my_secret', VersionStages: ['AWSCURRENT'] });
    });

    it('uses the token the SDK generates as the VersionId', async () => {
      const created = await client().send(new CreateSecretCommand({ Name: 'generated', SecretString: 's' }));
      expect(created.VersionId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      const value = await client().send(new GetSecretValueCommand({ SecretId: 'generated' }));
      expect(value.VersionId).toBe(created.VersionId);
    });

    it('answers on the wire with exactly the members AWS sends (ARN, Name, VersionId)', async () => {
      const token = randomUUID();
      const response = await rawAws(server().url, 'CreateSecret', { Name: 'wire', SecretString: 'x', ClientRequestToken: token });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1');
      expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
      expect(Object.keys(response.json).sort()).toEqual(recordedKeys('test_create_and_update_secret[s-c64bdc03]', 'create_secret_rs_1'));
      expect(response.json).toEqual({ ARN: expect.stringMatching(ARN_OF('wire')), Name: 'wire', VersionId: token });
    });

    it('keeps Description and Tags, and shows no Description when it is empty', async () => {
      await client().send(
        new CreateSecretCommand({
          Name: 'described',
          SecretString: 'x',
          Description: 'Testing secret creation.',
          Tags: [
            { Key: 'env', Value: 'dev' },
            { Key: 'team', Value: 'core' },
          ],
        }),
      );
      const described = await client().send(new DescribeSecretCommand({ SecretId: 'described' }));
      expect(described.Description).toBe('Testing secret creation.');
      expect(described.Tags).toEqual([
        { Key: 'env', Value: 'dev' },
        { Key: 'team', Value: 'core' },
      ]);

      await client().send(new CreateSecretCommand({ Name: 'blank', Description: '' }));
      const raw = await rawAws(server().url, 'DescribeSecret', { SecretId: 'blank' });
      expect(raw.json).not.toHaveProperty('Description');
    });

    it('round-trips SecretBinary: bytes through the SDK, base64 on the wire', async () => {
      const bytes = new Uint8Array([0x00, 0x01, 0x02, 0xff, 0xfe]);
      const created = await client().send(new CreateSecretCommand({ Name: 'binary', SecretBinary: bytes }));
      const value = await client().send(new GetSecretValueCommand({ SecretId: 'binary' }));
      expect(value.SecretString).toBeUndefined();
      expect(Buffer.from(value.SecretBinary!)).toEqual(Buffer.from(bytes));

      const raw = await rawAws(server().url, 'GetSecretValue', { SecretId: 'binary' });
      expect(raw.json.SecretBinary).toBe(Buffer.from(bytes).toString('base64'));
      expect(raw.json.VersionId).toBe(created.VersionId);
    });

    it('accepts base64 SecretBinary over raw HTTP', async () => {
      const token = randomUUID();
      const response = await rawAws(server().url, 'CreateSecret', { Name: 'raw-binary', SecretBinary: 'Zm9vdGVzdA==', ClientRequestToken: token });
      expect(response.status).toBe(200);
      const value = await client().send(new GetSecretValueCommand({ SecretId: 'raw-binary' }));
      expect(Buffer.from(value.SecretBinary!).toString('utf8')).toBe('footest');
    });

    it('accepts a SecretString of exactly 65536 bytes', async () => {
      const created = await client().send(new CreateSecretCommand({ Name: 'big', SecretString: 'a'.repeat(65_536) }));
      expect(created.VersionId).toBeDefined();
      const value = await client().send(new GetSecretValueCommand({ SecretId: 'big' }));
      expect(value.SecretString).toHaveLength(65_536);
    });
  });

  describe('without a value', () => {
    it('creates a secret with no version: no VersionId, Describe without VersionIdsToStages', async () => {
      const response = await rawAws(server().url, 'CreateSecret', { Name: 'empty', Description: '' });
      expect(response.status).toBe(200);
      expect(Object.keys(response.json).sort()).toEqual(recordedKeys('test_create_secret_version_from_empty_secret', 'create-empty-secret'));
      expect(response.json).toEqual({ ARN: expect.stringMatching(ARN_OF('empty')), Name: 'empty' });

      const described = await rawAws(server().url, 'DescribeSecret', { SecretId: response.json.ARN });
      expect(Object.keys(described.json).sort()).toEqual(recordedKeys('test_create_secret_version_from_empty_secret', 'describe-secret'));
      expect(typeof described.json.CreatedDate).toBe('number');
      expect(typeof described.json.LastChangedDate).toBe('number');
    });

    it('has no AWSCURRENT value until a PutSecretValue creates the first version', async () => {
      const created = await client().send(new CreateSecretCommand({ Name: 'later' }));
      expect(created.VersionId).toBeUndefined();
      const error = await sdkError(client().send(new GetSecretValueCommand({ SecretId: 'later' })));
      expect(error.name).toBe('ResourceNotFoundException');
      expect(error.message).toBe(MESSAGES.labelNotFound('AWSCURRENT'));

      const put = await client().send(new PutSecretValueCommand({ SecretId: created.ARN, SecretString: 'example-string-to-protect' }));
      expect(put.VersionStages).toEqual(['AWSCURRENT']);
      const versions = await client().send(new ListSecretVersionIdsCommand({ SecretId: 'later' }));
      expect(versions.Versions?.map((v) => [v.VersionId, v.VersionStages])).toEqual([[put.VersionId, ['AWSCURRENT']]]);
    });

    it('does not need a ClientRequestToken over raw HTTP', async () => {
      const response = await rawAws(server().url, 'CreateSecret', { Name: 'no-token-no-value' });
      expect(response.status).toBe(200);
      expect(response.json).not.toHaveProperty('VersionId');
    });
  });

  describe('ClientRequestToken idempotency', () => {
    it('answers a retry with the same token and value identically and makes no new version', async () => {
      const input = { Name: 'retry', SecretString: 'v1', ClientRequestToken: randomUUID(), Description: 'd' };
      const first = await rawAws(server().url, 'CreateSecret', input);
      const second = await rawAws(server().url, 'CreateSecret', input);
      expect(second.status).toBe(200);
      expect(second.json).toEqual(first.json);

      const versions = await client().send(new ListSecretVersionIdsCommand({ SecretId: 'retry', IncludeDeprecated: true }));
      expect(versions.Versions?.map((v) => v.VersionId)).toEqual([input.ClientRequestToken]);
    });

    it('answers a retry with the same token and binary value identically', async () => {
      const input = { Name: 'retry-bin', SecretBinary: new Uint8Array([1, 2, 3]), ClientRequestToken: randomUUID() };
      const first = await client().send(new CreateSecretCommand(input));
      const second = await client().send(new CreateSecretCommand(input));
      expect({ ARN: second.ARN, Name: second.Name, VersionId: second.VersionId }).toEqual({
        ARN: first.ARN,
        Name: first.Name,
        VersionId: first.VersionId,
      });
    });

    it('refuses the same token with another value (ResourceExistsException naming token and ARN)', async () => {
      const token = randomUUID();
      const created = await client().send(new CreateSecretCommand({ Name: 'clash', SecretString: 'one', ClientRequestToken: token }));
      const error = await sdkError(client().send(new CreateSecretCommand({ Name: 'clash', SecretString: 'two', ClientRequestToken: token })));
      expect(error.name).toBe('ResourceExistsException');
      expect(error.message).toBe(MESSAGES.tokenInUse(token, created.ARN!));
      expect(error.message).toBe(`You can't use ClientRequestToken ${token} because that value is already in use for a version of secret ${created.ARN}.`);

      const value = await client().send(new GetSecretValueCommand({ SecretId: 'clash' }));
      expect(value.SecretString).toBe('one');
    });

    it('refuses an existing name with a new token (ResourceExistsException "already exists")', async () => {
      await client().send(new CreateSecretCommand({ Name: 'taken', SecretString: 'one' }));
      const error = await sdkError(client().send(new CreateSecretCommand({ Name: 'taken', SecretString: 'one' })));
      expect(error.name).toBe('ResourceExistsException');
      expect(error.message).toBe('The operation failed because the secret taken already exists.');
      expect(error.$metadata.httpStatusCode).toBe(400);

      const recordedError = recorded('test_secret_exists_snapshots', 'ex_log') as { Error: { Code: string } };
      const raw = await rawAws(server().url, 'CreateSecret', { Name: 'taken', SecretString: 'one', ClientRequestToken: randomUUID() });
      expect(raw.status).toBe(400);
      expect(raw.json.__type).toBe(recordedError.Error.Code);
      expect(raw.json.Message).toBe(MESSAGES.secretExists('taken'));
    });

    it('refuses an existing name created without a value', async () => {
      await client().send(new CreateSecretCommand({ Name: 'empty-taken' }));
      const error = await sdkError(client().send(new CreateSecretCommand({ Name: 'empty-taken' })));
      expect(error.name).toBe('ResourceExistsException');
      expect(error.message).toBe(MESSAGES.secretExists('empty-taken'));
    });

    it('requires a ClientRequestToken over raw HTTP when a value is given', async () => {
      const response = await rawAws(server().url, 'CreateSecret', { Name: 'no-token', SecretString: 'thisisthesecret', Description: 'My secret string' });
      const expected = recorded('test_no_client_request_token[CreateSecret]', 'no-client-request-exc') as {
        Error: { __type: string; Message: string };
        Metadata: { StatusCode: number };
      };
      expect(response.status).toBe(expected.Metadata.StatusCode);
      expect(Object.keys(response.json).sort()).toEqual(Object.keys(expected.Error).sort());
      expect(response.json).toEqual({ __type: 'InvalidRequestException', Message: MESSAGES.tokenRequired });
      expect(response.headers.get('x-amzn-errortype')).toBe('InvalidRequestException');
      const lookup = await rawAws(server().url, 'DescribeSecret', { SecretId: 'no-token' });
      expect(lookup.json.__type).toBe('ResourceNotFoundException');
    });
  });

  describe('names scheduled for deletion', () => {
    it('refuses a name whose secret is scheduled for deletion (InvalidRequestException)', async () => {
      await client().send(new CreateSecretCommand({ Name: 'doomed', SecretString: 'x' }));
      await client().send(new DeleteSecretCommand({ SecretId: 'doomed', RecoveryWindowInDays: 7 }));
      const error = await sdkError(client().send(new CreateSecretCommand({ Name: 'doomed', SecretString: 'x' })));
      const expected = recorded('test_exp_raised_on_creation_of_secret_scheduled_for_deletion', 'invalid_req_ex') as {
        Error: { Code: string; Message: string };
      };
      expect(error.name).toBe(expected.Error.Code);
      expect(error.message).toBe(MESSAGES.nameScheduledForDeletion);
      expect(error.$metadata.httpStatusCode).toBe(400);
    });

    it('refuses it even for a retry with the token and value that created it', async () => {
      const input = { Name: 'doomed-retry', SecretString: 'x', ClientRequestToken: randomUUID() };
      await client().send(new CreateSecretCommand(input));
      await client().send(new DeleteSecretCommand({ SecretId: 'doomed-retry' }));
      const error = await sdkError(client().send(new CreateSecretCommand(input)));
      expect(error.name).toBe('InvalidRequestException');
      expect(error.message).toBe(MESSAGES.nameScheduledForDeletion);
    });

    it('creates the name again, under a new ARN, once the old secret was force-deleted', async () => {
      const first = await client().send(new CreateSecretCommand({ Name: 'reborn', SecretString: 'old' }));
      await client().send(new DeleteSecretCommand({ SecretId: 'reborn', ForceDeleteWithoutRecovery: true }));
      const second = await client().send(new CreateSecretCommand({ Name: 'reborn', SecretString: 'new' }));
      expect(second.ARN).toMatch(ARN_OF('reborn'));
      expect(second.ARN).not.toBe(first.ARN);
      const value = await client().send(new GetSecretValueCommand({ SecretId: 'reborn' }));
      expect(value.SecretString).toBe('new');
    });
  });

  describe('invalid input', () => {
    it('refuses both SecretString and SecretBinary (InvalidParameterException)', async () => {
      const error = await sdkError(
        client().send(new CreateSecretCommand({ Name: 'both', SecretString: 's', SecretBinary: new Uint8Array([1]) })),
      );
      expect(error.name).toBe('InvalidParameterException');
      expect(error.message).toBe(MESSAGES.bothValues);
      const lookup = await rawAws(server().url, 'DescribeSecret', { SecretId: 'both' });
      expect(lookup.json.__type).toBe('ResourceNotFoundException');
    });

    it('refuses a SecretString over 65536 characters (ValidationException, value redacted)', async () => {
      await expectRawError(
        { Name: 'huge', SecretString: 'a'.repeat(65_537), ClientRequestToken: randomUUID() },
        'ValidationException',
        "1 validation error detected: Value '*** Sensitive Data Redacted ***' at 'secretString' failed to satisfy constraint: Member must have length less than or equal to 65536",
      );
    });

    it('refuses a SecretString over 65536 bytes even when it has fewer characters', async () => {
      const error = await sdkError(client().send(new CreateSecretCommand({ Name: 'wide', SecretString: 'é'.repeat(32_769) })));
      expect(error.name).toBe('ValidationException');
      expect(error.message).toBe(
        "1 validation error detected: Value '*** Sensitive Data Redacted ***' at 'secretString' failed to satisfy constraint: Member must have length less than or equal to 65536",
      );
      expect(error.$metadata.httpStatusCode).toBe(400);
    });

    it('refuses a SecretBinary over 65536 bytes', async () => {
      const error = await sdkError(client().send(new CreateSecretCommand({ Name: 'huge-bin', SecretBinary: new Uint8Array(65_537) })));
      expect(error.name).toBe('ValidationException');
      expect(error.message).toBe(
        "1 validation error detected: Value '*** Sensitive Data Redacted ***' at 'secretBinary' failed to satisfy constraint: Member must have length less than or equal to 65536",
      );
    });

    it('refuses an empty SecretString', async () => {
      await expectRawError(
        { Name: 'blank-value', SecretString: '', ClientRequestToken: randomUUID() },
        'ValidationException',
        "1 validation error detected: Value '*** Sensitive Data Redacted ***' at 'secretString' failed to satisfy constraint: Member must have length greater than or equal to 1",
      );
    });

    it.each(['Inv Name', ' Inv Name', ' Inv*Name? ', ' Inv *?!]Name\\-'])('refuses the invalid name %j (ValidationException)', async (name) => {
      const error = await sdkError(client().send(new CreateSecretCommand({ Name: name, SecretString: 'x' })));
      expect(error.name).toBe('ValidationException');
      expect(error.message).toBe(MESSAGES.invalidName);
      // pytest escapes the backslash in the recording's id.
      const id = `test_invalid_secret_name[${name.replace(/\\/g, '\\\\')}]`;
      expect(error.message).toBe((recorded(id, 'ex_log_1') as { Error: { Message: string } }).Error.Message);
    });

    it('accepts every allowed name character', async () => {
      const created = await client().send(new CreateSecretCommand({ Name: 'Valid/_+=.@-Name', SecretString: 'x' }));
      expect(created.Name).toBe('Valid/_+=.@-Name');
      expect(created.ARN).toMatch(ARN_OF('Valid/_+=.@-Name'));
    });

    it('requires Name (ValidationException in AWS wording)', async () => {
      await expectRawError(
        { SecretString: 'x', ClientRequestToken: randomUUID() },
        'ValidationException',
        "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null",
      );
    });

    it('refuses a Name longer than 512 characters', async () => {
      const name = 'n'.repeat(513);
      await expectRawError(
        { Name: name },
        'ValidationException',
        `1 validation error detected: Value '${name}' at 'name' failed to satisfy constraint: Member must have length less than or equal to 512`,
      );
    });

    it('refuses a ClientRequestToken shorter than 32 characters', async () => {
      await expectRawError(
        { Name: 'short-token', SecretString: 'x', ClientRequestToken: 'short' },
        'ValidationException',
        "1 validation error detected: Value 'short' at 'clientRequestToken' failed to satisfy constraint: Member must have length greater than or equal to 32",
      );
    });

    it('reports several constraint failures together', async () => {
      await expectRawError(
        { Name: '', ClientRequestToken: 'short' },
        'ValidationException',
        "2 validation errors detected: Value '' at 'name' failed to satisfy constraint: Member must have length greater than or equal to 1; " +
          "Value 'short' at 'clientRequestToken' failed to satisfy constraint: Member must have length greater than or equal to 32",
      );
    });
  });
});
