import { randomUUID } from 'node:crypto';
import {
  CreateSecretCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  ListSecretVersionIdsCommand,
  ReplicateSecretToRegionsCommand,
  UpdateSecretCommand,
} from '@aws-sdk/client-secrets-manager';
import { MESSAGES } from '../../../../dialects/aws/messages.js';
import { awsClient, rawAws, regionHeaders, sdkError, STORES, useServer } from '../../../helpers/server.js';
import { recorded, recordedKeys } from '../../../helpers/awsRecordings.js';

/** AWS's answer to a write on a replica [obs: terraform-aws-secrets-manager#188, cloud-nuke#435]. */
const REPLICA_WRITE = "Operation not permitted on a replica secret. Call must be made in primary secret's region.";

describe.each(STORES)('UpdateSecret (%s store)', (kind) => {
  const server = useServer(kind);
  const client = () => awsClient(server().url);

  async function create(name: string, value?: string, extra: { Description?: string; Tags?: { Key: string; Value: string }[] } = {}) {
    const created = await client().send(new CreateSecretCommand({ Name: name, SecretString: value, ...extra }));
    return { ARN: created.ARN!, VersionId: created.VersionId };
  }

  async function stagesOf(secretId: string): Promise<Record<string, string[]> | undefined> {
    return (await client().send(new DescribeSecretCommand({ SecretId: secretId }))).VersionIdsToStages;
  }

  async function expectRawError(body: unknown, code: string, message: string): Promise<void> {
    const response = await rawAws(server().url, 'UpdateSecret', body);
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe(code);
    expect(response.json).toEqual({ __type: code, Message: message });
  }

  describe('metadata only', () => {
    it('changes the Description without a new version; the response has no VersionId', async () => {
      const { ARN, VersionId } = await create('described', 'v0');
      const response = await rawAws(server().url, 'UpdateSecret', { SecretId: 'described', Description: 'MyDescription', ClientRequestToken: randomUUID() });
      expect(response.status).toBe(200);
      expect(Object.keys(response.json).sort()).toEqual(recordedKeys('test_update_secret_description', 'update_secret_res_0'));
      expect(response.json).toEqual({ ARN, Name: 'described' });

      const described = await rawAws(server().url, 'DescribeSecret', { SecretId: 'described' });
      expect(Object.keys(described.json).sort()).toEqual(recordedKeys('test_update_secret_description', 'describe_secret_res_1'));
      expect(described.json.Description).toBe('MyDescription');
      expect(described.json.VersionIdsToStages).toEqual({ [VersionId!]: ['AWSCURRENT'] });
    });

    it('keeps tags, description and value when only the KmsKeyId changes', async () => {
      const { ARN, VersionId } = await create('kms', 'v0', { Description: 'keep me', Tags: [{ Key: 'env', Value: 'dev' }] });
      const response = await client().send(new UpdateSecretCommand({ SecretId: 'kms', KmsKeyId: 'alias/custom' }));
      expect(response.ARN).toBe(ARN);
      expect(response.VersionId).toBeUndefined();
      const described = await client().send(new DescribeSecretCommand({ SecretId: 'kms' }));
      expect(described).toMatchObject({ KmsKeyId: 'alias/custom', Description: 'keep me', Tags: [{ Key: 'env', Value: 'dev' }] });
      expect(described.VersionIdsToStages).toEqual({ [VersionId!]: ['AWSCURRENT'] });
      expect((await client().send(new GetSecretValueCommand({ SecretId: 'kms' }))).SecretString).toBe('v0');
    });

    it('keeps tags when the Description changes', async () => {
      await create('tagged', 'v0', { Tags: [{ Key: 'team', Value: 'core' }] });
      await client().send(new UpdateSecretCommand({ SecretId: 'tagged', Description: 'new' }));
      const described = await client().send(new DescribeSecretCommand({ SecretId: 'tagged' }));
      expect(described.Tags).toEqual([{ Key: 'team', Value: 'core' }]);
      expect(described.Description).toBe('new');
    });

    it('hides a Description set to the empty string', async () => {
      await create('cleared', 'v0', { Description: 'old' });
      await client().send(new UpdateSecretCommand({ SecretId: 'cleared', Description: '' }));
      const described = await rawAws(server().url, 'DescribeSecret', { SecretId: 'cleared' });
      expect(described.json).not.toHaveProperty('Description');
    });

    it('works on a secret without a value and still makes no version', async () => {
      await create('empty');
      const response = await client().send(new UpdateSecretCommand({ SecretId: 'empty', Description: 'd' }));
      expect(response.VersionId).toBeUndefined();
      expect(await stagesOf('empty')).toBeUndefined();
    });
  });

  describe('with a value', () => {
    it('adds an AWSCURRENT version under the token, demoting the old one to AWSPREVIOUS', async () => {
      const { ARN, VersionId: v1 } = await create('valued', 'v0', { Description: 'MyDescription', Tags: [{ Key: 'env', Value: 'dev' }] });
      const token = randomUUID();
      const response = await rawAws(server().url, 'UpdateSecret', { SecretId: ARN, SecretString: 'v1', ClientRequestToken: token });
      expect(response.status).toBe(200);
      expect(Object.keys(response.json).sort()).toEqual(recordedKeys('test_update_secret_description', 'update_secret_res_1'));
      expect(response.json).toEqual({ ARN, Name: 'valued', VersionId: token });

      expect(await stagesOf('valued')).toEqual({ [token]: ['AWSCURRENT'], [v1!]: ['AWSPREVIOUS'] });
      const value = await client().send(new GetSecretValueCommand({ SecretId: 'valued' }));
      expect({ VersionId: value.VersionId, SecretString: value.SecretString }).toEqual({ VersionId: token, SecretString: 'v1' });
      // Description and tags survive a value update.
      const described = await client().send(new DescribeSecretCommand({ SecretId: 'valued' }));
      expect(described.Description).toBe('MyDescription');
      expect(described.Tags).toEqual([{ Key: 'env', Value: 'dev' }]);
    });

    it('changes Description and value together, and the version before loses AWSPREVIOUS', async () => {
      const { VersionId: v1 } = await create('both-changes', 'v0');
      const v2 = await client().send(new UpdateSecretCommand({ SecretId: 'both-changes', SecretString: 'v1', Description: 'MyNewDescription' }));
      const v3 = await client().send(new UpdateSecretCommand({ SecretId: 'both-changes', SecretString: 'v2' }));
      expect(await stagesOf('both-changes')).toEqual({ [v2.VersionId!]: ['AWSPREVIOUS'], [v3.VersionId!]: ['AWSCURRENT'] });
      expect((await client().send(new DescribeSecretCommand({ SecretId: 'both-changes' }))).Description).toBe('MyNewDescription');
      const all = await client().send(new ListSecretVersionIdsCommand({ SecretId: 'both-changes', IncludeDeprecated: true }));
      expect(all.Versions?.find((v) => v.VersionId === v1)?.VersionStages).toBeUndefined();
    });

    it('gives a secret without a value its first AWSCURRENT version', async () => {
      await create('first');
      const response = await client().send(new UpdateSecretCommand({ SecretId: 'first', SecretString: 'v1' }));
      expect(response.VersionId).toBeDefined();
      expect(await stagesOf('first')).toEqual({ [response.VersionId!]: ['AWSCURRENT'] });
    });

    it('round-trips SecretBinary: bytes through the SDK, base64 on the wire', async () => {
      await create('binary', 'v0');
      const bytes = Buffer.from('updated1');
      const response = await client().send(new UpdateSecretCommand({ SecretId: 'binary', SecretBinary: bytes }));
      const value = await client().send(new GetSecretValueCommand({ SecretId: 'binary' }));
      expect(value.VersionId).toBe(response.VersionId);
      expect(Buffer.from(value.SecretBinary!).toString('utf8')).toBe('updated1');
      const raw = await rawAws(server().url, 'GetSecretValue', { SecretId: 'binary' });
      expect(raw.json.SecretBinary).toBe(bytes.toString('base64'));
      expect(raw.json).not.toHaveProperty('SecretString');
    });

    it('finds the secret by full and partial ARN', async () => {
      const { ARN } = await create('Valid/_+=.@-Name-a1b2', 'v0');
      expect((await client().send(new UpdateSecretCommand({ SecretId: ARN, SecretString: 'test123', Description: 'd1' }))).ARN).toBe(ARN);
      expect((await client().send(new UpdateSecretCommand({ SecretId: ARN.slice(0, -7), Description: 'd2' }))).ARN).toBe(ARN);
    });
  });

  describe('ClientRequestToken idempotency', () => {
    it('answers a retry with the same token and value with VersionId = token and makes no new version', async () => {
      await create('retry', 'v0');
      const body = { SecretId: 'retry', SecretString: 'v1', ClientRequestToken: randomUUID() };
      const first = await rawAws(server().url, 'UpdateSecret', body);
      const second = await rawAws(server().url, 'UpdateSecret', body);
      expect(second.status).toBe(200);
      expect(second.json).toEqual(first.json);
      expect(second.json.VersionId).toBe(body.ClientRequestToken);
      const versions = await client().send(new ListSecretVersionIdsCommand({ SecretId: 'retry', IncludeDeprecated: true }));
      expect(versions.Versions).toHaveLength(2);
    });

    it('refuses the same token with another value (ResourceExistsException)', async () => {
      const { ARN } = await create('clash', 'v0');
      const token = randomUUID();
      await client().send(new UpdateSecretCommand({ SecretId: 'clash', SecretString: 'v1', ClientRequestToken: token }));
      const error = await sdkError(client().send(new UpdateSecretCommand({ SecretId: 'clash', SecretString: 'v2', ClientRequestToken: token })));
      expect(error.name).toBe('ResourceExistsException');
      expect(error.message).toBe(MESSAGES.tokenInUse(token, ARN));
      expect(error.$metadata.httpStatusCode).toBe(400);
      expect((await client().send(new GetSecretValueCommand({ SecretId: 'clash' }))).SecretString).toBe('v1');
    });

    it('changes nothing when the token is refused, not even the Description', async () => {
      const { VersionId } = await create('clash-desc', 'v0', { Description: 'before' });
      const error = await sdkError(
        client().send(new UpdateSecretCommand({ SecretId: 'clash-desc', SecretString: 'other', Description: 'after', ClientRequestToken: VersionId })),
      );
      expect(error.name).toBe('ResourceExistsException');
      expect((await client().send(new DescribeSecretCommand({ SecretId: 'clash-desc' }))).Description).toBe('before');
    });

    it('requires a ClientRequestToken with a value over raw HTTP, before looking the secret up', async () => {
      const expected = recorded('test_no_client_request_token[UpdateSecret]', 'no-client-request-exc') as {
        Error: { __type: string; Message: string };
        Metadata: { StatusCode: number };
      };
      // As recorded: the secret does not even exist.
      const response = await rawAws(server().url, 'UpdateSecret', { SecretId: 'never-created', SecretString: 'thisisthesecret', Description: 'My secret string' });
      expect(response.status).toBe(expected.Metadata.StatusCode);
      expect(Object.keys(response.json).sort()).toEqual(Object.keys(expected.Error).sort());
      expect(response.json).toEqual({ __type: expected.Error.__type, Message: MESSAGES.tokenRequired });
      expect(response.headers.get('x-amzn-errortype')).toBe('InvalidRequestException');

      await create('existing', 'v0', { Description: 'before' });
      await expectRawError({ SecretId: 'existing', SecretString: 'v1', Description: 'after' }, 'InvalidRequestException', MESSAGES.tokenRequired);
      expect((await client().send(new DescribeSecretCommand({ SecretId: 'existing' }))).Description).toBe('before');
    });
  });

  describe('errors', () => {
    it('refuses both SecretString and SecretBinary (InvalidParameterException)', async () => {
      const { VersionId } = await create('both', 'v0');
      const error = await sdkError(
        client().send(new UpdateSecretCommand({ SecretId: 'both', SecretString: 's', SecretBinary: new Uint8Array([1]) })),
      );
      expect(error.name).toBe('InvalidParameterException');
      expect(error.message).toBe(MESSAGES.bothValues);
      expect(await stagesOf('both')).toEqual({ [VersionId!]: ['AWSCURRENT'] });
    });

    it('refuses a SecretString over 65536 bytes (ValidationException)', async () => {
      await create('huge', 'v0');
      const error = await sdkError(client().send(new UpdateSecretCommand({ SecretId: 'huge', SecretString: '€'.repeat(21_846) })));
      expect(error.name).toBe('ValidationException');
      expect(error.message).toBe(
        "1 validation error detected: Value '*** Sensitive Data Redacted ***' at 'secretString' failed to satisfy constraint: Member must have length less than or equal to 65536",
      );
    });

    it('reports an unknown secret as ResourceNotFoundException with status 400', async () => {
      await expectRawError({ SecretId: 'missing', Description: 'd' }, 'ResourceNotFoundException', MESSAGES.secretNotFound);
      await expectRawError({ SecretId: 'missing', SecretString: 'v', ClientRequestToken: randomUUID() }, 'ResourceNotFoundException', MESSAGES.secretNotFound);
    });

    it('refuses a secret scheduled for deletion (InvalidRequestException)', async () => {
      const { ARN } = await create('doomed', 'v0');
      await client().send(new DeleteSecretCommand({ SecretId: 'doomed', RecoveryWindowInDays: 30 }));
      for (const input of [{ SecretId: 'doomed', Description: 'd' }, { SecretId: ARN, SecretString: 'v1' }]) {
        const error = await sdkError(client().send(new UpdateSecretCommand(input)));
        expect(error.name).toBe('InvalidRequestException');
        expect(error.message).toBe(MESSAGES.markedForDeletion);
      }
    });

    it('refuses a replica in its region with InvalidParameterException, with or without a value', async () => {
      await create('replicated', 'v0', { Description: 'original' });
      await client().send(new ReplicateSecretToRegionsCommand({ SecretId: 'replicated', AddReplicaRegions: [{ Region: 'eu-west-1' }] }));
      const west = awsClient(server().url, { region: 'eu-west-1' });
      for (const body of [{ SecretId: 'replicated', Description: 'changed' }, { SecretId: 'replicated', SecretString: 'v1', ClientRequestToken: randomUUID() }]) {
        const response = await rawAws(server().url, 'UpdateSecret', body, regionHeaders('eu-west-1'));
        expect(response.status).toBe(400);
        expect(response.headers.get('x-amzn-errortype')).toBe('InvalidParameterException');
        expect(response.json).toEqual({ __type: 'InvalidParameterException', Message: REPLICA_WRITE });
        const error = await sdkError(west.send(new UpdateSecretCommand(body)));
        expect(error.name).toBe('InvalidParameterException');
        expect(error.message).toBe(REPLICA_WRITE);
      }
      const replica = await west.send(new DescribeSecretCommand({ SecretId: 'replicated' }));
      expect(replica.Description).toBe('original');
      expect((await west.send(new GetSecretValueCommand({ SecretId: 'replicated' }))).SecretString).toBe('v0');
    });

    it('refuses an invalid SecretId (ValidationException)', async () => {
      await expectRawError({ SecretId: 'Inv*Name?', Description: 'd' }, 'ValidationException', MESSAGES.invalidName);
    });

    it('requires SecretId (ValidationException in AWS wording)', async () => {
      await expectRawError({ Description: 'd' }, 'ValidationException', "1 validation error detected: Value null at 'secretId' failed to satisfy constraint: Member must not be null");
    });

    it('refuses a Description over 2048 characters', async () => {
      await create('long-desc', 'v0');
      const description = 'd'.repeat(2049);
      await expectRawError(
        { SecretId: 'long-desc', Description: description },
        'ValidationException',
        `1 validation error detected: Value '${description}' at 'description' failed to satisfy constraint: Member must have length less than or equal to 2048`,
      );
    });
  });
});
