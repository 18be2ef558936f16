import {
  CreateSecretCommand,
  DeleteSecretCommand,
  GetSecretValueCommand,
  ListSecretsCommand,
  paginateListSecrets,
  ReplicateSecretToRegionsCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateSecretCommand,
  type Filter,
  type SecretsManagerClient,
  type Tag,
} from '@aws-sdk/client-secrets-manager';
import { ManualClock } from '../../../../src/core/runtime.js';
import { awsClient, rawAws, regionHeaders, sdkError, STORES, useServer } from '../../../helpers/server.js';
import { recorded } from '../../../helpers/awsRecordings.js';

// Recorded real-AWS responses, used only to compare shapes (which members are present).
type Json = Record<string, any>;

const keysOf = (value: object) => Object.keys(value).sort();
const DAY_MS = 86_400_000;
const START = Date.UTC(2024, 2, 15, 9, 30, 0, 0);
const seconds = (ms: number) => ms / 1000;
const FILTER_KEYS = '[description, name, tag-key, tag-value, primary-region, owning-service, all]';

describe.each(STORES)('ListSecrets (%s store)', (kind) => {
  const clock = new ManualClock(START);
  const server = useServer(kind, { clock });
  const client = (options?: { region?: string; accessKeyId?: string }) => awsClient(server().url, options);
  const listRaw = (input: object = {}) => rawAws(server().url, 'ListSecrets', input);

  /** Creates secrets one second apart, so creation order is unambiguous. */
  async function create(
    names: string[],
    extra: { Description?: string; Tags?: Tag[]; SecretString?: string } = { SecretString: 'v' },
    on: SecretsManagerClient = client(),
  ) {
    const arns: string[] = [];
    for (const name of names) {
      clock.advance(1_000);
      arns.push((await on.send(new CreateSecretCommand({ Name: name, ...extra }))).ARN!);
    }
    return arns;
  }

  async function names(input: { Filters?: Filter[]; IncludePlannedDeletion?: boolean; SortBy?: string; SortOrder?: string } = {}, on = client()) {
    const { SecretList } = await on.send(new ListSecretsCommand(input as never));
    return SecretList!.map((entry) => entry.Name);
  }

  describe('listing', () => {
    it('answers an empty account with an empty SecretList and no NextToken', async () => {
      const response = await listRaw();
      expect(response.status).toBe(200);
      expect(response.json).toEqual({ SecretList: [] });
    });

    it('lists each secret with the DescribeSecret members, SecretVersionsToStages instead of VersionIdsToStages', async () => {
      const token = 'EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE';
      clock.advance(1_000);
      const { ARN } = await client().send(
        new CreateSecretCommand({ Name: 'first', SecretString: 'v', Description: 'Testing secrets creation.', ClientRequestToken: token }),
      );
      const response = await listRaw();
      expect(response.json).toEqual({
        SecretList: [
          {
            ARN,
            Name: 'first',
            Description: 'Testing secrets creation.',
            CreatedDate: seconds(clock.now()),
            LastChangedDate: seconds(clock.now()),
            SecretVersionsToStages: { [token]: ['AWSCURRENT'] },
          },
        ],
      });
      const recordedList = recorded('test_create_multi_secrets', 'list_secrets_res');
      expect(keysOf(response.json)).toEqual(keysOf(recordedList));
      expect(keysOf(response.json.SecretList[0])).toEqual(keysOf(recordedList.SecretList[0]));
    });

    it('lists several secrets oldest first, each shaped like the recording', async () => {
      const arns = await create(['zeta', 'alpha', 'mid'], { SecretString: 'v', Description: 'Testing secrets creation.' });
      const { json } = await listRaw();
      expect(json.SecretList.map((entry: Json) => entry.ARN)).toEqual(arns);
      expect(json.SecretList.map((entry: Json) => entry.Name)).toEqual(['zeta', 'alpha', 'mid']);
      const recordedEntries = recorded('test_create_multi_secrets', 'list_secrets_res').SecretList as Json[];
      expect(json.SecretList.map(keysOf)).toEqual(recordedEntries.map(keysOf));
    });

    it('gives the same answer when called repeatedly', async () => {
      await create(['repeat'], { SecretString: 'v', Description: 'testing creation of secrets' });
      const answers = [await listRaw(), await listRaw(), await listRaw()].map((response) => response.json);
      expect(answers[1]).toEqual(answers[0]);
      expect(answers[2]).toEqual(answers[0]);
      expect(keysOf(answers[0].SecretList[0])).toEqual(
        keysOf(recorded('test_call_lists_secrets_multiple_times', 'list_secrets_res_0').SecretList[0]),
      );
    });

    it('shows secrets without a value without SecretVersionsToStages, and tags once set', async () => {
      await create(['bare'], {});
      await create(['tagged'], { Tags: [{ Key: 'k', Value: 'v' }] });
      const { json } = await listRaw();
      expect(keysOf(json.SecretList[0])).toEqual(['ARN', 'CreatedDate', 'LastChangedDate', 'Name']);
      expect(json.SecretList[1].Tags).toEqual([{ Key: 'k', Value: 'v' }]);
      expect(json.SecretList[1]).not.toHaveProperty('SecretVersionsToStages');
    });

    it('shows LastAccessedDate truncated to the access day', async () => {
      await create(['read']);
      clock.advance(3 * 3_600_000);
      await client().send(new GetSecretValueCommand({ SecretId: 'read' }));
      const { json } = await listRaw();
      expect(json.SecretList[0].LastAccessedDate).toBe(seconds(Math.floor(clock.now() / DAY_MS) * DAY_MS));
    });
  });

  describe('account and region scoping', () => {
    it('lists only the caller\'s account and region', async () => {
      const theirs = client({ accessKeyId: '111111111111' });
      const west = client({ region: 'eu-west-1' });
      const [mine] = await create(['mine']);
      const [theirArn] = await create(['theirs'], { SecretString: 'v' }, theirs);
      const [westArn] = await create(['west'], { SecretString: 'v' }, west);

      expect(mine).toMatch(/^arn:aws:secretsmanager:us-east-1:000000000000:secret:mine-[A-Za-z0-9]{6}$/);
      expect(theirArn).toMatch(/^arn:aws:secretsmanager:us-east-1:111111111111:secret:theirs-[A-Za-z0-9]{6}$/);
      expect(westArn).toMatch(/^arn:aws:secretsmanager:eu-west-1:000000000000:secret:west-[A-Za-z0-9]{6}$/);

      expect(await names()).toEqual(['mine']);
      expect(await names({}, theirs)).toEqual(['theirs']);
      expect(await names({}, west)).toEqual(['west']);
      expect(await names({}, client({ accessKeyId: '111111111111', region: 'eu-west-1' }))).toEqual([]);
    });

    it('lets two accounts use the same name independently', async () => {
      const theirs = client({ accessKeyId: '111111111111' });
      await create(['shared'], { SecretString: 'mine' });
      await create(['shared'], { SecretString: 'theirs', Description: 'other account' }, theirs);
      const { SecretList: mine } = await client().send(new ListSecretsCommand({}));
      const { SecretList: other } = await theirs.send(new ListSecretsCommand({}));
      expect(mine!.map((s) => [s.Name, s.Description])).toEqual([['shared', undefined]]);
      expect(other!.map((s) => [s.Name, s.Description])).toEqual([['shared', 'other account']]);
    });
  });

  describe('IncludePlannedDeletion', () => {
    it('hides secrets scheduled for deletion unless asked, and then shows their DeletedDate', async () => {
      await create(['alive', 'scheduled', 'forced']);
      clock.advance(1_000);
      const deletedAt = clock.now();
      await client().send(new DeleteSecretCommand({ SecretId: 'scheduled', RecoveryWindowInDays: 7 }));
      await client().send(new DeleteSecretCommand({ SecretId: 'forced', ForceDeleteWithoutRecovery: true }));

      expect(await names()).toEqual(['alive']);
      expect(await names({ IncludePlannedDeletion: false })).toEqual(['alive']);
      const { json } = await listRaw({ IncludePlannedDeletion: true });
      expect(json.SecretList.map((entry: Json) => entry.Name)).toEqual(['alive', 'scheduled']);
      expect(json.SecretList[0]).not.toHaveProperty('DeletedDate');
      expect(json.SecretList[1].DeletedDate).toBe(seconds(deletedAt));
    });

    it('combines with filters', async () => {
      await create(['app/one', 'app/two', 'other']);
      await client().send(new DeleteSecretCommand({ SecretId: 'app/two' }));
      expect(await names({ Filters: [{ Key: 'name', Values: ['app/'] }] })).toEqual(['app/one']);
      expect(await names({ Filters: [{ Key: 'name', Values: ['app/'] }], IncludePlannedDeletion: true })).toEqual(['app/one', 'app/two']);
    });
  });

  describe('filters', () => {
    beforeEach(async () => {
      await create(['prod/db'], {
        SecretString: 'v',
        Description: 'Production database password',
        Tags: [{ Key: 'env', Value: 'prod' }, { Key: 'team', Value: 'core' }],
      });
      await create(['prod/api'], { SecretString: 'v', Description: 'API key', Tags: [{ Key: 'env', Value: 'prod' }] });
      await create(['dev/db'], {
        SecretString: 'v',
        Description: 'a development database',
        Tags: [{ Key: 'env', Value: 'dev' }, { Key: 'Owner', Value: 'alice' }],
      });
      await create(['/root/one']);
    });

    const ALL = ['prod/db', 'prod/api', 'dev/db', '/root/one'];
    const f = (Key: string, ...Values: string[]) => ({ Key, Values }) as Filter;

    it.each([
      ['name', ['prod'], ['prod/db', 'prod/api']],
      ['name', ['Prod'], []],
      ['name', ['db'], []],
      ['name', ['/'], ['/root/one']],
      ['name', ['!prod'], ['dev/db', '/root/one']],
      ['name', ['prod/a', 'dev'], ['prod/api', 'dev/db']],
      ['description', ['database'], ['prod/db', 'dev/db']],
      ['description', ['DATA'], ['prod/db', 'dev/db']],
      ['description', ['a development'], ['dev/db']],
      ['description', ['!database'], ['prod/api', '/root/one']],
      ['tag-key', ['env'], ['prod/db', 'prod/api', 'dev/db']],
      ['tag-key', ['Own'], ['dev/db']],
      ['tag-key', ['own'], []],
      ['tag-key', ['!env'], ['/root/one']],
      ['tag-value', ['prod'], ['prod/db', 'prod/api']],
      ['tag-value', ['al', 'co'], ['prod/db', 'dev/db']],
      ['tag-value', ['!prod'], ['dev/db', '/root/one']],
      ['all', ['database'], ['prod/db', 'dev/db']],
      ['all', ['PROD'], ['prod/db', 'prod/api']],
      ['all', ['alice'], ['dev/db']],
      ['all', ['root'], ['/root/one']],
      ['all', ['!prod'], ['dev/db', '/root/one']],
      ['all', ['/'], []],
      ['owning-service', ['rds'], []],
      ['owning-service', ['!rds'], ALL],
      ['primary-region', ['us-east-1'], []],
      ['primary-region', ['!us-east-1'], ALL],
    ])('%s %j lists %j', async (key, values, expected) => {
      expect(await names({ Filters: [f(key, ...values)] })).toEqual(expected);
    });

    it('ANDs several filters, even with the same key', async () => {
      expect(await names({ Filters: [f('name', 'prod'), f('tag-key', 'team')] })).toEqual(['prod/db']);
      expect(await names({ Filters: [f('description', 'database'), f('description', 'password')] })).toEqual(['prod/db']);
      expect(await names({ Filters: [f('tag-value', 'prod'), f('name', '!prod/db')] })).toEqual(['prod/api']);
    });

    it('matches primary-region for replicated secrets, on the primary and on its replica', async () => {
      await create(['replicated'], { SecretString: 'v' });
      await client().send(
        new ReplicateSecretToRegionsCommand({
          SecretId: 'replicated',
          AddReplicaRegions: [{ Region: 'eu-west-1' }],
        }),
      );
      expect(await names({ Filters: [f('primary-region', 'us-east-1')] })).toEqual(['replicated']);
      expect(await names({ Filters: [f('primary-region', 'eu')] })).toEqual([]);
      expect(await names({ Filters: [f('primary-region', 'us-east-1')] }, client({ region: 'eu-west-1' }))).toEqual(['replicated']);
    });

    it('refuses an unknown filter key with ValidationException', async () => {
      const response = await listRaw({ Filters: [{ Key: 'invalid', Values: ['foo'] }] });
      expect(response.status).toBe(400);
      expect(response.headers.get('x-amzn-errortype')).toBe('ValidationException');
      expect(response.json).toEqual({
        __type: 'ValidationException',
        Message: `1 validation error detected: Value 'invalid' at 'filters.1.member.key' failed to satisfy constraint: Member must satisfy enum value set: ${FILTER_KEYS}`,
      });
    });

    it('names the position of a bad key among several filters', async () => {
      const response = await listRaw({ Filters: [{ Key: 'name', Values: ['a'] }, { Key: 'nope', Values: ['b'] }] });
      expect(response.json.Message).toBe(
        `1 validation error detected: Value 'nope' at 'filters.2.member.key' failed to satisfy constraint: Member must satisfy enum value set: ${FILTER_KEYS}`,
      );
    });

    it('refuses a filter with a Key and no Values with InvalidParameterException naming the key (raw and SDK)', async () => {
      for (const [filters, key] of [
        [[{ Key: 'description' }], 'description'],
        [[{ Key: 'name', Values: ['prod'] }, { Key: 'tag-key' }], 'tag-key'],
        [[{ Key: 'all' }, { Key: 'name' }], 'all'],
      ] as const) {
        const response = await listRaw({ Filters: filters });
        expect(response.status).toBe(400);
        expect(response.headers.get('x-amzn-errortype')).toBe('InvalidParameterException');
        expect(response.json).toEqual({ __type: 'InvalidParameterException', Message: `Invalid filter values for key: ${key}` });
        const error = await sdkError(client().send(new ListSecretsCommand({ Filters: filters as unknown as Filter[] })));
        expect(error.name).toBe('InvalidParameterException');
        expect(error.message).toBe(`Invalid filter values for key: ${key}`);
        expect(error.$metadata.httpStatusCode).toBe(400);
      }
    });

    it('refuses a filter with Values and no Key with InvalidParameterException', async () => {
      const response = await listRaw({ Filters: [{ Values: ['prod'] }] });
      expect(response.status).toBe(400);
      expect(response.json).toEqual({ __type: 'InvalidParameterException', Message: 'Invalid filter key' });
      const error = await sdkError(client().send(new ListSecretsCommand({ Filters: [{ Values: ['prod'] }] })));
      expect(error.name).toBe('InvalidParameterException');
      expect(error.message).toBe('Invalid filter key');
    });

    it('refuses an empty Values list as the model does, before looking at the filters (ValidationException)', async () => {
      const message =
        "1 validation error detected: Value '[]' at 'filters.2.member.values' failed to satisfy constraint: Member must have length greater than or equal to 1";
      const filters = [{ Key: 'name', Values: ['prod'] }, { Key: 'tag-key', Values: [] }, { Key: 'description' }];
      const response = await listRaw({ Filters: filters });
      expect(response.status).toBe(400);
      expect(response.json).toEqual({ __type: 'ValidationException', Message: message });
      // The SDK sends the empty list as it is.
      const error = await sdkError(client().send(new ListSecretsCommand({ Filters: filters as Filter[] })));
      expect(error.name).toBe('ValidationException');
      expect(error.message).toBe(message);
    });

    it('refuses filter values outside the allowed characters', async () => {
      const response = await listRaw({ Filters: [{ Key: 'name', Values: ['a*'] }] });
      expect(response.status).toBe(400);
      expect(response.json.__type).toBe('ValidationException');
      expect(response.json.Message).toMatch(
        /^1 validation error detected: Value 'a\*' at 'filters\.1\.member\.values\.1\.member' failed to satisfy constraint: Member must satisfy regular expression pattern: /,
      );
      // The pattern is printed as AWS's model spells it, not as rewritten for JavaScript.
      expect(response.json.Message.endsWith('pattern: ^\\!?[a-zA-Z0-9 :_@\\/\\+\\=\\.\\-\\!]*$')).toBe(true);
    });

    it('refuses more than 10 filters and more than 10 values', async () => {
      const tooManyFilters = await listRaw({ Filters: Array.from({ length: 11 }, () => ({ Key: 'name', Values: ['a'] })) });
      expect(tooManyFilters.json.__type).toBe('ValidationException');
      expect(tooManyFilters.json.Message).toContain("at 'filters' failed to satisfy constraint: Member must have length less than or equal to 10");
      const tooManyValues = await listRaw({ Filters: [{ Key: 'name', Values: Array.from({ length: 11 }, (_, i) => `v${i}`) }] });
      expect(tooManyValues.json.__type).toBe('ValidationException');
      expect(tooManyValues.json.Message).toContain(
        "at 'filters.1.member.values' failed to satisfy constraint: Member must have length less than or equal to 10",
      );
    });
  });

  describe("in a replica's region", () => {
    const west = () => client({ region: 'eu-west-1' });
    const f = (Key: string, ...Values: string[]) => ({ Key, Values }) as Filter;

    /** A primary in us-east-1 replicated to eu-west-1, an unreplicated neighbour, and a secret of eu-west-1's own. */
    async function replicated(): Promise<string> {
      const [primaryArn] = await create(['prod/db'], {
        SecretString: 'v',
        Description: 'Production database password',
        Tags: [{ Key: 'env', Value: 'prod' }, { Key: 'team', Value: 'core' }],
      });
      await create(['prod/api'], { SecretString: 'v', Description: 'API key', Tags: [{ Key: 'env', Value: 'prod' }] });
      await create(['west/local'], { SecretString: 'v', Description: 'a local secret', Tags: [{ Key: 'scope', Value: 'regional' }] }, west());
      clock.advance(1_000);
      await client().send(new ReplicateSecretToRegionsCommand({ SecretId: 'prod/db', AddReplicaRegions: [{ Region: 'eu-west-1' }] }));
      return primaryArn;
    }

    it('lists the replica under its own ARN, with the primary\'s description and tags', async () => {
      const primaryArn = await replicated();
      const { json } = await rawAws(server().url, 'ListSecrets', {}, regionHeaders('eu-west-1'));
      expect(json.SecretList.map((entry: Json) => entry.Name)).toEqual(['west/local', 'prod/db']);
      const replica = json.SecretList[1];
      expect(replica.ARN).toBe(primaryArn.replace(':us-east-1:', ':eu-west-1:'));
      expect(replica.Description).toBe('Production database password');
      expect(replica.Tags).toEqual([{ Key: 'env', Value: 'prod' }, { Key: 'team', Value: 'core' }]);
      expect(replica.PrimaryRegion).toBe('us-east-1');
      expect(Object.values(replica.SecretVersionsToStages)).toEqual([['AWSCURRENT']]);
    });

    it.each([
      ['tag-key', ['team'], ['prod/db']],
      ['tag-key', ['env'], ['prod/db']],
      ['tag-key', ['!env'], ['west/local']],
      ['tag-value', ['core'], ['prod/db']],
      ['tag-value', ['prod', 'regional'], ['west/local', 'prod/db']],
      ['description', ['database'], ['prod/db']],
      ['description', ['!database'], ['west/local']],
      ['all', ['production'], ['prod/db']],
      ['all', ['core'], ['prod/db']],
      ['all', ['local'], ['west/local']],
      ['name', ['prod'], ['prod/db']],
      ['primary-region', ['us-east-1'], ['prod/db']],
      ['owning-service', ['!rds'], ['west/local', 'prod/db']],
    ])('applies %s %j to the replica: %j', async (key, values, expected) => {
      await replicated();
      expect(await names({ Filters: [f(key, ...values)] }, west())).toEqual(expected);
    });

    it('follows later changes to the primary\'s description and tags', async () => {
      await replicated();
      await client().send(new UpdateSecretCommand({ SecretId: 'prod/db', Description: 'Renamed replica source' }));
      await client().send(new TagResourceCommand({ SecretId: 'prod/db', Tags: [{ Key: 'tier', Value: 'gold' }] }));
      await client().send(new UntagResourceCommand({ SecretId: 'prod/db', TagKeys: ['team'] }));
      expect(await names({ Filters: [f('description', 'renamed')] }, west())).toEqual(['prod/db']);
      expect(await names({ Filters: [f('description', 'database')] }, west())).toEqual([]);
      expect(await names({ Filters: [f('tag-value', 'gold')] }, west())).toEqual(['prod/db']);
      expect(await names({ Filters: [f('tag-key', 'team')] }, west())).toEqual([]);
    });

    it('applies owning-service to the replica of a secret a service manages', async () => {
      const ns = { cloud: 'aws' as const, account: '000000000000', region: 'us-east-1' };
      await server().polysecret.engine.create(ns, {
        name: 'rds/db-master',
        aws: { owningService: 'rds' },
        firstVersion: { id: 'EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE', value: { type: 'string', data: 'v' } },
      });
      await create(['plain'], { SecretString: 'v' }, west());
      await client().send(new ReplicateSecretToRegionsCommand({ SecretId: 'rds/db-master', AddReplicaRegions: [{ Region: 'eu-west-1' }] }));
      expect(await names({ Filters: [f('owning-service', 'rds')] }, west())).toEqual(['rds/db-master']);
      expect(await names({ Filters: [f('owning-service', '!rds')] }, west())).toEqual(['plain']);
      const { SecretList } = await west().send(new ListSecretsCommand({ Filters: [f('owning-service', 'rds')] }));
      expect(SecretList![0].OwningService).toBe('rds');
    });
  });

  describe('paging', () => {
    it('pages with MaxResults and NextToken, omitting NextToken on the last page', async () => {
      await create(['s1', 's2', 's3', 's4', 's5']);
      const first = await listRaw({ MaxResults: 2 });
      expect(first.json.SecretList.map((e: Json) => e.Name)).toEqual(['s1', 's2']);
      expect(typeof first.json.NextToken).toBe('string');
      const second = await listRaw({ MaxResults: 2, NextToken: first.json.NextToken });
      expect(second.json.SecretList.map((e: Json) => e.Name)).toEqual(['s3', 's4']);
      const last = await listRaw({ MaxResults: 2, NextToken: second.json.NextToken });
      expect(last.json.SecretList.map((e: Json) => e.Name)).toEqual(['s5']);
      expect(keysOf(last.json)).toEqual(['SecretList']);
    });

    it('omits NextToken when the page holds exactly the rest', async () => {
      await create(['s1', 's2']);
      const { json } = await listRaw({ MaxResults: 2 });
      expect(json.SecretList).toHaveLength(2);
      expect(json).not.toHaveProperty('NextToken');
    });

    it('works with the SDK paginator, and pages filtered results', async () => {
      await create(['keep/1', 'drop/1', 'keep/2', 'keep/3', 'drop/2', 'keep/4']);
      const pages: string[][] = [];
      for await (const page of paginateListSecrets({ client: client(), pageSize: 3 }, { Filters: [{ Key: 'name', Values: ['keep/'] }] })) {
        pages.push(page.SecretList!.map((entry) => entry.Name!));
      }
      expect(pages).toEqual([['keep/1', 'keep/2', 'keep/3'], ['keep/4']]);
    });

    it('refuses a NextToken it did not issue with InvalidNextTokenException', async () => {
      await create(['s1']);
      const response = await listRaw({ NextToken: 'not-a-token' });
      expect(response.status).toBe(400);
      expect(response.headers.get('x-amzn-errortype')).toBe('InvalidNextTokenException');
      expect(response.json).toEqual({ __type: 'InvalidNextTokenException', Message: 'The NextToken value is not valid.' });
      const error = await sdkError(client().send(new ListSecretsCommand({ NextToken: 'bm9wZQ' })));
      expect(error.name).toBe('InvalidNextTokenException');
    });

    it.each([
      [0, 'greater than or equal to 1'],
      [101, 'less than or equal to 100'],
    ])('refuses MaxResults %d', async (maxResults, constraint) => {
      const response = await listRaw({ MaxResults: maxResults });
      expect(response.status).toBe(400);
      expect(response.json).toEqual({
        __type: 'ValidationException',
        Message: `1 validation error detected: Value '${maxResults}' at 'maxResults' failed to satisfy constraint: Member must have value ${constraint}`,
      });
    });
  });

  describe('sorting', () => {
    beforeEach(async () => {
      await create(['b', 'c', 'a']);
    });

    it('lists oldest first by default', async () => {
      expect(await names()).toEqual(['b', 'c', 'a']);
      expect(await names({ SortOrder: 'asc' })).toEqual(['b', 'c', 'a']);
      expect(await names({ SortBy: 'created-date' })).toEqual(['b', 'c', 'a']);
    });

    it('reverses with SortOrder desc', async () => {
      expect(await names({ SortOrder: 'desc' })).toEqual(['a', 'c', 'b']);
    });

    it('sorts by name', async () => {
      expect(await names({ SortBy: 'name' })).toEqual(['a', 'b', 'c']);
      expect(await names({ SortBy: 'name', SortOrder: 'desc' })).toEqual(['c', 'b', 'a']);
    });

    it('sorts by last-changed-date', async () => {
      clock.advance(1_000);
      await client().send(new UpdateSecretCommand({ SecretId: 'b', Description: 'changed' }));
      expect(await names({ SortBy: 'last-changed-date' })).toEqual(['c', 'a', 'b']);
      expect(await names({ SortBy: 'last-changed-date', SortOrder: 'desc' })).toEqual(['b', 'a', 'c']);
    });

    it('sorts by last-accessed-date, never-read secrets first', async () => {
      clock.advance(DAY_MS);
      await client().send(new GetSecretValueCommand({ SecretId: 'a' }));
      clock.advance(DAY_MS);
      await client().send(new GetSecretValueCommand({ SecretId: 'c' }));
      expect(await names({ SortBy: 'last-accessed-date' })).toEqual(['b', 'a', 'c']);
      expect(await names({ SortBy: 'last-accessed-date', SortOrder: 'desc' })).toEqual(['c', 'a', 'b']);
    });

    it('pages a sorted listing', async () => {
      const first = await listRaw({ SortBy: 'name', MaxResults: 2 });
      expect(first.json.SecretList.map((e: Json) => e.Name)).toEqual(['a', 'b']);
      const second = await listRaw({ SortBy: 'name', MaxResults: 2, NextToken: first.json.NextToken });
      expect(second.json.SecretList.map((e: Json) => e.Name)).toEqual(['c']);
      expect(second.json).not.toHaveProperty('NextToken');
    });

    it('refuses unknown SortBy and SortOrder values', async () => {
      const sortBy = await listRaw({ SortBy: 'size' });
      expect(sortBy.json).toEqual({
        __type: 'ValidationException',
        Message:
          "1 validation error detected: Value 'size' at 'sortBy' failed to satisfy constraint: Member must satisfy enum value set: [created-date, last-accessed-date, last-changed-date, name]",
      });
      const sortOrder = await listRaw({ SortOrder: 'up' });
      expect(sortOrder.json).toEqual({
        __type: 'ValidationException',
        Message: "1 validation error detected: Value 'up' at 'sortOrder' failed to satisfy constraint: Member must satisfy enum value set: [asc, desc]",
      });
    });
  });
});
