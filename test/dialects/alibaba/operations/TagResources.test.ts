import { ALIBABA_SDKS, alibabaClient, rawAlibaba } from '../../../helpers/alibaba.js';
import { createSecret, describedTags, expectKmsError, scheduleDeletion, SECRET_RESOURCES } from '../../../helpers/alibabaTags.js';
import { STORES, useServer } from '../../../helpers/server.js';

const ARN_PREFIX = 'acs:kms:cn-hangzhou:1234567890123456:secret/';

/** `ResourceId.N` parameters as the SDKs flatten a list. */
const ids = (...names: string[]) => Object.fromEntries(names.map((name, i) => [`ResourceId.${i + 1}`, name]));
/** `Tag.N.Key`/`Tag.N.Value` parameters as the SDKs flatten a list of structs. */
const tags = (entries: Record<string, string>) =>
  Object.fromEntries(Object.entries(entries).flatMap(([key, value], i) => [[`Tag.${i + 1}.Key`, key], [`Tag.${i + 1}.Value`, value]]));
const many = (count: number, prefix: string) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}${i}`, `v${i}`]));

describe.each(STORES)('TagResources (%s store)', (kind) => {
  const server = useServer(kind);

  describe.each(ALIBABA_SDKS)('through %s', (sdk) => {
    const call = (params: Record<string, string>) => alibabaClient(server().url, sdk)('TagResources', { ...SECRET_RESOURCES, ...params });

    it('tags every named secret, overwriting existing keys, and answers only a RequestId', async () => {
      await createSecret(server().url, 'one');
      await createSecret(server().url, 'two', { env: 'dev', keep: 'x' });
      const body = await call({ ...ids('one', 'two'), ...tags({ env: 'prod', team: 'core' }) });
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
      await call({ ...ids('same', `${ARN_PREFIX}same`, 'same'), 'Tag.2.Key': 'a', 'Tag.2.Value': '1', 'Tag.5.Key': 'b' });
      expect(await describedTags(server().url, 'same')).toEqual([
        { TagKey: 'a', TagValue: '1' },
        { TagKey: 'b', TagValue: '' },
      ]);
    });

    it('accepts 50 secrets and 20 tags in one call', async () => {
      const names = Array.from({ length: 50 }, (_, i) => `bulk-${i}`);
      for (const name of names) await createSecret(server().url, name);
      await call({ ...ids(...names), ...tags(many(20, 'k')) });
      expect(await describedTags(server().url, 'bulk-0')).toHaveLength(20);
      expect((await describedTags(server().url, 'bulk-49'))[19]).toEqual({ TagKey: 'k19', TagValue: 'v19' });
    });

    it('answers Forbidden.ResourceNotFound (404) when any secret is unknown, tagging none', async () => {
      await createSecret(server().url, 'known');
      await expectKmsError(sdk, call({ ...ids('known', 'unknown'), ...tags({ a: '1' }) }), 'Forbidden.ResourceNotFound', 404);
      expect(await describedTags(server().url, 'known')).toEqual([]);
    });

    it('looks secrets up in the RegionId region', async () => {
      await createSecret(server().url, 'hangzhou');
      const elsewhere = alibabaClient(server().url, sdk)('TagResources', { RegionId: 'cn-shanghai', ResourceType: 'secret', ...ids('hangzhou'), ...tags({ a: '1' }) });
      await expectKmsError(sdk, elsewhere, 'Forbidden.ResourceNotFound', 404);
      expect(await describedTags(server().url, 'hangzhou')).toEqual([]);
    });

    it('answers Rejected.LimitExceeded when any secret would pass 20 tags, tagging none', async () => {
      await createSecret(server().url, 'roomy');
      await createSecret(server().url, 'crowded', many(19, 'k'));
      await expectKmsError(sdk, call({ ...ids('roomy', 'crowded'), ...tags({ x: '1', y: '2' }) }), 'Rejected.LimitExceeded', 400);
      expect(await describedTags(server().url, 'roomy')).toEqual([]);
      expect(await describedTags(server().url, 'crowded')).toHaveLength(19);
    });

    it('answers Rejected.ResourceInDeleteWindow (409) when any secret is pending deletion, tagging none', async () => {
      await createSecret(server().url, 'staying');
      await createSecret(server().url, 'leaving');
      await scheduleDeletion(server().polysecret.engine, 'leaving');
      await expectKmsError(sdk, call({ ...ids('staying', 'leaving'), ...tags({ a: '1' }) }), 'Rejected.ResourceInDeleteWindow', 409);
      expect(await describedTags(server().url, 'staying')).toEqual([]);
    });

    it('answers Missing<Name> for a missing RegionId, ResourceType, ResourceId.N or Tag.N', async () => {
      await createSecret(server().url, 'named');
      const client = alibabaClient(server().url, sdk);
      await expectKmsError(sdk, client('TagResources', { ResourceType: 'secret', ...ids('named'), ...tags({ a: '1' }) }), 'MissingRegionId', 400);
      await expectKmsError(sdk, client('TagResources', { RegionId: 'cn-hangzhou', ...ids('named'), ...tags({ a: '1' }) }), 'MissingResourceType', 400);
      await expectKmsError(sdk, call(tags({ a: '1' })), 'MissingResourceId', 400);
      await expectKmsError(sdk, call(ids('named')), 'MissingTag', 400);
      expect(await describedTags(server().url, 'named')).toEqual([]);
    });

    it.each([
      ['ResourceType key', { ResourceType: 'key' }, 'ResourceType'],
      ['ResourceType Secret (the value is case-sensitive)', { ResourceType: 'Secret' }, 'ResourceType'],
      ['51 resource ids', ids(...Array.from({ length: 51 }, (_, i) => `s${i}`)), 'ResourceId'],
      ['21 tags', tags(many(21, 'k')), 'Tag'],
      ['a key starting with aliyun', tags({ aliyunOwner: '1' }), 'Tag'],
      ['a key starting with acs:', tags({ 'acs:owner': '1' }), 'Tag'],
      ['a value without its key', { 'Tag.2.Value': 'orphan' }, 'Tag'],
      ['an empty key', { 'Tag.1.Key': '', 'Tag.1.Value': '1' }, 'Tag.1.Key'],
      ['a 129-character key', tags({ ['k'.repeat(129)]: '1' }), 'Tag.1.Key'],
      ['a 129-character value', tags({ k: 'v'.repeat(129) }), 'Tag.1.Value'],
      ['an empty resource id', { 'ResourceId.1': '' }, 'ResourceId.1'],
    ])('refuses %s as InvalidParameter naming it, tagging nothing', async (_, bad, name) => {
      await createSecret(server().url, 'guarded');
      const error = await expectKmsError(sdk, call({ ...ids('guarded'), ...tags({ ok: '1' }), ...bad }), 'InvalidParameter', 400);
      expect(error.message).toContain(`parameter ${name}`);
      expect(await describedTags(server().url, 'guarded')).toEqual([]);
    });
  });

  describe('on the wire', () => {
    const raw = (params: Record<string, string>, options = {}) =>
      rawAlibaba(server().url, { Action: 'TagResources', Version: '2016-01-20', ...SECRET_RESOURCES, ...params }, options);

    it('answers JSON with the exact content type, or XML under <KMS> with Format=XML', async () => {
      await createSecret(server().url, 'wire');
      const json = await raw({ ...ids('wire'), ...tags({ a: '1' }) });
      expect(json.status).toBe(200);
      expect(json.headers.get('content-type')).toBe('application/json;charset=utf-8');
      expect(json.json).toEqual({ RequestId: json.headers.get('x-acs-request-id') });

      const xml = await raw({ Format: 'XML', ...ids('wire'), ...tags({ b: '2' }) }, { form: true });
      expect(xml.status).toBe(200);
      expect(xml.headers.get('content-type')).toBe('text/xml;charset=utf-8');
      expect(xml.text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><KMS><RequestId>[0-9a-f-]{36}<\/RequestId><\/KMS>$/);
      expect(await describedTags(server().url, 'wire')).toEqual([
        { TagKey: 'a', TagValue: '1' },
        { TagKey: 'b', TagValue: '2' },
      ]);
    });

    it('answers errors with their HTTP status, as JSON or as XML under <Error>', async () => {
      const json = await raw({ ...ids('missing'), ...tags({ a: '1' }) });
      expect(json.status).toBe(404);
      expect(json.json).toMatchObject({ Code: 'Forbidden.ResourceNotFound', Message: 'Resource not found.' });

      const xml = await raw({ Format: 'XML', ResourceType: 'certificate', ...ids('missing'), ...tags({ a: '1' }) });
      expect(xml.status).toBe(400);
      expect(xml.headers.get('content-type')).toBe('text/xml;charset=utf-8');
      expect(xml.text).toContain('<Error><RequestId>');
      expect(xml.text).toContain('<Code>InvalidParameter</Code>');
      expect(xml.text).toContain('The specified parameter ResourceType is not valid.');
    });
  });
});
