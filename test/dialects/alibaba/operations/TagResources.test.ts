import { ALIBABA_SDKS, alibabaClient } from '../../../helpers/alibaba.js';
import {
  arnOf,
  createSecret,
  describedTags,
  expectKmsError,
  expectRawError,
  expectRawXmlError,
  expectRequestIdOnly,
  flatTags,
  numberedTags,
  resourceIds,
  rpc,
  scheduleDeletion,
  SECRET_RESOURCES,
  tagsJson,
} from '../../../helpers/alibabaOperations.js';
import { STORES, useServer } from '../../../helpers/server.js';

describe.each(STORES)('TagResources (%s store)', (kind) => {
  const server = useServer(kind);

  describe.each(ALIBABA_SDKS)('through %s', (sdk) => {
    const call = (params: Record<string, string>) => alibabaClient(server().url, sdk)('TagResources', { ...SECRET_RESOURCES, ...params });

    it('tags every named secret, overwriting existing keys, and answers only a RequestId', async () => {
      await createSecret(server().url, 'one');
      await createSecret(server().url, 'two', { Tags: tagsJson({ env: 'dev', keep: 'x' }) });
      const body = await call({ ...resourceIds('one', 'two'), ...flatTags({ env: 'prod', team: 'core' }) });
      expect(Object.keys(body)).toEqual(['RequestId']);
      expect(await describedTags(server().url, 'one')).toEqual([
        { TagKey: 'env', TagValue: 'prod' },
        { TagKey: 'team', TagValue: 'core' },
      ]);
      expect(await describedTags(server().url, 'two')).toEqual([
        { TagKey: 'env', TagValue: 'prod' },
        { TagKey: 'keep', TagValue: 'x' },
        { TagKey: 'team', TagValue: 'core' },
      ]);
    });

    it('accepts ARNs, repeated ids, sparse indexes and a missing Tag.N.Value (stored as empty)', async () => {
      await createSecret(server().url, 'same');
      await call({ ...resourceIds('same', arnOf('same'), 'same'), 'Tag.2.Key': 'a', 'Tag.2.Value': '1', 'Tag.5.Key': 'b' });
      expect(await describedTags(server().url, 'same')).toEqual([
        { TagKey: 'a', TagValue: '1' },
        { TagKey: 'b', TagValue: '' },
      ]);
    });

    it('accepts 50 secrets and 20 tags in one call', async () => {
      const names = Array.from({ length: 50 }, (_, i) => `bulk-${i}`);
      for (const name of names) await createSecret(server().url, name);
      await call({ ...resourceIds(...names), ...flatTags(numberedTags(20, 'k')) });
      expect(await describedTags(server().url, 'bulk-0')).toHaveLength(20);
      expect((await describedTags(server().url, 'bulk-49'))[19]).toEqual({ TagKey: 'k19', TagValue: 'v19' });
    });

    it('answers Forbidden.ResourceNotFound (404) when any secret is unknown, tagging none', async () => {
      await createSecret(server().url, 'known');
      await expectKmsError(sdk, call({ ...resourceIds('known', 'unknown'), ...flatTags({ a: '1' }) }), 'Forbidden.ResourceNotFound', 404);
      expect(await describedTags(server().url, 'known')).toEqual([]);
    });

    it('looks secrets up in the RegionId region', async () => {
      await createSecret(server().url, 'hangzhou');
      const elsewhere = alibabaClient(server().url, sdk)('TagResources', { RegionId: 'cn-shanghai', ResourceType: 'secret', ...resourceIds('hangzhou'), ...flatTags({ a: '1' }) });
      await expectKmsError(sdk, elsewhere, 'Forbidden.ResourceNotFound', 404);
      expect(await describedTags(server().url, 'hangzhou')).toEqual([]);
    });

    it('answers Rejected.LimitExceeded when any secret would pass 20 tags, tagging none', async () => {
      await createSecret(server().url, 'roomy');
      await createSecret(server().url, 'crowded', { Tags: tagsJson(numberedTags(19, 'k')) });
      await expectKmsError(sdk, call({ ...resourceIds('roomy', 'crowded'), ...flatTags({ x: '1', y: '2' }) }), 'Rejected.LimitExceeded', 400);
      expect(await describedTags(server().url, 'roomy')).toEqual([]);
      expect(await describedTags(server().url, 'crowded')).toHaveLength(19);
    });

    it('answers Rejected.ResourceInDeleteWindow (409) when any secret is pending deletion, tagging none', async () => {
      await createSecret(server().url, 'staying');
      await createSecret(server().url, 'leaving');
      await scheduleDeletion(server().polysecret.engine, 'leaving');
      await expectKmsError(sdk, call({ ...resourceIds('staying', 'leaving'), ...flatTags({ a: '1' }) }), 'Rejected.ResourceInDeleteWindow', 409);
      expect(await describedTags(server().url, 'staying')).toEqual([]);
    });

    it('answers Missing<Name> for a missing RegionId, ResourceType, ResourceId.N or Tag.N', async () => {
      await createSecret(server().url, 'named');
      const client = alibabaClient(server().url, sdk);
      await expectKmsError(sdk, client('TagResources', { ResourceType: 'secret', ...resourceIds('named'), ...flatTags({ a: '1' }) }), 'MissingRegionId', 400);
      await expectKmsError(
        sdk,
        client('TagResources', { RegionId: 'cn-hangzhou', ...resourceIds('named'), ...flatTags({ a: '1' }) }),
        'MissingResourceType',
        400,
      );
      await expectKmsError(sdk, call(flatTags({ a: '1' })), 'MissingResourceId', 400);
      await expectKmsError(sdk, call(resourceIds('named')), 'MissingTag', 400);
      expect(await describedTags(server().url, 'named')).toEqual([]);
    });

    it.each([
      ['ResourceType key', { ResourceType: 'key' }, 'ResourceType'],
      ['ResourceType Secret (the value is case-sensitive)', { ResourceType: 'Secret' }, 'ResourceType'],
      ['51 resource ids', resourceIds(...Array.from({ length: 51 }, (_, i) => `s${i}`)), 'ResourceId'],
      ['21 tags', flatTags(numberedTags(21, 'k')), 'Tag'],
      ['a key starting with aliyun', flatTags({ aliyunOwner: '1' }), 'Tag'],
      ['a key starting with acs:', flatTags({ 'acs:owner': '1' }), 'Tag'],
      ['a value without its key', { 'Tag.2.Value': 'orphan' }, 'Tag'],
      ['an empty key', { 'Tag.1.Key': '', 'Tag.1.Value': '1' }, 'Tag.1.Key'],
      ['a 129-character key', flatTags({ ['k'.repeat(129)]: '1' }), 'Tag.1.Key'],
      ['a 129-character value', flatTags({ k: 'v'.repeat(129) }), 'Tag.1.Value'],
      ['an empty resource id', { 'ResourceId.1': '' }, 'ResourceId.1'],
    ])('refuses %s as InvalidParameter naming it, tagging nothing', async (_, bad, name) => {
      await createSecret(server().url, 'guarded');
      await expectKmsError(sdk, call({ ...resourceIds('guarded'), ...flatTags({ ok: '1' }), ...bad }), 'InvalidParameter', 400, `parameter ${name}`);
      expect(await describedTags(server().url, 'guarded')).toEqual([]);
    });
  });

  describe('on the wire', () => {
    const raw = (params: Record<string, string>, options = {}) =>
      rpc(server().url, 'TagResources', { ...SECRET_RESOURCES, ...params }, options);

    it('answers JSON with the exact content type, or XML under <KMS> with Format=XML', async () => {
      await createSecret(server().url, 'wire');
      const json = await raw({ ...resourceIds('wire'), ...flatTags({ a: '1' }) });
      expectRequestIdOnly(json, 'JSON');

      const xml = await raw({ Format: 'XML', ...resourceIds('wire'), ...flatTags({ b: '2' }) }, { form: true });
      expectRequestIdOnly(xml, 'XML');
      expect(await describedTags(server().url, 'wire')).toEqual([
        { TagKey: 'a', TagValue: '1' },
        { TagKey: 'b', TagValue: '2' },
      ]);
    });

    it('answers errors with their HTTP status, as JSON or as XML under <Error>', async () => {
      const json = await raw({ ...resourceIds('missing'), ...flatTags({ a: '1' }) });
      expectRawError(json, 'Forbidden.ResourceNotFound', 404);
      expect(json.json.Message).toBe('Resource not found.');

      const xml = await raw({ Format: 'XML', ResourceType: 'certificate', ...resourceIds('missing'), ...flatTags({ a: '1' }) });
      await expectRawXmlError(xml, 'InvalidParameter', 400);
      expect(xml.text).toContain('The specified parameter ResourceType is not valid.');
    });
  });
});
