import { ALIBABA_SDKS, alibabaClient, rawAlibaba } from '../../../helpers/alibaba.js';
import { createSecret, describedTags, expectKmsError, scheduleDeletion, SECRET_RESOURCES } from '../../../helpers/alibabaTags.js';
import { STORES, useServer } from '../../../helpers/server.js';

const ARN_PREFIX = 'acs:kms:cn-hangzhou:1234567890123456:secret/';

/** `ResourceId.N` parameters as the SDKs flatten a list. */
const ids = (...names: string[]) => Object.fromEntries(names.map((name, i) => [`ResourceId.${i + 1}`, name]));
/** `TagKey.N` parameters as the SDKs flatten a list. */
const tagKeys = (...keys: string[]) => Object.fromEntries(keys.map((key, i) => [`TagKey.${i + 1}`, key]));

describe.each(STORES)('UntagResources (%s store)', (kind) => {
  const server = useServer(kind);

  describe.each(ALIBABA_SDKS)('through %s', (sdk) => {
    const call = (params: Record<string, string>) => alibabaClient(server().url, sdk)('UntagResources', { ...SECRET_RESOURCES, ...params });

    it('removes the named keys from every named secret, ignoring absent keys, and answers only a RequestId', async () => {
      await createSecret(server().url, 'one', { a: '1', b: '2', c: '3' });
      await createSecret(server().url, 'two', { b: '2', d: '4' });
      await createSecret(server().url, 'other', { a: '1' });
      const body = await call({ ...ids('one', 'two'), ...tagKeys('a', 'b', 'absent') });
      expect(Object.keys(body)).toEqual(['RequestId']);
      expect(await describedTags(server().url, 'one')).toEqual([{ TagKey: 'c', TagValue: '3' }]);
      expect(await describedTags(server().url, 'two')).toEqual([{ TagKey: 'd', TagValue: '4' }]);
      expect(await describedTags(server().url, 'other')).toEqual([{ TagKey: 'a', TagValue: '1' }]);
    });

    it('removes every tag with All=true and no keys, from secrets named by name or ARN', async () => {
      await createSecret(server().url, 'wipe', { a: '1', b: '2' });
      await createSecret(server().url, 'wipe-arn', { c: '3' });
      await call({ ...ids('wipe', `${ARN_PREFIX}wipe-arn`), All: 'true' });
      expect(await describedTags(server().url, 'wipe')).toEqual([]);
      expect(await describedTags(server().url, 'wipe-arn')).toEqual([]);
    });

    it('removes only the named keys when keys come with All=true (All applies only without keys)', async () => {
      await createSecret(server().url, 'precise', { a: '1', b: '2' });
      await call({ ...ids('precise'), ...tagKeys('a'), All: 'true' });
      expect(await describedTags(server().url, 'precise')).toEqual([{ TagKey: 'b', TagValue: '2' }]);
    });

    it('answers Forbidden.ResourceNotFound (404) when any secret is unknown, untagging none', async () => {
      await createSecret(server().url, 'known', { a: '1' });
      await expectKmsError(sdk, call({ ...ids('known', 'unknown'), ...tagKeys('a') }), 'Forbidden.ResourceNotFound', 404);
      expect(await describedTags(server().url, 'known')).toEqual([{ TagKey: 'a', TagValue: '1' }]);
    });

    it('answers Rejected.ResourceInDeleteWindow (409) when any secret is pending deletion, untagging none', async () => {
      await createSecret(server().url, 'staying', { a: '1' });
      await createSecret(server().url, 'leaving', { a: '1' });
      await scheduleDeletion(server().polysecret.engine, 'leaving');
      await expectKmsError(sdk, call({ ...ids('staying', 'leaving'), All: 'true' }), 'Rejected.ResourceInDeleteWindow', 409);
      expect(await describedTags(server().url, 'staying')).toEqual([{ TagKey: 'a', TagValue: '1' }]);
    });

    it('answers Missing<Name> for a missing RegionId, ResourceType, ResourceId.N, or TagKey.N without All=true', async () => {
      await createSecret(server().url, 'named', { a: '1' });
      const client = alibabaClient(server().url, sdk);
      await expectKmsError(sdk, client('UntagResources', { ResourceType: 'secret', ...ids('named'), ...tagKeys('a') }), 'MissingRegionId', 400);
      await expectKmsError(sdk, client('UntagResources', { RegionId: 'cn-hangzhou', ...ids('named'), ...tagKeys('a') }), 'MissingResourceType', 400);
      await expectKmsError(sdk, call(tagKeys('a')), 'MissingResourceId', 400);
      await expectKmsError(sdk, call(ids('named')), 'MissingTagKey', 400);
      await expectKmsError(sdk, call({ ...ids('named'), All: 'false' }), 'MissingTagKey', 400);
      expect(await describedTags(server().url, 'named')).toEqual([{ TagKey: 'a', TagValue: '1' }]);
    });

    it.each([
      ['ResourceType key', { ResourceType: 'key' }, 'ResourceType'],
      ['51 resource ids', ids(...Array.from({ length: 51 }, (_, i) => `s${i}`)), 'ResourceId'],
      ['21 tag keys', tagKeys(...Array.from({ length: 21 }, (_, i) => `k${i}`)), 'TagKey'],
      ['a key starting with aliyun', tagKeys('aliyun-owner'), 'TagKey'],
      ['a key starting with acs:', tagKeys('acs:owner'), 'TagKey'],
      ['an empty key', tagKeys(''), 'TagKey.1'],
      ['a 129-character key', tagKeys('k'.repeat(129)), 'TagKey.1'],
      ['All that is not a boolean', { All: 'yes' }, 'All'],
    ])('refuses %s as InvalidParameter naming it, untagging nothing', async (_, bad, name) => {
      await createSecret(server().url, 'guarded', { a: '1' });
      const error = await expectKmsError(sdk, call({ ...ids('guarded'), ...tagKeys('a'), ...bad }), 'InvalidParameter', 400);
      expect(error.message).toContain(`parameter ${name}`);
      expect(await describedTags(server().url, 'guarded')).toEqual([{ TagKey: 'a', TagValue: '1' }]);
    });
  });

  describe('on the wire', () => {
    const raw = (params: Record<string, string>, options = {}) =>
      rawAlibaba(server().url, { Action: 'UntagResources', Version: '2016-01-20', ...SECRET_RESOURCES, ...params }, options);

    it('answers JSON with the exact content type, or XML under <KMS> with Format=XML', async () => {
      await createSecret(server().url, 'wire', { a: '1', b: '2' });
      const json = await raw({ ...ids('wire'), ...tagKeys('a') });
      expect(json.status).toBe(200);
      expect(json.headers.get('content-type')).toBe('application/json;charset=utf-8');
      expect(json.json).toEqual({ RequestId: json.headers.get('x-acs-request-id') });

      const xml = await raw({ Format: 'XML', ...ids('wire'), All: 'TRUE' }, { form: true });
      expect(xml.status).toBe(200);
      expect(xml.headers.get('content-type')).toBe('text/xml;charset=utf-8');
      expect(xml.text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><KMS><RequestId>[0-9a-f-]{36}<\/RequestId><\/KMS>$/);
      expect(await describedTags(server().url, 'wire')).toEqual([]);
    });

    it('answers errors with their HTTP status, as JSON or as XML under <Error>', async () => {
      const json = await raw({ ...ids('missing'), ...tagKeys('a') });
      expect(json.status).toBe(404);
      expect(json.json).toMatchObject({ Code: 'Forbidden.ResourceNotFound', Message: 'Resource not found.' });

      const xml = await raw({ Format: 'XML', ...ids('missing') });
      expect(xml.status).toBe(400);
      expect(xml.headers.get('content-type')).toBe('text/xml;charset=utf-8');
      expect(xml.text).toContain('<Code>MissingTagKey</Code>');
      expect(xml.text).toContain('<Message>TagKey is mandatory for this action.</Message>');
    });
  });
});
