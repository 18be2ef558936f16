import { randomUUID } from 'node:crypto';
import {
  CreateSecretCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  ListSecretVersionIdsCommand,
  PutSecretValueCommand,
  ReplicateSecretToRegionsCommand,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';
import { MESSAGES } from '../../../../dialects/aws/messages.js';
import { awsClient, rawAws, regionHeaders, sdkError, STORES, useServer } from '../../../helpers/server.js';
import { recorded, recordedKeys } from '../../../helpers/awsRecordings.js';

const sorted = (labels: string[] | undefined) => [...(labels ?? [])].sort();
/** AWS's answer to a write on a replica [obs: terraform-aws-secrets-manager#188, cloud-nuke#435]. */
const REPLICA_WRITE = "Operation not permitted on a replica secret. Call must be made in primary secret's region.";

describe.each(STORES)('PutSecretValue (%s store)', (kind) => {
  const server = useServer(kind);
  const client = () => awsClient(server().url);

  async function create(name: string, value?: string): Promise<{ ARN: string; VersionId?: string }> {
    const created = await client().send(new CreateSecretCommand({ Name: name, SecretString: value }));
    return { ARN: created.ARN!, VersionId: created.VersionId };
  }

  async function put(secretId: string, value: string, stages?: string[], token?: string) {
    return client().send(new PutSecretValueCommand({ SecretId: secretId, SecretString: value, VersionStages: stages, ClientRequestToken: token }));
  }

  /** Version id → sorted labels of every labelled version, as DescribeSecret shows them. */
  async function stagesOf(secretId: string): Promise<Record<string, string[]>> {
    const described = await client().send(new DescribeSecretCommand({ SecretId: secretId }));
    return Object.fromEntries(Object.entries(described.VersionIdsToStages ?? {}).map(([id, labels]) => [id, sorted(labels)]));
  }

  async function currentValue(secretId: string): Promise<{ VersionId?: string; SecretString?: string }> {
    const value = await client().send(new GetSecretValueCommand({ SecretId: secretId }));
    return { VersionId: value.VersionId, SecretString: value.SecretString };
  }

  async function expectRawError(body: unknown, code: string, message: string): Promise<void> {
    const response = await rawAws(server().url, 'PutSecretValue', body);
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe(code);
    expect(response.json).toEqual({ __type: code, Message: message });
  }

  describe('new versions', () => {
    it('makes the new version AWSCURRENT and the old one AWSPREVIOUS', async () => {
      const { ARN, VersionId: v1 } = await create('app/db', 'my_secret');
      const token = randomUUID();
      const response = await put('app/db', 'new_secret', undefined, token);
      expect(response).toMatchObject({ ARN, Name: 'app/db', VersionId: token, VersionStages: ['AWSCURRENT'] });
      expect(await stagesOf('app/db')).toEqual({ [v1!]: ['AWSPREVIOUS'], [token]: ['AWSCURRENT'] });
      expect(await currentValue('app/db')).toEqual({ VersionId: token, SecretString: 'new_secret' });
    });

    it('answers on the wire with exactly ARN, Name, VersionId and VersionStages', async () => {
      const { ARN } = await create('wire', 'v1');
      const token = randomUUID();
      const response = await rawAws(server().url, 'PutSecretValue', { SecretId: 'wire', SecretString: 'v2', ClientRequestToken: token });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1');
      expect(Object.keys(response.json).sort()).toEqual(recordedKeys('test_create_and_update_secret[s-c64bdc03]', 'put_secret_value_rs_1'));
      expect(response.json).toEqual({ ARN, Name: 'wire', VersionId: token, VersionStages: ['AWSCURRENT'] });
    });

    it('takes AWSPREVIOUS off the version before, which becomes deprecated', async () => {
      const { VersionId: v1 } = await create('rolling', 'one');
      const { VersionId: v2 } = await put('rolling', 'two');
      const { VersionId: v3 } = await put('rolling', 'three');
      expect(await stagesOf('rolling')).toEqual({ [v2!]: ['AWSPREVIOUS'], [v3!]: ['AWSCURRENT'] });
      const all = await client().send(new ListSecretVersionIdsCommand({ SecretId: 'rolling', IncludeDeprecated: true }));
      const deprecated = all.Versions?.find((v) => v.VersionId === v1);
      expect(deprecated).toBeDefined();
      expect(deprecated?.VersionStages).toBeUndefined();
    });

    it('uses the token the SDK generates as the VersionId', async () => {
      await create('generated', 'v1');
      const response = await put('generated', 'v2');
      expect(response.VersionId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect((await currentValue('generated')).VersionId).toBe(response.VersionId);
    });

    it('creates the first version, AWSCURRENT, of a secret created without a value', async () => {
      const { ARN } = await create('empty');
      const token = randomUUID();
      const response = await rawAws(server().url, 'PutSecretValue', { SecretId: ARN, SecretString: 'example-string-to-protect', ClientRequestToken: token });
      expect(Object.keys(response.json).sort()).toEqual(recordedKeys('test_create_secret_version_from_empty_secret', 'put-secret-value'));
      expect(response.json).toEqual({ ARN, Name: 'empty', VersionId: token, VersionStages: ['AWSCURRENT'] });
      expect(await stagesOf('empty')).toEqual({ [token]: ['AWSCURRENT'] });
    });

    it('gives the first version AWSCURRENT even when only custom stages are asked for', async () => {
      await create('empty-custom');
      const response = await put('empty-custom', 'first', ['BLUE']);
      expect(sorted(response.VersionStages)).toEqual(['AWSCURRENT', 'BLUE']);
      expect(await currentValue('empty-custom')).toEqual({ VersionId: response.VersionId, SecretString: 'first' });
    });

    it('round-trips SecretBinary: bytes through the SDK, base64 on the wire', async () => {
      await create('binary', 'text first');
      const bytes = new Uint8Array([0xfe, 0xfd, 0x00, 0x10]);
      const response = await client().send(new PutSecretValueCommand({ SecretId: 'binary', SecretBinary: bytes }));
      expect(response.VersionStages).toEqual(['AWSCURRENT']);
      const value = await client().send(new GetSecretValueCommand({ SecretId: 'binary' }));
      expect(Buffer.from(value.SecretBinary!)).toEqual(Buffer.from(bytes));
      expect(value.SecretString).toBeUndefined();
      const raw = await rawAws(server().url, 'GetSecretValue', { SecretId: 'binary' });
      expect(raw.json.SecretBinary).toBe('/v0AEA==');
      expect(raw.json).not.toHaveProperty('SecretString');
    });

    it('finds the secret by full and partial ARN', async () => {
      const { ARN } = await create('Valid/_+=.@-Name-a1b2c3-', 'v1');
      const byArn = await put(ARN, 'v2');
      expect(byArn.ARN).toBe(ARN);
      const byPartial = await put(ARN.slice(0, -7), 'v3');
      expect(byPartial.ARN).toBe(ARN);
      expect((await currentValue(ARN)).SecretString).toBe('v3');
    });
  });

  describe('VersionStages', () => {
    it('puts custom stages on the new version without moving AWSCURRENT', async () => {
      const { VersionId: v1 } = await create('staged', 'secret_string_v0');
      const first = await put('staged', 'secret_string_v1', ['SAMPLESTAGE1', 'SAMPLESTAGE0']);
      expect(Object.keys(first).filter((k) => k !== '$metadata').sort()).toEqual(
        recordedKeys('test_put_secret_value_with_version_stages', 'put_secret_value_res_1'),
      );
      expect(sorted(first.VersionStages)).toEqual(['SAMPLESTAGE0', 'SAMPLESTAGE1']);
      expect(await currentValue('staged')).toEqual({ VersionId: v1, SecretString: 'secret_string_v0' });

      // The same stages again move to the newer version; the one before is left without labels.
      const second = await put('staged', 'secret_string_v2', ['SAMPLESTAGE1', 'SAMPLESTAGE0']);
      expect(await stagesOf('staged')).toEqual({ [v1!]: ['AWSCURRENT'], [second.VersionId!]: ['SAMPLESTAGE0', 'SAMPLESTAGE1'] });
      expect(await currentValue('staged')).toEqual({ VersionId: v1, SecretString: 'secret_string_v0' });

      const pending = await put('staged', 'secret_string_v3', ['AWSPENDING']);
      expect(pending.VersionStages).toEqual(['AWSPENDING']);
      expect(await currentValue('staged')).toEqual({ VersionId: v1, SecretString: 'secret_string_v0' });
      const pendingValue = await client().send(new GetSecretValueCommand({ SecretId: 'staged', VersionStage: 'AWSPENDING' }));
      expect(pendingValue.SecretString).toBe('secret_string_v3');

      const current = await put('staged', 'secret_string_v4');
      expect(current.VersionStages).toEqual(['AWSCURRENT']);
      expect(await currentValue('staged')).toEqual({ VersionId: current.VersionId, SecretString: 'secret_string_v4' });
      expect(await stagesOf('staged')).toEqual({
        [v1!]: ['AWSPREVIOUS'],
        [second.VersionId!]: ['SAMPLESTAGE0', 'SAMPLESTAGE1'],
        [pending.VersionId!]: ['AWSPENDING'],
        [current.VersionId!]: ['AWSCURRENT'],
      });
    });

    it('takes over all the stages of a version, which becomes deprecated', async () => {
      const { VersionId: v1 } = await create('replacement', 'v0');
      const v2 = await put('replacement', 'v1', ['one', 'two', 'three']);
      const v3 = await put('replacement', 'v2', ['one', 'two', 'three', 'four']);
      expect(sorted(v3.VersionStages)).toEqual(['four', 'one', 'three', 'two']);
      const versions = await client().send(new ListSecretVersionIdsCommand({ SecretId: 'replacement' }));
      expect(versions.Versions?.map((v) => [v.VersionId, sorted(v.VersionStages)])).toEqual([
        [v1, ['AWSCURRENT']],
        [v3.VersionId, ['four', 'one', 'three', 'two']],
      ]);
      expect(versions.Versions?.some((v) => v.VersionId === v2.VersionId)).toBe(false);
    });

    it('leaves the old holder the stages not asked for again (partial overlap)', async () => {
      const { VersionId: v1 } = await create('overlap', 'v0');
      const v2 = await put('overlap', 'v1', ['one', 'two', 'three']);
      const v3 = await put('overlap', 'v2', ['one', 'two', 'four']);
      expect(sorted(v3.VersionStages)).toEqual(['four', 'one', 'two']);
      const versions = await client().send(new ListSecretVersionIdsCommand({ SecretId: 'overlap' }));
      expect(versions.Versions?.map((v) => [v.VersionId, sorted(v.VersionStages)])).toEqual([
        [v1, ['AWSCURRENT']],
        [v2.VersionId, ['three']],
        [v3.VersionId, ['four', 'one', 'two']],
      ]);
      // ListSecretVersionIds entries have the members AWS sends.
      const raw = await rawAws(server().url, 'ListSecretVersionIds', { SecretId: 'overlap' });
      const expected = recorded('test_non_versioning_version_stages_no_replacement', 'list_secret_version_ids_res_1') as {
        Versions: Record<string, unknown>[];
      };
      expect(Object.keys(raw.json).sort()).toEqual(recordedKeys('test_non_versioning_version_stages_no_replacement', 'list_secret_version_ids_res_1'));
      for (const version of raw.json.Versions as Record<string, unknown>[]) {
        expect(Object.keys(version).sort()).toEqual(Object.keys(expected.Versions[0]).sort());
      }
    });

    it('moves AWSCURRENT when it is among the stages, keeping the custom ones with it', async () => {
      const { VersionId: v1 } = await create('with-current', 'v0');
      const v2 = await put('with-current', 'v1', ['AWSCURRENT', 'BLUE']);
      expect(await stagesOf('with-current')).toEqual({ [v1!]: ['AWSPREVIOUS'], [v2.VersionId!]: ['AWSCURRENT', 'BLUE'] });
      expect((await currentValue('with-current')).SecretString).toBe('v1');
    });

    it('refuses an empty list and more than 20 stages (ValidationException)', async () => {
      await create('limits', 'v0');
      await expectRawError(
        { SecretId: 'limits', SecretString: 'v', ClientRequestToken: randomUUID(), VersionStages: [] },
        'ValidationException',
        "1 validation error detected: Value '[]' at 'versionStages' failed to satisfy constraint: Member must have length greater than or equal to 1",
      );
      const many = Array.from({ length: 21 }, (_, i) => `S${i}`);
      await expectRawError(
        { SecretId: 'limits', SecretString: 'v', ClientRequestToken: randomUUID(), VersionStages: many },
        'ValidationException',
        `1 validation error detected: Value '[${many.join(', ')}]' at 'versionStages' failed to satisfy constraint: Member must have length less than or equal to 20`,
      );
    });
  });

  describe('ClientRequestToken idempotency', () => {
    it('answers a retry with the same token and value without making a version', async () => {
      await create('retry', 'v0');
      const body = { SecretId: 'retry', SecretString: 'v1', ClientRequestToken: randomUUID() };
      const first = await rawAws(server().url, 'PutSecretValue', body);
      const second = await rawAws(server().url, 'PutSecretValue', body);
      expect(second.status).toBe(200);
      expect(second.json).toEqual(first.json);
      const versions = await client().send(new ListSecretVersionIdsCommand({ SecretId: 'retry', IncludeDeprecated: true }));
      expect(versions.Versions).toHaveLength(2);
    });

    it("answers a late retry with that version's stages as they are now", async () => {
      const { VersionId: v1 } = await create('late-retry', 'v0');
      const token = randomUUID();
      await put('late-retry', 'v1', undefined, token);
      await put('late-retry', 'v2');
      const retry = await put('late-retry', 'v1', undefined, token);
      expect(retry.VersionId).toBe(token);
      expect(retry.VersionStages).toEqual(['AWSPREVIOUS']);
      expect((await currentValue('late-retry')).SecretString).toBe('v2');
      const versions = await client().send(new ListSecretVersionIdsCommand({ SecretId: 'late-retry', IncludeDeprecated: true }));
      expect(versions.Versions).toHaveLength(3);
      expect(versions.Versions?.some((v) => v.VersionId === v1)).toBe(true);
    });

    it('refuses the same token with another value (ResourceExistsException)', async () => {
      const { ARN } = await create('clash', 'v0');
      const token = randomUUID();
      await put('clash', 'v1', undefined, token);
      const error = await sdkError(put('clash', 'other', undefined, token));
      expect(error.name).toBe('ResourceExistsException');
      expect(error.message).toBe(MESSAGES.tokenInUse(token, ARN));
      expect(error.$metadata.httpStatusCode).toBe(400);
      expect((await currentValue('clash')).SecretString).toBe('v1');
    });

    it('refuses the token of the creating version with another value', async () => {
      const { ARN, VersionId } = await create('clash-create', 'v0');
      const error = await sdkError(put('clash-create', 'v1', undefined, VersionId));
      expect(error.name).toBe('ResourceExistsException');
      expect(error.message).toBe(MESSAGES.tokenInUse(VersionId!, ARN));
    });

    it('refuses the same token with the same text sent as binary', async () => {
      const { ARN } = await create('clash-type', 'v0');
      const token = randomUUID();
      await put('clash-type', 'abc', undefined, token);
      const error = await sdkError(client().send(new PutSecretValueCommand({ SecretId: 'clash-type', SecretBinary: Buffer.from('abc'), ClientRequestToken: token })));
      expect(error.name).toBe('ResourceExistsException');
      expect(error.message).toBe(MESSAGES.tokenInUse(token, ARN));
    });

    it('requires a ClientRequestToken over raw HTTP, before looking the secret up', async () => {
      const expected = recorded('test_no_client_request_token[PutSecretValue]', 'no-client-request-exc') as {
        Error: { __type: string; Message: string };
        Metadata: { StatusCode: number };
      };
      // As recorded: the secret does not even exist.
      const response = await rawAws(server().url, 'PutSecretValue', { SecretId: 'never-created', SecretString: 'thisisthesecret', Description: 'My secret string' });
      expect(response.status).toBe(expected.Metadata.StatusCode);
      expect(Object.keys(response.json).sort()).toEqual(Object.keys(expected.Error).sort());
      expect(response.json).toEqual({ __type: expected.Error.__type, Message: MESSAGES.tokenRequired });

      await create('existing', 'v0');
      await expectRawError({ SecretId: 'existing', SecretString: 'v1' }, 'InvalidRequestException', MESSAGES.tokenRequired);
    });
  });

  describe('errors', () => {
    it('refuses both SecretString and SecretBinary (InvalidParameterException)', async () => {
      const { VersionId } = await create('both', 'v0');
      const error = await sdkError(
        client().send(new PutSecretValueCommand({ SecretId: 'both', SecretString: 's', SecretBinary: new Uint8Array([1]) })),
      );
      expect(error.name).toBe('InvalidParameterException');
      expect(error.message).toBe(MESSAGES.bothValues);
      expect(await stagesOf('both')).toEqual({ [VersionId!]: ['AWSCURRENT'] });
    });

    it('refuses a call with neither SecretString nor SecretBinary (InvalidRequestException)', async () => {
      await create('neither', 'v0');
      await expectRawError({ SecretId: 'neither', ClientRequestToken: randomUUID() }, 'InvalidRequestException', MESSAGES.noValue);
    });

    it('refuses a SecretString over 65536 bytes (ValidationException)', async () => {
      await create('huge', 'v0');
      const error = await sdkError(put('huge', 'ü'.repeat(32_769)));
      expect(error.name).toBe('ValidationException');
      expect(error.message).toBe(
        "1 validation error detected: Value '*** Sensitive Data Redacted ***' at 'secretString' failed to satisfy constraint: Member must have length less than or equal to 65536",
      );
      await expectRawError(
        { SecretId: 'huge', SecretString: 'x'.repeat(65_537), ClientRequestToken: randomUUID() },
        'ValidationException',
        "1 validation error detected: Value '*** Sensitive Data Redacted ***' at 'secretString' failed to satisfy constraint: Member must have length less than or equal to 65536",
      );
    });

    it('reports an unknown secret as ResourceNotFoundException with status 400', async () => {
      await expectRawError({ SecretId: 'missing', SecretString: 'v', ClientRequestToken: randomUUID() }, 'ResourceNotFoundException', MESSAGES.secretNotFound);
    });

    it('refuses a secret scheduled for deletion (InvalidRequestException)', async () => {
      await create('doomed', 'v0');
      await client().send(new DeleteSecretCommand({ SecretId: 'doomed' }));
      const error = await sdkError(put('doomed', 'v1'));
      expect(error.name).toBe('InvalidRequestException');
      expect(error.message).toBe(MESSAGES.markedForDeletion);
      expect(error.$metadata.httpStatusCode).toBe(400);
    });

    it('refuses a replica in its region with InvalidParameterException, changing neither copy', async () => {
      const { ARN } = await create('replicated', 'v0');
      await client().send(new ReplicateSecretToRegionsCommand({ SecretId: 'replicated', AddReplicaRegions: [{ Region: 'eu-west-1' }] }));
      const west = awsClient(server().url, { region: 'eu-west-1' });
      const replicaArn = ARN.replace(':us-east-1:', ':eu-west-1:');
      for (const secretId of ['replicated', replicaArn]) {
        const response = await rawAws(server().url, 'PutSecretValue', { SecretId: secretId, SecretString: 'v1', ClientRequestToken: randomUUID() }, regionHeaders('eu-west-1'));
        expect(response.status).toBe(400);
        expect(response.headers.get('x-amzn-errortype')).toBe('InvalidParameterException');
        expect(response.json).toEqual({ __type: 'InvalidParameterException', Message: REPLICA_WRITE });
        const error = await sdkError(west.send(new PutSecretValueCommand({ SecretId: secretId, SecretString: 'v1' })));
        expect(error.name).toBe('InvalidParameterException');
        expect(error.message).toBe(REPLICA_WRITE);
        expect(error.$metadata.httpStatusCode).toBe(400);
      }
      expect((await currentValue('replicated')).SecretString).toBe('v0');
      expect((await west.send(new GetSecretValueCommand({ SecretId: 'replicated' }))).SecretString).toBe('v0');
    });

    it('refuses an invalid SecretId (ValidationException)', async () => {
      await expectRawError({ SecretId: 'Inv Name', SecretString: 'v', ClientRequestToken: randomUUID() }, 'ValidationException', MESSAGES.invalidName);
    });

    it('requires SecretId (ValidationException in AWS wording)', async () => {
      await expectRawError(
        { SecretString: 'v', ClientRequestToken: randomUUID() },
        'ValidationException',
        "1 validation error detected: Value null at 'secretId' failed to satisfy constraint: Member must not be null",
      );
    });
  });
  it('a new current version takes AWSPENDING off the old current one, which keeps only AWSPREVIOUS [rec]', async () => {
    const { VersionId: v1 } = await create('rotating', 'S1');
    const { VersionId: v2 } = await put('rotating', 'S2', ['AWSPENDING']);
    await client().send(
      new UpdateSecretVersionStageCommand({ SecretId: 'rotating', VersionStage: 'AWSCURRENT', MoveToVersionId: v2, RemoveFromVersionId: v1 }),
    );
    expect(await stagesOf('rotating')).toEqual({ [v1!]: ['AWSPREVIOUS'], [v2!]: ['AWSCURRENT', 'AWSPENDING'] });
    const { VersionId: v3 } = await put('rotating', 'S3');
    expect(await stagesOf('rotating')).toEqual({ [v2!]: ['AWSPREVIOUS'], [v3!]: ['AWSCURRENT'] });
  });
});
