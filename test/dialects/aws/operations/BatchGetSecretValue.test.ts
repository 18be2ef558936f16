import {
  BatchGetSecretValueCommand,
  CreateSecretCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  PutSecretValueCommand,
} from '@aws-sdk/client-secrets-manager';
import { MESSAGES } from '../../../../dialects/aws/messages.js';
import { awsClient, rawAws, sdkError, STORES, useServer } from '../../../helpers/server.js';
import { recordedKeys } from '../../../helpers/awsRecordings.js';

/** A SecretValues entry has exactly what GetSecretValue returns for a string secret. */
const STRING_VALUE_KEYS = recordedKeys('test_create_and_update_secret[s-c64bdc03]', 'get_secret_value_rs_1');
const BINARY_VALUE_KEYS = recordedKeys('test_get_secret_value', 'secret_value_http_response');

const DAY_SECONDS = 86_400;
const byName = (a: { Name?: string }, b: { Name?: string }) => (a.Name! < b.Name! ? -1 : a.Name! > b.Name! ? 1 : 0);

describe.each(STORES)('BatchGetSecretValue (%s store)', (kind) => {
  const server = useServer(kind);
  const client = () => awsClient(server().url);

  async function create(name: string, value?: string, extra: { Description?: string; Tags?: { Key: string; Value: string }[] } = {}) {
    const created = await client().send(new CreateSecretCommand({ Name: name, SecretString: value, ...extra }));
    return { ARN: created.ARN!, VersionId: created.VersionId };
  }

  async function batch(body: unknown) {
    return rawAws(server().url, 'BatchGetSecretValue', body);
  }

  async function expectRawError(body: unknown, code: string, message: string): Promise<void> {
    const response = await batch(body);
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe(code);
    expect(response.json).toEqual({ __type: code, Message: message });
  }

  describe('by SecretIdList', () => {
    it('returns the current value of each secret, named by name, ARN or partial ARN', async () => {
      const a = await create('batch/a', 'alpha');
      const b = await create('batch/b', 'beta');
      const c = await create('batch/c', 'gamma');
      const response = await client().send(new BatchGetSecretValueCommand({ SecretIdList: ['batch/a', b.ARN, c.ARN.slice(0, -7)] }));
      expect(response.Errors ?? []).toEqual([]);
      expect(response.NextToken).toBeUndefined();
      const values = [...response.SecretValues!].sort(byName);
      expect(values.map((v) => ({ ARN: v.ARN, Name: v.Name, VersionId: v.VersionId, SecretString: v.SecretString, VersionStages: v.VersionStages }))).toEqual([
        { ARN: a.ARN, Name: 'batch/a', VersionId: a.VersionId, SecretString: 'alpha', VersionStages: ['AWSCURRENT'] },
        { ARN: b.ARN, Name: 'batch/b', VersionId: b.VersionId, SecretString: 'beta', VersionStages: ['AWSCURRENT'] },
        { ARN: c.ARN, Name: 'batch/c', VersionId: c.VersionId, SecretString: 'gamma', VersionStages: ['AWSCURRENT'] },
      ]);
      for (const value of values) expect(value.CreatedDate).toBeInstanceOf(Date);
    });

    it('gives each entry the members GetSecretValue has, timestamps as epoch seconds and no nulls', async () => {
      await create('wire/string', 'text');
      await client().send(new CreateSecretCommand({ Name: 'wire/binary', SecretBinary: Buffer.from('footest') }));
      const response = await batch({ SecretIdList: ['wire/string', 'wire/binary'] });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1');
      expect(response.text).not.toContain('null');
      expect(response.json).not.toHaveProperty('NextToken');
      const values = [...(response.json.SecretValues as Record<string, unknown>[])].sort((x, y) => byName(x as { Name: string }, y as { Name: string }));
      expect(Object.keys(values[0]).sort()).toEqual(BINARY_VALUE_KEYS);
      expect(values[0].SecretBinary).toBe('Zm9vdGVzdA==');
      expect(Object.keys(values[1]).sort()).toEqual(STRING_VALUE_KEYS);
      expect(values[1].SecretString).toBe('text');
      for (const value of values) expect(typeof value.CreatedDate).toBe('number');
    });

    it('returns binary values as bytes through the SDK', async () => {
      const bytes = new Uint8Array([0, 1, 2, 0xff]);
      await client().send(new CreateSecretCommand({ Name: 'bytes', SecretBinary: bytes }));
      const response = await client().send(new BatchGetSecretValueCommand({ SecretIdList: ['bytes'] }));
      expect(Buffer.from(response.SecretValues![0].SecretBinary!)).toEqual(Buffer.from(bytes));
      expect(response.SecretValues![0].SecretString).toBeUndefined();
    });

    it('returns the AWSCURRENT version, with all its labels', async () => {
      await create('rolled', 'one');
      const put = await client().send(new PutSecretValueCommand({ SecretId: 'rolled', SecretString: 'two', VersionStages: ['AWSCURRENT', 'BLUE'] }));
      await client().send(new PutSecretValueCommand({ SecretId: 'rolled', SecretString: 'pending', VersionStages: ['AWSPENDING'] }));
      const response = await client().send(new BatchGetSecretValueCommand({ SecretIdList: ['rolled'] }));
      expect(response.SecretValues).toHaveLength(1);
      expect(response.SecretValues![0].VersionId).toBe(put.VersionId);
      expect(response.SecretValues![0].SecretString).toBe('two');
      expect([...response.SecretValues![0].VersionStages!].sort()).toEqual(['AWSCURRENT', 'BLUE']);
    });

    it('reports missing, deleted and empty secrets in Errors without failing the call', async () => {
      await create('present', 'here');
      await create('scheduled', 'x');
      await client().send(new DeleteSecretCommand({ SecretId: 'scheduled' }));
      await create('valueless');
      const response = await batch({ SecretIdList: ['present', 'absent', 'scheduled', 'valueless'] });
      expect(response.status).toBe(200);
      expect((response.json.SecretValues as { Name: string }[]).map((v) => v.Name)).toEqual(['present']);
      const errors = [...(response.json.Errors as { SecretId: string }[])].sort((x, y) => (x.SecretId < y.SecretId ? -1 : 1));
      expect(errors).toEqual([
        { SecretId: 'absent', ErrorCode: 'ResourceNotFoundException', Message: MESSAGES.secretNotFound },
        { SecretId: 'scheduled', ErrorCode: 'InvalidRequestException', Message: MESSAGES.markedForDeletion },
        { SecretId: 'valueless', ErrorCode: 'ResourceNotFoundException', Message: MESSAGES.labelNotFound('AWSCURRENT') },
      ]);
    });

    it('lists a secret pending deletion in Errors as InvalidRequestException with AWS\'s marked-for-deletion text, however named (raw and SDK)', async () => {
      const live = await create('live', 'here');
      const { ARN } = await create('pending', 'x');
      await client().send(new DeleteSecretCommand({ SecretId: 'pending', RecoveryWindowInDays: 7 }));
      const ids = ['pending', ARN, ARN.slice(0, -7)];
      const text = "You can't perform this operation on the secret because it was marked for deletion.";
      const response = await batch({ SecretIdList: ['live', ...ids] });
      expect(response.status).toBe(200);
      expect(response.json.SecretValues.map((v: { ARN: string }) => v.ARN)).toEqual([live.ARN]);
      expect(response.json.Errors).toEqual(ids.map((SecretId) => ({ SecretId, ErrorCode: 'InvalidRequestException', Message: text })));
      const sdk = await client().send(new BatchGetSecretValueCommand({ SecretIdList: ids }));
      expect(sdk.SecretValues ?? []).toEqual([]);
      expect(sdk.Errors).toEqual(ids.map((SecretId) => ({ SecretId, ErrorCode: 'InvalidRequestException', Message: text })));
    });

    it('echoes the SecretId as given in an error entry', async () => {
      const { ARN } = await create('force-gone', 'x');
      await client().send(new DeleteSecretCommand({ SecretId: ARN, ForceDeleteWithoutRecovery: true }));
      const response = await client().send(new BatchGetSecretValueCommand({ SecretIdList: [ARN] }));
      expect(response.SecretValues ?? []).toEqual([]);
      expect(response.Errors).toEqual([{ SecretId: ARN, ErrorCode: 'ResourceNotFoundException', Message: MESSAGES.secretNotFound }]);
    });

    it('counts each value returned as an access (LastAccessedDate, to the day)', async () => {
      await create('accessed', 'x');
      const before = await rawAws(server().url, 'DescribeSecret', { SecretId: 'accessed' });
      expect(before.json).not.toHaveProperty('LastAccessedDate');
      await client().send(new BatchGetSecretValueCommand({ SecretIdList: ['accessed'] }));
      const after = await client().send(new DescribeSecretCommand({ SecretId: 'accessed' }));
      const seconds = after.LastAccessedDate!.getTime() / 1000;
      expect(Number.isInteger(seconds / DAY_SECONDS)).toBe(true);
      expect(seconds).toBeLessThanOrEqual(Date.now() / 1000);
    });
  });

  describe('by Filters', () => {
    async function seed(): Promise<void> {
      await create('app/one', '1', { Tags: [{ Key: 'team', Value: 'core' }] });
      await create('app/two', '2', { Tags: [{ Key: 'team', Value: 'edge' }] });
      await create('app/three', '3', { Tags: [{ Key: 'team', Value: 'core' }] });
      await create('other/four', '4', { Tags: [{ Key: 'team', Value: 'core' }] });
    }

    it('returns the current values of the secrets the filters match', async () => {
      await seed();
      const byPrefix = await client().send(new BatchGetSecretValueCommand({ Filters: [{ Key: 'name', Values: ['app/'] }] }));
      expect(byPrefix.SecretValues?.map((v) => [v.Name, v.SecretString]).sort()).toEqual([
        ['app/one', '1'],
        ['app/three', '3'],
        ['app/two', '2'],
      ]);
      expect(byPrefix.NextToken).toBeUndefined();

      // Different filters AND together.
      const combined = await client().send(
        new BatchGetSecretValueCommand({
          Filters: [
            { Key: 'name', Values: ['app/'] },
            { Key: 'tag-value', Values: ['core'] },
          ],
        }),
      );
      expect(combined.SecretValues?.map((v) => v.Name).sort()).toEqual(['app/one', 'app/three']);
    });

    it('skips secrets scheduled for deletion, as ListSecrets does, rather than listing them in Errors', async () => {
      await seed();
      await client().send(new DeleteSecretCommand({ SecretId: 'app/two', RecoveryWindowInDays: 7 }));
      const response = await client().send(new BatchGetSecretValueCommand({ Filters: [{ Key: 'name', Values: ['app/'] }] }));
      expect(response.SecretValues?.map((v) => v.Name).sort()).toEqual(['app/one', 'app/three']);
      expect(response.Errors ?? []).toEqual([]);
      // Even when a filter names it exactly, and even on a page of its own.
      const named = await batch({ Filters: [{ Key: 'name', Values: ['app/two'] }], MaxResults: 1 });
      expect(named.json).toEqual({ SecretValues: [], Errors: [] });
    });

    it('pages with MaxResults and an opaque NextToken, omitted on the last page', async () => {
      await seed();
      const filters = [{ Key: 'tag-value' as const, Values: ['core'] }];
      const first = await batch({ Filters: filters, MaxResults: 2 });
      expect(first.status).toBe(200);
      expect(first.json.SecretValues).toHaveLength(2);
      expect(typeof first.json.NextToken).toBe('string');

      const second = await batch({ Filters: filters, MaxResults: 2, NextToken: first.json.NextToken });
      expect(second.json.SecretValues).toHaveLength(1);
      expect(second.json).not.toHaveProperty('NextToken');

      const names = [...first.json.SecretValues, ...second.json.SecretValues].map((v: { Name: string }) => v.Name).sort();
      expect(names).toEqual(['app/one', 'app/three', 'other/four']);
    });

    it('pages through the SDK too', async () => {
      await seed();
      const names: string[] = [];
      let nextToken: string | undefined;
      let pages = 0;
      do {
        const page = await client().send(
          new BatchGetSecretValueCommand({ Filters: [{ Key: 'name', Values: ['app/', 'other/'] }], MaxResults: 1, NextToken: nextToken }),
        );
        names.push(...page.SecretValues!.map((v) => v.Name!));
        nextToken = page.NextToken;
        pages += 1;
      } while (nextToken && pages < 10);
      expect(pages).toBe(4);
      expect(names.sort()).toEqual(['app/one', 'app/three', 'app/two', 'other/four']);
    });

    it('returns nothing when no secret matches', async () => {
      await seed();
      const response = await batch({ Filters: [{ Key: 'name', Values: ['nothing'] }] });
      expect(response.status).toBe(200);
      expect(response.json.SecretValues).toEqual([]);
      expect(response.json).not.toHaveProperty('NextToken');
    });

    it('refuses a NextToken it did not issue (InvalidNextTokenException)', async () => {
      await seed();
      await expectRawError({ Filters: [{ Key: 'name', Values: ['app/'] }], NextToken: 'not-a-token' }, 'InvalidNextTokenException', MESSAGES.invalidNextToken);
    });
  });

  describe('parameter errors', () => {
    it('refuses SecretIdList together with Filters (InvalidParameterException)', async () => {
      await create('x', 'x');
      const error = await sdkError(client().send(new BatchGetSecretValueCommand({ SecretIdList: ['x'], Filters: [{ Key: 'name', Values: ['x'] }] })));
      expect(error.name).toBe('InvalidParameterException');
      expect(error.message).toBe(MESSAGES.batchListOrFilters);
      expect(error.$metadata.httpStatusCode).toBe(400);
    });

    it('refuses a call with neither SecretIdList nor Filters (InvalidParameterException)', async () => {
      await expectRawError({}, 'InvalidParameterException', MESSAGES.batchListOrFilters);
    });

    it('refuses MaxResults without Filters (InvalidParameterException)', async () => {
      await create('x', 'x');
      await expectRawError({ SecretIdList: ['x'], MaxResults: 5 }, 'InvalidParameterException', MESSAGES.batchMaxResultsNeedsFilters);
    });

    it('refuses an empty SecretIdList and one of more than 20 ids (ValidationException)', async () => {
      await expectRawError(
        { SecretIdList: [] },
        'ValidationException',
        "1 validation error detected: Value '[]' at 'secretIdList' failed to satisfy constraint: Member must have length greater than or equal to 1",
      );
      const ids = Array.from({ length: 21 }, (_, i) => `s${i}`);
      await expectRawError(
        { SecretIdList: ids },
        'ValidationException',
        `1 validation error detected: Value '[${ids.join(', ')}]' at 'secretIdList' failed to satisfy constraint: Member must have length less than or equal to 20`,
      );
    });

    it('refuses MaxResults outside 1-20 (ValidationException)', async () => {
      const filters = [{ Key: 'name', Values: ['a'] }];
      await expectRawError(
        { Filters: filters, MaxResults: 21 },
        'ValidationException',
        "1 validation error detected: Value '21' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 20",
      );
      await expectRawError(
        { Filters: filters, MaxResults: 0 },
        'ValidationException',
        "1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1",
      );
    });

    it('refuses an unknown filter key (ValidationException listing the keys)', async () => {
      await expectRawError(
        { Filters: [{ Key: 'invalid', Values: ['a'] }] },
        'ValidationException',
        "1 validation error detected: Value 'invalid' at 'filters.1.member.key' failed to satisfy constraint: Member must satisfy enum value set: [description, name, tag-key, tag-value, primary-region, owning-service, all]",
      );
    });

    it('refuses a filter with a Key and no Values with InvalidParameterException naming the key (raw and SDK)', async () => {
      await create('app/one', '1');
      await expectRawError({ Filters: [{ Key: 'name', Values: ['app/'] }, { Key: 'tag-value' }] }, 'InvalidParameterException', 'Invalid filter values for key: tag-value');
      const error = await sdkError(client().send(new BatchGetSecretValueCommand({ Filters: [{ Key: 'name' }] })));
      expect(error.name).toBe('InvalidParameterException');
      expect(error.message).toBe('Invalid filter values for key: name');
      expect(error.$metadata.httpStatusCode).toBe(400);
    });

    it('refuses a filter with Values and no Key with InvalidParameterException', async () => {
      await expectRawError({ Filters: [{ Values: ['app/'] }] }, 'InvalidParameterException', 'Invalid filter key');
    });

    it('refuses an empty Values list as the model does (ValidationException)', async () => {
      const message =
        "1 validation error detected: Value '[]' at 'filters.1.member.values' failed to satisfy constraint: Member must have length greater than or equal to 1";
      await expectRawError({ Filters: [{ Key: 'name', Values: [] }] }, 'ValidationException', message);
      const error = await sdkError(client().send(new BatchGetSecretValueCommand({ Filters: [{ Key: 'name', Values: [] }] })));
      expect(error.name).toBe('ValidationException');
      expect(error.message).toBe(message);
    });

    it('checks SecretIdList against Filters before the filters themselves', async () => {
      await expectRawError({ SecretIdList: ['x'], Filters: [{ Key: 'name' }] }, 'InvalidParameterException', MESSAGES.batchListOrFilters);
    });

    it('refuses a filter value with characters outside the allowed set (ValidationException)', async () => {
      const response = await batch({ Filters: [{ Key: 'name', Values: ['a*b'] }] });
      expect(response.status).toBe(400);
      expect(response.json.__type).toBe('ValidationException');
      expect(response.json.Message).toMatch(
        /^1 validation error detected: Value 'a\*b' at 'filters\.1\.member\.values\.1\.member' failed to satisfy constraint: Member must satisfy regular expression pattern: /,
      );
    });
  });
});
