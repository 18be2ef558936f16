import { ALIBABA_SDKS, alibabaClient } from '../../../helpers/alibaba.js';
import {
  arnOf,
  createSecret,
  describedTags,
  expectKmsError,
  expectRawError,
  expectRawXmlError,
  expectRequestIdOnly,
  resourceIds,
  rpc,
  scheduleDeletion,
  SECRET_RESOURCES,
  tagsJson,
} from '../../../helpers/alibabaOperations.js';
import { STORES, useServer } from '../../../helpers/server.js';

/** `TagKey.N` parameters as the SDKs flatten a list. */
const tagKeys = (...keys: string[]) => Object.fromEntries(keys.map((key, i) => [`TagKey.${i + 1}`, key]));

describe.each(STORES)('UntagResources (%s store)', (kind) => {
  const server = useServer(kind);

  describe.each(ALIBABA_SDKS)('through %s', (sdk) => {
    const call = (params: Record<string, string>) => alibabaClient(server().url, sdk)('UntagResources', { ...SECRET_RESOURCES, ...params });

    it('removes the named keys from every named secret, ignoring absent keys, and answers only a RequestId', async () => {
      await createSecret(server().url, 'one', { Tags: tagsJson({ a: '1', b: '2', c: '3' }) });
      await createSecret(server().url, 'two', { Tags: tagsJson({ b: '2', d: '4' }) });
      await createSecret(server().url, 'other', { Tags: tagsJson({ a: '1' }) });
      const body = await call({ ...resourceIds('one', 'two'), ...tagKeys('a', 'b', 'absent') });
      expect(Object.keys(body)).toEqual(['RequestId']);
      expect(await describedTags(server().url, 'one')).toEqual([{ TagKey: 'c', TagValue: '3' }]);
      expect(await describedTags(server().url, 'two')).toEqual([{ TagKey: 'd', TagValue: '4' }]);
      expect(await describedTags(server().url, 'other')).toEqual([{ TagKey: 'a', TagValue: '1' }]);
    });

    it('removes every tag with All=true and no keys, from secrets named by name or ARN', async () => {
      await createSecret(server().url, 'wipe', { Tags: tagsJson({ a: '1', b: '2' }) });
      await createSecret(server().url, 'wipe-arn', { Tags: tagsJson({ c: '3' }) });
      await call({ ...resourceIds('wipe', arnOf('wipe-arn')), All: 'true' });
      expect(await describedTags(server().url, 'wipe')).toEqual([]);
      expect(await describedTags(server().url, 'wipe-arn')).toEqual([]);
    });

    it('removes only the named keys when keys come with All=true (All applies only without keys)', async () => {
      await createSecret(server().url, 'precise', { Tags: tagsJson({ a: '1', b: '2' }) });
      await call({ ...resourceIds('precise'), ...tagKeys('a'), All: 'true' });
      expect(await describedTags(server().url, 'precise')).toEqual([{ TagKey: 'b', TagValue: '2' }]);
    });

    it('answers Forbidden.ResourceNotFound (404) when any secret is unknown, untagging none', async () => {
      await createSecret(server().url, 'known', { Tags: tagsJson({ a: '1' }) });
      await expectKmsError(sdk, call({ ...resourceIds('known', 'unknown'), ...tagKeys('a') }), 'Forbidden.ResourceNotFound', 404);
      expect(await describedTags(server().url, 'known')).toEqual([{ TagKey: 'a', TagValue: '1' }]);
    });

    it('answers Rejected.ResourceInDeleteWindow (409) when any secret is pending deletion, untagging none', async () => {
      await createSecret(server().url, 'staying', { Tags: tagsJson({ a: '1' }) });
      await createSecret(server().url, 'leaving', { Tags: tagsJson({ a: '1' }) });
      await scheduleDeletion(server().polysecret.engine, 'leaving');
      await expectKmsError(sdk, call({ ...resourceIds('staying', 'leaving'), All: 'true' }), 'Rejected.ResourceInDeleteWindow', 409);
      expect(await describedTags(server().url, 'staying')).toEqual([{ TagKey: 'a', TagValue: '1' }]);
    });

    it('answers Missing<Name> for a missing RegionId, ResourceType, ResourceId.N, or TagKey.N without All=true', async () => {
      await createSecret(server().url, 'named', { Tags: tagsJson({ a: '1' }) });
      const client = alibabaClient(server().url, sdk);
      await expectKmsError(sdk, client('UntagResources', { ResourceType: 'secret', ...resourceIds('named'), ...tagKeys('a') }), 'MissingRegionId', 400);
      await expectKmsError(sdk, client('UntagResources', { RegionId: 'cn-hangzhou', ...resourceIds('named'), ...tagKeys('a') }), 'MissingResourceType', 400);
      await expectKmsError(sdk, call(tagKeys('a')), 'MissingResourceId', 400);
      await expectKmsError(sdk, call(resourceIds('named')), 'MissingTagKey', 400);
      await expectKmsError(sdk, call({ ...resourceIds('named'), All: 'false' }), 'MissingTagKey', 400);
      expect(await describedTags(server().url, 'named')).toEqual([{ TagKey: 'a', TagValue: '1' }]);
    });

    it.each([
      ['ResourceType key', { ResourceType: 'key' }, 'ResourceType'],
      ['51 resource ids', resourceIds(...Array.from({ length: 51 }, (_, i) => `s${i}`)), 'ResourceId'],
      ['21 tag keys', tagKeys(...Array.from({ length: 21 }, (_, i) => `k${i}`)), 'TagKey'],
      ['a key starting with aliyun', tagKeys('aliyun-owner'), 'TagKey'],
      ['a key starting with acs:', tagKeys('acs:owner'), 'TagKey'],
      ['an empty key', tagKeys(''), 'TagKey.1'],
      ['a 129-character key', tagKeys('k'.repeat(129)), 'TagKey.1'],
      ['All that is not a boolean', { All: 'yes' }, 'All'],
    ])('refuses %s as InvalidParameter naming it, untagging nothing', async (_, bad, name) => {
      await createSecret(server().url, 'guarded', { Tags: tagsJson({ a: '1' }) });
      await expectKmsError(sdk, call({ ...resourceIds('guarded'), ...tagKeys('a'), ...bad }), 'InvalidParameter', 400, `parameter ${name}`);
      expect(await describedTags(server().url, 'guarded')).toEqual([{ TagKey: 'a', TagValue: '1' }]);
    });
  });

  describe('on the wire', () => {
    const raw = (params: Record<string, string>, options = {}) =>
      rpc(server().url, 'UntagResources', { ...SECRET_RESOURCES, ...params }, options);

    it('answers JSON with the exact content type, or XML under <KMS> with Format=XML', async () => {
      await createSecret(server().url, 'wire', { Tags: tagsJson({ a: '1', b: '2' }) });
      const json = await raw({ ...resourceIds('wire'), ...tagKeys('a') });
      expectRequestIdOnly(json, 'JSON');

      const xml = await raw({ Format: 'XML', ...resourceIds('wire'), All: 'TRUE' }, { form: true });
      expectRequestIdOnly(xml, 'XML');
      expect(await describedTags(server().url, 'wire')).toEqual([]);
    });

    it('answers errors with their HTTP status, as JSON or as XML under <Error>', async () => {
      const json = await raw({ ...resourceIds('missing'), ...tagKeys('a') });
      expectRawError(json, 'Forbidden.ResourceNotFound', 404);
      expect(json.json.Message).toBe('Resource not found.');

      const xml = await raw({ Format: 'XML', ...resourceIds('missing') });
      await expectRawXmlError(xml, 'MissingTagKey', 400);
      expect(xml.text).toContain('<Message>TagKey is mandatory for this action.</Message>');
    });
  });
});
