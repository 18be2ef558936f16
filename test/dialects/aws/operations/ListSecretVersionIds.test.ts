import {
  CreateSecretCommand,
  DeleteSecretCommand,
  GetSecretValueCommand,
  ListSecretVersionIdsCommand,
  PutSecretValueCommand,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';
import { ManualClock } from '../../../../src/core/runtime.js';
import { awsClient, rawAws, sdkError, STORES, useServer } from '../../../helpers/server.js';
import { recorded } from '../../../helpers/awsRecordings.js';

// Recorded real-AWS responses, used only to compare shapes (which members are present).
type Json = Record<string, any>;

const keysOf = (value: object) => Object.keys(value).sort();
const DAY_MS = 86_400_000;
const START = Date.UTC(2024, 2, 15, 17, 5, 0, 250);
const seconds = (ms: number) => ms / 1000;
const midnight = (ms: number) => (Math.floor(ms / DAY_MS) * DAY_MS) / 1000;
const token = (n: number) => `EXAMPLE${n}-90ab-cdef-fedc-ba987EXAMPLE`;
const NOT_FOUND = "Secrets Manager can't find the specified secret.";
const INVALID_NAME = 'Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!';

/** Versions by id, so assertions do not depend on list order (AWS's is not known). */
const byId = (versions: Json[]) => Object.fromEntries(versions.map((version) => [version.VersionId, version]));

describe.each(STORES)('ListSecretVersionIds (%s store)', (kind) => {
  const clock = new ManualClock(START);
  const server = useServer(kind, { clock });
  const client = () => awsClient(server().url);
  const listRaw = (input: object) => rawAws(server().url, 'ListSecretVersionIds', input);

  async function secretWithVersions(name: string, count: number): Promise<string> {
    clock.advance(1_000);
    const { ARN } = await client().send(new CreateSecretCommand({ Name: name, SecretString: 'v1', ClientRequestToken: token(1) }));
    for (let n = 2; n <= count; n++) {
      clock.advance(1_000);
      await client().send(new PutSecretValueCommand({ SecretId: name, SecretString: `v${n}`, ClientRequestToken: token(n) }));
    }
    return ARN!;
  }

  describe('listing', () => {
    it('lists a fresh secret\'s version with its stages, creation time and the default key', async () => {
      const arn = await secretWithVersions('one', 1);
      const response = await listRaw({ SecretId: 'one' });
      expect(response.status).toBe(200);
      expect(response.json).toEqual({
        ARN: arn,
        Name: 'one',
        Versions: [{ VersionId: token(1), VersionStages: ['AWSCURRENT'], CreatedDate: seconds(clock.now()), KmsKeyIds: ['DefaultEncryptionKey'] }],
      });
      const recordedList = recorded('test_update_secret_version_stages_current_previous', 'list_secret_version_ids_res_0');
      expect(keysOf(response.json)).toEqual(keysOf(recordedList));
      expect(keysOf(response.json.Versions[0])).toEqual(keysOf(recordedList.Versions[0]));
    });

    it('lists AWSCURRENT and AWSPREVIOUS after a second value', async () => {
      await secretWithVersions('two', 2);
      const { json } = await listRaw({ SecretId: 'two' });
      const versions = byId(json.Versions);
      expect(Object.keys(versions).sort()).toEqual([token(1), token(2)]);
      expect(versions[token(1)].VersionStages).toEqual(['AWSPREVIOUS']);
      expect(versions[token(2)].VersionStages).toEqual(['AWSCURRENT']);
      expect(versions[token(1)].CreatedDate).toBe(seconds(clock.now() - 1_000));
      expect(versions[token(2)].CreatedDate).toBe(seconds(clock.now()));
      expect(json.Versions.map(keysOf)).toEqual(
        recorded('test_update_secret_version_stages_current_previous', 'list_secret_version_ids_res_1').Versions.map(keysOf),
      );
    });

    it('shows a customer key in KmsKeyIds', async () => {
      await client().send(new CreateSecretCommand({ Name: 'keyed', SecretString: 'v', KmsKeyId: 'alias/my-key' }));
      const { json } = await listRaw({ SecretId: 'keyed' });
      expect(json.Versions[0].KmsKeyIds).toEqual(['alias/my-key']);
    });

    it('lists no versions for a secret without a value', async () => {
      const { ARN } = await client().send(new CreateSecretCommand({ Name: 'empty' }));
      const response = await listRaw({ SecretId: 'empty' });
      expect(response.json).toEqual({ ARN, Name: 'empty', Versions: [] });
    });

    it('shows LastAccessedDate on the version that was read, truncated to 00:00 UTC', async () => {
      await secretWithVersions('read', 2);
      await client().send(new GetSecretValueCommand({ SecretId: 'read', VersionStage: 'AWSPREVIOUS' }));
      const { json } = await listRaw({ SecretId: 'read' });
      const versions = byId(json.Versions);
      expect(versions[token(1)].LastAccessedDate).toBe(midnight(clock.now()));
      expect(versions[token(1)].LastAccessedDate).not.toBe(seconds(clock.now()));
      expect(versions[token(2)]).not.toHaveProperty('LastAccessedDate');
      const recordedVersions = recorded('test_update_secret_version_stages_current_pending_cycle', 'list_secret_version_ids_res_1').Versions;
      expect(keysOf(versions[token(1)])).toEqual(keysOf(recordedVersions[0]));
      expect(keysOf(versions[token(2)])).toEqual(keysOf(recordedVersions[1]));
    });

    it('keeps working on a secret scheduled for deletion', async () => {
      await secretWithVersions('doomed', 1);
      await client().send(new DeleteSecretCommand({ SecretId: 'doomed' }));
      const response = await listRaw({ SecretId: 'doomed' });
      expect(response.status).toBe(200);
      expect(response.json.Versions.map((v: Json) => v.VersionId)).toEqual([token(1)]);
    });

    it('reads the version ids and stages through the SDK', async () => {
      await secretWithVersions('sdk', 2);
      const result = await client().send(new ListSecretVersionIdsCommand({ SecretId: 'sdk' }));
      expect(result.Name).toBe('sdk');
      expect(result.Versions!.find((v) => v.VersionId === token(2))).toEqual({
        VersionId: token(2),
        VersionStages: ['AWSCURRENT'],
        CreatedDate: new Date(clock.now()),
        KmsKeyIds: ['DefaultEncryptionKey'],
      });
      expect(result.NextToken).toBeUndefined();
    });
  });

  describe('IncludeDeprecated', () => {
    it('hides versions without labels unless asked, and lists them without a VersionStages key [rec]', async () => {
      await secretWithVersions('dep', 3);
      const visible = await listRaw({ SecretId: 'dep' });
      expect(Object.keys(byId(visible.json.Versions)).sort()).toEqual([token(2), token(3)]);
      expect((await listRaw({ SecretId: 'dep', IncludeDeprecated: false })).json.Versions).toHaveLength(2);

      const all = await listRaw({ SecretId: 'dep', IncludeDeprecated: true });
      const versions = byId(all.json.Versions);
      expect(Object.keys(versions).sort()).toEqual([token(1), token(2), token(3)]);
      expect(versions[token(1)]).toEqual({ VersionId: token(1), CreatedDate: seconds(clock.now() - 2_000), KmsKeyIds: ['DefaultEncryptionKey'] });
      expect(versions[token(2)].VersionStages).toEqual(['AWSPREVIOUS']);
      expect(versions[token(3)].VersionStages).toEqual(['AWSCURRENT']);

      const recordedVersions = recorded('test_deprecated_secret_version_stage', 'list_secret_version_ids_3').Versions;
      expect([token(1), token(2), token(3)].map((id) => keysOf(versions[id]))).toEqual(recordedVersions.map(keysOf));
    });

    it('keeps listing every deprecated version as more accumulate', async () => {
      await secretWithVersions('dep4', 4);
      const versions = byId((await listRaw({ SecretId: 'dep4', IncludeDeprecated: true })).json.Versions);
      expect(Object.keys(versions).sort()).toEqual([token(1), token(2), token(3), token(4)]);
      expect(versions[token(1)]).not.toHaveProperty('VersionStages');
      expect(versions[token(2)]).not.toHaveProperty('VersionStages');
      const recordedVersions = recorded('test_deprecated_secret_version_stage', 'list_secret_version_ids_5').Versions;
      expect([token(1), token(2), token(3), token(4)].map((id) => keysOf(versions[id]))).toEqual(recordedVersions.map(keysOf));
    });

    it('counts a version whose only label was moved away as deprecated', async () => {
      await secretWithVersions('moved', 1);
      await client().send(
        new PutSecretValueCommand({ SecretId: 'moved', SecretString: 'x', ClientRequestToken: token(2), VersionStages: ['CUSTOM'] }),
      );
      await client().send(
        new UpdateSecretVersionStageCommand({ SecretId: 'moved', VersionStage: 'CUSTOM', RemoveFromVersionId: token(2) }),
      );
      expect((await listRaw({ SecretId: 'moved' })).json.Versions.map((v: Json) => v.VersionId)).toEqual([token(1)]);
      const all = byId((await listRaw({ SecretId: 'moved', IncludeDeprecated: true })).json.Versions);
      expect(all[token(2)]).not.toHaveProperty('VersionStages');
    });
  });

  describe('paging', () => {
    it('pages with MaxResults and NextToken, omitting NextToken on the last page', async () => {
      await secretWithVersions('paged', 3);
      const seen: string[] = [];
      let response = await listRaw({ SecretId: 'paged', IncludeDeprecated: true, MaxResults: 2 });
      expect(response.json.Versions).toHaveLength(2);
      expect(typeof response.json.NextToken).toBe('string');
      seen.push(...response.json.Versions.map((v: Json) => v.VersionId));
      response = await listRaw({ SecretId: 'paged', IncludeDeprecated: true, MaxResults: 2, NextToken: response.json.NextToken });
      expect(response.json.Versions).toHaveLength(1);
      expect(response.json).not.toHaveProperty('NextToken');
      expect(keysOf(response.json)).toEqual(['ARN', 'Name', 'Versions']);
      seen.push(...response.json.Versions.map((v: Json) => v.VersionId));
      expect(seen.sort()).toEqual([token(1), token(2), token(3)]);
    });

    it('omits NextToken when everything fits', async () => {
      await secretWithVersions('fits', 2);
      const { json } = await listRaw({ SecretId: 'fits', MaxResults: 2 });
      expect(json.Versions).toHaveLength(2);
      expect(json).not.toHaveProperty('NextToken');
    });

    it('refuses a bad NextToken with InvalidNextTokenException', async () => {
      await secretWithVersions('bad-token', 1);
      const response = await listRaw({ SecretId: 'bad-token', NextToken: 'garbage!' });
      expect(response.status).toBe(400);
      expect(response.headers.get('x-amzn-errortype')).toBe('InvalidNextTokenException');
      expect(response.json).toEqual({ __type: 'InvalidNextTokenException', Message: 'The NextToken value is not valid.' });
    });

    it.each([
      [0, 'greater than or equal to 1'],
      [101, 'less than or equal to 100'],
    ])('refuses MaxResults %d', async (maxResults, constraint) => {
      await secretWithVersions('max', 1);
      const response = await listRaw({ SecretId: 'max', MaxResults: maxResults });
      expect(response.json).toEqual({
        __type: 'ValidationException',
        Message: `1 validation error detected: Value '${maxResults}' at 'maxResults' failed to satisfy constraint: Member must have value ${constraint}`,
      });
    });
  });

  describe('SecretId', () => {
    it.each(['plain', 'Valid/_+=.@-Name-a1b2c3-'])('finds %s by name, full ARN and partial ARN', async (name) => {
      const { ARN } = await client().send(new CreateSecretCommand({ Name: name, SecretString: 'v', ClientRequestToken: token(1) }));
      const byName = await listRaw({ SecretId: name });
      expect(byName.json.ARN).toBe(ARN);
      expect(byName.json.Name).toBe(name);
      expect((await listRaw({ SecretId: ARN })).json).toEqual(byName.json);
      expect((await listRaw({ SecretId: ARN!.slice(0, -7) })).json).toEqual(byName.json);
    });
  });

  describe('errors', () => {
    it('answers an unknown secret with a 400 ResourceNotFoundException [rec]', async () => {
      const response = await listRaw({ SecretId: 'nope' });
      expect(response.status).toBe(400);
      expect(response.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException');
      expect(response.json).toEqual({ __type: 'ResourceNotFoundException', Message: NOT_FOUND });
      expect(recorded('test_secret_not_found', 'list_secret_version_ids_not_found_ex').Error).toEqual({
        Code: response.json.__type,
        Message: response.json.Message,
      });
      const error = await sdkError(client().send(new ListSecretVersionIdsCommand({ SecretId: 'nope' })));
      expect(error.name).toBe('ResourceNotFoundException');
      expect(error.$metadata.httpStatusCode).toBe(400);
    });

    it('rejects an invalid name with ValidationException', async () => {
      const response = await listRaw({ SecretId: 'Inv Name' });
      expect(response.status).toBe(400);
      expect(response.json).toEqual({ __type: 'ValidationException', Message: INVALID_NAME });
    });

    it('requires SecretId', async () => {
      const response = await listRaw({});
      expect(response.json).toEqual({
        __type: 'ValidationException',
        Message: "1 validation error detected: Value null at 'secretId' failed to satisfy constraint: Member must not be null",
      });
    });
  });
});
