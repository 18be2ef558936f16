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

/** A recorded botocore error: its code and message. */
function recordedError(test: string, key: string): { code: string; message: string } {
  const { Error } = recorded(test, key) as { Error: { Code: string; Message: string } };
  return { code: Error.Code, message: Error.Message };
}

const DAY_SECONDS = 86_400;

describe.each(STORES)('GetSecretValue (%s store)', (kind) => {
  const server = useServer(kind);
  const client = () => awsClient(server().url);

  async function create(name: string, value?: string): Promise<{ ARN: string; VersionId?: string }> {
    const created = await client().send(new CreateSecretCommand({ Name: name, SecretString: value }));
    return { ARN: created.ARN!, VersionId: created.VersionId };
  }

  async function expectRawError(body: unknown, code: string, message: string): Promise<void> {
    const response = await rawAws(server().url, 'GetSecretValue', body);
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe(code);
    expect(response.json).toEqual({ __type: code, Message: message });
  }

  describe('reading the current value', () => {
    it('returns the AWSCURRENT version with its value, stages and creation date', async () => {
      const { ARN, VersionId } = await create('app/db', 'my_secret');
      const value = await client().send(new GetSecretValueCommand({ SecretId: 'app/db' }));
      expect(value).toMatchObject({ ARN, Name: 'app/db', VersionId, SecretString: 'my_secret', VersionStages: ['AWSCURRENT'] });
      expect(value.SecretBinary).toBeUndefined();
      expect(value.CreatedDate).toBeInstanceOf(Date);
    });

    it('answers on the wire with the members AWS sends, CreatedDate as epoch seconds', async () => {
      const { ARN, VersionId } = await create('wire', 'my_secret');
      const response = await rawAws(server().url, 'GetSecretValue', { SecretId: 'wire' });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1');
      expect(response.headers.get('x-amzn-requestid')).toBeTruthy();
      expect(Object.keys(response.json).sort()).toEqual(recordedKeys('test_create_and_update_secret[s-c64bdc03]', 'get_secret_value_rs_1'));
      expect(response.json).toEqual({
        ARN,
        Name: 'wire',
        VersionId,
        SecretString: 'my_secret',
        VersionStages: ['AWSCURRENT'],
        CreatedDate: expect.any(Number),
      });
      // Epoch seconds with millisecond precision, not milliseconds and not an ISO string.
      const created = response.json.CreatedDate as number;
      expect(Number.isInteger(Math.round(created * 1000))).toBe(true);
      expect(Math.abs(created * 1000 - Date.now())).toBeLessThan(DAY_SECONDS * 1000);
      expect(response.text).not.toContain('null');
    });

    it('returns SecretBinary as bytes through the SDK and as base64 on the wire', async () => {
      const created = await client().send(new CreateSecretCommand({ Name: 'binary', SecretBinary: Buffer.from('footest') }));
      const value = await client().send(new GetSecretValueCommand({ SecretId: created.ARN }));
      expect(Buffer.from(value.SecretBinary!).toString('utf8')).toBe('footest');
      expect(value.SecretString).toBeUndefined();

      const response = await rawAws(server().url, 'GetSecretValue', { SecretId: 'binary' });
      expect(Object.keys(response.json).sort()).toEqual(Object.keys(recorded('test_get_secret_value', 'secret_value_http_response')).sort());
      expect(response.json.SecretBinary).toBe('Zm9vdGVzdA==');
      expect(response.json).not.toHaveProperty('SecretString');
    });

    it('returns every label on the version', async () => {
      await create('labels', 'v1');
      const put = await client().send(new PutSecretValueCommand({ SecretId: 'labels', SecretString: 'v2', VersionStages: ['AWSCURRENT', 'BLUE'] }));
      const value = await client().send(new GetSecretValueCommand({ SecretId: 'labels' }));
      expect(value.VersionId).toBe(put.VersionId);
      expect([...value.VersionStages!].sort()).toEqual(['AWSCURRENT', 'BLUE']);
    });
  });

  describe('SecretId forms', () => {
    it.each(['s-c64bdc03', 'Valid/_+=.@-Name', 'Valid/_+=.@-Name-a1b2', 'Valid/_+=.@-Name-a1b2c3-'])(
      'finds %j by name, full ARN and partial ARN',
      async (name) => {
        const { ARN } = await create(name, 'my_secret');
        for (const secretId of [name, ARN, ARN.slice(0, -7)]) {
          const value = await client().send(new GetSecretValueCommand({ SecretId: secretId }));
          expect({ ARN: value.ARN, Name: value.Name, SecretString: value.SecretString }).toEqual({ ARN, Name: name, SecretString: 'my_secret' });
        }
      },
    );

    it('takes a partial ARN ending in "-" and six characters as a full ARN (ResourceNotFoundException)', async () => {
      const { ARN } = await create('Invalid/_+=.@-Name-a1b2c3', 'my_secret');
      const error = await sdkError(client().send(new GetSecretValueCommand({ SecretId: ARN.slice(0, -7) })));
      const expected = recordedError('test_create_and_update_secret[Invalid/_+=.@-Name-a1b2c3-False]', 'resource_not_found_dict_1');
      expect(error.name).toBe(expected.code);
      expect(error.message).toBe(MESSAGES.secretNotFound);
      expect(error.$metadata.httpStatusCode).toBe(400);
      // The name and the full ARN still work.
      const byName = await client().send(new GetSecretValueCommand({ SecretId: 'Invalid/_+=.@-Name-a1b2c3' }));
      expect(byName.ARN).toBe(ARN);
    });

    it('does not read a partial ARN whose name ends in "-" and six characters as a partial ARN, even when that secret exists', async () => {
      // The name "test-secret" ends in "-secret": AWS reads ...:secret:test-secret as a complete ARN (SecretId's
      // documentation in the API reference), and the recorded answer for such a name is ResourceNotFoundException.
      const theirs = awsClient(server().url, { accessKeyId: '111111111111' });
      const { ARN } = await theirs.send(new CreateSecretCommand({ Name: 'test-secret', SecretString: 'mine' }));
      const partial = 'arn:aws:secretsmanager:us-east-1:111111111111:secret:test-secret';
      expect(ARN).toMatch(/^arn:aws:secretsmanager:us-east-1:111111111111:secret:test-secret-[A-Za-z0-9]{6}$/);
      for (const command of [new GetSecretValueCommand({ SecretId: partial }), new DescribeSecretCommand({ SecretId: partial })]) {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const error = await sdkError(theirs.send(command as any));
        expect(error.name).toBe('ResourceNotFoundException');
        expect(error.message).toBe(MESSAGES.secretNotFound);
      }
      expect((await theirs.send(new GetSecretValueCommand({ SecretId: 'test-secret' }))).ARN).toBe(ARN);
      expect((await theirs.send(new GetSecretValueCommand({ SecretId: ARN }))).SecretString).toBe('mine');
    });

    it('finds the secret whose full ARN it is, when one exists', async () => {
      const theirs = awsClient(server().url, { accessKeyId: '111111111111' });
      await theirs.send(new CreateSecretCommand({ Name: 'test-secret', SecretString: 'named test-secret' }));
      // A secret named "test" whose random suffix happens to be "secret".
      const arn = 'arn:aws:secretsmanager:us-east-1:111111111111:secret:test-secret';
      await server().polysecret.engine.create(
        { cloud: 'aws', account: '111111111111', region: 'us-east-1' },
        { name: 'test', resourceId: arn, firstVersion: { id: randomUUID(), value: { type: 'string', data: 'named test' } } },
      );
      const value = await theirs.send(new GetSecretValueCommand({ SecretId: arn }));
      expect({ Name: value.Name, ARN: value.ARN, SecretString: value.SecretString }).toEqual({ Name: 'test', ARN: arn, SecretString: 'named test' });
    });

    it('does not find a full ARN with a wrong suffix', async () => {
      const { ARN } = await create('suffix', 'x');
      const wrong = `${ARN.slice(0, -6)}${ARN.endsWith('AAAAAA') ? 'BBBBBB' : 'AAAAAA'}`;
      const error = await sdkError(client().send(new GetSecretValueCommand({ SecretId: wrong })));
      expect(error.name).toBe('ResourceNotFoundException');
      expect(error.message).toBe(MESSAGES.secretNotFound);
    });

    it('reaches a secret of another region by its ARN, but not by its name', async () => {
      const west = awsClient(server().url, { region: 'us-west-2' });
      const created = await west.send(new CreateSecretCommand({ Name: 'regional', SecretString: 'west' }));
      expect(created.ARN).toMatch(/^arn:aws:secretsmanager:us-west-2:/);
      const byArn = await client().send(new GetSecretValueCommand({ SecretId: created.ARN }));
      expect(byArn.SecretString).toBe('west');
      const error = await sdkError(client().send(new GetSecretValueCommand({ SecretId: 'regional' })));
      expect(error.name).toBe('ResourceNotFoundException');
    });
  });

  describe('choosing a version', () => {
    it('selects by VersionId, by VersionStage, or both when they agree', async () => {
      const { VersionId: v1 } = await create('versions', 'one');
      const { VersionId: v2 } = await client().send(new PutSecretValueCommand({ SecretId: 'versions', SecretString: 'two' }));

      const byId = await client().send(new GetSecretValueCommand({ SecretId: 'versions', VersionId: v1 }));
      expect({ VersionId: byId.VersionId, SecretString: byId.SecretString, VersionStages: byId.VersionStages }).toEqual({
        VersionId: v1,
        SecretString: 'one',
        VersionStages: ['AWSPREVIOUS'],
      });
      const byStage = await client().send(new GetSecretValueCommand({ SecretId: 'versions', VersionStage: 'AWSPREVIOUS' }));
      expect(byStage.VersionId).toBe(v1);
      const current = await client().send(new GetSecretValueCommand({ SecretId: 'versions', VersionStage: 'AWSCURRENT' }));
      expect({ VersionId: current.VersionId, SecretString: current.SecretString }).toEqual({ VersionId: v2, SecretString: 'two' });
      const both = await client().send(new GetSecretValueCommand({ SecretId: 'versions', VersionId: v2, VersionStage: 'AWSCURRENT' }));
      expect(both.SecretString).toBe('two');
    });

    it('still reads a deprecated version by its VersionId', async () => {
      const { VersionId: v1 } = await create('deprecated', 'one');
      await client().send(new PutSecretValueCommand({ SecretId: 'deprecated', SecretString: 'two' }));
      await client().send(new PutSecretValueCommand({ SecretId: 'deprecated', SecretString: 'three' }));
      const value = await client().send(new GetSecretValueCommand({ SecretId: 'deprecated', VersionId: v1 }));
      expect({ VersionId: value.VersionId, SecretString: value.SecretString }).toEqual({ VersionId: v1, SecretString: 'one' });
    });

    it('refuses a VersionStage that is not on the VersionId (InvalidRequestException)', async () => {
      const { VersionId } = await create('mismatch', 'test');
      const error = await sdkError(client().send(new GetSecretValueCommand({ SecretId: 'mismatch', VersionId, VersionStage: 'AWSPREVIOUS' })));
      const expected = recordedError('test_get_secret_value_errors', 'mismatch_version_id_and_stage');
      expect(error.name).toBe(expected.code);
      expect(error.message).toBe(MESSAGES.versionStageMismatch);
      expect(error.$metadata.httpStatusCode).toBe(400);
    });

    it('reports a stage no version carries (ResourceNotFoundException)', async () => {
      const { ARN } = await create('no-previous', 'test');
      const error = await sdkError(client().send(new GetSecretValueCommand({ SecretId: ARN, VersionStage: 'AWSPREVIOUS' })));
      const expected = recordedError('test_get_secret_value_errors', 'error_get_secret_value_non_existing');
      expect(error.name).toBe(expected.code);
      expect(error.message).toBe(MESSAGES.labelNotFound('AWSPREVIOUS'));
      expect(error.$metadata.httpStatusCode).toBe(400);
    });
  });

  describe('a secret without a value', () => {
    it('has no AWSCURRENT, no such VersionId and no AWSPENDING (ResourceNotFoundException, status 400)', async () => {
      await create('empty');
      const versionId = randomUUID();
      await expectRawError({ SecretId: 'empty' }, 'ResourceNotFoundException', MESSAGES.labelNotFound('AWSCURRENT'));
      await expectRawError({ SecretId: 'empty', VersionId: versionId }, 'ResourceNotFoundException', MESSAGES.versionNotFound(versionId));
      await expectRawError({ SecretId: 'empty', VersionStage: 'AWSPENDING' }, 'ResourceNotFoundException', MESSAGES.labelNotFound('AWSPENDING'));

      const sdk = await sdkError(client().send(new GetSecretValueCommand({ SecretId: 'empty' })));
      const expected = recorded('test_secret_version_not_found', 'get_secret_value_no_version_ex') as unknown as string;
      expect(`An error occurred (${sdk.name}) when calling the GetSecretValue operation: ${sdk.message}`).toBe(expected);
    });
  });

  describe('access tracking', () => {
    it('sets LastAccessedDate, to the day, on the secret and the version read', async () => {
      const { VersionId } = await create('accessed', 'x');
      const before = await rawAws(server().url, 'DescribeSecret', { SecretId: 'accessed' });
      expect(before.json).not.toHaveProperty('LastAccessedDate');

      await client().send(new GetSecretValueCommand({ SecretId: 'accessed' }));
      const after = await rawAws(server().url, 'DescribeSecret', { SecretId: 'accessed' });
      const day = after.json.LastAccessedDate as number;
      expect(Number.isInteger(day / DAY_SECONDS)).toBe(true);
      expect(day).toBeLessThanOrEqual(Date.now() / 1000);
      expect(day).toBeGreaterThan(Date.now() / 1000 - 2 * DAY_SECONDS);

      const versions = await client().send(new ListSecretVersionIdsCommand({ SecretId: 'accessed' }));
      expect(versions.Versions?.find((v) => v.VersionId === VersionId)?.LastAccessedDate?.getTime()).toBe(day * 1000);
    });
  });

  describe('errors', () => {
    it('reports an unknown secret as ResourceNotFoundException with status 400', async () => {
      await expectRawError({ SecretId: 'missing' }, 'ResourceNotFoundException', MESSAGES.secretNotFound);
      const error = await sdkError(client().send(new GetSecretValueCommand({ SecretId: 'missing' })));
      expect(error.name).toBe('ResourceNotFoundException');
      expect(error.$metadata.httpStatusCode).toBe(400);
    });

    it('refuses a secret scheduled for deletion (InvalidRequestException)', async () => {
      const { ARN } = await create('doomed', 'x');
      await client().send(new DeleteSecretCommand({ SecretId: 'doomed', RecoveryWindowInDays: 7 }));
      await expectRawError({ SecretId: 'doomed' }, 'InvalidRequestException', MESSAGES.markedForDeletion);
      const error = await sdkError(client().send(new GetSecretValueCommand({ SecretId: ARN })));
      expect(error.name).toBe('InvalidRequestException');
      expect(error.message).toBe(MESSAGES.markedForDeletion);
      // Describe still works on it.
      const described = await client().send(new DescribeSecretCommand({ SecretId: 'doomed' }));
      expect(described.DeletedDate).toBeInstanceOf(Date);
    });

    it('reports a force-deleted secret as not found', async () => {
      await create('gone', 'x');
      await client().send(new DeleteSecretCommand({ SecretId: 'gone', ForceDeleteWithoutRecovery: true }));
      await expectRawError({ SecretId: 'gone' }, 'ResourceNotFoundException', MESSAGES.secretNotFound);
    });

    it.each(['Inv Name', ' Inv*Name? '])('refuses the invalid SecretId %j (ValidationException)', async (secretId) => {
      await expectRawError({ SecretId: secretId }, 'ValidationException', MESSAGES.invalidName);
    });

    it('requires SecretId (ValidationException in AWS wording)', async () => {
      await expectRawError({}, 'ValidationException', "1 validation error detected: Value null at 'secretId' failed to satisfy constraint: Member must not be null");
    });

    it('refuses a VersionId shorter than 32 characters and an empty VersionStage', async () => {
      await create('short', 'x');
      await expectRawError(
        { SecretId: 'short', VersionId: 'v1', VersionStage: '' },
        'ValidationException',
        "2 validation errors detected: Value 'v1' at 'versionId' failed to satisfy constraint: Member must have length greater than or equal to 32; " +
          "Value '' at 'versionStage' failed to satisfy constraint: Member must have length greater than or equal to 1",
      );
    });
  });
});
