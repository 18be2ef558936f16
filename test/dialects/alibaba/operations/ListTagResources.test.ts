import { ALIBABA_SDKS, alibabaClient } from '../../../helpers/alibaba.js';
import {
  arnOf,
  createSecret,
  expectKmsError,
  expectRawError,
  expectRawXml,
  expectRawXmlError,
  flatTags,
  resourceIds,
  rpc,
  scheduleDeletion,
  SECRET_RESOURCES,
  tagsJson,
} from '../../../helpers/alibabaOperations.js';
import { STORES, useServer } from '../../../helpers/server.js';

/** The row KMS returns for one tag of one secret. */
const row = (ResourceId: string, TagKey: string, TagValue: string) => ({ ResourceId, ResourceType: 'secret', TagKey, TagValue });

describe.each(STORES)('ListTagResources (%s store)', (kind) => {
  const server = useServer(kind);

  /** Three secrets: alpha {env:prod, team:core}, beta {env:dev, team:core}, gamma {env:prod}, plus untagged bare. */
  async function seed(): Promise<void> {
    await createSecret(server().url, 'alpha', { Tags: tagsJson({ env: 'prod', team: 'core' }) });
    await createSecret(server().url, 'beta', { Tags: tagsJson({ env: 'dev', team: 'core' }) });
    await createSecret(server().url, 'bare');
    await createSecret(server().url, 'gamma', { Tags: tagsJson({ env: 'prod' }) });
  }

  describe.each(ALIBABA_SDKS)('through %s', (sdk) => {
    const call = (params: Record<string, string> = {}) => alibabaClient(server().url, sdk)('ListTagResources', { ...SECRET_RESOURCES, ...params });

    it('lists one row per tag of the named secrets, in the order named then tag order, with an empty NextToken', async () => {
      await seed();
      const body = await call(resourceIds('gamma', 'alpha', 'bare'));
      expect(Object.keys(body).sort()).toEqual(['NextToken', 'RequestId', 'TagResources']);
      expect(body.NextToken).toBe('');
      expect(body.TagResources).toEqual({ TagResource: [row('gamma', 'env', 'prod'), row('alpha', 'env', 'prod'), row('alpha', 'team', 'core')] });
    });

    it('lists every tagged secret of the region, oldest first, when nothing is named', async () => {
      await seed();
      const body = await call();
      expect(body.TagResources.TagResource).toEqual([
        row('alpha', 'env', 'prod'),
        row('alpha', 'team', 'core'),
        row('beta', 'env', 'dev'),
        row('beta', 'team', 'core'),
        row('gamma', 'env', 'prod'),
      ]);
    });

    it('reports an ARN id by name, skips unknown ids and keeps a single row in an array', async () => {
      await seed();
      const body = await call(resourceIds(arnOf('gamma'), 'unknown'));
      expect(body.TagResources).toEqual({ TagResource: [row('gamma', 'env', 'prod')] });
      const none = await call(resourceIds('unknown', 'bare'));
      expect(none).toMatchObject({ NextToken: '', TagResources: { TagResource: [] } });
    });

    it('filters by tag: key and value, key alone, several tags together, and with resource ids', async () => {
      await seed();
      expect((await call(flatTags([['env', 'prod']]))).TagResources.TagResource).toEqual([row('alpha', 'env', 'prod'), row('gamma', 'env', 'prod')]);
      expect((await call(flatTags([['team']]))).TagResources.TagResource).toEqual([row('alpha', 'team', 'core'), row('beta', 'team', 'core')]);
      expect((await call(flatTags([['env', 'prod'], ['team', 'core']]))).TagResources.TagResource).toEqual([
        row('alpha', 'env', 'prod'),
        row('alpha', 'team', 'core'),
      ]);
      expect((await call({ ...resourceIds('beta', 'gamma'), ...flatTags([['team', 'core']]) })).TagResources.TagResource).toEqual([
        row('beta', 'team', 'core'),
      ]);
      expect((await call(flatTags([['env', 'staging']]))).TagResources.TagResource).toEqual([]);
    });

    it('includes secrets pending deletion and leaves out other regions', async () => {
      await createSecret(server().url, 'leaving', { Tags: tagsJson({ a: '1' }) });
      await scheduleDeletion(server().polysecret.engine, 'leaving');
      await alibabaClient(server().url, sdk)('CreateSecret', { RegionId: 'cn-shanghai', SecretName: 'far', VersionId: 'v1', SecretData: 'd', Tags: tagsJson({ b: '2' }) });
      expect((await call()).TagResources.TagResource).toEqual([row('leaving', 'a', '1')]);
      const shanghai = await alibabaClient(server().url, sdk)('ListTagResources', { RegionId: 'cn-shanghai', ResourceType: 'secret' });
      expect(shanghai.TagResources.TagResource).toEqual([row('far', 'b', '2')]);
    });

    it('pages 200 rows at a time with NextToken', async () => {
      const names = Array.from({ length: 11 }, (_, i) => `page-${String(i).padStart(2, '0')}`);
      const twenty = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${String(i).padStart(2, '0')}`, `v${i}`]));
      for (const name of names) await createSecret(server().url, name, { Tags: tagsJson(twenty) });
      const first = await call();
      expect(first.TagResources.TagResource).toHaveLength(200);
      expect(first.NextToken).not.toBe('');
      const second = await call({ NextToken: first.NextToken });
      expect(second.TagResources.TagResource).toHaveLength(20);
      expect(second.NextToken).toBe('');
      const all = [...first.TagResources.TagResource, ...second.TagResources.TagResource];
      expect(all).toEqual(names.flatMap((name) => Object.entries(twenty).map(([key, value]) => row(name, key, value))));
    });

    it('answers MissingRegionId and MissingResourceType when they are absent', async () => {
      const client = alibabaClient(server().url, sdk);
      await expectKmsError(sdk, client('ListTagResources', { ResourceType: 'secret' }), 'MissingRegionId', 400);
      await expectKmsError(sdk, client('ListTagResources', { RegionId: 'cn-hangzhou' }), 'MissingResourceType', 400);
    });

    it.each([
      ['ResourceType key', { ResourceType: 'key' }, 'ResourceType'],
      ['51 resource ids', resourceIds(...Array.from({ length: 51 }, (_, i) => `s${i}`)), 'ResourceId'],
      ['21 tag filters', flatTags(Array.from({ length: 21 }, (_, i) => [`k${i}`, 'v'] as [string, string])), 'Tag'],
      ['a tag key starting with acs:', flatTags([['acs:owner', 'x']]), 'Tag'],
      ['a tag value without its key', { 'Tag.1.Value': 'orphan' }, 'Tag'],
      ['a 129-character tag key', flatTags([['k'.repeat(129)]]), 'Tag.1.Key'],
      ['a NextToken it never issued', { NextToken: 'caeba0bbb2be03f84eb48b699f0a4883' }, 'NextToken'],
    ])('refuses %s as InvalidParameter naming it', async (_, bad, name) => {
      await expectKmsError(sdk, call(bad), 'InvalidParameter', 400, `parameter ${name}`);
    });
  });

  describe('on the wire', () => {
    const raw = (params: Record<string, string>, options = {}) =>
      rpc(server().url, 'ListTagResources', { ...SECRET_RESOURCES, ...params }, options);

    it('answers JSON with the exact content type and the rows in an array', async () => {
      await seed();
      const response = await raw(resourceIds('gamma'));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json;charset=utf-8');
      expect(response.json).toEqual({
        NextToken: '',
        TagResources: { TagResource: [row('gamma', 'env', 'prod')] },
        RequestId: response.headers.get('x-acs-request-id'),
      });
    });

    it('answers XML under <KMS> with one <TagResource> element per row', async () => {
      await seed();
      const response = await raw({ Format: 'XML', ...flatTags([['env', 'prod']]) }, { form: true });
      const kms = await expectRawXml(response);
      expect(response.text).toContain(
        '<TagResources><TagResource><ResourceId>alpha</ResourceId><ResourceType>secret</ResourceType><TagKey>env</TagKey><TagValue>prod</TagValue></TagResource>' +
          '<TagResource><ResourceId>gamma</ResourceId><ResourceType>secret</ResourceType><TagKey>env</TagKey><TagValue>prod</TagValue></TagResource></TagResources>',
      );
      expect(kms.NextToken).toBe('');
      expect(kms.TagResources.TagResource).toHaveLength(2);
      expect(kms.RequestId).toBe(response.headers.get('x-acs-request-id'));
    });

    it('answers an empty XML page with empty <NextToken/> and <TagResources/>', async () => {
      const response = await raw({ Format: 'xml' });
      expect(response.text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><KMS><NextToken\/><TagResources\/><RequestId>[0-9a-f-]{36}<\/RequestId><\/KMS>$/);
    });

    it('answers errors with their HTTP status, as JSON or as XML under <Error>', async () => {
      const json = await raw({ ResourceType: 'alias' });
      expectRawError(json, 'InvalidParameter', 400);
      expect(json.json.Message).toBe('The specified parameter ResourceType is not valid.');

      const xml = await raw({ Format: 'XML', NextToken: '!!' });
      await expectRawXmlError(xml, 'InvalidParameter', 400);
    });
  });
});
