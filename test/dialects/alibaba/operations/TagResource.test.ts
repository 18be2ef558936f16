import { ALIBABA_SDKS, alibabaClient } from '../../../helpers/alibaba.js';
import {
  arnOf,
  createSecret,
  describedTags,
  expectKmsError,
  expectRawError,
  expectRawXmlError,
  expectRequestIdOnly,
  numberedTags,
  rpc,
  scheduleDeletion,
  tagsJson,
  updateTimeOf,
  useKmsServer,
} from '../../../helpers/alibabaOperations.js';
import { STORES, useServer } from '../../../helpers/server.js';

describe.each(STORES)('TagResource (%s store)', (kind) => {
  const server = useServer(kind);

  describe.each(ALIBABA_SDKS)('through %s', (sdk) => {
    const call = (params: Record<string, string>) => alibabaClient(server().url, sdk)('TagResource', params);

    it('tags an untagged secret and answers only a RequestId', async () => {
      await createSecret(server().url, 'plain');
      const body = await call({ SecretName: 'plain', Tags: tagsJson({ env: 'prod', team: 'core' }) });
      expect(Object.keys(body)).toEqual(['RequestId']);
      expect(body.RequestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(await describedTags(server().url, 'plain')).toEqual([
        { TagKey: 'env', TagValue: 'prod' },
        { TagKey: 'team', TagValue: 'core' },
      ]);
    });

    it('overwrites the value of a key in place and appends new keys', async () => {
      await createSecret(server().url, 'tagged', { Tags: tagsJson({ a: '1', b: '2' }) });
      await call({ SecretName: 'tagged', Tags: tagsJson({ b: 'changed', c: '3' }) });
      expect(await describedTags(server().url, 'tagged')).toEqual([
        { TagKey: 'a', TagValue: '1' },
        { TagKey: 'b', TagValue: 'changed' },
        { TagKey: 'c', TagValue: '3' },
      ]);
    });

    it('accepts the secret ARN, an empty value, a missing value (stored as empty) and case-distinct keys', async () => {
      await createSecret(server().url, 'by-arn');
      const tags = JSON.stringify([{ TagKey: 'Env', TagValue: '' }, { TagKey: 'env' }, { TagKey: 'acs-team', TagValue: 'x' }]);
      await call({ SecretName: arnOf('by-arn'), Tags: tags });
      expect(await describedTags(server().url, 'by-arn')).toEqual([
        { TagKey: 'Env', TagValue: '' },
        { TagKey: 'env', TagValue: '' },
        { TagKey: 'acs-team', TagValue: 'x' },
      ]);
    });

    it('fills a secret up to exactly 20 tags', async () => {
      await createSecret(server().url, 'full', { Tags: tagsJson({ k0: 'old' }) });
      await call({ SecretName: 'full', Tags: tagsJson(numberedTags(20, 'k')) });
      const tags = await describedTags(server().url, 'full');
      expect(tags).toHaveLength(20);
      expect(tags[0]).toEqual({ TagKey: 'k0', TagValue: 'v0' });
    });

    it('answers Forbidden.ResourceNotFound (404) for an unknown secret', async () => {
      await expectKmsError(sdk, call({ SecretName: 'missing', Tags: tagsJson({ a: '1' }) }), 'Forbidden.ResourceNotFound', 404);
    });

    it.each(['KeyId', 'CertificateId'])('answers Forbidden.ResourceNotFound (404) for a %s: polysecret holds only secrets', async (param) => {
      await expectKmsError(sdk, call({ [param]: 'key-hzz630494463ejqjx', Tags: tagsJson({ a: '1' }) }), 'Forbidden.ResourceNotFound', 404);
    });

    it('refuses naming a secret and a key at once (InvalidParameter) without tagging the secret', async () => {
      await createSecret(server().url, 'both');
      await expectKmsError(sdk, call({ SecretName: 'both', KeyId: 'key-1', Tags: tagsJson({ a: '1' }) }), 'InvalidParameter', 400, 'KeyId');
      expect(await describedTags(server().url, 'both')).toEqual([]);
    });

    it('answers MissingSecretName when no resource is named, MissingTags when no tags are', async () => {
      await createSecret(server().url, 'named');
      const none = await expectKmsError(sdk, call({ Tags: tagsJson({ a: '1' }) }), 'MissingSecretName', 400);
      expect(none.message).toBe('SecretName is mandatory for this action.');
      await expectKmsError(sdk, call({ SecretName: 'named' }), 'MissingTags', 400);
    });

    it.each([
      ['not JSON', '{oops'],
      ['not an array', '{"TagKey":"a","TagValue":"1"}'],
      ['an empty array', '[]'],
      ['an item without TagKey', '[{"TagValue":"1"}]'],
      ['a non-string value', '[{"TagKey":"a","TagValue":1}]'],
      ['an empty key', '[{"TagKey":"","TagValue":"1"}]'],
      ['a 129-character key', JSON.stringify([{ TagKey: 'k'.repeat(129), TagValue: '1' }])],
      ['a 129-character value', JSON.stringify([{ TagKey: 'k', TagValue: 'v'.repeat(129) }])],
      ['a key starting with aliyun', '[{"TagKey":"aliyunTeam","TagValue":"1"}]'],
      ['a key starting with ACS: in any case', '[{"TagKey":"ACS:team","TagValue":"1"}]'],
      ['21 tags in one call', tagsJson({ ...numberedTags(20, 'k'), extra: 'x' })],
    ])('refuses Tags with %s as InvalidParameter, leaving the tags unchanged', async (_, tags) => {
      await createSecret(server().url, 'guarded', { Tags: tagsJson({ keep: 'me' }) });
      await expectKmsError(sdk, call({ SecretName: 'guarded', Tags: tags }), 'InvalidParameter', 400, 'Tags');
      expect(await describedTags(server().url, 'guarded')).toEqual([{ TagKey: 'keep', TagValue: 'me' }]);
    });

    it('answers Rejected.LimitExceeded when the secret would carry more than 20 tags, changing nothing', async () => {
      await createSecret(server().url, 'crowded', { Tags: tagsJson(numberedTags(20, 'k')) });
      await expectKmsError(sdk, call({ SecretName: 'crowded', Tags: tagsJson({ extra: 'x' }) }), 'Rejected.LimitExceeded', 400);
      expect(await describedTags(server().url, 'crowded')).toHaveLength(20);
      // Overwriting an existing key does not add one, so it still fits.
      await call({ SecretName: 'crowded', Tags: tagsJson({ k19: 'new' }) });
      expect((await describedTags(server().url, 'crowded'))[19]).toEqual({ TagKey: 'k19', TagValue: 'new' });
    });

    it('answers Rejected.ResourceInDeleteWindow (409) for a secret pending deletion', async () => {
      await createSecret(server().url, 'leaving', { Tags: tagsJson({ a: '1' }) });
      await scheduleDeletion(server().polysecret.engine, 'leaving');
      await expectKmsError(sdk, call({ SecretName: 'leaving', Tags: tagsJson({ b: '2' }) }), 'Rejected.ResourceInDeleteWindow', 409);
      expect(await describedTags(server().url, 'leaving')).toEqual([{ TagKey: 'a', TagValue: '1' }]);
    });
  });

  describe('on the wire', () => {
    const raw = (params: Record<string, string>) => rpc(server().url, 'TagResource', params);

    it('answers JSON with the exact content type and the request id header', async () => {
      await createSecret(server().url, 'wire');
      expectRequestIdOnly(await raw({ SecretName: 'wire', Tags: tagsJson({ a: '1' }) }), 'JSON');
    });

    it('answers XML under <KMS> with Format=XML, also from a form body', async () => {
      await createSecret(server().url, 'wire-xml');
      const response = await rpc(server().url, 'TagResource', { Format: 'XML', SecretName: 'wire-xml', Tags: tagsJson({ a: '1' }) }, { form: true });
      expectRequestIdOnly(response, 'XML');
      expect(await describedTags(server().url, 'wire-xml')).toEqual([{ TagKey: 'a', TagValue: '1' }]);
    });

    it('answers errors with their HTTP status, as JSON or as XML under <Error>', async () => {
      const json = await raw({ CertificateId: 'cert-1', Tags: tagsJson({ a: '1' }) });
      expectRawError(json, 'Forbidden.ResourceNotFound', 404);
      expect(json.json).toMatchObject({ Message: 'Resource not found.', HostId: 'kms.cn-hangzhou.aliyuncs.com' });
      await expectRawXmlError(await raw({ Format: 'XML', SecretName: 'missing', Tags: tagsJson({ a: '1' }) }), 'Forbidden.ResourceNotFound', 404);
      expectRawError(await raw({ SecretName: 'missing', Tags: tagsJson({ 'aliyun:x': '1' }) }), 'InvalidParameter', 400);
    });
  });
});

describe.each(STORES)('TagResource and UpdateTime (%s store)', (kind) => {
  const { clock, url } = useKmsServer(kind, Date.UTC(2024, 0, 1));

  it('moves UpdateTime when tags change, not when a call rewrites identical tags', async () => {
    await createSecret(url(), 'timed', { Tags: tagsJson({ a: '1' }) });
    expect(await updateTimeOf(url(), 'timed')).toBe('2024-01-01T00:00:00Z');
    clock.advance(60_000);
    await alibabaClient(url(), 'openapi-client-v3')('TagResource', { SecretName: 'timed', Tags: tagsJson({ a: '1' }) });
    expect(await updateTimeOf(url(), 'timed')).toBe('2024-01-01T00:00:00Z');
    clock.advance(60_000);
    await alibabaClient(url(), 'openapi-client-v3')('TagResource', { SecretName: 'timed', Tags: tagsJson({ a: '2' }) });
    expect(await updateTimeOf(url(), 'timed')).toBe('2024-01-01T00:02:00Z');
  });
});
