import {
  CreateSecretCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  RestoreSecretCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateSecretCommand,
} from '@aws-sdk/client-secrets-manager';
import { ManualClock } from '../../../../src/core/runtime.js';
import { awsClient, rawAws, sdkError, STORES, useServer } from '../../../helpers/server.js';
import { recorded } from '../../../helpers/awsRecordings.js';

// Recorded real-AWS responses, used only to compare shapes (which members are present).
type Json = Record<string, any>;

const keysOf = (value: object) => Object.keys(value).sort();
const DAY_MS = 86_400_000;
// Mid-afternoon UTC, so a day-truncated timestamp differs from the exact one.
const START = Date.UTC(2024, 2, 15, 13, 45, 12, 345);
const seconds = (ms: number) => ms / 1000;
const midnight = (ms: number) => (Math.floor(ms / DAY_MS) * DAY_MS) / 1000;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const TOKEN_1 = 'EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE';
const TOKEN_2 = 'EXAMPLE2-90ab-cdef-fedc-ba987EXAMPLE';
const TOKEN_3 = 'EXAMPLE3-90ab-cdef-fedc-ba987EXAMPLE';
const INVALID_NAME = 'Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!';
const NOT_FOUND = "Secrets Manager can't find the specified secret.";

describe.each(STORES)('DescribeSecret (%s store)', (kind) => {
  const clock = new ManualClock(START);
  const server = useServer(kind, { clock });
  const client = (options?: { region?: string; accessKeyId?: string }) => awsClient(server().url, options);
  const describeRaw = (secretId: unknown) => rawAws(server().url, 'DescribeSecret', { SecretId: secretId });

  describe('field presence', () => {
    it('shows a fresh secret with a value as ARN, Name, CreatedDate, LastChangedDate and VersionIdsToStages', async () => {
      const created = await client().send(new CreateSecretCommand({ Name: 'fresh', SecretString: 'v', ClientRequestToken: TOKEN_1 }));
      const response = await describeRaw('fresh');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1');
      expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.json).toEqual({
        ARN: created.ARN,
        Name: 'fresh',
        CreatedDate: seconds(clock.now()),
        LastChangedDate: seconds(clock.now()),
        VersionIdsToStages: { [TOKEN_1]: ['AWSCURRENT'] },
      });
      expect(keysOf(response.json)).toEqual(keysOf(recorded('test_update_secret_description', 'describe_secret_res_0')));
      expect(response.text).not.toContain('null');
    });

    it('shows a secret created without a value with no VersionIdsToStages', async () => {
      await client().send(new CreateSecretCommand({ Name: 'empty' }));
      const response = await describeRaw('empty');
      expect(keysOf(response.json)).toEqual(['ARN', 'CreatedDate', 'LastChangedDate', 'Name']);
      expect(keysOf(response.json)).toEqual(keysOf(recorded('test_secret_tags', 'describe_secret')));
    });

    it('shows Description only when it is non-empty', async () => {
      await client().send(new CreateSecretCommand({ Name: 'blank', SecretString: 'v', Description: '' }));
      expect((await describeRaw('blank')).json).not.toHaveProperty('Description');

      await client().send(new CreateSecretCommand({ Name: 'described', SecretString: 'v', Description: 'MyDescription' }));
      const response = await describeRaw('described');
      expect(response.json.Description).toBe('MyDescription');
      expect(keysOf(response.json)).toEqual(keysOf(recorded('test_update_secret_description', 'describe_secret_res_1')));
    });

    it('follows UpdateSecret: a description-only update keeps the versions, a value update adds AWSCURRENT', async () => {
      await client().send(new CreateSecretCommand({ Name: 'upd', SecretString: 'v1', ClientRequestToken: TOKEN_1 }));
      await client().send(new UpdateSecretCommand({ SecretId: 'upd', Description: 'MyDescription' }));
      let response = await describeRaw('upd');
      expect(response.json.Description).toBe('MyDescription');
      expect(response.json.VersionIdsToStages).toEqual({ [TOKEN_1]: ['AWSCURRENT'] });
      expect(keysOf(response.json)).toEqual(keysOf(recorded('test_update_secret_description', 'describe_secret_res_1')));

      await client().send(
        new UpdateSecretCommand({ SecretId: 'upd', Description: 'MyNewDescription', SecretString: 'v2', ClientRequestToken: TOKEN_2 }),
      );
      response = await describeRaw('upd');
      expect(response.json.Description).toBe('MyNewDescription');
      expect(response.json.VersionIdsToStages).toEqual({ [TOKEN_1]: ['AWSPREVIOUS'], [TOKEN_2]: ['AWSCURRENT'] });
      expect(keysOf(response.json)).toEqual(keysOf(recorded('test_update_secret_description', 'describe_secret_res_2')));
    });

    it('omits KmsKeyId for the default key and shows a key that was given', async () => {
      await client().send(new CreateSecretCommand({ Name: 'default-key', SecretString: 'v' }));
      expect((await describeRaw('default-key')).json).not.toHaveProperty('KmsKeyId');

      await client().send(new CreateSecretCommand({ Name: 'own-key', SecretString: 'v', KmsKeyId: 'alias/my-key' }));
      expect((await describeRaw('own-key')).json.KmsKeyId).toBe('alias/my-key');
    });

    it('has no Tags until tags were set, then keeps them in order, and shows [] once all are removed', async () => {
      await client().send(new CreateSecretCommand({ Name: 'tagged' }));
      expect((await describeRaw('tagged')).json).not.toHaveProperty('Tags');

      await client().send(new TagResourceCommand({ SecretId: 'tagged', Tags: [{ Key: 'tag1', Value: 'value1' }] }));
      let response = await describeRaw('tagged');
      expect(response.json.Tags).toEqual([{ Key: 'tag1', Value: 'value1' }]);
      expect(keysOf(response.json)).toEqual(keysOf(recorded('test_secret_tags', 'describe_secret_1')));

      await client().send(new TagResourceCommand({ SecretId: 'tagged', Tags: [{ Key: 'tag2', Value: 'value2' }] }));
      expect((await describeRaw('tagged')).json.Tags).toEqual([
        { Key: 'tag1', Value: 'value1' },
        { Key: 'tag2', Value: 'value2' },
      ]);

      await client().send(new UntagResourceCommand({ SecretId: 'tagged', TagKeys: ['tag1', 'tag2'] }));
      response = await describeRaw('tagged');
      expect(response.json.Tags).toEqual([]);
      expect(keysOf(response.json)).toEqual(keysOf(recorded('test_secret_tags', 'describe_secret_4')));
    });

    it('shows tags given at creation', async () => {
      await client().send(new CreateSecretCommand({ Name: 'born-tagged', Tags: [{ Key: 'b', Value: '2' }, { Key: 'a', Value: '1' }] }));
      expect((await describeRaw('born-tagged')).json.Tags).toEqual([
        { Key: 'b', Value: '2' },
        { Key: 'a', Value: '1' },
      ]);
    });

    it('shows LastAccessedDate only after a read, truncated to 00:00 UTC of the access day', async () => {
      await client().send(new CreateSecretCommand({ Name: 'read-me', SecretString: 'v', Description: 'Testing secret creation.' }));
      // DescribeSecret itself is not a read of the value.
      await describeRaw('read-me');
      expect((await describeRaw('read-me')).json).not.toHaveProperty('LastAccessedDate');

      clock.advance(60_000);
      await client().send(new GetSecretValueCommand({ SecretId: 'read-me' }));
      let response = await describeRaw('read-me');
      expect(response.json.LastAccessedDate).toBe(midnight(clock.now()));
      expect(response.json.LastAccessedDate).not.toBe(seconds(clock.now()));
      expect(keysOf(response.json)).toEqual(keysOf(recorded('test_create_and_update_secret[Valid/_+=.@-Name-a1b2c3-]', 'describe_secret_rs_1')));

      clock.advance(DAY_MS);
      await client().send(new GetSecretValueCommand({ SecretId: 'read-me' }));
      response = await describeRaw('read-me');
      expect(response.json.LastAccessedDate).toBe(midnight(clock.now()));
      // A read changes nothing but the access day.
      expect(response.json.LastChangedDate).toBe(seconds(clock.now() - DAY_MS - 60_000));
    });

    it('shows DeletedDate (the time of the DeleteSecret call) while the secret is scheduled for deletion', async () => {
      await client().send(new CreateSecretCommand({ Name: 'doomed', SecretString: 'v', ClientRequestToken: TOKEN_1 }));
      clock.advance(5_000);
      const deletedAt = clock.now();
      await client().send(new DeleteSecretCommand({ SecretId: 'doomed', RecoveryWindowInDays: 7 }));
      clock.advance(5_000);

      let response = await describeRaw('doomed');
      expect(response.status).toBe(200);
      expect(response.json.DeletedDate).toBe(seconds(deletedAt));
      expect(response.json.VersionIdsToStages).toEqual({ [TOKEN_1]: ['AWSCURRENT'] });
      expect(keysOf(response.json)).toEqual(keysOf(recorded('test_force_delete_deleted_secret', 'describe_secret_response')));

      await client().send(new RestoreSecretCommand({ SecretId: 'doomed' }));
      response = await describeRaw('doomed');
      expect(response.json).not.toHaveProperty('DeletedDate');
    });

    it('is gone once the recovery window has passed', async () => {
      await client().send(new CreateSecretCommand({ Name: 'expiring', SecretString: 'v' }));
      await client().send(new DeleteSecretCommand({ SecretId: 'expiring', RecoveryWindowInDays: 7 }));
      clock.advance(7 * DAY_MS - 1);
      expect((await describeRaw('expiring')).status).toBe(200);
      clock.advance(1);
      expect((await describeRaw('expiring')).json).toEqual({ __type: 'ResourceNotFoundException', Message: NOT_FOUND });
    });

    it('shows PrimaryRegion and ReplicationStatus only for replicated secrets', async () => {
      await client().send(new CreateSecretCommand({ Name: 'replicated', SecretString: 'v', AddReplicaRegions: [{ Region: 'eu-west-1' }] }));
      const primary = (await describeRaw('replicated')).json;
      expect(primary.PrimaryRegion).toBe('us-east-1');
      expect(primary.ReplicationStatus).toEqual([{ Region: 'eu-west-1', Status: 'InSync' }]);
      const replica = await client({ region: 'eu-west-1' }).send(new DescribeSecretCommand({ SecretId: 'replicated' }));
      expect(replica.ARN).toBe(primary.ARN.replace(':us-east-1:', ':eu-west-1:'));
      expect(replica.PrimaryRegion).toBe('us-east-1');
      expect(replica.ReplicationStatus).toBeUndefined();
    });

    it('maps every labelled version to its stages and hides deprecated versions', async () => {
      await client().send(new CreateSecretCommand({ Name: 'versions', SecretString: 'v1', ClientRequestToken: TOKEN_1 }));
      await client().send(new PutSecretValueCommand({ SecretId: 'versions', SecretString: 'v2', ClientRequestToken: TOKEN_2 }));
      expect((await describeRaw('versions')).json.VersionIdsToStages).toEqual({
        [TOKEN_1]: ['AWSPREVIOUS'],
        [TOKEN_2]: ['AWSCURRENT'],
      });

      await client().send(new PutSecretValueCommand({ SecretId: 'versions', SecretString: 'v3', ClientRequestToken: TOKEN_3 }));
      // TOKEN_1 lost its last label: deprecated, so not shown.
      expect((await describeRaw('versions')).json.VersionIdsToStages).toEqual({
        [TOKEN_2]: ['AWSPREVIOUS'],
        [TOKEN_3]: ['AWSCURRENT'],
      });
    });

    it('shows a pending version under its AWSPENDING label', async () => {
      await client().send(new CreateSecretCommand({ Name: 'pending', SecretString: 'v1', ClientRequestToken: TOKEN_1 }));
      await client().send(
        new PutSecretValueCommand({ SecretId: 'pending', SecretString: 'v2', ClientRequestToken: TOKEN_2, VersionStages: ['AWSPENDING'] }),
      );
      expect((await describeRaw('pending')).json.VersionIdsToStages).toEqual({
        [TOKEN_1]: ['AWSCURRENT'],
        [TOKEN_2]: ['AWSPENDING'],
      });
    });

    it('returns timestamps as epoch-second numbers that the SDK reads as dates', async () => {
      await client().send(new CreateSecretCommand({ Name: 'dates', SecretString: 'v' }));
      const raw = await describeRaw('dates');
      expect(typeof raw.json.CreatedDate).toBe('number');
      const described = await client().send(new DescribeSecretCommand({ SecretId: 'dates' }));
      expect(described.CreatedDate).toEqual(new Date(clock.now()));
      expect(described.LastChangedDate).toEqual(new Date(clock.now()));
    });
  });

  describe('SecretId', () => {
    it.each(['s-c64bdc03', 'Valid/_+=.@-Name', 'Valid/_+=.@-Name-a1b2', 'Valid/_+=.@-Name-a1b2c3-'])(
      'finds %s by name, full ARN and partial ARN',
      async (name) => {
        const { ARN } = await client().send(new CreateSecretCommand({ Name: name, SecretString: 'my_secret' }));
        expect(ARN).toMatch(new RegExp(`^arn:aws:secretsmanager:us-east-1:000000000000:secret:${escape(name)}-[A-Za-z0-9]{6}$`));
        const byName = await describeRaw(name);
        expect(byName.status).toBe(200);
        expect(byName.json.ARN).toBe(ARN);
        expect(byName.json.Name).toBe(name);
        expect((await describeRaw(ARN)).json).toEqual(byName.json);
        // A partial ARN is the ARN without "-" and the 6-character suffix.
        expect((await describeRaw(ARN!.slice(0, -7))).json).toEqual(byName.json);
      },
    );

    it('does not take a partial ARN whose name ends in "-" and 6 characters (it reads as a full ARN) [rec]', async () => {
      const name = 'Invalid/_+=.@-Name-a1b2c3';
      const { ARN } = await client().send(new CreateSecretCommand({ Name: name, SecretString: 'my_secret' }));
      expect((await describeRaw(name)).status).toBe(200);
      expect((await describeRaw(ARN)).json.Name).toBe(name);
      const partial = await describeRaw(ARN!.slice(0, -7));
      expect(partial.status).toBe(400);
      expect(partial.json).toEqual({ __type: 'ResourceNotFoundException', Message: NOT_FOUND });
    });

    it('builds the ARN from the caller\'s account and region', async () => {
      const other = client({ region: 'eu-west-1', accessKeyId: '111111111111' });
      const { ARN } = await other.send(new CreateSecretCommand({ Name: 'elsewhere', SecretString: 'v' }));
      expect(ARN).toMatch(/^arn:aws:secretsmanager:eu-west-1:111111111111:secret:elsewhere-[A-Za-z0-9]{6}$/);
      const described = await other.send(new DescribeSecretCommand({ SecretId: 'elsewhere' }));
      expect(described.ARN).toBe(ARN);
      // By name, the secret is only visible in its own account and region.
      expect((await describeRaw('elsewhere')).json.__type).toBe('ResourceNotFoundException');
    });

    it('reaches a secret in another region through its full ARN', async () => {
      const { ARN } = await client().send(new CreateSecretCommand({ Name: 'home', SecretString: 'v' }));
      const away = client({ region: 'eu-west-1' });
      const described = await away.send(new DescribeSecretCommand({ SecretId: ARN }));
      expect(described.ARN).toBe(ARN);
      expect(described.Name).toBe('home');
    });

    it('gives a recreated secret a new ARN suffix after a forced delete; the old ARN is gone', async () => {
      const first = await client().send(new CreateSecretCommand({ Name: 'again', SecretString: 'v1' }));
      await client().send(new DeleteSecretCommand({ SecretId: 'again', ForceDeleteWithoutRecovery: true }));
      const second = await client().send(new CreateSecretCommand({ Name: 'again', SecretString: 'v2' }));
      expect(second.ARN).toMatch(/^arn:aws:secretsmanager:us-east-1:000000000000:secret:again-[A-Za-z0-9]{6}$/);
      expect(second.ARN).not.toBe(first.ARN);
      expect((await describeRaw('again')).json.ARN).toBe(second.ARN);
      expect((await describeRaw(second.ARN)).json.ARN).toBe(second.ARN);
      const old = await describeRaw(first.ARN);
      expect(old.status).toBe(400);
      expect(old.json.__type).toBe('ResourceNotFoundException');
    });
  });

  describe('errors', () => {
    it('answers an unknown secret with a 400 ResourceNotFoundException', async () => {
      const response = await describeRaw('nope');
      expect(response.status).toBe(400);
      expect(response.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException');
      expect(response.json).toEqual({ __type: 'ResourceNotFoundException', Message: NOT_FOUND });

      const error = await sdkError(client().send(new DescribeSecretCommand({ SecretId: 'nope' })));
      expect(error.name).toBe('ResourceNotFoundException');
      expect(error.message).toBe(NOT_FOUND);
      expect(error.$metadata.httpStatusCode).toBe(400);
    });

    it('answers an unknown full ARN with ResourceNotFoundException', async () => {
      const response = await describeRaw('arn:aws:secretsmanager:us-east-1:000000000000:secret:nope-AbCdEf');
      expect(response.status).toBe(400);
      expect(response.json).toEqual({ __type: 'ResourceNotFoundException', Message: NOT_FOUND });
    });

    it('is gone after a forced delete', async () => {
      await client().send(new CreateSecretCommand({ Name: 'gone', SecretString: 'v' }));
      await client().send(new DeleteSecretCommand({ SecretId: 'gone', ForceDeleteWithoutRecovery: true }));
      expect((await describeRaw('gone')).json).toEqual({ __type: 'ResourceNotFoundException', Message: NOT_FOUND });
    });

    it.each(['Inv Name', ' Inv Name', ' Inv*Name? ', ' Inv *?!]Name\\-'])('rejects the invalid name %j with ValidationException [rec]', async (name) => {
      const response = await describeRaw(name);
      expect(response.status).toBe(400);
      expect(response.headers.get('x-amzn-errortype')).toBe('ValidationException');
      expect(response.json).toEqual({ __type: 'ValidationException', Message: INVALID_NAME });
      // The recording's test id escapes the backslash.
      const recordedError = recorded(`test_invalid_secret_name[${name.replace(/\\/g, '\\\\')}]`, 'ex_log_1').Error;
      expect(response.json.Message).toBe(recordedError.Message);
      expect(response.json.__type).toBe(recordedError.Code);
    });

    it('requires SecretId', async () => {
      const response = await rawAws(server().url, 'DescribeSecret', {});
      expect(response.status).toBe(400);
      expect(response.json).toEqual({
        __type: 'ValidationException',
        Message: "1 validation error detected: Value null at 'secretId' failed to satisfy constraint: Member must not be null",
      });
    });

    it('checks the length of SecretId', async () => {
      expect((await describeRaw('')).json).toEqual({
        __type: 'ValidationException',
        Message: "1 validation error detected: Value '' at 'secretId' failed to satisfy constraint: Member must have length greater than or equal to 1",
      });
      const long = 'a'.repeat(2049);
      expect((await describeRaw(long)).json).toEqual({
        __type: 'ValidationException',
        Message: `1 validation error detected: Value '${long}' at 'secretId' failed to satisfy constraint: Member must have length less than or equal to 2048`,
      });
    });

    it('refuses a SecretId that is not a string with SerializationException', async () => {
      const response = await describeRaw(42);
      expect(response.status).toBe(400);
      expect(response.json.__type).toBe('SerializationException');
    });
  });
});
