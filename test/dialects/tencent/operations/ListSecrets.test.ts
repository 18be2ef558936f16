import { ManualClock } from '../../../../src/core/runtime.js';
import type { TencentState } from '../../../../src/core/vendorState.js';
import { STORES, useServer } from '../../../helpers/server.js';
import { rawTencent, TENCENT_FRAMINGS, tencentClient, tencentError } from '../../../helpers/tencent.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DAY_MS = 86_400_000;

/** SecretMetadata's members in the SDK's order (ssm_models.d.ts). */
const METADATA_MEMBERS = [
  'SecretName',
  'Description',
  'KmsKeyId',
  'CreateUin',
  'Status',
  'DeleteTime',
  'CreateTime',
  'KmsKeyType',
  'RotationStatus',
  'NextRotationTime',
  'SecretType',
  'ProductName',
  'ResourceName',
  'ProjectID',
  'AssociatedInstanceIDs',
  'TargetUin',
  'RotationFrequency',
  'ResourceID',
  'RotationBeginTime',
  'EncryptType',
  'EncryptSwitching',
  'CreateUinString',
  'TargetUinString',
];

describe.each(STORES)('Tencent ListSecrets (%s store)', (kind) => {
  const clock = new ManualClock(Date.UTC(2025, 2, 1, 8, 0, 0, 500));
  const server = useServer(kind, { clock });
  const client = () => tencentClient(server().url);
  const names = (response: { SecretMetadatas?: Array<{ SecretName?: string }> }) => response.SecretMetadatas!.map((m) => m.SecretName);

  async function create(name: string, extra: Record<string, unknown> = {}): Promise<void> {
    await client().CreateSecret({ SecretName: name, SecretString: `value-of-${name}`, ...extra });
  }

  /** Secrets of other types, which only CreateProductSecret/CreateSSHKeyPairSecret make: seeded through the engine. */
  async function seed(name: string, tencent: TencentState): Promise<void> {
    await server().polysecret.engine.create({ cloud: 'tencent', account: '100000000001', region: 'ap-guangzhou' }, { name, tencent });
  }

  describe.each(TENCENT_FRAMINGS)('through the SDK ($name)', (framing) => {
    it('pages the tag-filtered secrets oldest first, counting the whole filtered set', async () => {
      for (const [name, env] of [['alpha', 'dev'], ['beta', 'prod'], ['gamma', 'dev'], ['delta', 'dev']]) {
        await create(name, { Tags: [{ TagKey: 'env', TagValue: env }] });
        clock.advance(1000);
      }
      const response = await tencentClient(server().url, framing).ListSecrets({
        OrderType: 1,
        Offset: 1,
        Limit: 1,
        TagFilters: [{ TagKey: 'env', TagValue: ['dev'] }],
      });
      expect(response.TotalCount).toBe(3);
      expect(names(response)).toEqual(['gamma']);
      expect(response.RequestId).toMatch(UUID);
    });

    it('reports every metadata member with its ListSecrets type', async () => {
      await create('typed', { Description: 'd', KmsKeyId: 'key-1' });
      const response = await tencentClient(server().url, framing).ListSecrets({});
      expect(response.SecretMetadatas).toEqual([
        expect.objectContaining({
          SecretName: 'typed',
          Description: 'd',
          KmsKeyId: 'key-1',
          KmsKeyType: 'CUSTOMER',
          CreateUin: 100000000001,
          CreateUinString: '100000000001',
          Status: 'Enabled',
          CreateTime: Math.floor(clock.now() / 1000),
          DeleteTime: 0,
          RotationStatus: 0,
          NextRotationTime: 0,
          SecretType: 0,
        }),
      ]);
    });
  });

  describe('the wire shape', () => {
    it('answers HTTP 200 application/json with TotalCount, SecretMetadatas and RequestId only', async () => {
      await create('shape');
      const response = await rawTencent(server().url, 'ListSecrets', {});
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(Object.keys(response.json.Response)).toEqual(['TotalCount', 'SecretMetadatas', 'RequestId']);
      expect(Object.keys(response.json.Response.SecretMetadatas[0])).toEqual(METADATA_MEMBERS);
    });

    it('gives a user-defined secret the values of a real user secret: an int RotationStatus, no AdditionalConfig', async () => {
      await create('plain');
      const [entry] = (await rawTencent(server().url, 'ListSecrets', {})).json.Response.SecretMetadatas;
      expect(entry).toEqual({
        SecretName: 'plain',
        Description: '',
        KmsKeyId: '',
        CreateUin: 100000000001,
        Status: 'Enabled',
        DeleteTime: 0,
        CreateTime: Math.floor(clock.now() / 1000),
        KmsKeyType: 'DEFAULT',
        RotationStatus: 0,
        NextRotationTime: 0,
        SecretType: 0,
        ProductName: 'default',
        ResourceName: '',
        ProjectID: 0,
        AssociatedInstanceIDs: [],
        TargetUin: 0,
        RotationFrequency: 0,
        ResourceID: expect.stringMatching(/^\d+_100000000001_customize_\d+_[a-z0-9]{3}$/),
        RotationBeginTime: '',
        EncryptType: 0,
        EncryptSwitching: false,
        CreateUinString: '100000000001',
        TargetUinString: '0',
      });
    });

    it('lists nothing, with TotalCount 0, in an empty region', async () => {
      await create('elsewhere');
      const response = await tencentClient(server().url, TENCENT_FRAMINGS[0], { region: 'ap-shanghai' }).ListSecrets({});
      expect([response.TotalCount, response.SecretMetadatas]).toEqual([0, []]);
    });
  });

  describe('order and paging', () => {
    beforeEach(async () => {
      for (const name of ['first', 'second', 'third']) {
        await create(name);
        clock.advance(2000);
      }
    });

    it('lists newest first by default (OrderType 0) and oldest first with OrderType 1', async () => {
      expect(names(await client().ListSecrets({}))).toEqual(['third', 'second', 'first']);
      expect(names(await client().ListSecrets({ OrderType: 0 }))).toEqual(['third', 'second', 'first']);
      expect(names(await client().ListSecrets({ OrderType: 1 }))).toEqual(['first', 'second', 'third']);
    });

    it('breaks CreateTime ties by creation order, reversed for newest first', async () => {
      await create('tie-a');
      await create('tie-b');
      expect(names(await client().ListSecrets({ OrderType: 1 }))).toEqual(['first', 'second', 'third', 'tie-a', 'tie-b']);
      expect(names(await client().ListSecrets({}))).toEqual(['tie-b', 'tie-a', 'third', 'second', 'first']);
    });

    it('returns an empty page past the end, still counting every match', async () => {
      const response = await client().ListSecrets({ Offset: 5, Limit: 10 });
      expect([response.TotalCount, response.SecretMetadatas]).toEqual([3, []]);
    });

    it('uses 20 entries per page when Limit is 0 or absent', async () => {
      for (let i = 0; i < 22; i++) await create(`bulk-${String(i).padStart(2, '0')}`);
      const absent = await client().ListSecrets({ OrderType: 1 });
      const zero = await client().ListSecrets({ OrderType: 1, Limit: 0 });
      expect(absent.TotalCount).toBe(25);
      expect(absent.SecretMetadatas).toHaveLength(20);
      expect(names(zero)).toEqual(names(absent));
      expect(names(await client().ListSecrets({ OrderType: 1, Offset: 20 }))).toEqual(['bulk-17', 'bulk-18', 'bulk-19', 'bulk-20', 'bulk-21']);
    });

    it('pages like Dapr: State 1, Offset advanced by the page size until a short page', async () => {
      const seen: string[] = [];
      for (let offset = 0; ; offset += 2) {
        const page = await client().ListSecrets({ State: 1, Limit: 2, Offset: offset, OrderType: 1 });
        seen.push(...(names(page) as string[]));
        if (page.SecretMetadatas!.length < 2) break;
      }
      expect(seen).toEqual(['first', 'second', 'third']);
    });
  });

  describe('filters', () => {
    it('selects by State: 1 Enabled, 2 Disabled, 3 PendingDelete, 0 all', async () => {
      await create('on');
      await create('off');
      await create('doomed');
      await client().DisableSecret({ SecretName: 'off' });
      await client().DisableSecret({ SecretName: 'doomed' });
      await client().DeleteSecret({ SecretName: 'doomed', RecoveryWindowInDays: 7 });
      const state = async (State: number) => names(await client().ListSecrets({ State, OrderType: 1 }));
      expect(await state(1)).toEqual(['on']);
      expect(await state(2)).toEqual(['off']);
      expect(await state(3)).toEqual(['doomed']);
      expect(await state(0)).toEqual(['on', 'off', 'doomed']);
      const pending = (await client().ListSecrets({ State: 3 })).SecretMetadatas![0];
      expect([pending.Status, pending.DeleteTime]).toEqual(['PendingDelete', Math.floor((clock.now() + 7 * DAY_MS) / 1000)]);
    });

    it('drops a pending secret once its deletion time has passed', async () => {
      await create('short-lived');
      await client().DisableSecret({ SecretName: 'short-lived' });
      await client().DeleteSecret({ SecretName: 'short-lived', RecoveryWindowInDays: 1 });
      expect((await client().ListSecrets({})).TotalCount).toBe(1);
      clock.advance(DAY_MS);
      expect(await client().ListSecrets({})).toEqual(expect.objectContaining({ TotalCount: 0, SecretMetadatas: [] }));
    });

    it('matches SearchSecretName as a case-sensitive substring of the name', async () => {
      for (const name of ['db-prod', 'prod-api', 'staging', 'PROD-upper']) await create(name);
      expect(names(await client().ListSecrets({ SearchSecretName: 'prod', OrderType: 1 }))).toEqual(['db-prod', 'prod-api']);
      expect((await client().ListSecrets({ SearchSecretName: '' })).TotalCount).toBe(4);
    });

    it('ANDs tag filters and ORs the values of one filter; a filter without values needs only the key', async () => {
      await create('dev-eu', { Tags: [{ TagKey: 'env', TagValue: 'dev' }, { TagKey: 'zone', TagValue: 'eu' }] });
      await create('prod-eu', { Tags: [{ TagKey: 'env', TagValue: 'prod' }, { TagKey: 'zone', TagValue: 'eu' }] });
      await create('test-us', { Tags: [{ TagKey: 'env', TagValue: 'test' }, { TagKey: 'zone', TagValue: 'us' }] });
      await create('untagged');
      const tagged = async (TagFilters: Array<{ TagKey: string; TagValue?: string[] }>) =>
        names(await client().ListSecrets({ TagFilters, OrderType: 1 }));
      expect(await tagged([{ TagKey: 'env', TagValue: ['dev', 'test'] }])).toEqual(['dev-eu', 'test-us']);
      expect(await tagged([{ TagKey: 'env', TagValue: ['dev', 'prod'] }, { TagKey: 'zone', TagValue: ['eu'] }])).toEqual(['dev-eu', 'prod-eu']);
      expect(await tagged([{ TagKey: 'env', TagValue: ['prod'] }, { TagKey: 'zone', TagValue: ['us'] }])).toEqual([]);
      expect(await tagged([{ TagKey: 'zone' }])).toEqual(['dev-eu', 'prod-eu', 'test-us']);
      expect(await tagged([{ TagKey: 'owner' }])).toEqual([]);
    });

    it('takes tag filters flattened in a query string (TagFilters.0.TagValue.1)', async () => {
      await create('a', { Tags: [{ TagKey: 'env', TagValue: 'dev' }] });
      await create('b', { Tags: [{ TagKey: 'env', TagValue: 'qa' }] });
      await create('c', { Tags: [{ TagKey: 'env', TagValue: 'prod' }] });
      const query = 'Action=ListSecrets&Version=2019-09-23&SecretId=AKIDx&Nonce=1&OrderType=1&TagFilters.0.TagKey=env&TagFilters.0.TagValue.0=dev&TagFilters.0.TagValue.1=prod';
      const body = (await (await fetch(`${server().url}/?${query}`)).json()) as { Response: { TotalCount: number; SecretMetadatas: Array<{ SecretName: string }> } };
      expect(body.Response.TotalCount).toBe(2);
      expect(body.Response.SecretMetadatas.map((m) => m.SecretName)).toEqual(['a', 'c']);
    });

    it('filters by EncryptType when given', async () => {
      await create('kms');
      await create('software', { EncryptType: 1 });
      expect(names(await client().ListSecrets({ EncryptType: 1 }))).toEqual(['software']);
      expect(names(await client().ListSecrets({ EncryptType: 0 }))).toEqual(['kms']);
      expect((await client().ListSecrets({})).TotalCount).toBe(2);
    });

    it('lists only user-defined secrets unless SecretType asks for another type', async () => {
      await create('mine');
      await seed('mysql-cred', { secretType: 1, productName: 'Mysql' });
      await seed('tdsql-cred', { secretType: 1, productName: 'Tdsql-mysql' });
      await seed('ssh-cred', { secretType: 2, productName: 'Cvm' });
      expect(names(await client().ListSecrets({}))).toEqual(['mine']);
      expect(names(await client().ListSecrets({ SecretType: 1, OrderType: 1 }))).toEqual(['mysql-cred', 'tdsql-cred']);
      expect(names(await client().ListSecrets({ SecretType: 2 }))).toEqual(['ssh-cred']);
      expect((await client().ListSecrets({ SecretType: 1 })).SecretMetadatas![0].SecretType).toBe(1);
    });

    it('filters product secrets by a comma-separated ProductName, and ignores it for other types', async () => {
      await create('mine');
      await seed('mysql-cred', { secretType: 1, productName: 'Mysql' });
      await seed('tdsql-cred', { secretType: 1, productName: 'Tdsql-mysql' });
      await seed('redis-cred', { secretType: 1, productName: 'Redis' });
      const products = async (ProductName: string, SecretType = 1) => names(await client().ListSecrets({ SecretType, ProductName, OrderType: 1 }));
      expect(await products('Mysql')).toEqual(['mysql-cred']);
      expect(await products('Mysql,Redis')).toEqual(['mysql-cred', 'redis-cred']);
      expect(await products('')).toEqual(['mysql-cred', 'tdsql-cred', 'redis-cred']);
      expect(await products('Mysql', 0)).toEqual(['mine']);
    });

    it('selects product secrets being created (State 4) or whose creation failed (State 5)', async () => {
      // Still Creating: its creation flow runs until a second has passed on the clock.
      const creation = { id: 1, kind: 'create' as const, startedAt: clock.now(), doneAt: clock.now() + 1000 };
      await seed('creating', { secretType: 1, productName: 'Mysql', status: 'Creating', flows: [creation] });
      await seed('failed', { secretType: 1, productName: 'Mysql', status: 'Failed' });
      await seed('ready', { secretType: 1, productName: 'Mysql' });
      expect(names(await client().ListSecrets({ SecretType: 1, State: 4 }))).toEqual(['creating']);
      expect(names(await client().ListSecrets({ SecretType: 1, State: 5 }))).toEqual(['failed']);
      expect(names(await client().ListSecrets({ SecretType: 1, State: 1 }))).toEqual(['ready']);
      // Once its flow has run, listing shows the secret Enabled.
      clock.advance(1000);
      expect(names(await client().ListSecrets({ SecretType: 1, State: 4 }))).toEqual([]);
      expect(names(await client().ListSecrets({ SecretType: 1, State: 1, OrderType: 1 }))).toEqual(['creating', 'ready']);
    });
  });

  describe('errors', () => {
    it.each([
      ['a State out of 0-5', 'InvalidParameterValue', { State: 6 }],
      ['an OrderType other than 0 or 1', 'InvalidParameterValue', { OrderType: 2 }],
      ['a negative Offset', 'InvalidParameterValue', { Offset: -1 }],
      ['a negative Limit', 'InvalidParameterValue', { Limit: -5 }],
      ['an unknown SecretType', 'InvalidParameterValue', { SecretType: 9 }],
      ['a tag filter without TagKey', 'MissingParameter', { TagFilters: [{ TagValue: ['x'] }] }],
      ['an unknown parameter', 'UnknownParameter', { NextToken: 'x' }],
    ])('refuses %s through the SDK with %s', async (_, code, params) => {
      const error = await tencentError(client().ListSecrets(params as never));
      expect(error.code).toBe(code);
      expect(error.requestId).toMatch(UUID);
    });

    it('refuses mistyped members with InvalidParameter naming them, still HTTP 200', async () => {
      const limit = await rawTencent(server().url, 'ListSecrets', { Limit: '10' });
      expect([limit.status, limit.json.Response.Error]).toEqual([200, { Code: 'InvalidParameter', Message: 'Parameter `Limit` type error.' }]);
      const values = await rawTencent(server().url, 'ListSecrets', { TagFilters: [{ TagKey: 'env', TagValue: 'dev' }] });
      expect(values.json.Response.Error).toEqual({ Code: 'InvalidParameter', Message: 'Parameter `TagFilters.0.TagValue` type error.' });
      expect(values.json.Response.RequestId).toMatch(UUID);
    });
  });
});
